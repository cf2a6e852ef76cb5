"""Pure helpers for the Get help page, its text page and the handouts (no streamlit import)."""

from __future__ import annotations

import re
from urllib.parse import quote

from components.language import preferred_tags
from components.url_params import Choice, Param
from components.wording import small

# A phone number as written in content: digits with spaces or dashes, perhaps a leading +.
_NUMBER = re.compile(r"\+?\d[\d -]*\d|\d")


def dial_address(number: str) -> str:
    """The tel: address of a number as written ("0808 2000 247" -> "tel:08082000247")."""
    return "tel:" + ("+" if number.strip().startswith("+") else "") + re.sub(r"\D", "", number)


def call_links(text: str) -> str:
    """Markdown: every phone number in `text` ("999 or 112") as a link a phone calls when tapped
    (Android does not find numbers in a page by itself)."""
    return _NUMBER.sub(lambda m: f"[{m.group(0)}]({dial_address(m.group(0))})", text)


def text_link(number: str, keyword: str | None = None) -> str:
    """Markdown: a text line as an sms: link that opens a message to it, with the keyword already
    in the message where the line has one (iOS and Android both read `?&body=`)."""
    address = "sms:" + re.sub(r"\D", "", number) + (f"?&body={quote(keyword)}" if keyword else "")
    return f"[{number}]({address})"


def channel_value(channel) -> str:
    """How a channel's number or address reads on the page: tappable where a phone can use it."""
    if channel.kind in ("phone", "tty"):
        return call_links(channel.value)
    if channel.kind == "text":
        return text_link(channel.value, channel.keyword)
    return channel.value


def region_for_locale(help_file, locale: str | None) -> str:
    """The region a reader most likely wants first, from the browser's language setting ("en-GB" ->
    the region listing GB), or "all" when it names no country we cover. Nothing is stored."""
    parts = (locale or "").replace("_", "-").split("-")
    country = parts[-1].upper() if len(parts) > 1 else ""
    return next((r.id for r in help_file.regions if country and country in r.countries), "all")


# The order of Get help's sections of lines (the first lines of the first three kinds are also at the
# very top of the page, one tap each; `?show=` puts the section a link asked for first).
LINE_KINDS = ("domestic-abuse", "crisis", "youth", "specialist", "directory")


def serves(line, region: str) -> bool:
    """Whether a line is listed for readers in `region` ('all': every line)."""
    return region == "all" or line.region == region or region in line.also_regions


# Each kind's place on Get help (its heading's anchor, in the app and the text edition, and the value of
# Get help's `?show=` that puts that section first): the safety line links the first two from every page.
KIND_ANCHORS = {
    "crisis": "crisis",
    "youth": "under-18",
    "domestic-abuse": "domestic-abuse",
    "specialist": "specialist",
    "directory": "directories",
}


# Get help's URL: ?show=crisis or ?show=under-18 (the safety line's links) puts that section first.
URL_PARAMS = (Param("show", Choice(tuple(KIND_ANCHORS.values()), default=None)),)


def kinds_in_order(show: str | None) -> list[str]:
    """Get help's sections of lines in order: the one a link asked for (`?show=under-18`) first."""
    chosen = next((k for k, anchor in KIND_ANCHORS.items() if anchor == show), None)
    return ([chosen] if chosen else []) + [k for k in LINE_KINDS if k != chosen]


def region_for_languages(help_file, accept_language: str | None) -> str:
    """The region a reader most likely wants first from an HTTP Accept-Language header
    ("en-GB,en;q=0.9"): the first language tag, by preference, that names a country we cover; "all"
    when none does. Used by the text edition, which has no browser script; nothing is stored."""
    for tag in preferred_tags(accept_language):
        region = region_for_locale(help_file, tag)
        if region != "all":
            return region
    return "all"


def helplines_in(help_file, region: str, kind: str | None = None) -> list:
    """The helplines of one region id, or all of them for 'all', in the content's order; only those
    of one `kind` (crisis, youth, ...) when it is given. International directories serve every region."""
    return [
        h
        for h in help_file.helplines
        if (serves(h, region) or (region != "all" and h.kind == "directory" and h.region == "international"))
        and (kind is None or h.kind == kind)
    ]


