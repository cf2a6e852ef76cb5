"""The live room in a real browser: a facilitator's projector (1920x1080, presenter mode) opens a
room and asks a question; five phones (390x844) join by the code and answer; the projector shows
how many answered, keeps the counts hidden until five have, then reveals them. axe-core on /join."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from browser_helpers import (
    axe_violations,
    no_exception,
    open_app_page,
    shown_text,
    wait_answer_in,
    wait_answered,
    wait_ready,
)

SHOTS = Path("/tmp/wt-room")
PHONE = {"width": 390, "height": 844}


def _phone_answers(p, base: str, code: str, choice_index: int) -> None:
    open_app_page(p, base, "join", f"?code={code}")
    radios = p.locator('[data-testid="stRadio"] [role="radiogroup"] label')
    radios.first.wait_for(timeout=30_000)
    radios.nth(choice_index).click()
    p.locator('[class*="st-key-join_send_"] button').click()
    wait_answer_in(p)


def _open_picker(p, container: str) -> None:
    """Open a select box's list. Its list closes when the page scrolls (react-aria), and a click on
    a field below the fold scrolls first: scroll, let the page settle, then click the field."""
    field = p.locator(f"{container} [role=combobox]")
    for _ in range(5):
        field.scroll_into_view_if_needed()
        p.wait_for_timeout(300)
        field.click()
        try:
            p.locator("[role=option]").first.wait_for(timeout=2_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the list of {container} does not open")


def test_a_room_answers_from_phones_and_the_projector_reveals_after_five(browser, app_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac = browser.new_context(viewport={"width": 1920, "height": 1080})
    phones = [browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True) for _ in range(5)]
    try:
        proj = fac.new_page()
        open_app_page(proj, app_server.url, "run-session", "?plan=workshop-90&present=1")
        proj.locator(".st-key-room_open button").click()
        code = shown_text(proj.locator(".st-key-room_code_box"), r"^\s*\S{5}\s*$")  # five characters
        proj.locator('img[alt*="QR code"]').first.wait_for(timeout=30_000)  # drawn by the app itself
        assert proj.locator('img[alt*="QR code"]').count() == 1
        expect(proj.locator(".st-key-room_panel")).to_contain_text(f"/join?code={code}", use_inner_text=True)

        # a scenario on the spectrum
        _open_picker(proj, ".st-key-room_question_pick")
        proj.get_by_role("option", name="The silent treatment").click()
        proj.locator(".st-key-room_ask button").click()
        wait_answered(proj, 0)

        pages = [ctx.new_page() for ctx in phones]
        # choices in order: healthy, unhealthy, abusive
        for p, choice in zip(pages[:3], (1, 1, 2), strict=True):
            _phone_answers(p, app_server.url, code, choice)
        # the first phone changes its mind: replaced, not counted twice
        pages[0].locator('[data-testid="stRadio"] [role="radiogroup"] label').nth(0).click()
        pages[0].locator('[class*="st-key-join_send_"] button').click()
        pages[0].wait_for_timeout(1500)
        wait_answered(proj, 3)
        assert proj.locator(".st-key-room_reveal button").is_disabled()
        assert proj.locator('.st-key-room_panel [role="figure"]').count() == 0
        pages[0].screenshot(path=str(SHOTS / "join-phone.png"), full_page=True)
        assert axe_violations(pages[0]) == []

        for p, choice in zip(pages[3:], (2, 1), strict=True):
            _phone_answers(p, app_server.url, code, choice)
        wait_answered(proj, 5)
        reveal = proj.locator(".st-key-room_reveal button")
        proj.wait_for_function("() => !document.querySelector('.st-key-room_reveal button')?.disabled", timeout=30_000)
        assert proj.locator('.st-key-room_panel [role="figure"]').count() == 0  # enough, still hidden
        proj.screenshot(path=str(SHOTS / "projector-hidden.png"), full_page=True)
        reveal.click()
        figure = proj.locator('.st-key-room_panel [role="figure"]')
        figure.wait_for(timeout=30_000)
        wait_ready(proj)
        panel = proj.locator(".st-key-room_panel")
        for said in ("5 answers.", "Healthy: 1", "Unhealthy: 2", "Abusive: 2", "Where we placed it and why"):
            expect(panel).to_contain_text(said, use_inner_text=True)
        proj.locator(".st-key-room_panel").scroll_into_view_if_needed()
        proj.screenshot(path=str(SHOTS / "projector-revealed.png"), full_page=True)
        no_exception(proj)

        # a sixth answer arrives after the reveal: the projector follows within a few seconds
        extra = phones[4].new_page()
        _phone_answers(extra, app_server.url, code, 0)
        proj.wait_for_function(
            "() => (document.querySelector('.st-key-room_panel')?.innerText || '').includes('Healthy: 2')",
            timeout=15_000,
        )
    finally:
        fac.close()
        for ctx in phones:
            ctx.close()


def test_join_page_is_clean_for_axe_and_says_a_wrong_code(browser, app_server):
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        p = ctx.new_page()
        open_app_page(p, app_server.url, "join")
        assert axe_violations(p) == []
        p.get_by_role("textbox", name="Room code").fill("QQQQQ")
        p.get_by_role("button", name="Join", exact=True).click()
        p.wait_for_selector("text=No room has that code", timeout=30_000)
        no_exception(p)
        p.screenshot(path=str(SHOTS / "join-wrong-code.png"), full_page=True)
    finally:
        ctx.close()
