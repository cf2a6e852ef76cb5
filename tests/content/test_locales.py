"""Editions by folder: a locale (content/<locale>/) holds only the text fields, is laid over the English
files before the models validate it, is measured by `check --locale`, and is offered only when complete.
The pseudo-locale `xx` and a locale copied in as files alone prove a new language needs no code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from components.content import (
    FILES,
    ContentError,
    check_locale,
    drafts,
    load_cached,
    load_content,
    locales,
    offered_cached,
    offered_locales,
    overlay,
    pseudo_locales,
    review_warnings,
)
from components.content.__main__ import main
from components.content.locale import KEYED_BY_ID, is_text_key
from components.content.parse import parse
from components.content.pseudo import english_names, write_pseudo
from conftest import CONTENT


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def zz(content_copy: Path) -> Path:
    """A content copy with a complete locale `zz`, made by copying files only (no code knows `zz`)."""
    shutil.copytree(content_copy / "xx", content_copy / "zz")
    return content_copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


# --------------------------------------------------------------------------- every locale in content/


def test_the_repository_has_the_pseudo_locale():
    assert "xx" in locales(CONTENT)
    assert "workshops" not in locales(CONTENT)  # a content sub-folder is not a locale


@pytest.mark.parametrize("locale", locales(CONTENT))
def test_every_locale_validates_and_its_ids_and_facts_are_the_english_ones(content, locale):
    """The models parse the locale; ids, sources, numbers, links and list lengths are those of English."""
    local = load_content(CONTENT, locale)
    assert local.ui.language == locale
    for key in FILES:
        mine, english = getattr(local, key), getattr(content, key)
        pairs = [(mine[k], english[k]) for k in english] if isinstance(english, dict) else [(mine, english)]
        assert not isinstance(english, dict) or mine.keys() == english.keys()
        for a, b in pairs:
            facts, reference = _facts(a.model_dump()), _facts(b.model_dump())
            if key == "ui":
                assert (facts.pop("language"), reference.pop("language")) == (locale, "en")
            assert facts == reference, key
    english_numbers = [(h.id, [c.value for c in h.channels], h.url) for h in content.help.helplines]
    assert [(h.id, [c.value for c in h.channels], h.url) for h in local.help.helplines] == english_numbers


def _facts(data: dict, parent: str | None = None, keyed: bool = False) -> dict:
    """Only what is not text (a text list keeps its length): what a translation leaves as in English."""
    out: dict = {}
    for k, v in data.items():
        below = parent if keyed else k
        if not keyed and not is_text_key(parent, k, v):
            out[k] = v
        elif isinstance(v, dict):
            out[k] = _facts(v, below, keyed=not keyed and k in KEYED_BY_ID)
        elif isinstance(v, list):
            out[k] = [_facts(i, below) if isinstance(i, dict) else None for i in v]
        elif not isinstance(v, str) and v is not None:
            out[k] = v
    return out


def test_the_pseudo_locale_is_complete_and_offered():
    result = check_locale(CONTENT, "xx")
    assert result.problems == []
    assert result.total > 2000 and result.translated == result.total
    assert {f.name for f in result.files} == {name for name, _ in english_names(CONTENT)}
    offered = offered_locales(CONTENT)
    assert offered[0] == "en" and "xx" in offered


def test_the_pseudo_locale_is_up_to_date(tmp_path):
    """content/xx/ is what the script makes from today's English files: after an English edit, run
    `python -m components.content pseudo` and commit content/xx/."""
    shutil.copytree(CONTENT, tmp_path / "c", ignore=shutil.ignore_patterns("xx"))
    write_pseudo(tmp_path / "c")
    made = {p.relative_to(tmp_path / "c" / "xx"): p.read_bytes() for p in (tmp_path / "c" / "xx").rglob("*.yaml")}
    kept = {p.relative_to(CONTENT / "xx"): p.read_bytes() for p in (CONTENT / "xx").rglob("*.yaml")}
    assert made.keys() == kept.keys()
    stale = sorted(str(k) for k in made if made[k] != kept[k])
    assert stale == [], f"content/xx is stale in {stale}: run `python -m components.content pseudo`"


def test_english_loads_the_same_with_locale_folders_beside_it(content, tmp_path):
    shutil.copytree(CONTENT, tmp_path / "c", ignore=shutil.ignore_patterns("xx"))
    alone = load_content(tmp_path / "c")
    for key in FILES:
        mine, theirs = getattr(alone, key), getattr(content, key)
        if isinstance(mine, dict):
            assert {k: v.model_dump() for k, v in mine.items()} == {k: v.model_dump() for k, v in theirs.items()}
        else:
            assert mine.model_dump() == theirs.model_dump(), key
    assert load_cached(CONTENT).content.ui.language == "en"
    assert load_cached(CONTENT, "xx").content.ui.language == "xx"
    assert load_content(CONTENT, "en").ui.app_title == content.ui.app_title  # `en` is English itself
    with pytest.raises(ContentError, match="no locale folder"):
        load_content(CONTENT, "fr")


# --------------------------------------------------------------------------- a locale made of files alone


def test_a_locale_copied_in_as_files_is_picked_up_validated_complete_and_offered(zz):
    assert locales(zz) == ["es", "xx", "zz"]
    assert load_content(zz, "zz").ui.language == "zz"
    assert check_locale(zz, "zz").complete
    assert offered_cached(zz) == ("en", "es", "xx", "zz")  # offered_locales, once per content fingerprint
    assert pseudo_locales(zz) == {"xx", "zz"}  # its edition.yaml, copied from xx, says so
    (zz / "zz" / "edition.yaml").write_text("name: Zz\n", encoding="utf-8")
    assert pseudo_locales(zz) == {"xx"}


def test_an_incomplete_locale_is_not_offered_and_says_what_is_missing(zz, capsys):
    (zz / "zz" / "practice.yaml").unlink()
    edit(zz / "zz" / "ui.yaml", "app_title: «Ĥééááļţĥý Ɓööñðš»\n", "")
    result = check_locale(zz, "zz")
    assert result.problems == [] and not result.complete
    assert "zz" not in offered_locales(zz)
    practice = next(f for f in result.files if f.name == "practice.yaml")
    assert (practice.exists, practice.translated) == (False, 0) and practice.total > 0
    assert [str(p) for p in result.untranslated] == [
        f"ui.yaml:{line_of(zz / 'ui.yaml', 'app_title:')}: app_title: not translated in zz/ui.yaml: 'Healthy Bonds'"
    ]
    # untranslated words stay English: the app still loads
    assert load_content(zz, "zz").ui.app_title == "Healthy Bonds"
    code, out = run(["check", "--content", str(zz), "--locale", "zz"], capsys)
    assert code == 0
    assert f"UNTRANSLATED: {zz / 'ui.yaml'}:{line_of(zz / 'ui.yaml', 'app_title:')}: app_title:" in out
    assert "practice.yaml" in out and "(no file yet)" in out
    assert "not offered to readers" in out


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("ui.yaml", "app_title:", "app_titel: x\napp_title:", "app_titel: 'app_titel' is not in the English file"),
        ("ui.yaml", "app_title:", "language: es\napp_title:", "language: 'language' comes from the English file"),
        ("help.yaml", "- id: emergency-us\n", "- id: emergency-us\n    number: '112'\n", "number: 'number' comes"),
        ("room.yaml", "- id: how-are-you", "- id: how-are-yuo", "id: no item with id 'how-are-yuo'"),
        ("ui.yaml", "{n} ", "{m} ", "placeholders differ from the English text"),
        ("ui.yaml", "app_title: «", "app_title:\n  - «", "app_title: expected text, as in the English file"),
    ],
)
def test_what_does_not_fit_the_english_file_is_named_at_its_line(zz, file, old, new, expected):
    path = zz / "zz" / file
    edit(path, old, new)
    problems = [str(p) for p in check_locale(zz, "zz").problems]
    assert any(expected in p and p.startswith(f"zz/{file}:") for p in problems), problems


def test_a_locale_that_does_not_fit_fails_check_and_load_and_is_not_offered(zz, capsys):
    path = zz / "zz" / "ui.yaml"
    edit(path, "app_title:", "app_titel: x\napp_title:")
    (problem,) = check_locale(zz, "zz").problems
    assert problem.line == line_of(path, "app_titel:")
    code, out = run(["check", "--content", str(zz), "--locale", "zz"], capsys)
    assert code == 1 and f"{path}:{problem.line}: app_titel:" in out
    with pytest.raises(ContentError):
        load_content(zz, "zz")
    assert "zz" not in offered_locales(zz)


def test_the_models_judge_the_translated_words_at_the_locale_line(zz):
    """A room choice label is at most 80 characters, in every language."""
    path = zz / "zz" / "room.yaml"
    text = yaml.safe_load(path.read_text(encoding="utf-8"))
    label = next(c["label"] for q in text["questions"] for c in q.get("choices") or [])
    edit(path, label, "x" * 81)
    problems = [str(p) for p in check_locale(zz, "zz").problems]
    assert len(problems) == 1 and problems[0].startswith(f"zz/room.yaml:{line_of(path, 'x' * 81)}:"), problems


def test_english_wording_checks_are_for_english_only(zz):
    """A plan may not promise what a facilitator cannot keep; the model looks for the English words
    only in English. A translation says it in its own words, reviewed by people (edition.yaml)."""
    promise = "This stays in the room. "
    english = zz / "workshops" / "classroom-45.yaml"
    edit(english, "No one has to share anything personal. Listening", promise + "Listening")
    with pytest.raises(ContentError, match="promises what a facilitator cannot keep"):
        load_content(zz)
    edit(english, promise + "Listening", "No one has to share anything personal. Listening")
    translated = zz / "zz" / "workshops" / "classroom-45.yaml"
    text = yaml.safe_load(translated.read_text(encoding="utf-8"))
    edit(translated, text["group_agreement"][0], promise)
    assert promise.strip() in load_content(zz, "zz").workshops["classroom-45"].group_agreement[0]


def test_an_extra_file_is_a_problem(zz):
    (zz / "zz" / "notes.yaml").write_text("a: b\n", encoding="utf-8")
    assert [str(p) for p in check_locale(zz, "zz").problems] == [
        "zz/notes.yaml:1: (file): no English file of this name; remove it or rename it"
    ]


# --------------------------------------------------------------------------- the overlay itself


@pytest.mark.parametrize(
    "parent, key, english, text",
    [
        ("labels", "channel_chat", "Chat", True),
        ("helplines", "region", "us", False),  # a region id
        ("numbers", "region", "United States", True),  # an emergency number's shown region
        ("sets", "questions", ["how-are-you"], False),  # room.yaml: question ids
        ("segments", "questions", ["Why might love bombing...?"], True),
        ("scenes", "scene", "At school your friend Jo says...", True),
        ("questions", "scene", "keep-a-secret", False),
        ("items", "sources", ["a"], False),
        (None, "sources", [{"id": "a", "summary": "..."}], True),  # sources.yaml: walked into
        ("sources", "title", "Can Toxic Relationships Be Healed?", False),  # cited as published
        (None, "pages", {"welcome": {"title": "Welcome"}}, True),  # ui.yaml: walked into
        ("ways_in", "pages", ["cycle"], False),
        ("segments", "query", {"model": "walker"}, False),
        ("channels", "value", "988", False),
        ("channels", "note", "Press 2 for Spanish.", True),
    ],
)
def test_which_keys_are_text(parent, key, english, text):
    assert is_text_key(parent, key, english) is text


def _overlay(english: str, local: str | None):
    en, en_lines, _ = parse(english, "f.yaml")
    loc, loc_lines, _ = parse(local, "zz/f.yaml") if local is not None else (None, {}, [])
    return overlay("f.yaml", "zz", en, en_lines, loc, loc_lines)


ENGLISH = """\
title: Hello
url: https://example.org
items:
  - id: one
    name: First
    sources: [a]
  - id: two
    name: Second
    sources: [a]
