"""Text search shared by every page that filters (glossary, therapies, ...). Pure, unit-tested."""

from __future__ import annotations

import unicodedata


def _fold(text: str) -> str:
    """Lower case without accents, so 'therapie' finds 'thérapie' and 'EMDR' finds 'emdr'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str) -> str:
    """A term's place in an A-Z list in any language: accents do not send "Éxito" after "Z"."""
    return _fold(text)


def text_matches(query: str, *fields: str | None) -> bool:
    """True when every word of the query appears in at least one field (an empty query matches)."""
    words = _fold(query).split()
    haystack = " ".join(_fold(f) for f in fields if f)
    return all(w in haystack for w in words)
