#!/usr/bin/env bash
# Sets everything up, then runs the La Gi demo (review in the terminal, HTML and Excel reports in out/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/chitieu demo --output out "$@"