def first_line(help_file, region: str, kind: str):
    """The first line of a kind for a region (the one a page names beside the emergency number), or
    None where the region has none of its own (a directory does not count)."""
    if region == "all":
        return None
    own = [h for h in help_file.helplines if h.kind == kind and h.region == region]
    shared = [h for h in help_file.helplines if h.kind == kind and region in h.also_regions]
    return next(iter(own + shared), None)  # a line of the region's own before one it shares (US and Canada)


def lines_for_friends(help_file, region: str) -> list:
    """The lines whose sources say they also serve friends, family or people worried about someone."""
    return [h for h in helplines_in(help_file, region) if h.for_friends]


def numbers_first(help_file, region: str) -> tuple[list, list]:
    """The emergency numbers a reader in `region` sees first, in full, and the rest (every number for
    'all' or a region without one of its own), each list in the content's order."""
    numbers = help_file.immediate_danger.numbers
    first = [n for n in numbers if region in n.regions]
    return first, [n for n in numbers if n not in first]


def number_short(number) -> str:
    """One emergency number as a short Markdown item: where, and the number a phone calls when tapped
    (its note and live status are said in its full line, `number_line`)."""
    return f"- **{number.region}: {call_links(number.number)}**"


def line_flag(line, labels: dict[str, str]) -> str:
    """A helpline's flag, if the research raised one, as one quiet line of text with a sign (⚠ or ℹ),
    so the colour of a warning box is not what says it: '' when there is nothing to flag."""
    if line.status == "seen" and not line.status_note:
        return ""
    sign = "ℹ" if line.status == "seen" else "⚠"
    return f"{sign} **{labels['help_flag']}** ({labels['status_' + line.status]}). {line.status_note or ''}".strip()


def live_status(item, labels: dict[str, str], published: str) -> str:
    """What is true about where an entry's details come from: the date a person confirmed it on the
    organisation's live site, or, until someone has, that it is as published on `published` (an ISO
    date) and not yet confirmed. Helplines name the pages they were seen in; emergency numbers do not."""
    seen_in = getattr(item, "seen_in", None)
    confirmed = item.confirmed_live_on.isoformat() if item.confirmed_live_on else None
    if seen_in is None:
        return (
            labels["help_number_confirmed"].format(confirmed=confirmed)
            if confirmed
            else labels["help_number_not_confirmed"].format(date=published)
        )
    if confirmed:
        return labels["help_confirmed"].format(confirmed=confirmed, seen_in=seen_in)
    return labels["help_not_confirmed"].format(date=published, seen_in=seen_in)


def number_line(number, labels: dict[str, str], published: str) -> str:
    """One emergency number as a Markdown list item, with its note, any flag and its live status."""
    return (
        f"- **{number.region}: {call_links(number.number)}**"
        + (f" — {number.note}" if number.note else "")
        + status_flag(number, labels)
        + " "
        + small(f"({live_status(number, labels, published)})")
    )


def status_flag(item, labels: dict[str, str]) -> str:
    """A visible text flag for anything the research marked unverified or conflicting."""
    if item.status == "seen":
        return f" (ℹ {item.status_note})" if item.status_note else ""
    return f" ⚠ **{labels['status_' + item.status]}**" + (f": {item.status_note}" if item.status_note else "")


CHANNEL_ICONS = {"phone": "📞", "text": "💬", "chat": "💬", "web": "🌐", "email": "✉️", "tty": "⌨️", "whatsapp": "💬"}


def helpline_text(line, labels: dict[str, str], published: str) -> str:
    """A helpline's details as one Markdown block: who runs it, how to reach it, hours, languages,
    who it is for, its website, and where it was seen and whether anyone has confirmed it live
    (`published`: the ISO date the entries were gathered)."""
    parts = [
        small(line.organisation),
        "\n".join(
            f"- {CHANNEL_ICONS[c.kind]} **{labels['channel_' + c.kind]}:** {channel_value(c)}"
            + (f" ({c.note})" if c.note else "")
            for c in line.channels
        ),
        f"**{labels['help_hours']}:** {line.hours}",
    ]
    if line.languages:
        parts.append(f"**{labels['help_languages']}:** {line.languages}")
    parts.append(f"**{labels['help_who']}:** {line.who}")
    if line.for_friends:  # said only where the sources say so (help.yaml `for_friends`)
        parts.append(f"**{labels['help_for_friends']}**")
    if line.url:
        parts.append(f"{labels['help_website']}: {line.url}")
    flag = line_flag(line, labels)
    if flag:
        parts.append(small(flag))
    parts.append(small(live_status(line, labels, published)))
    return "\n\n".join(parts)
