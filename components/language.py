"""Which edition a reader gets: the `?lang=` they asked for, else the first of their browser's
languages that is offered, else English (the reference edition). Pure functions of their inputs:
nothing is stored, and no streamlit is imported (the app, the text edition and the tests share them).
`offered` comes from components.content.offered_locales (complete editions only); a pseudo-locale
(`hidden`) is given only to a reader who asks for it by name."""

from __future__ import annotations

from collections.abc import Collection, Sequence

REFERENCE = "en"  # the English edition: content/ itself, against which every locale is checked


def preferred_tags(accept_language: str | None) -> list[str]:
    """The language tags of an HTTP Accept-Language header ("es-MX,es;q=0.9,en;q=0.8"), most wanted
    first (by q, then by position); a tag with q=0 or a bad q is last. `*` is left out."""
    tags = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        try:
            q = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            q = 0.0
        if tag and tag != "*":
            tags.append((-q, position, tag.replace("_", "-")))
    return [tag for _, _, tag in sorted(tags)]


def match(tag: str | None, offered: Sequence[str]) -> str | None:
    """The offered locale for one tag: the same tag (any case), else the same language (`es-MX` ->
    `es`, `pt` -> `pt-BR`), else None."""
    if not tag:
        return None
    want = tag.replace("_", "-").lower()
    for locale in offered:
        if locale.lower() == want:
            return locale
    base = want.split("-")[0]
    return next((locale for locale in offered if locale.lower().split("-")[0] == base), None)


def choose_locale(asked: str | None, browser: str | None, offered: Sequence[str], hidden: Collection[str] = ()) -> str:
    """The edition to show: `asked` (the `?lang=` value) when offered; else the first of the browser's
    languages (`st.context.locale`, or an Accept-Language header) that is offered and not `hidden`;
    else English."""
    chosen = match(asked, offered)
    if chosen:
        return chosen
    shown = [locale for locale in offered if locale not in hidden]
    for tag in preferred_tags(browser):
        chosen = match(tag, shown)
        if chosen:
            return chosen
    return REFERENCE
