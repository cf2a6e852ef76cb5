"""`bench/run.py settings`: one page's warm run and burst under each runtime setting variant."""

from __future__ import annotations

import json

from .measure import REACH, burst, warm
from .report import machine, machine_text, mib, ms, save, table
from .servers import RESULTS, app_pages, app_server, app_target
from .session import Session


def last_heaviest() -> str:
    """The burst page of the latest full run (bench/results/bench-*.json), if any."""
    runs = sorted(RESULTS.glob("bench-2*.json"))
    return json.loads(runs[-1].read_text()).get("heaviest", "") if runs else ""


SETTING_VARIANTS: list[tuple[str, dict[str, str]]] = [
    (
        "Streamlit defaults for both: file watcher auto, postScriptGC on",
        {"server.fileWatcherType": "auto", "runner.postScriptGC": "true"},
    ),
    ("file watcher off, postScriptGC on", {"server.fileWatcherType": "none", "runner.postScriptGC": "true"}),
    ("file watcher auto, postScriptGC off (config.toml alone: development)", {"server.fileWatcherType": "auto"}),
    ("production: both off", {}),
    ("production + runner.fastReruns=false", {"runner.fastReruns": "false"}),
    ("production + runner.magicEnabled=true", {"runner.magicEnabled": "true"}),
    ("production + server.enableStaticServing=true", {"server.enableStaticServing": "true"}),
    ("production + client.toolbarMode=auto", {"client.toolbarMode": "auto"}),
]


async def cmd_settings(args) -> None:
    m0 = machine()
    pages = app_pages()
    page = args.page or last_heaviest() or pages[-1]
    rows = []
    data = []
    chosen = [SETTING_VARIANTS[int(i)] for i in args.variants.split(",")] if args.variants else SETTING_VARIANTS
    for label, flags in chosen:
        server = app_server(flags, name="settings").start()
        try:
            t = app_target(server.url, server.pids)
            s = Session(t)
            await s.connect()
            await s.open_page(page)
            await s.close()
            w = await warm(t, page, args.runs, args.opens)
            b = await burst(t, page, args.n)
        finally:
            server.stop()
        data.append({"label": label, "flags": flags, "warm": w, "burst": b})
        rows.append(
            [label, ms(w["run_median"]), ms(w["open_median"]), ms(b["p95"]), str(b["errors"]), mib(b["rss_idle_kib"])]
        )
        print(" | ".join(rows[-1]))
    m1 = machine()
    text = "\n".join(
        [
            f"### Settings (bench/run.py settings, page `{page}`)",
            "",
            machine_text(m0, m1),
            "",
            f"Each variant is the production flags (deploy/streamlit-flags) with the variant's flags over them; "
            f"the burst's sessions reach {REACH[b['reach']]}.",
            "",
            table(
                rows,
                [
                    "app run with",
                    "warm run",
                    "warm open",
                    f"burst {args.n} p95",
                    "errors",
                    f"RSS, {args.n} idle sessions",
                ],
            ),
        ]
    )
    print("\n" + text)
    save("settings", {"machine_start": m0, "machine_end": m1, "variants": data}, text)
