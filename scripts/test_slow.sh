#!/usr/bin/env bash
# The slower checks, run by CI after scripts/test.sh: every claim parameter reaches its outcome
# in the composed city over several seeds (tests/claims, docs/claims.md), and the calibrated
# defaults match the targets of scenarios/calibration/targets.yaml (tests/calibration). About 6
# minutes on 2 cores. Builds first if needed (scripts/build.sh is quick when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
TRIBUNE=$PWD/build/release/tribune /usr/bin/python3 -m pytest -q tests/claims tests/calibration
