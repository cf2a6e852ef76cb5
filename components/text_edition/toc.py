"""A short table of contents at the top of the text edition's long pages: on a phone,
Healthy vs toxic, Therapies and the Glossary are each about 33 screens long.

- "sections" pages list their sections (each `<h2>`); a section without an id gets one from its words.
- "letters" pages (the glossary, one `<h2>` per term) list the first letters, each linking to the first
  term that starts with it: about twenty links instead of seventy.

Pure string work on markup a Doc built (never content markup), so it has unit tests.
"""

from __future__ import annotations

import html
import re

from components.search import sort_key
from components.text_edition.doc import esc

# Which pages get contents, and of which kind.
LONG_PAGES = {"healthy-vs-toxic": "sections", "therapies": "sections", "glossary": "letters"}

_H2 = re.compile(r'<h2(?: id="([^"]*)")?>(.*?)</h2>', re.S)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup)).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def with_ids(body: str) -> tuple[str, list[tuple[str, str]]]:
    """The body with an id on every `<h2>` (unique in the body), and each (id, plain words) in order."""
    taken = set(_ID.findall(body))
    found: list[tuple[str, str]] = []

    def name(match: re.Match) -> str:
        given, inner = match.group(1), match.group(2)
        words = _plain(inner)
        if not given:
            given, n = slug(words), 2
            base = given
            while given in taken:
                given, n = f"{base}-{n}", n + 1
            taken.add(given)
        found.append((given, words))
        return f'<h2 id="{esc(given)}">{inner}</h2>'

    return _H2.sub(name, body), found


def letters(sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(id of the first section under each first letter, the letter), in order of first appearance."""
    seen: dict[str, str] = {}
    for anchor, words in sections:
        first = next((c for c in sort_key(words).upper() if c.isalnum()), "")  # "Éxito" under E
        if first and first not in seen:
            seen[first] = anchor
    return [(anchor, letter) for letter, anchor in seen.items()]


def nav(entries: list[tuple[str, str]], label: str, kind: str) -> str:
    items = "".join(f'<li><a href="#{esc(anchor)}">{esc(words)}</a></li>' for anchor, words in entries)
    return f'<nav class="toc toc-{esc(kind)}" aria-label="{esc(label)}"><ul>{items}</ul></nav>'


def with_contents(page_id: str, body: str, labels) -> str:
    """The page's body with its contents before its first section; pages not in LONG_PAGES unchanged."""
    kind = LONG_PAGES.get(page_id)
    if not kind:
        return body
    body, sections = with_ids(body)
    if not sections:
        return body
    if kind == "letters":
        markup = nav(letters(sections), labels["text_toc_letters"], kind)
    else:
        markup = nav(sections, labels["text_toc_label"], kind)
    at = body.find("<h2")
    return body[:at] + markup + "\n" + body[at:]
