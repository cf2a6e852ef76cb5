"""The content model: every YAML file under `content/`, parsed once and validated.

`load_content(dir)` reads each registered file with `yaml.safe_load` semantics, keeps the line
of every node, validates the data with strict pydantic models, then checks what a single model
cannot see (unique ids per file, `sources:` that resolve to `sources.yaml`). Every problem is
collected, so an author fixes all of them in one pass; each reads `file:line: where: what`.

Run `python -m components.content check [--content DIR] [--today YYYY-MM-DD]` to check a folder
(it also warns, without failing, about help lines nobody has confirmed live in the last 6 months), and
`python -m components.content schema [--out DIR]` to write JSON Schema for editors.

This module never imports streamlit: the app, the CLI and the tests share it.
"""

from __future__ import annotations

import argparse
import calendar
import functools
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT_DIR = ROOT / "content"


def content_dir() -> Path:
    """The folder the app reads: `CONTENT_DIR` if set (a facilitator's own copy), else content/."""
    return Path(os.environ.get("CONTENT_DIR") or DEFAULT_CONTENT_DIR).resolve()


# --------------------------------------------------------------------------- base models
# Shared by every subject module in components/models/; re-exported here for convenience.
from components.models.base import Item, Markdown, Sourced, Strict  # noqa: E402

# Subject models, one module each (components/models/<subject>.py):
from components.models.cycle import CycleFile  # noqa: E402
from components.models.comparison import ComparisonFile, ScenariosFile  # noqa: E402
from components.models.therapies import TherapiesFile  # noqa: E402
from components.models.trauma_healing import HealingFile, RelationalTraumaFile  # noqa: E402
from components.models.perspectives import PerspectivesFile  # noqa: E402
from components.models.workshops import WorkshopFile  # noqa: E402

# --------------------------------------------------------------------------- sources.yaml

SourceKind = Literal["article", "peer-reviewed", "book", "guideline", "personal-account", "directory"]


class Source(Item):
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    kind: SourceKind
    summary: Markdown
    caution: Markdown | None = None
    cited_in: list[str] = []


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


# --------------------------------------------------------------------------- glossary.yaml


class Term(Sourced):
    term: str
    definition: Markdown
    see_also: list[str] = []


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _see_also_resolves(self) -> GlossaryFile:
        ids = {t.id for t in self.terms}
        for t in self.terms:
            missing = [s for s in t.see_also if s not in ids]
            if missing:
                raise ValueError(f"term '{t.id}': see_also names unknown term(s): {', '.join(missing)}")
        return self


# --------------------------------------------------------------------------- help.yaml

Status = Literal["seen", "unverified", "conflict"]


class BackNote(Strict):
    single: Markdown
    normal: Markdown


class QuickExit(Strict):
    url: str = Field(pattern=r"^https?://", description="where the quick exit goes")
    why: Markdown
    history: Literal["single", "normal"] = Field(
        "single", description="single: the app keeps one browser history entry, so Back after an exit never "
        "returns to it; normal: each step and page adds an entry (Back moves within the app)")
    back_note: BackNote = Field(description="what Back does after an exit, said on Get help, for each setting")


LIVE_CHECK = ("the date a person confirmed this entry on the organisation's (or an official) live site; "
              "empty (null) until someone has; `check` warns when it is empty or over 6 months old")


class EmergencyNumber(Item):
    region: str
    number: str
    note: Markdown | None = None
    status: Status
    status_note: Markdown | None = None
    confirmed_live_on: date | None = Field(description=LIVE_CHECK)


class ImmediateDanger(Strict):
    intro: Markdown
    numbers: list[EmergencyNumber] = Field(min_length=1)


class Region(Item):
    name: str


class Channel(Strict):
    kind: Literal["phone", "text", "chat", "web", "email", "tty", "whatsapp"]
    value: str
    note: str | None = None


class Helpline(Item):
    region: str
    name: str
    organisation: str
    channels: list[Channel] = Field(min_length=1)
    hours: str
    languages: str | None = None
    who: Markdown
    url: str | None = None
    status: Status
    status_note: Markdown | None = None
    seen_in: str
    confirmed_live_on: date | None = Field(description=LIVE_CHECK)


class SafetyPoint(Sourced):
    title: str
    body: Markdown


