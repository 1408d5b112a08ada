#!/usr/bin/env bash
# Fuzz the input readers (tests/fuzz: scenario files, sweep files, --set overrides) with
# libFuzzer under ASan + UBSan, each for SECONDS (default 30), from seed corpora made of the
# shipped scenarios and the bad-input corpora of tests/data. Exit 1 on any crash, hang, leak or
# sanitizer report; the input that caused it is kept in build/fuzz/artifacts/. The README's test
# command runs it briefly; docs/robustness.md records a long run.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bash scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scenario" "$work/sweep" "$work/set" build/fuzz/artifacts
for f in scenarios/*.yaml scenarios/*/*.yaml tests/data/bad_scenarios/*.yaml; do cp "$f" "$work/scenario/${f//\//_}"; done
for f in tests/data/bad_sweeps/*.yaml; do cp "$f" "$work/sweep/${f//\//_}"; done
awk -F'\t' '!/^#/ && NF { print $1 > (dir "/" NR ".txt") }' dir="$work/set" tests/data/bad_sets.tsv
status=0
for target in scenario sweep set; do
  log="$work/$target.log"
  if (cd "$work" && "$OLDPWD/build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=30 -print_final_stats=1 -artifact_prefix="$OLDPWD/build/fuzz/artifacts/$target-" "$target") \
        >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $target: ${runs:-?} inputs in ${seconds} s, no finding"
  else
    echo "fuzz: $target: FINDING (input in build/fuzz/artifacts/$target-*):"
    grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -20
    status=1
  fi
done
exit $status
