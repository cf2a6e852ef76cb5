"""The text edition's contents on long pages (components/text_edition/toc.py)."""

from __future__ import annotations

import re

import pytest

from components.text_edition import render_page, toc

LABELS = {"text_toc_label": "On this page", "text_toc_letters": "By letter"}


def test_sections_get_ids_and_contents_before_the_first_section():
    body = '<p>intro</p><h2>A spectrum, not two boxes</h2><p>x</p><h2 id="map">The map</h2><h3>Sub</h3><h2>A spectrum, not two boxes</h2>'
    out = toc.with_contents("therapies", body, LABELS)
    assert out.startswith('<p>intro</p><nav class="toc toc-sections" aria-label="On this page">')
    assert '<h2 id="a-spectrum-not-two-boxes">' in out and '<h2 id="a-spectrum-not-two-boxes-2">' in out
    links = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', out)
    assert links == [
        ("a-spectrum-not-two-boxes", "A spectrum, not two boxes"),
        ("map", "The map"),
        ("a-spectrum-not-two-boxes-2", "A spectrum, not two boxes"),
    ]


def test_an_id_already_on_the_page_is_not_reused():
    out, found = toc.with_ids('<h3 id="conflict">x</h3><h2>Conflict</h2>')
    assert found == [("conflict-2", "Conflict")] and '<h2 id="conflict-2">' in out


def test_glossary_lists_first_letters_linking_to_the_first_term():
    body = '<h2 id="abuse">Abuse</h2><h2 id="attachment">Attachment</h2><h2 id="cbt">CBT</h2><h2 id="icd">ICD-11</h2>'
    out = toc.with_contents("glossary", body, LABELS)
    assert re.findall(r'<a href="#([^"]+)">([^<]*)</a>', out) == [("abuse", "A"), ("cbt", "C"), ("icd", "I")]
    assert 'aria-label="By letter"' in out


def test_other_pages_are_left_alone():
    assert toc.with_contents("cycle", "<h2>One</h2>", LABELS) == "<h2>One</h2>"


@pytest.mark.parametrize("page_id", sorted(toc.LONG_PAGES))
def test_each_long_page_opens_on_contents_whose_links_land(content, page_id):
    page = render_page(content, page_id)
    nav = re.search(r'<nav class="toc[^"]*"[^>]*>(.*?)</nav>', page, re.S)
    assert nav, page_id
    targets = re.findall(r'href="#([^"]+)"', nav.group(1))
    assert len(targets) >= 3
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    assert set(targets) <= ids
    # at the top: before the page's first section heading
    assert page.index('<nav class="toc') < page.index("<h2")
    if toc.LONG_PAGES[page_id] == "sections":  # every section is listed
        assert len(targets) == page.count("<h2")
