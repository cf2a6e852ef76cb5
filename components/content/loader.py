"""Loading a content folder: every registered file read (see parse.py), validated by its strict
pydantic model, then checked for what one model cannot see: ids unique within a file, and every
`sources:` / `cited_in:` entry naming an id of sources.yaml. Every problem is collected, so an author
fixes all of them in one pass."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from components.content.env import resolve_dir
from components.content.locale import REFERENCE, locale_name, overlay_file
from components.content.parse import read_file
from components.content.problems import ContentError, Lines, Path_, Problem, dotted, line_of
from components.content.registry import FILES, Content
from components.facilitate.workshop import segment_link_issues
from components.models.base import Strict
from components.navigation import PAGES


def _describe(err: Mapping[str, Any]) -> str:
    """One pydantic error in an author's words."""
    kind = err["type"]
    loc = err["loc"]
    if kind == "missing":
        return f"required field '{loc[-1]}' is missing"
    if kind == "extra_forbidden":
        return f"unknown field '{loc[-1]}' (check the spelling; unknown fields are not allowed)"
    got = err.get("input")
    shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    msg = err["msg"]
    if msg.startswith("Value error, "):
        return msg.removeprefix("Value error, ")
    return f"{msg} (found {shown})"


def _validate(
    model: type[Strict], name: str, data: dict, lines: Lines, locale: str | None = None
) -> tuple[Strict | None, list[Problem]]:
    try:
        if locale is not None:  # the models skip their English-only wording checks for a translation
            return model.model_validate(data, context={"locale": locale}), []
        return model.model_validate(data), []
    except ValidationError as e:
        problems = []
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append(Problem(name, line_of(lines, loc), dotted(loc), _describe(err)))
        return None, problems


def _check_ids(data: Any, path: Path_, seen: dict[str, Path_], lines: Lines, name: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, dict):
        item_id = data.get("id")
        if isinstance(item_id, str):
            if item_id in seen:
                first = line_of(lines, seen[item_id])
                problems.append(
                    Problem(
                        name,
                        line_of(lines, path + ("id",)),
                        dotted(path + ("id",)),
                        f"duplicate id '{item_id}' (first used at line {first}); ids must be unique in a file",
                    )
                )
            else:
                seen[item_id] = path
        for k, v in data.items():
            problems += _check_ids(v, path + (k,), seen, lines, name)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            problems += _check_ids(v, path + (i,), seen, lines, name)
    return problems


