"""The people who act first: a young person and someone thinking of suicide find
their lines one tap from every page, and Get help opens with the reader's emergency number, main
domestic-abuse line, crisis line and youth line, each one tap. The text edition's Get help puts the
reader's region first from the request's Accept-Language, with nothing stored."""

from __future__ import annotations

import pytest

from components.help import (
    KIND_ANCHORS,
    LINE_KINDS,
    call_links,
    first_line,
    helplines_in,
    kinds_in_order,
    region_for_languages,
)
from components.next_step_lines import first_steps, line_contact
from conftest import open_page
from test_text_serve import _get

COUNTRY_REGIONS = ("us", "uk", "ireland", "canada", "australia", "new-zealand", "india")


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("header", "region"),
    [
        ("en-GB,en;q=0.9", "uk"),
        ("fr-FR,fr;q=0.9,en-AU;q=0.8", "australia"),
        ("en;q=1, en-NZ;q=0.5", "new-zealand"),
        ("en-US;q=0.1,en-IE;q=0.9", "ireland"),  # by preference, not by position
        ("fr-CA", "canada"),
        ("de-DE,de;q=0.9", "all"),
        ("", "all"),
        (None, "all"),
        ("en-GB;q=nonsense", "uk"),  # an unreadable weight still names the country (last resort)
    ],
)
def test_region_from_accept_language(content, header, region):
    assert region_for_languages(content.help, header) == region


def test_a_link_can_put_its_section_first():
    assert kinds_in_order(None) == list(LINE_KINDS)
    assert kinds_in_order("under-18")[0] == "youth" and sorted(kinds_in_order("under-18")) == sorted(LINE_KINDS)
    assert kinds_in_order("crisis")[0] == "crisis"
    assert kinds_in_order("nonsense") == list(LINE_KINDS)


@pytest.mark.parametrize("region", COUNTRY_REGIONS)
def test_every_region_has_a_crisis_line_and_a_youth_line_of_its_own(content, region):
    for kind in ("crisis", "youth", "domestic-abuse"):
        line = first_line(content.help, region, kind)
        assert line is not None, (region, kind)
        assert line.region != "international"


def test_wales_and_northern_ireland_have_their_own_domestic_abuse_lines(content):
    names = [h.name for h in helplines_in(content.help, "uk", "domestic-abuse")]
    assert any("Wales" in n for n in names) and any("Northern Ireland" in n for n in names), names


def test_directories_serve_every_region_but_never_stand_in_for_a_regions_own_line(content):
    directories = [h for h in content.help.helplines if h.kind == "directory"]
    assert directories
    for region in COUNTRY_REGIONS:
        assert set(h.id for h in directories) <= {h.id for h in helplines_in(content.help, region)}


@pytest.mark.parametrize("region", COUNTRY_REGIONS)
def test_the_top_of_get_help_names_the_number_and_the_lines_each_one_tap(content, region):
    labels, h = content.ui, content.help
    top = first_steps(h, region, labels.labels)
    number = next(n for n in h.immediate_danger.numbers if region in n.regions)
    assert top.startswith(f"- **{h.next_step.emergency}** {call_links(number.number)}")
    for kind in ("domestic-abuse", "crisis", "youth"):
        line = first_line(h, region, kind)
        shown = line_contact(line, labels.labels)
        assert shown in top
        # a crisis or youth line is a number to tap; Canada's national domestic-abuse start is a map of shelters
        assert "](tel:" in shown or "](sms:" in shown or (kind == "domestic-abuse" and "https://" in shown)


def test_the_top_of_get_help_for_an_unknown_region_says_how_and_gives_the_crisis_step(content):
    top = first_steps(content.help, "all", content.ui.labels)
    assert content.ui.labels["help_first_choose"] in top and content.help.crisis_step in top


# --------------------------------------------------------------------------- the app


def _page_links(at):
    return [e.proto for e in at.get("page_link")]


@pytest.mark.parametrize("page_id", ["welcome", "cycle", "therapies", "glossary"])
def test_under_18_and_crisis_are_one_tap_from_every_page(content, page_id):
    at = open_page(page_id)
    links = {(p.label, p.query_string) for p in _page_links(at) if "get-help" in p.page}
    assert (content.ui.labels["safety_youth_link"], "show=under-18") in links
    assert (content.ui.labels["safety_crisis_link"], "show=crisis") in links


