"""Identity through reloads, in a real browser: the tab's value lives in its sessionStorage
(components/tab_storage.py): a reload keeps it, a new tab does not have it, the address never
shows it. A phone that answers, reloads /join and answers again twice is counted once."""

from __future__ import annotations

from pathlib import Path

from browser_helpers import no_exception, open_app_page, wait_ready
from test_browser_room import _answered, _open_picker

SHOTS = Path("/tmp/identity")
PHONE = {"width": 390, "height": 844}
TOKEN_KEY = "healthy-bonds:room-token"


def _token(p) -> str | None:
    return p.evaluate("(k) => sessionStorage.getItem(k)", TOKEN_KEY)


def _cookies_and_local(p) -> tuple:
    return p.evaluate("() => [document.cookie, Object.keys(localStorage).filter(k => k.startsWith('healthy'))]")


def _send(p, choice_index: int) -> None:
    radios = p.locator('[data-testid="stRadio"] [role="radiogroup"] label')
    radios.first.wait_for(timeout=30_000)
    radios.nth(choice_index).click()
    p.locator(".st-key-join_send_1 button").click()
    p.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=30_000)


def _open_and_ask(browser, base: str):
    fac = browser.new_context(viewport={"width": 1920, "height": 1080})
    proj = fac.new_page()
    open_app_page(proj, base, "run-session", "?plan=workshop-90&present=1")
    proj.locator(".st-key-room_open button").click()
    code_box = proj.locator(".st-key-room_code_box")
    code_box.wait_for(timeout=30_000)
    code = code_box.inner_text().strip()
    _open_picker(proj, ".st-key-room_question_pick")
    proj.get_by_role("option", name="The silent treatment").click()
    proj.locator(".st-key-room_ask button").click()
    _answered(proj, 0)
    return fac, proj, code


def test_a_reloading_phone_is_counted_once(browser, app_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac, proj, code = _open_and_ask(browser, app_server.url)
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        p = phone.new_page()
        open_app_page(p, app_server.url, "join", f"?code={code}")
        _send(p, 1)
        token = _token(p)
        assert token and len(token) == 32
        for choice in (2, 0):  # reload, answer again; twice
            p.reload()
            wait_ready(p)
            assert _token(p) == token  # the reload kept it
            _send(p, choice)
        assert token not in p.url  # never in the address
        cookies, local = _cookies_and_local(p)
        assert token not in cookies and local == []  # not a cookie, not localStorage
        _answered(proj, 1)
        p.wait_for_timeout(2_500)  # the projector polls each second: nothing more arrives
        _answered(proj, 1)
        p.screenshot(path=str(SHOTS / "join-after-reloads.png"), full_page=True)
        no_exception(p)

        other = phone.new_page()  # a new tab in the same browser: a new, empty sessionStorage
        open_app_page(other, app_server.url, "join", f"?code={code}")
        other.wait_for_function("(k) => sessionStorage.getItem(k)", arg=TOKEN_KEY, timeout=30_000)
        assert _token(other) != token
        _send(other, 0)
        _answered(proj, 2)
    finally:
        phone.close()
        fac.close()


def test_the_facilitators_reload_keeps_the_room(browser, app_server):
    """The laptop reloads Run a session: the same room, question and count come back (the key from
    the tab's sessionStorage); the key is not in the address; a new tab runs no room."""
    fac, proj, code = _open_and_ask(browser, app_server.url)
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        p = phone.new_page()
        open_app_page(p, app_server.url, "join", f"?code={code}")
        _send(p, 1)
        _answered(proj, 1)
        stored = proj.evaluate("() => sessionStorage.getItem('healthy-bonds:room-key')")
        assert stored and stored.startswith(code + ":") and len(stored.split(":")[1]) == 64
        proj.reload()
        wait_ready(proj)
        proj.locator(".st-key-room_code_box").wait_for(timeout=30_000)
        assert proj.locator(".st-key-room_code_box").inner_text().strip() == code
        _answered(proj, 1)
        assert "The silent treatment" in proj.locator(".st-key-room_panel").inner_text()
        assert stored.split(":")[1] not in proj.url
        proj.screenshot(path=str(SHOTS / "projector-after-reload.png"), full_page=True)
        no_exception(proj)

        again = fac.new_page()  # a new tab: its own sessionStorage, no room
        open_app_page(again, app_server.url, "run-session", "?plan=workshop-90&present=1")
        again.locator(".st-key-room_open button").wait_for(timeout=30_000)
        assert again.locator(".st-key-room_code_box").count() == 0

        # after a reload the restored key still runs the room: close it, and the phone hears so
        proj.locator(".st-key-room_close button").click()
        proj.locator(".st-key-room_open button").wait_for(timeout=30_000)
        p.wait_for_function("() => document.body.innerText.includes('closed')", timeout=30_000)
        proj.reload()
        wait_ready(proj)
        proj.locator(".st-key-room_open button").wait_for(timeout=30_000)  # closed stays closed
        assert proj.evaluate("() => sessionStorage.getItem('healthy-bonds:room-key')") is None
    finally:
        phone.close()
        fac.close()
