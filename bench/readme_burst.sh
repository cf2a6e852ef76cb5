#!/usr/bin/env bash
# The 30-session burst against the app started exactly as the README says (`streamlit run app.py`,
# no flags but a loopback port), next to bench/reference_app.py at Streamlit's defaults, in one run.
#
#   bash bench/readme_burst.sh [--page cycle] [--sizes 30]
#
# Prints and saves (bench/results/readme-burst.*) p50 / p95 and the ratio to the reference.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$(mktemp -d /tmp/hb-readme-burst.XXXXXX)"
PAGE="cycle" SIZES="30"
while [ $# -gt 0 ]; do
    case "$1" in
        --page) PAGE="$2"; shift 2 ;;
        --sizes) SIZES="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=deploy/lib.sh
source "$ROOT/deploy/lib.sh"
trap stop_started EXIT
# No STREAMLIT_* settings from this shell: only what the README's command gets (config.toml).
unset STREAMLIT_SERVER_FILE_WATCHER_TYPE STREAMLIT_RUNNER_POST_SCRIPT_GC
PORT=8621
start_replica "$PORT"
wait_healthy "http://127.0.0.1:$PORT"
"$PY" "$ROOT/bench/run.py" burst --target "http://127.0.0.1:$PORT" --label "README command" \
    --pids "$REPLICA_PID" --page "$PAGE" --sizes "$SIZES" --save-as readme-burst
