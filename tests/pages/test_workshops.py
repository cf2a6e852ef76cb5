"""Facilitator mode: workshop plans (content model and loader), the countdown, pairing, running a
plan through AppTest, and the PDF handouts."""

from __future__ import annotations

import io
import shutil
import threading

import pytest
import yaml
from pypdf import PdfReader

from components import address as components_address
from components.content import ContentError, load_content
from components.facilitate import handouts, pairing, workshop
from components.facilitate.countdown import Timer
from components.models.workshops import RESERVED_PARAMS, WorkshopFile
from components.navigation import PAGES
from components.qr import qr_svg
from conftest import CONTENT, all_text, open_page, problems_for, qp

# Pages other helpers are building; plans may name them before they land (the lead will tighten).


# --------------------------------------------------------------------------- content


def test_required_plans_exist(content):
    plans = content.workshops
    assert len(plans) >= 3
    minutes = sorted(p.minutes for p in plans.values() if len(p.sessions) == 1)
    assert 45 in minutes and 90 in minutes
    assert any(len(p.sessions) == 3 for p in plans.values()), "a three-session series"


def test_every_segment_page_is_registered(content):
    known = {p.id for p in PAGES}
    for plan in content.workshops.values():
        for _, seg in plan.segments():
            assert seg.page in known, (plan.id, seg.id, seg.page)


def _segment_queries(content):
    seen = {}
    for plan in content.workshops.values():
        for _, seg in plan.segments():
            if seg.query:
                seen.setdefault((seg.page, tuple(sorted((k, str(v)) for k, v in seg.query.items()))), seg.id)
    return sorted(seen.items())


@pytest.mark.parametrize(
    ("link", "seg_id"), _segment_queries(load_content(CONTENT)), ids=lambda v: v if isinstance(v, str) else None
)
def test_every_segment_step_is_a_step_its_page_understands(link, seg_id):
    """Open each segment's page at its step, as Show on the projector does: no exception, and the
    page keeps every parameter as given (a page rewrites or drops a value it does not understand)."""
    from streamlit.testing.v1 import AppTest

    from conftest import APPTEST_TIMEOUT, ROOT

    page_id, query = link
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APPTEST_TIMEOUT).run()
    at.switch_page(f"pages/{page_id}.py")
    for k, v in query:
        at.query_params[k] = v
    at.run()
    if any(b.key == "content_note_go_on" for b in at.button):
        at.button(key="content_note_go_on").click().run()
    assert not at.exception, [e.value for e in at.exception]
    for k, v in query:
        assert qp(at, k) == v, (k, v, qp(at, k))


def test_every_plan_opens_with_agreement_and_care(content):
    for plan in content.workshops.values():
        assert len(plan.group_agreement) >= 3
        care = plan.care
        assert "disclose" in care.no_disclosure.lower() or "share anything personal" in care.no_disclosure.lower()
        assert "break" in care.breaks.lower()
        assert care.support_during and care.support_after
        for session in plan.sessions:
            assert session.segments[0].kind == "opening", session.id
        for _, seg in plan.segments():
            assert seg.questions and seg.activity and seg.notes and seg.minutes > 0


def test_minutes_add_up(content):
    for plan in content.workshops.values():
        assert sum(seg.minutes for _, seg in plan.segments()) == plan.minutes
        for session in plan.sessions:
            assert sum(seg.minutes for seg in session.segments) == session.minutes, session.id
    # a new segment never makes the lesson longer
    assert content.workshops["classroom-45"].minutes == 45 and content.workshops["workshop-90"].minutes == 90
    assert [s.minutes for s in content.workshops["series-3x60"].sessions] == [60, 60, 60]


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_every_plan_has_a_helping_a_friend_segment(content, plan_id):
    """A segment on the Worried about someone page, before the closing, whose
    notes send the facilitator to the page's "What could you say?" practice, keep it away from
    anyone's own life, and put safety first; what it states as fact names sources that resolve."""
    plan = content.workshops[plan_id]
    found = [(i, seg) for i, (_, seg) in enumerate(plan.segments()) if seg.page == "worried-about-someone"]
    assert len(found) == 1, plan_id
    i, seg = found[0]
    closing = max(j for j, (_, g) in enumerate(plan.segments()) if g.kind == "closing")
    assert seg.kind == "content" and i < closing  # taught before the lines are shown and handed out
    assert "worried-about-someone" in {p.id for p in PAGES}
    notes = " ".join(seg.notes.split())
    assert "What could you say?" in notes and "Worried about someone" in notes
    assert "emergency number" in notes and "dangerous" in notes
    assert "never" in notes.lower() or "nobody" in notes.lower()
    assert seg.sources and all(sid in content.sources_by_id for sid in seg.sources)
    assert 5 <= seg.minutes <= 15
    guide = _pdf_text(handouts.facilitator_guide(content, plan, "uk"))
    assert seg.title in guide and content.ui.pages["worried-about-someone"].title in guide
    assert content.sources_by_id[seg.sources[0]].title in guide


def _plan_data() -> dict:
    return yaml.safe_load((CONTENT / "workshops" / "classroom-45.yaml").read_text(encoding="utf-8"))


def test_model_rejects_minutes_that_do_not_add_up():
    data = _plan_data()
    data["sessions"][0]["segments"][1]["minutes"] += 5
    with pytest.raises(ValueError, match="add up to 50 minutes, not 45"):
        WorkshopFile.model_validate(data)


def test_model_rejects_plan_without_opening():
    data = _plan_data()
    data["sessions"][0]["segments"][0]["kind"] = "content"
    with pytest.raises(ValueError, match="first segment must be kind 'opening'"):
        WorkshopFile.model_validate(data)


@pytest.mark.parametrize("param", sorted(RESERVED_PARAMS))
def test_model_rejects_reserved_query_params(param):
    data = _plan_data()
    data["sessions"][0]["segments"][1]["query"] = {param: "1"}
    with pytest.raises(ValueError, match="query may not use"):
        WorkshopFile.model_validate(data)


