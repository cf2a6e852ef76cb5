"""What a page keeps in its URL, declared once: each parameter's name, what values it takes, its
default, and how it reads and writes. Pure (no streamlit import): the page registry
(components/navigation.py) holds every page's declaration, components/url_state.py binds widgets to
them, and components/facilitate/workshop.py checks the workshop plans' segment links against them.

    Param("week", Int(1, lambda c: c.cycle.over_time.weeks))        # ?week=N, clamped
    Param("model", Choice(lambda c: [v.id for v in c.cycle.cycle.versions]))
    Param("for", ListOf(AUDIENCES))                                  # ?for=child,teen
    Param("phase", Step(lambda c: 4))                                # 1-based in the URL, 0-based value

Bounds and choices may depend on the content (a callable taking the Content). Anything unreadable or
out of range reads as the nearest valid value or the default, never an error: a hand-edited or old
link still opens. `problem()` says what is wrong with a raw value, for checking links that we ship.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.content.registry import Content

Source = Callable[[Any], Any]  # content -> a bound, an option list, ...
FIRST = object()  # Choice default: the first option


def _resolve(value, content: Content | None):
    return value(content) if callable(value) else value


def _text(raw) -> str | None:
    """One raw URL value as a string (some Mapping views give lists: the last one wins)."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    return None if raw is None else str(raw)


@dataclass(frozen=True)
class Int:
    """A whole number in lo..hi (clamped); `default` when absent or unreadable (lo when None)."""

    lo: int | Source
    hi: int | Source
    default: int | None = None

    def default_value(self, content: Content | None) -> int:
        return _resolve(self.lo, content) if self.default is None else self.default

    def parse(self, raw: str | None, content: Content | None) -> int:
        lo, hi = _resolve(self.lo, content), _resolve(self.hi, content)
        try:
            n = int(raw) if raw is not None else self.default_value(content)
        except ValueError:
            n = self.default_value(content)
        return max(lo, min(hi, n))

    def to_url(self, value) -> str:
        return str(int(value))

    def problem(self, raw: str, content: Content | None) -> str | None:
        lo, hi = _resolve(self.lo, content), _resolve(self.hi, content)
        try:
            n = int(raw)
        except ValueError:
            return f"'{raw}' is not a whole number"
        return None if lo <= n <= hi else f"{n} is outside {lo}..{hi}"


@dataclass(frozen=True)
class Step:
    """A step of a step-through visual: 1-based in the URL (readable), 0-based as a value; clamped."""

    count: int | Source

    def default_value(self, content: Content | None) -> int:
        return 0

    def parse(self, raw: str | None, content: Content | None) -> int:
        return Int(1, lambda c: max(1, _resolve(self.count, c)), 1).parse(raw, content) - 1

    def to_url(self, value) -> str:
        return str(int(value) + 1)

    def problem(self, raw: str, content: Content | None) -> str | None:
        return Int(1, self.count).problem(raw, content)


@dataclass(frozen=True)
class Choice:
    """One of a set of ids (trimmed, lower case); `default` when absent or unknown: the first option
    unless given (None or "" for "nothing chosen")."""

    options: Sequence[str] | Source
    default: Any = FIRST

    def default_value(self, content: Content | None) -> str | None:
        return list(_resolve(self.options, content))[0] if self.default is FIRST else self.default

    def parse(self, raw: str | None, content: Content | None) -> str | None:
        value = (raw or "").strip().lower()
        return value if value in set(_resolve(self.options, content)) else self.default_value(content)

    def to_url(self, value) -> str:
        return str(value)

    def problem(self, raw: str, content: Content | None) -> str | None:
        options = list(_resolve(self.options, content))
        return None if raw in options else f"'{raw}' is not one of {', '.join(options)}"


@dataclass(frozen=True)
class ListOf:
    """Several ids, comma-separated in the URL: known ones only, each once, at most `most`."""

    options: Iterable[str] | Source
    most: int | None = None

    def default_value(self, content: Content | None) -> list[str]:
        return []

    def parse(self, raw: str | None, content: Content | None) -> list[str]:
        allowed = set(_resolve(self.options, content))
        out: list[str] = []
        for part in (raw or "").split(","):
            value = part.strip().lower()
            if value in allowed and value not in out:
                out.append(value)
        return out[: self.most] if self.most else out

    def to_url(self, value) -> str:
        return ",".join(value)

    def problem(self, raw: str, content: Content | None) -> str | None:
        allowed = set(_resolve(self.options, content))
        bad = [p for p in raw.split(",") if p.strip().lower() not in allowed]
        if bad:
            return f"unknown {', '.join(bad)}"
        if self.most and len(raw.split(",")) > self.most:
            return f"more than {self.most} values"
        return None


@dataclass(frozen=True)
class Flag:
    """On or off: `on` in the URL when on (1, true, yes, on and high all read as on)."""

    on: str = "1"
    off: str = "0"

    def default_value(self, content: Content | None) -> bool:
        return False

    def parse(self, raw: str | None, content: Content | None) -> bool:
        return (raw or "").strip().lower() in ("1", "true", "yes", "on", "high")

    def to_url(self, value) -> str:
        return self.on if value else self.off

    def problem(self, raw: str, content: Content | None) -> str | None:
        ok = ("1", "0", "true", "false", "yes", "no", "on", "off", self.on)
        return None if raw.strip().lower() in ok else f"'{raw}' is not on or off"


@dataclass(frozen=True)
class Text:
    """A short free value (a pairing code), cleaned by `clean`; empty when absent."""

    clean: Callable[[str], str] = str.strip

    def default_value(self, content: Content | None) -> str:
        return ""

    def parse(self, raw: str | None, content: Content | None) -> str:
        return self.clean(raw or "")

    def to_url(self, value) -> str:
        return str(value)

    def problem(self, raw: str, content: Content | None) -> str | None:
        return None if self.clean(raw) else f"'{raw}' is empty"


Kind = Int | Step | Choice | ListOf | Flag | Text


@dataclass(frozen=True)
class Param:
    """One URL parameter. By default its default value stays out of the URL. `keep_default`: a
    change back to the default is written too (a step-through's "1"). `pinned`: the value is written
    on every run, default or not (for a value other parameters are read against, e.g. which part of
    a page a link means)."""

    name: str
    kind: Kind
    keep_default: bool = False
    pinned: bool = False

    def default(self, content: Content | None):
        return self.kind.default_value(content)

    def parse(self, raw, content: Content | None):
        return self.kind.parse(_text(raw), content)

    def url_value(self, value, content: Content | None) -> str | None:
        """What the URL should say for `value`: None means "leave the parameter out"."""
        if value is None or (value == self.default(content) and not (self.keep_default or self.pinned)):
            return None
        return self.kind.to_url(value)

    def problem(self, raw, content: Content | None) -> str | None:
        return self.kind.problem(str(raw), content)


def by_name(params: Iterable[Param]) -> dict[str, Param]:
    return {p.name: p for p in params}
