"""Summarize run_loaded.sh's JSON lines: per (build, N), the median over repeats of each run's
median tick with 1 and 2 threads at each load, the ratios issue 19's targets are about, and the
worst repeat (a pathology shows there before it shows in a median)."""
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

path, commit = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(path) if l.strip()]
by = defaultdict(list)
for r in rows:
    by[(r["build"], r["persons"], r["load"], r["threads"])].append(r["tick_median_ms"])
loads = sorted({k[2] for k in by}, key=lambda s: (s != "quiet", s))

cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "?")
reps = max(len(v) for v in by.values())
print(f"# Threads on a loaded machine\n\ncommit `{commit}`, {platform.node()}, {model}, {os.cpu_count()} cores, "
      f"load average at the end: {open('/proc/loadavg').read().split()[0]}; scenario `scenarios/baseline.yaml`, "
      f"mean degree 16; {len(rows)} runs, {reps} repeats (`bash benchmarks/run_loaded.sh`). busyK = K busy loops "
      "started by the script beside the run. Figures: median over repeats of each run's median tick, ms; "
      "in brackets the worst repeat.\n")
head = "| build | N | " + " | ".join(f"{l} 1T | {l} 2T" for l in loads) + " | " + \
       " | ".join(f"{l}: 2T / 1T" for l in loads) + " |"
print(head)
print("|" + "---|" * (2 + 3 * len(loads)))
for b in sorted({k[0] for k in by}):
    for n in sorted({k[1] for k in by if k[0] == b}):
        cells, ratios = [], []
        for l in loads:
            m = {t: statistics.median(by[(b, n, l, t)]) for t in (1, 2)}
            w = {t: max(by[(b, n, l, t)]) for t in (1, 2)}
            cells += [f"{m[1]:.2f} ({w[1]:.1f})", f"{m[2]:.2f} ({w[2]:.1f})"]
            ratios.append(f"{m[2] / m[1]:.2f}")
        print(f"| {b} | {n:.0e} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print("\nTargets (issue 19): on a loaded machine two threads never slower than one (2T / 1T <= 1), and one "
      "thread within 10% of its quiet figure.")