class LeavingSafely(Strict):
    """Why separating can raise the risk, what a safety plan is and who helps make one. Pages that
    talk about leaving link here."""

    heading: str
    intro: Markdown
    points: list[SafetyPoint] = Field(min_length=3)


class TherapistStep(Sourced):
    title: str
    body: Markdown


class FindingATherapist(Strict):
    intro: Markdown
    steps: list[TherapistStep] = Field(min_length=1)
    questions_to_ask: list[str] = Field(min_length=1)


class HelpFile(Strict):
    quick_exit: QuickExit
    published_on: date = Field(description="when the entries were gathered from published pages (archived copies)")
    published_how: str
    check_local_note: Markdown
    not_yet_listed: Markdown = Field(description="kinds of line the research notes do not cover yet, and what to do meanwhile")
    immediate_danger: ImmediateDanger
    leaving_safely: LeavingSafely
    regions: list[Region] = Field(min_length=1)
    helplines: list[Helpline] = Field(min_length=1)
    finding_a_therapist: FindingATherapist
    after_exit_note: Markdown

    @model_validator(mode="after")
    def _regions_resolve(self) -> HelpFile:
        ids = {r.id for r in self.regions}
        for h in self.helplines:
            if h.region not in ids:
                raise ValueError(f"helpline '{h.id}': region '{h.region}' is not one of {sorted(ids)}")
        return self


# --------------------------------------------------------------------------- ui.yaml


class PageText(Strict):
    """Navigation title, icon and one-line description of a page; `heavy` pages open with a note."""

    title: str
    icon: str = Field(description="a Material Symbols name like ':material/home:' or one emoji")
    description: str
    heavy: bool = False


class ContentNote(Strict):
    title: str
    body: Markdown
    go_on: str
    go_elsewhere: str


class ErrorScreen(Strict):
    title: str
    intro: Markdown
    how_to_fix: Markdown


class QuickExitAnnouncements(Strict):
    """What a screen reader hears from the quick exit (GOV.UK's wording, in content so it translates)."""

    press_two_more: str = Field(description="after the first Shift press")
    press_one_more: str = Field(description="after the second Shift press")
    timed_out: str = Field(description="when the presses were too slow and the count starts again")
    leaving: str = Field(description="shown on the blank screen while the next site loads")


class UiFile(Strict):
    app_title: str
    tagline: str
    sections: dict[str, str] = Field(description="section id -> heading in the navigation")
    pages: dict[str, PageText]
    quick_exit_label: str
    quick_exit_hint: str = Field(description="short text that tells keyboard users about Shift x3")
    quick_exit_announce: QuickExitAnnouncements
    safety_note: Markdown
    safety_link: str
    presenter_toggle: str
    presenter_help: str
    high_contrast_toggle: str
    content_note: ContentNote
    error_screen: ErrorScreen
    sources_label: str
    chart_text_label: str = Field(description="heading of the expander that holds a chart's text alternative")
    chart_waiting: str = Field(description="shown where a chart will draw, until the reader scrolls to it")
    chart_scroll_hint: str = Field(description="over a chart wider than a phone's screen, which scrolls sideways")
    previous: str
    next: str
    search_label: str
    search_placeholder: str
    no_matches: str
    labels: dict[str, str] = Field(default_factory=dict, description="small interface words, by key")


# --------------------------------------------------------------------------- welcome.yaml


class Audience(Item):
    title: str
    body: Markdown


class WayIn(Item):
    title: str
    body: Markdown
    pages: list[str] = Field(min_length=1, description="page ids (see components/navigation.py), in order")


class WelcomeFile(Strict):
    intro: Markdown
    audiences: list[Audience] = Field(min_length=1)
    ways_in: list[WayIn] = Field(min_length=3)
    not_diagnosis: Markdown
    privacy: Markdown
    about_sources: Markdown


# --------------------------------------------------------------------------- the whole set


@dataclass(frozen=True)
class FileSpec:
    """One content file: its path under the content folder and its model. With `many=True` the
    name is a glob (`workshops/*.yaml`): every matching file is one model, and the Content field
    is a dict keyed by each file's `id` (at least one file must match)."""

    name: str
    model: type[Strict]
    many: bool = False


