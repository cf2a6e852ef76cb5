"""What the safety shell costs on the first HTML of a page (components/web.py rewrites every page
to put the quick exit and the safety headers in it): time to the full HTML of a deep link, the app
against a bare Streamlit page (bench/bare_app.py at defaults), in the same run.

    python bench/first_html.py [--requests 200]

Prints the median and p95 per request and their ratios, and the page's size. Read the ratios: this
2-core machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.lib.servers import BARE, Server, app_server, yardstick_server  # noqa: E402


def bare_server() -> Server:
    server = yardstick_server(BARE, "bare")
    server.flags["server.fileWatcherType"] = "none"  # as measured since 2026-12-04 (an HTML request opens no session)
    return server


def fetch_times(url: str, n: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(n):
        t = time.perf_counter()
        with urllib.request.urlopen(url, timeout=10) as r:
            size = len(r.read())
        times.append((time.perf_counter() - t) * 1000)
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    app = app_server().start()
    bare = bare_server().start()
    try:
        results = {}
        for _name, server in (("app", app), ("bare", bare)):
            fetch_times(server.url + "/cycle", 20)  # warm up
        for _ in range(2):  # interleaved rounds, so a busy moment hits both
            for name, server in (("app", app), ("bare", bare)):
                times, size = fetch_times(server.url + "/cycle", args.requests // 2)
                results.setdefault(name, ([], size))[0].extend(times)
        (a, a_size), (b, b_size) = results["app"], results["bare"]
        p95 = lambda xs: statistics.quantiles(xs, n=20)[18]  # noqa: E731
        print(
            f"first HTML of /cycle, {args.requests} requests each, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        )
        print("| figure | app | bare Streamlit | ratio |\n| --- | --- | --- | --- |")
        print(
            f"| median | {statistics.median(a):.2f} ms | {statistics.median(b):.2f} ms | "
            f"{statistics.median(a) / statistics.median(b):.2f}x |"
        )
        print(f"| p95 | {p95(a):.2f} ms | {p95(b):.2f} ms | {p95(a) / p95(b):.2f}x |")
        print(f"| size | {a_size / 1024:.1f} KB | {b_size / 1024:.1f} KB | {a_size / b_size:.2f}x |")
    finally:
        app.stop()
        bare.stop()


if __name__ == "__main__":
    main()
