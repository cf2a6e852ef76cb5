"""The page registry: which pages exist, in which section, at which URL.

Titles, icons and descriptions come from content/ui.yaml (`pages:`); this file only says where
the code is: `pages/<id>.py`, a thin script that starts with `content = page_content()`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    id: str  # kebab-case; also the URL path and the key in ui.yaml `pages:`
    section: str  # key in ui.yaml `sections:`
    uses: tuple[str, ...] = ()  # content files whose sources the page shows (for the Sources page)

    @property
    def path(self) -> str:
        # The file name equals the URL path on purpose: Streamlit's legacy router then gives a
        # direct run of the file the same page hash as st.navigation does (see shell.page_content).
        return f"pages/{self.id}.py"


# Order here is the order in the navigation. The first page is the default.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("welcome", "start"),
    PageSpec("cycle", "understand", uses=("cycle",)),
    PageSpec("healthy-vs-toxic", "understand", uses=("comparison", "scenarios")),
    PageSpec("relational-trauma", "understand", uses=("relational_trauma",)),
    PageSpec("healing", "heal", uses=("healing",)),
    PageSpec("therapies", "heal", uses=("therapies",)),
    PageSpec("perspectives", "heal", uses=("perspectives",)),
    PageSpec("get-help", "support", uses=("help",)),
    PageSpec("glossary", "support", uses=("glossary",)),
    PageSpec("sources", "support"),
    PageSpec("run-session", "facilitate"),
)

SECTION_ORDER = ("start", "understand", "heal", "support", "facilitate")


def page_spec(page_id: str) -> PageSpec:
    for spec in PAGES:
        if spec.id == page_id:
            return spec
    raise KeyError(page_id)


@functools.lru_cache(maxsize=4)
def pages_citing(content) -> dict[str, list[str]]:
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
