"""Keyboard and screen reader, in Chromium at 1366x900: every focus ring is at
least 2 px and 3:1 against what is behind it, headings add no "Link to heading" tab stops, a step
is announced and never drops focus, and the accessibility tree carries no duplicate or
run-together names, a named navigation landmark, and no alert that is not one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import no_exception, open_app_page, wait_param
from components.navigation import PAGES

FOCUS_JS = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const rgba = (c) => { const v = (c.match(/[\d.]+/g) || ['0', '0', '0', '0']).map(Number); return v.length < 4 ? [...v, 1] : v; };
  const lum = (v) => { const [r, g, b] = v.slice(0, 3).map(x => x / 255)
      .map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = (el) => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
  const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  // the element that shows the focus: the focused one or a near ancestor (a radio's label, a select's box)
  let ring = null, width = 0, colour = null, offset = 0;
  for (let el = e, i = 0; el && i < 6 && !ring; el = el.parentElement, i++) {
    // a radio's, a checkbox's, a slider's own <input> is hidden by design: its ring is on what shows
    const box = el.getBoundingClientRect();
    if (el.matches('input[type=range], input[type=radio], input[type=checkbox]') || box.width < 4 || box.height < 4) continue;
    const s = getComputedStyle(el);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) {
      ring = el; width = parseFloat(s.outlineWidth); colour = rgba(s.outlineColor); offset = parseFloat(s.outlineOffset);
    } else if (s.boxShadow && s.boxShadow !== 'none') {
      const m = s.boxShadow.match(/(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px/);
      if (m && parseFloat(m[5]) >= 1) { ring = el; width = parseFloat(m[5]); colour = rgba(m[1]); offset = 0; }
    }
  }
  const r = (ring || e).getBoundingClientRect();
  const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
  const where = (e.closest('[data-testid]') || e).getAttribute('data-testid') || e.tagName;
  const heading = !!e.closest('[data-testid="stHeaderActionElements"]');
  if (!ring) return {name, where, heading, width: 0, ratio: 0, size: [r.width, r.height]};
  const behind = offset < 0 ? bg(ring) : bg(ring.parentElement);
  return {name, where, heading, width, ratio: Math.round(contrast(colour, behind) * 100) / 100,
          alpha: colour[3], size: [Math.round(r.width), Math.round(r.height)], colour: colour.join(','), behind: behind.join(',')};
}"""


