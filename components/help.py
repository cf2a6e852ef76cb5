"""Pure helpers for the Get help page."""

from __future__ import annotations


def helplines_in(help_file, region: str) -> list:
    """The helplines of one region id, or all of them for 'all' (international directories last)."""
    return [h for h in help_file.helplines if region == "all" or h.region == region]


def status_flag(item, labels: dict[str, str]) -> str:
    """A visible text flag for anything the research marked unverified or conflicting."""
    if item.status == "seen":
        return f" (ℹ {item.status_note})" if item.status_note else ""
    return f" ⚠ **{labels['status_' + item.status]}**" + (f": {item.status_note}" if item.status_note else "")
