"""Every help line matches the research notes it was built from (number, status
and hours; a test reads both). The notes are docs/research/helplines.md, an identical copy of
../shared/reference/helplines.md.

The notes' tables (sections 2, 7, 8, 9 and 10) are parsed row by row; ROW_TO_ENTRY says which help.yaml
entry each row became and LEFT_OUT why a row is not listed, so a row added to the notes cannot be skipped
without someone deciding. For each listed row:
- every number or short code in the entry's channels is one the row publishes (in bold or in quotes in
  its Channels column), leaving out any value the row marks UNVERIFIED or names after "versus" (the
  losing side of a conflict); e-mail addresses too; a keyword only where the row gives it, never where
  it says the keyword is unverified; the entry's web addresses are named in the row;
- the entry's status is `conflict` where the row reports a CONFLICT (in any column), else `seen`;
- the hours agree: a 24/7 line says 24/7; a line with set hours does not claim 24/7 and gives those
  hours; unverified hours read "See website"; a conflict on hours gives one side's hours or "See
  website", never 24/7;
- the kind follows the section (7 crisis, 8 youth, 9 domestic abuse, 10 specialist; directories).
And no number anywhere in an entry (or the emergency numbers) is missing from the notes.

Every check is a function returning problems; the tests at the end break a copy (a number, a status,
hours, a new row in the notes, ...) and show the check names the break."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import CONTENT, ROOT

NOTES = ROOT / "docs" / "research" / "helplines.md"
SHARED_NOTES = ROOT.parent / "shared" / "reference" / "helplines.md"
SECTIONS = ("2", "7", "8", "9", "10")

# Which help.yaml entry each row of the notes became. Section 2's rows are "2.<#>" (main-table row 3 is "2.3").
ROW_TO_ENTRY = {
    # 2. Helplines (main table)
    "2.1": "us-ndvh",
    "2.2": "us-loveisrespect",
    "2.3": "uk-national-da-helpline",
    "2.4": "uk-mens-advice-line",
    "2.5": "uk-scotland-sdafmh",
    "2.6": "ireland-womens-aid",
    "2.6b": "ireland-male-advice-line",
    "2.7": "canada-sheltersafe",
    "2.9": "canada-talk4healing",
    "2.10": "canada-sos-violence-conjugale",
    "2.11": "canada-victimlinkbc",
    "2.12": "australia-1800respect",
    "2.13": "nz-womens-refuge",
    "2.14": "nz-are-you-ok",
    "2.14b": "nz-shine",
    "2.15": "india-women-helpline-181",
    "2.16": "intl-hot-peach-pages",
    "2.17": "intl-lila-help",
    # 7. Crisis and suicide lines
    "7.1": "us-988",
    "7.2": "us-crisis-text-line",
    "7.3": "us-trans-lifeline",
    "7.4": "us-trevor-project",
    "7.5": "uk-samaritans",
    "7.6": "uk-samaritans-welsh",
    "7.7": "uk-shout",
    "7.8": "uk-nhs-111-mental-health",
    "7.9": "uk-wales-111-mental-health",
    "7.11": "uk-scotland-breathing-space",
    "7.12": "uk-scotland-mental-health-hub",
    "7.13": "uk-ni-lifeline",
    "7.14": "uk-papyrus-hopeline",
    "7.15": "ireland-samaritans",
    "7.16": "ireland-pieta",
    "7.17": "ireland-50808",
    "7.18": "canada-988",
    "7.19": "canada-hope-for-wellness",
    "7.20": "australia-lifeline",
    "7.21": "australia-suicide-call-back",
    "7.22": "australia-13yarn",
    "7.23": "australia-beyond-blue",
    "7.24": "australia-mensline",
    "7.25": "nz-1737",
    "7.26": "nz-lifeline-aotearoa",
    "7.27": "nz-suicide-crisis-helpline",
    "7.28": "india-tele-manas",
    "7.30": "intl-find-a-helpline",
    "7.31": "intl-befrienders",
    # 8. Children and young people
    "8.1": "us-childhelp",
    "8.2": "us-national-runaway-safeline",
    "8.3": "uk-childline",
    "8.4": "uk-nspcc-helpline",
    "8.5": "ireland-childline",
    "8.6": "canada-kids-help-phone",
    "8.7": "australia-kids-helpline",
    "8.8": "nz-youthline",
    "8.9": "nz-whats-up",
    "8.10": "india-child-helpline-1098",
    "8.11": "intl-child-helpline-international",
    # 9. Domestic abuse, Wales and Northern Ireland
    "9.1": "uk-wales-live-fear-free",
    "9.2": "uk-ni-dsa-helpline",
    # 10. Specialist lines (10a LGBTQ+, 10b other, 10c Deaf and hard-of-hearing callers)
    "10.1": "uk-galop",
    "10.2": "us-network-la-red",
    "10.3": "australia-rainbow-door",
    "10.4": "australia-qlife",
    "10.5": "us-stronghearts",
    "10.6": "india-ncw-helpline",
    "10.7": "uk-relay-uk",
    "10.8": "uk-signhealth",
    "10.9": "us-988-asl",
    "10.10": "canada-deaf-access",
    "10.11": "australia-nrs",
    "10.12": "nz-relay",
}

# Rows not listed, why, and the words in the row's Status column that say so.
LEFT_OUT = {
    "2.8": ("UNVERIFIED", "Ontario's Assaulted Women's Helpline: its phone number was not seen in any source"),
    "2.18": ("UNVERIFIED", "NO MORE Global Directory: no page was found"),
    "7.10": ("Do not ship until checked", "C.A.L.L.: its number was seen in one secondary source only"),
    "7.29": ("UNVERIFIED", "KIRAN: seen only at its 2020 launch, so it may not still run"),
}

# The kind of line each section holds (directories are kind `directory`, region `international`).
SECTION_KIND = {"2": "domestic-abuse", "7": "crisis", "8": "youth", "9": "domestic-abuse", "10": "specialist"}
NUMBER_CHANNELS = ("phone", "text", "tty", "whatsapp")


# --------------------------------------------------------------------------- reading the notes

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def tidy(text: str) -> str:
    """Every kind of dash as '-', non-breaking spaces as spaces (the notes use both)."""
    return text.translate(DASHES).replace("\u00a0", " ").replace("\u202f", " ")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# A number written partly in letters, with the letters' digits after it where given:
# "800-799-SAFE (7233)", "1-800-RUNAWAY", "1-800-4-A-CHILD (1-800-422-4453)", "0800 REFUGE", "13YARN".
LETTER_FORM = re.compile(r"\b(\d[\d -]*)([A-Z](?:-?[A-Z])+)\b(?:\s*\((\d[\d -]*\d)\))?")
DIGIT_RUN = re.compile(r"\d[\d -]*\d|\d")


def letter_form(text: str) -> str:
    return re.sub(r"\s+", " ", tidy(text)).strip().upper()


def numbers_in(text: str) -> set[str]:
    """The numbers in a piece of the notes or of help.yaml: each run of digits (spaces and dashes
    removed), each letter form as written ("1-800-RUNAWAY"), and a letter form's number in digits where
    its letters' digits follow it in brackets ("1-800-273-TALK (8255)" -> 18002738255)."""
    text = tidy(text).replace("*", "")
    found = set()
    for m in LETTER_FORM.finditer(text):
        found.add(letter_form(m.group(1) + m.group(2)))
        if m.group(3) and len(digits(m.group(3))) == len(re.sub(r"[^A-Z]", "", m.group(2))):
            found.add(digits(m.group(1)) + digits(m.group(3)))
    text = re.sub(r"\((\d{2,4})\)\s*", r"\1 ", text)  # "(877) 565-8860", "(09) 5222 999"
    found.update(digits(m.group(0)) for m in DIGIT_RUN.finditer(text))
    return found


