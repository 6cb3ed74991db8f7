#!/usr/bin/env bash
# Set up the service's packages, then serve on http://127.0.0.1:8000 (building the index if needed).
# Extra arguments go to `python -m qa serve` (--host, --port, --workers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m qa serve "$@"
