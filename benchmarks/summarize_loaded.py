"""Summarize run_loaded.sh's JSON lines: median tick per (build, N, load, threads) and the ratios
the issue-19 targets are about."""
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
med = {k: statistics.median(v) for k, v in by.items()}

cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "?")
print(f"# Threads on a loaded machine\n\ncommit `{commit}`, {platform.node()}, {model}, {os.cpu_count()} cores, "
      f"load average before: {open('/proc/loadavg').read().split()[0]}; scenario `scenarios/baseline.yaml`, "
      f"mean degree 16; {len(rows)} runs (`bash benchmarks/run_loaded.sh`). 'loaded' = one busy loop "
      "started by the script beside the run. Figures: median over repeats of each run's median tick (ms).\n")
print("| build | N | quiet 1T | quiet 2T | loaded 1T | loaded 2T | loaded 2T / loaded 1T | loaded 1T / quiet 1T |"
      " loaded 2T / quiet 1T |")
print("|---|---|---|---|---|---|---|---|---|")
builds = sorted({k[0] for k in med})
for b in builds:
    for n in sorted({k[1] for k in med if k[0] == b}):
        g = lambda load, t: med.get((b, n, load, t), float("nan"))
        q1, q2, l1, l2 = g("quiet", 1), g("quiet", 2), g("loaded", 1), g("loaded", 2)
        print(f"| {b} | {n:.0e} | {q1:.2f} | {q2:.2f} | {l1:.2f} | {l2:.2f} | {l2 / l1:.2f} | {l1 / q1:.2f} |"
              f" {l2 / q1:.2f} |")
print("\nTargets (issue 19): loaded 2T / loaded 1T <= 1 (two threads never slower than one) and loaded 1T "
      "within 10% of quiet 1T (the run keeps its own core when another process takes the other).")
