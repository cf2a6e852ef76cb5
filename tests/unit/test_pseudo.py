"""The pseudo-locale's text: bracketed, about 35% longer, accented, with Markdown, links, placeholders,
URLs and URL parameters kept; within a field's max_length; and only text (with ids to align) written."""

from __future__ import annotations

import re

import pytest

from components.content.pseudo import limit_at, pseudo_data, pseudo_text
from components.models.cycle import CycleFile
from components.models.help import HelpFile
from components.models.room import RoomFile

SENTENCE = "If you are thinking about suicide or about harming yourself, these lines answer any time of day."


def test_bracketed_longer_and_accented():
    made = pseudo_text(SENTENCE)
    assert made.startswith("«") and made.endswith("»")
    assert 1.3 <= len(made) / len(SENTENCE) <= 1.4
    assert re.findall(r"[A-Za-z]", made) == []  # every letter accented: English left over stands out
    assert len(made.split()) == len(SENTENCE.split())  # words grow, their number does not (35-word limits)


@pytest.mark.parametrize(
    "kept",
    ["{n}", "{total}", "](/get-help)", "https://example.org/a-b", "help@example.org", "?present=1", "`code`", "**"],
)
def test_marks_are_kept(kept):
    """Markdown, link targets, placeholders, URLs, addresses and URL parameters come through as they are."""
    text = "Read **this** [page](/get-help) for {n} of {total}: https://example.org/a-b, help@example.org, `code`, ?present=1"
    assert kept in pseudo_text(text)


def test_markdown_blocks_stay_first_on_their_line():
    made = pseudo_text("- first item\n- second item\n")
    assert made.startswith("- «") and "\n- " in made and made.endswith("»\n")
    assert pseudo_text("## A heading").startswith("## «")


def test_a_limit_is_kept():
    assert len(pseudo_text("Acute incident", 16)) <= 16
    assert pseudo_text("Acute incident", 16).startswith("«")
    tight = pseudo_text("Twenty-two characters!", 22)  # no room even for the brackets
    assert len(tight) == 22 and not tight.startswith("«")


def test_limits_come_from_the_models():
    assert limit_at(RoomFile, ("questions", 0, "choices", 1, "label")) == 80
    assert limit_at(CycleFile, ("cycle", "versions", 0, "phases", 1, "short")) == 24
    assert limit_at(RoomFile, ("intro",)) is None
    assert limit_at(RoomFile, ("nothing", 0)) is None


def test_only_text_and_alignment_ids_are_written():
    english = {
        "intro": "Hello",
        "helplines": [
            {
                "id": "line",
                "region": "us",
                "name": "A line",
                "url": "https://x.org",
                "channels": [{"kind": "phone", "value": "988"}, {"kind": "text", "value": "741741", "note": "Text us"}],
                "confirmed_live_on": None,
            }
        ],
    }
    made = pseudo_data(english, HelpFile)
    (line,) = made["helplines"]
    assert set(line) == {"id", "name", "channels"} and line["id"] == "line"
    assert line["channels"][0] == {} and set(line["channels"][1]) == {"note"}
    assert made["intro"].startswith("«")


def test_the_brackets_mean_nothing_to_markdown():
    """'[Website]: https://...' would be a Markdown link definition, and the paragraph would vanish."""
    assert not pseudo_text("Website").startswith("[")