def test_model_rejects_missing_care():
    data = _plan_data()
    del data["care"]["support_after"]
    with pytest.raises(ValueError, match="support_after"):
        WorkshopFile.model_validate(data)


def test_key_ideas_are_sourced(content):
    for plan in content.workshops.values():
        for idea in plan.key_ideas:
            assert idea.sources and all(s in content.sources_by_id for s in idea.sources)


# --------------------------------------------------------------------------- loader (glob FileSpec)


def test_loader_reads_every_plan_file():
    content = load_content(CONTENT)
    files = sorted((CONTENT / "workshops").glob("*.yaml"))
    assert len(content.workshops) == len(files)


def test_loader_reports_problem_with_file_and_line(content_copy):
    f = content_copy / "workshops" / "classroom-45.yaml"
    text = f.read_text(encoding="utf-8").replace("minutes: 45\n", "minutes: 44\n", 1)
    f.write_text(text, encoding="utf-8")
    problems = "\n".join(problems_for(content_copy))
    assert "workshops/classroom-45.yaml:" in problems
    assert "sessions add up to 45 minutes, not 44" in problems


def test_loader_reports_unknown_source_in_a_plan(content_copy):
    f = content_copy / "workshops" / "workshop-90.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace("sources: [apa-2017-ptsd-guideline]", "sources: [no-such-source]"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"workshops/workshop-90\.yaml:\d+: .*unknown source id 'no-such-source'"):
        load_content(content_copy)


def test_loader_needs_at_least_one_plan(content_copy):
    shutil.rmtree(content_copy / "workshops")
    with pytest.raises(ContentError, match=r"workshops/\*\.yaml:1: \(file\): no file matches"):
        load_content(content_copy)


def test_loader_rejects_two_plans_with_one_id(content_copy):
    src = content_copy / "workshops" / "classroom-45.yaml"
    shutil.copy(src, content_copy / "workshops" / "zz-copy.yaml")
    with pytest.raises(ContentError, match="id 'classroom-45' is also used by another file"):
        load_content(content_copy)


# --------------------------------------------------------------------------- countdown


def test_timer_counts_down_pauses_and_overruns():
    t = Timer("p", 0, minutes=2)
    assert t.remaining(100.0) == 120 and not t.running
    t = t.start(100.0)
    assert t.remaining(130.0) == 90
    t = t.pause(130.0)
    assert t.remaining(1000.0) == 90  # paused: time stands still
    t = t.start(1000.0)
    assert t.remaining(1100.0) == -10  # over time
    assert workshop.clock(t.remaining(1100.0)) == "0:10"
    assert t.reset().remaining(5000.0) == 120


def test_timer_buttons_start_pause_and_reset():
    t = Timer("p", 0, minutes=2)
    t = t.press("start", 100.0)
    assert t.running and t.press("start", 150.0) is t  # a second start changes nothing
    t = t.press("pause", 130.0)
    assert not t.running and t.remaining(999.0) == 90
    assert t.press("reset", 999.0) == Timer("p", 0, minutes=2)
    with pytest.raises(ValueError):
        t.press("rewind", 0.0)


def test_agenda_numbers_segments_with_minutes_and_marks_the_current_one(content):
    plan = content.workshops["classroom-45"]
    segments = plan.segments()
    lines = workshop.agenda(plan, 1, "{session}: {title}", "{minutes} min").splitlines()
    assert len(lines) == len(segments)
    assert (
        lines[0] == f"1. {workshop.segment_label(plan, *segments[0], '{session}: {title}')} "
        f"({segments[0][1].minutes} min)"
    )
    assert lines[1].startswith("2. **→ ") and lines[1].endswith("**")
    assert sum("→" in line for line in lines) == 1


def test_clock_format():
    assert workshop.clock(600) == "10:00"
    assert workshop.clock(59.2) == "1:00"  # never shows 0:59 while 59.2 s remain... rounds up
    assert workshop.clock(0.4) == "0:01"
    assert workshop.clock(-61) == "1:01"


def test_timer_for_keeps_running_into_next_segment(content):
    plan = next(iter(content.workshops.values()))
    first = workshop.timer_for(None, plan, 0, 0.0)
    assert not first.running and first.minutes == plan.segments()[0][1].minutes
    assert workshop.timer_for(first, plan, 0, 5.0) is first
    running = first.start(10.0)
    nxt = workshop.timer_for(running, plan, 1, 50.0)
    assert nxt.running and nxt.segment == 1 and nxt.remaining(50.0) == plan.segments()[1][1].minutes * 60
    assert not workshop.timer_for(first, plan, 1, 50.0).running


def test_target_query_opens_step_in_presenter_mode(content):
    plan = content.workshops["classroom-45"]
    seg = next(s for _, s in plan.segments() if s.query)
    q = workshop.target_query(seg)
    assert q["present"] == "1"
    assert all(q[k] == str(v) for k, v in seg.query.items())
    assert workshop.target_query(seg, contrast=True)["contrast"] == "high"


# --------------------------------------------------------------------------- pairing


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def _pairings(tmp_path, clock=None, **settings) -> pairing.PairingStore:
    """A pairing store over its own SQLite file, on the same (fake) clock as the store's expiry."""
    from components.store_sqlite import SqliteStore

    clock = clock or FakeClock()
    return pairing.PairingStore(SqliteStore(tmp_path / "store.sqlite3", clock=clock), clock=clock, **settings)


def test_pairing_code_shape_and_lookup(tmp_path):
    store = _pairings(tmp_path)
    p = store.create("plan-a", 2)
    assert len(p.join) == pairing.CODE_LENGTH and set(p.join) <= set(pairing.ALPHABET)  # the shown code
    assert len(p.code) == pairing.ID_LENGTH and set(p.code) <= set(pairing.ALPHABET)  # the hidden id
    assert store.get(p.code.lower()).segment == 2  # case does not matter
    assert store.get(p.join) is None and store.get("ZZZZZZ") is None  # the shown code is not the id
    assert store.claim(f" {p.join[:3].lower()}-{p.join[3:]} ", "phone")[1] == p.code  # what a person typed
    assert store.claim("ZZZZZZ", "phone")[1] is None and store.claim("", "phone")[1] is None


