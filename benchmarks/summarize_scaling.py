"""Summarize bench_scaling JSON lines as a Markdown report with machine and commit."""
import json
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

path, commit = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(path) if l.strip()]
by = defaultdict(list)
for r in rows:
    by[(r["persons"], r["threads"])].append(r)


def med(key, rs):
    return statistics.median(r[key] for r in rs)


cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
print(f"# Scaling benchmark\n\ncommit `{commit}`, {platform.node()}, {model}, "
      f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
      f"{int(mem) // 1024} MiB; scenario `scenarios/baseline.yaml` with `world.persons=N`, mean degree 16, "
      f"52 ticks; {len(rows)} runs (`bash benchmarks/run_scaling.sh`).\n")
print("Medians over repeats of: the median tick, the fastest tick, and the other figures. "
      "person-ticks/s = N / median tick. streamed = the bytes each tick must stream at least "
      "(columns and CSR once) / median tick; triad = STREAM-style triad bandwidth measured in the same process.\n")
print("| N | threads | build s | median tick ms | fastest tick ms | person-ticks/s (median tick) | "
      "person-ticks/s (fastest) | speed-up vs 1 thread | bytes/person (RSS) | peak RSS MiB | streamed GB/s | "
      "triad GB/s | streamed / triad |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for (n, t), rs in sorted(by.items()):
    one = by.get((n, 1))
    speedup = med("tick_median_ms", one) / med("tick_median_ms", rs) if one else float("nan")
    print(f"| {n:.0e} | {t} | {med('build_s', rs):.2f} | {med('tick_median_ms', rs):.1f} | "
          f"{med('tick_min_ms', rs):.1f} | {med('person_ticks_per_s', rs):.3g} | "
          f"{n / (med('tick_min_ms', rs) / 1e3):.3g} | {speedup:.2f} | {med('rss_bytes_per_person', rs):.0f} | "
          f"{med('peak_rss_mib', rs):.0f} | {med('streamed_gb_per_s', rs):.2f} | "
          f"{med('triad_median_gb_per_s', rs):.1f} | "
          f"{med('streamed_gb_per_s', rs) / med('triad_median_gb_per_s', rs):.2f} |")
print("\nPer-phase median ms per tick:\n")
phases = list(rows[0]["phase_median_ms"].keys())
print("| N | threads | " + " | ".join(phases) + " |")
print("|---|---|" + "---|" * len(phases))
for (n, t), rs in sorted(by.items()):
    print(f"| {n:.0e} | {t} | " + " | ".join(
        f"{statistics.median(r['phase_median_ms'][p] for r in rs):.2f}" for p in phases) + " |")