def channel_number(value: str) -> str:
    """How a channel's value is compared: a letter form as written, otherwise its digits."""
    return letter_form(value) if re.search(r"[A-Za-z]", value) else digits(value)


@dataclass(frozen=True)
class Row:
    number: str  # "2.3", "2.6b", "7.1"
    cells: dict[str, str]  # column heading (shortened: "Channels", "Hours", "Status", ...) -> cell

    @property
    def section(self) -> str:
        return self.number.split(".")[0]

    @property
    def text(self) -> str:
        return " | ".join(self.cells.values())

    @property
    def claims(self) -> str:
        """Everything the row says except where it was seen."""
        return " | ".join(v for k, v in self.cells.items() if not k.startswith("Source"))

    def published(self) -> str:
        """The part of the Channels cell that publishes values: sentences marked UNVERIFIED are dropped,
        and so is whatever follows "versus" (the other side of a conflict, named so it is not reused)."""
        kept = []
        for sentence in re.split(r"(?<=[.;])\s+", tidy(self.cells["Channels"])):
            if "UNVERIFIED" not in sentence:
                kept.append(re.split(r"\bversus\b", sentence)[0])
        return " ".join(kept)

    def numbers(self) -> set[str]:
        """The numbers the row publishes: the bold and quoted values of its Channels column, and the
        bold name of the service where its name is its number ("**9-8-8 access for Deaf callers**")."""
        shown, service = self.published(), next(v for k, v in self.cells.items() if k.startswith("Organisation"))
        spans = re.findall(r"\*\*(.+?)\*\*", shown + " " + service)
        spans += [a or b for a, b in re.findall(r'"([^"]+)"|“([^”]+)”', shown)]
        return set().union(*(numbers_in(s) for s in spans)) if spans else set()

    def status(self) -> str:
        """unverified (the core fact was not seen), conflict (a CONFLICT anywhere in the row) or seen."""
        if re.match(r"\W*UNVERIFIED", self.cells["Status"]):
            return "unverified"
        return "conflict" if "CONFLICT" in self.claims else "seen"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _heading(cell: str) -> str:
    return cell.split(" (")[0].split(" /")[0].strip()


