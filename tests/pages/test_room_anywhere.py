"""The live room on any projected page (components/room_bar.py): the presenter
bar's Room menu, the overlay, a segment's own room question asked as it opens, the paired notes
device's room requests carried out by the laptop with its key, and the rules under them (the live
question asked again before anyone answered keeps its round; an unanswered asking is neither a
before nor an after). The browser side is tests/browser/test_browser_room_anywhere.py."""

from __future__ import annotations

import pytest

from components import live_room as lr
from components import room_record as rec
from components import room_ui
from components.facilitate import pairing
from components.facilitate.pairing import Claim, PairingStore
from components.live_room import LiveRooms, Status
from components.room_summary import match_pairs
from components.room_totals import KeptRound
from components.store_sqlite import SqliteStore
from conftest import all_text, open_page


def _projecting(segment: int, plan: str = "classroom-45"):
    """A laptop in presenter mode running `plan` at `segment` (1-based), on Run a session."""
    at = open_page("run-session", plan=plan, segment=str(segment), present="1")
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_bar_opens_a_room_that_asks_the_segments_own_question(store, content):
    at = _projecting(2)
    labels = content.ui.labels
    assert at.button(key="room_bar_open")  # in the bar's Room menu, on every projected page
    assert labels["room_small_group"].format(min=lr.MIN_ANSWERS) in all_text(at)  # told ahead of time
    at.button(key="room_bar_open").click().run()
    code = at.session_state[room_ui.CODE]
    segment = content.workshops["classroom-45"].segments()[1][1]
    assert segment.room_question == "place-friends-birthday"
    assert room_ui.asked_now(code) == segment.room_question
    assert f"{code} · 0 answered" in all_text(at)  # the count on the bar


def test_moving_to_a_segment_asks_its_question_and_coming_back_keeps_the_answers(store, content):
    at = _projecting(4)  # "Why leaving can be so hard": no question of its own
    at.button(key="room_bar_open").click().run()
    code = at.session_state[room_ui.CODE]
    assert room_ui.asked_now(code) is None
    at.button(key="segment_next").click().run()  # to "Helping a friend"
    assert room_ui.asked_now(code) == "practice-keep-a-secret"
    rooms = LiveRooms(store)
    round_ = rooms.join(code).room.round
    assert rooms.answer(code, rec.new_token(), round_, rooms.join(code).room.question.choices[0]).ok
    at.button(key="segment_prev").click().run()
    at.button(key="segment_next").click().run()  # back to it: asked already, its answer kept
    assert rooms.join(code).room.round == round_ and rooms.tally(code).tally.total == 1


def test_the_overlay_puts_the_join_code_or_the_answers_over_a_projected_page(store, content):
    at = _projecting(2)
    at.button(key="room_bar_open").click().run()
    code = at.session_state[room_ui.CODE]
    at.button(key="room_bar_overlay_join").click().run()
    assert at.session_state[room_ui.OVERLAY] == "join"
    assert not any(b.key == "room_overlay_hide" for b in at.button)  # Run a session has its own panel
    at.switch_page("pages/healthy-vs-toxic.py").run()
    assert not at.exception
    text = all_text(at)
    assert f"**{code}**" in text and f"/join?code={code}" in text
    assert at.get("image")  # the QR code
    at.button(key="room_bar_overlay_counts").click().run()
    assert content.ui.labels["room_answers_so_far"].format(n=0) in all_text(at)
    at.button(key="room_overlay_hide").click().run()
    assert not at.session_state[room_ui.OVERLAY]
    assert not any(b.key == "room_overlay_hide" for b in at.button)


def test_the_paired_device_runs_the_room_through_the_laptops_key(store, content):
    at = _projecting(2)
    at.button(key="pair_start").click().run()
    pair, key = at.session_state["pair_code"], at.session_state["pair_key"]
    state, _, token = pairing.STORE.claim(pairing.STORE.get(pair).join, "phone")
    assert state is Claim.PENDING and pairing.STORE.confirm(pair, key)
    try:
        assert pairing.STORE.request_room(pair, "open", None, who="not-a-token") is None  # a stranger: nothing
        assert pairing.STORE.request_room(pair, "open", None, who=token).room_request["n"] == 1
        at.run()  # the laptop's next run (its poll) carries it out
        code = at.session_state[room_ui.CODE]
        assert code and room_ui.asked_now(code) == "place-friends-birthday"  # the segment's own question
        p = pairing.STORE.get(pair)
        assert (p.room, p.room_done) == (code, 1)  # the device sees the room's public code, never its key
        assert at.session_state[room_ui.KEY] not in str(store.get(pairing.KEY_PREFIX + pair))
        at.run()
        assert at.session_state[room_ui.CODE] == code  # carried out once, not on every run
        pairing.STORE.request_room(pair, "join", who=token)
        at.run()
        assert at.session_state[room_ui.OVERLAY] == "join" and pairing.STORE.get(pair).overlay == "join"
        pairing.STORE.request_room(pair, "ask", "confident-helping", who=token)
        at.run()
        assert room_ui.asked_now(code) == "confident-helping"
        pairing.STORE.request_room(pair, "close", who=token)
        at.run()
        assert at.session_state[room_ui.CODE] is None and pairing.STORE.get(pair).room == ""
        assert LiveRooms(store).join(code).status is Status.CLOSED
    finally:
        pairing.STORE.end(pair, key)


