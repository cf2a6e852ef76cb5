"""Workshop and lesson plans respect safeguarding: every plan
states the limits of confidentiality up front, has a safeguarding lead (a blank to fill in, and a
participant's wording without one) and says what to do if someone discloses (listen, do not promise
secrecy, pass it on), about themselves or about a friend; no plan promises what a school cannot keep;
the facilitator guide and the run-session page show the same, first."""

from __future__ import annotations

import io

import pytest
import yaml
from pydantic import ValidationError
from pypdf import PdfReader

from components.facilitate import handouts
from components.models.workshops import FACILITATOR_ONLY, UNKEEPABLE_PROMISES, WorkshopFile
from conftest import CONTENT, problems_for

PLANS = sorted(p.stem for p in (CONTENT / "workshops").glob("*.yaml"))


def plan_data(plan_id: str = "classroom-45") -> dict:
    return yaml.safe_load((CONTENT / "workshops" / f"{plan_id}.yaml").read_text(encoding="utf-8"))


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return text.replace("’", "'")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_plan_has_safeguarding(content, plan_id):
    guard = content.workshops[plan_id].safeguarding
    assert "pass it on" in guard.confidentiality or "pass on" in guard.confidentiality, guard.confidentiality
    assert "____" in guard.lead, "the lead is a blank the facilitator fills in"
    steps = " ".join(guard.if_someone_discloses).lower()
    assert "listen" in steps and "do not promise to keep it secret" in steps and "pass it on" in steps
    assert not any(bit in guard.participant_lead.lower() for bit in FACILITATOR_ONLY), guard.participant_lead


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_plan_says_what_to_do_when_someone_tells_about_a_friend(content, plan_id):
    """Someone says a friend is being hurt: listen; a young person (or an adult at risk) who may be
    in danger is not kept secret but passed on to the safeguarding lead; in an emergency, call the
    emergency number first (helping-someone.md, points 33-37)."""
    steps = content.workshops[plan_id].safeguarding.if_someone_discloses
    friend = [i for i, step in enumerate(steps) if "friend" in step.lower()]
    assert friend, "no step for a disclosure about a friend"
    about = " ".join(steps[friend[0] :]).lower()
    assert "listen" in about
    assert "secret" in about and "safeguarding lead" in about and "pass it on" in about
    assert "emergency number" in about
    assert "child" in about or "young person" in about


def test_model_rejects_steps_without_a_friend(content):
    data = plan_data()
    data["safeguarding"]["if_someone_discloses"] = [
        s for s in data["safeguarding"]["if_someone_discloses"] if "friend" not in s.lower()
    ]
    with pytest.raises(ValidationError, match="about a friend"):
        WorkshopFile.model_validate(data)


@pytest.mark.parametrize("bad", ["The lead is ________.", "Ask them (The teacher fills this in.)"])
def test_model_rejects_a_participant_lead_with_a_blank_or_an_instruction(bad):
    data = plan_data()
    data["safeguarding"]["participant_lead"] = bad
    with pytest.raises(ValidationError, match="participant_lead"):
        WorkshopFile.model_validate(data)


@pytest.mark.parametrize("plan_id", PLANS)
def test_no_plan_promises_what_a_school_cannot_keep(plan_id):
    text = (CONTENT / "workshops" / f"{plan_id}.yaml").read_text(encoding="utf-8").lower()
    for promise in (*UNKEEPABLE_PROMISES, "stays here", "today or later", "will follow you out"):
        assert promise not in text, (plan_id, promise)


def test_model_requires_safeguarding():
    data = plan_data()
    del data["safeguarding"]
    with pytest.raises(ValidationError, match="safeguarding"):
        WorkshopFile.model_validate(data)


@pytest.mark.parametrize("field", ["confidentiality", "lead", "participant_lead", "if_someone_discloses"])
def test_model_requires_each_part(field):
    data = plan_data()
    del data["safeguarding"][field]
    with pytest.raises(ValidationError, match=field):
        WorkshopFile.model_validate(data)


def test_model_rejects_disclosure_steps_that_promise_nothing_about_secrecy():
    data = plan_data()
    data["safeguarding"]["if_someone_discloses"] = ["Listen calmly.", "Thank them.", "Pass it on to the lead."]
    with pytest.raises(ValidationError, match="do not promise secrecy"):
        WorkshopFile.model_validate(data)


@pytest.mark.parametrize("where", ["group_agreement", "care"])
def test_model_rejects_an_unkeepable_promise(where):
    data = plan_data()
    if where == "group_agreement":
        data["group_agreement"].append("What people say here stays here.")
    else:
        data["care"]["no_disclosure"] = "No one needs to disclose anything, today or later."
    with pytest.raises(ValidationError, match="promises what a facilitator cannot keep"):
        WorkshopFile.model_validate(data)


def test_loader_reports_missing_safeguarding_with_file_and_line(content_copy):
    f = content_copy / "workshops" / "workshop-90.yaml"
    lines = f.read_text(encoding="utf-8").splitlines()
    start = lines.index("safeguarding:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    f.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    assert any(p.startswith("workshops/workshop-90.yaml:") and "safeguarding" in p for p in problems_for(content_copy))


@pytest.mark.parametrize("plan_id", PLANS)
def test_facilitator_guide_puts_safeguarding_first(content, plan_id):
    plan = content.workshops[plan_id]
    text = pdf_text(handouts.facilitator_guide(content, plan))
    guard = plan.safeguarding
    heading = content.ui.labels["facilitate_safeguarding_heading"]
    assert heading in text
    assert text.index(heading) < text.index(content.ui.labels["facilitate_agenda_heading"])
    assert flat(guard.confidentiality) in text
    assert "________" in text and flat(guard.lead).split("____")[0].strip() in text
    for step in guard.if_someone_discloses:  # a friend's disclosure too
        assert flat(step).replace("**", "") in text, step
    friend = next(seg for _, seg in plan.segments() if seg.page == "worried-about-someone")
    assert friend.title in text and content.ui.pages["worried-about-someone"].title in text


@pytest.mark.parametrize("plan_id", PLANS)
def test_participant_handout_states_the_limits(content, plan_id):
    """The limits and who to go to, in the participant's words: never the facilitator's blank."""
    plan = content.workshops[plan_id]
    text = pdf_text(handouts.participant_handout(content, plan))
    assert flat(plan.safeguarding.confidentiality) in text
    assert content.ui.labels["facilitate_safeguarding_lead"] in text
    assert flat(plan.safeguarding.participant_lead) in text
    assert "____" not in text and flat(plan.safeguarding.lead).split("____")[0].strip() not in text


def test_opening_segment_shows_safeguarding_before_the_agreement(content):
    from test_pages import open_page

    plan = content.workshops["classroom-45"]
    at = open_page("run-session", plan="classroom-45", segment="1")
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    guard = plan.safeguarding
    assert guard.confidentiality in text and guard.lead in text
    assert all(step in text for step in guard.if_someone_discloses)
    subheads = [s.value for s in at.subheader]
    labels = content.ui.labels
    assert subheads.index(labels["facilitate_safeguarding_heading"]) < subheads.index(
        labels["facilitate_agreement_heading"]
    )
