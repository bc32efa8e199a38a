"""Look of the PDF documents, derived from a :class:`~casebook.theme.Theme`: page geometry, colours,
fonts and paragraph styles.

Imports reportlab, so only the PDF builders import this module (lazily, from :mod:`casebook.render.pdf`).
Every style names a face of the theme's fonts (the bundled Open Sans by default), bullets included:
Helvetica must never reach the page (it is not embedded and has no Cyrillic).

The bundled default theme gives the look the case study always had: A4, oxblood headings, 10 pt body.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from casebook.render.text.fallback import fallback_file
from casebook.render.text.glyphs import font_files
from casebook.render.text.rtl import base_letters, has_rtl, shaped, visual
from casebook.theme import Theme

PAGE_SIZES = {"A4": A4, "Letter": LETTER}

# --- fonts -----------------------------------------------------------------------------------------

FONT_STYLES = ("regular", "bold", "italic", "bold_italic")
# The bundled Open Sans keeps the names it always had; a theme's own font files are named after their path.
_BUILTIN_NAMES = {
    "regular": "CasebookOpenSans",
    "bold": "CasebookOpenSans-Bold",
    "italic": "CasebookOpenSans-Italic",
    "bold_italic": "CasebookOpenSans-BoldItalic",
}


def _font_name(theme: Theme, style: str, path: Path) -> str:
    if theme.font_path(style) is None:  # type: ignore[arg-type]
        return _BUILTIN_NAMES[style]
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:10]
    return f"CasebookFont-{digest}"


def register_fonts(theme: Theme) -> dict[str, str]:
    """Register the theme's four faces as one family, so <b> and <i> pick the right file.

    Returns the registered name of each style. A face already registered is left alone.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    names: dict[str, str] = {}
    for style, path in font_files(theme).items():
        name = _font_name(theme, style, path)
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
            registered.add(name)
        names[style] = name
    pdfmetrics.registerFontFamily(
        names["regular"], normal=names["regular"], bold=names["bold"], italic=names["italic"], boldItalic=names["bold_italic"]
    )
    return names


# Characters the current look's regular face draws; others are drawn with a fallback font of the machine.
_covered: set[int] = set()


def _use_faces(regular: Path) -> None:
    from casebook.render.text.glyphs import _cmap

    _covered.clear()
    _covered.update(_cmap(regular))


def fallback_font(char: str) -> str | None:
    """The registered name of a fallback font that draws ``char`` (registered on first use), or None."""
    path = fallback_file(char)
    if path is None:
        return None
    name = "CasebookFallback-" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_FallbackFont(name, str(path)))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