def parse_rows(notes: str) -> tuple[dict[str, Row], list[str]]:
    """The numbered rows of the notes' tables in sections 2, 7, 8, 9 and 10, and any problem reading them."""
    rows, problems = {}, []
    for part in re.split(r"^## ", notes, flags=re.M)[1:]:
        section = re.match(r"(\d+)\.", part)
        if not section or section.group(1) not in SECTIONS:
            continue
        header = None
        for line in part.splitlines():
            if line.startswith("| #"):
                header = [_heading(c) for c in _cells(line)]
            elif re.match(r"\|\s*\d", line):
                cells = _cells(line)
                if header is None or len(cells) != len(header):
                    problems.append(f"section {section.group(1)}: a row with {len(cells)} cells: {line[:60]}")
                    continue
                key = cells[0] if "." in cells[0] else f"{section.group(1)}.{cells[0]}"
                if key in rows:
                    problems.append(f"row {key} appears twice in the notes")
                rows[key] = Row(key, dict(zip(header, cells)))
    return rows, problems


# --------------------------------------------------------------------------- hours

ALWAYS = re.compile(r"24/7|24 hours|24×7|24x7|24-hour", re.I)


def hours_kind(cell: str) -> str:
    """directory, conflict, always (24/7), unverified or specific, from a row's Hours cell. Old values
    marked "Superseded" are only warnings and are dropped first."""
    cell = re.sub(r"Superseded:.*?(?:\.\s|$)", "", tidy(cell).replace("*", "")).strip()
    if cell.startswith("n/a"):
        return "directory"
    if cell.startswith("CONFLICT"):
        return "conflict"
    first = re.split(r"\.\s|;", cell)[0]
    if ALWAYS.search(first) and not re.search(r"\bnot 24/7", first, re.I):
        return "always"
    return "unverified" if "UNVERIFIED" in cell else "specific"


def times(text: str) -> set[str]:
    """The clock times in a text ("10am", "8:30pm", "midnight"), spaces and case aside."""
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", tidy(text).lower())
    return set(re.findall(r"(?<![\d:])\d{1,2}(?::\d{2})?(?:am|pm)\b|midnight|midday|noon", text))


def hours_problems(row: Row, hours: str) -> list[str]:
    cell, said = row.cells["Hours"], hours.lower()
    claims_always = bool(ALWAYS.search(hours))
    kind = hours_kind(cell)
    if kind == "always" and "24/7" not in hours:
        return [f"the notes say 24/7, the entry says {hours!r}"]
    if kind == "directory" and claims_always:
        return [f"a directory has no hours, the entry says {hours!r}"]
    if kind == "unverified" and "see website" not in said:
        return [f"the notes do not confirm the hours, so the entry should say 'See website', not {hours!r}"]
    if kind in ("specific", "conflict") and claims_always:
        return [f"the notes do not say 24/7 ({cell[:60]}...), the entry does: {hours!r}"]
    if kind == "specific" and not times(re.sub(r"Superseded:.*?(?:\.\s|$)", "", tidy(cell))) <= times(hours):
        return [f"the entry's hours {hours!r} leave out the notes' hours ({cell[:80]})"]
    if kind == "conflict" and "see website" not in said:
        sides = [times(side) for side in re.split(r"\bversus\b", cell)]
        if not any(side and side <= times(hours) for side in sides):
            return [f"a conflict on hours: give one side's hours or 'See website', not {hours!r}"]
    return []


