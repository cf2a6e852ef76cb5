"""The handouts and the facilitator guide in every edition. Built from the content they are given, every
word is in that edition's language: in the pseudo-locale its accented text and « » are printed and no
English is left but the facts that stay as published (source titles, authors, publishers, keywords to
text, URLs, numbers). Every letter is drawn by the project's own font, and a letter it lacks fails the
document. A draft translation says so on the first page; English and the pseudo-locale never do."""

from __future__ import annotations

import io
import re
import shutil

import pytest
import yaml
from pypdf import PdfReader

from components import editions_served
from components.content import FILES, load_content
from components.content.pseudo import ACCENTS
from components.facilitate import handout_fonts, handouts, workshop
from components.facilitate.handout_lines import BUDGETS
from conftest import CONTENT, ROOT

PLANS = ["classroom-45", "workshop-90", "series-3x60"]
BUILDS = [handouts.participant_handout, handouts.facilitator_guide]
ADDRESS = "http://192.168.1.20:8501/"
PLAIN_WORD = re.compile(r"(?<![\w/.@-])[A-Za-z]{3,}(?![\w/.@-])")  # the pseudo-locale writes none
SPANISH = "áéíóúñüÁÉÍÓÚÑÜ¿¡«»“”—"
PSEUDO_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".translate(ACCENTS)


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return " ".join(pdf_pages(data))


def facts(content) -> list[str]:
    """What stays as published in every edition: source titles, authors and publishers, and the
    keywords to text a line (`text START to ...`); longest first, so a title goes before its parts."""
    kept = [v for s in content.sources.sources for v in (s.title, s.author, s.publisher) if v]
    kept += [c.keyword for line in content.help.helplines for c in line.channels if c.keyword]
    return sorted({flat(k) for k in kept}, key=len, reverse=True)


def without_facts(text: str, kept: list[str]) -> str:
    for fact in kept:
        text = text.replace(fact, " ")
    return re.sub(r"\S*(?:https?://|www\.|@)\S*", " ", text)


def english_runs(text: str, n: int = 4) -> set[str]:
    """Every run of `n` plain (unaccented) words in a row: English, wherever a translation left it."""
    words = [w.strip(".,;:!?()\"'") for w in text.split()]
    plain = [w if re.fullmatch(r"[A-Za-z][A-Za-z']*", w) else None for w in words]
    return {
        " ".join(run)
        for i in range(len(plain) - n + 1)
        if all(run := plain[i : i + n])  # type: ignore[arg-type]
    }


@pytest.fixture(scope="module")
def xx():
    return load_content(CONTENT, "xx")


# --------------------------------------------------------------------------- every word in the edition


@pytest.mark.parametrize("build", BUILDS, ids=lambda b: b.__name__)
@pytest.mark.parametrize("plan_id", PLANS)
def test_the_pseudo_locale_handout_has_its_words_and_no_english(content, xx, plan_id, build):
    english = pdf_text(build(content, content.workshops[plan_id], "us", ADDRESS))
    data = build(xx, xx.workshops[plan_id], "us", ADDRESS)
    text = pdf_text(data)
    plan = xx.workshops[plan_id]
    assert "«" in text and "»" in text
    assert flat(plan.title) in text and flat(plan.summary) in text  # accented, as the content wrote it
    assert flat(xx.ui.app_title) in pdf_pages(data)[-1]  # the footer too
    kept = facts(xx)
    local, source = without_facts(text, kept), without_facts(english, kept)
    # no sentence of four words or more from the English build
    said = [s for s in workshop.sentences(source) if len(PLAIN_WORD.findall(s)) >= 4]
    assert said, "the English build has sentences"
    assert [s for s in said if s in local] == []
    # nor any run of four English words, nor any English word of three letters or more
    assert english_runs(local) == set()
    assert sorted(set(PLAIN_WORD.findall(local))) == []


@pytest.mark.parametrize("kind", ["participant", "guide"])
def test_the_downloaded_file_is_named_in_the_edition(content, xx, kind):
    plan = content.workshops["classroom-45"]
    english = handouts.file_name(content, plan, kind)
    assert english in (f"{plan.id}-participant-handout.pdf", f"{plan.id}-facilitator-guide.pdf")
    local = handouts.file_name(xx, xx.workshops[plan.id], kind)
    assert local.endswith(".pdf") and plan.id in local and "«" in local
    assert PLAIN_WORD.findall(local.replace(plan.id, " ").removesuffix(".pdf")) == []


def test_the_guide_in_the_pseudo_locale_names_each_screen_in_its_words(xx):
    plan = xx.workshops["classroom-45"]
    text = pdf_text(handouts.facilitator_guide(xx, plan, "uk", ADDRESS))
    for _, seg in plan.segments():
        assert flat(workshop.screen_words(xx, seg)) in text, seg.id
        assert flat(seg.title) in text


# --------------------------------------------------------------------------- the font


def _doc_with(text: str) -> bytes:
    doc = handouts._Doc("x", "es")
    doc.para(text)
    doc.bullets([f"**{text}**"])
    doc.small(text)
    return bytes(doc.output())


def test_the_font_draws_every_letter_of_spanish_and_the_pseudo_locale():
    letters = SPANISH + PSEUDO_LETTERS
    text = pdf_text(_doc_with(letters))
    assert [ch for ch in letters if ch not in text] == []


def test_a_letter_the_font_lacks_fails_the_document():
    """Never a blank box nor a replaced letter: a script DejaVu Sans lacks (Han here) fails."""
    with pytest.raises(handout_fonts.MissingGlyphs, match="U\\+6F22"):
        _doc_with("«漢»")