def test_pairing_moves_clamp_and_version(tmp_path):
    store = _pairings(tmp_path)
    p = store.create("plan-a", 0)
    assert store.move(p.code, -1, 5, who=p.key).segment == 0
    assert store.get(p.code).version == p.version  # nothing changed, no new version
    q = store.move(p.code, 1, 5, who=p.key)
    assert q.segment == 1 and q.version == p.version + 1
    assert store.set_segment(p.code, 99, 5, who=p.key).segment == 4
    assert store.set_segment(p.code, 0, 3, plan="plan-b", who=p.key).plan == "plan-b"


def test_pairing_expires_when_idle_and_at_max_age(tmp_path):
    clock = FakeClock()
    store = _pairings(tmp_path, clock, idle_seconds=60, max_seconds=300)
    p = store.create("plan", 0)
    clock.t += 59
    assert store.get(p.code) is not None  # use keeps it alive
    clock.t += 59
    assert store.get(p.code) is not None
    clock.t += 60
    assert store.get(p.code) is None
    q = store.create("plan", 0)
    for _ in range(6):  # used every 50 s, yet it ends at max age
        clock.t += 50
        store.get(q.code)
    assert store.get(q.code) is None


def test_pairing_keeps_only_plan_and_segment(tmp_path):
    p = _pairings(tmp_path).create("plan", 0)
    # where the session is (plan, segment, step, countdown, opening screen), who controls it
    # (hashes of secrets, a device's kind and time) and the live room's public code, what the
    # projector puts over its page and the device's last room request; nothing about anyone
    assert set(vars(p)) == {
        "code",
        "plan",
        "segment",
        "version",
        "created",
        "touched",
        "step",
        "timer",
        "opening",
        "join",
        "laptop",
        "device",
        "device_kind",
        "device_at",
        "pending",
        "pending_kind",
        "pending_at",
        "ended",
        "key",
        "room",
        "overlay",
        "room_request",
        "room_done",
    }


def test_pairing_steps_within_a_segment(tmp_path):
    store = _pairings(tmp_path)
    p = store.create("plan-a", 1)
    assert p.step is None  # the segment's own first step
    q = store.move_step(p.code, 1, 2, 4, who=p.key)  # from the segment's start (3rd step): the 4th
    assert q.step == 3 and q.version == p.version + 1
    assert store.move_step(p.code, 1, 2, 4, who=p.key).version == q.version  # clamped: nothing changed
    assert store.move_step(p.code, -1, 2, 4, who=p.key).step == 2
    assert store.set_step(p.code, -5, 4, who=p.key).step == 0
    moved = store.move(p.code, 1, 5, who=p.key)
    assert moved.segment == 2 and moved.step is None  # a new segment starts at its own step
    assert store.set_segment(p.code, 2, 5, who=p.key).step is None


def test_pairing_carries_the_countdown_and_the_opening_screen(tmp_path):
    store = _pairings(tmp_path)
    t0 = Timer("plan-a", 0, 5)
    p = store.create("plan-a", 0, timer=t0)
    assert p.timer == t0 and not p.opening
    q = store.press_timer(p.code, lambda t: t.press("start", 50.0), who=p.key)
    assert q.timer.running and q.version == p.version + 1
    assert store.set_timer(p.code, q.timer, who=p.key).version == q.version  # same countdown: no new version
    # moving on re-times in the same step: the next segment's countdown, still running
    r = store.move(p.code, 1, 3, retime=lambda timer, plan, seg: Timer(plan, seg, 9, started=timer.started), who=p.key)
    assert r.timer == Timer("plan-a", 1, 9, started=50.0)
    s = store.set_opening(p.code, True, who=p.key)
    assert s.opening and s.version == r.version + 1
    assert not store.set_opening(p.code, False, who=p.key).opening
    assert store.set_opening("ZZZZZZ", True, who=p.key) is None


def test_segment_step_is_the_pages_step_parameter(content):
    by_id = {seg.id: seg for plan in content.workshops.values() for _, seg in plan.segments()}
    cycle = workshop.segment_step(by_id["ws-cycle"], content)  # {model: four-phase, phase: 1}
    assert (cycle.name, cycle.start, cycle.count) == ("phase", 0, 4)
    walker = workshop.segment_step(by_id["lesson-bond"], content)  # {model: walker, phase: 3}
    assert (walker.name, walker.start, walker.count) == ("phase", 2, 3)  # the model's own phases
    reveal = workshop.segment_step(by_id["ws-healthy"], content)  # the comparison's columns
    assert (reveal.name, reveal.count, reveal.url_value(1)) == ("reveal", 3, "2")
    assert reveal.index("3") == 2 and reveal.index("x") == reveal.start and reveal.index("9") == 2
    assert workshop.segment_step(by_id["ws-opening"], content) is None  # get-help: no steps


def test_notes_link_is_the_apps_own_address():
    assert (
        pairing.notes_url("http://10.0.0.5:8501/run-session", "abc-def")
        == "http://10.0.0.5:8501/run-session?view=notes&pair=ABCDEF"
    )
    assert (
        pairing.notes_url("https://example.org/bonds/run-session/", "ABCDEF")
        == "https://example.org/bonds/run-session?view=notes&pair=ABCDEF"
    )
    assert pairing.notes_url(None, "ABCDEF") is None


def test_qr_code_encodes_exactly_the_link():
    import re

    import segno

    link = "http://10.0.0.5:8501/run-session?view=notes&pair=ABCDEF"
    svg = qr_svg(link, "Scan me")
    assert svg.startswith('<svg role="img" ') and "<title>Scan me</title>" in svg
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    fresh = segno.make(link, error="m")
    # the drawn modules are those of the link, freshly encoded (and not those of another code)
    expected = re.search(
        r' d="([^"]+)"', fresh.svg_inline(scale=6, border=4, dark="#000", omitsize=False).split('class="qrline"')[1]
    ).group(1)
    assert path == expected
    other = segno.make(link.replace("ABCDEF", "ABCDEG"), error="m").svg_inline(scale=6, border=4)
    assert path not in other