# --------------------------------------------------------------------------- the checks


def _address(url: str) -> str:
    parsed = urlparse(url)
    return (parsed.netloc.removeprefix("www.") + parsed.path.rstrip("/")).lower()


def row_problems(row: Row, entry: dict) -> list[str]:
    """Where one help.yaml entry disagrees with the row it was built from."""
    where, out = f"{row.number} -> {entry['id']}", []
    allowed, shown = row.numbers(), row.published()
    for c in entry["channels"]:
        if c["kind"] in NUMBER_CHANNELS and channel_number(c["value"]) not in allowed:
            out.append(f"{where}: {c['kind']} {c['value']!r} is not a number the row publishes ({sorted(allowed)})")
        if c["kind"] == "email" and c["value"].lower() not in shown.lower():
            out.append(f"{where}: e-mail {c['value']!r} is not one the row publishes")
        if c.get("keyword"):
            if re.search(r"keyword\W*UNVERIFIED", row.cells["Channels"], re.I):
                out.append(f"{where}: keyword {c['keyword']!r} given, but the notes say the keyword is unverified")
            elif not re.search(rf"\b{re.escape(c['keyword'])}\b", shown):
                out.append(f"{where}: keyword {c['keyword']!r} is not in the row's channels")
        if c["kind"] in ("web", "chat") and _address(c["value"]) not in row.text.lower():
            out.append(f"{where}: {c['kind']} {c['value']!r} is not a site the row names")
    if entry.get("url") and _address(entry["url"]) not in row.text.lower():
        out.append(f"{where}: url {entry['url']!r} is not a site the row names")
    expected = row.status()
    if expected == "unverified":
        out.append(f"{where}: the row's core fact is UNVERIFIED, so it must be left out")
    elif entry["status"] != expected:
        out.append(f"{where}: status is {entry['status']!r}, the notes say {expected!r}")
    out += [f"{where}: hours: {p}" for p in hours_problems(row, entry["hours"])]
    kind = "directory" if hours_kind(row.cells["Hours"]) == "directory" else SECTION_KIND[row.section]
    if entry["kind"] != kind:
        out.append(f"{where}: kind is {entry['kind']!r}; section {row.section} rows are {kind!r}")
    if kind == "directory" and entry["region"] != "international":
        out.append(f"{where}: a directory's region is 'international', not {entry['region']!r}")
    return out


def mapping_problems(rows: dict[str, Row], entries: dict[str, dict]) -> list[str]:
    """Every row is either mapped to an entry that exists or left out for a reason the row states;
    every entry comes from a row."""
    out = []
    for number, row in rows.items():
        if number in ROW_TO_ENTRY and number in LEFT_OUT:
            out.append(f"{number}: both mapped and left out")
        elif number in LEFT_OUT:
            words, why = LEFT_OUT[number]
            if words not in row.cells["Status"]:
                out.append(f"{number} is left out ({why}), but its Status no longer says {words!r}: add it")
        elif number not in ROW_TO_ENTRY:
            out.append(f"{number}: a row of the notes neither mapped to a help.yaml entry nor listed as left out")
        elif ROW_TO_ENTRY[number] not in entries:
            out.append(f"{number} maps to {ROW_TO_ENTRY[number]!r}, which is not in help.yaml")
    out += [
        f"{n}: in ROW_TO_ENTRY or LEFT_OUT but not a row of the notes" for n in {*ROW_TO_ENTRY, *LEFT_OUT} - set(rows)
    ]
    mapped = set(ROW_TO_ENTRY.values())
    out += [f"help.yaml entry {i!r} comes from no row of the notes" for i in entries if i not in mapped]
    return out


def _entry_text(entry: dict) -> list[str]:
    return [entry.get(k) or "" for k in ("hours", "who", "status_note", "languages")] + [
        c.get("note") or "" for c in entry["channels"]
    ]


