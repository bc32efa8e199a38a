"""Look of the PDF case study: page geometry, colours, the Open Sans family and paragraph styles.

Imports reportlab, so only :mod:`casebook.render.pdf_build` imports this module (lazily, from
:func:`casebook.render.pdf.render_pdf`). Every style names an Open Sans face, bullets included:
Helvetica must never reach the page (it is not embedded and has no Cyrillic).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from casebook.render.fonts import open_sans

# --- page geometry (A4 throughout) -----------------------------------------------------------------

PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
MARGIN_LEFT = 2.3 * cm
MARGIN_RIGHT = 2.3 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.4 * cm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
HEADER_Y = PAGE_HEIGHT - 1.55 * cm  # baseline of the running header
FOOTER_Y = 1.35 * cm  # baseline of the running footer

# --- colours: dark ink, one restrained accent -------------------------------------------------------

INK = colors.HexColor("#1d2127")
MUTED = colors.HexColor("#5d6570")
ACCENT = colors.HexColor("#7a1f1a")  # oxblood
ACCENT_TINT = colors.HexColor("#f5eeec")
RULE = colors.HexColor("#d5d8dd")
ZEBRA = colors.HexColor("#f7f7f8")
WHITE = colors.white

# Note numbers in the text: superscript, in the accent colour, each a link to its note under Sources.
NOTE_SIZE = 6.5
NOTE_RISE = 3.4
NOTE_COLOR = "#7a1f1a"  # ACCENT, as paragraph markup wants it

# --- fonts -----------------------------------------------------------------------------------------

REGULAR = "CasebookOpenSans"
BOLD = "CasebookOpenSans-Bold"
ITALIC = "CasebookOpenSans-Italic"
BOLD_ITALIC = "CasebookOpenSans-BoldItalic"


def register_fonts() -> None:
    """Register the four Open Sans faces as one family, so <b> and <i> pick the right TTF.

    Safe to call more than once: a face that is already registered is left alone.
    """
    files = open_sans()
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in (
        (REGULAR, files.regular),
        (BOLD, files.bold),
        (ITALIC, files.italic),
        (BOLD_ITALIC, files.bold_italic),
    ):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


# --- paragraph styles ------------------------------------------------------------------------------

BODY_SIZE = 10.0
BODY_LEADING = 14.6


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
        "bulletFontName": REGULAR,
        "bulletFontSize": BODY_SIZE,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Styles:
    """Every paragraph style of the case study."""

    body: ParagraphStyle
    bullet: ParagraphStyle
    lead: ParagraphStyle
    byline: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    subtitle: ParagraphStyle
    cover_kind: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    intro: ParagraphStyle
    quote: ParagraphStyle
    quote_by: ParagraphStyle
    note_number: ParagraphStyle
    note_where: ParagraphStyle
    note_text: ParagraphStyle
    toc_heading: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]


def make_styles() -> Styles:
    return Styles(
        body=_style("cb-body", spaceAfter=7),
        bullet=_style("cb-bullet", spaceAfter=4),
        lead=_style("cb-lead", fontName=ITALIC, fontSize=12, leading=17, textColor=MUTED, spaceAfter=6),
        byline=_style("cb-byline", fontSize=9, leading=13, textColor=MUTED, spaceAfter=14),
        h1=_style(
            "cb-h1",
            fontName=BOLD,
            fontSize=19,
            leading=24,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=16,
        ),
        h2=_style(
            "cb-h2",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=14,
            spaceAfter=6,
        ),
        h3=_style(
            "cb-h3",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        subtitle=_style(
            "cb-subtitle",
            fontName=ITALIC,
            fontSize=10,
            leading=14,
            textColor=MUTED,
            spaceAfter=6,
        ),
        cover_kind=_style("cb-cover-kind", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT, spaceAfter=14),
        cover_title=_style("cb-cover-title", fontName=BOLD, fontSize=28, leading=35, textColor=INK, spaceAfter=16),
        cover_subtitle=_style("cb-cover-subtitle", fontName=ITALIC, fontSize=13, leading=19, textColor=MUTED, spaceAfter=30),
        cover_note=_style("cb-cover-note", fontSize=8.5, leading=12, textColor=MUTED),
        cell=_style("cb-cell", fontSize=9, leading=12.6),
        cell_bold=_style("cb-cell-bold", fontName=BOLD, fontSize=9, leading=12.6),
        cell_head=_style("cb-cell-head", fontName=BOLD, fontSize=8.5, leading=11, textColor=WHITE),
        cell_small=_style("cb-cell-small", fontSize=8, leading=11, textColor=MUTED),
        intro=_style("cb-intro", fontName=ITALIC, textColor=MUTED, spaceAfter=10),
        quote=_style("cb-quote", fontName=ITALIC, fontSize=10, leading=14.6, spaceAfter=5),
        quote_by=_style("cb-quote-by", fontName=BOLD, fontSize=9, leading=13, textColor=MUTED, spaceBefore=1),
        note_number=_style("cb-note-number", fontName=BOLD, fontSize=8, leading=10.6, textColor=ACCENT),
        note_where=_style("cb-note-where", fontSize=8, leading=10.6, textColor=MUTED),
        note_text=_style("cb-note-text", fontSize=8, leading=10.6),
        toc_heading=_style("cb-toc-heading", fontName=BOLD, fontSize=19, leading=24, textColor=ACCENT, spaceAfter=18),
        toc_levels=(
            _style("cb-toc-0", fontName=BOLD, fontSize=11, leading=15, spaceBefore=9, textColor=INK),
            _style("cb-toc-1", fontSize=9.5, leading=13.5, leftIndent=16, spaceBefore=2, textColor=MUTED),
        ),
    )
