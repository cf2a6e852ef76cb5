"""The handouts' "Where to get help" section: the emergency number of one region, its crisis and youth
lines (or the crisis step where it has none), its domestic-abuse lines, the lines that also serve
friends and family, the directories of lines elsewhere, and the app's address (never a local one,
which no phone in the room can open).

The participant handout has two A4 pages, and help.yaml grows: `choose` takes a budget (how many
lines of each kind), and the handout tries the most generous budget first, then smaller ones, until
it fits (`BUDGETS`). The first lines of each kind are kept; Get help in the app lists the rest.
Pure: no streamlit; the document is handouts._Doc, passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from components.address import is_local
from components.facilitate.workshop import sentences
from components.help import helplines_in, lines_for_friends, live_status

if TYPE_CHECKING:
    from components.content.registry import Content

FRIENDS_PAGE = "worried-about-someone"


@dataclass(frozen=True)
class Budget:
    """How much of a region's list a handout prints: at most `per_kind` lines of each kind (None:
    all), at most `friends` lines for friends and family not already listed, and whether each line
    names where it was seen (its live status is said in any case)."""

    per_kind: int | None = None
    friends: int | None = None
    seen_in: bool = True


# Most generous first; the participant handout takes the first that fits on two pages.
BUDGETS = (Budget(), Budget(3, 2, False), Budget(2, 1, False), Budget(1, 1, False))
FULL = BUDGETS[0]


@dataclass(frozen=True)
class Chosen:
    """The lines one handout prints for a region, by group, each list in help.yaml's order."""

    crisis: list = field(default_factory=list)
    youth: list = field(default_factory=list)
    abuse: list = field(default_factory=list)
    friends: list = field(default_factory=list)  # for friends and family, not in another group
    friends_listed: list = field(default_factory=list)  # for friends and family too, in another group
    directories: list = field(default_factory=list)

    def printed(self) -> list:
        return [*self.crisis, *self.youth, *self.abuse, *self.friends, *self.directories]


def choose(help_file, region: str, budget: Budget = FULL) -> Chosen:
    """The lines of `region` (a help.yaml region id) a handout prints within `budget`."""

    def first(kind: str) -> list:
        return helplines_in(help_file, region, kind)[: budget.per_kind]

    crisis, youth, abuse, directories = first("crisis"), first("youth"), first("domestic-abuse"), first("directory")
    listed = {line.id for line in (*crisis, *youth, *abuse, *directories)}
    friends = lines_for_friends(help_file, region)
    return Chosen(
        crisis,
        youth,
        abuse,
        [line for line in friends if line.id not in listed][: budget.friends],
        [line for line in friends if line.id in listed],
        directories,
    )


def _item(line, L: dict[str, str], status: str) -> str:
    ways = "; ".join(
        f"{L.get('channel_' + c.kind, c.kind)}: {c.value}"
        + (f" ({L['facilitate_pdf_text_word'].format(word=c.keyword)})" if c.keyword else "")
        for c in line.channels
    )
    return f"**{line.name}** ({line.hours}). {ways}. {status}".strip()


def help_section(doc, content: Content, region_id: str, once, address: str | None, budget: Budget = FULL) -> None:
    """Print the section into `doc` (handouts._Doc); `once` drops sentences the document has said."""
    L = content.ui.labels
    h = content.help
    regions = {r.id: r for r in h.regions}
    chosen_region = regions.get(region_id) or h.regions[0]
    name = chosen_region.name
    published = h.published_on.isoformat()

    def status(line) -> str:
        said = live_status(line, L, published)
        return once(said if budget.seen_in else sentences(said)[0])

    def lines(items) -> None:
        if items:
            doc.bullets([_item(line, L, status(line)) for line in items], 10)

    doc.heading(L["facilitate_pdf_help"], 13)
    doc.para(once(h.immediate_danger.intro), 10)
    numbers = [n for n in h.immediate_danger.numbers if n.region == name] or h.immediate_danger.numbers
    doc.bullets(
        [
            f"**{n.region}: {n.number}**"
            + (f" {once(n.note)}" if n.note and len(numbers) == 1 else "")
            + f" ({once(live_status(n, L, published))})".replace(" ()", "")
            for n in numbers
        ],
        10,
    )
    picked = choose(h, chosen_region.id, budget)
    if picked.crisis:
        doc.para(L["facilitate_pdf_crisis"], 10)
        lines(picked.crisis)
    else:  # what Get help says where no crisis line is listed: a person in crisis is never left without a step
        doc.para(once(h.crisis_step), 10)
    if picked.youth:
        doc.heading(L["help_kind_youth"], 11)
        lines(picked.youth)
    if picked.abuse:
        doc.heading(L["facilitate_pdf_region_lines"].format(region=name), 11)
        lines(picked.abuse)
    page = content.ui.pages.get(FRIENDS_PAGE)
    doc.heading(L["facilitate_pdf_friends_heading"], 11)
    if page is not None:
        doc.para(L["facilitate_pdf_friends"].format(page=page.title), 10)
    if picked.friends:
        doc.para(L["facilitate_pdf_friends_lines"], 10)
        lines(picked.friends)
    if picked.friends_listed:
        doc.para(
            L["facilitate_pdf_friends_also"].format(names=", ".join(line.name for line in picked.friends_listed)), 10
        )
    if picked.directories:
        doc.heading(L["help_kind_directory"], 11)
        lines(picked.directories)
    doc.para(L["facilitate_pdf_more_lines"].format(region=name), 10)
    doc.small(L["facilitate_pdf_checked"].format(date=published))
    if address and not is_local(address):  # a local address opens on no phone in the room
        doc.para(L["facilitate_pdf_address"].format(address=address), 11)
