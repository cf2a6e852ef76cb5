"""Safety and care in the content: perspective cards that recommend
couples work carry the caveat on the card; codependency reads as an effect, not a flaw; abuse is a
pattern of control, not an anger or drinking problem; the UK line is England's; digital abuse is a
form of abuse; the quick-exit notes say both sides of clearing history."""

from __future__ import annotations

import pytest

from components import perspectives as logic


def test_cards_recommending_couples_work_carry_the_caveat(content):
    data = content.perspectives
    flagged = {p.id for p in data.perspectives if logic.needs_couples_caveat(p)}
    assert {"nikki-nolet", "bryan-bruno", "amelia-prinn"} <= flagged
    for p in data.perspectives:
        if p.stance != "rarely-or-never" and any("couples" in a.lower() for a in p.key_advice):
            assert p.id in flagged, p.id
    caveat = data.couples_caveat.lower()
    assert "abuse" in caveat and "fear" in caveat and "control" in caveat


def test_caveat_is_shown_on_each_flagged_card(content):
    from test_pages import open_page

    at = open_page("perspectives")
    assert not at.exception
    data = content.perspectives
    flagged = [p for p in data.perspectives if logic.needs_couples_caveat(p)]
    shown = [w for w in at.warning if w.value == data.couples_caveat]
    assert len(shown) == len(flagged) > 0


def test_codependency_reads_as_an_effect_not_a_flaw(content):
    cod = content.healing.codependency
    text = " ".join([cod.title, cod.intro, cod.note]).lower()
    assert "not a flaw" in text and "not a diagnosis" in text
    assert "abuse" in text and "needs" in text  # an effect of living with abuse or unmet needs
    assert not cod.title.lower().startswith("signs of")
    term = next(t for t in content.glossary.terms if t.id == "codependency")
    assert "not a diagnosis" in term.definition and "abuse" in term.definition


def test_abuse_is_a_pattern_of_control_not_an_anger_or_drinking_problem(content):
    spoke = next(s for s in content.comparison.wheel.spokes if s.id == "spoke-denial")
    text = " ".join([spoke.equality_text, *spoke.equality_examples]).lower()
    assert "pattern of control" in text
    assert "problem such as anger or drinking" not in text


def test_uk_line_is_for_england_and_points_to_the_wales_and_northern_ireland_lines(content):
    line = next(h for h in content.help.helplines if h.id == "uk-national-da-helpline")
    assert "England" in line.name and "England" in line.who
    assert "Live Fear Free" in line.who and "Domestic and Sexual Abuse Helpline" in line.who


def test_digital_abuse_is_a_form_of_abuse(content):
    digital = [f for f in content.comparison.forms_of_abuse if "digital" in f.title.lower()]
    assert digital and digital[0].sources
    assert all(s in content.sources_by_id for s in digital[0].sources)
    text = " ".join([digital[0].description, *digital[0].examples]).lower()
    assert "phone" in text and ("track" in text or "location" in text) and "account" in text


@pytest.mark.parametrize("where", ["after_exit_note", "safety_note"])
def test_quick_exit_notes_say_both_sides_of_clearing_history(content, where):
    text = (
        (content.help.after_exit_note if where == "after_exit_note" else content.ui.safety_note)
        .lower()
        .replace("*", "")
    )
    assert "does not erase" in text
    assert "wiped history" in text or "suddenly empty" in text
    if where == "after_exit_note":
        assert "clearing your history" in text and "draw attention" in text
