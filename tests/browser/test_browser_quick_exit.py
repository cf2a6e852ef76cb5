"""The quick exit in a real browser, tried as a person in danger would use it.

- Back after an exit never shows the app, whatever the person did first (steps, a filter, a plan,
  page changes), up to three presses of Back; with `history: normal` it does (the setting works).
- The exit works at the first readable text of every page on a CPU slowed 4x (a phone's speed),
  by Shift x3 and by the button; it is named from its first frame, and works with JavaScript off.
- What GOV.UK's component does for keyboard and screen-reader users: the first Tab stop, what is
  announced after each Shift press and when the presses were too slow, the blank page while the
  next site loads; one listener only, and the shell's fallback when a page lacks the early exit.
- The safety headers on every response; no referrer reaches the exit's site or a helpline's.
"""

from __future__ import annotations

import shutil
import urllib.request

import pytest

from browser_helpers import no_exception, open_app_page, pass_content_note, scroll_down, wait_param, wait_ready
from components.navigation import PAGES
from conftest import BROWSER_ARGS, AppServer, chromium_path

EXIT = '[data-testid="quick-exit"]'
FIRST_TEXT = "() => (document.getElementById('root')?.innerText || '').trim().length > 0"


def _leave_and_go_back(p, app_url: str, landing, how: str = "button") -> list[str]:
    """Exit, then press Back up to three times; the URLs seen (the app must be none of them)."""
    if how == "button":
        p.locator(EXIT).click()
    else:
        p.locator("body").press("Shift")
        p.locator("body").press("Shift")
        p.locator("body").press("Shift")
    p.wait_for_url(landing.url, timeout=15_000)
    seen = []
    for _ in range(3):
        p.go_back(timeout=15_000)  # at the start of the tab's history it does nothing
        p.wait_for_timeout(300)
        seen.append(p.url)
        assert not p.url.startswith(app_url), f"Back showed the app again: {seen}"
    return seen


def _start_from_another_site(p, landing) -> None:
    p.goto(landing.before_url)


def _steps(p, base):
    open_app_page(p, base, "cycle")
    p.locator("h1").first.click()
    for phase in ("2", "3"):
        p.keyboard.press("ArrowRight")
        wait_param(p, "phase", phase)
        p.wait_for_function(
            "(n) => (document.querySelector('.st-key-cycle_phase_card h3')?.innerText || '').startsWith(n + '.')",
            arg=phase,
            timeout=60_000,
        )


def _filter(p, base):
    open_app_page(p, base, "therapies")
    p.locator(".st-key-th_open_emdr button").first.click()
    wait_param(p, "approach", "emdr")


def _plan(p, base):
    open_app_page(p, base, "run-session")
    p.locator(".st-key-run_plan").click()
    p.get_by_role("option").nth(1).click()
    p.wait_for_function(
        "() => new URLSearchParams(location.search).get('plan')"
        " && new URLSearchParams(location.search).get('plan') !== 'classroom-45'",
        timeout=60_000,
    )


def _pages(p, base):
    open_app_page(p, base, "welcome")
    for title, path in (("Glossary", "/glossary"), ("Sources", "/sources"), ("Get help", "/get-help")):
        p.locator('[data-testid="stSidebar"] a', has_text=title).first.click()
        p.wait_for_url(f"**{path}", timeout=60_000)
        pass_content_note(p)
        wait_ready(p)


def _text(p, base):
    """To the text edition and around it (its skip link, another text page) and back into the app:
    plain links, each followed in place of the page before."""
    open_app_page(p, base, "cycle")
    p.get_by_test_id("text-version-link").click()
    p.wait_for_url(f"{base}/text/cycle", timeout=30_000)
    p.locator("a.skip").focus()
    p.keyboard.press("Enter")
    p.wait_for_url(f"{base}/text/cycle#main", timeout=15_000)
    p.locator('header a[href="get-help"]').first.click()
    p.wait_for_url(f"{base}/text/get-help", timeout=15_000)
    p.get_by_role("link", name="Open the interactive version of this page").click()
    p.wait_for_url(f"{base}/get-help", timeout=30_000)
    wait_ready(p)


JOURNEYS = {"steps": _steps, "filter": _filter, "plan": _plan, "pages": _pages, "text": _text}


@pytest.mark.parametrize("journey", JOURNEYS)
def test_back_after_an_exit_never_returns_to_the_app(page, app_server, exit_landing, journey):
    _start_from_another_site(page, exit_landing)
    entries = page.evaluate("history.length")
    JOURNEYS[journey](page, app_server.url)
    no_exception(page)
    # one entry for the whole app, however the person moved around in it
    assert page.evaluate("history.length") == entries + 1
    seen = _leave_and_go_back(page, app_server.url, exit_landing, "shift" if journey == "pages" else "button")
    assert seen and seen[0] == exit_landing.before_url


