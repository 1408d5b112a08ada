#!/usr/bin/env bash
# Per-phase costs of two builds side by side: bench_scaling on the same scenario, size and threads,
# the builds' runs interleaved (this machine's speed drifts by 30-50% within minutes, so only
# interleaved medians compare). For each build, the median over runs of the median tick and of
# each phase's median; phases under 0.3 ms in the first build are left out. Writes
# benchmarks/results/phases-<date>-<commit>.{jsonl,md}.
#
#   OLD=/path/to/old/bench_scaling bash benchmarks/run_phases.sh [REPEATS] [PERSONS] [THREADS] [TICKS] [SCENARIO]
#   (defaults: 5 repeats, 10^6 persons, 2 threads, 30 ticks, scenarios/baseline.yaml; the new
#   build is build/release/benchmarks/bench_scaling)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}; persons=${2:-1000000}; threads=${3:-2}; ticks=${4:-30}; scenario=${5:-scenarios/baseline.yaml}
new=build/release/benchmarks/bench_scaling
old=${OLD:?set OLD to the bench_scaling binary of the build to compare against}
[ -x "$new" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
[ -x "$old" ] || { echo "OLD=$old is not an executable" >&2; exit 2; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/phases-$(date -u +%Y-%m-%d)-$commit-n$persons-t$threads
mkdir -p benchmarks/results
load=$(cut -d' ' -f1 /proc/loadavg)
: > "$out.jsonl"
for r in $(seq "$repeats"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    echo "repeat $r: $which" >&2
    "$bin" "$scenario" --persons "$persons" --threads "$threads" --ticks "$ticks" |
      /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); d['build']='$which'; print(json.dumps(d))" >> "$out.jsonl"
  done
done
/usr/bin/python3 - "$out.jsonl" "$out.md" "$old" "$commit" "$load" "$scenario" "$persons" "$threads" "$ticks" "$repeats" <<'PY'
import json, statistics, sys, platform, subprocess
src, dst, old, commit, load, scenario, persons, threads, ticks, repeats = sys.argv[1:]
runs = [json.loads(l) for l in open(src)]
by = {b: [r for r in runs if r["build"] == b] for b in ("old", "new")}
med = lambda xs: statistics.median(xs)
phases = [k for k in by["old"][0]["phase_median_ms"] if med([r["phase_median_ms"][k] for r in by["old"]]) >= 0.3]
phases.sort(key=lambda k: -med([r["phase_median_ms"][k] for r in by["old"]]))
model = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
with open(dst, "w") as f:
    f.write("# Per-phase costs: an older build against this one\n\n")
    f.write(f"commit `{commit}` against `{old}`, {platform.node()}, {model}, load average before: {load};\n")
    f.write(f"`bench_scaling {scenario} --persons {persons} --threads {threads} --ticks {ticks}`, {repeats} runs of each build, interleaved\n")
    f.write("(`OLD=... bash benchmarks/run_phases.sh`). Median over runs of each run's median, ms.\n\n")
    f.write("| phase | older build | this build | ratio |\n|---|---|---|---|\n")
    for k, label in [("TICK", "tick")] + [(p, p) for p in phases]:
        get = (lambda r: r["tick_median_ms"]) if k == "TICK" else (lambda r, k=k: r["phase_median_ms"][k])
        a, b = med([get(r) for r in by["old"]]), med([get(r) for r in by["new"]])
        f.write(f"| {label} | {a:.2f} | {b:.2f} | {b / a:.2f} |\n")
    ticks_old = [r["tick_median_ms"] for r in by["old"]]
    ticks_new = [r["tick_median_ms"] for r in by["new"]]
    f.write(f"\nMedian ticks of each run, older: {', '.join(f'{x:.1f}' for x in ticks_old)}; "
            f"this: {', '.join(f'{x:.1f}' for x in ticks_new)}.\n")
print(open(dst).read())
PY
