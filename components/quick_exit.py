"""The quick exit, modelled on GOV.UK's "Exit this page".

A button fixed to the top of the viewport on every page, and Shift pressed three times within
two seconds. Either blanks the page at once and replaces it (`location.replace`, so Back does not
return here) with the neutral site named in content/help.yaml. It is a `st.components.v2`
component because v2 runs its JavaScript in the page itself: a v1 iframe cannot navigate the top
window. Labels arrive as data and are set with textContent, never as HTML.
"""

from __future__ import annotations

import streamlit as st

_HTML = '<div class="hb-exit"><button type="button" class="hb-exit-button" data-testid="quick-exit"></button>' \
        '<span class="hb-exit-hint"></span></div>'

# Fixed, above everything Streamlit draws (its header sits at z-index ~999990), never scrolled away.
_CSS = """
.hb-exit { position: fixed; top: 0.45rem; right: 3.6rem; z-index: 1000010;
  display: flex; flex-direction: column; align-items: flex-end; gap: 0.1rem; }
.hb-exit-button { background: #b00020; color: #ffffff; border: 2px solid #ffffff;
  outline: 2px solid #b00020; border-radius: 0.4rem; padding: 0.45rem 0.9rem;
  font: 700 1rem/1.2 "Source Sans", "Source Sans Pro", sans-serif; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0,0,0,0.35); }
.hb-exit-button::before { content: "\\2715\\00a0"; }
.hb-exit-button:hover { background: #8a0019; }
.hb-exit-button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.hb-exit-hint { font: 400 0.75rem/1.1 "Source Sans", "Source Sans Pro", sans-serif; color: #1a1a1a;
  background: rgba(255,255,255,0.92); padding: 0.05rem 0.3rem; border-radius: 0.25rem; }
@media (max-width: 640px) { .hb-exit { right: 3.2rem; top: 0.35rem; } .hb-exit-hint { display: none; } }
"""

_JS = """
export default function (component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector('.hb-exit-button');
  const hint = parentElement.querySelector('.hb-exit-hint');
  button.textContent = data.label;
  hint.textContent = data.hint;
  window.__hbExitUrl = data.url;
  const leave = () => {
    // Blank first so nothing stays readable while the next site loads.
    document.documentElement.style.visibility = 'hidden';
    document.title = '';
    window.location.replace(window.__hbExitUrl);
  };
  button.onclick = leave;
  if (!window.__hbExitKeys) {
    window.__hbExitKeys = true;
    let presses = [];
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Shift' || event.repeat) { if (event.key !== 'Shift') presses = []; return; }
      const now = Date.now();
      presses = presses.filter((t) => now - t < 2000);
      presses.push(now);
      if (presses.length >= 3) { presses = []; leave(); }
    }, true);
  }
}
"""

_component = st.components.v2.component("healthy_bonds.quick_exit", html=_HTML, css=_CSS, js=_JS)


def quick_exit(url: str, label: str, hint: str) -> None:
    """Mount the quick exit (once per run, from the shell)."""
    _component(key="quick_exit", data={"url": url, "label": label, "hint": hint}, height=0)