@pytest.fixture(scope="module")
def normal_history_server(tmp_path_factory, browser_content):
    """The app with `quick_exit.history: normal` (a deployment that wants Back between pages)."""
    target = tmp_path_factory.mktemp("normal") / "content"
    shutil.copytree(browser_content, target)
    f = target / "help.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("history: single", "history: normal", 1), encoding="utf-8")
    server = AppServer(target)
    yield server
    server.stop()


@pytest.mark.slow
def test_normal_history_setting_keeps_the_browsers_back(browser, normal_history_server, exit_landing):
    """The other setting, and proof that the single-entry tests above can fail: with normal history
    every step adds an entry, and Back after an exit shows the app's previous step."""
    context = browser.new_context()
    p = context.new_page()
    try:
        _start_from_another_site(p, exit_landing)
        entries = p.evaluate("history.length")
        _steps(p, normal_history_server.url)
        assert p.evaluate("history.length") > entries + 1
        p.locator(EXIT).click()
        p.wait_for_url(exit_landing.url, timeout=15_000)
        p.go_back(timeout=15_000)
        p.wait_for_url(f"{normal_history_server.url}/**", timeout=15_000)
        assert "phase=2" in p.url
    finally:
        context.close()


# ------------------------------------------------------------------ ready before anything can be read


