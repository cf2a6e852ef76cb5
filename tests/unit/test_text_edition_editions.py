"""The text edition in every edition (components/text_edition/serve.py and editions.py), served as the
server serves it: `/text/<locale>/...` for each offered edition, the browser's language choosing when
the path names none, every link keeping the edition, the row of language links, and the notice on a
draft translation. `zz` is a real edition made from the pseudo-locale's files (its strings no longer
the pseudo text), whose ui.yaml alone has been reviewed: its pages are drafts, its index is not."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from components import editions_served
from components.text_edition import TEXT_PAGES
from tests.conftest import CONTENT
from tests.unit.test_text_serve import _get

HOSTILE = "Borrador <b>no</b> [English]({url})."


@pytest.fixture(scope="module")
def zz_content(tmp_path_factory):
    base = tmp_path_factory.mktemp("editions") / "content"
    shutil.copytree(CONTENT, base, ignore=shutil.ignore_patterns("es"))
    shutil.copytree(base / "xx", base / "zz")
    for path in (base / "zz").rglob("*.yaml"):  # no longer the pseudo text: a complete translation
        path.write_text(path.read_text(encoding="utf-8").replace("«", "“").replace("»", "”"), encoding="utf-8")
    ui_path = base / "zz" / "ui.yaml"
    ui = yaml.safe_load(ui_path.read_text(encoding="utf-8"))
    ui["labels"]["draft_translation"] = HOSTILE  # content is Markdown: a tag in it shows as text
    ui_path.write_text(yaml.safe_dump(ui, allow_unicode=True, sort_keys=False), encoding="utf-8")
    review = {"by": "A. Reviewer", "on": "2026-12-01"}
    trail = {
        "name": "Zed",
        "files": {"ui.yaml": {"translated_by": "A. Translator", "native_review": review, "specialist_review": review}},
    }
    (base / "zz" / "edition.yaml").write_text(yaml.safe_dump(trail), encoding="utf-8")
    found = editions_served.editions(base)
    assert found.listed == ("en", "zz") and "xx" in found.offered, found  # the fixture is what it says
    return base


@pytest.fixture
def zz(zz_content, monkeypatch):
    monkeypatch.setenv("CONTENT_DIR", str(zz_content))
    return zz_content


class _Anchors(HTMLParser):
    """Every <a>'s attributes, the language row's items and the draft notice's links."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict[str, str | None]] = []
        self.row: list[tuple[str, dict[str, str | None]]] = []  # ("a" | "span", attributes)
        self.notice: list[str] = []
        self._in_row = self._in_notice = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "nav" and found.get("class") == "languages":
            self._in_row = True
        if tag == "p" and found.get("class") == "draft-note":
            self._in_notice = True
        if tag == "a":
            self.anchors.append(found)
            if self._in_notice:
                self.notice.append(found["href"] or "")
        if self._in_row and tag in ("a", "span") and found.get("lang"):
            self.row.append((tag, found))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_row = False
        if tag == "p":
            self._in_notice = False


def _parse(body: str) -> _Anchors:
    parsed = _Anchors()
    parsed.feed(body)
    return parsed


def _ok(path: str, **headers: str) -> str:
    status, _, body = _get(path, headers)
    assert status == 200, path
    return body


def test_each_offered_edition_has_its_pages_in_its_language(zz):
    for locale in ("zz", "xx", "en"):
        for page in ("", "cycle", "get-help"):
            assert f'<html lang="{locale}">' in _ok(f"/text/{locale}/{page}"), (locale, page)
    assert '<html lang="en">' in _ok("/text/cycle")
    status, headers, _ = _get("/text/zz")  # an edition's index without its slash
    assert status == 308 and headers["location"] == "/text/zz/"
    for unknown, index in (
        ("/text/fr/cycle", "/text/"),
        ("/text/fr/", "/text/"),
        ("/text/zz/no-such-page", "/text/zz/"),
    ):
        status, headers, _ = _get(unknown)
        assert status == 307 and headers["location"] == index, unknown


