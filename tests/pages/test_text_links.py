"""Every page of the app links to its own text page (components/text_edition), and never while presenting."""

from __future__ import annotations

import html
import re

import pytest

from components.navigation import PAGES, page_spec
from conftest import open_page


def _text_links(at) -> list[str]:
    bodies = [e.proto.body for e in at.get("html")]
    return [html.unescape(m) for b in bodies for m in re.findall(r'data-testid="text-version-link" href="([^"]+)"', b)]


@pytest.mark.parametrize("page_id", [p.id for p in PAGES])
def test_each_page_links_to_its_text_version(page_id):
    at = open_page(page_id)
    assert not at.exception
    assert _text_links(at) == ([f"text/{page_id}"] if page_spec(page_id).text else [])


def test_no_text_link_on_the_projector():
    assert _text_links(open_page("cycle", present="1")) == []
