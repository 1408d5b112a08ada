#!/usr/bin/env bash
# The slower checks, run by CI after scripts/test.sh: every claim parameter reaches its outcome
# in the composed city over several seeds (tests/claims, docs/claims.md), and the calibrated
# defaults match the targets of scenarios/calibration/targets.yaml (tests/calibration), and a SLURM
# task outlives its time limit on the real single-node cluster (checkpoint, requeue, continue:
# tests/integration/test_slurm_walltime.py, about 2 minutes). About 8 minutes on 2 cores. Builds first if needed (scripts/build.sh is quick when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
TRIBUNE=$PWD/build/release/tribune /usr/bin/python3 -m pytest -q tests/claims tests/calibration
TRIBUNE_SLOW=1 TRIBUNE=$PWD/build/release/tribune /usr/bin/python3 -m pytest -q tests/integration/test_slurm_walltime.py
