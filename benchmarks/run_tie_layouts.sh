#!/usr/bin/env bash
# Stored lane layouts of the tie ends against the engine's CSR (benchmarks/tie_layouts.cpp): the
# bare bounded-confidence loop over every tie, one thread, on the worlds of the default scenario
# (scenarios/baseline.yaml: neighbourhood, workplace and long-range ties) and of the reduced model
# (benchmarks/peers/reduced.yaml: a Watts-Strogatz ring), at 10^5 and 10^6 persons. Each run
# interleaves the three loops over its passes; the table gives the median over runs of each run's
# median. Writes benchmarks/results/tie-layouts-<date>-<commit>.{jsonl,md}.
#
#   bash benchmarks/run_tie_layouts.sh [REPEATS] [PASSES]   (defaults 3 and 11; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; passes=${2:-11}
scaling=build/release/benchmarks/bench_scaling
layouts=build/release/benchmarks/bench_tie_layouts
for b in "$scaling" "$layouts"; do [ -x "$b" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }; done
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/tie-layouts-$(date -u +%Y-%m-%d)-$commit
mkdir -p benchmarks/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
load=$(cut -d' ' -f1 /proc/loadavg)
: > "$out.jsonl"
for scn in scenarios/baseline.yaml benchmarks/peers/reduced.yaml; do
  for n in ${SIZES:-100000 1000000}; do
    name=$(basename "$scn" .yaml)-$n
    "$scaling" "$scn" --persons "$n" --threads 1 --ticks 1 --dump "$tmp/$name" > /dev/null
    for r in $(seq "$repeats"); do
      echo "$name repeat $r" >&2
      "$layouts" "$tmp/$name" --passes "$passes" |
        /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); d['world']='$name'; print(json.dumps(d))" >> "$out.jsonl"
    done
  done
done
/usr/bin/python3 - "$out.jsonl" "$commit" "$load" "$repeats" "$passes" > "$out.md" <<'PY'
import json, statistics, sys, platform, os
path, commit, load, repeats, passes = sys.argv[1:]
rows = [json.loads(l) for l in open(path)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("# Tie ends in stored lanes against the engine's CSR (bare M4 loop, one thread)\n")
print(f"commit `{commit}`, {platform.node()}, {cpu}, {os.cpu_count()} cores, load average before: {load}; "
      f"`bash benchmarks/run_tie_layouts.sh {repeats} {passes}`; each run interleaves the three loops over "
      f"{passes} passes; medians over {repeats} runs of each run's median.\n")
print("| world | persons | engine CSR ns/tie | padded lanes ns/tie | engine / padded | padding | extra bytes/person | tailed lanes ns/tie | engine / tailed | tail share | sums differing (padded, tailed) |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for w in dict.fromkeys(r["world"] for r in rows):
    rs = [r for r in rows if r["world"] == w]
    med = lambda k: statistics.median(r[k] for r in rs)
    if "padded_ns_per_tie" not in rs[0]:
        print(f"| {w.rsplit('-', 1)[0]} | {rs[0]['persons']} | {med('engine_ns_per_tie'):.3f} | (no AVX2) | | | | | | | |")
        continue
    e, p, t = med("engine_ns_per_tie"), med("padded_ns_per_tie"), med("tailed_ns_per_tie")
    diff = (max(r["padded_differing"] for r in rs), max(r["tailed_differing"] for r in rs))
    print(f"| {w.rsplit('-', 1)[0]} | {rs[0]['persons']} | {e:.3f} | {p:.3f} | {e / p:.2f} | {rs[0]['padding']:.3f} | "
          f"{rs[0]['padded_extra_bytes_per_person']:.1f} | {t:.3f} | {e / t:.2f} | {rs[0]['tailed_tail_share']:.3f} | {diff[0]}, {diff[1]} |")
print("\nEngine: model/society/tie_sums.h's four-tie SSE blocks over the three-byte CSR, with the engine's "
      "prefetch choice. Padded: eight persons a block, slot-major, padded to the block's longest row. Tailed: "
      "the block's shortest row slot-major, the rest as in the CSR (the same bytes), the tails' ends gathered. "
      "Every lane sums its row in tie order, so the sums are the engine's bits (the last column counts those that differ).")
PY
cat "$out.md"
