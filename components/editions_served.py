"""The editions the app serves, for a request or a run: which one a reader gets, what each is called in
its own language, and which of its files are draft translations. Pure functions of the content folder
and the request (no streamlit): the app's runs (components/language_ui.py), the first HTML
(components/web.py) and the text edition (components/text_edition/serve.py) share them.

    locale = pick(asked="es", browser="es-MX,es;q=0.9")      # `?lang=`, then the browser, then English
    loaded = edition(locale)                                  # that edition's validated content
    draft_files(locale) & files_of(spec.uses)                 # say "draft translation" where not empty
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass

from components.content import (
    FILES,
    Loaded,
    content_dir,
    drafts,
    fingerprint,
    load_cached,
    offered_cached,
    pseudo_locales,
    read_edition,
)
from components.content.env import resolve_dir
from components.language import REFERENCE, choose_locale

LANG = "lang"  # the URL parameter: ?lang=es


@dataclass(frozen=True)
class Editions:
    offered: tuple[str, ...]  # complete editions, English first
    hidden: frozenset[str]  # pseudo-locales: served when asked for by name, never listed
    names: dict[str, str]  # locale -> its own name (English's from ui.yaml, the others' from edition.yaml)
    drafts: dict[str, frozenset[str]]  # locale -> its files not yet reviewed by both reviewers

    @property
    def listed(self) -> tuple[str, ...]:
        """The editions a language switch offers: complete, and not pseudo."""
        return tuple(locale for locale in self.offered if locale not in self.hidden)


@functools.lru_cache(maxsize=4)
def _editions_once(directory: str, stamp: tuple) -> Editions:
    offered = offered_cached(directory)
    hidden = pseudo_locales(directory)
    english = load_cached(directory).content
    names = {REFERENCE: english.ui.language_name if english is not None else "English"}
    found: dict[str, frozenset[str]] = {}
    for locale in offered:
        if locale == REFERENCE:
            continue
        trail = read_edition(directory, locale)[0]
        names[locale] = trail.name if trail is not None else locale
        found[locale] = drafts(directory, locale)
    return Editions(offered, hidden, names, found)


def editions(directory: str | os.PathLike[str] | None = None) -> Editions:
    """What the content folder offers, read once per content version."""
    base = resolve_dir(directory or content_dir())
    return _editions_once(str(base), fingerprint(base))


def pick(asked: str | None, browser: str | None, directory: str | os.PathLike[str] | None = None) -> str:
    """The edition for a reader: `asked` (`?lang=`) when offered, else the browser's languages
    (Accept-Language or `st.context.locale`), else English."""
    found = editions(directory)
    return choose_locale(asked, browser, found.offered, hidden=found.hidden)


def edition(locale: str, directory: str | os.PathLike[str] | None = None) -> Loaded:
    """That edition's content, loaded once per content version (English for the reference)."""
    return load_cached(directory or content_dir(), None if locale == REFERENCE else locale)


def draft_files(locale: str, directory: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """The edition's content files that are draft translations (none for English)."""
    return editions(directory).drafts.get(locale, frozenset())


def files_of(keys: Iterable[str], directory: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """Content file names (`ui.yaml`, `workshops/classroom-45.yaml`) for registry keys (a page's `uses`);
    a folder of files stands for each file in it."""
    base = resolve_dir(directory or content_dir())
    out: set[str] = set()
    for key in keys:
        spec = FILES[key]
        if any(ch in spec.name for ch in "*?["):
            out |= {p.relative_to(base).as_posix() for p in base.glob(spec.name) if p.is_file()}
        else:
            out.add(spec.name)
    return frozenset(out)


def is_draft(locale: str, keys: Iterable[str], directory: str | os.PathLike[str] | None = None) -> bool:
    """Whether a page drawing on these content files (and on ui.yaml, which every page shows) is a draft
    translation in this edition."""
    return bool(draft_files(locale, directory) & (files_of(keys, directory) | {"ui.yaml"}))


def text_path(page_id: str | None, locale: str, explicit: bool = False) -> str:
    """A text edition page's path under the app's root (no leading slash): `text/cycle` in English,
    `text/es/cycle` in another edition; the edition's index for None. `explicit`: English asked for by
    name (`?lang=en`), so `text/en/cycle`: `/text/cycle` follows the browser's language instead."""
    return ("text/" if locale == REFERENCE and not explicit else f"text/{locale}/") + (page_id or "")
