#!/usr/bin/env bash
# Install the app into .venv (and, with --test, everything the test suite needs).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip wheel
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
.venv/bin/pybabel compile --use-fuzzy -d translations --statistics 2>&1 | tail -n 1 || true

if [ "${1:-}" = "--test" ]; then
  # Real-browser tests use Debian's Chromium and chromedriver; never a browser download.
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      echo "note: install Debian's chromium and chromium-driver for the browser tests" >&2
    fi
  fi
  # LibreOffice (no GUI) opens the generated reports and workbooks in the export tests.
  if ! command -v soffice >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
    else
      echo "note: install Debian's libreoffice-writer-nogui and libreoffice-calc-nogui for the export tests" >&2
    fi
  fi
  # axe-core (accessibility audits) comes from the npm registry and is injected into pages by the tests.
  if command -v npm >/dev/null 2>&1 && [ ! -f node_modules/axe-core/axe.min.js ]; then
    npm install --no-audit --no-fund --silent >/dev/null
  fi
fi