class _FallbackFont(TTFont):
    """A fallback TrueType font whose ToUnicode map reads a presentation form (a joined Arabic letter, see
    :mod:`casebook.render.text.rtl`) back as the letters it stands for, so that copied text and ``pdftotext``
    give the letters the source wrote, not their joined shapes."""

    def addObjects(self, doc: object) -> None:
        state = self.state.get(doc)
        joined = [] if state is None else [
            (self.getSubsetInternalName(n, doc)[1:], list(subset)) for n, subset in enumerate(state.subsets)
            if any(base_letters(chr(code)) != chr(code) for code in subset)
        ]
        super().addObjects(doc)  # writes the subsets, with reportlab's ToUnicode maps, and forgets them
        for name, subset in joined:
            font = doc.idToObject[name]  # type: ignore[attr-defined]
            stream = doc.idToObject[font.ToUnicode.name]  # type: ignore[attr-defined]
            stream.content = _to_unicode_cmap(font.BaseFont, subset)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for one subset, each presentation form mapped to its base letters."""
    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _units(base_letters(chr(code))))

    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _units(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[k:k + 2], "big") for k in range(0, len(data), 2)]


def _drawable(char: str, logical: bool = False) -> str:
    """A joined form that neither the look's font nor a fallback font draws, as its base letters (in visual
    order, or ``logical``); any other character as it is."""
    letters = base_letters(char)
    if letters == char or ord(char) in _covered or fallback_font(char) is not None:
        return char
    return letters if logical else letters[::-1]


def font_runs(text: str, logical: bool = False) -> list[tuple[str | None, str]]:
    """``text`` cut into runs of (fallback font or None for the look's own font, text).

    Right-to-left text is first given joined letters, and put in visual order as one line
    (:func:`casebook.render.text.rtl.visual`) unless ``logical`` (a paragraph, whose lines are reordered once they
    are broken: :class:`casebook.render.pdf.flowables.Paragraph`); a joined form that no font draws is shown as its
    base letters.
    """
    if text.isascii():
        return [(None, text)]
    if has_rtl(text):
        text = "".join(_drawable(char, logical) for char in (shaped(text) if logical else visual(text)))
    runs: list[tuple[str | None, str]] = []
    for char in text:
        font = None
        if ord(char) > 0x7F and ord(char) not in _covered and not char.isspace():
            font = fallback_font(char)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def markup(text: str, logical: bool = True) -> str:
    """Plain text as paragraph markup that shows it literally, characters the font lacks in a fallback font,
    right-to-left text in logical order (its paragraph reorders each of its lines) or, not ``logical``, in
    display order as one line (for reportlab's own paragraphs, which do not reorder)."""
    return "".join(escape(part) if font is None else f'<font name="{font}">{escape(part)}</font>'
                   for font, part in font_runs(text, logical))


# --- colours ---------------------------------------------------------------------------------------


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour ``t`` of the way from ``a`` to ``b`` (rounded to whole 8-bit steps)."""
    parts = [round((x + (y - x) * t) * 255) / 255 for x, y in zip(a.rgb(), b.rgb(), strict=True)]
    return Color(*parts)


def hex_of(color: Color) -> str:
    """``#rrggbb``, as paragraph markup wants a colour."""
    return "#" + "".join(f"{round(c * 255):02x}" for c in color.rgb())


# --- paragraph styles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """Every paragraph style of the PDF documents."""

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
    caption: ParagraphStyle
    exhibit_source: ParagraphStyle
    see_exhibit: ParagraphStyle
    question: ParagraphStyle
    tied_to: ParagraphStyle
    toc_heading: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]


@dataclass(frozen=True)
class Look:
    """Everything the PDF builders need to know about how a page looks."""

    institution: str
    logo: Path | None
    # page geometry
    page_size: tuple[float, float]
    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    frame_width: float
    frame_height: float
    header_y: float  # baseline of the running header
    footer_y: float  # baseline of the running footer
    # colours: dark ink, one restrained accent (the theme's primary), a second one for charts
    ink: Color
    muted: Color
    accent: Color
    second: Color
    accent_tint: Color
    rule: Color
    zebra: Color
    white: Color
    # note numbers in the text: superscript, in the accent colour
    note_size: float
    note_rise: float
    note_color: str
    # fonts (registered names) and the body's size
    regular: str
    bold: str
    italic: str
    bold_italic: str
    body_size: float
    body_leading: float
    styles: Styles


def make_look(theme: Theme) -> Look:
    """The look of ``theme``; registers its fonts with reportlab."""
    fonts = register_fonts(theme)
    _use_faces(font_files(theme)["regular"])
    c = theme.colors
    ink, muted, accent = colors.HexColor(c.text), colors.HexColor(c.muted), colors.HexColor(c.primary)
    background, rule = colors.HexColor(c.background), colors.HexColor(c.rule)
    page_size = PAGE_SIZES[theme.pdf.page_size]
    width, height = page_size
    margins = (2.3 * cm, 2.3 * cm, 2.6 * cm, 2.4 * cm)
    scale = theme.pdf.body_size / 10.0
    look = dict(
        institution=theme.institution,
        logo=theme.logo_path,
        page_size=page_size,
        page_width=width,
        page_height=height,
        margin_left=margins[0],
        margin_right=margins[1],
        margin_top=margins[2],
        margin_bottom=margins[3],
        frame_width=width - margins[0] - margins[1],
        frame_height=height - margins[2] - margins[3],
        header_y=height - 1.55 * cm,
        footer_y=1.35 * cm,
        ink=ink,
        muted=muted,
        accent=accent,
        second=colors.HexColor(c.accent),
        accent_tint=colors.HexColor(c.panel),
        rule=rule,
        zebra=mix(background, rule, 0.2),
        white=background,
        note_size=6.5 * scale,
        note_rise=3.4 * scale,
        note_color=hex_of(accent),
        regular=fonts["regular"],
        bold=fonts["bold"],
        italic=fonts["italic"],
        bold_italic=fonts["bold_italic"],
        body_size=10.0 * scale,
        body_leading=14.6 * scale,
    )
    styles = _make_styles(fonts, ink=ink, muted=muted, accent=accent, white=background, scale=scale)
    return Look(**look, styles=styles)  # type: ignore[arg-type]


def _make_styles(fonts: dict[str, str], *, ink: Color, muted: Color, accent: Color, white: Color, scale: float) -> Styles:
    regular, bold, italic = fonts["regular"], fonts["bold"], fonts["italic"]

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": regular,
            "fontSize": 10.0,
            "leading": 14.6,
            "textColor": ink,
            "alignment": TA_LEFT,
            "bulletFontName": regular,
            "bulletFontSize": 10.0,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        for key in ("fontSize", "leading", "bulletFontSize", "spaceBefore", "spaceAfter", "leftIndent"):
            if key in base:
                base[key] = float(base[key]) * scale  # type: ignore[arg-type]
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    return Styles(
        body=style("cb-body", spaceAfter=7),
        bullet=style("cb-bullet", spaceAfter=4),
        lead=style("cb-lead", fontName=italic, fontSize=12, leading=17, textColor=muted, spaceAfter=6),
        byline=style("cb-byline", fontSize=9, leading=13, textColor=muted, spaceAfter=14),
        h1=style("cb-h1", fontName=bold, fontSize=19, leading=24, textColor=accent, spaceBefore=6, spaceAfter=16),
        h2=style("cb-h2", fontName=bold, fontSize=12.5, leading=16, spaceBefore=14, spaceAfter=6),
        h3=style("cb-h3", fontName=bold, fontSize=10.5, leading=14, textColor=accent, spaceBefore=10, spaceAfter=4),
        subtitle=style("cb-subtitle", fontName=italic, fontSize=10, leading=14, textColor=muted, spaceAfter=6),
        cover_kind=style("cb-cover-kind", fontName=bold, fontSize=10, leading=14, textColor=accent, spaceAfter=14),
        cover_title=style("cb-cover-title", fontName=bold, fontSize=28, leading=35, textColor=ink, spaceAfter=16),
        cover_subtitle=style("cb-cover-subtitle", fontName=italic, fontSize=13, leading=19, textColor=muted, spaceAfter=30),
        cover_note=style("cb-cover-note", fontSize=8.5, leading=12, textColor=muted),
        cell=style("cb-cell", fontSize=9, leading=12.6),
        cell_bold=style("cb-cell-bold", fontName=bold, fontSize=9, leading=12.6),
        cell_head=style("cb-cell-head", fontName=bold, fontSize=8.5, leading=11, textColor=white),
        cell_small=style("cb-cell-small", fontSize=8, leading=11, textColor=muted),
        intro=style("cb-intro", fontName=italic, textColor=muted, spaceAfter=10),
        quote=style("cb-quote", fontName=italic, fontSize=10, leading=14.6, spaceAfter=5),
        quote_by=style("cb-quote-by", fontName=bold, fontSize=9, leading=13, textColor=muted, spaceBefore=1),
        note_number=style("cb-note-number", fontName=bold, fontSize=8, leading=10.6, textColor=accent),
        note_where=style("cb-note-where", fontSize=8, leading=10.6, textColor=muted),
        note_text=style("cb-note-text", fontSize=8, leading=10.6),
        caption=style("cb-caption", fontName=bold, fontSize=11, leading=15, textColor=ink, spaceBefore=12, spaceAfter=8),
        exhibit_source=style("cb-exhibit-source", fontSize=8, leading=11, textColor=muted, spaceBefore=4, spaceAfter=16),
        see_exhibit=style("cb-see-exhibit", fontName=italic, fontSize=9, leading=13, textColor=muted, spaceAfter=10),
        question=style("cb-question", fontName=bold, fontSize=10.5, leading=15, textColor=ink, spaceBefore=10, spaceAfter=3),
        tied_to=style("cb-tied-to", fontName=italic, fontSize=8.5, leading=12, textColor=muted, spaceAfter=4),
        toc_heading=style("cb-toc-heading", fontName=bold, fontSize=19, leading=24, textColor=accent, spaceAfter=18),
        toc_levels=(
            style("cb-toc-0", fontName=bold, fontSize=11, leading=14, spaceBefore=6, textColor=ink),
            style("cb-toc-1", fontSize=9, leading=12.5, leftIndent=16, spaceBefore=1, textColor=muted),
        ),
    )
