"""Pure helpers for the Get help page and the handouts (which must not import streamlit, so
`components.text.small` is imported where it is used)."""

from __future__ import annotations


def helplines_in(help_file, region: str) -> list:
    """The helplines of one region id, or all of them for 'all' (international directories last)."""
    return [h for h in help_file.helplines if region == "all" or h.region == region]


def live_status(item, labels: dict[str, str], published: str) -> str:
    """What is true about where an entry's details come from: the date a person confirmed it on the
    organisation's live site, or, until someone has, that it is as published on `published` (an ISO
    date) and not yet confirmed. Helplines name the pages they were seen in; emergency numbers do not."""
    seen_in = getattr(item, "seen_in", None)
    confirmed = item.confirmed_live_on.isoformat() if item.confirmed_live_on else None
    if seen_in is None:
        return (labels["help_number_confirmed"].format(confirmed=confirmed) if confirmed
                else labels["help_number_not_confirmed"].format(date=published))
    if confirmed:
        return labels["help_confirmed"].format(confirmed=confirmed, seen_in=seen_in)
    return labels["help_not_confirmed"].format(date=published, seen_in=seen_in)


def number_line(number, labels: dict[str, str], published: str) -> str:
    """One emergency number as a Markdown list item, with its note, any flag and its live status."""
    from components.text import small

    return (f"- **{number.region}: {number.number}**" + (f" — {number.note}" if number.note else "")
            + status_flag(number, labels) + " " + small(f"({live_status(number, labels, published)})"))


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
    from components.text import small

    parts = [small(line.organisation),
             "\n".join(f"- {CHANNEL_ICONS[c.kind]} **{labels['channel_' + c.kind]}:** {c.value}"
                       + (f" ({c.note})" if c.note else "") for c in line.channels),
             f"**{labels['help_hours']}:** {line.hours}"]
    if line.languages:
        parts.append(f"**{labels['help_languages']}:** {line.languages}")
    parts.append(f"**{labels['help_who']}:** {line.who}")
    if line.url:
        parts.append(f"{labels['help_website']}: {line.url}")
    parts.append(small(live_status(line, labels, published)))
    return "\n\n".join(parts)