def test_pairing_end(tmp_path):
    store = _pairings(tmp_path)
    made = [store.create("p") for _ in range(3)]
    codes = [p.code for p in made]
    assert len(set(codes)) == 3
    assert not store.end(codes[1], made[0].key)  # another pairing's key ends nothing
    assert store.end(codes[1], made[1].key)
    assert store.get(codes[1]) is None and store.get(codes[0]) is not None and not store.unavailable
    assert store.claim(made[1].join, "phone")[0] is pairing.Claim.UNKNOWN  # its shown code went with it


def test_pairing_is_thread_safe(tmp_path):
    store = _pairings(tmp_path)
    p = store.create("plan", 0)

    def bump():
        for _ in range(200):
            store.move(p.code, 1, 10_000, who=p.key)

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get(p.code).segment == 1600
    assert store.get(p.code).version == 1601


# --------------------------------------------------------------------------- running a plan (AppTest)


def test_run_session_steps_through_segments_in_order(content):
    plan = content.workshops[next(iter(content.workshops))]
    at = open_page("run-session")
    assert not at.exception
    assert qp(at, "plan") == plan.id
    seen = []
    for _ in plan.segments()[:-1]:
        seen.append(at.header[0].value)
        at.button(key="segment_next").click().run()
    seen.append(at.header[0].value)
    assert seen == [seg.title for _, seg in plan.segments()]
    assert at.button(key="segment_next").disabled
    assert qp(at, "segment") == str(len(plan.segments()))


def test_run_session_picks_plan_and_url_round_trip(content):
    plan = content.workshops["series-3x60"]
    at = open_page("run-session", plan="series-3x60", segment="7")
    assert not at.exception
    assert at.header[0].value == plan.segments()[6][1].title
    assert at.session_state[("run_session")] == {"plan": "series-3x60", "segment": 6}
    at.selectbox(key="run_plan").set_value("workshop-90").run()
    assert qp(at, "plan") == "workshop-90" and qp(at, "segment") == "1"
    assert at.header[0].value == content.workshops["workshop-90"].segments()[0][1].title


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_opening_segment_shows_agreement_and_care_once(content, plan_id):
    """Every sentence of the agreement and the care guidance is on the opening screen, once (the
    agreement and the care text often both say that no one has to share anything)."""
    plan = content.workshops[plan_id]
    at = open_page("run-session", plan=plan_id, segment="1")
    text = " ".join(" ".join(m.value.replace("**", "").split()) for m in at.markdown)
    care = plan.care
    for said in [*plan.group_agreement, care.no_disclosure, care.breaks, care.support_during, care.support_after]:
        for sentence in workshop.sentences(said.replace("**", "")):
            assert text.count(sentence) == 1, (sentence, text.count(sentence))


def test_timer_state_starts_pauses_and_follows_segment(content):
    plan = content.workshops["classroom-45"]
    at = open_page("run-session", plan="classroom-45", segment="1")
    timer = at.session_state["run_timer"]
    assert not timer.running and timer.minutes == plan.segments()[0][1].minutes
    at.button(key="timer_start").click().run()
    assert at.session_state["run_timer"].running
    assert any("left of 5 min" in m.value for m in at.markdown)
    at.button(key="segment_next").click().run()  # the clock keeps running into the next segment
    timer = at.session_state["run_timer"]
    assert timer.running and timer.segment == 1 and timer.minutes == plan.segments()[1][1].minutes
    at.button(key="timer_pause").click().run()
    assert not at.session_state["run_timer"].running
    at.button(key="timer_reset").click().run()
    assert at.session_state["run_timer"].elapsed == 0


def test_show_segment_opens_its_page_and_step_in_presenter_mode(content):
    plan = content.workshops["classroom-45"]
    index, seg = next((i, s) for i, (_, s) in enumerate(plan.segments()) if s.query and s.page in {p.id for p in PAGES})
    at = open_page("run-session", plan="classroom-45", segment=str(index + 1))
    at.button(key="show_segment").click().run()
    assert qp(at, "view") == "agreement"  # a session opens on its group agreement and content note
    at.button(key="content_note_go_on").click().run()
    assert not at.exception
    assert qp(at, "present") == "1"
    for k, v in seg.query.items():
        assert qp(at, k) == str(v)
    assert "plan" not in at.query_params
    # the session bar on the segment's page: next segment opens the following page
    at.switch_page(f"pages/{seg.page}.py").run()  # AppTest's next runs stay on the page the browser shows
    at.button(key="bar_next_segment").click().run()
    nxt = plan.segments()[index + 1][1]
    assert at.session_state["run_session"] == {"plan": "classroom-45", "segment": index + 1}
    for k, v in nxt.query.items():
        assert qp(at, k) == str(v)
    assert qp(at, "present") == "1"


def test_segment_whose_page_is_missing_cannot_be_shown(content_copy, monkeypatch):
    f = content_copy / "workshops" / "classroom-45.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("page: healing", "page: not-built-yet"), encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(content_copy))
    plan = load_content(content_copy).workshops["classroom-45"]
    index = next(i for i, (_, s) in enumerate(plan.segments()) if s.page == "not-built-yet")
    at = open_page("run-session", plan="classroom-45", segment=str(index + 1))
    assert not at.exception
    assert at.button(key="show_segment").disabled
    assert any(plan and "not part of this edition" in i.value for i in at.info)
    at = open_page("run-session", plan="classroom-45", segment="1")
    assert not at.button(key="show_segment").disabled