def _slow_tab(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    cdp = context.new_cdp_session(p)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, p


@pytest.mark.slow
@pytest.mark.parametrize("spec", PAGES, ids=[s.id for s in PAGES])
def test_exit_works_at_the_first_readable_text_on_a_slow_phone(browser, app_server, exit_landing, spec):
    """Shift x3, then the button, each pressed the moment the page's first words appear."""
    context, p = _slow_tab(browser)
    url = f"{app_server.url}/{'' if spec.id == PAGES[0].id else spec.id}"
    try:
        for how in ("shift", "button"):
            p.goto(url, wait_until="commit")
            p.wait_for_function(FIRST_TEXT, polling="raf", timeout=60_000)
            if how == "shift":
                for _ in range(3):
                    p.keyboard.press("Shift")
            else:
                p.locator(EXIT).click()
            p.wait_for_url(exit_landing.url, timeout=15_000)
    finally:
        context.close()


# Records the exit's accessible text the first moment the element exists in the document.
FIRST_FRAME_WATCH = """
window.__exitFirstSeen = null;
new MutationObserver((_, observer) => {
  const b = document.getElementById('hb-exit-button');
  if (b && window.__exitFirstSeen === null) {
    window.__exitFirstSeen = { text: b.textContent.trim(), appStarted: !!document.querySelector('#root *') };
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def test_exit_is_named_from_its_first_frame(browser, app_server):
    context = browser.new_context()
    context.add_init_script(FIRST_FRAME_WATCH)
    p = context.new_page()
    try:
        p.goto(f"{app_server.url}/healing")
        p.wait_for_function(FIRST_TEXT, timeout=60_000)
        first = p.evaluate("window.__exitFirstSeen")
        assert first == {"text": "Exit this page", "appStarted": False}
        assert p.get_by_role("button", name="Exit this page").is_visible()
    finally:
        context.close()
    # and in the raw HTML, before any of Streamlit's scripts
    with urllib.request.urlopen(f"{app_server.url}/healing") as r:
        html = r.read().decode("utf-8")
    # the exit's script runs before Streamlit's (a module, which runs only after the whole page is
    # parsed), and its button is the first thing in the body
    assert html.index('id="hb-exit-script"') < html.index('type="module"')
    assert html.index("<body>") + len("<body>") == html.index('<div id="hb-exit"')


def test_exit_works_with_javascript_off(browser, app_server, exit_landing):
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    try:
        p.goto(f"{app_server.url}/get-help")
        exit_link = p.get_by_role("button", name="Exit this page")
        assert exit_link.is_visible()
        exit_landing.requests.clear()
        exit_link.click()
        p.wait_for_url(exit_landing.url, timeout=15_000)
        assert _exit_visit(exit_landing) == ("/weather", None)  # no referrer, even as a plain link
    finally:
        context.close()


@pytest.mark.slow
def test_error_screen_has_the_early_exit(browser, tmp_path, browser_content, exit_landing):
    target = tmp_path / "content"
    shutil.copytree(browser_content, target)  # its exit already goes to the local landing page
    (target / "glossary.yaml").write_bytes(b"terms:\n  - id: caf\xe9\n")
    server = AppServer(target)
    context, p = _slow_tab(browser)
    try:
        p.goto(server.url + "/glossary", wait_until="commit")
        p.wait_for_function(FIRST_TEXT, polling="raf", timeout=60_000)
        for _ in range(3):
            p.keyboard.press("Shift")
        p.wait_for_url(exit_landing.url, timeout=15_000)
    finally:
        context.close()
        server.stop()


# ------------------------------------------------------------------ keyboard and screen reader


def test_first_tab_stop_is_the_exit(page, app_server):
    open_app_page(page, app_server.url, "welcome")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hb-exit-button"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") != "hb-exit-button"


def test_space_on_the_focused_exit_leaves(page, app_server, exit_landing):
    open_app_page(page, app_server.url, "sources")
    page.locator(EXIT).focus()
    page.keyboard.press("Space")
    page.wait_for_url(exit_landing.url, timeout=15_000)


def test_shift_presses_are_announced_and_expire(page, app_server, content):
    open_app_page(page, app_server.url, "sources")
    words = content.ui.quick_exit_announce
    status = page.locator("#hb-exit-status")
    assert status.get_attribute("role") == "status"
    page.locator("h1").first.click()
    page.keyboard.press("Shift")
    # exactly one listener: one press counts once, whatever the shell mounted on its runs
    assert status.inner_text() == words.press_two_more
    assert page.locator("#hb-exit-lights .hb-on").count() == 1
    page.keyboard.press("Shift")
    assert status.inner_text() == words.press_one_more
    page.wait_for_function(
        f"() => document.getElementById('hb-exit-status').textContent === {words.timed_out!r}", timeout=8_000
    )
    assert page.locator("#hb-exit-lights").is_hidden()
    # after the expiry a single press starts counting again, and Shift as a modifier never counts
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    assert status.inner_text() == words.press_two_more
    assert page.url.startswith(app_server.url)
    assert page.locator("#hb-exit").count() == 1  # the shell's fallback added no second exit


# What the page shows between the exit and the next site: recorded by the page itself the moment
# the overlay has its words, and reported to the test through a binding (the page is gone after).
WHILE_LEAVING = """() => {
  const shown = (el) => !!el && getComputedStyle(el).display !== 'none';
  new MutationObserver((_, observer) => {
    const overlay = document.querySelector('.hb-exit-overlay');
    if (!overlay || !overlay.textContent) return;
    observer.disconnect();
    window.reportLeaving({ role: overlay.getAttribute('role'), text: overlay.textContent, title: document.title,
      overlayShown: shown(overlay), appShown: shown(document.getElementById('root')),
      exitShown: shown(document.getElementById('hb-exit')) });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""


def test_page_is_blank_while_the_next_site_loads(page, app_server, exit_landing, content):
    reports: list[dict] = []
    page.expose_function("reportLeaving", lambda state: reports.append(state))
    open_app_page(page, app_server.url, "glossary")
    page.evaluate(WHILE_LEAVING)
    page.locator("h1").first.click()
    exit_landing.delay = 2.0  # a slow connection: the next site takes a while to answer
    try:
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(exit_landing.url, timeout=15_000)
    finally:
        exit_landing.delay = 0.0
    assert reports == [
        {
            "role": "alert",
            "text": content.ui.quick_exit_announce.leaving,
            "title": "",
            "overlayShown": True,
            "appShown": False,
            "exitShown": False,
        }
    ]


def test_fallback_mounts_the_exit_when_the_page_lacks_it(browser, app_server, exit_landing):
    """A proxy that rewrote the page and lost the early exit: the shell's fallback puts it back."""

    def strip_exit(route):
        response = route.fetch()
        html = response.text()
        html = html[: html.index('<div id="hb-exit"')] + html[html.index('<div id="root">') :]
        start = html.index('<style id="hb-exit-style">')
        end = html.index("</script>", html.index('<script id="hb-exit-script"')) + len("</script>")
        html = html[:start] + html[end:]
        # no exit left (the app's stylesheet still names it: it styles the exit wherever it is)
        assert 'id="hb-exit' not in html and "<a" not in html.split('<div id="root">')[0]
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")}
        route.fulfill(status=200, headers=headers, body=html)

    # A page answered by the test itself counts as a public page to Chrome, which then refuses its
    # websocket to this machine (Local Network Access); this browser allows it.
    own = browser.browser_type.launch(
        executable_path=chromium_path(), args=[*BROWSER_ARGS, "--disable-features=LocalNetworkAccessChecks"]
    )
    try:
        page = own.new_page()
        page.route(f"{app_server.url}/sources", strip_exit)
        page.goto(f"{app_server.url}/sources")
        page.wait_for_selector(EXIT, state="visible", timeout=60_000)
        wait_ready(page)
        assert page.evaluate("document.querySelectorAll('#hb-exit').length") == 1
        assert page.get_by_role("button", name="Exit this page").is_visible()
        page.locator("h1").first.click()
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(exit_landing.url, timeout=15_000)
    finally:
        own.close()


def test_exit_stays_on_screen_and_uncovered(page, app_server):
    open_app_page(page, app_server.url, "glossary")
    scroll_down(page)
    button = page.locator(EXIT)
    box = button.bounding_box()
    assert button.is_visible() and box["y"] < 80
    on_top = button.evaluate("""(b) => { const r = b.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top === b || b.contains(top); }""")
    assert on_top


def test_two_shift_presses_do_not_leave(page, app_server):
    open_app_page(page, app_server.url, "sources")
    page.locator("h1").first.click()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(800)
    assert page.url.startswith(app_server.url)


# ------------------------------------------------------------------ headers and referrers


def _exit_visit(landing) -> tuple[str, str | None]:
    """The exit's visit to its landing page (not the browser's own favicon request after it)."""
    return [r for r in landing.requests if r[0] == "/weather"][-1]


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as r:
        return {k.lower(): v for k, v in r.headers.items()}


def _static_asset(base: str) -> str:
    with urllib.request.urlopen(base + "/") as r:
        html = r.read().decode("utf-8")
    start = html.index('src="./static/') + len('src="./')
    return base + "/" + html[start : html.index('"', start)]


def assert_safety_headers(h: dict[str, str]) -> None:
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-content-type-options"] == "nosniff"
    assert h["permissions-policy"] == "camera=(), microphone=(), geolocation=()"
    csp = dict(part.strip().split(" ", 1) for part in h["content-security-policy"].split(";"))
    assert csp["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'"


def test_safety_headers_on_every_response(app_server):
    for url in (
        app_server.url + "/",
        app_server.url + "/cycle",
        app_server.url + "/_stcore/health",
        _static_asset(app_server.url),
    ):
        assert_safety_headers(_headers(url))


def test_no_referrer_reaches_the_exit_or_a_helpline(page, app_server, exit_landing, content):
    open_app_page(page, app_server.url, "get-help")
    line = next(h for h in content.help.helplines if h.url)
    seen: list[dict] = []

    def record(route):
        seen.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body="<title>Helpline</title>")

    prefix = line.url.rstrip("/")
    page.context.route(lambda url: url.startswith(prefix), record)
    link = page.locator(f'a[href^="{prefix}"] >> visible=true').first
    link.scroll_into_view_if_needed()
    with page.context.expect_page() as opened:
        link.click()
    opened.value.wait_for_load_state()
    assert seen and "referer" not in {k.lower() for k in seen[0]}
    exit_landing.requests.clear()
    page.locator(EXIT).click()
    page.wait_for_url(exit_landing.url, timeout=15_000)
    assert _exit_visit(exit_landing) == ("/weather", None)


# Every visible control other than the exit whose box comes within 8 px of the exit's box.
NEAR_THE_EXIT = """() => {
  const e = document.getElementById('hb-exit-button').getBoundingClientRect();
  return [...document.querySelectorAll('button, a, [role=button], input, select, textarea')]
    .filter((x) => x.id !== 'hb-exit-button' && x.offsetParent !== null)
    .map((x) => [x.getAttribute('data-testid') || x.tagName, x.getBoundingClientRect()])
    .filter(([, r]) => r.width && r.height && r.left < e.right + 8 && r.right > e.left - 8
                       && r.top < e.bottom + 8 && r.bottom > e.top - 8)
    .map(([name]) => name);
}"""


def test_on_a_phone_nothing_sits_near_the_exit_and_the_menu_closes_on_a_choice(browser, app_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "glossary")
        assert p.evaluate(NEAR_THE_EXIT) == []
        p.locator('[data-testid="stExpandSidebarButton"]').click()
        sidebar = p.locator('[data-testid="stSidebar"]')
        p.wait_for_function(  # the panel has slid all the way in
            "() => { const r = document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect();"
            " return r.right > 200 && r.left >= 0; }",
            timeout=30_000,
        )
        assert p.evaluate(NEAR_THE_EXIT) == []  # the panel's close button is not under the exit
        sidebar.locator("a", has_text="Sources").first.click()
        p.wait_for_url("**/sources")
        wait_ready(p)
        p.wait_for_function(
            "() => document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect().right <= 1",
            timeout=10_000,
        )  # closed: the chosen page is what the reader sees
        assert p.evaluate(NEAR_THE_EXIT) == []
    finally:
        context.close()