# The registry of content files. A new subject adds its model above and one line here
# (plus an attribute on Content below).
FILES: dict[str, FileSpec] = {
    "ui": FileSpec("ui.yaml", UiFile),
    "sources": FileSpec("sources.yaml", SourcesFile),
    "glossary": FileSpec("glossary.yaml", GlossaryFile),
    "help": FileSpec("help.yaml", HelpFile),
    "welcome": FileSpec("welcome.yaml", WelcomeFile),
    "cycle": FileSpec("cycle.yaml", CycleFile),
    "comparison": FileSpec("comparison.yaml", ComparisonFile),
    "scenarios": FileSpec("scenarios.yaml", ScenariosFile),
    "therapies": FileSpec("therapies.yaml", TherapiesFile),
    "relational_trauma": FileSpec("relational_trauma.yaml", RelationalTraumaFile),
    "healing": FileSpec("healing.yaml", HealingFile),
    "perspectives": FileSpec("perspectives.yaml", PerspectivesFile),
    "workshops": FileSpec("workshops/*.yaml", WorkshopFile, many=True),
}


# eq=False: hashed by identity, so figure caches can key on (content, inputs); a reload is a new object.
@dataclass(frozen=True, eq=False)
class Content:
    """Everything the app shows, validated. Attribute names match the keys of FILES."""

    ui: UiFile
    sources: SourcesFile
    glossary: GlossaryFile
    help: HelpFile
    welcome: WelcomeFile
    cycle: CycleFile
    comparison: ComparisonFile
    scenarios: ScenariosFile
    therapies: TherapiesFile
    relational_trauma: RelationalTraumaFile
    healing: HealingFile
    perspectives: PerspectivesFile
    workshops: dict[str, WorkshopFile]  # plan id (the file's `id`) -> plan, in file-name order

    def source(self, source_id: str) -> Source:
        return self.sources_by_id[source_id]

    @functools.cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources.sources}

    def cited_sources(self, key: str) -> set[str]:
        """Every source id cited anywhere in one content file (for the Sources page)."""
        found: set[str] = set()
        _collect_sources(getattr(self, key).model_dump(), found)
        return found


def _collect_sources(data: Any, found: set[str]) -> None:
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "sources" and isinstance(v, list):
                found.update(x for x in v if isinstance(x, str))
            else:
                _collect_sources(v, found)
    elif isinstance(data, list):
        for v in data:
            _collect_sources(v, found)


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ContentError(Exception):
    """Raised by load_content with every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- parsing with lines

Path_ = tuple[str | int, ...]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that also reports duplicate keys (plain YAML keeps the last one silently)."""