def unknown_numbers(notes: str, help_data: dict) -> list[str]:
    """Numbers in help.yaml (channels, their notes, hours, who, flags; the emergency numbers) that
    appear nowhere in the notes."""
    known, out = numbers_in(notes), []
    for n in help_data["immediate_danger"]["numbers"]:
        out += [f"{n['id']}: {x!r}" for x in numbers_in(n["number"]) - known]
    for e in help_data["helplines"]:
        for c in e["channels"]:
            if c["kind"] in NUMBER_CHANNELS and channel_number(c["value"]) not in known:
                out.append(f"{e['id']}: channel {c['value']!r}")
        for text in _entry_text(e):
            out += [
                f"{e['id']}: {x!r} in {text[:40]!r}" for x in numbers_in(text) - known if not x.isdigit() or len(x) >= 3
            ]
    return [f"not in the notes: {p}" for p in out]


def all_problems(notes: str, help_data: dict) -> list[str]:
    rows, out = parse_rows(notes)
    entries = {e["id"]: e for e in help_data["helplines"]}
    out += mapping_problems(rows, entries)
    for number, entry_id in ROW_TO_ENTRY.items():
        if number in rows and entry_id in entries:
            out += row_problems(rows[number], entries[entry_id])
    return out + unknown_numbers(notes, help_data)


def copy_problem(repo_copy: Path, shared: Path) -> str | None:
    if not shared.is_file():
        return f"{shared} is missing"
    if repo_copy.read_bytes() != shared.read_bytes():
        return f"{repo_copy} differs from {shared}: copy the shared notes into the repo"
    return None


# --------------------------------------------------------------------------- tests on the real files


@pytest.fixture(scope="module")
def notes() -> str:
    return NOTES.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def help_data() -> dict:
    return yaml.safe_load((CONTENT / "help.yaml").read_text(encoding="utf-8"))


def test_the_notes_tables_are_read_whole(notes):
    rows, problems = parse_rows(notes)
    assert problems == []
    by_section = {s: sorted(n for n in rows if n.split(".")[0] == s) for s in SECTIONS}
    assert {s: len(v) for s, v in by_section.items()} == {"2": 20, "7": 31, "8": 11, "9": 2, "10": 12}
    assert {"2.6b", "2.14b", "7.31", "8.11", "10.12"} <= set(rows)
    assert rows["7.5"].numbers() >= {"116123"} and rows["8.2"].numbers() >= {"1-800-RUNAWAY", "66008"}
    assert "18002738255" in rows["10.9"].numbers() and "18004224453" in rows["8.1"].numbers()
    assert "07786209697" not in rows["7.14"].numbers()  # the losing side of the text-number conflict
    assert "1800224488" not in rows["7.11"].numbers()  # an UNVERIFIED textphone route
    assert [rows[n].status() for n in ("7.1", "7.6", "2.14b", "2.18", "7.29")] == [
        "seen",
        "conflict",
        "conflict",
        "unverified",
        "unverified",
    ]
    assert [hours_kind(rows[n].cells["Hours"]) for n in ("7.1", "10.1", "2.4", "8.4", "7.30", "7.11", "8.7")] == [
        "always",
        "specific",
        "unverified",
        "conflict",
        "directory",
        "specific",
        "always",
    ]


def test_every_row_is_listed_or_left_out_for_its_stated_reason(notes, help_data):
    rows, _ = parse_rows(notes)
    assert mapping_problems(rows, {e["id"]: e for e in help_data["helplines"]}) == []
    assert len(ROW_TO_ENTRY) == len(set(ROW_TO_ENTRY.values())) == len(help_data["helplines"])


def test_every_entry_matches_its_row(notes, help_data):
    rows, _ = parse_rows(notes)
    entries = {e["id"]: e for e in help_data["helplines"]}
    problems = [p for n, i in ROW_TO_ENTRY.items() for p in row_problems(rows[n], entries[i])]
    assert problems == [], "\n".join(problems)


def test_no_number_in_help_yaml_is_missing_from_the_notes(notes, help_data):
    problems = unknown_numbers(notes, help_data)
    assert problems == [], "\n".join(problems)


def test_the_988_press_3_option_is_never_advertised(help_data):
    line = next(e for e in help_data["helplines"] if e["id"] == "us-988")
    offered = " ".join(c.get("note") or "" for c in line["channels"]).lower()
    assert "press 1" in offered and "press 3" not in offered and "3 for" not in offered
    assert "ended" in line["status_note"]  # said only as withdrawn


