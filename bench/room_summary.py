#!/usr/bin/env python
"""Benchmark the session summary (components/room_summary.py): how long after closing a room of N
participants its PDF and CSV are ready (target: within 2 s for 60).

    python bench/room_summary.py                    # 60 participants, series-3x60, 5 runs
    python bench/room_summary.py --participants 200 --runs 3 --store-url redis://127.0.0.1:6379/0

One run: open a room, ask every question of the plan's set and then each pair's after question,
each answered by N tokens, close it; then time what the download buttons do (kept_totals, build,
CSV; and the PDF with the projector's chart). The PDF is timed twice: cold (kaleido's browser
started by this download) and warm (started while the room was open, as summary_ui.warm_up does).
Reference, measured in the same run on the same machine: the facilitator guide of the same plan
(handouts.facilitator_guide, the PDF a facilitator already downloads on Run a session), so the
ratio says how the summary compares with a download people already wait for. Nothing is
asserted; the figures are printed and written to bench/results/room-summary-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components import room_questions as rq  # noqa: E402
from components import room_summary as rs  # noqa: E402
from components.content import load_content  # noqa: E402
from components.facilitate import handouts  # noqa: E402
from components.live_room import LiveRooms  # noqa: E402
from components.room_record import new_token  # noqa: E402
from components.room_totals import kept_totals  # noqa: E402
from components.store_open import open_store  # noqa: E402


def fill_room(rooms: LiveRooms, content, plan, n: int) -> tuple[str, str]:
    room = rooms.open()
    code, key = room.code, room.key
    asked = next(s.questions for s in content.room.sets if s.plan == plan.id) + [p.after for p in plan.room_pairs]
    for round_, qid in enumerate(asked, 1):
        ids = [c.id for c in rq.choices(content, content.room.question(qid))]
        rooms.ask(code, key, qid, ids)
        for i in range(n):
            rooms.answer(code, new_token(), round_, ids[(i * 7 + round_) % len(ids)])
    return code, key


def summary_files(content, plan, rooms: LiveRooms, code: str) -> tuple[float, float]:
    """(seconds to the CSV, seconds to the PDF) from a closed room, as the download buttons make them."""
    t0 = time.perf_counter()
    summary = rs.build(content, plan, kept_totals(rooms.store, code))
    rs.csv_text(content.ui.labels, summary)
    t1 = time.perf_counter()
    rs.pdf_bytes(content, rs.build(content, plan, kept_totals(rooms.store, code)))
    return t1 - t0, time.perf_counter() - t1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=60)
    ap.add_argument("--plan", default="series-3x60")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--store-url", default="")
    args = ap.parse_args()
    content = load_content()
    plan = content.workshops[args.plan]
    with tempfile.TemporaryDirectory() as tmp:
        rooms = LiveRooms(open_store(args.store_url or f"sqlite:///{tmp}/bench.sqlite3"))
        code, key = fill_room(rooms, content, plan, args.participants)
        t = time.perf_counter()
        rooms.close(code, key)
        close_s = time.perf_counter() - t
        csv_cold, pdf_cold = summary_files(content, plan, rooms, code)  # kaleido's browser starts here
        csv_s, pdf_s, ref_s = [], [], []
        for _ in range(args.runs):
            code, key = fill_room(rooms, content, plan, args.participants)
            rooms.close(code, key)
            c, p = summary_files(content, plan, rooms, code)
            csv_s.append(c)
            pdf_s.append(p)
            t = time.perf_counter()
            handouts.facilitator_guide(content, plan)
            ref_s.append(time.perf_counter() - t)
        rounds = len(kept_totals(rooms.store, code))
    med = statistics.median
    result = {
        "participants": args.participants,
        "plan": plan.id,
        "questions": rounds,
        "runs": args.runs,
        "chart_png": rs._browser() is not None,
        "close_s": round(close_s, 4),
        "cold": {"csv_s": round(csv_cold, 4), "pdf_s": round(pdf_cold, 3), "ready_s": round(csv_cold + pdf_cold, 3)},
        "warm": {
            "csv_s": round(med(csv_s), 4),
            "pdf_s": round(med(pdf_s), 3),
            "ready_s": round(med(csv_s) + med(pdf_s), 3),
        },
        "reference_facilitator_guide_s": round(med(ref_s), 3),
    }
    result["ratio_warm_to_reference"] = round(result["warm"]["ready_s"] / result["reference_facilitator_guide_s"], 2)
    result["target_2s_met"] = {"warm": result["warm"]["ready_s"] <= 2.0, "cold": result["cold"]["ready_s"] <= 2.0}
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"room-summary-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
