#!/usr/bin/env bash
# Two Healthy Bonds replicas behind nginx on loopback, sharing one redis-server (the live room's
# and the pairing's store: STORE_URL), and the classroom burst through them: what a second replica
# buys on this machine. Everything it starts, it stops (by pid).
#
#   bash deploy/run-replicas.sh [--page ID] [--sizes 30,100] [--keep]
#
# --keep leaves replicas and nginx running (http://127.0.0.1:8080) until Enter is pressed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$(mktemp -d /tmp/hb-replicas.XXXXXX)"
chmod 755 "$RUN"
PAGE="" SIZES="30,100" KEEP=0 LISTEN="${LISTEN:-8080}"
while [ $# -gt 0 ]; do
    case "$1" in
        --page) PAGE="$2"; shift 2 ;;
        --sizes) SIZES="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=deploy/lib.sh
source "$ROOT/deploy/lib.sh"
trap stop_started EXIT
ensure_nginx
ensure_redis

# The heaviest page, unless given: the last full benchmark says which.
if [ -z "$PAGE" ]; then
    PAGE="$("$PY" - "$ROOT" <<'PY'
import glob, json, sys
runs = sorted(glob.glob(sys.argv[1] + "/bench/results/bench-2*.json"))
print(json.load(open(runs[-1]))["heaviest"] if runs else "welcome")
PY
)"
fi

start_redis "${REDIS_PORT:-6390}"   # exports STORE_URL, which both replicas inherit
start_replica 8501
A=$REPLICA_PID
start_replica 8502
B=$REPLICA_PID
wait_healthy http://127.0.0.1:8501
wait_healthy http://127.0.0.1:8502
start_nginx "$LISTEN" two 8501 8502
start_nginx "$((LISTEN + 1))" one 8501      # the same proxy with one replica, for comparison
wait_healthy "http://127.0.0.1:$LISTEN"
wait_healthy "http://127.0.0.1:$((LISTEN + 1))"
echo "store: $STORE_URL (shared by both replicas)"
echo "replicas: pid $A on 8501, pid $B on 8502; nginx on 127.0.0.1:$LISTEN (both)" \
     "and 127.0.0.1:$((LISTEN + 1)) (8501 only); burst page: $PAGE"

# Affinity check: a browser's cookie keeps it on one replica.
cookie="$RUN/cookies.txt"
curl -fsS -c "$cookie" -o /dev/null "http://127.0.0.1:$LISTEN/"
grep -q hb_replica "$cookie" && echo "affinity cookie set: $(awk '/hb_replica/ {print $7}' "$cookie")"
# Static assets: compressed and cached by nginx.
js="$(curl -fsS "http://127.0.0.1:$LISTEN/" | grep -o 'static/js/[^"]*\.js' | head -1)"
if [ -n "$js" ]; then
    curl -fsS -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$LISTEN/$js"
    curl -fsS -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$LISTEN/$js" \
        | grep -iE '^(content-encoding|cache-control|x-cache):' || true
fi

# The burst through the same nginx config with one replica, then with two (same run, same page).
"$PY" "$ROOT/bench/run.py" burst --page "$PAGE" --sizes "$SIZES" \
    --target "http://127.0.0.1:$((LISTEN + 1))" --label "1 replica behind nginx" --pids "$A" \
    --target "http://127.0.0.1:$LISTEN" --label "2 replicas behind nginx" --pids "$A,$B"

if [ "$KEEP" = 1 ]; then
    read -r -p "running on http://127.0.0.1:$LISTEN; press Enter to stop " _
fi
