#!/usr/bin/env bash
# End-to-end scaling benchmark (issue #2): N = 10^4 .. 10^7 persons, mean degree 16, 52 ticks,
# the baseline scenario's mechanisms, 1 and 2 threads, each configuration repeated; the triad
# bandwidth probe runs in the same processes. Writes benchmarks/results/scaling-<date>-<commit>.{jsonl,md}.
#
#   bash benchmarks/run_scaling.sh [REPEATS]      (default 3; needs a release build)
#   SIZES="1000000" bash benchmarks/run_scaling.sh 3   (only some sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
bin=build/release/benchmarks/bench_scaling
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
stamp=$(date -u +%Y-%m-%d)
out=benchmarks/results/scaling-$stamp-$commit${SIZES:+-partial}
mkdir -p benchmarks/results
: > "$out.jsonl"
for n in ${SIZES:-10000 100000 1000000 10000000}; do
  for t in 1 2; do
    for r in $(seq "$repeats"); do
      echo "N=$n threads=$t repeat=$r" >&2
      "$bin" scenarios/baseline.yaml --persons "$n" --threads "$t" --ticks 52 --triad >> "$out.jsonl"
    done
  done
done
/usr/bin/python3 benchmarks/summarize_scaling.py "$out.jsonl" "$commit" > "$out.md"
cat "$out.md"
