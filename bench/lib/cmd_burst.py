"""`bench/run.py burst`: bursts against servers already running (replicas behind nginx, the app
started with the README's command), next to the reference started here, in the same run."""

from __future__ import annotations

from .measure import REACH, REACH_NOTE, burst, reaches
from .report import machine, machine_text, mib, ms, ratio, save, table
from .servers import Target, app_target, reference_server
from .session import Session


async def cmd_burst(args) -> None:
    """The burst (and idle RSS) against running servers, e.g. replicas behind nginx."""
    m0 = machine()
    pid_lists = (args.pids or []) + [""] * len(args.target)
    targets = [
        app_target(u, [int(p) for p in pid_lists[i].split(",") if p], name=lbl)
        for i, (u, lbl) in enumerate(zip(args.target, args.label, strict=True))
    ]
    ref = reference_server().start() if not args.no_reference else None
    rows = []
    data = {}
    ratios: dict[str, list[float]] = {}  # p95 / the same round's reference p95
    try:
        rt = Target("reference", ref.url, ref.pids) if ref else None
        if rt:
            s = Session(rt)
            await s.connect()
            await s.open_page("")
            await s.close()
        for t in targets:  # warm every replica behind the target: a few sessions each
            for _ in range(4):
                s = Session(t)
                await s.connect()
                await s.open_page(args.page)
                await s.close()
        for rnd, n in ((rnd, n) for rnd in range(1, args.rounds + 1) for n in args.sizes):
            tag = f" (round {rnd})" if args.rounds > 1 else ""
            # The reference first in odd rounds, last in even ones: a machine whose load drifts
            # during the run then favours neither side over the rounds.
            r = await burst(rt, "", n) if rt and rnd % 2 else None
            measured = [
                (t, await burst(t, args.page, n, reach=reach))
                for t in targets
                for reach in reaches(t, args.page, args.reach)
            ]
            if rt and r is None:
                r = await burst(rt, "", n)
            for t, b in measured:
                what = f"{t.name}: burst {n} on {args.page}, {REACH[b['reach']]}"
                data[f"{what}{tag}"] = b
                if r:
                    ratios.setdefault(what, []).append(b["p95"] / r["p95"])
                rows.append(
                    [
                        f"{what}{tag}",
                        ms(b["p50"]),
                        ms(b["p95"]),
                        ratio(b["p95"], r["p95"]) if r else "",
                        f"{b['errors']} of {n}",
                        mib(b["rss_idle_kib"]) if b["rss_idle_kib"] else "",
                    ]
                )
                print(" | ".join(rows[-1]))
            if r:
                data[f"reference {n}{tag}"] = r
                rows.append(
                    [
                        f"reference (direct): burst {n}{tag}",
                        ms(r["p50"]),
                        ms(r["p95"]),
                        "1.00x",
                        f"{r['errors']} of {n}",
                        mib(r["rss_idle_kib"]),
                    ]
                )
                print(" | ".join(rows[-1]))
    finally:
        if ref:
            ref.stop()
    m1 = machine()
    text = "\n".join(
        [
            "### Burst against running servers (bench/run.py burst)",
            "",
            machine_text(m0, m1),
            "",
            "Reference: bench/reference_app.py (one Plotly chart) at Streamlit defaults, started here, measured before "
            "the app in odd rounds and after it in even ones. A session is "
            f"timed from connect to the end of what it reaches. {REACH_NOTE}",
            "",
            table(rows, ["target", "p50", "p95", "p95 / reference", "errors", "RSS, idle sessions (all replicas)"]),
        ]
    )
    if args.rounds > 1 and ratios:
        text += "\n\np95 / reference over the rounds (each round against its own reference burst):\n" + "\n".join(
            f"- {what}: {min(v):.2f}x-{max(v):.2f}x ({', '.join(f'{x:.2f}x' for x in v)})" for what, v in ratios.items()
        )
    print("\n" + text)
    save(args.save_as, {"machine_start": m0, "machine_end": m1, "bursts": data, "p95_ratios": ratios}, text)
