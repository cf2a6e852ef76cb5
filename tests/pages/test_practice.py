""" "What could you say?": content/practice.yaml and its model, the pure view and
transitions (components/practice.py), the URL round trip, the section through AppTest on its own and
in presenter mode (components/practice_ui.py), a scene as a live-room question, the text edition's
renderer, and readability."""

from __future__ import annotations

import ast
import re

import pytest
import yaml
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from components import practice as logic
from components import room_questions as rq
from components.models.practice import REPLIES_PER_SCENE, PracticeFile, Reply
from components.text_edition.doc import Doc
from components.text_edition.practice import practice_text
from conftest import CONTENT, ROOT, all_text, problems_for, qp

TIMEOUT = 120


def scenes(content):
    return content.practice.scenes


# --------------------------------------------------------------------------- the content and its model


def test_six_to_eight_scenes_of_three_replies_each_with_a_way_that_helps(content):
    assert 6 <= len(scenes(content)) <= 8
    for s in scenes(content):
        assert len(s.replies) == REPLIES_PER_SCENE == 3
        assert "helps" in {r.outcome for r in s.replies}
        for r in s.replies:
            assert r.why
            assert (r.instead is not None) == (r.outcome == "harder")  # a harder reply says what helps instead


def test_the_scenes_the_brief_asks_for_are_there(content):
    ids = {s.id for s in scenes(content)}
    # going back; a younger friend's secret; confronting the partner; "just leave"
    assert {"going-back", "keep-a-secret", "confront-partner", "just-leave"} <= ids
    secret = content.practice.scene("keep-a-secret")
    helps = [r for r in secret.replies if r.outcome == "helps"]
    assert helps and all("adult" in r.text for r in helps)  # you cannot promise; tell a trusted adult
    promise = next(r for r in secret.replies if "promise" in r.text.lower())
    assert promise.outcome == "harder"
    just_leave = next(r for r in content.practice.scene("just-leave").replies if "just leave" in r.text.lower())
    assert just_leave.outcome == "harder" and "dangerous" in just_leave.why  # safety first where leaving comes up


def test_every_scene_names_sources_that_resolve(content):
    for s in scenes(content):
        assert s.sources and all(sid in content.sources_by_id for sid in s.sources), s.id


def test_no_reply_is_called_wrong(content):
    """Kind feedback: no "wrong", no red cross, and a harder reply is said to be what caring people say."""
    words = yaml.safe_dump(content.practice.model_dump())
    assert not re.search(r"\bwrong!|\bwrong answer|✕|❌", words, re.I)
    assert content.ui.labels["practice_caring"] in logic.feedback_lines(
        next(r for s in scenes(content) for r in s.replies if r.outcome == "harder"), content.ui.labels
    )


def _file(content, **change) -> dict:
    data = content.practice.model_dump(exclude_none=True)
    data.update(change)
    return data


def test_a_scene_needs_exactly_three_replies(content):
    data = _file(content)
    data["scenes"][0]["replies"] = data["scenes"][0]["replies"][:2]
    with pytest.raises(ValidationError, match="at least 3"):
        PracticeFile.model_validate(data)
    data = _file(content)
    extra = dict(data["scenes"][0]["replies"][0], id="one-more")
    data["scenes"][0]["replies"].append(extra)
    with pytest.raises(ValidationError, match="at most 3"):
        PracticeFile.model_validate(data)


def test_six_to_eight_scenes(content):
    data = _file(content)
    with pytest.raises(ValidationError, match="at least 6"):
        PracticeFile.model_validate(dict(data, scenes=data["scenes"][:5]))
    many = [dict(s, id=f"{s['id']}-{n}") for n in range(2) for s in data["scenes"]][:9]
    with pytest.raises(ValidationError, match="at most 8"):
        PracticeFile.model_validate(dict(data, scenes=many))


