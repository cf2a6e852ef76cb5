#!/usr/bin/env python
"""Where the time of a page run goes: cProfile inside the real server's script thread.

    .venv/bin/python bench/profile_page.py [PAGE ...] [--runs 30]

Starts `streamlit run app.py` in a child process whose ScriptRunner wraps every script run in
cProfile, drives each page over the browser protocol (bench/lib/session.py) for --runs warm runs,
then prints, per page, the share of own time by package (streamlit, plotly, our components, ...)
and the top functions by cumulative time. Loopback only; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUCKETS = (
    ("streamlit/", "streamlit"),
    ("plotly/", "plotly"),
    ("pydantic", "pydantic"),
    ("yaml/", "yaml"),
    ("narwhals", "plotly (narwhals)"),
    ("google/protobuf", "protobuf"),
    ("/components/", "app components"),
    ("/pages/", "app pages"),
    ("app.py", "app pages"),
    ("json", "json"),
    ("<built-in", "builtins"),
)


def _serve() -> None:
    """Child: the real streamlit server, with every script run profiled into $HB_PROFILE_OUT."""
    from streamlit.runtime.scriptrunner import script_runner

    out = Path(os.environ["HB_PROFILE_OUT"])  # a folder: one stats file per script run
    counter = iter(range(10**9))
    original = script_runner.ScriptRunner._run_script

    def profiled(self, rerun_data):  # runs in the session's script thread
        prof = cProfile.Profile()
        prof.enable()
        try:
            return original(self, rerun_data)
        finally:
            prof.disable()
            prof.dump_stats(out / f"run-{next(counter):06d}.prof")

    script_runner.ScriptRunner._run_script = profiled
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[2:]]
    cli.main()


def bucket(filename: str) -> str:
    for needle, name in BUCKETS:
        if needle in filename:
            return name
    return "other (stdlib, ...)"


def report(paths: list[str], title: str, top: int) -> None:
    with open(os.devnull, "w") as quiet:  # noqa: PTH123 - pstats prints a line per file it loads
        st = pstats.Stats(*paths, stream=quiet)
    st.stream = sys.stdout
    st.files = []
    total = sum(v[2] for v in st.stats.values())  # own time
    by: dict[str, float] = {}
    for (fname, _line, _func), v in st.stats.items():
        by[bucket(fname)] = by.get(bucket(fname), 0.0) + v[2]
    print(f"\n=== {title}: own time by package (total {total * 1000:.0f} ms profiled)")
    for name, t in sorted(by.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {t * 1000:8.0f} ms  {100 * t / total:5.1f}%")
    print(f"--- top {top} by cumulative time")
    st.sort_stats("cumulative").print_stats(top)


async def _drive(url: str, pages: list[str], runs: int, out: str, top: int) -> None:
    from bench.lib.servers import app_target
    from bench.lib.session import Session

    for page in pages:
        t = app_target(url, [])
        s = Session(t)
        await s.connect()
        await s.open_page(page)
        for _ in range(3):
            await s.run(page)
        await asyncio.sleep(0.3)
        before = set(Path(out).glob("*.prof"))
        for _ in range(runs):
            r = await s.run(page)
            if r.error:
                print(f"{page}: {r.error}")
        await s.close()
        await asyncio.sleep(0.5)
        files = sorted(str(p) for p in set(Path(out).glob("*.prof")) - before)
        report(files, f"{page}, {len(files)} warm runs", top)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        _serve()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    from bench.lib.servers import app_pages, app_server

    pages = args.pages or app_pages()
    out = tempfile.mkdtemp(prefix="hb-profile-")
    # The app with the production flags, run by this file (`--serve`) in place of `streamlit run`.
    server = app_server(
        name="profile",
        env={"HB_PROFILE_OUT": out},
        launcher=[sys.executable, str(ROOT / "bench" / "profile_page.py"), "--serve"],
    )
    try:
        server.start()
        asyncio.run(_drive(server.url, pages, args.runs, out, args.top))
    finally:
        server.stop()
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