notes: [Alpha, Beta]
"""


def test_lists_of_items_are_matched_by_id_and_the_facts_come_from_english():
    done = _overlay(ENGLISH, "items:\n  - id: two\n    name: Segundo\n  - id: one\n    name: Primero\n")
    assert done.problems == []
    assert done.data["items"] == [
        {"id": "one", "name": "Primero", "sources": ["a"]},
        {"id": "two", "name": "Segundo", "sources": ["a"]},
    ]
    assert done.data["url"] == "https://example.org"
    assert (done.total, done.translated) == (5, 2)
    assert [p.where for p in done.untranslated] == ["title", "notes.0", "notes.1"]


def test_the_keys_of_a_mapping_keyed_by_id_are_ids():
    """ui.yaml's pages: a page called `sources` has a title like any other."""
    english = "pages:\n  sources:\n    title: Sources\n    icon: ':material/book:'\nlabels:\n  kind: Kind\n"
    done = _overlay(english, "pages:\n  sources:\n    title: Fuentes\nlabels:\n  kind: Tipo\n")
    assert done.problems == [] and (done.total, done.translated) == (2, 2)
    assert done.data == {
        "pages": {"sources": {"title": "Fuentes", "icon": ":material/book:"}},
        "labels": {"kind": "Tipo"},
    }
    assert "comes from the English file" in _overlay(english, "pages:\n  sources:\n    icon: x\n").problems[0].message


