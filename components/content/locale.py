"""Editions in other languages: `content/<locale>/` mirrors `content/` (the same file names) and holds
only the text fields, the words a reader sees. Everything else (ids, sources, numbers, links, kinds,
levels, the order and length of every list) comes from the English file, so a translation cannot drift
from the facts.

A locale file has the English file's nesting. A key is a text field when its English value is a string
(or a list of strings) and the key is not in NON_TEXT_KEYS, nor `parent.key` in NON_TEXT_AT (`parent`
being the nearest key above it); a listed key that holds items, not plain values, is walked into, and
the keys of a mapping keyed by id (KEYED_BY_ID: ui.yaml's `pages`) are ids, not fields. Lists of items with ids are matched by `id` (each locale item keeps the
id of the English item it translates); other lists by position. `overlay()` puts the translated words in
place over the English data, before the models validate it, and reports what is untranslated (at the
English line) and what does not fit (at the locale file's line). Placeholders (`{n}`), Markdown link
targets and numbers of three digits or more must stay exactly as in English: the code fills the first
in; the others are facts, even inside a sentence ("The older number, 1-800-273-8255, ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from components.content.parse import read_file
from components.content.problems import Lines, Path_, Problem, dotted, line_of
from components.language import REFERENCE

LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # a BCP 47 tag: es, pt-BR, fr-CA

# Keys whose values are never text, wherever they are: they come from the English file.
NON_TEXT_KEYS = frozenset(
    {
        # identity and structure
        "id",
        "kind",
        "level",
        "status",
        "stance",
        "outcome",
        "direction",
        "history",
        "language",
        "language_name",
        "icon",
        "help_section",
        # references to other items, pages and files
        "sources",
        "cited_in",
        "see_also",
        "page",
        "pages",
        "plan",
        "scenario",
        "room_question",
        "query",
        "regions",
        "also_regions",
        "countries",
        "audiences",
        "focus",
        "formats",
        "approaches",
        "conditions",
        "dimensions",
        "perspectives",
        # facts of contact and citation
        "url",
        "href",
        "number",
        "phone",
        "value",
        "keyword",
        "author",
        "publisher",
    }
)
# `parent.key`: a key that is text in one place and an id (or a citation) in another.
NON_TEXT_AT = frozenset(
    {
        "helplines.region",  # a region id (an emergency number's `region` is its shown name)
        "sets.questions",  # room.yaml: question ids (a segment's `questions` are text)
        "questions.scene",  # room.yaml: a practice scene id (practice.yaml's `scene` is text)
        "room_pairs.before",
        "room_pairs.after",  # room question ids (healing.yaml's self_concept.after is text)
        "sources.title",  # a source's title is cited as published
    }
)

# Mappings keyed by id (ui.yaml's `pages`, `sections`, `labels`; cycle.yaml's `outcomes`): their keys are
# ids, not field names, so no key rule applies to them (a page may be called `sources`); each value is
# text, or walked into as a list item is, under the mapping's own parent.
KEYED_BY_ID = frozenset({"pages", "sections", "labels", "outcomes"})

PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
LINK_TARGET = re.compile(r"\]\(([^)\s]*)")
NUMBER = re.compile(r"\d{3,}")  # phone numbers, years, counts: facts, even inside a sentence

_MISSING: Any = object()


def _leaves(value: object) -> bool:
    """A value with no mapping or list inside: a scalar, or a list or mapping of scalars."""
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return not any(isinstance(v, (dict, list)) for v in inner)


def is_text_key(parent: str | None, key: object, english: object = None) -> bool:
    """Whether a key holds text a translator writes, given the nearest key above it and its English
    value. A non-text key holding items (sources.yaml's `sources`, ui.yaml's `pages`) is walked
    into: only its leaves (ids, a list of ids, a URL's parameters) come whole from English."""
    listed = key in NON_TEXT_KEYS or f"{parent}.{key}" in NON_TEXT_AT
    return not listed or not _leaves(english)


def keyed_by_id(path: Path_, parent: str | None) -> bool:
    """Whether the mapping at `path` (held by the key `parent`) is keyed by id."""
    return parent in KEYED_BY_ID and bool(path) and path[-1] == parent


def is_locale(name: str) -> bool:
    return bool(LOCALE.match(name)) and name != REFERENCE


def locale_name(locale: str, name: str) -> str:
    """How problems name a locale file: `es/ui.yaml`."""
    return f"{locale}/{name}"


@dataclass
class Overlaid:
    """One file with its translation in place: the merged data, what does not fit (at the locale
    file's lines), what is left untranslated (at the English file's lines) and how many text strings
    the English file has."""

    data: Any
    problems: list[Problem] = field(default_factory=list)
    untranslated: list[Problem] = field(default_factory=list)
    total: int = 0
    lines: Lines = field(default_factory=dict)  # the locale file's lines ({} when it has none)

    @property
    def translated(self) -> int:
        return self.total - len(self.untranslated)


@dataclass
class _Walk:
    name: str
    locale: str
    en_lines: Lines
    loc_lines: Lines
    out: Overlaid

    def wrong(self, path: Path_, message: str) -> None:  # `path` in the locale file
        where = locale_name(self.locale, self.name)
        self.out.problems.append(Problem(where, line_of(self.loc_lines, path), dotted(path), message))

    def missing(self, path: Path_, english: str) -> None:  # `path` in the English file
        shown = " ".join(english.split())
        shown = shown if len(shown) <= 50 else shown[:47] + "..."
        message = f"not translated in {locale_name(self.locale, self.name)}: {shown!r}"
        self.out.untranslated.append(Problem(self.name, line_of(self.en_lines, path), dotted(path), message))


def _kind(value: Any) -> str:
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "text"


def _same_marks(english: str, local: str) -> str | None:
    """What the translation changed that it must keep (placeholders, link targets, numbers), or None."""
    for what, pattern in (("placeholders", PLACEHOLDER), ("link targets", LINK_TARGET), ("numbers", NUMBER)):
        want, got = sorted(pattern.findall(english)), sorted(pattern.findall(local))
        if want != got:
            return f"{what} differ from the English text (English: {want or 'none'}; here: {got or 'none'}); keep them exactly"
    return None


def _text(english: str, local: Any, path: Path_, loc: Path_, walk: _Walk) -> str:
    walk.out.total += 1
    if local is _MISSING or local is None or (isinstance(local, str) and not local.strip()):
        walk.missing(path, english)
        return english
    if not isinstance(local, str):
        walk.wrong(loc, f"expected text, as in the English file; found {_kind(local)}")
        return english
    changed = _same_marks(english, local)
    if changed:
        walk.wrong(loc, changed)
    return local


def _mapping(english: dict, local: Any, path: Path_, loc: Path_, parent: str | None, walk: _Walk) -> dict:
    if local is not _MISSING and not isinstance(local, dict):
        walk.wrong(loc, f"expected a mapping, as in the English file; found {_kind(local)}")
        local = _MISSING
    given = {} if local is _MISSING else local
    keyed = keyed_by_id(path, parent)
    for key in given:
        if key not in english:
            walk.wrong(loc + (key,), f"'{key}' is not in the English file; remove it or fix the spelling")
        elif not keyed and not is_text_key(parent, key, english[key]) and key != "id":
            walk.wrong(
                loc + (key,),
                f"'{key}' comes from the English file (ids, sources, numbers and links are not translated); remove it",
            )
    if "id" in given and given["id"] != english.get("id"):
        walk.wrong(loc + ("id",), f"id '{given['id']}' does not match the English item's id '{english.get('id')}'")
    merged = {}
    for key, value in english.items():
        if keyed or is_text_key(parent, key, value):
            below = parent if keyed else key
            merged[key] = _merge(value, given.get(key, _MISSING), path + (key,), loc + (key,), below, walk)
        else:
            merged[key] = value
    return merged


def _by_id(english: list) -> bool:
    return bool(english) and all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in english)