@pytest.fixture
def laptop(browser, app_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def tab_stops(p, limit: int = 400) -> list[dict]:
    """Tab from the quick exit (the first stop) round the whole page, measuring each focus ring."""
    p.focus('[data-testid="quick-exit"]')
    stops = [p.evaluate(FOCUS_JS)]
    for _ in range(limit):
        p.keyboard.press("Tab")
        info = p.evaluate(FOCUS_JS)
        if info is None:
            continue
        if info["where"] == "quick-exit":
            return stops
        stops.append(info)
    raise AssertionError(f"Tab never came back to the quick exit in {limit} presses")


@pytest.mark.parametrize("page_id", [spec.id for spec in PAGES])
def test_every_focus_ring_is_thick_and_contrasting_and_headings_add_no_stops(laptop, app_server, page_id):
    open_app_page(laptop, app_server.url, page_id)
    stops = tab_stops(laptop)
    assert len(stops) > 5
    weak = [s for s in stops if s["width"] < 2 or s["ratio"] < 3 or s.get("alpha", 1) < 1]
    assert not weak, weak
    # a heading's own "Link to heading" is a tab stop only on the therapy card
    anchors = [s for s in stops if s["heading"]]
    assert len(anchors) <= (1 if page_id == "therapies" else 0), anchors
    # and every heading keeps its id: each in-page link (a glossary term's "see also") has its target
    missing = laptop.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => id && !document.getElementById(id))""")
    assert not missing, missing


def _ax(p) -> list[dict]:
    cdp = p.context.new_cdp_session(p)
    try:
        return cdp.send("Accessibility.getFullAXTree")["nodes"]  # ignored ones too: they link the tree
    finally:
        cdp.detach()


def _role(n) -> str:
    return "" if n.get("ignored") else n.get("role", {}).get("value", "")


def _name(n) -> str:
    return n.get("name", {}).get("value", "")


def test_stepping_is_announced_and_focus_stays_on_a_control(laptop, app_server):
    open_app_page(laptop, app_server.url, "cycle")
    live = laptop.locator('#hb-step-live[aria-live="polite"]')
    assert live.text_content() == ""  # nothing said when the page opens
    laptop.locator(".st-key-phase_next button").focus()
    laptop.keyboard.press("Enter")
    wait_param(laptop, "phase", "2")
    laptop.wait_for_function("() => document.getElementById('hb-step-live').textContent.startsWith('Step 2 of 3: ')")
    title = live.text_content().split(": ", 1)[1]  # the step's own title, as the page heads it
    expect(laptop.locator('[data-testid="stMain"]')).to_contain_text(f"2. {title}", use_inner_text=True)
    laptop.keyboard.press("Enter")
    wait_param(laptop, "phase", "3")
    laptop.wait_for_function("() => document.getElementById('hb-step-live').textContent.startsWith('Step 3 of 3: ')")
    # Next is disabled at the last step: focus is on the step picker (never walking back),
    # not dropped to the page
    laptop.wait_for_function("() => document.activeElement.closest('.st-key-phase_jump') !== null")
    assert laptop.locator(".st-key-phase_next button").is_disabled()
    laptop.keyboard.press("Shift+Tab")  # Previous (Next is disabled), still working from the keyboard
    laptop.wait_for_function("() => document.activeElement.closest('.st-key-phase_prev') !== null")
    laptop.keyboard.press("Enter")
    wait_param(laptop, "phase", "2")
    no_exception(laptop)


def test_clicker_buttons_are_not_read_or_tabbed_to_and_still_work(laptop, app_server):
    open_app_page(laptop, app_server.url, "cycle")
    names = [_name(n) for n in _ax(laptop) if _role(n) == "button"]
    assert "Next" in names  # the stepper's own Next, read once per stepper (its arrow badge is hidden: app.css)
    assert sum(n.startswith("Next") for n in names) == 2, names  # the cycle's two steppers
    assert not [n for n in names if "Page Down" in n or "Page Up" in n], names
    assert not any(s["where"].startswith("stBaseButton") and "Page" in s["name"] for s in tab_stops(laptop))
    laptop.locator("h1").first.click()
    laptop.keyboard.press("PageDown")
    wait_param(laptop, "phase", "2")


def test_accessibility_tree_is_quiet(laptop, app_server):
    # the cycle has it all: steppers, charts, sliders, a caveat about a model, a list of caveats
    open_app_page(laptop, app_server.url, "cycle")
    laptop.evaluate("() => document.querySelector('[data-testid=chart-waiting]')?.scrollIntoView()")
    laptop.wait_for_function(
        "() => !document.querySelector('[data-testid=chart-waiting]')"
        " && document.querySelector('.js-plotly-plot .main-svg')"
    )
    laptop.wait_for_timeout(500)
    nodes = _ax(laptop)
    by_id = {n["nodeId"]: n for n in nodes}
    # the page list is a named navigation landmark, its sections headings; so is the language switch
    navs = [n for n in nodes if _role(n) == "navigation"]
    assert [_name(n) for n in navs] == ["Pages", "Language"]

    def below(n):
        for c in n.get("childIds", []):
            if c in by_id:
                yield by_id[c]
                yield from below(by_id[c])

    assert len([h for h in below(navs[0]) if _role(h) == "heading"]) >= 4
    # a chart is its name, not its SVG's words
    figures = [n for n in nodes if _role(n) == "figure"]
    assert figures
    for fig in figures:
        assert _name(fig)
        texts = [_name(t) for t in below(fig) if _role(t) in ("StaticText", "InlineTextBox")]
        assert not texts, texts[:10]
    # each slider is named once
    for slider in (n for n in nodes if _role(n) == "slider"):
        name = _name(slider)
        half = name[: len(name) // 2].strip()
        assert name and not (half and name == f"{half} {half}"), name
    # no caveat announced as an alert; no Markdown list of one item
    alerts = [laptop.evaluate("(e) => e.innerText", a) for a in laptop.query_selector_all('[role="alert"]')]
    assert not any("popular model" in a for a in alerts), alerts
    one_item = laptop.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMainBlockContainer"] ul, [data-testid="stMainBlockContainer"] ol')]
        .filter(l => l.children.length === 1).map(l => l.innerText.slice(0, 60))""")
    assert not one_item, one_item
