"""Pure helpers for the Get help page."""

from __future__ import annotations

from components.text import small


def helplines_in(help_file, region: str) -> list:
    """The helplines of one region id, or all of them for 'all' (international directories last)."""
    return [h for h in help_file.helplines if region == "all" or h.region == region]


def status_flag(item, labels: dict[str, str]) -> str:
    """A visible text flag for anything the research marked unverified or conflicting."""
    if item.status == "seen":
        return f" (ℹ {item.status_note})" if item.status_note else ""
    return f" ⚠ **{labels['status_' + item.status]}**" + (f": {item.status_note}" if item.status_note else "")


CHANNEL_ICONS = {"phone": "📞", "text": "💬", "chat": "💬", "web": "🌐", "email": "✉️", "tty": "⌨️", "whatsapp": "💬"}


def helpline_text(line, labels: dict[str, str], checked: str) -> str:
    """A helpline's details as one Markdown block: who runs it, how to reach it, hours, languages,
    who it is for, its website, and when and where it was checked (`checked`: an ISO date)."""
    parts = [small(line.organisation),
             "\n".join(f"- {CHANNEL_ICONS[c.kind]} **{labels['channel_' + c.kind]}:** {c.value}"
                       + (f" ({c.note})" if c.note else "") for c in line.channels),
             f"**{labels['help_hours']}:** {line.hours}"]
    if line.languages:
        parts.append(f"**{labels['help_languages']}:** {line.languages}")
    parts.append(f"**{labels['help_who']}:** {line.who}")
    if line.url:
        parts.append(f"{labels['help_website']}: {line.url}")
    parts.append(small(f"{labels['help_checked']}: {checked}. {line.seen_in}"))
    return "\n\n".join(parts)
