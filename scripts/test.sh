#!/usr/bin/env bash
# The whole test suite, installing what it needs first: the dev requirements, Chromium for the
# browser tests, nginx for the proxy tests and redis-server for the store's tests when they are
# missing (Debian's packages as root; else Playwright's own Chromium, and nginx and redis-server
# must be installed by hand). Before the tests it runs the checks, and a failing check fails the run:
# `ruff check .` (lint), `ruff format --check .` (format) and `mypy components` (types), all set in pyproject.toml.
# Usage: bash scripts/test.sh [pytest args]    (CI runs exactly this through .ci/run)
# While working, SKIP_CHECKS=1 bash scripts/test.sh ... skips ruff and mypy; CI never sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

"$PY" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

missing=()
[ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || missing+=(chromium fonts-dejavu-core)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif [[ " ${missing[*]} " == *" chromium "* ]]; then
    "$PY" -m playwright install chromium
  fi
fi
export PATH="$PATH:/usr/sbin"  # Debian puts nginx there, outside a normal user's PATH

if [ "${SKIP_CHECKS:-}" != "1" ]; then
  "$PY" -m ruff check .
  "$PY" -m ruff format --check .
  "$PY" -m mypy components
fi

exec "$PY" -m pytest "$@"