def test_a_scene_needs_a_reply_that_helps_and_harder_replies_say_what_helps_instead(content):
    data = _file(content)
    for r in data["scenes"][0]["replies"]:
        r["outcome"], r["instead"] = "harder", "Something else."
    with pytest.raises(ValidationError, match="at least one reply that helps"):
        PracticeFile.model_validate(data)
    with pytest.raises(ValidationError, match="instead"):
        Reply(id="x", text="Hm.", outcome="harder", why="Because.")
    with pytest.raises(ValidationError, match="instead"):
        Reply(id="x", text="Hm.", outcome="helps", why="Because.", instead="Other.")
    with pytest.raises(ValidationError):
        Reply(id="x", text="Hm.", outcome="wrong", why="Because.")


def test_an_unknown_source_fails_at_load_with_its_line(content_copy):
    path = content_copy / "practice.yaml"
    text = path.read_text(encoding="utf-8")
    first = yaml.safe_load(text)["scenes"][0]["sources"][0]
    path.write_text(text.replace(first, "no-such-source", 1), encoding="utf-8")
    problems = problems_for(content_copy)
    assert any(
        re.match(r"practice\.yaml:\d+: scenes\.0\.sources\.\d+: unknown source id 'no-such-source'", p)
        for p in problems
    ), problems


def test_readability_covers_practice_yaml():
    import test_readability as readability

    path = CONTENT / "practice.yaml"
    assert path in readability.FILES  # picked up by its glob, so its two tests run on this file
    result = readability.measure_file(path)
    assert result.grade <= readability.LEARNER_MAX_GRADE and not result.long


def test_the_logic_imports_no_streamlit():
    for path in (
        ROOT / "components" / "practice.py",
        ROOT / "components" / "models" / "practice.py",
        ROOT / "components" / "text_edition" / "practice.py",
    ):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(n.split(".")[0] == "streamlit" for n in names), path


# --------------------------------------------------------------------------- the view and its transitions


def test_choose_a_reply_of_the_scene_shown_only(content):
    ss = scenes(content)
    v = logic.View(1)
    mine = ss[1].replies[2].id
    assert logic.choose(v, ss, mine) == logic.View(1, mine)
    assert logic.choose(v, ss, ss[0].replies[0].id) == v  # another scene's reply: nothing changes
    assert logic.choose(v, ss, None) == v and logic.choose(v, ss, "no-such-reply") == v


def test_next_previous_and_reset(content):
    ss, last = scenes(content), len(scenes(content)) - 1
    chosen = logic.View(0, ss[0].replies[0].id)
    assert logic.next_scene(chosen, ss) == logic.View(1)  # a new scene starts with nothing chosen
    assert logic.next_scene(logic.View(last), ss) == logic.View(last)
    assert logic.previous_scene(logic.View(3, ss[3].replies[1].id), ss) == logic.View(2)
    assert logic.previous_scene(logic.View(0), ss) == logic.View(0)
    assert logic.reset(logic.View(last, ss[last].replies[0].id), ss) == logic.View()


def test_normalise_clamps_the_scene_and_drops_another_scenes_reply(content):
    ss = scenes(content)
    assert logic.normalise(logic.View(99, None), ss) == logic.View(len(ss) - 1)
    assert logic.normalise(logic.View(2, ss[0].replies[0].id), ss) == logic.View(2)
    assert logic.normalise(logic.View(2, ss[2].replies[0].id), ss) == logic.View(2, ss[2].replies[0].id)


def test_url_round_trip_for_every_scene_and_reply(content):
    for i, s in enumerate(scenes(content)):
        for view in (logic.View(i), *(logic.View(i, r.id) for r in s.replies)):
            params = logic.to_params(view, content)
            assert params["scene"] == str(i + 1)  # 1-based, readable in a link
            assert params["reply"] == view.reply
            assert logic.from_params({k: v for k, v in params.items() if v}, content) == view


def test_a_hand_edited_link_still_opens(content):
    ss = scenes(content)
    assert logic.from_params({}, content) == logic.View()
    assert logic.from_params({"scene": "abc", "reply": "nonsense"}, content) == logic.View()
    assert logic.from_params({"scene": "999"}, content) == logic.View(len(ss) - 1)
    assert logic.from_params({"scene": "1", "reply": ss[1].replies[0].id.upper()}, content) == logic.View()
    assert logic.from_params({"scene": "2", "reply": ss[1].replies[0].id.upper()}, content) == logic.View(
        1, ss[1].replies[0].id
    )


