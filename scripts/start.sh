#!/usr/bin/env bash
# Install and start the embedded default: SQLite in instance/, in-process jobs, demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/flask --app wsgi run-demo --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
