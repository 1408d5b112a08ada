#!/usr/bin/env bash
# tribune against a plain numpy implementation of the same reduced model (issue 19), one core
# each: benchmarks/peers/reduced.yaml (bounded-confidence opinion and threshold protest on a small
# world of mean degree 16, everything else off) and benchmarks/peers/reduced_numpy.py, on the
# same network and persons (tribune dumps its world, numpy reads it). Interleaved over repeats.
# Also checks that both give the same final statistics: ideology equal (no randomness in it),
# protest equal with recovery = 1 (then nothing is random), and with the default recovery
# tribune's time-averaged protest share inside the range of numpy's over 8 seeds. With each of
# tribune's speed runs, the bare loop over every tie (bench_scaling --tie-floor): numpy's tick
# over that loop's time is the largest ratio any implementation that reads each tie once with
# the engine's loop could reach.
# Writes benchmarks/results/peers-<date>-<commit>.{jsonl,md}.
#
#   bash benchmarks/run_peers.sh [REPEATS]           (default 3; needs a release build)
#   SIZES="10000 100000" bash benchmarks/run_peers.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
bin=build/release/benchmarks/bench_scaling
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
py=/usr/bin/python3
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/peers-$(date -u +%Y-%m-%d)-$commit
mkdir -p benchmarks/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$out.jsonl"
scn=benchmarks/peers/reduced.yaml
tag() { sed "s/^{/{\"impl\": \"$1\", \"check\": \"$2\", /"; }
# Agreement, at 10^4 persons.
"$bin" $scn --persons 10000 --threads 1 --ticks 52 --dump "$tmp/w" | tag tribune default >> "$out.jsonl"
for s in $(seq 8); do $py benchmarks/peers/reduced_numpy.py "$tmp/w" --ticks 52 --seed "$s" | tag numpy default >> "$out.jsonl"; done
"$bin" $scn --persons 10000 --threads 1 --ticks 52 --set mechanisms.mobilization.recovery=1 --dump "$tmp/w1" |
  tag tribune recovery1 >> "$out.jsonl"
$py benchmarks/peers/reduced_numpy.py "$tmp/w1" --ticks 52 | tag numpy recovery1 >> "$out.jsonl"
# Speed.
for n in ${SIZES:-10000 100000 1000000}; do
  ticks=$(( n >= 1000000 ? 12 : 52 ))
  "$bin" $scn --persons "$n" --threads 1 --ticks 1 --dump "$tmp/n$n" > /dev/null
  for r in $(seq "$repeats"); do
    echo "N=$n repeat $r" >&2
    "$bin" $scn --persons "$n" --threads 1 --ticks "$ticks" --tie-floor | tag tribune speed >> "$out.jsonl"
    $py benchmarks/peers/reduced_numpy.py "$tmp/n$n" --ticks "$ticks" | tag numpy speed >> "$out.jsonl"
  done
done
$py benchmarks/summarize_peers.py "$out.jsonl" "$commit" > "$out.md"
cat "$out.md"
