"""`bench/run.py all`: warm runs and new-session opens of every page, bursts on the heaviest page
(only its content note, and through the note to drawn charts), memory; app against the reference."""

from __future__ import annotations

import statistics

from .measure import REACH, REACH_NOTE, burst, idle_rss, reaches, warm
from .report import machine, machine_text, mib, ms, ratio, save, table
from .servers import Target, app_pages, app_server, app_target, production_flags, reference_server
from .session import Session


async def _open_once(target: Target, page: str) -> None:
    s = Session(target)
    await s.connect()
    await s.open_page(page)
    await s.close()


async def cmd_all(args) -> None:
    m0 = machine()
    pages = args.pages.split(",") if args.pages else app_pages()
    app = app_server().start()
    ref = reference_server().start()
    try:
        at = app_target(app.url, app.pids)
        rt = Target("reference", ref.url, ref.pids)
        # Warm both servers (imports, content, figure caches), then idle RSS with no session open.
        for p in pages:
            await _open_once(at, p)
        await _open_once(rt, "")
        rss0 = {"app": await idle_rss(at), "reference": await idle_rss(rt, 0)}
        print(f"idle RSS, 0 sessions: app {mib(rss0['app'])}, reference {mib(rss0['reference'])}")

        # Interleave app pages and reference so machine load hits both alike.
        warm_app, warm_ref = {}, []
        for p in pages:
            warm_ref.append(await warm(rt, "", args.runs, args.opens))
            warm_app[p] = await warm(at, p, args.runs, args.opens)
            w = warm_app[p]
            print(
                f"warm {p:<22} run {ms(w['run_median']):>8}  open {ms(w['open_median']):>8}"
                f"  {w['bytes'] / 1024:.0f} KiB  {'; '.join(w['errors'])}"
            )
        ref_run = statistics.median(w["run_median"] for w in warm_ref)
        ref_open = statistics.median(w["open_median"] for w in warm_ref)
        ref_bytes = warm_ref[-1]["bytes"]
        print(f"warm {'(reference)':<22} run {ms(ref_run):>8}  open {ms(ref_open):>8}  {ref_bytes / 1024:.0f} KiB")

        heaviest = args.page or max(pages, key=lambda p: warm_app[p]["run_median"])
        bursts = {}
        for n in args.sizes:
            b = bursts[n] = {"reference": await burst(rt, "", n)}
            for reach in reaches(at, heaviest, args.reach):
                b[reach] = await burst(at, heaviest, n, reach=reach)
                a, r = b[reach], b["reference"]
                print(
                    f"burst {n} ({REACH[reach]}): app p50 {ms(a['p50'])} p95 {ms(a['p95'])} errors {a['errors']}"
                    f" | reference p50 {ms(r['p50'])} p95 {ms(r['p95'])} errors {r['errors']}"
                    f" | p95 {ratio(a['p95'], r['p95'])}"
                )
    finally:
        app.stop()
        ref.stop()
    m1 = machine()

    rows = []
    for p in pages:
        w = warm_app[p]
        rows.append(
            [
                f"warm run: {p}" + (" (heavy)" if p in at.heavy else ""),
                ms(w["run_median"]),
                ms(ref_run),
                ratio(w["run_median"], ref_run),
            ]
        )
    slowest = max(pages, key=lambda p: warm_app[p]["run_median"])
    rows.append(
        [
            f"**slowest page warm run** ({slowest})",
            ms(warm_app[slowest]["run_median"]),
            ms(ref_run),
            f"**{ratio(warm_app[slowest]['run_median'], ref_run)}** (target <= 0.70x)",
        ]
    )
    slow_open = max(pages, key=lambda p: warm_app[p]["open_median"])
    rows.append(
        [
            f"slowest page warm open, new session ({slow_open})",
            ms(warm_app[slow_open]["open_median"]),
            ms(ref_open),
            ratio(warm_app[slow_open]["open_median"], ref_open),
        ]
    )
    for n, b in bursts.items():
        r = b["reference"]
        tgt = " (target <= 0.85x)" if n == 30 else ""
        for reach in (k for k in b if k != "reference"):
            a = b[reach]
            what = f"burst {n} on {heaviest}, {REACH[reach]}"
            rows.append(
                [
                    f"{what}: p50 / **p95**",
                    f"{ms(a['p50'])} / {ms(a['p95'])}",
                    f"{ms(r['p50'])} / {ms(r['p95'])}",
                    f"{ratio(a['p50'], r['p50'])} / **{ratio(a['p95'], r['p95'])}**{tgt}",
                ]
            )
            rows.append([f"{what}: errors", f"{a['errors']} of {n}", f"{r['errors']} of {n}", ""])
    rows.append(
        ["server RSS, 0 sessions", mib(rss0["app"]), mib(rss0["reference"]), ratio(rss0["app"], rss0["reference"])]
    )
    for n, b in bursts.items():
        a, r = b[list(b)[-1]], b["reference"]
        rows.append(
            [
                f"server RSS, {n} idle sessions",
                mib(a["rss_idle_kib"]),
                mib(r["rss_idle_kib"]),
                ratio(a["rss_idle_kib"], r["rss_idle_kib"]),
            ]
        )
    text = "\n".join(
        [
            "### Benchmark (bench/run.py)",
            "",
            machine_text(m0, m1),
            "",
            f"App flags: {' '.join(f'--{k} {v}' for k, v in production_flags().items())} (deploy/streamlit-flags, "
            "plus .streamlit/config.toml); reference: bench/reference_app.py (one Plotly chart) at Streamlit defaults. "
            f"{args.runs} warm runs and {args.opens} new-session opens per page; times in ms, ratio = app / reference. "
            f"A burst session is timed from connect to the end of what it reaches. {REACH_NOTE}",
            "",
            table(rows, ["figure", "app", "reference", "ratio"]),
        ]
    )
    print("\n" + text)
    errors = {p: w["errors"] for p, w in warm_app.items() if w["errors"]}
    if errors:
        print("\nERRORS in warm runs:", errors)
    save(
        "bench",
        {
            "machine_start": m0,
            "machine_end": m1,
            "warm_app": warm_app,
            "warm_ref": warm_ref,
            "rss0": rss0,
            "bursts": bursts,
            "heaviest": heaviest,
        },
        text,
    )
