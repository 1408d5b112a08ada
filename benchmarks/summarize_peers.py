"""Summarize run_peers.sh: agreement of tribune and the numpy reference, and their speed."""
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

path, commit = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(path) if l.strip()]
cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "?")
import numpy
print(f"# tribune against a numpy implementation of the reduced model\n\ncommit `{commit}`, {platform.node()}, "
      f"{model}, {os.cpu_count()} cores, load average before: {open('/proc/loadavg').read().split()[0]}; numpy "
      f"{numpy.__version__}, Python {platform.python_version()}; `bash benchmarks/run_peers.sh`; one thread each; "
      "benchmarks/peers/reduced.yaml.\n")

pick = lambda impl, check: [r for r in rows if r["impl"] == impl and r["check"] == check]
print("## Same final statistics (10^4 persons, 52 weeks, the same network and persons)\n")
t, ns = pick("tribune", "default")[0]["final"], [r["final"] for r in pick("numpy", "default")]
t1, n1 = pick("tribune", "recovery1")[0]["final"], pick("numpy", "recovery1")[0]["final"]
lo = min(f["protest_share_mean"] for f in ns)
hi = max(f["protest_share_mean"] for f in ns)
ok_x = abs(t["ideology_mean"] - ns[0]["ideology_mean"]) < 1e-5 and abs(t["ideology_sd"] - ns[0]["ideology_sd"]) < 1e-5
ok_1 = abs(t1["protest_share_mean"] - n1["protest_share_mean"]) < 1e-6
ok_p = lo <= t["protest_share_mean"] <= hi
print("| statistic | tribune | numpy | agrees |\n|---|---|---|---|")
print(f"| ideology mean, sd | {t['ideology_mean']:.6f}, {t['ideology_sd']:.6f} | {ns[0]['ideology_mean']:.6f}, "
      f"{ns[0]['ideology_sd']:.6f} | {'yes' if ok_x else 'NO'} (within 1e-5: the rule has no randomness) |")
print(f"| protest share, mean over weeks, recovery = 1 | {t1['protest_share_mean']:.6f} | "
      f"{n1['protest_share_mean']:.6f} | {'yes' if ok_1 else 'NO'} (within 1e-6: nothing random) |")
print(f"| protest share, mean over weeks | {t['protest_share_mean']:.4f} | {lo:.4f} to {hi:.4f} over 8 seeds | "
      f"{'yes' if ok_p else 'NO'} (tribune inside numpy's range) |\n")

print("## Speed (median over repeats of each run's median tick)\n")
sp = defaultdict(list)
floor = defaultdict(list)
for r in rows:
    if r["check"] == "speed":
        sp[(r["persons"], r["impl"])].append(r["tick_median_ms"])
        if "tie_floor_ms" in r:
            floor[r["persons"]].append((r["tie_floor_ms"], r["tie_floor_ns_per_tie"]))
print("| N | tribune ms/tick | numpy ms/tick | tribune person-ticks/s | numpy person-ticks/s | tribune / numpy |"
      " bare tie loop ms (ns a tie) | numpy / bare tie loop |")
print("|---|---|---|---|---|---|---|---|")
for n in sorted({k[0] for k in sp}):
    a, b = statistics.median(sp[(n, "tribune")]), statistics.median(sp[(n, "numpy")])
    if floor[n]:
        f = statistics.median(x[0] for x in floor[n])
        per = statistics.median(x[1] for x in floor[n])
        fl = f"{f:.3f} ({per:.2f}) | {b / f:.1f}"
    else:
        fl = "- | -"
    print(f"| {n:.0e} | {a:.3f} | {b:.2f} | {n / a * 1e3:.3g} | {n / b * 1e3:.3g} | {b / a:.1f} | {fl} |")
print("\nThe ratio per pair of interleaved runs: " + ", ".join(
    f"{n:.0e}: " + "/".join(f"{b / a:.1f}" for a, b in zip(sp[(n, 'tribune')], sp[(n, 'numpy')]))
    for n in sorted({k[0] for k in sp})) + ".")
if any(floor.values()):
    print("\nThe bare tie loop is M4's bounded-confidence sum over every tie, one thread, nothing else "
          "(`bench_scaling --tie-floor`, median of 21 passes in each tribune run). numpy's tick over it is "
          "the ceiling on tribune / numpy for a tick that reads each tie once with this loop, if every other "
          "part of the tick took no time.")