def _paired_notes(content, plan_id: str, segment: int):
    """A notes device (AppTest) that opened the QR code's link, pressed Connect and was allowed on
    the laptop (the laptop's key): (pairing, the device's session)."""
    p = pairing.STORE.create(plan_id, segment)
    at = open_page("run-session", view="notes", pair=p.join)
    assert at.text_input(key="notes_code_input").value == p.join  # filled in from the link
    at.button[[b.label for b in at.button].index(content.ui.labels["facilitate_code_connect"])].click().run()
    assert qp(at, "pair") is None  # the code leaves the address once used
    assert any(content.ui.labels["facilitate_notes_waiting"] in i.value for i in at.info)
    assert not any(b.key == "notes_next" for b in at.button)  # not allowed yet: no controls
    assert pairing.STORE.confirm(p.code, p.key) is not None
    at.run()
    return p, at


def test_notes_view_reads_and_drives_a_pairing(content):
    plan = content.workshops["workshop-90"]
    p, at = _paired_notes(content, plan.id, 0)
    try:
        assert not at.exception
        assert at.header[0].value == plan.segments()[0][1].title
        text = "\n".join(m.value for m in at.markdown)
        assert plan.segments()[0][1].notes.strip().splitlines()[0] in text
        at.button(key="notes_next").click().run()
        assert pairing.STORE.get(p.code).segment == 1
        assert at.header[0].value == plan.segments()[1][1].title
        pairing.STORE.unpair(p.code, p.key)  # the laptop lets it go: told so, no controls
        at.run()
        assert any(content.ui.labels["facilitate_notes_unpaired"] in w.value for w in at.warning)
        assert not any(b.key == "notes_next" for b in at.button)
    finally:
        pairing.STORE.end(p.code, p.key)


def test_notes_view_connects_by_typed_code(content):
    labels = content.ui.labels
    p = pairing.STORE.create("classroom-45", 2)
    try:
        at = open_page("run-session", view="notes")
        at.text_input(key="notes_code_input").input(p.join.lower())
        connect = [b for b in at.button if b.label == labels["facilitate_code_connect"]]
        assert len(connect) == 1
        connect[0].click().run()
        pairing.STORE.confirm(p.code, p.key)
        at.run()
        assert at.header[0].value == content.workshops["classroom-45"].segments()[2][1].title
        at2 = open_page("run-session", view="notes", pair="WRONG1")
        at2.button[[b.label for b in at2.button].index(labels["facilitate_code_connect"])].click().run()
        assert any(labels["facilitate_code_unknown"] in w.value for w in at2.warning)
        late = open_page("run-session", view="notes", pair=pairing.STORE.get(p.code).join)  # the new code
        late.button[[b.label for b in late.button].index(labels["facilitate_code_connect"])].click().run()
        assert any(labels["facilitate_notes_in_use"] in w.value for w in late.warning)  # one device only
    finally:
        pairing.STORE.end(p.code, p.key)


def test_a_tap_on_connect_before_the_box_is_filled_uses_the_links_code(content):
    """On a busy phone the Connect tap can arrive before the box's filled-in value does (the box is
    empty at the callback): the code from the QR code's link is what the person meant."""
    labels = content.ui.labels
    p = pairing.STORE.create("classroom-45", 0)
    try:
        at = open_page("run-session", view="notes", pair=p.join)
        at.text_input(key="notes_code_input").set_value("")
        at.button[[b.label for b in at.button].index(labels["facilitate_code_connect"])].click().run()
        assert any(labels["facilitate_notes_waiting"] in i.value for i in at.info)
        assert pairing.STORE.get(p.code).pending  # the laptop is asked to allow it
    finally:
        pairing.STORE.end(p.code, p.key)


def test_projector_follows_the_notes_device(content):
    plan = content.workshops["classroom-45"]
    at = open_page("run-session", plan="classroom-45", segment="1")
    at.button(key="pair_start").click().run()
    code, key = at.session_state["pair_code"], at.session_state["pair_key"]
    try:
        assert any(pairing.STORE.get(code).join in m.value for m in at.markdown)  # shown: asked for
        assert not any(code in m.value for m in at.markdown)  # the hidden id never is
        assert pairing.STORE.get(code).plan == "classroom-45"
        at.button(key="segment_next").click().run()  # the projector moves: the store follows
        assert pairing.STORE.get(code).segment == 1
        assert pairing.STORE.move(code, 1, len(plan.segments()), who=None) is None  # no key: nothing
        pairing.STORE.move(code, 1, len(plan.segments()), who=key)  # (the notes device's moves: below)
        at.run()
        target = plan.segments()[2][1]
        assert at.session_state["run_session"]["segment"] == 2
        for k, v in target.query.items():
            assert qp(at, k) == str(v)
        assert qp(at, "present") == "1"
    finally:
        pairing.STORE.end(code, key)


def test_stepper_has_page_up_down_buttons():
    at = open_page("run-session", plan="classroom-45", segment="2")
    assert at.button(key="segment_pgdn").proto.shortcut.lower() == "pagedown"
    assert at.button(key="segment_pgup").proto.shortcut.lower() == "pageup"
    at.button(key="segment_pgdn").click().run()
    assert qp(at, "segment") == "3"
    at.button(key="segment_pgup").click().run()
    at.button(key="segment_pgup").click().run()
    assert qp(at, "segment") == "1"
    assert at.button(key="segment_pgup").disabled


# --------------------------------------------------------------------------- handouts


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_facilitator_guide_has_agenda_notes_questions(content, plan_id):
    plan = content.workshops[plan_id]
    text = _pdf_text(handouts.facilitator_guide(content, plan))
    for _session, seg in plan.segments():
        assert seg.title in text, seg.title
        assert seg.questions[0].split()[0] in text
    assert plan.group_agreement[0] in text
    first_notes = " ".join(plan.segments()[1][1].notes.split()[:6])
    assert first_notes in text


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_participant_handout_has_agenda_ideas_and_help(content, plan_id):
    plan = content.workshops[plan_id]
    text = _pdf_text(handouts.participant_handout(content, plan))
    for _, seg in plan.segments():
        assert seg.title in text
    for idea in plan.key_ideas:
        assert idea.title in text
    assert content.help.helplines[0].name in text  # the first region's, by default
    assert content.help.immediate_danger.numbers[0].number in text
    # a person in crisis is given a step: with the region's crisis lines, or Get help's crisis step
    assert "Call your emergency number now, or tell someone you trust" in text
    # no facilitator notes in the participant handout
    assert " ".join(plan.segments()[1][1].notes.split()[:6]) not in text


