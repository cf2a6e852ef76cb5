#!/usr/bin/env bash
# The 30-session burst against the app started exactly as the README says (`streamlit run app.py`,
# no flags but a loopback port and headless), next to bench/reference_app.py at Streamlit's defaults, in one run.
#
#   bash bench/readme_burst.sh [--page cycle] [--sizes 30] [--reach note,charts] [--rounds 1]
#
# Prints and saves (bench/results/readme-burst.*) p50 / p95 and the ratio to the reference, for
# sessions that reach only the page's content note and for sessions that go on through the note to
# the page with its charts drawn (what a reader reads). --rounds N repeats reference and app bursts
# (the reference first in odd rounds, last in even ones) and prints the range of the ratios.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$(mktemp -d /tmp/hb-readme-burst.XXXXXX)"
PAGE="cycle" SIZES="30" REACH="note,charts" ROUNDS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --page) PAGE="$2"; shift 2 ;;
        --sizes) SIZES="$2"; shift 2 ;;
        --reach) REACH="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=deploy/lib.sh
source "$ROOT/deploy/lib.sh"
trap stop_started EXIT
# Not the production flags (deploy/streamlit-flags): only what the README's command gets
# (.streamlit/config.toml), and headless, as on any server without a display (no browser to open).
unset STREAMLIT_SERVER_FILE_WATCHER_TYPE STREAMLIT_RUNNER_POST_SCRIPT_GC
PORT=8621
start_replica "$PORT" app.py "$ROOT" -- --server.headless true
wait_healthy "http://127.0.0.1:$PORT"
"$PY" "$ROOT/bench/run.py" burst --target "http://127.0.0.1:$PORT" --label "README command" \
    --pids "$REPLICA_PID" --page "$PAGE" --sizes "$SIZES" --reach "$REACH" --rounds "$ROUNDS" \
    --save-as readme-burst
