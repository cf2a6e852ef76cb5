"""What a screen reader hears that Streamlit gives no parameter for, fixed in the page by one
small script (a v2 component: it runs in the page itself; its words arrive as data and are set
as attributes, never as HTML).

    landmark(key="nav_links_landmark", label=ui.labels["site_nav_label"])   # inside a keyed container

- The container it sits in becomes a named landmark (`role="navigation"` and `aria-label`): the
  app's own list of pages is navigation, not an unnamed region.
- Once per page it also watches the document and keeps two kinds of noise out of the
  accessibility tree, wherever they appear:
  - a Plotly chart's SVG (tick labels, legend, annotations) is read as run-together words; the
    chart's figure keeps its name (`alt`) and "the chart in words" says the rest, so the SVG is
    `aria-hidden`;
  - a slider's input is named by its `aria-label` and again by `aria-labelledby` (itself plus its
    group, which carries the same label), so its name is read twice; the second naming goes.

Tested in tests/browser/test_browser_a11y.py through the browser's accessibility tree.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_JS = (Path(__file__).resolve().parent / "a11y.js").read_text(encoding="utf-8")
_component = st.components.v2.component("healthy_bonds.a11y", js=_JS, isolate_styles=False)


def landmark(*, key: str, label: str, container: str, role: str = "navigation") -> None:
    """Make the container matching the CSS selector `container` (an ancestor of this call, e.g.
    `.st-key-nav_links`) a landmark of `role` named `label`; start the page's noise watcher."""
    _component(key=key, data={"container": container, "role": role, "label": label})


def page_keys(*, key: str, skip: str, focus: int = 0) -> None:
    """The skip link's words and target, the page's noise watcher, and (when `focus` is a number not
    seen before on this page) focus on the page's heading once it has drawn. Once per run."""
    _component(key=key, data={"skip": skip, "focus": focus})
