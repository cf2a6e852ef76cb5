"""Following a paired notes device, without Streamlit (components/facilitate/sync.py): the tab's
state is a dict, the pairing a PairingStore over a private SQLite file, and the page's step a
recording stand-in. The notes device moves, steps, starts the countdown and goes on past the
opening screen; the projector's tab takes each over once, and reports its own step back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from components.facilitate import sync, tab
from components.facilitate.countdown import Timer
from components.facilitate.pairing import PairingStore
from components.store import StoreUnavailable
from components.store_sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
PLAN = "workshop-90"


class Step:
    """A page that shows the segment's step (sync.StepHere): what it shows, what it was told."""

    def __init__(self, start: int = 0, count: int = 4, at: int | None = None):
        self.start, self.count = start, count
        self.at = start if at is None else at
        self.shown_to: list[int] = []

    def shown(self) -> int:
        return self.at

    def show(self, step: int) -> None:
        self.shown_to.append(step)
        self.at = step


@pytest.fixture
def store(tmp_path):
    return PairingStore(SqliteStore(tmp_path / "pairs.sqlite3"))


@pytest.fixture
def paired(store, content):
    """The laptop's tab state at segment 1 of the plan, with a pairing it has seen, and the pairing."""
    p = store.create(PLAN, 1)
    state = {tab.RUN: {"plan": PLAN, "segment": 1}, tab.PAIR: p.code, tab.PAIR_KEY: p.key, tab.PAIR_SEEN: p.version}
    return state, p


def nowhere(plan, index):
    return None


def test_sync_and_tab_import_no_streamlit():
    code = (
        "import sys; sys.modules['streamlit'] = None\n"
        "import components.facilitate.sync, components.facilitate.tab\n"
        "print(sorted(m for m in sys.modules if m.startswith('streamlit')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['streamlit']"  # only the blocked entry: nothing imported it


def test_no_pairing_changes_nothing(store, content):
    state = {tab.RUN: {"plan": PLAN, "segment": 0}}
    assert sync.remote_update(state, store, content, nowhere) == (None, False)
    assert state == {tab.RUN: {"plan": PLAN, "segment": 0}}
    assert not sync.pending(state, store)


def test_the_notes_device_moves_to_another_segment_with_its_countdown(store, content, paired):
    state, p = paired
    timer = Timer(PLAN, 2, 5, started=100.0)
    q = store.set_segment(p.code, 2, len(content.workshops[PLAN].segments()), timer=timer, who=p.key)
    assert sync.pending(state, store)
    moved, passed = sync.remote_update(state, store, content, nowhere)
    assert moved == (content.workshops[PLAN], 2) and not passed
    assert state[tab.PAIR_SEEN] == q.version and state[tab.TIMER] == timer
    assert not sync.pending(state, store)
    assert sync.remote_update(state, store, content, nowhere) == (None, False)  # taken over once


def test_a_countdown_of_another_segment_is_not_taken_over(store, content, paired):
    state, p = paired
    store.set_timer(p.code, Timer(PLAN, 0, 5), who=p.key)  # not the segment the pairing is at
    assert sync.remote_update(state, store, content, nowhere) == (None, False)
    assert tab.TIMER not in state


def test_the_notes_device_steps_within_the_segment_this_page_shows(store, content, paired):
    state, p = paired
    step = Step(start=0, count=4)
    asked = []

    def here(plan, index):
        asked.append((plan.id, index))
        return step

    store.move_step(p.code, 1, step.start, step.count, who=p.key)
    assert sync.remote_update(state, store, content, here) == (None, False)
    assert step.shown_to == [1] and asked == [(PLAN, 1)]
    assert sync.remote_update(state, store, content, here) == (None, False)
    assert step.shown_to == [1]  # shown once: the page shows it now, nothing to report


def test_a_step_this_tab_took_is_reported_to_the_notes_device(store, content, paired):
    state, p = paired
    step = Step(start=0, count=4, at=3)
    assert sync.remote_update(state, store, content, lambda plan, index: step) == (None, False)
    q = store.get(p.code)
    assert q.step == 3 and state[tab.PAIR_SEEN] == q.version and step.shown_to == []


def test_no_step_is_reported_by_a_page_that_is_not_the_segments(store, content, paired):
    state, p = paired
    assert sync.remote_update(state, store, content, nowhere) == (None, False)
    assert store.get(p.code).step is None and state[tab.PAIR_SEEN] == p.version


def test_the_notes_device_goes_on_past_the_opening_screen(store, content, paired):
    state, p = paired
    store.set_opening(p.code, True, who=p.key)
    state[tab.SHOWING] = True
    assert sync.remote_update(state, store, content, nowhere) == (None, False)  # still showing it
    assert state[tab.SHOWING] and not state.get(tab.OPENED)
    store.set_opening(p.code, False, who=p.key)  # the notes device's Go on
    assert sync.remote_update(state, store, content, nowhere) == (None, True)
    assert state[tab.OPENED] and not state[tab.SHOWING]


def test_an_ended_pairing_is_forgotten_but_a_store_that_is_down_is_not(store, content, paired):
    state, p = paired

    def down():
        raise StoreUnavailable("down")

    assert sync.remote_update(state, PairingStore(down), content, nowhere) == (None, False)
    assert state[tab.PAIR] == p.code  # it may come back
    store.end(p.code, p.key)
    assert sync.remote_update(state, store, content, nowhere) == (None, False)
    assert state[tab.PAIR] is None


def test_a_plan_this_content_does_not_have_is_not_followed(store, content):
    p = store.create("no-such-plan", 0)
    state = {tab.PAIR: p.code, tab.PAIR_SEEN: 0}
    assert sync.remote_update(state, store, content, nowhere) == (None, False)
    assert state[tab.PAIR_SEEN] == 0
