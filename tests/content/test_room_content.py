"""content/room.yaml: the live room's questions, their model and their links to other files; the
choices, prompts and text alternative built from them (components/room_questions.py) and the
counts' chart (components/charts/room.py)."""

from __future__ import annotations

import json

import pytest
import yaml
from pydantic import ValidationError

from components import live_room
from components import room_questions as rq
from components.charts.room import room_counts_figure
from components.models.room import RoomFile, RoomQuestion
from conftest import problems_for


def test_every_question_has_choices_the_room_accepts(content):
    assert {q.kind for q in content.room.questions} == {"spectrum", "scale", "choice", "practice"}
    for q in content.room.questions:
        ids = [c.id for c in rq.choices(content, q)]
        assert 2 <= len(ids) <= live_room.MAX_CHOICES and len(set(ids)) == len(ids)
        assert all(live_room._CHOICE.match(i) for i in ids)  # what LiveRooms.ask accepts
        assert rq.prompt(content, q)


def test_spectrum_questions_use_the_sorters_scenarios(content):
    q = content.room.question("place-silent-evening")
    assert rq.scenario(content, q).id == "silent-evening"
    assert [c.id for c in rq.choices(content, q)] == ["healthy", "unhealthy", "abusive"]
    assert "The silent treatment" in rq.prompt(content, q)
    assert rq.choices(content, content.room.question("how-are-you"))[0].label.startswith("1 · ")


def test_no_free_text_kind_exists():
    with pytest.raises(ValidationError):
        RoomQuestion(id="tell-us", kind="text", prompt="Tell us anything")
    with pytest.raises(ValidationError):  # fields of another kind are refused
        RoomQuestion(id="odd", kind="scale", prompt="How?", low="a", high="b", scenario="weekend-plans")
    with pytest.raises(ValidationError):
        RoomQuestion(id="one", kind="choice", prompt="Pick", choices=[{"id": "only", "label": "Only"}])


def test_a_plans_set_comes_first(content):
    for s in content.room.sets:
        got = [q.id for q in rq.questions_for(content, s.plan)]
        assert got[: len(s.questions)] == s.questions
        assert sorted(got) == sorted(q.id for q in content.room.questions)
    assert [q.id for q in rq.questions_for(content, None)] == [q.id for q in content.room.questions]


def test_unknown_scenario_and_plan_fail_at_load_with_their_line(content_copy):
    path = content_copy / "room.yaml"
    data = yaml.safe_load(path.read_text())
    text = path.read_text().replace("scenario: who-you-see", "scenario: no-such-scene")
    text = text.replace("- plan: classroom-45", "- plan: no-such-plan")
    path.write_text(text)
    problems = problems_for(content_copy)
    assert any(p.startswith("room.yaml:") and "no scenario 'no-such-scene'" in p for p in problems), problems
    assert any(p.startswith("room.yaml:") and "no workshop plan 'no-such-plan'" in p for p in problems), problems
    assert data["questions"]


def test_a_set_naming_an_unknown_question_is_refused(content):
    data = content.room.model_dump()
    data["sets"][0]["questions"].append("not-a-question")
    with pytest.raises(ValidationError, match="unknown questions: not-a-question"):
        RoomFile.model_validate(data)


def test_counts_text_alternative(content):
    q = content.room.question("place-weekend-plans")
    ch = rq.choices(content, q)
    summary, rows = rq.counts_text(content.ui, ch, {"healthy": 4, "abusive": 1}, 5)
    assert summary.startswith("5 answers.") and "Unhealthy: 0" in summary
    assert [list(r.values())[1] for r in rows] == [4, 0, 1]


def test_counts_figure_labels_every_bar_with_its_count():
    fig = room_counts_figure(
        [("healthy", "✓ Healthy"), ("unhealthy", "! Unhealthy"), ("abusive", "✕ Abusive")], [3, 0, 2], scale=1.35
    )
    bar = json.loads(fig.to_json())["data"][0]
    assert bar["x"] == ["✓ Healthy", "! Unhealthy", "✕ Abusive"] and bar["text"] == ["3", "0", "2"]
    assert bar["marker"]["pattern"]["shape"] == ["", "/", "x"]  # not colour alone
    small = room_counts_figure([("1", "1"), ("2", "2")], [1, 1])
    assert small.layout.height < fig.layout.height  # larger on a projector