def test_the_page_declares_the_practice_parameters():
    from components.navigation import page_spec

    names = [p.name for p in page_spec("worried-about-someone").params]
    assert {"scene", "reply"} <= set(names)


def test_the_radio_follows_a_new_view_from_the_url_only(content):
    s = scenes(content)[0]
    state: dict = {}
    logic.seed_pick(state, logic.View(0, s.replies[1].id), s.id)
    assert state[logic.pick_key(s.id)] == s.replies[1].id  # a link or a reload sets the radio
    state[logic.pick_key(s.id)] = s.replies[2].id  # the reader moves the radio
    logic.seed_pick(state, logic.View(0, s.replies[1].id), s.id)
    assert state[logic.pick_key(s.id)] == s.replies[2].id  # the same view again leaves it alone


def test_feedback_words(content):
    labels = content.ui.labels
    s = content.practice.scene("just-leave")
    helps = next(r for r in s.replies if r.outcome == "helps")
    harder = next(r for r in s.replies if r.outcome == "harder")
    assert logic.feedback_lines(helps, labels) == [f"**{labels['practice_why']}.** {helps.why}"]
    lines = logic.feedback_lines(harder, labels)
    assert lines[0] == labels["practice_caring"] and harder.instead in lines[-1]
    said = logic.announcement(s, harder, labels)
    assert labels["practice_outcome_harder"] in said and harder.why in said and "*" not in said
    assert logic.announcement(s, None, labels) == ""
    assert logic.outcome_label("helps", labels).startswith("✓")  # a symbol and words, never colour alone


# --------------------------------------------------------------------------- the section through AppTest


def _section_script() -> None:
    from components import practice_ui, presenter
    from components.content import load_cached

    presenter.sync_from_url()
    practice_ui.section(load_cached().content)


