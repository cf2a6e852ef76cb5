"""The tab's identity (components/tab_storage.py): what the component is given, where the value
lives (sessionStorage only), and the participant's token: not yet known -> nothing is sent as a
stranger; the same token after a reload (a new session) answers as the same phone. The browser
side is in tests/browser/test_browser_room_reload.py."""

from __future__ import annotations

import pytest

from components import live_room as lr
from components import room_record as rec
from components import room_ui, tab_storage
from components.live_room import LiveRooms
from conftest import open_page, opened


def test_the_value_lives_in_session_storage_only():
    js = "\n".join(line for line in tab_storage.SCRIPT.splitlines() if not line.lstrip().startswith("//"))
    assert "sessionStorage.getItem" in js and "sessionStorage.setItem" in js
    for elsewhere in ("localStorage", "document.cookie", "location", "history."):
        assert elsewhere not in js, elsewhere
    assert "crypto.getRandomValues" in js  # the tab makes its own token (never Math.random)
    assert "Math.random" not in js


def test_request_names_and_values():
    data = tab_storage.request("room-token", create=16)
    assert data == {"name": "room-token", "known": None, "write": None, "create": 16}
    assert tab_storage.request("room-key", write="")["write"] == ""
    for bad in ("", "Room", "a b", "x" * 60, "../x"):
        with pytest.raises(ValueError):
            tab_storage.request(bad)
    with pytest.raises(TypeError):
        tab_storage.request("room-key", write=123)


def test_a_token_is_32_hex_digits_whatever_the_tab_sent():
    assert rec.is_token(rec.new_token())
    for bad in (None, "", "A" * 32, "0" * 31, "0" * 32 + "\n", "g" * 32, 12):
        assert not rec.is_token(bad), bad
    assert len(rec.new_token()) == 2 * rec.TOKEN_BYTES


def _answer_on_a_new_session(code: str, token: str | None, choice_index: int):
    at = open_page("join", code=code)
    if token is not None:
        at.session_state[room_ui.TOKEN] = token  # what the tab's sessionStorage gave the new session
        at.run()
    at.radio[0].set_value(["healthy", "unhealthy", "abusive"][choice_index]).run()
    at.button(key="join_send_1").click().run()
    assert not at.exception
    return at


def test_a_reload_answers_as_the_same_phone(store, content):
    """Three sessions (a phone answering, reloading, answering again twice) with the tab's one
    token: one answer, the last one."""
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.ask(code, key, "place-weekend-plans", ["healthy", "unhealthy", "abusive"])
    token = rec.new_token()
    for i in (2, 1, 0):
        _answer_on_a_new_session(code, token, i)
    assert store.hash_get_all(f"room:{code}:1") == {token: "healthy"}
    assert rooms.tally(code).tally.total == 1


def test_the_rate_limit_follows_the_token_across_sessions(store, content):
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.ask(code, key, "place-weekend-plans", ["healthy", "unhealthy", "abusive"])
    token = rec.new_token()
    for _ in range(lr.RATE_LIMIT):
        assert rooms.answer(code, token, 1, "healthy").ok
    at = _answer_on_a_new_session(code, token, 0)  # a reload does not reset the limit
    assert content.ui.labels["join_rate_limited"] in "\n".join(str(w.value) for w in at.warning)


def test_before_the_tab_says_its_token_nothing_is_sent(store, content):
    rooms = LiveRooms(store)
    code, key = opened(rooms)
    rooms.ask(code, key, "place-weekend-plans", ["healthy", "unhealthy", "abusive"])
    at = _answer_on_a_new_session(code, None, 0)  # AppTest runs no JavaScript: the tab never answers
    assert room_ui.TOKEN not in at.session_state
    assert store.hash_get_all(f"room:{code}:1") == {}  # no second identity made up in Python


def test_read_before_the_tab_answers_and_after_a_write():
    """Without a browser the tab never answers: `read` says "not yet known" (None), and a value
    just written is what this run knows."""
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        from components import tab_storage

        st.session_state["unknown"] = tab_storage.read("probe-read", create=16)
        st.session_state["written"] = tab_storage.read("probe-write", write="abc")

    at = AppTest.from_function(script, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.session_state["unknown"] is None and at.session_state["written"] == "abc"


def test_what_the_session_learned_of_the_tab_holds_across_pages(content):
    """Each page gives the component a fresh state (None here, as AppTest has no browser): the value
    this session already learned stays known, so the tab is not asked again on every projected page
    (each asking costs a rerun, and one landing during a page switch reran the page being left)."""
    at = open_page("run-session", plan="classroom-45", segment="2", present="1")
    known = tab_storage._cache_key(room_ui.ROOM_STORAGE)
    assert known in at.session_state and at.session_state[known] is None  # a new session: not known yet
    at.session_state[known] = ""  # the tab said it holds nothing
    at.switch_page("pages/cycle.py").run()
    assert at.session_state[known] == ""
    at.switch_page("pages/glossary.py").run()
    assert at.session_state[known] == ""
