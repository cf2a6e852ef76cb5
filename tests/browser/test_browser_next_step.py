"""No dead ends, in the hand: on a 390x844 touch phone, the last screen of the cycle page
and of each part of Healthy vs toxic a reader sees alone is the "Does this sound familiar?" step, with
the reader's emergency number and lines as tel: links a finger can tap; axe-core finds nothing. On a
projector (1920x1080, ?present=1) the step is there too, at presenter size."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ENDINGS = [
    ("cycle", ""),
    ("healthy-vs-toxic", "?part=compare"),
    ("healthy-vs-toxic", "?part=signs"),
    ("healthy-vs-toxic", "?part=sorter"),
]

TO_THE_END = """() => {
  for (const el of [document.scrollingElement, document.querySelector('[data-testid="stMain"]'),
                    document.querySelector('[data-testid="stAppViewContainer"]')]) {
    if (el) { el.scrollTop = el.scrollHeight; }
  }
}"""

# Whether anything of the page's own content starts below the step (it must be the last thing).
AFTER_THE_STEP = """() => {
  const step = document.querySelector('.st-key-next_step');
  const bottom = step.getBoundingClientRect().bottom;
  return [...document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')]
    .filter((e) => !step.contains(e) && e.offsetParent !== null && e.getBoundingClientRect().height > 0
            && e.getBoundingClientRect().top >= bottom - 1)
    .map((e) => e.innerText.slice(0, 40));
}"""

# The link a tap lands on, without following it (a tel: link would leave the page).
CATCH_TAPS = """() => {
  window.__tapped = null;
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest('a');
    if (a) { window.__tapped = a.getAttribute('href'); ev.preventDefault(); }
  }, true);
}"""


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(**PHONE, locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("page_id", "query"), ENDINGS, ids=[f"{p}{q}" for p, q in ENDINGS])
def test_the_last_screen_is_the_step_with_a_number_to_tap(phone, app_server, page_id, query):
    open_app_page(phone, app_server.url, page_id, query)
    no_exception(phone)
    step = phone.locator(".st-key-next_step")
    step.wait_for(state="attached", timeout=60_000)
    phone.evaluate(TO_THE_END)
    phone.wait_for_timeout(500)
    phone.evaluate(TO_THE_END)  # once more, after anything that drew late
    phone.wait_for_timeout(300)
    assert phone.evaluate(AFTER_THE_STEP) == []  # nothing of the page comes after the step
    box = step.bounding_box()
    assert box["y"] + box["height"] <= 844 + 1, box  # the step ends on the last screen...
    assert box["height"] <= 844 * 1.05, box  # ...and is about one screen long
    expect(step.get_by_role("heading", name="Does this sound familiar?")).to_have_count(1)
    # the UK's emergency number, on the last screen, not covered by the exit bar: a finger can tap it
    call = step.locator('a[href="tel:999"]')
    call.scroll_into_view_if_needed()
    link = call.bounding_box()
    assert 60 <= link["y"] and link["y"] + link["height"] <= 844, link
    covered = phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')",
        [link["x"] + link["width"] / 2, link["y"] + link["height"] / 2],
    )
    assert covered == "tel:999"
    phone.evaluate(CATCH_TAPS)
    call.tap()
    assert phone.evaluate("() => window.__tapped") == "tel:999"
    expect(step.locator('a[href^="tel:0808"]')).to_have_count(1)  # the region's domestic-abuse line
    for name in ("Get help", "Worried about someone"):
        expect(step.get_by_role("link", name=name)).to_have_count(1)
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / f"next-step-phone-{page_id}{query.replace('?part=', '-')}.png"))
    assert axe_violations(phone) == []


def test_the_step_on_a_projector(browser, app_server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    try:
        p = context.new_page()
        open_app_page(p, app_server.url, "healthy-vs-toxic", "?part=signs&present=1")
        no_exception(p)
        step = p.locator(".st-key-next_step")
        step.scroll_into_view_if_needed()
        p.wait_for_timeout(300)
        box = step.bounding_box()
        assert box["height"] <= 1080 - 120, box  # one projected screen, beside the presenter bar
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1920
        size = step.locator('a[href="tel:911"]').evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
        assert size >= 24, size  # presenter type, readable from the back of a room
        SHOTS.mkdir(exist_ok=True)
        p.screenshot(path=str(SHOTS / "next-step-projector.png"))
        assert axe_violations(p) == []
    finally:
        context.close()