def test_the_repo_copy_of_the_notes_is_the_shared_one():
    if not SHARED_NOTES.parent.parent.is_dir():
        pytest.skip(f"the shared folder ({SHARED_NOTES.parent.parent}) is absent beside this checkout")
    assert copy_problem(NOTES, SHARED_NOTES) is None


# --------------------------------------------------------------------------- each check can fail


def _entry(data: dict, entry_id: str) -> dict:
    return next(e for e in data["helplines"] if e["id"] == entry_id)


def _set(entry_id: str, key: str, value):
    def change(data):
        _entry(data, entry_id)[key] = value

    return change


def _channel(entry_id: str, index: int, **changes):
    def change(data):
        _entry(data, entry_id)["channels"][index].update(changes)

    return change


def _add_channel(entry_id: str, **channel):
    def change(data):
        _entry(data, entry_id)["channels"].append({"note": None, **channel})

    return change


def _drop(entry_id: str):
    def change(data):
        data["helplines"].remove(_entry(data, entry_id))

    return change


def _add_entry(data):
    data["helplines"].append({**copy.deepcopy(_entry(data, "uk-shout")), "id": "uk-a-line-from-memory"})


YAML_BREAKS = {
    "a wrong number": (_channel("uk-samaritans", 0, value="116 124"), "7.5 -> uk-samaritans: phone '116 124'"),
    "a number from another row": (_add_channel("us-988", kind="text", value="741741"), "7.1 -> us-988: text '741741'"),
    "the losing side of a conflict": (
        _channel("uk-papyrus-hopeline", 1, value="07786 209697"),
        "uk-papyrus-hopeline: text '07786 209697'",
    ),
    "an unverified detail": (
        _add_channel("uk-scotland-breathing-space", kind="tty", value="18001 0800 22 44 88"),
        "uk-scotland-breathing-space: tty",
    ),
    "a letter form from another row": (
        _add_channel("us-ndvh", kind="phone", value="1-800-RUNAWAY"),
        "us-ndvh: phone '1-800-RUNAWAY'",
    ),
    "a number the notes never give": (
        _channel("nz-1737", 0, value="1738"),
        "not in the notes: nz-1737: channel '1738'",
    ),
    "a number in a note from memory": (
        _channel("us-988", 0, note="Or call 1-800-555-0199."),
        "not in the notes: us-988: '18005550199'",
    ),
    "a conflict marked seen": (
        _set("uk-nspcc-helpline", "status", "seen"),
        "8.4 -> uk-nspcc-helpline: status is 'seen'",
    ),
    "a seen row marked conflict": (_set("uk-shout", "status", "conflict"), "7.7 -> uk-shout: status is 'conflict'"),
    "set hours claimed 24/7": (_set("uk-galop", "hours", "24/7"), "10.1 -> uk-galop: hours: the notes do not say 24/7"),
    "set hours lost": (
        _set("uk-scotland-breathing-space", "hours", "Evenings and weekends"),
        "leave out the notes' hours",
    ),
    "a 24/7 line given set hours": (
        _set("us-988", "hours", "Mon-Fri 9am-5pm"),
        "7.1 -> us-988: hours: the notes say 24/7",
    ),
    "unverified hours made up": (_set("uk-mens-advice-line", "hours", "Mon-Fri 9am-5pm"), "should say 'See website'"),
    "a conflict on hours settled as 24/7": (
        _set("uk-nspcc-helpline", "hours", "24/7"),
        "8.4 -> uk-nspcc-helpline: hours",
    ),
    "a conflict on hours with neither side": (_set("nz-whats-up", "hours", "Afternoons"), "a conflict on hours"),
    "an unverified keyword published": (_channel("ireland-50808", 0, keyword="TALK"), "the keyword is unverified"),
    "a keyword the row does not give": (_channel("uk-shout", 0, keyword="HELLO"), "keyword 'HELLO' is not in"),
    "an e-mail the notes cut off": (
        _add_channel("uk-wales-live-fear-free", kind="email", value="info@livefearfree.org.uk"),
        "e-mail 'info@livefearfree.org.uk'",
    ),
    "a site the row does not name": (
        _set("us-crisis-text-line", "url", "https://example.org"),
        "url 'https://example.org'",
    ),
    "the wrong kind": (_set("uk-shout", "kind", "youth"), "7.7 -> uk-shout: kind is 'youth'"),
    "a mapped entry removed": (_drop("uk-galop"), "10.1 maps to 'uk-galop', which is not in help.yaml"),
    "an entry from no row": (_add_entry, "'uk-a-line-from-memory' comes from no row"),
}