def _parse(text: str, file: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Parse YAML text; return (data, line of every path, problems)."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): 1}, []
        lines: dict[Path_, int] = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems, file)
        data = loader.construct_document(node)
        return data, lines, problems
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(x for x in (e.context, e.problem) if x)
        col = f" (column {mark.column + 1})" if mark else ""
        return None, {}, [Problem(file, line, "(yaml)", f"YAML syntax error{col}: {what}")]
    except yaml.YAMLError as e:  # pragma: no cover - unmarked errors are rare
        return None, {}, [Problem(file, 1, "(yaml)", f"YAML error: {e}")]
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[Problem], file: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(file, line, _dotted(path + (key,)), f"key '{key}' appears twice (first at line {seen[key]})")
                )
            seen[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _walk(child, path + (i,), lines, problems, file)


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "(top)"


def _line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of a path, or of its nearest ancestor that exists in the file."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def _describe(err: dict[str, Any], model: type[BaseModel]) -> str:
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


# --------------------------------------------------------------------------- loading


def _read_file(path: Path, name: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    if not path.is_file():
        return None, {}, [Problem(name, 1, "(file)", f"file is missing; the app needs it at {path}")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, {}, [
            Problem(name, line, "(file)", f"not valid UTF-8 (byte 0x{raw[e.start]:02x}); save the file as UTF-8")
        ]
    data, lines, problems = _parse(text, name)
    if problems:
        return None, lines, problems
    if data is None:
        return None, lines, [Problem(name, 1, "(file)", "file is empty; it needs the fields described in the README")]
    if not isinstance(data, dict):
        return None, lines, [Problem(name, 1, "(top)", f"expected a mapping of fields, found a {type(data).__name__}")]
    return data, lines, []


def _check_ids(data: Any, path: Path_, seen: dict[str, Path_], lines: dict[Path_, int], name: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, dict):
        item_id = data.get("id")
        if isinstance(item_id, str):
            if item_id in seen:
                first = _line_of(lines, seen[item_id])
                problems.append(
                    Problem(name, _line_of(lines, path + ("id",)), _dotted(path + ("id",)),
                            f"duplicate id '{item_id}' (first used at line {first}); ids must be unique in a file")
                )
            else:
                seen[item_id] = path
        for k, v in data.items():
            problems += _check_ids(v, path + (k,), seen, lines, name)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            problems += _check_ids(v, path + (i,), seen, lines, name)
    return problems


def _check_source_refs(data: Any, path: Path_, known: set[str], lines: dict[Path_, int], name: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ("sources", "cited_in") and isinstance(v, list):
                for i, ref in enumerate(v):
                    if isinstance(ref, str) and ref not in known:
                        problems.append(
                            Problem(name, _line_of(lines, path + (k, i)), _dotted(path + (k, i)),
                                    f"unknown source id '{ref}'; add it to sources.yaml or fix the spelling")
                        )
            else:
                problems += _check_source_refs(v, path + (k,), known, lines, name)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            problems += _check_source_refs(v, path + (i,), known, lines, name)
    return problems


def _validate(spec: FileSpec, data: dict, lines: dict[Path_, int]) -> tuple[Strict | None, list[Problem]]:
    try:
        return spec.model.model_validate(data), []
    except ValidationError as e:
        problems = []
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append(Problem(spec.name, _line_of(lines, loc), _dotted(loc), _describe(err, spec.model)))
        return None, problems


def load_content(directory: str | os.PathLike[str] | None = None) -> Content:
    """Parse and validate every content file in `directory`; raise ContentError listing all problems."""
    base = Path(directory) if directory is not None else content_dir()
    problems: list[Problem] = []
    models: dict[str, Strict] = {}
    raw: dict[str, tuple[FileSpec, dict, dict[Path_, int]]] = {}
    for key, spec in FILES.items():
        if spec.many:  # a folder of files: one model per file, keyed by the file's `id`
            many: dict[str, Strict] = {}
            names = sorted(p.relative_to(base).as_posix() for p in base.glob(spec.name) if p.is_file())
            if not names:
                problems.append(Problem(spec.name, 1, "(file)", f"no file matches; the app needs at least one in {base}"))
            for name in names:
                one = FileSpec(name, spec.model)
                data, lines, file_problems = _read_file(base / name, name)
                problems += file_problems
                if data is None:
                    continue
                raw[f"{key}:{name}"] = (one, data, lines)
                problems += _check_ids(data, (), {}, lines, name)
                model, invalid = _validate(one, data, lines)
                problems += invalid
                if model is not None:
                    if model.id in many:
                        problems.append(Problem(name, _line_of(lines, ("id",)), "id",
                                                f"id '{model.id}' is also used by another file in {spec.name}"))
                    many[model.id] = model
            models[key] = many
            continue
        data, lines, file_problems = _read_file(base / spec.name, spec.name)
        problems += file_problems
        if data is None:
            continue
        raw[key] = (spec, data, lines)
        problems += _check_ids(data, (), {}, lines, spec.name)
        model, invalid = _validate(spec, data, lines)
        problems += invalid
        if model is not None:
            models[key] = model
    if "sources" in raw:
        known = {s.get("id") for s in raw["sources"][1].get("sources") or [] if isinstance(s, dict)}
        for spec, data, lines in raw.values():
            problems += _check_source_refs(data, (), known, lines, spec.name)
    if problems:
        raise ContentError(problems)
    return Content(**models)


def load_one(key: str, directory: str | os.PathLike[str] | None = None) -> Strict | None:
    """One single-file model on its own, or None if that file has problems. The error screen uses
    it so the interface words and help lines still show when some other file is broken."""
    spec = FILES[key]
    base = Path(directory) if directory is not None else content_dir()
    data, lines, problems = _read_file(base / spec.name, spec.name)
    if data is None or problems:
        return None
    model, _ = _validate(spec, data, lines)
    return model


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


@functools.lru_cache(maxsize=4)
def _load_once(directory: str, stamp: tuple) -> Loaded:
    try:
        return Loaded(load_content(directory))
    except ContentError as e:
        return Loaded(None, tuple(e.problems))


def load_cached(directory: str | os.PathLike[str] | None = None) -> Loaded:
    """Load once per process; again only when a file in the folder changes (size or mtime)."""
    base = Path(directory) if directory is not None else content_dir()
    return _load_once(str(base), fingerprint(base))


# --------------------------------------------------------------------------- live checks of help lines

LIVE_CHECK_MONTHS = 6  # a confirmation older than this is stale


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def live_check_warnings(directory: str | os.PathLike[str] | None = None, today: date | None = None) -> list[Problem]:
    """Help-line and emergency-number entries of help.yaml that no person has confirmed on the live
    site, or confirmed more than LIVE_CHECK_MONTHS before `today` (default: the real today).
    Warnings, not errors: the app still runs, but whoever deploys it must confirm each entry."""
    base = Path(directory) if directory is not None else content_dir()
    spec = FILES["help"]
    data, lines, problems = _read_file(base / spec.name, spec.name)
    if data is None or problems:
        return []
    model, _ = _validate(spec, data, lines)
    if model is None:
        return []
    today = today or date.today()
    oldest = months_before(today, LIVE_CHECK_MONTHS)
    warnings: list[Problem] = []
    groups = ((("immediate_danger", "numbers"), model.immediate_danger.numbers), (("helplines",), model.helplines))
    for prefix, items in groups:
        for i, item in enumerate(items):
            path = prefix + (i, "confirmed_live_on")
            line, where = _line_of(lines, path), f"{_dotted(path)} ({item.id})"
            when = item.confirmed_live_on
            if when is None:
                message = "never confirmed on the organisation's own live site; confirm it, then set the date"
            elif when < oldest:
                message = (f"last confirmed live on {when.isoformat()}, more than {LIVE_CHECK_MONTHS} months "
                           f"before {today.isoformat()}; confirm it again")
            elif when > today:
                message = f"confirmed_live_on {when.isoformat()} is after today ({today.isoformat()})"
            else:
                continue
            warnings.append(Problem(spec.name, line, where, message))
    return sorted(warnings)


# --------------------------------------------------------------------------- CLI


def _cmd_check(directory: Path, today: date | None = None) -> int:
    try:
        content = load_content(directory)
    except ContentError as e:
        for p in e.problems:
            print(f"{directory / p.file}:{p.line}: {p.where}: {p.message}")
        n = len(e.problems)
        print(f"{n} problem{'s' if n != 1 else ''} found in {directory}", file=sys.stderr)
        return 1
    names = ", ".join(spec.name for spec in FILES.values())
    n_sources = len(content.sources.sources)
    print(f"OK: {directory}: {len(FILES)} files valid ({names}); {n_sources} sources, all references resolve")
    warnings = live_check_warnings(directory, today)
    for w in warnings:
        print(f"WARNING: {directory / w.file}:{w.line}: {w.where}: {w.message}")
    if warnings:
        n = len(warnings)
        print(f"{n} warning{'s' if n != 1 else ''}: confirm every help line and emergency number on the "
              "organisation's own site before the app is used (see the README)", file=sys.stderr)
    return 0


def schema_stem(spec: FileSpec) -> str:
    """`ui.yaml` -> `ui`; a folder of files (`workshops/*.yaml`) -> the folder's name."""
    return Path(spec.name).parent.name if spec.many else Path(spec.name).stem


def _cmd_schema(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for spec in FILES.values():
        target = out / (schema_stem(spec) + ".schema.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(spec.model.model_json_schema(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None, today: date | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.content", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder; exit 1 and list problems if any")
    check.add_argument("--content", type=Path, default=None, help="content folder (default: $CONTENT_DIR or content/)")
    check.add_argument("--today", type=date.fromisoformat, default=None,
                       help="the date to judge live checks against, YYYY-MM-DD (default: today)")
    schema = sub.add_parser("schema", help="write JSON Schema of every content file, for editors")
    schema.add_argument("--out", type=Path, default=ROOT / "schema", help="output folder (default: schema/)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _cmd_check((args.content or content_dir()).resolve(), args.today or today)
    return _cmd_schema(args.out)


if __name__ == "__main__":
    sys.exit(main())
