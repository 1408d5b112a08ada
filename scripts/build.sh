#!/usr/bin/env bash
# Install dependencies (Debian 12, as root) and build a preset (default: release).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
bash scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
