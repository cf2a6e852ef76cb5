"""Content loaded once per process, and again only when a YAML file in the folder changes.

The key is the folder and its fingerprint (every YAML file's path, size and mtime), so an author's
edit shows on the next rerun without a restart, and a broken edit shows its problems, not a traceback.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from components.content.env import resolve_dir
from components.content.loader import load_content
from components.content.problems import ContentError, Problem
from components.content.registry import Content


def fingerprint(directory: str | os.PathLike[str]) -> tuple[tuple[str, int, int], ...]:
    """What changes when any YAML file in the folder changes: (path, size, mtime) of each."""
    base = Path(directory)
    out = []
    for p in sorted(base.rglob("*.y*ml")):
        st = p.stat()
        out.append((str(p.relative_to(base)), st.st_size, st.st_mtime_ns))
    return tuple(out)


@dataclass(frozen=True)
class Loaded:
    """The result of a load: content, or the problems that stopped it."""

    content: Content | None
    problems: tuple[Problem, ...] = ()


# `stamp` is unused in the body: it is part of the cache key, so a changed folder is a miss.
# a few editions (English, each translation, the pseudo-locale), each for a content version or two
@functools.lru_cache(maxsize=12)
def _load_once(directory: str, stamp: tuple, locale: str | None = None) -> Loaded:
    try:
        return Loaded(load_content(directory, locale))
    except ContentError as e:
        return Loaded(None, tuple(e.problems))


def load_cached(directory: str | os.PathLike[str] | None = None, locale: str | None = None) -> Loaded:
    """Load once per process; again only when a file in the folder changes (size or mtime). With a
    `locale`, that edition (its words over the English files; the fingerprint covers its folder too)."""
    base = resolve_dir(directory)
    if locale is None:
        return _load_once(str(base), fingerprint(base))
    return _load_once(str(base), fingerprint(base), locale)