def _pages(data: bytes):
    return PdfReader(io.BytesIO(data)).pages


REGIONS = [r.id for r in load_content(CONTENT).help.regions]


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _assert_region_lines(content, text: str, region: str) -> None:
    """The lines printed are the region's (and the directories every region has), never another
    region's; its first crisis, youth and domestic-abuse line, and every line for friends and
    family, are printed; a region without a crisis line gets the crisis step instead."""
    from components.help import helplines_in, lines_for_friends

    h = content.help
    serving = helplines_in(h, region)
    for line in h.helplines:
        # (another region's line whose name is part of one of this region's names, e.g. the UK's
        # "Childline" in Ireland's "Childline (Ireland)", cannot be told apart by its name)
        if line not in serving and not any(line.name in s.name for s in serving):
            assert f"{line.name} (" not in text, (region, line.name)
    for kind in ("crisis", "youth", "domestic-abuse", "directory"):
        if lines := helplines_in(h, region, kind):
            assert f"{lines[0].name} (" in text, (region, kind, lines[0].name)
    crisis = helplines_in(h, region, "crisis")
    if crisis:
        assert _flat(content.ui.labels["facilitate_pdf_crisis"]) in text
    else:
        assert _flat(h.crisis_step) in text, region
    friends = lines_for_friends(h, region)
    if friends:
        assert friends[0].name in text, (region, friends[0].name)
    assert content.ui.labels["facilitate_pdf_friends_heading"] in text
    assert content.ui.pages["worried-about-someone"].title in text


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_participant_handout_two_pages_one_picture_one_region(content, plan_id, region):
    """Two A4 pages, one picture (the cycle as the app draws it), the chosen region's emergency
    number and lines (crisis, youth, domestic abuse, for friends and family) and no other
    region's, and the app's address."""
    plan = content.workshops[plan_id]
    data = handouts.participant_handout(content, plan, region, "http://192.168.1.20:8501/")
    pages = _pages(data)
    assert len(pages) == 2
    assert sum(len(page.images) for page in pages) == 1
    text = _pdf_text(data)
    _assert_region_lines(content, text, region)
    assert "http://192.168.1.20:8501/" in text
    name = next(r.name for r in content.help.regions if r.id == region)
    emergency = [n for n in content.help.immediate_danger.numbers if n.region == name]
    for n in emergency:
        assert f"{n.region}: {n.number}" in text
    if emergency:  # the region's own emergency number, not every country's
        assert all(
            f"{n.region}: {n.number}" not in text for n in content.help.immediate_danger.numbers if n.region != name
        )


def test_participant_handout_stays_on_two_pages_when_a_region_has_many_lines(content_copy):
    """help.yaml grows: with many more lines of every kind, the handout keeps the first of each
    kind and a line for friends and family, still on two pages, and says Get help lists more."""
    h = yaml.safe_load((content_copy / "help.yaml").read_text(encoding="utf-8"))
    region = h["helplines"][0]["region"]
    template = h["helplines"][0]
    for kind in ("crisis", "youth", "domestic-abuse", "specialist"):
        for i in range(6):
            h["helplines"].append(
                {
                    **template,
                    "id": f"extra-{kind}-{i}",
                    "kind": kind,
                    "for_friends": True,
                    "also_regions": [],
                    "name": f"Extra {kind} line {i}",
                    "region": region,
                }
            )
    (content_copy / "help.yaml").write_text(yaml.safe_dump(h, allow_unicode=True, sort_keys=False), encoding="utf-8")
    c = load_content(content_copy)
    for plan in c.workshops.values():
        data = handouts.participant_handout(c, plan, region, "http://192.168.1.20:8501/")
        assert len(_pages(data)) == 2, plan.id
        text = _pdf_text(data)
        _assert_region_lines(c, text, region)
        name = next(r.name for r in c.help.regions if r.id == region)
        assert _flat(c.ui.labels["facilitate_pdf_more_lines"].format(region=name)) in text
        assert "Extra crisis line 5 (" not in text  # the first lines of a kind are kept, not all


def _teacher_only(plan) -> list[str]:
    """What is for the facilitator only: the blank lead, the disclosure steps and every sentence of
    the facilitator notes (of four words or more)."""
    texts = [plan.safeguarding.lead, *plan.safeguarding.if_someone_discloses]
    for _, seg in plan.segments():
        texts += [s for s in workshop.sentences(seg.notes) if len(s.split()) >= 4]
    return [_flat(t) for t in texts]


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_participant_handout_says_only_what_a_participant_should_read(content, plan_id):
    """No blank to fill in, no instruction to the teacher, no facilitator note, no warning meant
    for the facilitator: the participant handout is read by participants."""
    plan = content.workshops[plan_id]
    for region in ("uk", "us", REGIONS[-1]):
        text = _pdf_text(handouts.participant_handout(content, plan, region, "http://192.168.1.20:8501/"))
        for bit in ("____", "(The teacher", "(The facilitator", "fills this in", "says it aloud"):
            assert bit not in text, (plan_id, region, bit)
        for said in _teacher_only(plan):
            assert said not in text, (plan_id, said[:60])
        assert _flat(plan.safeguarding.participant_lead) in text
        assert content.ui.labels["facilitate_handout_local_address"][:30] not in text


def test_a_local_address_is_never_printed_on_a_handout(content):
    plan = content.workshops["classroom-45"]
    for local in ("http://127.0.0.1:8501/", "http://localhost:8501/", "http://[::1]:8501/"):
        for build in (handouts.participant_handout, handouts.facilitator_guide):
            text = _pdf_text(build(content, plan, "uk", local))
            assert local not in text and "8501" not in text, (build.__name__, local)
            assert content.ui.labels["facilitate_handout_local_address"][:30] not in text


