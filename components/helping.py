"""Pure logic of the Worried about someone page and its text page (no streamlit): which lines a
reader in one region sees at the end of the page, each line once, for whatever lines help.yaml holds.

Order: the region's emergency number, its first crisis line, its first youth line, then
every line whose sources say it also serves friends and family (components.help.lines_for_friends)."""

from __future__ import annotations

from dataclasses import dataclass, field

from components.help import first_line, lines_for_friends, numbers_first
from components.models.help import Helpline


@dataclass(frozen=True)
class LinesFor:
    """What the page shows for one region id ("all": every region)."""

    region: str
    numbers: list = field(default_factory=list)  # the region's own emergency numbers, in full
    other_numbers: list = field(default_factory=list)  # every other number (one short line each)
    crisis: Helpline | None = None  # the region's first crisis line, if it has one of its own
    youth: Helpline | None = None  # the region's first line for children and young people
    friends: list = field(default_factory=list)  # lines that say they also serve friends and family

    def lines(self) -> list:
        """Every line shown, in order, each once."""
        return [x for x in (self.crisis, self.youth) if x is not None] + self.friends

    def is_empty(self) -> bool:
        return not (self.numbers or self.lines())


def lines_for(help_file, region: str) -> LinesFor:
    """The emergency numbers and lines for a reader in `region`; a crisis or youth line that also
    serves friends is shown once, under its own kind."""
    numbers, others = numbers_first(help_file, region)
    crisis, youth = first_line(help_file, region, "crisis"), first_line(help_file, region, "youth")
    shown = {x.id for x in (crisis, youth) if x is not None}
    friends = [h for h in lines_for_friends(help_file, region) if h.id not in shown]
    return LinesFor(region, numbers, others, crisis, youth, friends)


def regions_with_lines(help_file) -> list[LinesFor]:
    """Every region that has a number or a line to show (the text page lists them all)."""
    return [found for found in (lines_for(help_file, r.id) for r in help_file.regions) if not found.is_empty()]