def run_section(**query) -> AppTest:
    at = AppTest.from_function(_section_script, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_scene_and_reply_from_the_url_show_that_replys_feedback(content):
    s = content.practice.scene("keep-a-secret")
    index = [x.id for x in scenes(content)].index(s.id)
    helps = next(r for r in s.replies if r.outcome == "helps")
    at = run_section(scene=str(index + 1), reply=helps.id)
    text = all_text(at)
    assert s.scene in text
    assert at.radio(key=logic.pick_key(s.id)).value == helps.id
    assert content.ui.labels["practice_outcome_helps"] in text and helps.why in text
    for other in s.replies:  # the other two are there too, behind "How the other replies may land"
        assert other.why in text
    assert at.expander[0].label == content.ui.labels["practice_other_replies"]


def test_nothing_is_revealed_until_a_reply_is_chosen_then_the_url_has_it(content):
    at = run_section()
    s = scenes(content)[0]
    labels = content.ui.labels
    assert s.scene in all_text(at)
    assert not any(r.why in all_text(at) for r in s.replies)
    assert at.button(key="practice_choose").disabled
    pick = s.replies[0]
    at.radio(key=logic.pick_key(s.id)).set_value(pick.id).run()
    at.button(key="practice_choose").click().run()
    assert qp(at, "scene") == "1" and qp(at, "reply") == pick.id
    assert pick.why in all_text(at) and labels[f"practice_outcome_{pick.outcome}"] in all_text(at)
    at.button(key="practice_next").click().run()  # on to the next scene, nothing chosen
    assert qp(at, "scene") == "2" and qp(at, "reply") is None
    assert scenes(content)[1].scene in all_text(at)


def test_a_reply_of_another_scene_leaves_the_url(content):
    ss = scenes(content)
    at = run_section(scene="3", reply=ss[0].replies[0].id)
    assert qp(at, "reply") is None and not any(r.why in all_text(at) for r in ss[2].replies)


def test_the_last_scene_starts_again(content):
    ss = scenes(content)
    last = ss[-1]
    at = run_section(scene=str(len(ss)), reply=last.replies[0].id)
    assert at.button(key="practice_next").label == content.ui.labels["practice_start_again"]
    at.button(key="practice_next").click().run()
    assert qp(at, "scene") == "1" and qp(at, "reply") is None


def test_the_worried_page_opens_on_the_linked_scene_and_reply(content):
    from conftest import open_page

    s = content.practice.scene("confront-partner")
    index = [x.id for x in scenes(content)].index(s.id)
    reply = s.replies[1]
    at = open_page("worried-about-someone", go_on=True, scene=str(index + 1), reply=reply.id)
    assert not at.exception, [e.value for e in at.exception]
    assert content.ui.labels["practice_heading"] in [h.value for h in at.header]
    assert s.scene in all_text(at) and reply.why in all_text(at)
    assert qp(at, "scene") == str(index + 1) and qp(at, "reply") == reply.id


def test_presenter_mode_shows_one_scene_per_step(content):
    ss = scenes(content)
    labels = content.ui.labels
    at = run_section(present="1", scene="2")
    text = all_text(at)
    assert ss[1].scene in text and content.practice.facilitator_intro.strip() in text
    assert not any(s.scene in text for i, s in enumerate(ss) if i != 1)  # one scene on the screen
    assert labels["practice_room_discuss"] in "\n".join(str(i.value) for i in at.info)
    assert labels["practice_private"] not in text
    at.button(key="scene_next").click().run()  # the shared stepper's Next (and its clicker twin)
    assert qp(at, "scene") == "3" and ss[2].scene in all_text(at) and ss[1].scene not in all_text(at)
    # the facilitator chooses the room's reply: its feedback, and the other two open, on the screen
    reply = ss[2].replies[1]
    at.radio(key=logic.pick_key(ss[2].id)).set_value(reply.id).run()
    at.button(key="practice_choose").click().run()
    assert at.expander[0].proto.expanded
    assert all(r.why in all_text(at) for r in ss[2].replies)


# --------------------------------------------------------------------------- the live room


def test_a_practice_question_takes_its_choices_from_the_scene(content):
    q = content.room.question("practice-keep-a-secret")
    s = rq.practice_scene(content, q)
    assert s is content.practice.scene("keep-a-secret")
    choices = rq.choices(content, q)
    assert [c.id for c in choices] == [r.id for r in s.replies]
    assert [c.label for c in choices] == [f"{x}. {r.text}" for x, r in zip("ABC", s.replies)]
    assert [c.bar for c in choices] == ["Reply A", "Reply B", "Reply C"]  # the chart's short labels
    assert s.title in rq.prompt(content, q)
    assert rq.scenario(content, q) is None


def test_practice_questions_are_in_the_plans_sets(content):
    practice_ids = {q.id for q in content.room.questions if q.kind == "practice"}
    assert 1 <= len(practice_ids) <= 2
    in_sets = {i for s in content.room.sets for i in s.questions}
    assert practice_ids <= in_sets


def test_an_unknown_practice_scene_fails_at_load_with_its_line(content_copy):
    path = content_copy / "room.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("scene: keep-a-secret", "scene: no-such-scene"), encoding="utf-8"
    )
    problems = problems_for(content_copy)
    assert any(
        re.match(r"room\.yaml:\d+: questions\.\d+\.scene: no scene 'no-such-scene' in practice\.yaml", p)
        for p in problems
    ), problems


def test_a_practice_question_needs_its_scene_and_nothing_else():
    from components.models.room import RoomQuestion

    assert RoomQuestion(id="p", kind="practice", scene="going-back").scene == "going-back"
    with pytest.raises(ValidationError):
        RoomQuestion(id="p", kind="practice")
    with pytest.raises(ValidationError):
        RoomQuestion(id="p", kind="practice", scene="going-back", prompt="And a prompt?")


