"""The text edition (/text/): built from the same content as the app, nothing lost, safe HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from components.content import load_content
from components.navigation import PAGES
from components.text_edition import TEXT_PAGES, render_index, render_page
from tests.conftest import CONTENT

# Which content files each text page must carry in full (the page's own subject files).
PAGE_FILES = {
    "welcome": ("welcome",),
    "cycle": ("cycle",),
    "healthy-vs-toxic": ("comparison", "scenarios"),
    "relational-trauma": ("relational_trauma",),
    "healing": ("healing",),
    "therapies": ("therapies",),
    "perspectives": ("perspectives",),
    "get-help": ("help",),
    "glossary": ("glossary",),
    "sources": ("sources",),
}

# What a text page leaves out on purpose, by field path (a regular expression over
# `file.field.field...`, list positions as numbers). Each needs a reason.
NOT_IN_TEXT = {
    r".*\.id$": "ids are keys, not words",
    r".*\.sources\.\d+$": "source ids: the page names each source by its title instead",
    r".*\.(alt|summary)$": "chart name and words templates: the page shows them filled in (doc.chart)",
    r".*\.direction$": "a choice's direction is a key (rises, steady, falls), not words",
    r".*\.short$": "a phase's or stage's label on the circle: the page gives the full title",
    r"cycle\.sandbox\.(kindness|unpredictability|power)_help$": "help under the app's sliders (no sliders here)",
    r"cycle\.sandbox\.(predict_question|predict_first|matched|differed)$": "the app's guess-then-reveal (interactive only)",
    r"cycle\.sandbox\.options\.\d+\.label$": "choices of the app's guess (interactive only)",
    r"cycle\.sandbox\.outcomes\.(rises|steady|falls)$": "the page gives the outcome of the default settings",
    r"help\.quick_exit\.url$": "the exit's address: it is the exit button's link",
    r"help\.quick_exit\.back_note\.(single|normal)$": "only the deployment's own setting is true (the other is checked below)",
    r"help\.regions\.\d+\.countries\.\d+$": "country codes that choose the first region in the app",
    r"help\.helplines\.\d+\.(region|status|seen_in)$": "shown through the helpline's heading and status line",
    r"help\.helplines\.\d+\.channels\.\d+\.(kind|keyword)$": "a channel's kind is its label; the keyword is in the sms: link",
    r"help\.immediate_danger\.numbers\.\d+\.status$": "shown as the status line",
    r"sources\.sources\.\d+\.(kind|cited_in\.\d+)$": "shown as the kind's label and the cited titles",
    r"glossary\.terms\.\d+\.see_also\.\d+$": "shown as links named by the term",
    r"welcome\.ways_in\.\d+\.pages\.\d+$": "shown as links named by the page title",
    r"scenarios\.scenarios\.\d+\.dimensions\.\d+$": "dimension ids a scene touches: keys the app does not show either",
    r"healing\.self_concept\.(open_label|privacy)$": "the switch that shows the app's sliders, and what those keep: nothing is entered here",
    r"perspectives\.perspectives\.\d+\.(kind|stance)$": "keys, shown as the kind's and the stance's labels",
    r"perspectives\.perspectives\.\d+\.conditions\.\d+$": "condition ids, shown as the conditions' labels",
    r"perspectives\.differences\.\d+\.sides\.\d+\.perspectives\.\d+$": "voice ids, shown as the voices' names",
    r"perspectives\.perspectives\.\d+\.short_label$": "a voice's shorter name on the app's chart; the page names it in full",
    r"therapies\.approaches\.\d+\.((audiences|formats|focus)\.\d+|evidence\.level)$": "facet ids, shown as their labels",
    r"therapies\.approaches\.\d+\.short_name$": "an approach's label on the app's map; the page names it in full",
    r"therapies\.paths\.\d+\.approaches\.\d+$": "approach ids, shown as the approaches' names (linked to their cards)",
}


def _strings(value, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}.{i}")
    elif isinstance(value, str) and value.strip():
        yield path, value


def _words(text: str) -> str:
    """Text as a reader sees it: no Markdown marks or tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"[*_`]+|\[|\]\([^)]*\)|\]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def test_every_page_of_the_app_but_the_facilitators_has_a_text_page():
    assert set(TEXT_PAGES) == {p.id for p in PAGES} - {"run-session"}
    assert set(PAGE_FILES) == set(TEXT_PAGES)


@pytest.mark.parametrize("page_id", sorted(PAGE_FILES))
def test_nothing_the_pages_yaml_holds_is_lost(content, page_id):
    page = _words(render_page(content, page_id))
    missing = []
    for key in PAGE_FILES[page_id]:
        for path, text in _strings(getattr(content, key), key):
            if any(re.fullmatch(rule, path) for rule in NOT_IN_TEXT):
                continue
            if _words(text.split("{")[0]) not in page:  # a template's words up to its first blank
                missing.append(f"{path}: {text[:70]!r}")
    assert not missing, "\n".join(missing)
