"""The live room through AppTest: /join (wrong, expired and closed codes, an answer sent twice is
replaced, the store down) and the facilitator's room panel on Run a session (open, ask, counts
hidden under 5 answers, reveal, the scenario's placement)."""

from __future__ import annotations

import html
import json
import time

from components import live_room as lr
from components import room_record as rec
from components import room_ui
from components import store_open as store_mod
from components.live_room import LiveRooms
from components.qr import qr_svg
from components.store import StoreUnavailable
from components.store_sqlite import SqliteStore
from conftest import all_text, open_page, opened


def labels(content):
    return content.ui.labels


def warnings(at) -> str:
    return "\n".join(str(w.value) for w in [*at.warning, *at.info, *at.success])


def test_join_asks_for_a_code_and_no_name(store, content):
    at = open_page("join")
    assert not at.exception
    assert [t.label for t in at.text_input] == [labels(content)["join_code_input"]]
    assert labels(content)["join_no_name"] in all_text(at)


def test_join_with_a_wrong_code_says_so(store, content):
    at = open_page("join")
    at.text_input(key=room_ui.JOIN_INPUT).input("QQQQQ")
    at.button[0].click().run()  # the form's Join
    assert labels(content)["join_unknown"] in warnings(at)
    at = open_page("join", code="ZZZZZ")
    assert labels(content)["join_unknown"] in warnings(at)


def test_join_by_typed_code_then_answer_twice_is_replaced(store, content):
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    at = open_page("join")
    at.session_state[room_ui.TOKEN] = rec.new_token()  # what the tab's sessionStorage said (a browser test shows it)
    at.text_input(key=room_ui.JOIN_INPUT).input(code.lower())
    at.button[0].click().run()
    assert at.query_params.get("code") in (code, [code])
    assert labels(content)["join_waiting"] in warnings(at)

    rooms.ask(code, key, "place-weekend-plans", ["healthy", "unhealthy", "abusive"])
    at.run()
    radio = at.radio[0]
    assert radio.options[0].endswith("Healthy") and len(radio.options) == 3
    assert "Weekend plans" in all_text(at)
    radio.set_value("abusive").run()
    at.button(key="join_send_1").click().run()
    assert labels(content)["join_sent"] in warnings(at)
    at.radio[0].set_value("healthy").run()
    at.button(key="join_send_1").click().run()
    answers = store.hash_get_all(f"room:{code}:1")
    assert list(answers.values()) == ["healthy"]  # one tab, one answer: replaced, not added
    (token,) = answers
    assert token == at.session_state[room_ui.TOKEN]


def test_join_follows_the_next_question(store, content):
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.ask(code, key, "how-are-you", list("12345"))
    at = open_page("join", code=code)
    assert "How are you doing right now?" in all_text(at)
    rooms.ask(code, key, "heard-of-trauma-bond", ["knew-it", "heard-it", "new-to-me"])
    at.run()
    assert "trauma bond" in all_text(at) and len(at.radio[0].options) == 3


def test_join_an_expired_or_closed_room(store, content):
    past = LiveRooms(store, clock=lambda: time.time() - rec.ROOM_SECONDS - 10)
    old, _ = opened(past)
    at = open_page("join", code=old)
    assert labels(content)["join_expired"] in warnings(at)
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.close(code, key)
    at = open_page("join", code=code)
    assert labels(content)["join_closed"] in warnings(at)
    assert not at.radio


class DownStore(SqliteStore):
    def __init__(self):
        pass

    def get(self, key):
        raise StoreUnavailable("down")

    def set_if_absent(self, key, value, ttl):
        raise StoreUnavailable("down")


def test_a_store_that_is_down_is_said_in_plain_words(content):
    store_mod.reset_store(DownStore())
    try:
        at = open_page("join", code="ABCDE")
        assert not at.exception
        assert labels(content)["room_unavailable"] in warnings(at)
        at = open_page("run-session")
        at.button(key="room_open").click().run()
        assert not at.exception
        assert labels(content)["room_unavailable"] in warnings(at)
        assert at.selectbox(key="run_plan")  # the rest of the page still works
    finally:
        store_mod.reset_store(None)


def test_a_store_that_is_down_leaves_the_session_running_without_the_notes_device(content):
    """The pairing lives in the same store: linking a notes device says it cannot, in plain words,
    and the session's own controls go on working."""
    store_mod.reset_store(DownStore())
    try:
        at = open_page("run-session", plan="workshop-90", segment="1")
        at.button(key="pair_start").click().run()
        assert not at.exception and "pair_code" not in at.session_state
        assert labels(content)["facilitate_pair_unavailable"] in warnings(at)
        at.button(key="timer_start").click().run()
        assert not at.exception and at.session_state["run_timer"].running
        notes = open_page("run-session", view="notes", pair="ABCDEF")
        assert not notes.exception and labels(content)["facilitate_pair_unavailable"] in warnings(notes)
    finally:
        store_mod.reset_store(None)


def _answer(rooms, code, round_, choice, n):
    for _ in range(n):
        assert rooms.answer(code, rec.new_token(), round_, choice).ok


