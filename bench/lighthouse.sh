#!/usr/bin/env bash
# First load on a phone and a desktop: Lighthouse (npm `lighthouse`, the system Chromium) for the
# reference and every page, served directly and through deploy/nginx.conf, mobile and desktop.
#
#   bash bench/lighthouse.sh [--pages a,b] [--presets mobile,desktop] [--via direct,proxy] [--runs N] [--clean] [--skip-reference]
#
# Starts one app replica, the reference (bench/reference_app.py at Streamlit defaults), a bare
# Streamlit page (bench/bare_app.py, the same defaults: what Streamlit itself costs) and an nginx in
# front of each, all on loopback; runs Lighthouse one page at a time (never in parallel,
# so runs do not disturb each other), N rounds of everything (default 3: one Lighthouse run varies by
# several points on a busy machine; the table takes each page's median); writes
# bench/results/lighthouse-latest.md (the summary table) and one JSON report per run under
# bench/results/lighthouse/. Stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$(mktemp -d /tmp/hb-lighthouse.XXXXXX)"
chmod 755 "$RUN"
OUT="$ROOT/bench/results/lighthouse"
LH_VERSION="12.8.2"
LH_DIR="${LH_DIR:-$HOME/.cache/healthy-bonds/lighthouse-$LH_VERSION}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PAGES="" PRESETS="mobile,desktop" VIA="direct,proxy" CLEAN=0 REFERENCE=1 RUNS=3
while [ $# -gt 0 ]; do
    case "$1" in
        --pages) PAGES="$2"; shift 2 ;;
        --presets) PRESETS="$2"; shift 2 ;;
        --via) VIA="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --clean) CLEAN=1; shift ;;   # drop earlier reports first (else they stay in the table)
        --skip-reference) REFERENCE=0; shift ;;  # keep the yardsticks' reports from an earlier call
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=deploy/lib.sh
source "$ROOT/deploy/lib.sh"
trap stop_started EXIT
ensure_nginx

LH="$LH_DIR/node_modules/.bin/lighthouse"
if [ ! -x "$LH" ]; then
    echo "installing lighthouse@$LH_VERSION into $LH_DIR" >&2
    mkdir -p "$LH_DIR"
    npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >/dev/null
fi
ALL_PAGES="$("$PY" -c "import sys; sys.path.insert(0, '$ROOT'); from components.navigation import PAGES; print(','.join(p.id for p in PAGES))")"
[ -n "$PAGES" ] || PAGES="$ALL_PAGES"
FIRST_PAGE="${ALL_PAGES%%,*}"  # the default page, served at /

# The yardsticks run from an empty folder with a private HOME: Streamlit's defaults, no project config.
REF_DIR="$RUN/reference"
mkdir -p "$REF_DIR"
cp "$ROOT/bench/reference_app.py" "$ROOT/bench/bare_app.py" "$REF_DIR/"
APP_PORT=8601 REF_PORT=8602 BARE_PORT=8603 APP_PROXY=8611 REF_PROXY=8612 BARE_PROXY=8613
start_replica "$APP_PORT"
# The yardsticks at Streamlit's defaults: none of the production flags (only what running unattended
# and private needs, as bench/lib/servers.py UNATTENDED), a private HOME.
saved_home="$HOME"
HOME="$REF_DIR"
start_replica "$REF_PORT" reference_app.py "$REF_DIR" -- --server.headless true --browser.gatherUsageStats false
start_replica "$BARE_PORT" bare_app.py "$REF_DIR" -- --server.headless true --browser.gatherUsageStats false
export HOME="$saved_home"
wait_healthy "http://127.0.0.1:$APP_PORT"
wait_healthy "http://127.0.0.1:$REF_PORT"
wait_healthy "http://127.0.0.1:$BARE_PORT"
start_nginx "$APP_PROXY" app "$APP_PORT"
start_nginx "$REF_PROXY" reference "$REF_PORT"
start_nginx "$BARE_PROXY" bare "$BARE_PORT"
wait_healthy "http://127.0.0.1:$APP_PROXY"

# Warm both servers (imports, content, figures) so Lighthouse measures first load, not first start.
"$PY" - "$ROOT" "$APP_PORT" "$PAGES" <<'PY'
import asyncio, sys
sys.path.insert(0, sys.argv[1])
from bench.lib.servers import app_target
from bench.lib.session import Session
async def main():
    t = app_target(f"http://127.0.0.1:{sys.argv[2]}", [])
    for page in sys.argv[3].split(","):
        s = Session(t); await s.connect(); await s.open_page(page); await s.close()
asyncio.run(main())
PY
curl -fsS -o /dev/null "http://127.0.0.1:$REF_PORT/"
curl -fsS -o /dev/null "http://127.0.0.1:$BARE_PORT/"

mkdir -p "$OUT"
[ "$CLEAN" = 1 ] && rm -f "$OUT"/*.json
run_lh() {  # NAME URL PRESET VIA ROUND
    local name="$1" url="$2" preset="$3" via="$4" round="$5" extra=()
    [ "$preset" = desktop ] && extra=(--preset=desktop)
    local file="$OUT/${name//\//_}--$via--$preset--$round.json"  # text/cycle -> text_cycle
    local t0=$SECONDS
    "$LH" "$url" "${extra[@]}" --quiet --output=json --output-path="$file" \
        --only-categories=performance,accessibility,best-practices --max-wait-for-load=90000 \
        --chrome-flags="--headless --no-sandbox" >"$RUN/lh.log" 2>&1 \
        || echo "  failed (see $RUN/lh.log)" >&2
    echo "lighthouse $preset round $round $via $name: $url ($((SECONDS - t0)) s)" >&2
}
IFS=, read -r -a page_list <<<"$PAGES"
IFS=, read -r -a presets <<<"$PRESETS"
# Order: in each round the yardsticks first, then the pages, proxy before direct; rounds repeat the
# whole sequence, so a busy minute on the machine hits reference and pages alike.
for preset in "${presets[@]}"; do
    for ((round = 1; round <= RUNS; round++)); do
        for via in direct proxy; do  # the reference both ways, whatever --via says: it is the yardstick
            [ "$REFERENCE" = 1 ] || continue
            if [ "$via" = proxy ]; then ref="http://127.0.0.1:$REF_PROXY"; else ref="http://127.0.0.1:$REF_PORT"; fi
            run_lh reference "$ref/" "$preset" "$via" "$round"
            if [ "$via" = proxy ]; then bare="http://127.0.0.1:$BARE_PROXY"; else bare="http://127.0.0.1:$BARE_PORT"; fi
            run_lh bare "$bare/" "$preset" "$via" "$round"
        done
        for via in proxy direct; do
            [[ ",$VIA," == *",$via,"* ]] || continue
            if [ "$via" = proxy ]; then app="http://127.0.0.1:$APP_PROXY"; else app="http://127.0.0.1:$APP_PORT"; fi
            for page in "${page_list[@]}"; do
                path="$page"
                [ "$page" = "$FIRST_PAGE" ] && path=""   # the default page lives at /
                run_lh "$page" "$app/$path" "$preset" "$via" "$round"
            done
        done
    done
done

"$PY" "$ROOT/bench/lighthouse_table.py" "$OUT" | tee "$ROOT/bench/results/lighthouse-latest.md"