@pytest.mark.parametrize("name", YAML_BREAKS)
def test_a_break_in_help_yaml_is_caught(notes, help_data, tmp_path, name):
    change, expected = YAML_BREAKS[name]
    broken = copy.deepcopy(help_data)
    change(broken)
    path = tmp_path / "help.yaml"  # through a file, as the real check reads it
    path.write_text(yaml.safe_dump(broken, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = all_problems(notes, yaml.safe_load(path.read_text(encoding="utf-8")))
    assert any(expected in p for p in problems), "\n".join(problems)


NEW_ROW = "| 7.32 | Ireland | A new line | Call **1800 000 000** | 24/7 | Anyone | SEEN | example.ie (n.d.) |\n"

NOTES_BREAKS = {
    "a new row": (
        lambda t: t.replace("\n\n---\n\n## 8.", "\n" + NEW_ROW + "\n---\n\n## 8.", 1),
        "7.32: a row of the notes neither mapped",
    ),
    "a number changed in the notes": (
        lambda t: t.replace("Call free **116 123**", "Call free **116 124**", 1),
        "7.5 -> uk-samaritans: phone '116 123'",
    ),
    "hours changed in the notes": (
        lambda t: t.replace(
            '| "24 hours a day, 7 days a week, every day of the year". Calls are free |', "| 9am-5pm weekdays |", 1
        ),
        "7.13 -> uk-ni-lifeline: hours",
    ),
    "a conflict reported in the notes": (
        lambda t: t.replace(
            '| Anyone in the UK, "Children and adults". Free on all major networks | SEEN |',
            "| Anyone | CONFLICT (cost) |",
            1,
        ),
        "7.7 -> uk-shout: status is 'seen', the notes say 'conflict'",
    ),
    "a left-out row now seen": (
        lambda t: re.sub(r"\| \*\*UNVERIFIED: no source after Sep 2020[^|]*\|", "| SEEN |", t),
        "7.29 is left out",
    ),
    "a row of the wrong shape": (lambda t: t.replace("| 9.2 | Northern Ireland |", "| 9.2 |", 1), "a row with"),
}


@pytest.mark.parametrize("name", NOTES_BREAKS)
def test_a_change_in_the_notes_is_caught(notes, help_data, tmp_path, name):
    change, expected = NOTES_BREAKS[name]
    path = tmp_path / "helplines.md"
    path.write_text(change(notes), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != notes  # the change applied
    problems = all_problems(path.read_text(encoding="utf-8"), help_data)
    assert any(expected in p for p in problems), "\n".join(problems)


def test_the_letter_form_of_a_number_is_compared_as_written(notes, help_data):
    rows, _ = parse_rows(notes)
    line = copy.deepcopy(_entry(help_data, "us-national-runaway-safeline"))
    line["channels"].append({"kind": "phone", "value": "1-800-RUNAWAY", "note": None})
    assert row_problems(rows["8.2"], line) == []
    line["channels"][-1]["value"] = "1-800-RUNAWAYS"
    assert any("'1-800-RUNAWAYS'" in p for p in row_problems(rows["8.2"], line))


def test_the_copy_check_catches_a_stale_copy(tmp_path, notes):
    repo, shared = tmp_path / "repo.md", tmp_path / "shared.md"
    repo.write_text(notes, encoding="utf-8")
    assert "is missing" in copy_problem(repo, shared)
    shared.write_text(notes, encoding="utf-8")
    assert copy_problem(repo, shared) is None
    shared.write_text(notes + "\n| 7.32 | a row added upstream |\n", encoding="utf-8")
    assert "differs" in copy_problem(repo, shared)


def test_the_all_clear_is_not_vacuous(notes, help_data):
    """The real files pass and there is something to check: many rows, numbers and hours compared."""
    rows, _ = parse_rows(notes)
    assert all_problems(notes, help_data) == []
    assert sum(len(rows[n].numbers()) for n in ROW_TO_ENTRY) > 100
    assert {hours_kind(rows[n].cells["Hours"]) for n in ROW_TO_ENTRY} == {
        "always",
        "specific",
        "unverified",
        "conflict",
        "directory",
    }
