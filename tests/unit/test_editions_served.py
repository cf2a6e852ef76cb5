"""Which edition a request gets and what it says: `?lang=`, then the browser's languages, then English;
the first HTML in that edition (`<html lang>`, the quick exit's words, the no-JavaScript block); each
edition's own name; the draft files of an edition whose review trail is incomplete."""

from __future__ import annotations

import shutil

import pytest
import yaml

from components import editions_served, quick_exit, web
from conftest import CONTENT

PAGE = b'<!doctype html><html lang="en"><head><title>x</title></head><body><noscript>You need to enable JavaScript</noscript><div id="root"></div></body></html>'


def first_html(query: bytes = b"", accept: bytes | None = None, path: str = "/cycle") -> str:
    scope = {"path": path, "query_string": query, "headers": [(b"accept-language", accept)] if accept else []}
    locale, loaded = web.request_edition(scope)
    settings = quick_exit.current_settings(loaded)
    return web.rewrite_document(PAGE, settings, "", web.noscript_block(scope, "", loaded), locale).decode()


def test_english_by_default_and_for_an_unknown_language():
    assert editions_served.pick(None, None) == "en"
    assert editions_served.pick("tlh", "de-DE,de;q=0.9") == "en"
    assert '<html lang="en">' in first_html()


def test_the_pseudo_locale_only_when_asked_for_by_name():
    assert editions_served.pick("xx", None) == "xx"
    assert editions_served.pick(None, "xx") == "en"  # never from a browser's languages
    assert "xx" not in editions_served.editions().listed and "en" in editions_served.editions().listed


def test_the_first_html_is_in_the_asked_edition():
    page = first_html(b"lang=xx&present=1")
    assert page.startswith('<!doctype html><html lang="xx">')
    xx = editions_served.edition("xx").content
    assert xx is not None
    label = xx.ui.quick_exit_label
    assert label.startswith("«") and f">{label}<" in page  # the exit's visible label
    assert xx.ui.quick_exit_announce.press_two_more in page  # its screen-reader words, in data-*
    assert xx.ui.labels["noscript_intro"] in page  # the no-JavaScript block
    assert 'href="/text/xx/cycle"' in page  # and its link to the text page in the edition
    english = editions_served.edition("en").content
    assert english is not None and f">{english.ui.quick_exit_label}<" not in page
    # English asked for by name links the English text page by name: /text/cycle would follow the browser
    assert 'href="/text/en/cycle"' in first_html(b"lang=en", b"es-MX,es;q=0.9")
    assert 'href="/text/cycle"' in first_html()


def test_text_paths_per_edition():
    assert editions_served.text_path("cycle", "en") == "text/cycle"
    assert editions_served.text_path("cycle", "es") == "text/es/cycle"
    assert editions_served.text_path(None, "es") == "text/es/"
    assert editions_served.text_path("cycle", "en", explicit=True) == "text/en/cycle"  # ?lang=en: not the browser's


def test_each_edition_is_named_in_its_own_language():
    names = editions_served.editions().names
    assert names["en"] == "English"
    assert names["xx"] == "[Pseudo xx]"


@pytest.fixture
def draft_copy(tmp_path):
    """The content with a copy of xx as `zz`, a real (not pseudo) edition whose ui.yaml alone is reviewed."""
    base = tmp_path / "content"
    shutil.copytree(CONTENT, base, ignore=shutil.ignore_patterns("es"))
    shutil.copytree(base / "xx", base / "zz")
    for path in (base / "zz").rglob("*.yaml"):  # no longer the pseudo text: a real, complete translation
        path.write_text(path.read_text(encoding="utf-8").replace("«", "“").replace("»", "”"), encoding="utf-8")
    review = {"by": "A. Reviewer", "on": "2026-12-01"}
    trail = {
        "name": "Zed",
        "files": {"ui.yaml": {"translated_by": "A. Translator", "native_review": review, "specialist_review": review}},
    }
    (base / "zz" / "edition.yaml").write_text(yaml.safe_dump(trail), encoding="utf-8")
    return base


def test_a_real_edition_is_listed_by_its_own_name_with_its_draft_files(draft_copy):
    found = editions_served.editions(draft_copy)
    assert "zz" in found.listed and found.names["zz"] == "Zed"
    assert "ui.yaml" not in found.drafts["zz"] and "cycle.yaml" in found.drafts["zz"]
    assert editions_served.is_draft("zz", ("cycle",), draft_copy)
    assert not editions_served.is_draft("zz", (), draft_copy)  # ui.yaml alone: reviewed
    assert not editions_served.is_draft("en", ("cycle",), draft_copy)
    assert not editions_served.is_draft("xx", ("cycle",), draft_copy)  # a pseudo-locale is never a draft
    assert editions_served.pick(None, "zz-ZZ,en;q=0.5", draft_copy) == "zz"  # the browser's language


def test_workshop_plans_are_files_of_the_folder():
    files = editions_served.files_of(("workshops", "ui"))
    assert "ui.yaml" in files and "workshops/classroom-45.yaml" in files
