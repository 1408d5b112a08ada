#!/usr/bin/env bash
# Election-tick benchmark (issue #4): N = 10^6 persons in 50 districts (benchmarks/election_city.yaml),
# 2 threads, repeated; the general-election tick against the median ordinary tick of the same run.
# Writes benchmarks/results/election-<date>-<commit>.{jsonl,md}.
#
#   bash benchmarks/run_election.sh [REPEATS]     (default 3; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
bin=build/release/benchmarks/bench_election
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/election-$(date -u +%Y-%m-%d)-$commit
mkdir -p benchmarks/results
: > "$out.jsonl"
for r in $(seq "$repeats"); do
  echo "repeat $r" >&2
  "$bin" benchmarks/election_city.yaml --threads 2 >> "$out.jsonl"
done
/usr/bin/python3 - "$out.jsonl" "$commit" > "$out.md" <<'PY'
import json, platform, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = lambda k: statistics.median(r[k] for r in rows)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("# Election-tick benchmark\n")
print(f"commit `{sys.argv[2]}`, {platform.node()}, {cpu}; `benchmarks/election_city.yaml`: "
      f"{rows[0]['persons']} persons, {rows[0]['districts']} districts, {rows[0]['races']} races, "
      f"{rows[0]['candidates']} candidates, {rows[0]['threads']} threads; {len(rows)} runs "
      "(`bash benchmarks/run_election.sh`). Medians over runs; each ratio is taken within a run.\n")
print("| ordinary tick ms | season-opening tick ms | primary tick ms | general-election tick ms | election / ordinary | primary / ordinary |")
print("|---|---|---|---|---|---|")
print(f"| {med('ordinary_tick_median_ms'):.1f} | {med('season_tick_ms'):.1f} | {med('primary_tick_ms'):.1f} | "
      f"{med('election_tick_ms'):.1f} | {med('election_over_ordinary'):.2f} | {med('primary_over_ordinary'):.2f} |")
print("\nTarget (issue 4): an election tick at most ten ordinary ticks.")
PY
cat "$out.md"
