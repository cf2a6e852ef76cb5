#!/usr/bin/env python
"""Summarise Lighthouse JSON reports (bench/lighthouse.sh) as a Markdown table.

    python bench/lighthouse_table.py bench/results/lighthouse

Reads NAME--VIA--PRESET--ROUND.json files; prints one row per page and preset with the scores and
the first-load figures of its median run (by performance score; the range of all its runs beside
it), direct and through the proxy side by side, and checks the issue's targets:
through the proxy, mobile performance >= 2x the direct reference's, accessibility 100, best
practices >= the reference's. Beside the first it gives each page's score as a share of the bare
Streamlit page's through the proxy (bench/bare_app.py, same run): how close the page is to the
most a Streamlit page scores here.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def load(folder: Path) -> dict[tuple[str, str, str], dict]:
    """The median run of each (page, via, preset), with `perfs`: every run's performance score."""
    runs: dict[tuple[str, str, str], list[dict]] = {}
    for f in sorted(folder.glob("*--*--*--*.json")):
        name, via, preset, _round = f.stem.split("--")
        try:
            r = json.loads(f.read_text())
        except json.JSONDecodeError:
            continue
        cats, audits = r.get("categories", {}), r.get("audits", {})

        def score(c: str, cats: dict = cats) -> int | None:
            s = cats.get(c, {}).get("score")
            return None if s is None else round(s * 100)

        def num(a: str, audits: dict = audits) -> float | None:
            return audits.get(a, {}).get("numericValue")

        runs.setdefault((name, via, preset), []).append(
            {
                "perf": score("performance"),
                "a11y": score("accessibility"),
                "bp": score("best-practices"),
                "fcp": num("first-contentful-paint"),
                "lcp": num("largest-contentful-paint"),
                "tbt": num("total-blocking-time"),
                "bytes": num("total-byte-weight"),
                "error": (r.get("runtimeError") or {}).get("message", ""),
                "failed_a11y": [k for k, a in audits.items() if a.get("score") == 0 and k in _a11y_ids(r)][:4],
            }
        )
    out = {}
    for key, reports in runs.items():
        scored = sorted((r for r in reports if r["perf"] is not None), key=lambda r: r["perf"])
        median = scored[(len(scored) - 1) // 2] if scored else reports[0]
        out[key] = {**median, "perfs": [r["perf"] for r in scored]}
    return out


def _a11y_ids(report: dict) -> set[str]:
    return {ref["id"] for ref in report.get("categories", {}).get("accessibility", {}).get("auditRefs", [])}


def fmt_s(ms: float | None) -> str:
    return "-" if ms is None else f"{ms / 1000:.1f} s"


def fmt_mb(b: float | None) -> str:
    return "-" if b is None else f"{b / 1e6:.2f} MB"


def cell(r: dict | None) -> list[str]:
    if not r:
        return ["-"] * 7
    perfs = r["perfs"]
    spread = f" ({min(perfs)}-{max(perfs)})" if len(perfs) > 1 and min(perfs) != max(perfs) else ""
    return [
        f"{r['perf']}{spread}",
        str(r["a11y"]),
        str(r["bp"]),
        fmt_s(r["fcp"]),
        fmt_s(r["lcp"]),
        f"{r['tbt']:.0f} ms" if r["tbt"] is not None else "-",
        fmt_mb(r["bytes"]),
    ]


def main(folder: str) -> None:
    data = load(Path(folder))
    yardsticks = ("reference", "bare")
    names = sorted({k[0] for k in data}, key=lambda n: (yardsticks.index(n) if n in yardsticks else 2, n))
    presets = [p for p in ("mobile", "desktop") if any(k[2] == p for k in data)]
    print(f"### Lighthouse first load (bench/lighthouse.sh), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print(
        "Scores out of 100: performance / accessibility / best practices; FCP, LCP, TBT and bytes "
        "transferred on first load, from each page's median run (by performance; the range of its "
        "runs in brackets). Heavy pages show their content note first.\n"
    )
    for preset in presets:
        runs = max(len(r["perfs"]) for k, r in data.items() if k[2] == preset)
        print(f"#### {preset} ({runs} run{'s' if runs > 1 else ''} of each)\n")
        print("| page | via | perf | a11y | best pr. | FCP | LCP | TBT | bytes |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for n in names:
            for via in ("direct", "proxy"):
                r = data.get((n, via, preset))
                if r is not None:
                    print("| " + " | ".join([n, via, *cell(r)]) + " |" + (f" {r['error']}" if r["error"] else ""))
        print()
    ref = data.get(("reference", "direct", "mobile"))
    bare = data.get(("bare", "proxy", "mobile"))
    if ref and ref["perf"] is not None:
        print("#### Targets (through the proxy, mobile)\n")
        for n in names:
            if n in yardsticks:
                continue
            r = data.get((n, "proxy", "mobile"))
            if not r or r["perf"] is None:
                continue
            checks = [
                f"perf {r['perf']} vs 2x reference {2 * ref['perf']}: {'ok' if r['perf'] >= 2 * ref['perf'] else 'MISSED'}"
                + (
                    f" ({r['perf'] / bare['perf']:.2f}x the bare Streamlit page's {bare['perf']})"
                    if bare and bare["perf"]
                    else ""
                ),
                f"a11y {r['a11y']}: {'ok' if r['a11y'] == 100 else 'MISSED ' + ', '.join(r['failed_a11y'])}",
                f"best practices {r['bp']} vs reference {ref['bp']}: {'ok' if r['bp'] >= ref['bp'] else 'MISSED'}",
            ]
            print(f"- {n}: " + "; ".join(checks))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/lighthouse")
