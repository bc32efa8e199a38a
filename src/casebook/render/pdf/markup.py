"""Text to reportlab markup, and text drawn or measured on one line, for every PDF builder.

Two rules run through every PDF builder:

* Document text is markup-escaped before it reaches a ``Paragraph`` (reportlab parses paragraph text as
  markup): :func:`esc` for plain strings, :func:`rich` for :class:`RichText`, which adds ``<b>``/``<i>``
  itself. Wording from the templates is escaped the same way.
* Every word a reader sees comes from the case or from the templates; the builders only decide
  where things go and how they look.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from casebook.model.case import RichText
from casebook.render.pdf.style import font_runs, markup

# --- text to markup --------------------------------------------------------------------------------

# C0/C1 controls (except tab, newline and return), lone surrogates and non-characters: none can be drawn,
# and a lone surrogate makes the PDF writer raise. Each becomes a space.
_UNDRAWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without characters that cannot be drawn or written (see ``_UNDRAWABLE``)."""
    return _UNDRAWABLE.sub(" ", text)


def esc(text: object) -> str:
    """Plain text (document text or wording) as paragraph markup that shows it literally.

    Characters the look's font has no glyph for are set in a fallback font of the machine, if it has one.
    """
    return markup(clean(str(text)))


def line_width(text: str, font: str, size: float) -> float:
    """The width of one line of ``text`` in ``font``, its characters the font lacks in their fallback font."""
    return sum(stringWidth(part, fallback or font, size) for fallback, part in font_runs(text))


def draw_line(canv: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw one line of ``text`` at (x, y) in ``font``, with fallback fonts where it lacks glyphs."""
    for fallback, part in font_runs(text):
        canv.setFont(fallback or font, size)
        canv.drawString(x, y, part)
        x += stringWidth(part, fallback or font, size)


def rich(text: RichText) -> str:
    """Rich text as paragraph markup: each run escaped, then wrapped in ``<b>``/``<i>`` as it says."""
    parts: list[str] = []
    for run in text.runs:
        piece = esc(run.text)
        if not piece:
            continue
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        parts.append(piece)
    return "".join(parts)


def fit_line(text: str, font: str, size: float, width: float, ellipsis: str) -> str:
    """``text`` cut (with ``ellipsis``) so that one line of it is at most ``width`` points wide."""
    text = clean(text)
    if line_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if line_width(text[:mid].rstrip() + ellipsis, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis


def shorten(text: str, limit: int, ellipsis: str) -> str:
    """``text`` cut at a word boundary (with ``ellipsis``) when longer than ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + ellipsis


# Contents lines and outline entries show at most this many characters of a heading.
ENTRY_LIMIT = 150


def label(value: object) -> str:
    """A label or macro result from the templates, as a plain string."""
    return str(value).strip()
