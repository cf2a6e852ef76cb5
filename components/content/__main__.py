"""The content CLI: `python -m components.content check [--content DIR] [--today YYYY-MM-DD]` lists
every problem as `file:line: where: what` (exit 1) or says the folder is valid and warns about help
lines nobody has confirmed live (exit 0); `check --locale es` checks a translation against the English
files (components/content/locale.py) and prints its coverage; `pseudo [--locale xx]` writes the
pseudo-locale; `python -m components.content schema [--out DIR]` writes the JSON Schema of every
content file, for editors."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import components.content as package
from components.content.edition import review_warnings
from components.content.editions import check_locale, coverage_table
from components.content.env import ROOT, content_dir
from components.content.live_check import live_check_warnings
from components.content.loader import load_content
from components.content.locale import is_locale
from components.content.problems import ContentError
from components.content.pseudo import PSEUDO, write_pseudo
from components.content.registry import FILES, schema_stem
from components.models.edition import EditionFile


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
        print(
            f"{n} warning{'s' if n != 1 else ''}: confirm every help line and emergency number on the "
            "organisation's own site before the app is used (see the README)",
            file=sys.stderr,
        )
    return 0


def _cmd_check_locale(directory: Path, locale: str) -> int:
    """`check --locale es`: what does not fit or is invalid (exit 1), what is untranslated, the coverage."""
    if not (directory / locale).is_dir() or not is_locale(locale):
        print(f"no locale folder {directory / locale} (a BCP 47 tag such as es or pt-BR)", file=sys.stderr)
        return 1
    result = check_locale(directory, locale)
    for p in result.problems:
        print(f"{directory / p.file}:{p.line}: {p.where}: {p.message}")
    for p in result.untranslated:
        print(f"UNTRANSLATED: {directory / p.file}:{p.line}: {p.where}: {p.message}")
    print("\n".join(coverage_table(result)))
    for w in review_warnings(directory, locale):
        print(f"WARNING: {directory / w.file}:{w.line}: {w.where}: {w.message}")
    if result.problems:
        n = len(result.problems)
        print(f"{n} problem{'s' if n != 1 else ''} found in {directory / locale}", file=sys.stderr)
        return 1
    offered = "offered to readers" if result.complete else "not offered to readers until every string is translated"
    print(f"OK: {directory / locale}: fits the English files; {result.translated} of {result.total} strings; {offered}")
    return 0


def _cmd_pseudo(directory: Path, locale: str) -> int:
    written = write_pseudo(directory, locale)
    print(f"wrote {len(written)} files in {directory / locale}")
    return 0


def _cmd_schema(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for spec in FILES.values():
        target = out / (schema_stem(spec) + ".schema.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(spec.model.model_json_schema(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    target = out / "edition.schema.json"  # a locale's review trail, content/<locale>/edition.yaml
    target.write_text(json.dumps(EditionFile.model_json_schema(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None, today: date | None = None) -> int:
    # The description is the package's first line, as `--help` showed it before the package split.
    parser = argparse.ArgumentParser(prog="python -m components.content", description=package.__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder; exit 1 and list problems if any")
    check.add_argument("--content", type=Path, default=None, help="content folder (default: $CONTENT_DIR or content/)")
    check.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the date to judge live checks against, YYYY-MM-DD (default: today)",
    )
    check.add_argument(
        "--locale", default=None, help="check a translation: content/<locale>/ against the English files"
    )
    pseudo = sub.add_parser("pseudo", help="write the pseudo-locale content/<locale>/ from the English files")
    pseudo.add_argument("--content", type=Path, default=None, help="content folder (default: $CONTENT_DIR or content/)")
    pseudo.add_argument("--locale", default=PSEUDO, help=f"the pseudo-locale's folder (default: {PSEUDO})")
    schema = sub.add_parser("schema", help="write JSON Schema of every content file, for editors")
    schema.add_argument("--out", type=Path, default=ROOT / "schema", help="output folder (default: schema/)")
    args = parser.parse_args(argv)
    if args.command == "check" and args.locale:
        return _cmd_check_locale((args.content or content_dir()).resolve(), args.locale)
    if args.command == "check":
        return _cmd_check((args.content or content_dir()).resolve(), args.today or today)
    if args.command == "pseudo":
        return _cmd_pseudo((args.content or content_dir()).resolve(), args.locale)
    return _cmd_schema(args.out)


if __name__ == "__main__":
    sys.exit(main())