@pytest.fixture
def store(tmp_path):
    from components import store_open as store_mod
    from components.store_sqlite import SqliteStore

    s = SqliteStore(tmp_path / "store.sqlite3")
    store_mod.reset_store(s)
    yield s
    store_mod.reset_store(None)


def test_a_phone_answers_a_practice_scene_with_its_three_replies(store, content):
    from components.live_room import LiveRooms
    from conftest import open_page

    q = content.room.question("practice-just-leave")
    s = rq.practice_scene(content, q)
    rooms = LiveRooms(store)
    room = rooms.open()
    code = room.code
    rooms.ask(code, room.key, q.id, [c.id for c in rq.choices(content, q)])
    at = open_page("join", code=code)
    assert not at.exception
    assert s.scene in all_text(at) and rq.prompt(content, q) in all_text(at)
    radio = at.radio[0]
    assert radio.options == [f"{x}. {r.text}" for x, r in zip("ABC", s.replies)]
    assert not any(r.why in all_text(at) for r in s.replies)  # the phone never shows the feedback


def test_the_projector_shows_the_replies_then_how_each_lands_after_five(store, content):
    import json

    from components import room_record as rec
    from components import room_ui
    from components.live_room import LiveRooms
    from conftest import open_page

    labels = content.ui.labels
    q = content.room.question("practice-just-leave")
    s = rq.practice_scene(content, q)
    at = open_page("run-session", plan="workshop-90")
    at.button(key="room_open").click().run()
    code = at.session_state[room_ui.CODE]
    at.selectbox(key="room_question_pick").set_value(q.id).run()
    at.button(key="room_ask").click().run()
    text = all_text(at)
    assert s.scene in text and labels["room_practice_replies"] in text
    assert all(f"{x}. {r.text}" in text for x, r in zip("ABC", s.replies))
    assert not any(r.why in text for r in s.replies)  # nothing revealed yet
    rooms = LiveRooms(store)
    round_ = rooms.join(code).room.round  # after the opening segment's own question
    for reply in (0, 1, 1, 2):
        assert rooms.answer(code, rec.new_token(), round_, s.replies[reply].id).ok
    at.run()
    assert at.button(key="room_reveal").disabled  # 4 answers: the counts stay hidden, as for every question
    assert rooms.answer(code, rec.new_token(), round_, s.replies[1].id).ok
    at.run()
    at.button(key="room_reveal").click().run()
    (chart,) = at.get("plotly_chart")
    bar = json.loads(chart.proto.spec)["data"][0]
    assert bar["x"] == ["Reply A", "Reply B", "Reply C"] and bar["y"] == [1, 3, 1]
    text = all_text(at)
    assert labels["room_practice_how"] in text and all(r.why in text for r in s.replies)
    assert labels["practice_outcome_helps"] in text and labels["practice_outcome_harder"] in text


# --------------------------------------------------------------------------- the text edition


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("id", "outcome", "sources") for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) and value.strip() else []


def test_the_text_edition_has_every_scene_reply_and_why_in_order(content):
    import html as html_mod

    doc = Doc()
    practice_text(content, doc)
    out = doc.html()
    plain = html_mod.unescape(re.sub(r"<[^>]+>", "", out))
    squash = " ".join(plain.split())
    position = 0
    for s in _strings(content.practice.model_dump(exclude_none=True)):
        words = " ".join(s.replace("**", "").split())
        found = squash.find(words, position)
        assert found >= 0, f"missing or out of order: {words[:60]}"
        position = found
    assert out.count("<details>") == len(scenes(content))  # how each reply lands: behind a disclosure
    for s in scenes(content):
        block = out.split(f'id="scene-{s.id}"')[1].split("</details>")[0]
        assert block.index("<summary>") > block.index("<ul>")  # the replies first, then why
        why = html_mod.unescape(re.sub(r"<[^>]+>", "", block.split("<summary>")[1]))
        assert all(r.why in why for r in s.replies)


def test_the_practice_file_is_registered():
    from components.content.registry import FILES

    assert FILES["practice"].name == "practice.yaml" and (CONTENT / "practice.yaml").exists()
