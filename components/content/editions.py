"""The editions a content folder holds: English (content/ itself, the reference) and every locale folder
`content/<locale>/` (components/content/locale.py has the format). `survey()` measures one locale
against the English files: per file, how many text strings it translates, and every string left
untranslated or not fitting; `check_locale()` adds what the models find in the merged words. A locale
is offered to readers only when it is complete: every string translated, nothing amiss, valid.
Nothing here imports streamlit; the CLI (`check --locale`), the tests and the app share it.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from components.content.cache import fingerprint, load_cached  # the app then finds them loaded
from components.content.edition import EDITION_FILE, read_edition
from components.content.env import resolve_dir
from components.content.locale import REFERENCE, is_locale, locale_name, overlay_file
from components.content.parse import read_file
from components.content.problems import Lines, Path_, Problem, dotted, line_of
from components.content.pseudo import english_names, limit_at, pseudo_text
from components.models.base import Strict


@dataclass(frozen=True)
class FileCoverage:
    """One file of a locale: its text strings, how many are translated, whether the file exists."""

    name: str
    total: int
    translated: int
    exists: bool

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


@dataclass
class Survey:
    """A locale measured against the English files."""

    locale: str
    files: list[FileCoverage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # do not fit the English files, or invalid
    untranslated: list[Problem] = field(default_factory=list)  # in files that exist

    @property
    def total(self) -> int:
        return sum(f.total for f in self.files)

    @property
    def translated(self) -> int:
        return sum(f.translated for f in self.files)

    @property
    def complete(self) -> bool:
        return not self.problems and self.translated == self.total


def locales(directory: str | os.PathLike[str] | None = None) -> list[str]:
    """Every locale folder in a content folder (`es`, `pt-BR`, ...), sorted; English is not one."""
    base = resolve_dir(directory)
    return sorted(p.name for p in base.iterdir() if p.is_dir() and is_locale(p.name)) if base.is_dir() else []


def _extra_files(base: Path, locale: str, known: set[str]) -> list[Problem]:
    folder = base / locale
    extra = []
    for p in sorted(folder.rglob("*.y*ml")):
        name = p.relative_to(folder).as_posix()
        if name not in known and name != EDITION_FILE:
            extra.append(
                Problem(locale_name(locale, name), 1, "(file)", "no English file of this name; remove it or rename it")
            )
    return extra


def _pseudo_left(
    english: Any, merged: Any, model: type[Strict], path: Path_, lines: Lines, where: str
) -> list[Problem]:
    """Strings of a real translation still as the pseudo-locale wrote them (a translator who started
    from a copy of content/xx/): untranslated, though present."""
    if isinstance(english, str):
        if merged != english and merged == pseudo_text(english, limit_at(model, path)):
            message = f"not translated in {where}: still the pseudo-locale's text"
            return [Problem(where.split("/", 1)[1], line_of(lines, path), dotted(path), message)]
        return []
    if isinstance(english, dict) and isinstance(merged, dict):
        return [p for k in english for p in _pseudo_left(english[k], merged.get(k), model, path + (k,), lines, where)]
    if isinstance(english, list) and isinstance(merged, list):
        pairs = zip(english, merged, strict=False)
        return [p for i, (e, m) in enumerate(pairs) for p in _pseudo_left(e, m, model, path + (i,), lines, where)]
    return []


def survey(directory: str | os.PathLike[str] | None, locale: str) -> Survey:
    """Coverage and fit of one locale, file by file (the models are not run: see check_locale)."""
    base = resolve_dir(directory)
    out = Survey(locale)
    names = english_names(base)
    edition = read_edition(base, locale)[0]
    real = edition is None or not edition.pseudo
    for name, model in names:
        data, lines, problems = read_file(base / name, name)
        if data is None or problems:
            out.problems += problems  # the English file itself is broken: `check` without a locale says more
            continue
        exists = (base / locale / name).is_file()
        done = overlay_file(base, locale, name, data, lines)
        left = _pseudo_left(data, done.data, model, (), lines, locale_name(locale, name)) if exists and real else []
        out.files.append(FileCoverage(name, done.total, done.translated - len(left), exists))
        out.problems += done.problems
        if exists:
            out.untranslated += sorted(done.untranslated + left)
    out.problems += _extra_files(base, locale, {name for name, _ in names}) + read_edition(base, locale)[2]
    return out


def check_locale(directory: str | os.PathLike[str] | None, locale: str) -> Survey:
    """survey() and, when every file fits, the models' verdict on the merged words (English first: a
    problem of the English files is theirs, and is reported as such)."""
    result = survey(directory, locale)
    if result.problems:
        return result
    for edition in (None, locale):
        loaded = load_cached(resolve_dir(directory), edition)
        if loaded.content is None:
            result.problems += list(loaded.problems)
            break
    return result


def offered_locales(directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """The editions a reader may choose: English first (the reference), then every complete locale."""
    return (REFERENCE, *(loc for loc in locales(directory) if check_locale(directory, loc).complete))


def pseudo_locales(directory: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """The locales whose edition.yaml says `pseudo: true`: offered when asked for by name, never listed."""
    return frozenset(loc for loc in locales(directory) if (trail := read_edition(directory, loc)[0]) and trail.pseudo)


def coverage_table(result: Survey) -> list[str]:
    """The coverage of a locale as aligned text lines, one per file and a total."""
    width = max([len(f.name) for f in result.files] + [len("total")])
    rows = [f"{'file':<{width}}  translated  of   %"]
    for f in result.files:
        note = "" if f.exists else "  (no file yet)"
        rows.append(f"{f.name:<{width}}  {f.translated:>10}  {f.total:>4}  {f.percent:5.1f}{note}")
    pct = 100.0 if result.total == 0 else 100.0 * result.translated / result.total
    rows.append(f"{'total':<{width}}  {result.translated:>10}  {result.total:>4}  {pct:5.1f}")
    return rows


@functools.lru_cache(maxsize=4)
def _offered_once(directory: str, stamp: tuple) -> tuple[str, ...]:
    return offered_locales(directory)


def offered_cached(directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """offered_locales() once per process, again only when a file in the folder changes (it loads
    every locale: seconds, not a thing to do on every rerun)."""
    base = resolve_dir(directory)
    return _offered_once(str(base), fingerprint(base))