def _sequence(english: list, local: Any, path: Path_, loc: Path_, parent: str | None, walk: _Walk) -> list:
    if local is not _MISSING and not isinstance(local, list):
        walk.wrong(loc, f"expected a list, as in the English file; found {_kind(local)}")
        local = _MISSING
    given = [] if local is _MISSING else local
    if not _by_id(english):
        for i in range(len(english), len(given)):
            walk.wrong(loc + (i,), f"the English list has {len(english)} items; this is item {i + 1}: remove it")
        return [
            _merge(e, given[i] if i < len(given) else _MISSING, path + (i,), loc + (i,), parent, walk)
            for i, e in enumerate(english)
        ]
    ids = {e["id"] for e in english}
    found: dict[str, tuple[int, Any]] = {}
    for i, item in enumerate(given):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            walk.wrong(loc + (i,), "each item keeps the `id` of the English item it translates; add it")
        elif item_id not in ids:
            walk.wrong(loc + (i, "id"), f"no item with id '{item_id}' in the English list; remove it or fix the id")
        elif item_id in found:
            walk.wrong(loc + (i, "id"), f"id '{item_id}' is translated twice (first as item {found[item_id][0] + 1})")
        else:
            found[item_id] = (i, item)
    merged = []
    for i, e in enumerate(english):
        at, item = found.get(e["id"], (i, _MISSING))
        merged.append(_merge(e, item, path + (i,), loc + (at,), parent, walk))
    return merged


def _merge(english: Any, local: Any, path: Path_, loc: Path_, parent: str | None, walk: _Walk) -> Any:
    """`path`: where in the English file; `loc`: where in the locale file (they differ only when a
    translated list is in another order)."""
    if isinstance(english, str):
        return _text(english, local, path, loc, walk)
    if isinstance(english, dict):
        return _mapping(english, local, path, loc, parent, walk)
    if isinstance(english, list):
        return _sequence(english, local, path, loc, parent, walk)
    if local is not _MISSING and local != english:
        walk.wrong(loc, "the English file has no text here; remove it")
    return english


def overlay(name: str, locale: str, english: dict, en_lines: Lines, local: dict | None, loc_lines: Lines) -> Overlaid:
    """The English data of one file with the locale's words in place (`local` None: none translated)."""
    out = Overlaid(data=None, lines=loc_lines)
    walk = _Walk(name, locale, en_lines, loc_lines, out)
    out.data = _merge(english, _MISSING if local is None else local, (), (), None, walk)
    if isinstance(out.data, dict) and "language" in english:
        out.data["language"] = locale  # ui.yaml: the edition's language is its folder's name
    return out


def overlay_file(base: Path, locale: str, name: str, english: dict, en_lines: Lines) -> Overlaid:
    """Read `<base>/<locale>/<name>` (if it exists) and lay it over the English data of `name`."""
    path = base / locale / name
    if not path.is_file():
        return overlay(name, locale, english, en_lines, None, {})
    local, loc_lines, problems = read_file(path, locale_name(locale, name))
    out = overlay(name, locale, english, en_lines, local, loc_lines)
    out.problems[:0] = problems
    return out
