"""The review trail of a locale, `content/<locale>/edition.yaml` (model: components/models/edition.py):
read and checked, and the warnings `check --locale` prints for every file that no native speaker or
no domestic-abuse specialist has reviewed yet (a pseudo-locale is never reviewed, so it has none)."""

from __future__ import annotations

import os

from components.content.env import resolve_dir
from components.content.loader import _validate
from components.content.locale import locale_name
from components.content.parse import read_file
from components.content.problems import Lines, Problem, line_of
from components.content.pseudo import english_names
from components.models.edition import EditionFile

EDITION_FILE = "edition.yaml"


def read_edition(
    directory: str | os.PathLike[str] | None, locale: str
) -> tuple[EditionFile | None, Lines, list[Problem]]:
    """The locale's edition.yaml: (its model or None, its lines, its problems). No file: (None, {}, [])."""
    base = resolve_dir(directory)
    name = locale_name(locale, EDITION_FILE)
    if not (base / name).is_file():
        return None, {}, []
    data, lines, problems = read_file(base / name, name)
    if data is None or problems:
        return None, lines, problems
    model, invalid = _validate(EditionFile, name, data, lines)
    if not isinstance(model, EditionFile):
        return None, lines, invalid
    known = {n for n, _ in english_names(base)}
    unknown = [
        Problem(name, line_of(lines, ("files", f)), f"files.{f}", "no English file of this name")
        for f in model.files
        if f not in known
    ]
    return (None if unknown else model), lines, unknown


def drafts(directory: str | os.PathLike[str] | None, locale: str) -> frozenset[str]:
    """The content files (`ui.yaml`, `workshops/classroom-45.yaml`) of a locale that are draft
    translations: not on record, or not reviewed by both a native speaker and a domestic-abuse
    specialist. Every page, text page and handout drawing on one says so. A pseudo-locale has none."""
    base = resolve_dir(directory)
    edition = read_edition(base, locale)[0]
    if edition is not None and edition.pseudo:
        return frozenset()
    trails = edition.files if edition is not None else {}
    return frozenset(f for f, _ in english_names(base) if f not in trails or not trails[f].reviewed)


def review_warnings(directory: str | os.PathLike[str] | None, locale: str) -> list[Problem]:
    """Every file of the locale whose translation is not on record, or not reviewed by both a native
    speaker and a domestic-abuse specialist. Warnings: the app still runs, with a draft notice."""
    base = resolve_dir(directory)
    name = locale_name(locale, EDITION_FILE)
    edition, lines, problems = read_edition(base, locale)
    if problems:
        return []  # `check --locale` reports them as problems
    if edition is None:
        return [Problem(name, 1, "(file)", "no review trail: say who translated each file and who reviewed it")]
    if edition.pseudo:
        return []
    warnings = []
    for f, _ in english_names(base):
        trail = edition.files.get(f)
        at = line_of(lines, ("files", f))
        if trail is None:
            warnings.append(Problem(name, at, f"files.{f}", "not on record: who translated it, and who reviewed it?"))
            continue
        missing = [
            who
            for who, review in (
                ("a native speaker", trail.native_review),
                ("a domestic-abuse specialist", trail.specialist_review),
            )
            if review is None
        ]
        if missing:
            warnings.append(
                Problem(name, at, f"files.{f}", f"a draft translation: not yet reviewed by {' or '.join(missing)}")
            )
    return warnings