def test_lists_of_strings_are_matched_by_position():
    done = _overlay(ENGLISH, "notes: [Alfa, Beta, Gamma]\n")
    assert done.data["notes"] == ["Alfa", "Beta"]
    assert [(p.file, p.line, p.where) for p in done.problems] == [("zz/f.yaml", 1, "notes.2")]


def test_an_item_without_its_id_and_a_missing_file():
    done = _overlay(ENGLISH, "items:\n  - name: Primero\n")
    assert "keeps the `id`" in done.problems[0].message
    nothing = _overlay(ENGLISH, None)
    assert nothing.problems == [] and nothing.translated == 0 and nothing.data == yaml.safe_load(ENGLISH)


def test_link_targets_and_numbers_must_stay():
    done = _overlay("a: 'See [help](/get-help).'\n", "a: 'Ver [ayuda](/ayuda).'\n")
    assert "link targets differ" in done.problems[0].message
    english = "a: 'Press 2 for Spanish. The older number, 1-800-273-8255, still worked in 2022.'\n"
    kept = "a: 'Marca 2 para español. El número anterior, 1-800-273-8255, aún funcionaba en 2022.'\n"
    assert _overlay(english, kept).problems == []
    changed = _overlay(english, kept.replace("2022", "2023"))
    assert "numbers differ from the English text" in changed.problems[0].message


