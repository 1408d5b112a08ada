#!/usr/bin/env bash
# The README's second command: set up, build, and run every test (ctest for C++, pytest on
# Debian's /usr/bin/python3 for the command line, the HDF5 files, sweeps (a real SLURM included)
# and the analysis package with its notebooks). The slower checks that every claim reaches its
# outcome in the city and that the defaults match the calibration targets are
# scripts/test_slow.sh (about 6 minutes more), which CI runs as its second step; the unit tests
# under ASan + UBSan are scripts/test_sanitize.sh, its third. Last, the input readers are fuzzed
# for 30 s each (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
ctest --preset release -j2
TRIBUNE=$PWD/build/release/tribune /usr/bin/python3 -m pytest -q tests/integration tests/analysis tests/validation tests/regression
bash scripts/fuzz.sh 30