def _check_source_refs(data: Any, path: Path_, known: set[str], lines: Lines, name: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ("sources", "cited_in") and isinstance(v, list):
                for i, ref in enumerate(v):
                    if isinstance(ref, str) and ref not in known:
                        problems.append(
                            Problem(
                                name,
                                line_of(lines, path + (k, i)),
                                dotted(path + (k, i)),
                                f"unknown source id '{ref}'; add it to sources.yaml or fix the spelling",
                            )
                        )
            else:
                problems += _check_source_refs(v, path + (k,), known, lines, name)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            problems += _check_source_refs(v, path + (i,), known, lines, name)
    return problems


def _load_file(
    base: Path, name: str, model: type[Strict], parsed: dict[str, tuple[dict, Lines]], locale: str | None = None
) -> tuple[Strict | None, Lines, list[Problem]]:
    """Read, check ids and validate one file: (its model or None, its lines, its problems). The one
    path every file takes, alone or one of a folder; what it parsed is kept in `parsed` (by name)
    for the cross-file check of sources. With a `locale`, the words of `<locale>/<name>` are laid
    over the English data first (components/content/locale.py), and the models judge the result."""
    data, lines, problems = read_file(base / name, name)
    if data is None:
        return None, lines, problems
    if locale is not None and not problems:
        return _load_translated(base, name, model, parsed, locale, data, lines)
    parsed[name] = (data, lines)
    model_or_none, invalid = _validate(model, name, data, lines)
    return model_or_none, lines, _check_ids(data, (), {}, lines, name) + invalid


def _load_translated(
    base: Path,
    name: str,
    model: type[Strict],
    parsed: dict[str, tuple[dict, Lines]],
    locale: str,
    data: dict,
    lines: Lines,
) -> tuple[Strict | None, Lines, list[Problem]]:
    """One file of a locale: its English problems first (ids), then what does not fit the English
    file, then what the models find in the merged words (at the locale file's lines)."""
    own = _check_ids(data, (), {}, lines, name)
    done = overlay_file(base, locale, name, data, lines)
    parsed[name] = (done.data, lines)
    if own or done.problems:
        return None, lines, own + done.problems
    model_or_none, invalid = _validate(model, locale_name(locale, name), done.data, done.lines, locale)
    return model_or_none, lines, invalid


def load_content(directory: str | os.PathLike[str] | None = None, locale: str | None = None) -> Content:
    """Parse and validate every content file in `directory`; raise ContentError listing all problems.
    With a `locale` (`es`), the words of `<directory>/<locale>/` replace the English ones where given
    (components/content/locale.py); what is untranslated stays English, and `check --locale` lists it.
    `en` is English itself; a locale with no folder is an error (it would be English under another name)."""
    base = resolve_dir(directory)
    locale = None if locale == REFERENCE else locale
    if locale is not None and not (base / locale).is_dir():
        raise ContentError([Problem(locale, 1, "(folder)", f"no locale folder {base / locale}")])
    problems: list[Problem] = []
    models: dict[str, Any] = {}  # registry key -> its model (a folder's: file id -> model), as Content takes them
    model: Any
    parsed: dict[str, tuple[dict, Lines]] = {}
    for key, spec in FILES.items():
        if not spec.many:
            model, _, found = _load_file(base, spec.name, spec.model, parsed, locale)
            problems += found
            if model is not None:
                models[key] = model
            continue
        # A folder of files: one model per file, keyed by the file's `id`.
        many: dict[str, Any] = {}
        names = sorted(p.relative_to(base).as_posix() for p in base.glob(spec.name) if p.is_file())
        if not names:
            problems.append(Problem(spec.name, 1, "(file)", f"no file matches; the app needs at least one in {base}"))
        for name in names:
            model, lines, found = _load_file(base, name, spec.model, parsed, locale)
            problems += found
            if model is None:
                continue
            if model.id in many:
                problems.append(
                    Problem(
                        name,
                        line_of(lines, ("id",)),
                        "id",
                        f"id '{model.id}' is also used by another file in {spec.name}",
                    )
                )
            many[model.id] = model
        models[key] = many
    sources_file = parsed.get(FILES["sources"].name)
    if sources_file is not None:
        known: set[Any] = {s.get("id") for s in sources_file[0].get("sources") or [] if isinstance(s, dict)}
        for name, (data, lines) in parsed.items():
            problems += _check_source_refs(data, (), known, lines, name)
    if problems:
        raise ContentError(problems)
    content = Content(**models)
    problems = _segment_link_problems(content, parsed) + _room_problems(content, parsed)
    if problems:
        raise ContentError(problems)
    return content


def _segment_link_problems(content: Content, parsed: dict[str, tuple[dict, Lines]]) -> list[Problem]:
    """Each workshop segment's link checked against its page's declared URL parameters, at the line
    of the segment's `query` (or `page`). Needs the whole content: some choices come from it."""
    problems = []
    built = {spec.id for spec in PAGES}
    for name, (data, lines) in parsed.items():
        if not name.startswith("workshops/") or data.get("id") not in content.workshops:
            continue
        plan = content.workshops[data["id"]]
        # A plan may name a page this edition does not have (a copy of the content made for another
        # edition): Run a session says so at that segment, so it is not an error here.
        elsewhere = {seg.id for _, seg in plan.segments() if seg.page not in built}
        where = {
            seg.get("id"): ("sessions", i, "segments", j)
            for i, session in enumerate(data.get("sessions") or [])
            for j, seg in enumerate(session.get("segments") or [])
        }
        for segment_id, what in segment_link_issues(plan, content):
            if segment_id in elsewhere:
                continue
            path = where.get(segment_id, ())
            at = path + ("query",) if (path + ("query",)) in lines else path + ("page",)
            problems.append(Problem(name, line_of(lines, at), dotted(at), what))
    return problems


def _room_problems(content: Content, parsed: dict[str, tuple[dict, Lines]]) -> list[Problem]:
    """room.yaml's scenario, scene and plan ids checked against scenarios.yaml, practice.yaml and the
    workshop plans."""
    name = FILES["room"].name
    if name not in parsed:
        return []
    lines = parsed[name][1]
    scenarios = {s.id for s in content.scenarios.scenarios}
    problems = []
    for i, q in enumerate(content.room.questions):
        if q.scenario and q.scenario not in scenarios:
            at = ("questions", i, "scenario")
            problems.append(
                Problem(
                    name, line_of(lines, at), dotted(at), f"no scenario '{q.scenario}' in {FILES['scenarios'].name}"
                )
            )
        if q.scene and content.practice.scene(q.scene) is None:
            at = ("questions", i, "scene")
            problems.append(
                Problem(name, line_of(lines, at), dotted(at), f"no scene '{q.scene}' in {FILES['practice'].name}")
            )
    for i, s in enumerate(content.room.sets):
        if s.plan not in content.workshops:
            at = ("sets", i, "plan")
            problems.append(Problem(name, line_of(lines, at), dotted(at), f"no workshop plan '{s.plan}'"))
    return problems + _plan_question_problems(content, parsed)


def _plan_question_problems(content: Content, parsed: dict[str, tuple[dict, Lines]]) -> list[Problem]:
    """The room questions a plan names (a segment's `room_question`, its `room_pairs`) checked
    against room.yaml, at the line that names them."""
    known = {q.id for q in content.room.questions}
    problems = []
    for name, (data, lines) in parsed.items():
        if not name.startswith("workshops/") or data.get("id") not in content.workshops:
            continue
        named: list[tuple[tuple[str | int, ...], Any]] = [
            (("sessions", i, "segments", j, "room_question"), seg.get("room_question"))
            for i, session in enumerate(data.get("sessions") or [])
            for j, seg in enumerate(session.get("segments") or [])
            if isinstance(seg, dict)
        ]
        named += [
            (("room_pairs", i, side), pair.get(side))
            for i, pair in enumerate(data.get("room_pairs") or [])
            if isinstance(pair, dict)
            for side in ("before", "after")
        ]
        for at, qid in named:
            if qid and qid not in known:
                problems.append(
                    Problem(name, line_of(lines, at), dotted(at), f"no room question '{qid}' in {FILES['room'].name}")
                )
    return problems


def load_valid(key: str, directory: str | os.PathLike[str] | None = None) -> tuple[Strict | None, Lines]:
    """One single-file model on its own and its lines; (None, lines) if the file has problems of its
    own (other files, and whether its sources resolve, are not looked at)."""
    spec = FILES[key]
    data, lines, problems = read_file(resolve_dir(directory) / spec.name, spec.name)
    if data is None or problems:
        return None, lines
    model, _ = _validate(spec.model, spec.name, data, lines)
    return model, lines


def load_one(key: str, directory: str | os.PathLike[str] | None = None) -> Strict | None:
    """One single-file model on its own, or None if that file has problems. The error screen uses
    it so the interface words and help lines still show when some other file is broken."""
    return load_valid(key, directory)[0]