@pytest.mark.parametrize(("show", "kind"), [("under-18", "youth"), ("crisis", "crisis")])
def test_get_help_opens_on_the_section_a_link_asked_for(content, show, kind):
    at = open_page("get-help", show=show)
    headers = [h.value for h in at.header]
    kinds = sorted(
        (k for k in LINE_KINDS if content.ui.labels[f"help_kind_{k}"] in headers),
        key=lambda k: headers.index(content.ui.labels[f"help_kind_{k}"]),
    )
    assert kinds[0] == kind, headers
    assert headers.index(content.ui.labels["help_immediate_heading"]) < headers.index(
        content.ui.labels[f"help_kind_{kind}"]
    )  # the emergency numbers still come first


def test_get_help_opens_with_the_readers_numbers_right_under_the_title(content):
    at = open_page("get-help")
    at.selectbox(key="help_region").set_value("uk").run()
    top = [m.value for m in at.markdown][0]
    assert top == first_steps(content.help, "uk", content.ui.labels)
    assert "[116 123](tel:116123)" in top and "[999](tel:999)" in top


def test_the_teen_path_links_to_the_lines_for_young_people(content):
    at = open_page("therapies", path="teen")
    teen = next(p for p in content.therapies.paths if p.id == "teen")
    assert teen.help_section == "under-18"
    assert any(
        p.label == teen.help_label and p.query_string == "show=under-18" and "get-help" in p.page
        for p in _page_links(at)
    )


# --------------------------------------------------------------------------- the text edition


def _regions_in_order(html: str, content) -> list[str]:
    return sorted(
        (r.id for r in content.help.regions if f'id="region-{r.id}"' in html),
        key=lambda rid: html.index(f'id="region-{rid}"'),
    )


@pytest.mark.parametrize(
    ("language", "first"), [("en-GB,en;q=0.9", "uk"), ("en-AU", "australia"), ("en-US", "us"), ("de-DE", None)]
)
def test_text_get_help_puts_the_readers_region_first(content, language, first):
    status, headers, text = _get("/text/get-help", {"Accept-Language": language})
    assert status == 200 and "Accept-Language" in headers["vary"]
    order = _regions_in_order(text, content)
    content_order = [rid for rid in (x.id for x in content.help.regions) if rid in order]
    assert order[0] == (first or content_order[0])
    if first:  # its emergency number is the first in the list, and #crisis / #under-18 go to its lines
        number = next(n for n in content.help.immediate_danger.numbers if first in n.regions)
        assert text.index(f"{number.region}: ") < min(
            text.index(f"{n.region}: ") for n in content.help.immediate_danger.numbers if first not in n.regions
        )
        for anchor in ("crisis", "under-18"):
            at = text.index(f'id="{anchor}"')
            assert text.rindex('id="region-', 0, at) == text.index(f'id="region-{first}"')


def test_text_pages_other_than_get_help_do_not_vary_and_link_the_youth_and_crisis_lines(content):
    # (by region: `/text/cycle` varies by language only to choose the edition, tests/unit/test_text_edition_editions.py)
    status, headers, text = _get("/text/en/cycle", {"Accept-Language": "en-GB"})
    assert status == 200 and "Accept-Language" not in headers.get("vary", "")
    for anchor, label in (("under-18", "safety_youth_link"), ("crisis", "safety_crisis_link")):
        assert f'href="get-help#{anchor}"' in text and content.ui.labels[label] in text
    assert set(KIND_ANCHORS.values()) >= {"crisis", "under-18"}


def test_lines_that_serve_friends_and_family_say_so_and_only_those(content):
    from components.help import helpline_text

    labels = content.ui.labels
    said = labels["help_for_friends"]
    friends = [h for h in content.help.helplines if h.for_friends]
    assert friends and len(friends) < len(content.help.helplines)
    for line in content.help.helplines:
        assert (said in helpline_text(line, labels, "2026-11-23")) == line.for_friends, line.id
