# Shared by deploy/run-replicas.sh and bench/lighthouse.sh: start Streamlit replicas and nginx on
# loopback, and stop exactly what was started. Source it; needs ROOT and RUN (a scratch folder).

# FILE: the `--option value` lines of a flags file, as words (# comments and blank lines skipped).
read_flags() {
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$1" | tr '\n' ' '
}
# The production flags: deploy/streamlit-flags, which deploy/Dockerfile and bench/lib/servers.py read
# too (tests/unit/test_deploy_flags.py checks that none of the three sets one itself). start_replica passes
# them, unless its caller gives other flags (a yardstick at Streamlit's defaults, the README's command).
read -ra PRODUCTION_FLAGS <<<"$(read_flags "$ROOT/deploy/streamlit-flags")"

PY="${PY:-$ROOT/.venv/bin/python}"
STARTED_PIDS=()

wait_healthy() {  # URL [seconds]
    local url="$1" limit="${2:-120}" i
    for ((i = 0; i < limit * 4; i++)); do
        curl -fsS -o /dev/null "$url/_stcore/health" 2>/dev/null && return 0
        sleep 0.25
    done
    echo "not healthy after ${limit}s: $url" >&2
    return 1
}

port_free() {  # PORT: nothing listens there yet (so a health check cannot reach a stranger)
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# PORT [SCRIPT] [CWD] [-- FLAG...]: one `streamlit run` on 127.0.0.1:PORT with the production flags,
# or with the FLAGs after `--` instead (none at all: `--` alone). Call it directly, never inside $(...):
# the pid goes into STARTED_PIDS (for stop_started) and into REPLICA_PID.
start_replica() {
    local port="$1" script="${2:-app.py}" cwd="${3:-$ROOT}"
    local flags=("${PRODUCTION_FLAGS[@]}")
    if [ "${4:-}" = "--" ]; then flags=("${@:5}"); fi
    port_free "$port" || { echo "port $port is already in use" >&2; return 1; }
    (cd "$cwd" && exec "$PY" -m streamlit run "$script" --server.port "$port" \
        --server.address 127.0.0.1 "${flags[@]}") >"$RUN/replica-$port.log" 2>&1 &
    REPLICA_PID=$!
    STARTED_PIDS+=("$REPLICA_PID")
}

start_nginx() {  # LISTEN_PORT NAME UPSTREAM_PORT...: deploy/nginx.conf on loopback
    local listen="$1" name="$2"
    shift 2
    port_free "$listen" || { echo "port $listen is already in use" >&2; return 1; }
    local dir="$RUN/nginx-$name" servers="" p
    mkdir -p "$dir/logs" "$dir/tmp" "$dir/cache"
    for p in "$@"; do
        servers+="        server 127.0.0.1:$p max_fails=3 fail_timeout=10s;\n"
    done
    # The shipped file, with its `listen` on loopback and its upstream servers replaced.
    awk -v listen="$listen" -v servers="$servers" '
        /^[[:space:]]*server 127\.0\.0\.1:[0-9]+/ { if (!done) { printf "%s", servers; done = 1 }; next }
        /^[[:space:]]*listen [0-9]+;/ { print "        listen 127.0.0.1:" listen ";"; next }
        { print }' "$ROOT/deploy/nginx.conf" >"$dir/nginx.conf"
    chmod -R a+rwX "$dir/tmp" "$dir/cache"  # nginx workers run as an unprivileged user when started as root
    nginx -t -q -p "$dir/" -c "$dir/nginx.conf" || return 1
    nginx -p "$dir/" -c "$dir/nginx.conf"
    local i
    for ((i = 0; i < 40; i++)); do [ -s "$dir/nginx.pid" ] && break; sleep 0.1; done
    STARTED_PIDS+=("$(cat "$dir/nginx.pid")")
}

# PORT: a redis-server on 127.0.0.1:PORT for the replicas' shared store (components/store_redis.py),
# nothing saved to disk (everything in it expires within hours anyway). Sets and exports STORE_URL.
start_redis() {
    local port="$1" i
    port_free "$port" || { echo "port $port is already in use" >&2; return 1; }
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$RUN/redis-$port.log" 2>&1 &
    STARTED_PIDS+=("$!")
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    export STORE_URL="redis://127.0.0.1:$port/0"
}

ensure_redis() {
    command -v redis-server >/dev/null && return 0
    echo "installing Debian's redis-server package" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
}

ensure_nginx() {
    command -v nginx >/dev/null && return 0
    echo "installing Debian's nginx package" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    fi
}

stop_started() {  # only the processes this script started, by pid
    local pid
    for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    done
    STARTED_PIDS=()
}
