#!/usr/bin/env bash
# Install everything the test suite needs (packages, headless Chromium), then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "chromium and chromium-driver are missing and this user cannot install them: browser tests will skip" >&2
  fi
fi
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
