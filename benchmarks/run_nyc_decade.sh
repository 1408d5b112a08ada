#!/usr/bin/env bash
# New York at 1:1 for a decade (issue 19's end-to-end target: under 5 minutes on 2 cores, output
# included): scenarios/nyc_2025.yaml with 8.3 million persons and 520 weeks, from the shell as a
# user runs it, timed by /usr/bin/time (wall, peak RSS). Writes
# benchmarks/results/nyc-decade-<date>-<commit>.md.
#
#   bash benchmarks/run_nyc_decade.sh [THREADS]      (default 2; needs a release build, ~10 min)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
bin=build/release/tribune
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh release" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- sim benchmarks || echo "-dirty")
out=benchmarks/results/nyc-decade-$(date -u +%Y-%m-%d)-$commit.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
load=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" run scenarios/nyc_2025.yaml --set world.persons=8300000 \
  --set horizon_weeks=520 --threads "$threads" -o "$tmp/nyc.h5" 2> "$tmp/log"
read -r wall peak < "$tmp/time"
size=$(stat -c %s "$tmp/nyc.h5")
model=$(lscpu | sed -n 's/^Model name: *//p')
{
  echo "# New York at 1:1 for a decade"
  echo
  echo "commit \`$commit\`, $(hostname), $model, $(nproc) cores, load average before: $load;"
  echo "\`tribune run scenarios/nyc_2025.yaml --set world.persons=8300000 --set horizon_weeks=520 --threads $threads\`"
  echo "(\`bash benchmarks/run_nyc_decade.sh\`), timed by /usr/bin/time."
  echo
  echo "| wall s | peak RSS MiB | output MB | person-ticks/s end to end |"
  echo "|---|---|---|---|"
  awk -v w="$wall" -v p="$peak" -v s="$size" 'BEGIN { printf "| %.1f | %.0f | %.1f | %.3g |\n", w, p / 1024, s / 1e6, 8300000 * 520 / w }'
  echo
  echo "The run's own summary:"
  echo
  echo '```'
  grep -v '^\[' "$tmp/log" | tail -12
  echo '```'
} > "$out"
cat "$out"
