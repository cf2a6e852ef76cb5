"""Pairing nobody can hijack, in real browsers: the facilitator's laptop (1920x1080, presenter
mode), the phone the facilitator pairs, and intruder phones with the same code. The intruder who
asks first is refused and controls nothing; once the phone is allowed, the code changes and an
intruder with either code is told so and has no controls; the paired phone drives the session;
a reload of the laptop or of the phone keeps the pairing (the tab's sessionStorage). On one
process, and on two replicas behind nginx sharing Redis (each device may be on either)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import axe_violations, no_exception, open_app_page, wait_ready
from test_browser_room_reload import two_replicas

SHOTS = Path("/tmp/identity")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36",
}


def _connect(p, base: str, code: str, labels) -> None:
    """Open the QR code's link and press Connect."""
    p.goto(f"{base}/run-session?view=notes&pair={code}")
    wait_ready(p)  # a tap during the first runs is covered by the app (the link's code), not tested here
    p.get_by_role("button", name=labels["facilitate_code_connect"]).click(timeout=60_000)


def _shown_code(laptop) -> str:
    laptop.locator(".st-key-pair_code_box h2").wait_for(timeout=30_000)
    return laptop.locator(".st-key-pair_code_box h2").inner_text().strip()


@pytest.fixture(params=["one process", "two replicas"])
def base(request, browser_content):
    """The app's address: the test server, or two replicas behind nginx sharing Redis."""
    if request.param == "one process":
        yield request.getfixturevalue("app_server").url
        return
    with two_replicas(browser_content) as (proxy, _):
        yield proxy.url


def test_an_intruder_with_the_code_controls_nothing(browser, base):
    from components.content import load_content
    from conftest import CONTENT

    labels = load_content(CONTENT).ui.labels
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac = browser.new_context(viewport={"width": 1920, "height": 1080})
    mine, theirs, late = (browser.new_context(**PHONE) for _ in range(3))
    try:
        laptop = fac.new_page()
        open_app_page(laptop, base, "run-session", "?plan=classroom-45&segment=1&present=1")
        laptop.locator(".st-key-pair_start button").click()
        first = _shown_code(laptop)

        # an intruder asks first: the laptop names the device and the facilitator refuses it
        intruder = theirs.new_page()
        _connect(intruder, base, first, labels)
        intruder.get_by_text(labels["facilitate_notes_waiting"]).wait_for(timeout=60_000)
        asked = laptop.locator(".st-key-pair_pending")
        expect(asked).to_contain_text("Allow this device?", use_inner_text=True)
        expect(asked).to_contain_text("Phone · asked ", use_inner_text=True)
        expect(laptop.locator(".st-key-pair_code_box")).to_have_count(0)  # the code hides while asking
        laptop.screenshot(path=str(SHOTS / "laptop-allow-this-device.png"))
        laptop.locator(".st-key-pair_refuse button").click()
        expect(intruder.locator(".st-key-notes_not_paired")).to_contain_text(
            labels["facilitate_notes_refused"], use_inner_text=True
        )
        expect(intruder.locator(".st-key-notes_next")).to_have_count(0)
        intruder.screenshot(path=str(SHOTS / "intruder-refused.png"), full_page=True)
        assert axe_violations(intruder) == []

        # the code changed and is hidden until asked for; the facilitator's phone pairs with it
        laptop.locator(".st-key-pair_show button").click()
        second = _shown_code(laptop)
        assert second != first
        phone = mine.new_page()
        _connect(phone, base, second, labels)
        laptop.locator(".st-key-pair_allow button").click(timeout=30_000)
        phone.locator(".st-key-notes_next button").wait_for(timeout=60_000)
        expect(laptop.locator(".st-key-pair_paired")).to_contain_text("Phone · paired ", use_inner_text=True)
        expect(laptop.locator(".st-key-pair_code_box, .st-key-pair_qr")).to_have_count(0)  # hidden once paired
        laptop.screenshot(path=str(SHOTS / "laptop-paired.png"))

        # a late intruder with either code: told so, no controls
        other = late.new_page()
        _connect(other, base, first, labels)
        other.get_by_text(labels["facilitate_code_unknown"]).wait_for(timeout=30_000)
        _connect(other, base, second, labels)
        other.get_by_text(labels["facilitate_code_unknown"]).wait_for(timeout=30_000)
        expect(other.locator(".st-key-notes_next")).to_have_count(0)
        expect(intruder.locator(".st-key-notes_next")).to_have_count(0)

        # the paired phone drives the session; a reload of either side keeps the pairing
        phone.locator(".st-key-notes_next button").click()
        phone.get_by_text("Segment 2 of").first.wait_for(timeout=30_000)
        phone.reload()
        phone.locator(".st-key-notes_next button").wait_for(timeout=60_000)
        phone.get_by_text("Segment 2 of").first.wait_for(timeout=30_000)
        assert "pair=" not in phone.url
        phone.screenshot(path=str(SHOTS / "phone-after-reload.png"), full_page=True)
        open_app_page(laptop, base, "run-session", "?plan=classroom-45&segment=2&present=1")
        laptop.reload()
        wait_ready(laptop)
        laptop.locator(".st-key-pair_paired").wait_for(timeout=30_000)
        phone.locator(".st-key-notes_next button").click()
        phone.get_by_text("Segment 3 of").first.wait_for(timeout=30_000)
        no_exception(phone)

        # unpaired: the phone is told so and keeps no controls
        open_app_page(laptop, base, "run-session", "?plan=classroom-45&segment=3&present=1")
        laptop.locator(".st-key-pair_unpair button").click(timeout=30_000)
        expect(phone.locator(".st-key-notes_not_paired")).to_contain_text(
            labels["facilitate_notes_unpaired"], use_inner_text=True
        )
        expect(phone.locator(".st-key-notes_next")).to_have_count(0)
    finally:
        for ctx in (fac, mine, theirs, late):
            ctx.close()
