"""Warnings, not errors, about help lines: every emergency number and help line in help.yaml must be
confirmed by a person on the organisation's own live site, and again every LIVE_CHECK_MONTHS. The app
still runs without it, but `check` tells whoever deploys it which entries are unconfirmed or stale."""

from __future__ import annotations

import calendar
import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from components.content.loader import load_valid
from components.content.problems import Problem, dotted, line_of
from components.content.registry import FILES
from components.models.help import HelpFile

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
    model, lines = load_valid("help", directory)
    if not isinstance(model, HelpFile):  # help.yaml has problems of its own: `check` reports those
        return []
    name = FILES["help"].name
    today = today or date.today()
    oldest = months_before(today, LIVE_CHECK_MONTHS)
    warnings: list[Problem] = []
    groups: tuple[tuple[tuple[str | int, ...], Sequence[Any]], ...] = (
        (("immediate_danger", "numbers"), model.immediate_danger.numbers),
        (("helplines",), model.helplines),
    )
    for prefix, items in groups:
        for i, item in enumerate(items):
            path = prefix + (i, "confirmed_live_on")
            line, where = line_of(lines, path), f"{dotted(path)} ({item.id})"
            when = item.confirmed_live_on
            if when is None:
                message = "never confirmed on the organisation's own live site; confirm it, then set the date"
            elif when < oldest:
                message = (
                    f"last confirmed live on {when.isoformat()}, more than {LIVE_CHECK_MONTHS} months "
                    f"before {today.isoformat()}; confirm it again"
                )
            elif when > today:
                message = f"confirmed_live_on {when.isoformat()} is after today ({today.isoformat()})"
            else:
                continue
            warnings.append(Problem(name, line, where, message))
    return sorted(warnings)
