"""The handouts' font: DejaVu Sans, shipped with the project in components/facilitate/fonts/ (unmodified,
its licence beside it), so every machine prints the same letters: a clean clone, CI and the deploy image
(python:3.11-slim has no fonts). It carries Latin with every accent (Spanish á ñ ¿ ¡ « », the pseudo-locale's
ƀ ð ƒ ĝ ĥ ĵ ķ ļ ṁ ǫ ŕ š ţ ṽ ŵ ẋ ž), Greek and Cyrillic.

A letter is never replaced or dropped: a character the font has no glyph for (a script DejaVu Sans lacks)
makes the document fail (MissingGlyphs, naming the characters) instead of printing a blank box; the tests
build every handout in every edition, so such an edition fails its tests. Pure: no streamlit.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).with_name("fonts")
FAMILY = "DejaVu"
FACES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}


class MissingGlyphs(ValueError):
    """The document has characters its font cannot draw."""


def add_fonts(pdf: FPDF) -> str:
    """Register the four faces with `pdf`; the family name to `set_font`."""
    for style, name in FACES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / name))
    return FAMILY


def missing(pdf: FPDF) -> str:
    """Every character printed so far that its font has no glyph for, once each, in order."""
    found: dict[str, None] = {}
    for font in pdf.fonts.values():
        for code in getattr(font, "missing_glyphs", ()):
            found[chr(code)] = None
    return "".join(found)


def check(pdf: FPDF) -> None:
    """Raise MissingGlyphs if any printed character could not be drawn."""
    if lacking := missing(pdf):
        names = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in lacking)
        raise MissingGlyphs(f"the handout font {FAMILY} Sans has no glyph for: {names}")