def test_only_the_laptop_says_what_was_served(tmp_path):
    laptop = PairingStore(SqliteStore(tmp_path / "s.sqlite3"))
    p = laptop.create("plan-a", 0)
    state, code, token = laptop.claim(p.join, "phone")
    laptop.confirm(code, p.key)
    with pytest.raises(ValueError):
        laptop.request_room(code, "delete-everything", who=token)
    laptop.request_room(code, "reveal", who=token)
    assert laptop.room_served(code, 1, "ABCDE", "", who=token) is None  # the device cannot mark it done
    q = laptop.room_served(code, 1, "ABCDE", "", who=p.key)
    assert (q.room_done, q.room) == (1, "ABCDE")
    assert laptop.request_room(code, "hide", who=token).room_request["n"] == 2


def test_asking_the_live_question_again_before_anyone_answered_keeps_its_round(tmp_path):
    rooms = LiveRooms(SqliteStore(tmp_path / "r.sqlite3"))
    room = rooms.open()
    choices = ("1", "2", "3", "4", "5")
    assert rooms.ask(room.code, room.key, "confident-spotting", choices).room.round == 1
    assert rooms.ask(room.code, room.key, "confident-spotting", choices).room.round == 1  # nobody answered yet
    assert rooms.answer(room.code, rec.new_token(), 1, "3").ok
    assert rooms.ask(room.code, room.key, "confident-spotting", choices).room.round == 2  # answered: a new round
    assert rooms.ask(room.code, "wrong-key", "confident-spotting", choices).status is Status.FORBIDDEN


def test_an_unanswered_asking_is_neither_before_nor_after(content):
    pair = content.workshops["workshop-90"].room_pairs[0]
    rounds = [
        KeptRound(1, pair.before, {"1": 0, "2": 0}),
        KeptRound(2, pair.before, {"1": 3, "2": 2}),
        KeptRound(3, "heard-of-trauma-bond", {"knew-it": 4}),
        KeptRound(4, pair.after, {"1": 1, "2": 5}),
        KeptRound(5, pair.after, {"1": 0, "2": 0}),
    ]
    ((_, before, after),) = match_pairs([pair], rounds)
    assert (before.round, after.round) == (2, 4)


def test_a_plan_naming_an_unknown_room_question_is_a_clear_problem(content_copy):
    from components.content import ContentError, load_content

    path = content_copy / "workshops" / "workshop-90.yaml"
    text = path.read_text(encoding="utf-8")
    assert "room_question: hardest-part\n" in text
    path.write_text(text.replace("room_question: hardest-part\n", "room_question: hardest-parts\n"), encoding="utf-8")
    line = text[: text.index("room_question: hardest-part\n")].count("\n") + 1
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    (problem,) = err.value.problems
    assert problem.file == "workshops/workshop-90.yaml" and problem.line == line
    assert "no room question 'hardest-parts'" in problem.message


def test_each_plan_opens_on_a_question_about_the_topic_and_never_asks_wellbeing_by_itself(content):
    from components import room_questions as rq

    for plan in content.workshops.values():
        assert rq.questions_for(content, plan.id)[0].id != "how-are-you", plan.id
        opening = plan.segments()[0][1]
        assert opening.room_question == plan.room_pairs[0].before, plan.id  # its before question: the topic
        named = {seg.room_question for _, seg in plan.segments()} - {None}
        assert "how-are-you" not in named  # how someone is doing is never put to the room unasked
        assert named <= {q.id for q in content.room.questions}


def test_show_the_counts_from_the_menu_reveals_at_five_and_says_why_before(store, content):
    """The menu is not polled, so its Show the counts does not wait on the count it was drawn with:
    under five answers nothing is revealed and the answers put on screen say why; at five it reveals."""
    at = _projecting(2)
    at.button(key="room_bar_open").click().run()
    code = at.session_state[room_ui.CODE]
    assert not at.button(key="room_bar_reveal").disabled
    at.button(key="room_bar_reveal").click().run()
    assert at.session_state[room_ui.OVERLAY] == "counts"
    rooms = LiveRooms(store)
    assert not rooms.tally(code).tally.revealed
    room = rooms.join(code).room
    for _ in range(lr.MIN_ANSWERS):
        assert rooms.answer(code, rec.new_token(), room.round, room.question.choices[0]).ok
    at.button(key="room_bar_reveal").click().run()
    assert rooms.tally(code).tally.revealed
