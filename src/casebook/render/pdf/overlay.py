"""The overlay that stamps a personal copy: the reader's "Prepared for …" line alone, drawn as the full
build draws it (see :mod:`casebook.render.stamp`).
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from casebook.render.pdf.pages import Chrome
from casebook.render.pdf.style import Look


def stamp_overlay(look: Look, stamp: str, ellipsis: str) -> bytes:
    """A PDF of two pages holding only a personal copy's "Prepared for …" line: on the first as the cover
    draws it, on the second as the foot of a body page (see :mod:`casebook.render.stamp`). Its fonts are
    subsets with the line's glyphs, fallback fonts included, as in a full build."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=look.page_size, invariant=1, pageCompression=1)
    chrome = Chrome(look, head="", foot="", cover_note="", ellipsis=ellipsis, stamp=stamp)
    canv.saveState()
    chrome.cover_stamp(canv, stamp)
    canv.restoreState()
    canv.showPage()
    canv.saveState()
    canv.setFont(look.regular, 8)
    canv.setFillColor(look.muted)
    chrome.foot_line(canv, stamp)
    canv.restoreState()
    canv.showPage()
    canv.save()
    return buffer.getvalue()
