#!/usr/bin/env bash
# Install everything and run the whole suite: on SQLite, then on PostgreSQL (with Redis and a real RQ worker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
bash scripts/services.sh
export HF_HUB_OFFLINE=1
echo "== test suite on SQLite =="
.venv/bin/python -m pytest --db=sqlite "$@"
echo "== test suite on PostgreSQL =="
RUN_DB_RESTART_TEST=1 .venv/bin/python -m pytest --db=postgresql "$@"
