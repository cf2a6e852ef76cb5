"""Before and after, and the session summary (components/room_summary.py, the kept totals of
components/room_totals.py, the plans' `room_pairs`, charts/room_shift.py): pairs, the
threshold of 5, no token anywhere, the CSV parsed with csv and the PDF read back with pypdf."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from pypdf import PdfReader

from components import room_questions as rq
from components import room_record as rec
from components import room_summary as rs
from components import room_totals
from components.charts.room_shift import room_shift_figure
from components.facilitate import handouts
from components.live_room import LiveRooms
from components.models.workshops import RoomPair
from components.room_totals import keep_totals, kept_totals
from components.store_sqlite import SqliteStore

SCALE = list("12345")


@pytest.fixture
def rooms(tmp_path):
    return LiveRooms(SqliteStore(tmp_path / "store.sqlite3"))


def _answers(rooms, code, round_, choices) -> list[str]:
    tokens = []
    for choice in choices:
        t = rec.new_token()
        assert rooms.answer(code, t, round_, choice).ok
        tokens.append(t)
    return tokens


def _session(
    rooms, before=("1", "1", "2", "2", "3", "3"), after=("3", "4", "4", "5", "5", "5"), middle=("knew-it",) * 3
):
    """A room: the before, a question of 3 answers, the after; then closed. Returns (code, tokens)."""
    room = rooms.open()
    code, key = room.code, room.key
    rooms.ask(code, key, "confident-spotting", SCALE)
    tokens = _answers(rooms, code, 1, before)
    rooms.ask(code, key, "heard-of-trauma-bond", ["knew-it", "heard-it", "new-to-me"])
    tokens += _answers(rooms, code, 2, middle)
    rooms.ask(code, key, "confident-spotting", SCALE)
    tokens += _answers(rooms, code, 3, after)
    rooms.close(code, key)
    return code, tokens


def test_the_plans_pair_their_confidence_questions_and_open_on_the_topic(content):
    for plan_id in ("classroom-45", "workshop-90", "series-3x60"):
        plan = content.workshops[plan_id]
        assert 1 <= len(plan.room_pairs) <= 2
        for pair in plan.room_pairs:
            assert pair.before.startswith("confident-")
            before, after = content.room.question(pair.before), content.room.question(pair.after)
            assert before is not None and after is not None
            assert [c.id for c in rq.choices(content, before)] == [c.id for c in rq.choices(content, after)]
    for s in content.room.sets:
        assert s.questions[0] != "how-are-you"  # the first question is about the topic
        assert s.questions[0] in {p.before for p in content.workshops[s.plan].room_pairs}


def test_a_pair_is_the_first_asking_and_the_last_later_one():
    pair = RoomPair(before="a", after="a")
    k = lambda r, q: room_totals.KeptRound(r, q, {"1": 1})  # noqa: E731
    ((_, before, after),) = rs.match_pairs([pair], [k(1, "a"), k(2, "b"), k(3, "a"), k(4, "a")])
    assert (before.round, after.round) == (1, 4)
    ((_, before, after),) = rs.match_pairs([pair], [k(1, "b"), k(2, "a")])
    assert before.round == 2 and after is None  # asked once: only the before
    assert rs.match_pairs([pair], [])[0][1:] == (None, None)


def test_kept_totals_hold_counts_and_no_token(rooms):
    code, tokens = _session(rooms)
    kept = kept_totals(rooms.store, code)
    assert [(k.round, k.question, k.total) for k in kept] == [
        (1, "confident-spotting", 6),
        (2, "heard-of-trauma-bond", 3),
        (3, "confident-spotting", 6),
    ]
    assert kept[0].counts == {"1": 2, "2": 2, "3": 2, "4": 0, "5": 0}
    raw = json.dumps(rooms.store.hash_get_all(f"room:{code}:totals"))
    assert not any(t in raw for t in tokens)
    # the answers themselves are gone, as before: only the totals remain until the record expires
    assert all(not rooms.store.hash_get_all(f"room:{code}:{r}") for r in (1, 2, 3))


def test_keeping_again_replaces_a_rounds_totals(rooms):
    room = rooms.open()
    code, key = room.code, room.key
    rooms.ask(code, key, "confident-helping", SCALE)
    _answers(rooms, code, 1, "11")
    keep_totals(rooms.store, code)
    _answers(rooms, code, 1, "222")
    keep_totals(rooms.store, code)
    (kept,) = kept_totals(rooms.store, code)
    assert kept.counts["1"] == 2 and kept.counts["2"] == 3


def test_summary_pairs_thresholds_and_no_token(rooms, content):
    code, tokens = _session(rooms)
    summary = rs.build(content, content.workshops["workshop-90"], kept_totals(rooms.store, code))
    assert [q.when for q in summary.questions] == ["before", "", "after"]
    assert summary.questions[1].counts is None  # 3 answers: never shown as a count
    (shift,) = summary.shifts
    assert shift.before == {"1": 2, "2": 2, "3": 2, "4": 0, "5": 0}
    assert shift.after == {"1": 0, "2": 0, "3": 1, "4": 2, "5": 3}
    assert summary.answered == 6
    data = json.dumps(dataclasses.asdict(summary))
    assert not any(t in data for t in tokens)


def test_a_side_under_five_is_only_fewer_than_five(rooms, content):
    code, _ = _session(rooms, after=("4", "4", "5", "5"))
    summary = rs.build(content, content.workshops["workshop-90"], kept_totals(rooms.store, code))
    (shift,) = summary.shifts
    assert shift.before is not None and shift.after is None and shift.after_asked
    words = rs.shift_words(content.ui.labels, shift)
    assert "After: fewer than 5 answers." in words
    fig = rs.shift_figure(content.ui.labels, shift)
    assert [a.text for a in fig.layout.annotations] == ["fewer than 5 answers"]
    table = rs.shift_table(content.ui.labels, shift)
    assert [r["Before or after"] for r in table] == ["Before", "After"]
    assert table[0]["1 · Not sure at all"] == 2 and table[1]["5 · Very sure"] == "fewer than 5 answers"
    assert all(t.x[1] is None for t in fig.data)  # no bar for the after
    quiet = rs.build(
        content, content.workshops["workshop-90"], [room_totals.KeptRound(1, "confident-spotting", {"1": 4, "2": 0})]
    )
    assert quiet.answered is None and quiet.shifts[0].after_asked is False
    assert "After: not asked yet." in rs.shift_words(content.ui.labels, quiet.shifts[0])


def test_csv_has_the_totals_and_no_count_under_five(rooms, content):
    code, _ = _session(rooms)
    summary = rs.build(content, content.workshops["workshop-90"], kept_totals(rooms.store, code))
    rows = list(csv.DictReader(io.StringIO(rs.csv_text(content.ui.labels, summary))))
    assert list(rows[0]) == ["Order", "Question", "Before or after", "Choice", "Answers"]
    before = [r for r in rows if r["Before or after"] == "Before"]
    assert [r["Answers"] for r in before] == ["2", "2", "2", "0", "0"]
    assert before[0]["Choice"] == "1 · Not sure at all"
    (small,) = [r for r in rows if r["Order"] == "2"]
    assert small["Answers"] == "fewer than 5 answers" and small["Choice"] == ""
    after = [int(r["Answers"]) for r in rows if r["Before or after"] == "After"]
    assert after == [0, 0, 1, 2, 3] and sum(after) == 6


@pytest.mark.parametrize("charts", [True, False])
def test_pdf_one_page_reads_back(rooms, content, charts, monkeypatch):
    if not charts:
        monkeypatch.setattr(rs, "_browser", lambda: None)  # no browser: the chart in words
    code, _ = _session(rooms)
    summary = rs.build(content, content.workshops["workshop-90"], kept_totals(rooms.store, code))
    pdf = rs.pdf_bytes(content, summary)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Session summary" in text and content.workshops["workshop-90"].title in text
    assert "a show of hands, not a study" in text
    assert "Most answers to one question: 6" in text
    assert "Before: 1 · Not sure at all: 2, 2: 2, 3: 2, 4: 0, 5 · Very sure: 0." in text
    assert "After: 1 · Not sure at all: 0, 2: 0, 3: 1, 4: 2, 5 · Very sure: 3." in text
    assert "had you heard the words trauma bond? fewer than 5 answers" in text
    assert bool(reader.pages[0].images) == (charts and handouts._browser() is not None)


def test_pdf_of_a_long_session_stays_on_one_page(rooms, content, monkeypatch):
    monkeypatch.setattr(rs, "_browser", lambda: None)
    room = rooms.open()
    code, key = room.code, room.key
    for r, q in enumerate([q for q in content.room.questions][:12], 1):
        ids = [c.id for c in rq.choices(content, q)]
        rooms.ask(code, key, q.id, ids)
        _answers(rooms, code, r, [ids[i % len(ids)] for i in range(7)])
    rooms.close(code, key)
    summary = rs.build(content, content.workshops["series-3x60"], kept_totals(rooms.store, code))
    assert len(PdfReader(io.BytesIO(rs.pdf_bytes(content, summary))).pages) == 1


def test_shift_figure_two_rows_every_part_labelled():
    fig = room_shift_figure([("1", "1 · Low"), ("2", "2 · High")], [("Before", [3, 2], ""), ("After", [1, 4], "")])
    assert len(fig.data) == 2 and list(fig.data[0].y) == ["Before", "After"]
    assert list(fig.data[0].text) == ["1: 3", "1: 1"] and list(fig.data[1].text) == ["2: 2", "2: 4"]
    assert fig.layout.barmode == "stack" and not fig.layout.annotations
    assert list(fig.layout.yaxis.categoryarray) == ["After", "Before"]  # before on top


def test_summary_module_imports_no_streamlit():
    import ast
    from pathlib import Path

    for path in ("components/room_summary.py", "components/charts/room_shift.py"):
        tree = ast.parse((Path(__file__).resolve().parents[2] / path).read_text())
        names = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        mods = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "streamlit" not in names and not any((m or "").startswith("streamlit") for m in mods)


def test_run_session_shows_the_shift_and_keeps_the_downloads_after_closing(store, content, monkeypatch):
    from components import room_ui
    from conftest import all_text, open_page

    monkeypatch.setattr(rs, "warm_up", lambda: None)  # no browser started behind AppTest
    at = open_page("run-session", plan="workshop-90")
    at.button(key="room_open").click().run()
    code = at.session_state[room_ui.CODE]
    assert "“How sure do you feel about spotting" in all_text(at)  # the plan's pair, told ahead
    rooms = LiveRooms(store)
    for round_, question, choices in (
        (1, "confident-spotting", "112233"),
        (2, "heard-of-trauma-bond", None),
        (3, "confident-spotting", "34455"),
    ):
        if round_ > 1:  # round 1: the opening segment's own question, asked as the room opened
            at.selectbox(key="room_question_pick").set_value(question).run()
            at.button(key="room_ask").click().run()
        if choices:
            _answers(rooms, code, round_, choices)
        at.run()
    text = all_text(at)
    assert "Before and after" in text and "After: not shown yet." in text  # 5 answers, not revealed
    at.button(key="room_reveal").click().run()
    (shift,) = [
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if json.loads(c.proto.spec)["data"][0].get("orientation") == "h"
    ]
    assert [d["x"] for d in shift["data"]] == [[2, 0], [2, 0], [2, 1], [0, 2], [0, 2]]
    assert "After: 1 · Not sure at all: 0, 2: 0, 3: 1, 4: 2, 5 · Very sure: 2." in all_text(at)

    def ours():
        return [b.label for b in at.get("download_button") if b.key.startswith("room_summary_")]

    assert ours() == ["Session summary (PDF)", "Totals (CSV)"]
    at.button(key="room_close").click().run()
    assert ours() == ["Session summary (PDF)", "Totals (CSV)"]  # still there once the room is closed
    assert not any(json.loads(c.proto.spec)["data"][0].get("orientation") == "h" for c in at.get("plotly_chart"))


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_facilitator_guide_says_how_to_use_before_after_and_the_summary(content, plan_id, monkeypatch):
    monkeypatch.setattr(handouts, "picture_png", lambda c: None)
    plan = content.workshops[plan_id]
    reader = PdfReader(io.BytesIO(handouts.facilitator_guide(content, plan)))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Before and after" in text and "session summary (PDF)" in text and "show of hands, not a study" in text
    for pair in plan.room_pairs:
        assert content.room.question(pair.before).prompt in text


def test_a_second_replica_builds_the_same_summary(tmp_path, content):
    """Kept totals live in the shared store: a replica that did not run the room has them too."""
    one = LiveRooms(SqliteStore(tmp_path / "shared.sqlite3"))
    two = LiveRooms(SqliteStore(tmp_path / "shared.sqlite3"))
    code, _ = _session(one)
    plan = content.workshops["workshop-90"]
    a = rs.build(content, plan, kept_totals(one.store, code))
    b = rs.build(content, plan, kept_totals(two.store, code))
    assert a == b and a.shifts[0].after == {"1": 0, "2": 0, "3": 1, "4": 2, "5": 3}
