"""QR codes, drawn here (segno, pure Python): no other host ever sees the address they hold. One
drawing for every code the app shows (the notes device's pairing link, the live room's join link)."""

from __future__ import annotations

import functools

import segno


@functools.lru_cache(maxsize=64)  # the same link is drawn on every rerun of the page that shows it
def qr_svg(text: str, title: str) -> str:
    """`text` as a QR code: SVG with `title` as its accessible name. Black on white with the
    standard quiet zone, so any phone camera reads it, in high contrast too."""
    qr = segno.make(text, error="m")
    svg = qr.svg_inline(scale=6, border=4, dark="#000000", light="#ffffff", title=title, omitsize=True)
    return svg.replace("<svg ", '<svg role="img" ', 1)
