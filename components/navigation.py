"""The page registry: which pages exist, in which section, at which URL.

Titles, icons and descriptions come from content/ui.yaml (`pages:`); this file only says where
the code is: `pages/<id>.py`, a thin script that starts with `content = page_content()`, which
content files the page shows (`uses`), which URL parameters it keeps (`params`, declared beside
each page's logic; bound to widgets by components/url_state.py, and the workshop plans' links are
checked against them) and which function writes its text page (`text`; components/text_edition/
builds TEXT_PAGES from it). Tests take page ids and content files from here, never a copied list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from components import comparison, cycle, help, perspectives, practice, room_record, therapies, trauma_healing
from components.facilitate import pairing
from components.url_params import Choice, Param, Step, Text

if TYPE_CHECKING:
    from components.content.registry import Content

# The run-session page's own parameters (the facilitator tools' reserved names; see models/workshops.py)
RUN_SESSION_PARAMS = (
    Param("view", Choice(("projector", "notes", "agreement"))),  # agreement: the projected opening screen
    Param("pair", Text(pairing.normalise)),
    Param("plan", Choice(lambda c: list(c.workshops)), pinned=True),
    Param("segment", Step(lambda c: max(len(p.segments()) for p in c.workshops.values())), keep_default=True),
)
JOIN_PARAMS = (Param("code", Text(room_record.normalise)),)  # the live room's code (from the QR code)


@dataclass(frozen=True)
class PageSpec:
    id: str  # kebab-case; also the URL path and the key in ui.yaml `pages:`
    section: str  # key in ui.yaml `sections:`
    # The content files the page shows (its text page carries all their words; Sources lists what they cite).
    uses: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()  # what the page keeps in its URL (the one declaration)
    # Its text page's renderer, "module.function" in components/text_edition/, called as
    # function(content, doc). A name, not the function: the renderers import this registry, so
    # components/text_edition/__init__.py imports them when it builds TEXT_PAGES. None: no text page
    # (the facilitator's tools need the app).
    text: str | None = None

    @property
    def path(self) -> str:
        # The file name equals the URL path on purpose: Streamlit's legacy router then gives a
        # direct run of the file the same page hash as st.navigation does (see shell.page_content).
        return f"pages/{self.id}.py"


# Order here is the order in the navigation. The first page is the default.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("welcome", "start", uses=("welcome",), text="welcome.render"),
    PageSpec("cycle", "understand", uses=("cycle",), params=cycle.URL_PARAMS, text="cycle.render"),
    PageSpec(
        "healthy-vs-toxic",
        "understand",
        uses=("comparison", "scenarios"),
        params=comparison.URL_PARAMS,
        text="healthy_vs_toxic.render",
    ),
    PageSpec(
        "relational-trauma",
        "understand",
        uses=("relational_trauma",),
        params=trauma_healing.RELATIONAL_TRAUMA_PARAMS,
        text="relational_trauma.render",
    ),
    PageSpec("healing", "heal", uses=("healing",), params=trauma_healing.HEALING_PARAMS, text="healing.render"),
    PageSpec("therapies", "heal", uses=("therapies",), params=therapies.URL_PARAMS, text="heal.therapies"),
    PageSpec("perspectives", "heal", uses=("perspectives",), params=perspectives.URL_PARAMS, text="heal.perspectives"),
    PageSpec("get-help", "support", uses=("help",), params=help.URL_PARAMS, text="get_help.render"),
    PageSpec(
        "worried-about-someone",
        "support",
        uses=("helping", "practice"),
        params=practice.URL_PARAMS,
        text="worried.render",
    ),
    PageSpec("glossary", "support", uses=("glossary",), text="glossary.render"),
    PageSpec("sources", "support", uses=("sources",), text="sources.render"),  # sources.yaml cites none itself
    PageSpec("run-session", "facilitate", params=RUN_SESSION_PARAMS),
    PageSpec("join", "facilitate", params=JOIN_PARAMS),  # a participant's phone in a live room; not a subject page
)

SECTION_ORDER = ("start", "understand", "heal", "support", "facilitate")


def page_spec(page_id: str) -> PageSpec:
    for spec in PAGES:
        if spec.id == page_id:
            return spec
    raise KeyError(page_id)


@functools.lru_cache(maxsize=4)
def pages_citing(content: Content) -> dict[str, list[str]]:
    """source id -> titles of the pages whose content files cite it (for the Sources page).

    Cached per content object (a reload is a new object): it walks every file, so not per rerun."""
    out: dict[str, list[str]] = {}
    for spec in PAGES:
        title = content.ui.pages[spec.id].title
        for key in spec.uses:
            for sid in sorted(content.cited_sources(key)):
                if title not in out.setdefault(sid, []):
                    out[sid].append(title)
    return out
