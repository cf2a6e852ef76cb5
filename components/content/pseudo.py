"""The pseudo-locale: a made-up edition, written by a script from the English files, that shows what a
translation will do to the app before anyone translates a word. Every text string is bracketed (`«...»`,
so a cut-off end shows), about 35% longer (as many languages run longer than English) and written with
accented letters (so an English word left in the page stands out, and the fonts are tried). Markdown,
link targets, placeholders (`{n}`), URLs and e-mail addresses are kept as they are. A field with a
`max_length` in its model grows only as far as the limit allows.

`python -m components.content pseudo [--locale xx]` writes `content/<locale>/`, a locale made of files
alone: the loader, the checker and `offered_locales` treat it like any other.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import annotated_types
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from components.content.locale import is_text_key, keyed_by_id
from components.content.parse import read_file
from components.content.registry import FILES
from components.models.base import Strict

PSEUDO = "xx"
GROWTH = 0.35
# Not [ and ]: in Markdown, "[Website]: https://..." at the start of a paragraph is a link definition, and
# the paragraph vanishes. Guillemets mean nothing to Markdown, and every font has them.
BRACKETS = ("«", "»")

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
ACCENTS = str.maketrans(_PLAIN, _ACCENTED)
_VOWELS = set("áéîöûýÅÉÎÖÛÝ")
# Kept exactly: placeholders, Markdown link targets, autolinks, inline code, URLs, e-mail addresses,
# Material icon names, HTML entities and URL parameters (`?present=1`).
PROTECTED = re.compile(
    r"\{[^{}]*\}|\]\([^)]*\)|<[^<>\s]*>|`[^`]*`|https?://[^\s)\]]+|[\w.+-]+@[\w-]+\.[\w.]+|:material/[a-z_]+:|&[a-z]+;|\?[a-z_]+=[\w-]*"
)
WORD = re.compile(r"[A-Za-z]+")
# Markdown that must stay first on the line: list bullets, numbers, headings, quotes.
BLOCK_START = re.compile(r"^(?:\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*))*")


def _grow(word: str, extra: int) -> str:
    """A word in accented letters, `extra` letters longer: each vowel doubled in turn, then the word
    repeated if it has too few vowels."""
    out, left = [], extra
    for ch in word.translate(ACCENTS):
        out.append(ch)
        if left and ch in _VOWELS:
            out.append(ch)
            left -= 1
    grown = "".join(out)
    base = word.translate(ACCENTS)
    while left:
        grown += base[: min(left, len(base))]
        left -= min(left, len(base))
    return grown


def _free_parts(text: str) -> list[tuple[bool, str]]:
    """(translatable, part) in order: the protected spans are not translatable."""
    parts, at = [], 0
    for m in PROTECTED.finditer(text):
        parts += [(True, text[at : m.start()]), (False, m.group())]
        at = m.end()
    return [*parts, (True, text[at:])]


def pseudo_text(text: str, limit: int | None = None) -> str:
    """`text` bracketed, accented and about GROWTH longer, within `limit` characters if given."""
    stripped = text.rstrip()
    tail = text[len(stripped) :]
    lead = BLOCK_START.match(stripped)
    start = lead.end() if lead else 0
    brackets = 2 if limit is None or len(text) + 2 <= limit else 0
    extra = round(GROWTH * len(text)) - brackets
    if limit is not None:
        extra = min(extra, limit - len(text) - brackets)
    parts = _free_parts(stripped[start:])
    letters = sum(len(w) for free, part in parts if free for w in WORD.findall(part))
    extra = max(extra, 0) if letters else 0
    done, seen = [], 0

    def one(m: re.Match[str]) -> str:
        nonlocal seen
        before = seen
        seen += len(m.group())
        return _grow(m.group(), round(extra * seen / letters) - round(extra * before / letters))

    for free, part in parts:
        done.append(WORD.sub(one, part) if free else part)
    body = "".join(done)
    opened, closed = BRACKETS if brackets else ("", "")
    return f"{stripped[:start]}{opened}{body}{closed}{tail}"


def _candidates(tp: Any) -> list[Any]:
    if get_origin(tp) in (Union, types.UnionType):
        return [a for a in get_args(tp) if a is not type(None)]
    return [tp]


def limit_at(model: type[BaseModel], path: tuple[str | int, ...]) -> int | None:
    """The `max_length` the model sets on the string at `path`, if any."""
    tp: Any = model
    info: FieldInfo | None = None
    for step in path:
        found: tuple[Any, FieldInfo | None] | None = None
        for cand in _candidates(tp):
            if isinstance(step, int) and get_origin(cand) is list:
                found = (get_args(cand)[0], None)
            elif isinstance(cand, type) and issubclass(cand, BaseModel) and step in cand.model_fields:
                found = (cand.model_fields[str(step)].annotation, cand.model_fields[str(step)])
            elif get_origin(cand) is dict:
                found = (get_args(cand)[1], None)
        if found is None:
            return None
        tp, info = found
    limits = [m.max_length for m in (info.metadata if info else []) if isinstance(m, annotated_types.MaxLen)]
    return min(limits) if limits else None


def pseudo_data(english: Any, model: type[Strict], path: tuple[str | int, ...] = (), parent: str | None = None) -> Any:
    """The locale file for `english`: only its text (and the ids that align it), made pseudo. None
    where there is no text at all beneath."""
    if isinstance(english, str):
        return pseudo_text(english, limit_at(model, path))
    if isinstance(english, dict):
        out = {}
        keyed = keyed_by_id(path, parent)
        for key, value in english.items():
            if keyed or is_text_key(parent, key, value):
                made = pseudo_data(value, model, path + (key,), parent if keyed else key)
                if made is not None:
                    out[key] = made
        if not out:
            return None
        return {"id": english["id"], **out} if isinstance(english.get("id"), str) else out
    if isinstance(english, list):
        items = [pseudo_data(v, model, path + (i,), parent) for i, v in enumerate(english)]
        if all(i is None for i in items):
            return None
        return [
            item if item is not None else ({"id": e["id"]} if isinstance(e, dict) and "id" in e else {})
            for e, item in zip(english, items, strict=True)
        ]
    return None


def english_names(base: Path) -> list[tuple[str, type[Strict]]]:
    """Every English content file in `base` (relative name) and its model, in registry order."""
    out = []
    for spec in FILES.values():
        names = sorted(p.relative_to(base).as_posix() for p in base.glob(spec.name) if p.is_file())
        out += [(name, spec.model) for name in names]
    return out


def write_pseudo(base: Path, locale: str = PSEUDO) -> list[Path]:
    """Write `<base>/<locale>/` from the English files; return the files written."""
    written = []
    for name, model in english_names(base):
        data, _, problems = read_file(base / name, name)
        if data is None or problems:
            raise ValueError(f"{name} has problems; run `check` first")
        target = base / locale / name
        target.parent.mkdir(parents=True, exist_ok=True)
        header = f"# Pseudo-locale '{locale}', made from content/{name} by `python -m components.content pseudo`. Do not edit.\n"
        body = yaml.safe_dump(pseudo_data(data, model) or {}, allow_unicode=True, sort_keys=False, width=110)
        target.write_text(header + body, encoding="utf-8")
        written.append(target)
    edition = base / locale / "edition.yaml"  # its review trail says what it is: never for readers
    edition.write_text(
        f"# Pseudo-locale '{locale}', made by `python -m components.content pseudo`. Do not edit.\n"
        + yaml.safe_dump({"name": f"[Pseudo {locale}]", "pseudo": True}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return [*written, edition]
