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

Tested in tests/test_browser_a11y.py through the browser's accessibility tree.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data, parentElement } = component;
  const box = parentElement.closest(data.container);
  if (box) {
    box.setAttribute('role', data.role);
    box.setAttribute('aria-label', data.label);
  }
  if (window.__hbQuiet) { return undefined; }
  window.__hbQuiet = true;
  const quiet = () => {
    document.querySelectorAll('.js-plotly-plot .svg-container:not([aria-hidden])')
      .forEach((svg) => svg.setAttribute('aria-hidden', 'true'));
    document.querySelectorAll('[data-testid="stSlider"] input[aria-label][aria-labelledby]').forEach((input) => {
      if (input.getAttribute('aria-labelledby') !== input.id) { input.setAttribute('aria-labelledby', input.id); }
    });
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(() => { queued = false; quiet(); });
  }).observe(document.body, { childList: true, subtree: true, attributes: true,
                              attributeFilter: ['aria-labelledby'] });
  quiet();
  return undefined;
}
"""
_component = st.components.v2.component("healthy_bonds.a11y", js=_JS, isolate_styles=False)


def landmark(*, key: str, label: str, container: str, role: str = "navigation") -> None:
    """Make the container matching the CSS selector `container` (an ancestor of this call, e.g.
    `.st-key-nav_links`) a landmark of `role` named `label`; start the page's noise watcher."""
    _component(key=key, data={"container": container, "role": role, "label": label})