# --------------------------------------------------------------------------- the review trail


def test_review_warnings(zz):
    trail = zz / "zz" / "edition.yaml"
    assert review_warnings(zz, "zz") == []  # copied from xx: a pseudo-locale is never reviewed
    assert drafts(zz, "zz") == frozenset()
    files = {name: {"translated_by": "A. Translator"} for name, _ in english_names(zz)}
    reviewed = {"by": "B. Reviewer", "on": "2026-12-01"}
    files["ui.yaml"] = {**files["ui.yaml"], "native_review": reviewed, "specialist_review": reviewed}
    files["help.yaml"] = {**files["help.yaml"], "native_review": reviewed}
    trail.write_text(yaml.safe_dump({"name": "Zz", "files": files}), encoding="utf-8")
    assert drafts(zz, "zz") == {name for name, _ in english_names(zz)} - {"ui.yaml"}
    warnings = {w.where: w.message for w in review_warnings(zz, "zz")}
    assert "files.ui.yaml" not in warnings
    assert warnings["files.help.yaml"] == "a draft translation: not yet reviewed by a domestic-abuse specialist"
    assert "a native speaker or a domestic-abuse specialist" in warnings["files.cycle.yaml"]
    assert len(warnings) == len(files) - 1
    del files["cycle.yaml"]
    files["nope.yaml"] = {"translated_by": "A"}
    trail.write_text(yaml.safe_dump({"name": "Zz", "files": files}), encoding="utf-8")
    assert [p.message for p in check_locale(zz, "zz").problems] == ["no English file of this name"]
    trail.unlink()
    assert [w.where for w in review_warnings(zz, "zz")] == ["(file)"]


def test_pseudo_text_left_in_a_real_translation_is_untranslated(zz):
    """A translator may start from a copy of content/xx/: whatever is still pseudo is not translated."""
    (zz / "zz" / "edition.yaml").write_text("name: Zz\n", encoding="utf-8")
    edit(zz / "zz" / "ui.yaml", "app_title: «Ĥééááļţĥý Ɓööñðš»", "app_title: Vínculos sanos")
    result = check_locale(zz, "zz")
    assert result.problems == [] and result.translated == 1 and not result.complete
    assert (
        str(result.untranslated[0])
        == "ui.yaml:4: tagline: not translated in zz/ui.yaml: still the pseudo-locale's text"
    )
    assert "app_title" not in {p.where for p in result.untranslated if p.file == "ui.yaml"}


def test_a_problem_of_the_english_files_is_reported_as_theirs(zz):
    edit(
        zz / "workshops" / "classroom-45.yaml",
        "No one has to share anything personal. Listening",
        "It stays in the room.",
    )
    problems = check_locale(zz, "zz").problems
    assert problems and all(p.file == "workshops/classroom-45.yaml" for p in problems), problems


def test_the_couples_caveat_comes_from_a_flag_not_an_english_word(content_copy):
    """A card that speaks of couples work carries the caveat in every language: a flag in the English
    file says so, and the model makes sure an English card that says 'couples' sets it."""
    from components import perspectives as logic

    local = load_content(content_copy, "xx")
    english = load_content(content_copy)
    flagged = [p.id for p in english.perspectives.perspectives if logic.needs_couples_caveat(p)]
    assert "nikki-nolet" in flagged
    assert [p.id for p in local.perspectives.perspectives if logic.needs_couples_caveat(p)] == flagged
    path = content_copy / "perspectives.yaml"
    edit(path, "    couples_work: true  # recommends couples work: the card carries the couples caveat\n", "")
    with pytest.raises(ContentError, match="set `couples_work: true`"):
        load_content(content_copy)


def test_the_schema_command_writes_the_review_trails_schema(tmp_path, capsys):
    code, out = run(["schema", "--out", str(tmp_path)], capsys)
    assert code == 0 and "edition.schema.json" in out
    schema = (tmp_path / "edition.schema.json").read_text(encoding="utf-8")
    assert '"specialist_review"' in schema and '"additionalProperties": false' in schema
