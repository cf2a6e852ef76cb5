"""Reading on a phone, in Chromium on a 390x844 touch phone: the cycle's Next is on the first screen;
the long "Leaving safely" link wraps instead of being cut off; the therapy browser opens on its paths
(the map after them, its key whole) and "Read about it" lands on the card's heading with a way back;
the text edition's phone links are 44 px targets and its long pages open on a table of contents whose
links all lead somewhere on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import open_app_page, wait_ready

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREEN = 844


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_cycle_next_is_on_the_first_screen(phone, app_server):
    open_app_page(phone, app_server.url, "cycle")
    box = phone.locator(".st-key-phase_next button").bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= SCREEN, box


# The label's text box: scrollWidth > clientWidth when Streamlit cuts it off with an ellipsis.
CLIPPED = """(words) => [...document.querySelectorAll('a[data-testid="stPageLink-NavLink"]')]
    .filter((a) => a.textContent.includes(words))
    .map((a) => [a, ...a.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1).length)"""


@pytest.mark.parametrize("page_id", ["cycle", "therapies"])
def test_leaving_safely_link_wraps(phone, app_server, content, page_id):
    open_app_page(phone, app_server.url, page_id)
    words = content.ui.labels["leaving_safely_link"]
    clipped = phone.evaluate(CLIPPED, words[:20])
    assert clipped and clipped == [0] * len(clipped), clipped
    link = phone.locator('a[data-testid="stPageLink-NavLink"]', has_text=words[:20]).first
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert words.split()[-1] in link.inner_text()  # the end of the sentence is there to read


# ------------------------------------------------------------------ the text edition on a phone (26.10)

DIAL_HEIGHTS = """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
    .map((a) => [a.getAttribute('href'), a.getBoundingClientRect().height, a.getBoundingClientRect().width])"""


@pytest.mark.parametrize("page_id", ["get-help", "healthy-vs-toxic"])
def test_text_edition_phone_links_are_44px_targets(phone, app_server, page_id):
    phone.goto(f"{app_server.url}/text/{page_id}")
    links = phone.evaluate(DIAL_HEIGHTS)
    assert links, "no phone links on the page"
    small = [(href, round(h), round(w)) for href, h, w in links if h < 44 or w < 44]
    assert not small, small[:5]
    size = phone.evaluate("() => parseFloat(getComputedStyle(document.querySelector('a[href^=\"tel:\"]')).fontSize)")
    assert size >= 16  # the number stays readable: the target grows around it, the text is not shrunk


TOC = """() => { const nav = document.querySelector('nav.toc');
    if (!nav) return null;
    return [...nav.querySelectorAll('a')].map((a) => [a.getAttribute('href'),
        !!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)))]); }"""


@pytest.mark.parametrize("page_id", ["healthy-vs-toxic", "therapies", "glossary"])
def test_long_text_pages_open_on_contents_that_land(phone, app_server, page_id):
    phone.goto(f"{app_server.url}/text/{page_id}")
    links = phone.evaluate(TOC)
    assert links and len(links) >= 3, links
    assert all(found for _, found in links), [h for h, found in links if not found]
    # near the top: within the first two phone screens
    assert phone.locator("nav.toc").bounding_box()["y"] < 2 * SCREEN
    # and a tap lands: the section's heading comes into view, below the fixed exit button
    last = phone.locator("nav.toc a").last
    target = last.get_attribute("href")[1:]
    last.tap()
    phone.wait_for_function("(id) => location.hash === '#' + id", arg=target)
    top = phone.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", target)
    exit_bottom = phone.evaluate("() => document.querySelector('.hb-exit').getBoundingClientRect().bottom")
    assert exit_bottom <= top < SCREEN, (exit_bottom, top)


# ------------------------------------------------------------------ the therapy browser (26.9)


def test_therapy_paths_come_before_the_map_and_its_key_is_whole(phone, app_server, content):
    open_app_page(phone, app_server.url, "therapies")
    adult = next(p.label for p in content.therapies.paths if p.id == "adult")
    path = phone.locator(".st-key-th_path button", has_text=adult).first.bounding_box()
    the_map = phone.locator(".st-key-th_map_place").bounding_box()
    assert path["y"] + path["height"] <= the_map["y"], (path, the_map)
    assert path["y"] < 2 * SCREEN  # "for me, an adult" on the first two screens, not the third
    phone.locator(".st-key-th_map_place").scroll_into_view_if_needed()
    entries = phone.locator(".st-key-th_map_place g.legend g.traces")
    entries.first.wait_for(timeout=60_000)
    expect(entries.nth(len(content.therapies.evidence_levels) - 1)).to_be_attached()  # one for each level, or more
    # each entry of the key (its symbol and its words: what is drawn, not the entry's empty box) is inside
    # the screen's width, without scrolling sideways
    drawn = phone.locator(".st-key-th_map_place g.legend g.traces :is(text.legendtext, g.legendpoints)")
    boxes = [drawn.nth(i).bounding_box() for i in range(drawn.count())]
    assert len(boxes) == 2 * entries.count()
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes), boxes


# Where the card's heading is, and the bottom of what is fixed over the page (Streamlit's bar, the exit).
LANDING = """() => { const h = document.querySelector('.st-key-th_card h3');
    const covers = [document.querySelector('[data-testid="stHeader"]'), document.querySelector('.hb-exit')]
        .filter(Boolean).map((e) => e.getBoundingClientRect().bottom);
    return h && {top: h.getBoundingClientRect().top, covered: Math.max(...covers)}; }"""


def test_read_about_it_lands_on_the_heading_with_a_way_back(phone, app_server, content):
    p = phone
    open_app_page(p, app_server.url, "therapies")
    last = content.therapies.approaches[-1].id
    item = p.locator(f".st-key-th_item_{last}")
    button = item.locator(f".st-key-th_open_{last} button:visible")
    button.scroll_into_view_if_needed()
    button.tap()
    p.wait_for_function("(id) => new URLSearchParams(location.search).get('approach') === id", arg=last, timeout=60_000)
    wait_ready(p)
    p.wait_for_function(
        f"""() => {{ const h = document.querySelector('.st-key-th_card h3');
        return h && h.getBoundingClientRect().top > 0 && h.getBoundingClientRect().top < {SCREEN}; }}""",
        timeout=30_000,
    )
    where = p.evaluate(LANDING)
    assert where["covered"] <= where["top"] < SCREEN / 2, where  # seen: below the bar and the exit button
    back = p.locator(".st-key-th_card").get_by_role("button", name=content.ui.labels["therapies_back_to_list"])
    box = back.bounding_box()
    assert box and box["y"] + box["height"] <= SCREEN  # the way back is on the same screen as the heading
    back.tap()
    # back where the reader was: their item in view, its button focused
    p.wait_for_function(
        f"""(key) => {{ const i = document.querySelector('.st-key-' + key);
        if (!i) return false; const r = i.getBoundingClientRect();
        return r.top >= 0 && r.top < {SCREEN} && i.contains(document.activeElement); }}""",
        arg=f"th_item_{last}",
        timeout=30_000,
    )
    assert p.evaluate("() => new URLSearchParams(location.search).get('approach')") == last  # the card stays
