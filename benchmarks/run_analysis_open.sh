#!/usr/bin/env bash
# Opening a merged sweep (issue #7): 1,000 runs x 520 ticks of the baseline city made tiny
# (500 persons), merged; then `tribune_analysis.open_sweep` in fresh Python processes, timed.
# Target: under 2 s, and lazy (no series read until used). Writes
# benchmarks/results/analysis-open-<date>-<commit>.md.
#
#   bash benchmarks/run_analysis_open.sh [REPEATS]     (default 5; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}
bin=$PWD/build/release/tribune
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim analysis benchmarks || echo "-dirty")
out=benchmarks/results/analysis-open-$(date -u +%Y-%m-%d)-$commit.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/big.yaml" <<YAML
name: big
scenario: $PWD/scenarios/baseline.yaml
replicates: 10
set: ["world.persons=500", "horizon_weeks=520"]
design: {kind: lhs, samples: 100, seed: 3}
parameters:
  - {path: mechanisms.mobilization.threshold_mean, min: 0.1, max: 0.5}
  - {path: mechanisms.legislation.translation_friction, min: 0.05, max: 0.95}
YAML
echo "running 1,000 runs of 520 ticks" >&2
"$bin" sweep run "$tmp/big.yaml" -o "$tmp/dir" --jobs 2 -q >/dev/null
"$bin" sweep merge "$tmp/dir" -o "$tmp/big.h5" >/dev/null
size=$(du -m "$tmp/big.h5" | cut -f1)
times=()
for r in $(seq "$repeats"); do
  times+=("$(cd analysis && /usr/bin/python3 - "$tmp/big.h5" <<'PY'
import sys, time
t0 = time.perf_counter()
import tribune_analysis as ta
t1 = time.perf_counter()
ds = ta.open_sweep(sys.argv[1])
t2 = time.perf_counter()
series = [v for v in ds.data_vars if ds[v].dims == ("run", "tick")]
lazy = all(not ds[v].variable._in_memory for v in series)
assert ds.sizes["run"] == 1000 and ds.sizes["tick"] == 520 and len(series) >= 40, (ds.sizes, len(series))
print(f"{t2 - t1:.3f} {t1 - t0:.3f} {len(series)} {int(lazy)}")
PY
)")
done
/usr/bin/python3 - "$commit" "$size" "${times[@]}" > "$out" <<'PY'
import platform, statistics, sys
commit, size, rows = sys.argv[1], sys.argv[2], [r.split() for r in sys.argv[3:]]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
opens = [float(r[0]) for r in rows]
print("# Opening a merged sweep\n")
print(f"commit `{commit}`, {platform.node()}, {cpu}; a merged sweep of 1,000 runs x 520 ticks "
      f"({rows[0][2]} city-wide series, {size} MiB), `ta.open_sweep(path)` in a fresh Python process "
      f"each time, {len(rows)} repeats (`bash benchmarks/run_analysis_open.sh`).\n")
print("| repeat | open_sweep s | import tribune_analysis s | series | lazy |")
print("|---|---|---|---|---|")
for k, r in enumerate(rows, 1):
    print(f"| {k} | {float(r[0]):.3f} | {float(r[1]):.3f} | {r[2]} | {'yes' if r[3] == '1' else 'no'} |")
print(f"\nMedian open {statistics.median(opens):.3f} s (target < 2 s); lazy: every series still on disk "
      "after opening." if all(r[3] == "1" for r in rows) else "\nNOT lazy.")
PY
cat "$out"
