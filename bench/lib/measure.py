"""Measurements over the client: warm runs and opens of one page, bursts of sessions opened at
once, idle memory; the nearest-rank quantile they report."""

from __future__ import annotations

import asyncio
import statistics
import time

from .servers import Target
from .session import Session

# What a burst's sessions reach on a heavy page (one that opens on its content note):
NOTE = "note"  # only the first script run: the content note, what a reader sees first
CHARTS = "charts"  # through the note ("go on") to the page, its charts drawn: what a reader reads
REACH = {NOTE: "only the content note", CHARTS: "through the note to drawn charts"}
REACH_NOTE = (
    "On a heavy page, only its content note is one script run; through the note to drawn charts "
    'is three: the note, the page after "go on", and (on a page with charts) the run a chart\'s "seen" trigger starts '
    "(as the browser sends when a chart scrolls into view). The reference draws its chart in one run."
)


def quantile(values: list[float], q: float) -> float:
    """Nearest-rank quantile (p95 of 30 values is the 29th smallest)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-q * len(s) // 1)) - 1))
    return s[k]


async def warm(target: Target, page: str, runs: int, opens: int, warmup: int = 3) -> dict:
    """Median run (same session) and median open (new session) of one page, after warming up."""
    errors: list[str] = []
    s = Session(target)
    await s.connect()
    try:
        r = await s.open_page(page)
        size = r.bytes  # what a first open sends (later runs reuse cached messages)
        if r.error:
            errors.append(r.error)
        for _ in range(warmup):
            await s.run(page)
        times = []
        for _ in range(runs):
            r = await s.run(page)
            times.append(r.seconds)
            if r.error:
                errors.append(r.error)
    finally:
        await s.close()
    open_times = []
    for _ in range(opens):
        s = Session(target)
        t0 = time.perf_counter()
        try:
            await s.connect()
            r = await s.open_page(page)
            open_times.append(time.perf_counter() - t0)
            if r.error:
                errors.append(r.error)
        finally:
            await s.close()
    return {
        "page": page,
        "run_median": statistics.median(times),
        "run_p95": quantile(times, 0.95),
        "open_median": statistics.median(open_times) if open_times else float("nan"),
        "bytes": size,
        "errors": sorted(set(errors)),
    }


def reaches(target: Target, page: str, wanted: list[str]) -> list[str]:
    """The reaches worth measuring on a page: both on a heavy page, one (charts) on any other."""
    return [r for r in wanted if r == CHARTS or page in target.heavy] or [CHARTS]


async def burst(target: Target, page: str, n: int, settle: float = 2.0, reach: str = NOTE) -> dict:
    """n sessions opened at once; each timed from connect to the end of its page run: on a heavy
    page, the note's run only (reach NOTE) or on through the note to drawn charts (CHARTS). On any
    other page both are the page with its charts drawn.

    The sessions stay open (idle) while the server's RSS is read, then all are closed."""
    sessions = [Session(target) for _ in range(n)]
    gate = asyncio.Event()

    async def one(s: Session) -> tuple[float, str]:
        await gate.wait()
        t0 = time.perf_counter()
        try:
            await s.connect()
            r = await s.open_page(page, through_note=reach == CHARTS)
            return time.perf_counter() - t0, r.error
        except Exception as e:  # noqa: BLE001 - every failure counts as an error, none stops the burst
            return time.perf_counter() - t0, f"{type(e).__name__}: {e}"[:160]

    tasks = [asyncio.create_task(one(s)) for s in sessions]
    await asyncio.sleep(0.05)
    gate.set()
    results = await asyncio.gather(*tasks)
    await asyncio.sleep(settle)
    rss = target.rss_kib()
    await asyncio.gather(*(s.close() for s in sessions))
    ok = [t for t, e in results if not e]
    errs = [e for _, e in results if e]
    return {
        "page": page,
        "n": n,
        "reach": reach if page in target.heavy else CHARTS,
        "p50": quantile(ok, 0.5),
        "p95": quantile(ok, 0.95),
        "max": max(ok) if ok else float("nan"),
        "errors": len(errs),
        "error_kinds": sorted(set(errs))[:5],
        "rss_idle_kib": rss,
    }


async def idle_rss(target: Target, settle: float = 3.0) -> int:
    await asyncio.sleep(settle)
    return target.rss_kib()