def test_facilitator_opens_asks_and_reveals_after_five(store, content):
    at = open_page("run-session", plan="workshop-90")
    at.button(key="room_open").click().run()
    code = at.session_state[room_ui.CODE]
    assert len(code) == lr.ROOM_CODE_LENGTH
    assert code in all_text(at)
    assert at.get("image")  # the QR code, drawn here
    opening = content.room.question("confident-spotting")  # the opening segment's own question: asked at once
    assert content.workshops["workshop-90"].segments()[0][1].room_question == opening.id
    assert labels(content)["room_asking"].format(prompt=opening.prompt) in all_text(at)
    pick = at.selectbox(key="room_question_pick")
    assert pick.options[0] == content.room.question("confident-spotting").prompt  # the plan's set first: the topic
    pick.set_value("place-silent-evening").run()
    at.button(key="room_ask").click().run()
    rooms = LiveRooms(store)  # round 2: the opening segment's question was round 1
    _answer(rooms, code, 2, "unhealthy", 3)
    at.run()
    assert "3 answered so far" in all_text(at)
    assert at.button(key="room_reveal").disabled
    assert not at.get("plotly_chart")
    _answer(rooms, code, 2, "abusive", 1)
    at.run()
    assert at.button(key="room_reveal").disabled  # 4: still hidden
    _answer(rooms, code, 2, "healthy", 1)
    at.run()
    assert "5 answered so far" in all_text(at)
    assert not at.button(key="room_reveal").disabled and not at.get("plotly_chart")  # enough, not shown yet
    at.button(key="room_reveal").click().run()
    (chart,) = at.get("plotly_chart")
    bar = json.loads(chart.proto.spec)["data"][0]
    assert bar["y"] == [1, 3, 1]
    text = all_text(at)
    assert labels(content)["room_where_it_sits"] in text and "wears trust" in text  # the sorter's why
    assert "5 answers." in text  # the chart in words


def test_facilitator_closes_the_room(store, content):
    at = open_page("run-session")
    at.button(key="room_open").click().run()
    code = at.session_state[room_ui.CODE]
    at.button(key="room_close").click().run()
    assert LiveRooms(store).join(code).status is lr.Status.CLOSED
    assert at.button(key="room_open")


def test_join_address_is_the_apps_own():
    from unittest import mock

    with mock.patch.object(room_ui.st, "context") as ctx:
        ctx.url = "http://10.0.0.5:8501/run-session?plan=workshop-90"
        assert room_ui.join_address("ABCDE") == "http://10.0.0.5:8501/join?code=ABCDE"
        ctx.url = "https://example.org/healthy/run-session"
        assert room_ui.join_address("ABCDE") == "https://example.org/healthy/join?code=ABCDE"
    assert qr_svg("http://x/join?code=ABCDE", "Join").startswith('<svg role="img" ')  # the one QR drawing


def test_two_phones_in_two_editions_answer_in_one_room(store, content):
    """Each phone reads the room in its own edition; the counts are kept by choice id, so both add up."""
    from components.content import load_content
    from conftest import CONTENT

    spanish = load_content(CONTENT, "es")
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.ask(code, key, "place-weekend-plans", ["healthy", "unhealthy", "abusive"])
    phones = {"en": open_page("join", code=code), "es": open_page("join", code=code, lang="es")}
    for edition, (lang, at) in zip((content, spanish), phones.items(), strict=True):
        at.session_state[room_ui.TOKEN] = rec.new_token()
        at.run()
        assert not at.exception
        scene = next(s for s in edition.scenarios.scenarios if s.id == "weekend-plans")
        assert scene.title in all_text(at), lang  # the question in the phone's own words
        at.radio[0].set_value("unhealthy").run()
        at.button(key="join_send_1").click().run()
        assert edition.ui.labels["join_sent"] in warnings(at), lang
    assert spanish.ui.labels["join_sent"] != content.ui.labels["join_sent"]
    assert sorted(store.hash_get_all(f"room:{code}:1").values()) == ["unhealthy", "unhealthy"]


def test_the_join_and_notes_links_keep_the_asked_edition(monkeypatch):
    from unittest import mock

    from components import language_ui
    from components.facilitate import pairing

    monkeypatch.setattr(language_ui, "asked", lambda: "es")
    with mock.patch.object(room_ui.st, "context") as ctx:
        ctx.url = "http://10.0.0.5:8501/run-session"
        assert room_ui.join_address("ABCDE") == "http://10.0.0.5:8501/join?code=ABCDE&lang=es"
    assert (
        pairing.notes_url("http://h/run-session", "ABCDEF", lang="es")
        == "http://h/run-session?view=notes&pair=ABCDEF&lang=es"
    )


def test_the_room_panel_writes_the_asked_edition_into_the_join_address_and_nothing_else(store):
    """The join address the projector shows keeps `?lang=es`; a value the app does not offer (here one
    that tries to add a parameter) is never copied into it."""
    for asked, expected in (("es", "lang=es"), ("es&pair=EVIL", None), ("tlh", None)):
        at = open_page("run-session", lang=asked)
        at.button(key="room_open").click().run()
        assert not at.exception
        shown = html.unescape(all_text(at))  # Markdown here is escaped text: &amp; reads as &
        code = at.session_state[room_ui.CODE]
        assert f"join?code={code}" in shown, asked
        if expected:
            assert f"join?code={code}&{expected}" in shown
        else:
            assert "lang=" not in shown and "EVIL" not in shown, asked