def test_the_font_is_the_projects_own(content):
    """A clean clone or the deploy image (no system fonts) prints the same: the files are in the repository
    (Docker copies components/), with their licence, and the PDF embeds them."""
    assert handout_fonts.FONT_DIR.is_relative_to(ROOT / "components")
    for name in (*handout_fonts.FACES.values(), "LICENSE.txt"):
        assert (handout_fonts.FONT_DIR / name).is_file(), name
    reader = PdfReader(io.BytesIO(handouts.facilitator_guide(content, content.workshops["classroom-45"])))
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts


def test_the_pdf_says_its_language(xx):
    data = handouts.participant_handout(xx, xx.workshops["classroom-45"])
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "xx"


def type_sizes(data: bytes) -> set[float]:
    """Every type size the PDF sets (pt)."""
    streams = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(data)).pages)
    return {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", streams)}


def test_a_longer_text_gets_slightly_smaller_type_before_a_third_page(content):
    """A longer language: the participant handout keeps two pages with type a little smaller
    (handouts.COMPACT), never smaller than that; English prints at its usual sizes."""
    plan = content.workshops["classroom-45"]
    usual = type_sizes(handouts.participant_handout(content, plan, "uk", ADDRESS))
    added = ""
    for n in range(1, 60):  # a summary long enough that the usual type needs a third page
        added += f" This is added sentence {n} of a longer text."
        longer = plan.model_copy(update={"summary": plan.summary + added})
        if handouts._participant_doc(content, longer, "uk", ADDRESS, BUDGETS[-1]).page_no() > 2:
            break
    data = handouts.participant_handout(content, longer, "uk", ADDRESS)
    assert len(pdf_pages(data)) == 2
    sizes = type_sizes(data)
    assert 10.5 in usual and 10.5 not in sizes and round(10.5 * handouts.COMPACT, 2) in sizes  # the body text
    assert min(sizes) >= round(8.5 * handouts.COMPACT, 2)  # the small print: never smaller than that


def test_the_pseudo_locale_prints_at_readable_sizes(xx):
    """35% longer than English: rather a third page than type under handouts.COMPACT."""
    data = handouts.participant_handout(xx, xx.workshops["classroom-45"], "uk", ADDRESS)
    assert len(pdf_pages(data)) <= 3
    assert min(type_sizes(data)) >= round(8.5 * handouts.COMPACT, 2)


# --------------------------------------------------------------------------- the draft notice


@pytest.fixture(scope="module")
def zz_base(tmp_path_factory):
    """The content with `zz`: a copy of xx that is a real translation (its words no longer the pseudo
    output), complete, so it is offered; each test writes its review trail."""
    base = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(CONTENT, base, ignore=shutil.ignore_patterns("es"))
    shutil.copytree(base / "xx", base / "zz")
    for path in (base / "zz").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("«", "“").replace("»", "”"), encoding="utf-8")
    return base


def _reviewed_all_but(base, unreviewed: set[str] | None) -> None:
    """zz's edition.yaml: every file reviewed by both but `unreviewed` (None: no file on record)."""
    review = {"by": "A. Reviewer", "on": "2026-12-01"}
    files = {} if unreviewed is None else editions_served.files_of(FILES, base) - unreviewed
    trail = {
        "name": "Zed",
        "files": {
            f: {"translated_by": "A. Translator", "native_review": review, "specialist_review": review}
            for f in sorted(files)
        },
    }
    (base / "zz" / "edition.yaml").write_text(yaml.safe_dump(trail), encoding="utf-8")


@pytest.mark.parametrize(
    ("unreviewed", "expected"),
    [
        (None, {(p, b) for p in ("classroom-45", "workshop-90") for b in ("participant_handout", "facilitator_guide")}),
        (
            {"workshops/classroom-45.yaml"},
            {("classroom-45", "participant_handout"), ("classroom-45", "facilitator_guide")},
        ),
        ({"room.yaml"}, {("classroom-45", "facilitator_guide"), ("workshop-90", "facilitator_guide")}),
        ({"glossary.yaml"}, set()),  # no handout draws on it
    ],
    ids=["nothing-reviewed", "one-plan", "room-questions", "unused-file"],
)
def test_a_draft_translation_says_so_on_the_first_page(zz_base, monkeypatch, unreviewed, expected):
    _reviewed_all_but(zz_base, unreviewed)
    monkeypatch.setenv("CONTENT_DIR", str(zz_base))
    monkeypatch.setattr(handouts, "picture_png", lambda content: None)  # the words, not the picture: quicker
    assert "zz" in editions_served.editions().offered
    zz = load_content(zz_base, "zz")
    notice = flat(zz.ui.labels["draft_translation_print"])
    assert notice.startswith("“")  # zz's own words, not the pseudo output
    found = set()
    for plan_id in ("classroom-45", "workshop-90"):
        for build in BUILDS:
            pages = pdf_pages(build(zz, zz.workshops[plan_id], "us", ADDRESS))
            if notice in pages[0]:
                found.add((plan_id, build.__name__))
            assert all(notice not in page for page in pages[1:])  # once, on the first page
    assert found == expected


@pytest.mark.parametrize("build", BUILDS, ids=lambda b: b.__name__)
def test_english_and_the_pseudo_locale_are_never_drafts(content, xx, build):
    for edition in (content, xx):
        text = pdf_text(build(edition, edition.workshops["classroom-45"], "us", ADDRESS))
        assert flat(edition.ui.labels["draft_translation_print"]) not in text