def test_the_browser_language_picks_a_listed_edition(zz):
    for path, target in (("/text/cycle", "/text/zz/cycle"), ("/text/", "/text/zz/"), ("/text/no-such", "/text/zz/")):
        status, headers, _ = _get(path, {"Accept-Language": "zz-ZZ,en;q=0.5"})
        assert status == 307 and headers["location"] == target, path
        assert headers["vary"] == "Accept-Language"
    for languages in ("de-DE,de;q=0.9", "xx", ""):  # none listed, the pseudo-locale never from a browser
        status, headers, body = _get("/text/cycle", {"Accept-Language": languages} if languages else {})
        assert status == 200 and '<html lang="en">' in body, languages
        assert "Accept-Language" in headers["vary"]  # the answer depends on the header
    status, headers, _ = _get("/text/zz/cycle", {"Accept-Language": "en"})  # the path's edition wins
    assert status == 200 and "vary" not in headers
    status, headers, body = _get("/text/en/cycle", {"Accept-Language": "zz"})  # English chosen by name
    assert status == 200 and '<html lang="en">' in body and "vary" not in headers


@pytest.mark.parametrize("root", ["/text/zz/", "/text/xx/", "/text/en/", "/text/"])
def test_every_link_keeps_the_edition(zz, root):
    locale = root.split("/")[2] or "en"
    for page in ["", *TEXT_PAGES]:
        url = f"http://test{root}{page}"
        parsed = _parse(_ok(root + page))
        other_editions = parsed.notice + [a["href"] for _, a in parsed.row if a.get("href")]
        kept: set[str] = set()
        for anchor in parsed.anchors:
            href = anchor["href"] or ""
            if href in other_editions or href.startswith(("#", "tel:", "sms:", "mailto:", "https:", "http:")):
                continue
            target = urlsplit(urljoin(url, href))
            if target.path.startswith("/text/"):  # another text page: in the same edition, at the same root
                assert target.path.startswith(root) and "/" not in target.path[len(root) :], (page, href)
                kept.add(target.path)
            else:  # the interactive page, in the same edition
                assert target.query == ("" if locale == "en" else f"lang={locale}"), (page, href)
        # The header's links reach this edition's index and its Get help.
        assert root in kept and (page == "get-help" or f"{root}get-help" in kept), page


def test_the_language_row_lists_each_edition_by_its_own_name(zz):
    parsed = _parse(_ok("/text/zz/cycle"))
    assert [(tag, a["lang"], a.get("hreflang"), a.get("href"), a.get("aria-current")) for tag, a in parsed.row] == [
        ("a", "en", "en", "/text/en/cycle", None),  # by name: `/text/cycle` would follow the browser
        ("span", "zz", None, None, "true"),  # the current edition: text, marked
    ]
    page = _ok("/text/zz/cycle")
    assert ">English</a>" in page and ">Zed</span>" in page
    assert 'aria-label="Language"' not in page  # the row's label is the edition's own
    english = _parse(_ok("/text/"))
    assert [(tag, a["lang"], a.get("href")) for tag, a in english.row] == [
        ("span", "en", None),
        ("a", "zz", "/text/zz/"),
    ]
    pseudo = _parse(_ok("/text/xx/get-help"))  # never listed, so nothing is current
    assert [(tag, a["lang"], a.get("href")) for tag, a in pseudo.row] == [
        ("a", "en", "/text/en/get-help"),
        ("a", "zz", "/text/zz/get-help"),
    ]


def test_no_language_row_while_english_is_the_only_listed_edition(tmp_path, monkeypatch):
    base = tmp_path / "content"
    shutil.copytree(CONTENT, base, ignore=shutil.ignore_patterns("es"))
    monkeypatch.setenv("CONTENT_DIR", str(base))
    assert editions_served.editions().listed == ("en",)
    for path in ("/text/", "/text/cycle", "/text/xx/cycle"):
        assert 'class="languages"' not in _ok(path), path


def test_a_draft_translation_says_so_and_links_the_english_page(zz):
    page = _ok("/text/zz/cycle")
    parsed = _parse(page)
    assert parsed.notice == ["/text/en/cycle"]
    notice = re.search(r'<p class="draft-note" role="note">(.*?)</p>', page)
    assert notice and "&lt;b&gt;no&lt;/b&gt;" in notice.group(1) and "<b>" not in notice.group(1)  # never live HTML
    assert page.index('class="draft-note"') < page.index("<h2")  # near the top: under the title
    assert _parse(_ok("/text/zz/get-help")).notice == ["/text/en/get-help"]
    assert 'class="draft-note"' not in _ok("/text/zz/")  # the index shows ui.yaml alone: reviewed
    for path in ("/text/cycle", "/text/en/cycle", "/text/xx/cycle", "/text/xx/"):
        assert 'class="draft-note"' not in _ok(path), path
