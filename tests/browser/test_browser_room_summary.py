"""Before and after, and the session summary, in a real browser: a facilitator's projector
(1920x1080, presenter mode) asks the plan's before question, six phones (390x844) answer, the
facilitator asks it again at the end and the phones answer again; the projector shows both rows;
the summary's PDF and CSV download (Playwright's download event) and hold the totals, before and
after closing the room."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from pypdf import PdfReader

from browser_helpers import (
    axe_violations,
    no_exception,
    open_app_page,
    shown_text,
    wait_answer_in,
    wait_answered,
    wait_ready,
)

SHOTS = Path("/tmp/summary")
PHONE = {"width": 390, "height": 844}
BEFORE = (0, 0, 1, 1, 2, 2)  # choices 1, 1, 2, 2, 3, 3
AFTER = (2, 3, 3, 4, 4, 4)  # choices 3, 4, 4, 5, 5, 5


def _answer(p, round_: int, choice_index: int) -> None:
    send = p.locator(f".st-key-join_send_{round_} button")
    send.wait_for(timeout=30_000)
    p.locator('[data-testid="stRadio"] [role="radiogroup"] label').nth(choice_index).click()
    send.click()
    wait_answer_in(p)


def _download(proj, key: str) -> bytes:
    """Press a download button and read the file. A click that lands while the page reruns (the
    tab's storage answering after a room closes) can meet a file of the run before, which the
    browser reports as canceled: the person presses again, and so does this (up to three times)."""
    for tries_left in (2, 1, 0):
        wait_ready(proj)
        button = proj.locator(f".st-key-{key} button")
        button.scroll_into_view_if_needed()
        with proj.expect_download(timeout=60_000) as info:
            button.click()
        try:
            return Path(info.value.path()).read_bytes()
        except PlaywrightError as err:
            if "canceled" not in str(err) or not tries_left:
                raise
    raise AssertionError("unreachable")


def _check_files(proj) -> None:
    pdf = PdfReader(io.BytesIO(_download(proj, "room_summary_pdf")))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "a show of hands, not a study" in text and "Most answers to one question: 6" in text
    assert "Before: 1 · Not sure at all: 2, 2: 2, 3: 2, 4: 0, 5 · Very sure: 0." in text
    assert "After: 1 · Not sure at all: 0, 2: 0, 3: 1, 4: 2, 5 · Very sure: 3." in text
    rows = list(csv.DictReader(io.StringIO(_download(proj, "room_summary_csv").decode("utf-8"))))
    assert [int(r["Answers"]) for r in rows if r["Before or after"] == "Before"] == [2, 2, 2, 0, 0]
    assert [int(r["Answers"]) for r in rows if r["Before or after"] == "After"] == [0, 0, 1, 2, 3]


def test_before_and_after_on_the_projector_and_the_summary_downloads(browser, app_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    phones = [browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True) for _ in range(6)]
    try:
        proj = fac.new_page()
        open_app_page(proj, app_server.url, "run-session", "?plan=workshop-90&present=1")
        proj.locator(".st-key-room_open button").click()
        code = shown_text(proj.locator(".st-key-room_code_box"))
        # the plan's first question is its before question: ask it as it comes
        proj.wait_for_function(  # the picker's words, or its field's value
            "() => { const el = document.querySelector('.st-key-room_question_pick'); return !!el && (el.innerText"
            " + ' ' + [...el.querySelectorAll('input')].map((i) => i.value).join(' ')).includes("
            "'How sure do you feel about spotting'); }",
            timeout=30_000,
        )
        proj.locator(".st-key-room_ask button").click()
        wait_answered(proj, 0)

        pages = [ctx.new_page() for ctx in phones]
        for p in pages:
            open_app_page(p, app_server.url, "join", f"?code={code}")
        for p, choice in zip(pages, BEFORE, strict=True):
            _answer(p, 1, choice)
        wait_answered(proj, 6)
        expect(proj.locator(".st-key-room_shift")).to_have_count(0)  # a before alone: nothing to compare yet

        proj.locator(".st-key-room_ask button").click()  # the same question again, at the end
        wait_answered(proj, 0)
        for p, choice in zip(pages, AFTER, strict=True):
            _answer(p, 2, choice)
        wait_answered(proj, 6)
        shift = proj.locator(".st-key-room_shift")
        shift.wait_for(timeout=30_000)
        # enough answers, the counts not shown yet
        expect(shift).to_contain_text("After: not shown yet.", use_inner_text=True)
        proj.locator(".st-key-room_reveal button").click()
        proj.wait_for_function(
            "() => (document.querySelector('.st-key-room_shift')?.innerText || '').includes('After: 1 · Not sure')",
            timeout=30_000,
        )
        shift.locator('[role="figure"]').first.wait_for(timeout=30_000)
        wait_ready(proj)
        proj.wait_for_timeout(1500)  # a poll of the fragment after the reveal's rerun
        expect(shift.locator('[role="figure"]')).to_have_count(1)
        expect(shift).to_contain_text(
            "Before: 1 · Not sure at all: 2, 2: 2, 3: 2, 4: 0, 5 · Very sure: 0.", use_inner_text=True
        )
        expect(shift).to_contain_text(
            "After: 1 · Not sure at all: 0, 2: 0, 3: 1, 4: 2, 5 · Very sure: 3.", use_inner_text=True
        )
        expect(shift.locator(".js-plotly-plot .bars path").nth(1)).to_be_attached()  # two rows drawn
        shift.scroll_into_view_if_needed()
        proj.screenshot(path=str(SHOTS / "projector-shift.png"))
        no_exception(proj)
        assert axe_violations(proj) == []

        # the summary, while the room is open, and again once it is closed
        proj.locator(".st-key-room_summary summary").click()
        _check_files(proj)
        proj.locator(".st-key-room_close button").click()
        proj.locator(".st-key-room_open button").wait_for(timeout=30_000)
        _check_files(proj)
        proj.locator(".st-key-room_summary_downloads").scroll_into_view_if_needed()
        proj.screenshot(path=str(SHOTS / "projector-closed.png"))
        no_exception(proj)
        assert axe_violations(proj) == []
    finally:
        fac.close()
        for ctx in phones:
            ctx.close()
