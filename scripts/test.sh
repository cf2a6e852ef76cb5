#!/usr/bin/env bash
# The whole test suite, installing what it needs first: the dev requirements, and Chromium for the
# browser tests when it is missing (Debian's package as root, else Playwright's own download).
# Usage: bash scripts/test.sh [pytest args]    (CI runs exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

"$PY" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    "$PY" -m playwright install chromium
  fi
fi

exec "$PY" -m pytest "$@"
