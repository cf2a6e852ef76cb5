#!/usr/bin/env python
"""Benchmark Healthy Bonds against a bare Streamlit page, over Streamlit's own browser protocol.

    .venv/bin/python bench/run.py                 # the full run: warm, burst, memory (about 3-6 min)
    .venv/bin/python bench/run.py settings        # what each server/runner setting changes
    .venv/bin/python bench/run.py burst --target http://127.0.0.1:8080 --pids 123,456 --label "2 replicas"

Both apps run on loopback (127.0.0.1, free ports): the app from the project folder with its
.streamlit/config.toml plus the production flags of deploy/streamlit-flags (the Dockerfile and
deploy/lib.sh read the same file), and bench/reference_app.py from an empty folder at Streamlit's
defaults. A client speaks to each the way
the browser does: a websocket to /_stcore/stream, a BackMsg `rerun_script` with the page's URL
path, page hash and query string, then ForwardMsgs until `script_finished`. Nothing leaves the
machine; every loop is bounded (sample counts, session counts, timeouts).

What it measures, in the same run for app and reference:
- warm `run`: median time from sending `rerun_script` to `script_finished`, in a session that has
  already shown the page (what every click costs); heavy pages after their content note is passed;
- warm `open`: median time for a new session (connect + first run) to finish the page;
- burst: N sessions opened at once on the heaviest page, each timed from connect to the end of what
  it reaches: on a heavy page only its content note (the first run), and through the note to the
  page with its charts drawn (what a reader reads; --reach picks one); p50, p95, errors (an error
  is a refused/closed connection, a timeout, an exception element or a page-not-found);
- memory: the server's RSS (VmRSS) with 0, 30 and 100 idle sessions (the burst sessions, kept open).
Every figure is printed with its ratio to the reference. Results also go to bench/results/.
This is a script, not a test: the tests never time anything. The parts live in bench/lib/
(servers, session, measure, report, one module per command); this file is the entry point.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lib.cmd_all import cmd_all  # noqa: E402
from bench.lib.cmd_burst import cmd_burst  # noqa: E402
from bench.lib.cmd_settings import cmd_settings  # noqa: E402
from bench.lib.measure import CHARTS, NOTE, REACH  # noqa: E402

REACH_HELP = (
    "what a burst session on a heavy page reaches, comma-separated: "
    + "; ".join(f"{k} = {v}" for k, v in REACH.items())
    + " (default: both)"
)


def sizes(text: str) -> list[int]:
    return [int(v) for v in text.split(",")]


def reach(text: str) -> list[str]:
    chosen = text.split(",")
    if not chosen or any(c not in REACH for c in chosen):
        raise argparse.ArgumentTypeError(f"--reach takes {', '.join(REACH)}")
    return chosen


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    a = sub.add_parser("all", help="warm, burst and memory for every page and the reference (default)")
    s = sub.add_parser("settings", help="warm run and burst of one page under each setting variant")
    b = sub.add_parser("burst", help="burst against already running servers (e.g. nginx in front of replicas)")
    for p in (ap, a):
        p.add_argument("--pages", default="", help="comma-separated page ids (default: every page in PAGES)")
        p.add_argument("--page", default="", help="the burst page (default: the page with the slowest warm run)")
        p.add_argument("--runs", type=int, default=15)
        p.add_argument("--opens", type=int, default=5)
        p.add_argument("--sizes", type=sizes, default=[30, 100])
        p.add_argument("--reach", type=reach, default=[NOTE, CHARTS], help=REACH_HELP)
    s.add_argument("--page", default="")
    s.add_argument("--runs", type=int, default=15)
    s.add_argument("--opens", type=int, default=3)
    s.add_argument("--n", type=int, default=30)
    s.add_argument("--variants", default="", help="comma-separated indices into SETTING_VARIANTS (default: all)")
    b.add_argument("--target", action="append", required=True, help="base URL; repeat for several")
    b.add_argument("--label", action="append", required=True, help="one label per --target")
    b.add_argument("--pids", action="append", help="comma-separated server pids whose RSS to add up; one per --target")
    b.add_argument("--page", required=True)
    b.add_argument("--sizes", type=sizes, default=[30, 100])
    b.add_argument("--reach", type=reach, default=[NOTE, CHARTS], help=REACH_HELP)
    b.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat reference and app bursts (reference first in odd rounds, last in even ones)",
    )
    b.add_argument("--no-reference", action="store_true")
    b.add_argument("--save-as", default="replicas")
    args = ap.parse_args(argv)
    cmd = args.cmd or "all"
    asyncio.run({"all": cmd_all, "settings": cmd_settings, "burst": cmd_burst}[cmd](args))


if __name__ == "__main__":
    main()
