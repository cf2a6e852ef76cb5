"""Help lines say what is true about them: each entry carries its own
`confirmed_live_on`; until a person confirms it, the page and the handouts say it is as published on
a date and not yet confirmed; `check` warns (exit 0) about entries never confirmed live or confirmed
more than six months ago, naming file:line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from components.content import live_check_warnings, months_before
from components.facilitate import handouts
from conftest import CONTENT, ROOT, problems_for

TODAY = date(2026, 12, 4)


def entries(content):
    return [*content.help.immediate_danger.numbers, *content.help.helplines]


def set_confirmed(directory: Path, entry_id: str, value: str) -> int:
    """Set one entry's confirmed_live_on in a copy of help.yaml; return the line it is on."""
    f = directory / "help.yaml"
    lines = f.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {re.escape(entry_id)}$", line))
    at = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("confirmed_live_on:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines[at] = f"{indent}confirmed_live_on: {value}"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def confirmed_line_numbers(path: Path) -> list[int]:
    return [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip().startswith("confirmed_live_on:")
    ]


def test_every_entry_states_confirmed_live_on_explicitly(content):
    assert len(confirmed_line_numbers(CONTENT / "help.yaml")) == len(entries(content))


def test_an_entry_without_confirmed_live_on_fails_validation(content_copy):
    f = content_copy / "help.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("    confirmed_live_on: null", "", 1), encoding="utf-8")
    assert any("confirmed_live_on" in p and "missing" in p for p in problems_for(content_copy))


def test_months_before():
    assert months_before(date(2026, 12, 4), 6) == date(2026, 6, 4)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_every_unconfirmed_entry_warns_with_its_line(content):
    warnings = live_check_warnings(CONTENT, today=TODAY)
    unconfirmed = [e for e in entries(content) if e.confirmed_live_on is None]
    assert len(warnings) >= len(unconfirmed) > 0
    lines = set(confirmed_line_numbers(CONTENT / "help.yaml"))
    for w in warnings:
        assert w.file == "help.yaml" and w.line in lines, w
    for e in unconfirmed:
        assert any(f"({e.id})" in w.where and "never confirmed" in w.message for w in warnings), e.id


def test_recent_confirmation_clears_the_warning_and_an_old_one_brings_it_back(content_copy):
    line = set_confirmed(content_copy, "uk-mens-advice-line", "2026-07-01")
    assert not [w for w in live_check_warnings(content_copy, today=TODAY) if "uk-mens-advice-line" in w.where]
    # the same date seen from eight months later: stale
    stale = [w for w in live_check_warnings(content_copy, today=date(2027, 3, 1)) if "uk-mens-advice-line" in w.where]
    assert len(stale) == 1 and stale[0].line == line
    assert "more than 6 months" in stale[0].message and "2026-07-01" in stale[0].message
    # exactly six months is still fresh; one day more is not
    assert not [w for w in live_check_warnings(content_copy, today=date(2027, 1, 1)) if "uk-mens" in w.where]
    assert [w for w in live_check_warnings(content_copy, today=date(2027, 1, 2)) if "uk-mens" in w.where]


def run_check(directory: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.content", "check", "--content", str(directory), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_warns_with_file_and_line_and_exits_0(content_copy):
    line = set_confirmed(content_copy, "emergency-uk", "2025-01-10")
    out = run_check(content_copy, "--today", TODAY.isoformat())
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("OK: ")
    assert re.search(
        rf"^WARNING: {re.escape(str(content_copy / 'help.yaml'))}:{line}: "
        r"immediate_danger\.numbers\.1\.confirmed_live_on \(emergency-uk\): last confirmed live on "
        r"2025-01-10, more than 6 months",
        out.stdout,
        re.M,
    ), out.stdout
    assert "never confirmed" in out.stdout
    assert "warnings" in out.stderr


def test_cli_has_no_warning_when_every_entry_is_freshly_confirmed(content_copy):
    f = content_copy / "help.yaml"
    f.write_text(
        re.sub(r"confirmed_live_on: null.*", "confirmed_live_on: 2026-11-30", f.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    out = run_check(content_copy, "--today", TODAY.isoformat())
    assert out.returncode == 0 and "WARNING" not in out.stdout, out.stdout


def test_cli_still_fails_on_errors(content_copy):
    (content_copy / "help.yaml").write_text("helplines: nope\n", encoding="utf-8")
    assert run_check(content_copy).returncode == 1


def test_get_help_page_says_what_is_true(content, content_copy, monkeypatch):
    from test_pages import all_text, open_page

    monkeypatch.setenv("CONTENT_DIR", str(content_copy))
    set_confirmed(content_copy, "us-ndvh", "2026-11-30")
    at = open_page("get-help")
    assert not at.exception
    text = all_text(at)
    published = content.help.published_on.isoformat()
    assert "Checked" not in text
    assert (
        text.count(f"As published on {published}; not yet confirmed on the organisation's own site")
        == len(content.help.helplines) - 1
    )
    assert "Confirmed on the organisation's own site on 2026-11-30" in text
    assert text.count(f"as published on {published}; not yet confirmed") == len(content.help.immediate_danger.numbers)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("build", [handouts.participant_handout, handouts.facilitator_guide])
def test_handouts_say_what_is_true(content_copy, build):
    """The handouts list one region: what is true of each of its entries is said, the
    confirmed line as confirmed, the others as published and not yet confirmed (said once)."""
    from components.content import load_content

    set_confirmed(content_copy, "us-ndvh", "2026-11-30")
    c = load_content(content_copy)
    text = _pdf_text(build(c, c.workshops["classroom-45"], "us")).replace("’", "'")
    published = c.help.published_on.isoformat()
    assert "Checked on" not in text
    assert "Confirmed on the organisation's own site on 2026-11-30" in text
    assert len([h for h in c.help.helplines if h.region == "us"]) > 1  # so one is still unconfirmed:
    assert f"As published on {published}; not yet confirmed on the organisation's own site" in text
    assert f"as published on {published}; not yet confirmed" in text  # the emergency number


# --------------------------------------------------------------------------- leaving safely (point 2)


def test_leaving_safely_says_why_and_what_a_safety_plan_is(content):
    leaving = content.help.leaving_safely
    text = (leaving.intro + " " + " ".join(p.title + " " + p.body for p in leaving.points)).lower()
    assert "most dangerous time" in text and "safety plan" in text and "helpline" in text
    for point in leaving.points:
        assert point.sources and all(s in content.sources_by_id for s in point.sources), point.id


def test_new_safety_items_must_cite_sources(content_copy):
    f = content_copy / "help.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("      sources: [campbell-2003-femicide-risk]\n", "", 1), encoding="utf-8")
    assert any("leaving_safely.points.0.sources" in p for p in problems_for(content_copy))


def test_get_help_shows_leaving_safely(content):
    from test_pages import all_text, open_page

    at = open_page("get-help")
    text = all_text(at)
    leaving = content.help.leaving_safely
    assert leaving.heading in [h.value for h in at.header]
    for point in leaving.points:
        assert point.body in text


@pytest.mark.parametrize("page_id", ["cycle", "healing", "therapies"])
def test_pages_that_talk_about_leaving_link_to_leaving_safely(content, page_id):
    from test_pages import open_page

    at = open_page(page_id)
    if content.ui.pages[page_id].heavy:  # the content note comes first
        at.button(key="content_note_go_on").click().run()
    label = content.ui.labels["leaving_safely_link"]
    links = [e.proto for e in at.get("page_link") if e.proto.label == label]
    assert links and all("get-help" in link.page for link in links)


# --------------------------------------------------------------------------- young people and crisis (point 4)


def test_get_help_gives_a_person_in_crisis_a_step_where_no_line_is_listed(content):
    from test_pages import open_page

    at = open_page("get-help")
    assert content.help.crisis_step in [m.value for m in at.markdown]
    assert "emergency number now" in content.help.crisis_step and "someone you trust" in content.help.crisis_step


def test_teenagers_have_their_own_therapy_path(content):
    from test_pages import open_page

    at = open_page("therapies", path="teen")
    teen = next(p for p in content.therapies.paths if p.id == "teen")
    assert teen.title in [s.value for s in at.subheader]
    assert teen.note.text in [w.value for w in at.warning]


# --------------------------------------------------------------------------- tap to call or text


def test_numbers_become_links_a_phone_can_call_or_text():
    from components.help import call_links, dial_address, text_link

    assert dial_address("0808 2000 247") == "tel:08082000247" and dial_address("+44 20 7946") == "tel:+44207946"
    assert call_links("999 or 112") == "[999](tel:999) or [112](tel:112)"
    assert call_links("1-800-799-7233") == "[1-800-799-7233](tel:18007997233)"
    assert text_link("88788", "START") == "[88788](sms:88788?&body=START)"
    assert text_link("0458 737 732") == "[0458 737 732](sms:0458737732)"


def test_get_help_makes_every_number_tappable(content):
    from test_pages import all_text, open_page

    text = all_text(open_page("get-help")).replace("&amp;", "&")  # as the Markdown link will read it
    for n in content.help.immediate_danger.numbers:
        for number in re.findall(r"\d[\d -]*\d|\d", n.number):
            assert f"[{number}](tel:{re.sub(r'[^0-9]', '', number)})" in text, n.id
    for line in content.help.helplines:
        for c in line.channels:
            digits = re.sub(r"\D", "", c.value)
            if c.kind in ("phone", "tty"):
                assert f"[{c.value}](tel:{digits})" in text, (line.id, c.value)
            elif c.kind == "text":
                body = f"?&body={c.keyword}" if c.keyword else ""
                assert f"[{c.value}](sms:{digits}{body})" in text, (line.id, c.value)
    keywords = {c.keyword for h in content.help.helplines for c in h.channels if c.keyword}
    assert {"START", "loveis"} <= keywords


def test_error_screen_numbers_are_tappable(content_copy, monkeypatch):
    from test_pages import open_page

    (content_copy / "glossary.yaml").write_text("terms:\n  - id: Bad Id\n", encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(content_copy))
    at = open_page("welcome")
    assert any("[999](tel:999)" in m.value for m in at.markdown)


def test_get_help_opens_on_the_readers_region_by_browser_language(content):
    from components.help import region_for_locale

    h = content.help
    assert [region_for_locale(h, x) for x in ("en-GB", "en-US", "en_IE", "en-NZ", "zh-Hant-TW", "en", "", None)] == [
        "uk",
        "us",
        "ireland",
        "new-zealand",
        "all",
        "all",
        "all",
        "all",
    ]
    covered = {r.id for r in h.regions if r.countries}
    assert covered == {r.id for r in h.regions} - {"international"}  # every country region can open first


# --------------------------------------------------------------------------- a short first view


def test_the_readers_emergency_number_comes_first_and_every_other_is_one_line(content):
    from components.help import number_short, numbers_first

    h = content.help
    first, others = numbers_first(h, "uk")
    assert [n.id for n in first] == ["emergency-uk"] and len(first) + len(others) == len(h.immediate_danger.numbers)
    assert [n.id for n in numbers_first(h, "ireland")[0]] == ["emergency-ireland", "emergency-eu"]
    assert numbers_first(h, "all") == ([], h.immediate_danger.numbers)
    assert numbers_first(h, "international")[0] == []
    assert number_short(first[0]) == "- **United Kingdom: [999](tel:999)**"
    covered = {r for n in h.immediate_danger.numbers for r in n.regions}
    assert covered == {r.id for r in h.regions if r.countries}  # every country region has its number first


def test_an_emergency_number_names_only_regions_that_exist(content_copy):
    f = content_copy / "help.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("regions: [uk]", "regions: [england]", 1), encoding="utf-8")
    assert any("emergency number 'emergency-uk': region 'england'" in p for p in problems_for(content_copy))


def test_a_helplines_flag_is_a_quiet_line_inside_its_entry_not_a_warning_box(content):
    from components.help import helpline_text, line_flag
    from test_pages import open_page

    labels, lines = content.ui.labels, {h.id: h for h in content.help.helplines}
    conflict, noted = lines["us-loveisrespect"], lines["uk-mens-advice-line"]
    assert line_flag(conflict, labels) == (
        f"⚠ **{labels['help_flag']}** ({labels['status_conflict']}). {conflict.status_note}"
    )
    assert line_flag(noted, labels).startswith("ℹ ") and noted.status_note in line_flag(noted, labels)
    assert line_flag(lines["us-ndvh"], labels) == ""
    text = helpline_text(conflict, labels, "2026-11-23")
    assert f":small[{line_flag(conflict, labels)}]" in text  # small text, with a sign: not colour alone
    at = open_page("get-help")
    assert [w.value for w in at.warning] == []  # flags are quiet lines, never a box each
