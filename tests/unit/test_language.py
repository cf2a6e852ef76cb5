"""Which edition a reader gets: ?lang= first, then the browser's languages, then English; a
pseudo-locale only by name; Accept-Language read by preference."""

from __future__ import annotations

import pytest

from components.language import choose_locale, match, preferred_tags

OFFERED = ("en", "es", "pt-BR", "xx")


def test_preferred_tags_by_q_then_position():
    assert preferred_tags("en;q=0.5, es-MX, fr;q=0.9, *;q=0.1") == ["es-MX", "fr", "en"]
    assert preferred_tags("de;q=oops, it") == ["it", "de"]
    assert preferred_tags(None) == [] and preferred_tags("") == []


@pytest.mark.parametrize(
    "tag, expected",
    [("es", "es"), ("ES-mx", "es"), ("pt", "pt-BR"), ("pt_BR", "pt-BR"), ("fr", None), (None, None)],
)
def test_match(tag, expected):
    assert match(tag, OFFERED) == expected


@pytest.mark.parametrize(
    "asked, browser, expected",
    [
        ("es", "en-US", "es"),  # the link's ?lang= wins over the browser
        (None, "es-MX,es;q=0.9,en;q=0.8", "es"),
        (None, "fr-CA,fr;q=0.9", "en"),  # nothing offered: English
        ("de", "pt-PT", "pt-BR"),  # an edition not offered is ignored
        ("xx", "es", "xx"),  # the pseudo-locale, asked for by name
        (None, "xx", "en"),  # ... but never from the browser
        (None, None, "en"),
    ],
)
def test_choose_locale(asked, browser, expected):
    assert choose_locale(asked, browser, OFFERED, hidden={"xx"}) == expected
