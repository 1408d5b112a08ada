#!/usr/bin/env bash
# Sweep-overhead benchmark (issue #6): 200 runs of a 10^4-person, 52-tick scenario
# (benchmarks/sweep_small.yaml) with `tribune sweep run --jobs 2`, against the runs' own compute
# time: the sum of the same 200 runs made one by one with `tribune run --threads 1`, divided by 2.
# Target: sweep wall time <= 1.2 x that. Repeats alternate the two measurements.
# Writes benchmarks/results/sweep-<date>-<commit>.md.
#
#   bash benchmarks/run_sweep.sh [REPEATS]     (default 3; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
bin=$PWD/build/release/tribune
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/sweep-$(date -u +%Y-%m-%d)-$commit.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" sweep plan benchmarks/sweep_small.yaml --no-probe -o "$tmp/runs.tsv" >/dev/null
rows=()
for r in $(seq "$repeats"); do
  echo "repeat $r: sweep" >&2
  t0=$(date +%s.%N)
  "$bin" sweep run benchmarks/sweep_small.yaml -o "$tmp/sweep$r" --jobs 2 -q > "$tmp/sweep$r.txt"
  t1=$(date +%s.%N)
  echo "repeat $r: the same runs one by one" >&2
  own=0
  while IFS=$'\t' read -r run point rep seed friction police; do
    [ "$run" = run ] && continue
    "$bin" run scenarios/baseline.yaml -q --threads 1 -o "$tmp/one.h5" --seed "$seed" --set replicate="$rep" \
      --set world.persons=10000 --set horizon_weeks=52 \
      --set mechanisms.legislation.translation_friction="$friction" \
      --set mechanisms.mobilization.police_per_1000="$police" > "$tmp/one.txt" 2>/dev/null
    s=$(/usr/bin/python3 -c "import h5py; print(h5py.File('$tmp/one.h5').attrs['wall_seconds'])")
    own=$(/usr/bin/python3 -c "print($own + $s)")
    rm -f "$tmp/one.h5"
  done < "$tmp/runs.tsv"
  rows+=("$(/usr/bin/python3 -c "print($t1 - $t0, $own)")")
  rm -rf "$tmp/sweep$r"
done
/usr/bin/python3 - "$commit" "${rows[@]}" > "$out" <<'PY'
import platform, statistics, sys
commit, rows = sys.argv[1], [tuple(map(float, r.split())) for r in sys.argv[2:]]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("# Sweep-overhead benchmark\n")
print(f"commit `{commit}`, {platform.node()}, {cpu}, 2 cores; `benchmarks/sweep_small.yaml`: 200 runs of "
      "10^4 persons x 52 ticks; `tribune sweep run --jobs 2` (1 thread per run) against the sum of the same "
      "runs' own wall time (`wall_seconds`, building the world and every tick) made one by one with "
      f"`tribune run --threads 1`, halved. {len(rows)} repeats, alternating (`bash benchmarks/run_sweep.sh`).\n")
print("| repeat | sweep wall s | sum of own run times s | own / 2 s | sweep / (own / 2) |")
print("|---|---|---|---|---|")
ratios = []
for k, (wall, own) in enumerate(rows, 1):
    ratios.append(wall / (own / 2))
    print(f"| {k} | {wall:.2f} | {own:.2f} | {own / 2:.2f} | {ratios[-1]:.3f} |")
print(f"\nMedian ratio {statistics.median(ratios):.3f} (target <= 1.2).")
PY
cat "$out"
