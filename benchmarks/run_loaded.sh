#!/usr/bin/env bash
# Threads on a loaded machine (issue 19): the median tick with 1 and 2 threads, on a quiet machine
# and beside competing CPU-bound processes that this script starts itself (LOADS: how many busy
# loops, default "0 1 2": quiet, one core taken, both cores taken), interleaved over repeats so
# that drift hits every configuration alike.
# Writes benchmarks/results/loaded-<date>-<commit>.{jsonl,md}.
#
#   bash benchmarks/run_loaded.sh [REPEATS]          (default 3; needs a release build)
#   SIZES="100000" BINS="new=build/release/benchmarks/bench_scaling old=/path/to/bench_scaling" \
#     bash benchmarks/run_loaded.sh 5                  (compare two builds in the same run)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
bins=${BINS:-"this=build/release/benchmarks/bench_scaling"}
for b in $bins; do [ -x "${b#*=}" ] || { echo "no benchmark binary ${b#*=}: bash scripts/build.sh release" >&2; exit 1; }; done
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/loaded-$(date -u +%Y-%m-%d)-$commit
mkdir -p benchmarks/results
: > "$out.jsonl"
busy=()
start_load() { for _ in $(seq "$1"); do bash -c 'while :; do :; done' & busy+=($!); done; sleep 0.5; }
stop_load() { for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; busy=(); }
trap stop_load EXIT
for r in $(seq "$repeats"); do
  for n in ${SIZES:-10000 100000 1000000}; do
    ticks=$(( n >= 1000000 ? 20 : 52 ))
    for k in ${LOADS:-0 1 2}; do
      load=$([ "$k" = 0 ] && echo quiet || echo "busy$k")
      [ "$k" != 0 ] && start_load "$k"
      for b in $bins; do
        for t in 1 2; do
          echo "repeat $r N=$n $load ${b%%=*} threads=$t" >&2
          line=$("${b#*=}" scenarios/baseline.yaml --persons "$n" --threads "$t" --ticks "$ticks")
          echo "{\"build\": \"${b%%=*}\", \"load\": \"$load\", ${line#\{}" >> "$out.jsonl"
        done
      done
      [ "$k" != 0 ] && stop_load
    done
  done
done
/usr/bin/python3 benchmarks/summarize_loaded.py "$out.jsonl" "$commit" > "$out.md"
cat "$out.md"