def test_is_local_address():
    from components.address import is_local

    for local in (
        "http://127.0.0.1:8501/",
        "http://localhost:8501/run-session",
        "http://[::1]:8501/",
        "http://0.0.0.0:8501/",
        "http://LOCALHOST/",
        "http://app.localhost/",
    ):
        assert is_local(local), local
    for shared in ("http://192.168.1.20:8501/", "http://10.0.0.5/", "https://bonds.example.org/", None, ""):
        assert not is_local(shared), shared


@pytest.mark.parametrize(
    ("address", "warned"),
    [("http://127.0.0.1:8501/", True), ("http://localhost:8501/", True), ("http://192.168.1.20:8501/", False)],
)
def test_run_session_warns_when_the_handouts_address_is_local(content, monkeypatch, address, warned):
    """Next to the handout downloads: a local address (this computer only) is said plainly, as the
    live room says it; a network address is not warned about."""
    import components.address

    monkeypatch.setattr(components.address, "app_address", lambda url: address)
    at = open_page("run-session", plan="classroom-45", segment="1")
    assert not at.exception
    expected = content.ui.labels["facilitate_handout_local_address"].format(address=address)
    shown = [w.value for w in at.warning]
    assert (expected in shown) == warned, shown


def test_handout_picture_is_the_apps_own_chart(content):
    from components.charts.cycle_steps import cycle_figure

    fig, words = handouts.picture_figure(content)
    version = content.cycle.cycle.versions[0]
    app = cycle_figure(tuple(p.short for p in version.phases), len(version.phases) - 1, 420, 1.0)
    assert [t.to_plotly_json() for t in fig.data] == [t.to_plotly_json() for t in app.data]
    assert version.name in words
    png = handouts.picture_png(content)
    assert png is not None and png.startswith(b"\x89PNG"), "kaleido could not export the chart (BROWSER_PATH?)"


def test_handout_without_a_browser_prints_the_chart_in_words(content, monkeypatch):
    monkeypatch.setattr(handouts, "picture_png", lambda content: None)
    plan = content.workshops["classroom-45"]
    data = handouts.participant_handout(content, plan)
    assert sum(len(page.images) for page in _pages(data)) == 0
    assert handouts.picture_figure(content)[1][:40] in _pdf_text(data)


def test_app_address_from_the_page_url():
    assert components_address.app_address("http://192.168.1.20:8501/run-session?plan=x") == "http://192.168.1.20:8501/"
    assert components_address.app_address("https://example.org/bonds/run-session") == "https://example.org/bonds/"
    assert components_address.app_address(None) is None


def _sentences_of(plan) -> list[str]:
    texts = [
        plan.summary,
        plan.safeguarding.confidentiality,
        *plan.safeguarding.if_someone_discloses,
        *plan.group_agreement,
        plan.care.no_disclosure,
        plan.care.breaks,
        plan.care.support_during,
        plan.care.support_after,
    ]
    for _, seg in plan.segments():
        texts += [seg.notes, seg.activity, *seg.questions]
    return [s.replace("**", "") for t in texts for s in workshop.sentences(t) if len(s.split()) >= 4]


@pytest.mark.parametrize("plan_id", ["classroom-45", "workshop-90", "series-3x60"])
def test_facilitator_guide_reads_as_prose(content, plan_id, monkeypatch):
    """Each segment's screen in the content's words, never URL parameters; no sentence twice; no
    line break inside a paragraph (YAML block scalars keep theirs; the PDF must not)."""
    handed: list[str] = []
    real = handouts._Doc.multi_cell

    def multi_cell(self, w, h, text="", *args, **kwargs):
        handed.append(text)
        return real(self, w, h, text, *args, **kwargs)

    monkeypatch.setattr(handouts._Doc, "multi_cell", multi_cell)
    plan = content.workshops[plan_id]
    text = _pdf_text(handouts.facilitator_guide(content, plan, "uk"))
    assert "=" not in text
    for _, seg in plan.segments():
        assert workshop.screen_words(content, seg) in text
        for key, value in seg.query.items():
            assert f"{key} {value}" not in text and f"{key}: {value}" not in text, (key, value)
    flat = text.replace("**", "")
    for sentence in set(_sentences_of(plan)):
        assert flat.count(sentence) <= 1, sentence
    for block in handed:
        assert "\n" not in block, block[:80]


def test_screen_words_name_the_page_and_step(content):
    segs = {seg.id: seg for _, seg in content.workshops["classroom-45"].segments()}
    phases = content.cycle.cycle.versions[0].phases
    cycle = workshop.screen_words(content, segs["lesson-bond"])
    assert content.ui.pages["cycle"].title in cycle and f"3. {phases[2].title}" in cycle
    healthy = workshop.screen_words(content, segs["lesson-healthy"])
    assert "Communication" in healthy and content.ui.labels["hvt_reveal_1"] in healthy
    assert workshop.screen_words(content, segs["lesson-opening"]) == content.ui.pages["get-help"].title


def test_without_repeats_drops_sentences_said_before():
    shown = ["No one has to share anything personal. Listening is taking part."]
    texts = ["No one has to share anything personal. Questions are about ideas.", "Questions are about ideas."]
    assert workshop.without_repeats(shown, texts) == ["Questions are about ideas.", ""]


def test_handout_prose_joins_lines_within_a_paragraph():
    assert handouts.prose("one\ntwo  three\n\nfour\n") == "one two three\nfour"


# --------------------------------------------------------------------------- the session's opening screen


def _note_shown(at) -> bool:
    return any(b.key == "content_note_go_on" for b in at.button)


def test_presenting_the_content_note_is_shown_once_per_session(content):
    at = open_page("cycle", present="1")
    assert _note_shown(at)
    assert not any(h.value == content.ui.labels["facilitate_agreement_heading"] for h in at.title)  # no plan runs
    at.button(key="content_note_go_on").click().run()
    assert not _note_shown(at) and not at.exception
    at.switch_page("pages/healthy-vs-toxic.py").run()  # a second heavy page: no second note
    assert not _note_shown(at) and not at.exception
    at.switch_page("pages/relational-trauma.py").run()
    assert not _note_shown(at)


