"""The live room on any projected page, in real browsers: a facilitator's laptop (1920x1080,
presenter mode) runs the 45-minute lesson on a segment's own page; the paired phone opens a room
(the segment's own question is asked at once) and puts the join code over the projected page;
five phones answer; the count sits on the presenter bar; the phone shows the counts, and the
overlay on the laptop turns into the chart. A reload of the laptop keeps the room on the bar.
The laptop's own Room menu closes it. axe-core on the laptop with the overlay up."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from browser_helpers import axe_violations, no_exception, open_app_page, wait_ready
from test_browser_pairing_guard import PHONE, _connect, _shown_code
from test_browser_projector import _bar_is_one_line
from test_browser_room import _phone_answers

SHOTS = Path("/tmp/room-anywhere")


def _bar_says(laptop, text: str, timeout: int = 30_000) -> None:
    laptop.wait_for_function(
        "(t) => (document.querySelector('.st-key-room_bar_count')?.innerText || '').includes(t)",
        arg=text,
        timeout=timeout,
    )


def _to_top(p) -> None:
    """The segment's page opened at its step: back up to the presenter bar, as a person scrolls."""
    p.mouse.move(600, 500)
    p.mouse.wheel(0, -6000)
    p.wait_for_timeout(500)


def test_the_paired_phone_runs_the_room_over_any_projected_page(browser, app_server, content):
    labels = content.ui.labels
    base = app_server.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac = browser.new_context(viewport={"width": 1920, "height": 1080})
    mine = browser.new_context(**PHONE)
    crowd = [browser.new_context(**PHONE) for _ in range(5)]
    try:
        laptop = fac.new_page()
        open_app_page(laptop, base, "run-session", "?plan=classroom-45&segment=2&present=1")
        laptop.locator(".st-key-pair_start button").click()
        phone = mine.new_page()
        _connect(phone, base, _shown_code(laptop), labels)
        laptop.locator(".st-key-pair_allow button").click(timeout=30_000)
        phone.locator(".st-key-notes_room_open button").wait_for(timeout=60_000)
        # told ahead of time
        expect(phone.locator(".st-key-notes_room")).to_contain_text("show of hands", use_inner_text=True)

        # the segment's page on the projector, past the session's opening screen
        laptop.locator(".st-key-show_segment button").first.click()
        laptop.locator(".st-key-content_note_go_on button").click(timeout=60_000)
        laptop.wait_for_url("**/healthy-vs-toxic**", timeout=60_000)
        wait_ready(laptop)

        # the phone opens a room: the segment's own question is asked; the bar shows the count
        phone.locator(".st-key-notes_room_open button").click()
        _bar_says(laptop, "0 answered", timeout=60_000)
        room = laptop.locator(".st-key-room_bar_count").inner_text().split("·")[0].strip()
        assert len(room) == 5, room
        phone.get_by_text(f"{room} · 0 answered").wait_for(timeout=30_000)
        expect(phone.locator(".st-key-notes_room")).to_contain_text("A friend's birthday", use_inner_text=True)

        # the join code over the projected page, from the phone
        phone.locator(".st-key-notes_room_join button").click()
        expect(laptop.locator(".st-key-room_overlay_code")).to_have_text(room, use_inner_text=True)
        expect(laptop.locator('.st-key-room_overlay img[alt*="QR code"]')).to_have_count(1)
        expect(laptop.locator(".st-key-room_overlay")).to_contain_text(f"/join?code={room}", use_inner_text=True)
        expect(laptop.locator("h1").first).to_have_text(content.ui.pages["healthy-vs-toxic"].title, use_inner_text=True)
        _to_top(laptop)
        laptop.screenshot(path=str(SHOTS / "laptop-join-overlay.png"))
        assert axe_violations(laptop) == []

        # five phones answer; the bar counts them; the counts stay hidden until shown
        for i, ctx in enumerate(crowd):
            _phone_answers(ctx.new_page(), base, room, (0, 1, 1, 2, 1)[i])
        _bar_says(laptop, "5 answered")
        _to_top(laptop)
        _bar_is_one_line(laptop)  # the room's menu and count fit beside the session's controls at 1080p
        phone.locator(".st-key-notes_room_counts button").click()
        laptop.locator(".st-key-room_count_overlay").wait_for(timeout=30_000)
        assert laptop.locator(".st-key-room_overlay [role='figure']").count() == 0  # not shown yet
        phone.wait_for_function(
            "() => !document.querySelector('.st-key-notes_room_reveal button')?.disabled", timeout=30_000
        )
        phone.screenshot(path=str(SHOTS / "phone-room-controls.png"), full_page=True)
        assert axe_violations(phone) == []
        phone.locator(".st-key-notes_room_reveal button").click()
        laptop.locator(".st-key-room_overlay [role='figure']").wait_for(timeout=30_000)
        for said in ("5 answers.", "Healthy: 1", "Unhealthy: 3", "Abusive: 1"):
            expect(laptop.locator(".st-key-room_overlay")).to_contain_text(said, use_inner_text=True)
        laptop.screenshot(path=str(SHOTS / "laptop-counts-overlay.png"))
        assert axe_violations(laptop) == []
        no_exception(laptop)

        # a reload keeps the room on the bar (the tab's key); the overlay is down: the safe default
        laptop.reload()  # (the session's content note shows again: the bar is above it)
        _bar_says(laptop, f"{room} · 5 answered", timeout=60_000)
        assert laptop.locator(".st-key-room_overlay").count() == 0

        # the laptop's own Room menu closes it; the phone offers to open one again
        _to_top(laptop)
        laptop.get_by_role("button", name=labels["room_bar_menu"]).click()
        laptop.locator(".st-key-room_bar_close button").click()
        laptop.locator(".st-key-room_bar_count").wait_for(state="detached", timeout=30_000)
        phone.locator(".st-key-notes_room_open button").wait_for(timeout=30_000)
        no_exception(phone)
    finally:
        for ctx in (fac, mine, *crowd):
            ctx.close()
