#!/usr/bin/env bash
# The README's first command: set up, build Release, run the baseline scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
./build/release/tribune run scenarios/baseline.yaml -o results/baseline.h5 "$@"