def test_alone_the_content_note_is_shown_before_each_heavy_page():
    at = open_page("cycle")
    assert _note_shown(at)
    at.button(key="content_note_go_on").click().run()
    assert not _note_shown(at)
    at.switch_page("pages/healthy-vs-toxic.py").run()
    assert _note_shown(at)  # a person alone: each heavy page has its note
    at.switch_page("pages/cycle.py").run()
    assert not _note_shown(at)  # once per page


def test_agreement_screen_projects_the_plans_group_agreement(content):
    plan = content.workshops["classroom-45"]
    at = open_page("run-session", plan=plan.id, segment="1", present="1")
    at.button(key="show_segment").click().run()  # the session's first screen: the agreement
    assert qp(at, "view") == "agreement" and qp(at, "present") == "1"
    assert any(h.value == content.ui.labels["facilitate_agreement_heading"] for h in at.title)
    text = all_text(at)
    for item in plan.group_agreement:
        assert item in text
    assert content.ui.content_note.title in text  # with the content note, in the session's words
    assert content.ui.content_note.session_body.split("\n")[0].strip() in text
    assert content.ui.content_note.body.split("\n")[0].strip() not in text
    assert at.button(key="opening_pgdn").proto.shortcut.lower() == "pagedown"  # a clicker goes on
    at.button(key="content_note_go_on").click().run()  # go on: the segment's page, no second note
    assert not _note_shown(at) and qp(at, "view") is None
    assert at.session_state["content_note_session"]
    at.switch_page("pages/cycle.py").run()
    assert not _note_shown(at)  # the note belonged to the session's start


def test_notes_device_drives_step_timer_and_opening_screen(content):
    """The projector (AppTest session) follows what the notes device (the store, as its buttons
    change it) does: go on past the opening screen, the countdown, the step within the segment and
    the segment."""
    from components.facilitate import notes_device

    plan = content.workshops["workshop-90"]
    at = open_page("run-session", plan=plan.id, segment="1", present="1")
    at.button(key="pair_start").click().run()
    code, key = at.session_state["pair_code"], at.session_state["pair_key"]
    _, _, token = pairing.STORE.claim(pairing.STORE.get(code).join, "phone")
    at.run()
    assert any(b.key == "pair_allow" for b in at.button)  # "Allow this device?"
    at.button(key="pair_allow").click().run()
    try:
        at.button(key="show_segment").click().run()  # the agreement screen
        assert pairing.STORE.get(code).opening
        pairing.STORE.set_opening(code, False, who=token)  # the notes device's Go on
        at.run()
        assert qp(at, "view") is None and not _note_shown(at)  # the projector went on: Get help
        notes_device.notes_move(content, code, 1, len(plan.segments()), who=token)  # next segment: the comparison
        notes_device.notes_move(content, code, 1, len(plan.segments()), who=token)  # and the cycle, four phases
        at.run()
        assert qp(at, "phase") == "1" and at.session_state["run_session"]["segment"] == 2
        at.switch_page("pages/cycle.py").run()  # AppTest's next runs stay on the page the browser shows
        step = workshop.segment_step(plan.segments()[2][1], content)
        pairing.STORE.move_step(code, 1, step.start, step.count, who=token)  # the notes device: next step
        at.run()
        assert qp(at, "phase") == "2"
        at.button(key="phase_next").click().run()  # the projector steps itself: the store hears it
        assert qp(at, "phase") == "3" and pairing.STORE.get(code).step == 2
        notes_device.notes_press(content, code, plan, 2, "start", who=token)  # the notes device starts the countdown
        at.run()
        assert at.session_state["run_timer"].running and at.session_state["run_timer"].segment == 2
        notes_device.notes_press(content, code, plan, 2, "pause", who=token)
        at.run()
        assert not at.session_state["run_timer"].running
    finally:
        pairing.STORE.end(code, key)


def test_notes_view_has_the_projectors_buttons(content):
    plan = content.workshops["workshop-90"]
    p, at = _paired_notes(content, plan.id, 2)
    pairing.STORE.set_opening(p.code, True, who=p.key)
    at.run()
    try:
        at.button(key="notes_go_on").click().run()
        assert not pairing.STORE.get(p.code).opening
        assert not any(b.key == "notes_go_on" for b in at.button)
        at.button(key="notes_step_next").click().run()
        assert pairing.STORE.get(p.code).step == 1
        assert any("Step 2 of 4" in c.value for c in at.caption)
        at.button(key="notes_timer_start").click().run()
        assert pairing.STORE.get(p.code).timer.running
        assert any(b.key == "notes_timer_pause" for b in at.button)
        at.button(key="notes_timer_reset").click().run()
        assert pairing.STORE.get(p.code).timer.elapsed == 0
    finally:
        pairing.STORE.end(p.code, p.key)


def test_run_session_picks_the_handout_region(content):
    """The handouts' region is one choice on Run a session, every region offered; without a
    browser language naming a country we cover it starts on the first region (help.py)."""
    at = open_page("run-session", plan="classroom-45", segment="1")
    picker = at.selectbox(key="handout_region")
    assert list(picker.options) == [r.name for r in content.help.regions]
    assert picker.value == handouts.default_region(content.help)
    picker.set_value("canada").run()
    assert not at.exception and at.selectbox(key="handout_region").value == "canada"


def test_a_pairing_record_this_version_cannot_read_is_no_pairing(tmp_path):
    """The store outlives the process: a record written by another version reads as no pairing
    (and is removed), never as an error on the projector."""
    from components.store_sqlite import SqliteStore

    db = SqliteStore(tmp_path / "store.sqlite3")
    store = pairing.PairingStore(db)
    db.set(pairing.KEY_PREFIX + "ABCDEF", '{"plan": "p", "colour": "red"}', 60)
    assert store.get("ABCDEF") is None and not store.unavailable
    assert db.get(pairing.KEY_PREFIX + "ABCDEF") is None
