"""The live room's logic (components/live_room.py, room_record.py, room_totals.py) over the SQLite store, with a fake clock that
both the room and the store read."""

from __future__ import annotations

import pytest

from components import live_room as lr
from components import room_record as rec
from components.facilitate.pairing import ALPHABET
from components.live_room import LiveRooms, Status
from components.store_sqlite import SqliteStore
from conftest import opened

SPECTRUM = ("healthy", "unhealthy", "abusive")


class Clock:
    def __init__(self):
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def rooms(tmp_path, clock):
    return LiveRooms(SqliteStore(tmp_path / "store.sqlite3", clock=clock), clock=clock)


def answer_n(rooms, code, n, choice="healthy", round_=1):
    tokens = [rec.new_token() for _ in range(n)]
    for t in tokens:
        assert rooms.answer(code, t, round_, choice).status is Status.OK
    return tokens


def test_open_gives_a_short_unambiguous_code(rooms):
    codes = {rooms.open().code for _ in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == lr.ROOM_CODE_LENGTH and set(code) <= set(ALPHABET)


def test_join_by_what_a_person_types(rooms):
    room = rooms.open()
    typed = " " + "-".join(room.code.lower()) + " "
    assert rooms.join(typed).status is Status.NO_QUESTION  # open, nothing asked yet
    rooms.ask(room.code, room.key, "how-are-you", ["1", "2", "3", "4", "5"])
    joined = rooms.join(typed)
    assert joined.ok and joined.room.question.id == "how-are-you" and joined.room.round == 1


def test_wrong_code_is_unknown(rooms):
    rooms.open()
    for typed in ("", "ZZZZZ", "not a code at all"):
        assert rooms.join(typed).status is Status.UNKNOWN
        assert rooms.answer(typed, rec.new_token(), 1, "healthy").status is Status.UNKNOWN


def test_a_room_expires_three_hours_after_it_opens(rooms, clock):
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    clock.now += rec.ROOM_SECONDS - 1
    assert rooms.join(code).ok
    clock.now += 1
    for result in (
        rooms.join(code),
        rooms.answer(code, rec.new_token(), 1, "healthy"),
        rooms.tally(code),
        rooms.ask(code, key, "q", SPECTRUM),
        rooms.reveal(code, key),
    ):
        assert result.status is Status.EXPIRED
    clock.now += rec.ENDED_GRACE_SECONDS
    assert rooms.join(code).status is Status.UNKNOWN  # and then it is gone from the store


def test_a_closed_room_says_so_and_its_answers_go(rooms):
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    answer_n(rooms, code, 3)
    assert rooms.close(code, key).ok
    assert rooms.join(code).status is Status.CLOSED
    assert rooms.answer(code, rec.new_token(), 1, "healthy").status is Status.CLOSED
    assert rooms.store.hash_get_all(f"room:{code}:1") == {}


def test_a_second_answer_from_the_same_tab_replaces_the_first(rooms):
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    tokens = answer_n(rooms, code, 4, "healthy")
    assert rooms.answer(code, tokens[0], 1, "abusive").ok
    assert rooms.answer(code, tokens[0], 1, "unhealthy").ok
    assert rooms.my_answer(code, tokens[0]) == "unhealthy"
    answer_n(rooms, code, 1, "abusive")
    assert rooms.tally(code).tally.total == 5
    rooms.reveal(code, key)
    assert rooms.tally(code).tally.counts == {"healthy": 3, "unhealthy": 1, "abusive": 1}


def test_counts_hidden_until_five_answers_then_revealed(rooms):
    assert lr.MIN_ANSWERS == 5
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    answer_n(rooms, code, 4, "abusive")
    t = rooms.tally(code).tally
    assert t.total == 4 and t.counts is None and not t.can_reveal
    assert rooms.reveal(code, key).status is Status.TOO_FEW
    assert rooms.tally(code).tally.counts is None
    answer_n(rooms, code, 1, "healthy")
    t = rooms.tally(code).tally
    assert t.total == 5 and t.counts is None and t.can_reveal  # enough, but not revealed yet
    revealed = rooms.reveal(code, key)
    assert revealed.ok and revealed.tally.counts == {"healthy": 1, "unhealthy": 0, "abusive": 4}
    answer_n(rooms, code, 1, "unhealthy")  # live after the reveal
    assert rooms.tally(code).tally.counts == {"healthy": 1, "unhealthy": 1, "abusive": 4}


def test_a_new_question_starts_afresh(rooms):
    code, key = opened(rooms)
    rooms.ask(code, key, "first", SPECTRUM)
    answer_n(rooms, code, 5)
    rooms.reveal(code, key)
    assert rooms.ask(code, key, "second", ["1", "2", "3", "4", "5"]).room.round == 2
    t = rooms.tally(code).tally
    assert t.total == 0 and t.counts is None and not t.revealed
    assert rooms.store.hash_get_all(f"room:{code}:1") == {}  # the old answers are gone
    # a tab still showing the first question cannot answer into the second
    assert rooms.answer(code, rec.new_token(), 1, "healthy").status is Status.STALE
    assert rooms.answer(code, rec.new_token(), 2, "healthy").status is Status.BAD_CHOICE
    assert rooms.answer(code, rec.new_token(), 2, "3").ok


def test_an_answer_carries_a_token_and_a_choice_only(rooms):
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    assert rooms.answer(code, "Alex from the back row", 1, "healthy").status is Status.BAD_CHOICE
    assert rooms.answer(code, rec.new_token(), 1, "I think it is fine really").status is Status.BAD_CHOICE
    token = rec.new_token()
    rooms.answer(code, token, 1, "healthy")
    assert rooms.store.hash_get_all(f"room:{code}:1") == {token: "healthy"}
    with pytest.raises(ValueError):
        rooms.ask(code, key, "free-text", ["<type anything>"])


def test_a_flood_from_one_tab_is_rate_limited(rooms, clock):
    code, key = opened(rooms)
    rooms.ask(code, key, "q", SPECTRUM)
    token = rec.new_token()
    results = [rooms.answer(code, token, 1, SPECTRUM[i % 3]).status for i in range(lr.RATE_LIMIT + 5)]
    assert results[: lr.RATE_LIMIT] == [Status.OK] * lr.RATE_LIMIT
    assert set(results[lr.RATE_LIMIT :]) == {Status.RATE_LIMITED}
    assert rooms.answer(code, rec.new_token(), 1, "healthy").ok  # other tabs are not held up
    clock.now += lr.RATE_WINDOW_SECONDS
    assert rooms.answer(code, token, 1, "healthy").ok
    assert rooms.tally(code).tally.total == 2


def test_no_question_yet(rooms):
    code, key = opened(rooms)
    assert rooms.answer(code, rec.new_token(), 0, "healthy").status is Status.NO_QUESTION
    assert rooms.reveal(code, key).status is Status.NO_QUESTION
    assert rooms.tally(code).tally.total == 0


def test_the_room_module_logs_nothing_and_imports_no_streamlit():
    import inspect

    source = inspect.getsource(lr)
    assert "import streamlit" not in source and "logging" not in source and "print(" not in source


def test_only_the_facilitators_key_asks_reveals_or_closes(rooms):
    """The public code (or any other key, or an empty one) controls nothing; the store keeps only
    the key's hash."""
    code, key = opened(rooms)
    assert len(key) == 2 * lr.KEY_BYTES
    raw = rooms.store.get(f"room:{code}")
    assert key not in raw and rec.hash_key(key) in raw
    other_code, other_key = opened(rooms)
    for wrong in ("", None, code, other_key, key.upper(), key[:-1]):
        assert rooms.ask(code, wrong, "q", SPECTRUM).status is Status.FORBIDDEN
        assert rooms.reveal(code, wrong).status is Status.FORBIDDEN
        assert rooms.close(code, wrong).status is Status.FORBIDDEN
        assert rooms.control(code, wrong).status is Status.FORBIDDEN
    assert rooms.join(code).status is Status.NO_QUESTION  # nothing changed
    assert rooms.ask(code, key, "q", SPECTRUM).ok
    answer_n(rooms, code, 5)
    assert rooms.reveal(code, key).ok
    assert rooms.close(other_code, key).status is Status.FORBIDDEN  # a key runs its own room only
    assert rooms.close(code, key).ok and rooms.join(code).status is Status.CLOSED


def test_the_key_finds_its_room_again_from_another_process(tmp_path, clock):
    """A reload or another replica: a second handle on the same store, the key from the tab."""
    path = tmp_path / "shared.sqlite3"
    one = LiveRooms(SqliteStore(path, clock=clock), clock=clock)
    two = LiveRooms(SqliteStore(path, clock=clock), clock=clock)
    code, key = opened(one)
    assert two.control(code, key).status is Status.NO_QUESTION
    one.ask(code, key, "q", SPECTRUM)
    answer_n(two, code, 3)
    back = two.control(code, key)
    assert back.ok and back.room.question.id == "q" and two.tally(code).tally.total == 3
    assert two.close(code, key).ok
    assert one.control(code, key).status is Status.CLOSED
