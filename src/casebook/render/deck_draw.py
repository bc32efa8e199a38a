"""Writing the deck with python-pptx: the slide grid, colours, text frames, tables, notes and stable bytes.

Every text frame is written with everything a viewer could otherwise inherit set explicitly: size, line
spacing (100 %), space before and after (points), insets, word wrap on and autofit off; with the built-in
look also the font (the theme's family, per run), the colours and top anchoring. What
:mod:`casebook.render.deck_fit` measured is then what a viewer draws.

Two looks share this writer (see :class:`DeckLook`):

* the built-in look: python-pptx's blank presentation made 16:9, every shape placed and coloured here
  from the :class:`~casebook.theme.Theme` (colours, font family);
* a user's template (:mod:`casebook.render.deck_template`): its slide master and layouts, its slide size,
  and its fonts and colours: runs name no font, and colours are the template's theme colours
  (``accent1``, ``tx1`` lighter 35 %, ...) rather than RGB values.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from casebook.render.deck_fit import EMU_PER_PT, Box, Para, Span, clean
from casebook.render.fonts import FAMILY

Rect = tuple[float, float, float, float]  # left, top, width, height in points

# --- the built-in grid, in points (a 16:9 slide is 960 x 540 pt) ---------------------------------

SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN_L, MARGIN_R = 58.0, 58.0
CONTENT_W = SLIDE_W - MARGIN_L - MARGIN_R
BAR_W = 14.0


@dataclass(frozen=True)
class Grid:
    """Where things go on the slides, in points. ``None`` leaves a thing out (a template's slides
    have no accent bar, say)."""

    width: float
    height: float
    title: Rect
    body: Rect
    footer_left: Rect
    footer_right: Rect
    cover_title: Rect
    cover_subtitle: Rect
    logo: Rect  # the box a logo is fitted into, at its top right
    eyebrow: Rect | None = None
    rule: Rect | None = None
    bar_width: float = 0.0
    cover_kind: Rect | None = None
    cover_rule: Rect | None = None
    cover_institution: Rect | None = None  # None: the institution joins the subtitle

    @property
    def content_width(self) -> float:
        return self.body[2]


DEFAULT_GRID = Grid(
    width=SLIDE_W,
    height=SLIDE_H,
    eyebrow=(MARGIN_L, 30.0, CONTENT_W, 24.0),
    title=(MARGIN_L, 54.0, CONTENT_W, 68.0),
    rule=(MARGIN_L, 131.0, 64.0, 3.0),
    body=(MARGIN_L, 150.0, CONTENT_W, 344.0),
    footer_left=(MARGIN_L, 508.0, CONTENT_W - 150.0, 20.0),
    footer_right=(SLIDE_W - MARGIN_R - 140.0, 508.0, 140.0, 20.0),
    bar_width=BAR_W,
    cover_kind=(MARGIN_L + 20, 126.0, CONTENT_W - 40, 26.0),
    cover_title=(MARGIN_L + 20, 156.0, CONTENT_W - 40, 178.0),
    cover_rule=(MARGIN_L + 20, 346.0, 64.0, 3.0),
    cover_subtitle=(MARGIN_L + 20, 362.0, CONTENT_W - 40, 90.0),
    cover_institution=(MARGIN_L + 20, 474.0, CONTENT_W - 200, 28.0),
    logo=(SLIDE_W - MARGIN_R - 150.0, 36.0, 150.0, 64.0),
)

# Room around a logo on its plate (points).
PLATE_PADDING = 8.0

# Table cells: inner margins in points.
CELL_L, CELL_R, CELL_T, CELL_B = 6.0, 6.0, 4.0, 4.0

# --- colours --------------------------------------------------------------------------------------
#
# A colour is "RRGGBB", or a theme colour of the presentation: "@accent1", "@tx1+0.35" (35 % lighter),
# "@bg1-0.25" (25 % darker). None leaves the colour to what the text inherits.

_SCHEME = {
    "accent1": MSO_THEME_COLOR.ACCENT_1,
    "accent2": MSO_THEME_COLOR.ACCENT_2,
    "tx1": MSO_THEME_COLOR.TEXT_1,
    "tx2": MSO_THEME_COLOR.TEXT_2,
    "bg1": MSO_THEME_COLOR.BACKGROUND_1,
    "bg2": MSO_THEME_COLOR.BACKGROUND_2,
}
_SCHEME_COLOR = re.compile(r"^@(\w+?)([+-][0-9.]+)?$")


def _scheme(value: str) -> tuple[str, float] | None:
    match = _SCHEME_COLOR.match(value)
    if match is None:
        return None
    return match.group(1), float(match.group(2) or 0.0)


def color_element(value: str) -> etree._Element:
    """``value`` as an ``a:srgbClr`` or ``a:schemeClr`` element (with lumMod/lumOff for lighter/darker)."""
    scheme = _scheme(value)
    if scheme is None:
        return etree.Element(qn("a:srgbClr"), val=value.upper())
    name, brightness = scheme
    element = etree.Element(qn("a:schemeClr"), val=name)
    if brightness > 0:
        etree.SubElement(element, qn("a:lumMod"), val=str(int(round((1 - brightness) * 100000))))
        etree.SubElement(element, qn("a:lumOff"), val=str(int(round(brightness * 100000))))
    elif brightness < 0:
        etree.SubElement(element, qn("a:lumMod"), val=str(int(round((1 + brightness) * 100000))))
    return element


def paint(color_format, value: str) -> None:
    """Set a python-pptx ColorFormat to ``value``."""
    scheme = _scheme(value)
    if scheme is None:
        color_format.rgb = RGBColor.from_string(value.upper())
        return
    name, brightness = scheme
    color_format.theme_color = _SCHEME[name]
    if brightness:
        color_format.brightness = brightness


def _mix(a: str, b: str, share: float) -> str:
    """``share`` of colour ``b`` mixed into colour ``a`` (both RRGGBB)."""
    ca = [int(a[i : i + 2], 16) for i in (0, 2, 4)]
    cb = [int(b[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(ca, cb, strict=True))


@dataclass(frozen=True)
class Palette:
    """The colours the deck draws with."""

    ink: str | None  # body text; None: the template's text colour
    muted: str
    accent: str  # eyebrows, bullets, labels, the accent bar and rules
    accent_light: str  # on the cover; the lower bounds of a chart
    table_head: str
    table_head_text: str
    table_band: str
    table_group: str
    table_plain: str
    table_line: str
    chart_light: str  # behind the hatching of an upper bound
    grid_line: str  # chart gridlines
    cover_background: str | None = None  # None: no cover background drawn
    cover_text: str | None = None
    cover_sub: str | None = None
    background: str | None = None  # content slides' background; None: white / the template's

    @classmethod
    def of_theme(cls, colors) -> Palette:
        """The built-in look's colours from a theme's ``colors`` (#RRGGBB strings)."""
        hex_ = {name: getattr(colors, name).lstrip("#").upper() for name in type(colors).model_fields}
        white = "FFFFFF"
        return cls(
            ink=hex_["text"],
            muted=hex_["muted"],
            accent=hex_["primary"],
            accent_light=hex_["accent"],
            table_head=hex_["primary"],
            table_head_text=hex_["background"],
            table_band=hex_["panel"],
            table_group=_mix(hex_["panel"], hex_["primary"], 0.14),
            table_plain=hex_["background"],
            table_line=hex_["rule"],
            chart_light=_mix(hex_["primary"], white, 0.82),
            grid_line=hex_["rule"],
            cover_background=_mix(hex_["primary"], "000000", 0.35),
            cover_text=white,
            cover_sub=_mix(hex_["primary"], white, 0.84),
            background=None if hex_["background"] == white else hex_["background"],
        )

    @classmethod
    def of_template(cls) -> Palette:
        """A template's own theme colours."""
        return cls(
            ink=None,
            muted="@tx1+0.35",
            accent="@accent1",
            accent_light="@accent2",
            table_head="@accent1",
            table_head_text="@bg1",
            table_band="@accent1+0.85",
            table_group="@accent1+0.65",
            table_plain="@bg1",
            table_line="@bg1-0.25",
            chart_light="@accent1+0.8",
            grid_line="@bg1-0.15",
        )


@dataclass(frozen=True)
class DeckLook:
    """How the deck looks: its grid, colours and font family (None: the template's fonts)."""

    grid: Grid = DEFAULT_GRID
    palette: Palette = field(default_factory=lambda: Palette.of_theme(_default_colors()))
    family: str | None = FAMILY
    template: bool = False


def _default_colors():
    from casebook.theme import default_theme

    return default_theme().colors


# Fixed document dates: the same input gives the same bytes.
def build_time() -> dt.datetime:
    """The deck's dates: fixed (2000-01-01) for identical bytes, or SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(2000, 1, 1, 0, 0, 0)


def zip_time() -> tuple[int, int, int, int, int, int]:
    """Zip entry times: 1980-01-01 (the zip format's first day), or SOURCE_DATE_EPOCH when it is set."""
    stamp = build_time() if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit() else dt.datetime(1980, 1, 1)
    stamp = max(stamp, dt.datetime(1980, 1, 1))
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)


def pt(value: float) -> Emu:
    return Emu(int(round(value * EMU_PER_PT)))


def box_of(rect: Rect, insets: tuple[float, float, float, float] = (0, 0, 0, 0)) -> Box:
    return Box(rect[2], rect[3], *insets)


@dataclass(frozen=True)
class TableSpec:
    """A native table: column widths (pt), a header row and body rows, each cell a list of paragraphs.

    A body row marked in ``spans`` is a group heading: its first cell spans every column (the other
    cells of the row are empty). ``description`` is the table's alternative text.
    """

    widths: tuple[float, ...]
    header: tuple[tuple[Para, ...], ...]
    rows: tuple[tuple[tuple[Para, ...], ...], ...]
    size: float
    heights: tuple[float, ...]  # header first
    description: str = ""
    spans: tuple[bool, ...] = ()


@dataclass
class Layouts:
    """The slide layouts the deck uses, and which placeholders of them it fills."""

    cover: object
    content: object
    cover_has_subtitle: bool = True


class DeckWriter:
    """A presentation being written, slide by slide.

    Without ``prs`` it is python-pptx's blank presentation made 16:9 (the built-in look); a template's
    presentation comes with its layouts (see :func:`casebook.render.deck_template.open_template`).
    """

    def __init__(self, look: DeckLook | None = None, prs=None, layouts: Layouts | None = None) -> None:
        self.look = look or DeckLook()
        self.grid = self.look.grid
        self.colors = self.look.palette
        if prs is None:
            prs = Presentation()
            prs.slide_width = pt(self.grid.width)
            prs.slide_height = pt(self.grid.height)
            layouts = Layouts(cover=prs.slide_layouts[0], content=prs.slide_layouts[5])
        assert layouts is not None
        self.prs = prs
        self.layouts = layouts
        self._anchors: dict[str, object] = {}
        self._links: list[tuple[object, str]] = []  # (run, anchor) waiting for their target slides

    # --- slides -----------------------------------------------------------------------------------

    def cover_slide(self, kind: Para | None, title: Para, title_size: float, subtitle: list[Para], subtitle_size: float):
        """The title slide: ``subtitle`` goes in the layout's subtitle placeholder (or a text box)."""
        g, c = self.grid, self.colors
        slide = self.prs.slides.add_slide(self.layouts.cover)
        if c.cover_background is not None:
            self._rect(slide, (0, 0, g.width, g.height), c.cover_background, back=True, name="Background")
        if g.bar_width:
            self._rect(slide, (0, 0, g.bar_width, g.height), c.accent_light, name="Accent bar")
        if g.cover_rule is not None:
            self._rect(slide, g.cover_rule, c.accent_light, name="Rule")
        if kind is not None and g.cover_kind is not None:
            self.text_box(slide, g.cover_kind, [kind], 14, name="Deck kind")
        title_ph = slide.shapes.title
        self._place(title_ph, g.cover_title)
        self.fill(title_ph.text_frame, [title], title_size, anchor=MSO_ANCHOR.BOTTOM)
        subtitle_ph = next((p for p in slide.placeholders if p.placeholder_format.idx != title_ph.placeholder_format.idx), None)
        if subtitle_ph is not None and self.layouts.cover_has_subtitle:
            self._place(subtitle_ph, g.cover_subtitle)
            self.fill(subtitle_ph.text_frame, subtitle, subtitle_size)
        else:
            self.text_box(slide, g.cover_subtitle, subtitle, subtitle_size, name="Subtitle")
        self._drop_empty_placeholders(slide)
        return slide

    def content_slide(self, eyebrow: Para | None, title: Para, title_size: float):
        g, c = self.grid, self.colors
        slide = self.prs.slides.add_slide(self.layouts.content)
        if c.background is not None:
            slide.background.fill.solid()
            paint(slide.background.fill.fore_color, c.background)
        if g.bar_width:
            self._rect(slide, (0, 0, g.bar_width, g.height), c.accent, name="Accent bar")
        if g.rule is not None:
            self._rect(slide, g.rule, c.accent, name="Rule")
        if eyebrow is not None and g.eyebrow is not None:
            self.text_box(slide, g.eyebrow, [eyebrow], 13, name="Section")
        title_ph = slide.shapes.title
        self._place(title_ph, g.title)
        self.fill(title_ph.text_frame, [title], title_size, anchor=MSO_ANCHOR.BOTTOM)
        self._drop_empty_placeholders(slide)
        return slide

    def _drop_empty_placeholders(self, slide) -> None:
        """Placeholders of the layout the deck does not fill (a template's body, say) are removed:
        an empty placeholder shows its prompt text in an editor."""
        title = slide.shapes.title
        for shape in list(slide.placeholders):
            if title is not None and shape.shape_id == title.shape_id:
                continue
            if shape.has_text_frame and shape.text_frame.text.strip():
                continue
            shape._element.getparent().remove(shape._element)

    def footer(self, slide, left: Para, left_size: float, right: Para, right_size: float) -> None:
        self.text_box(slide, self.grid.footer_left, [left], left_size, name="Footer")
        self.text_box(slide, self.grid.footer_right, [right], right_size, name="Slide number")

    def notes(self, slide, text: str) -> None:
        frame = slide.notes_slide.notes_text_frame
        frame.text = clean(text)

    def anchor(self, slide, name: str) -> None:
        """Name ``slide`` as the target of the spans whose ``link`` is ``name``."""
        self._anchors.setdefault(name, slide)

    def _resolve_links(self) -> None:
        """Make every linked run jump to its slide in a slide show.

        python-pptx's ``run.hyperlink`` takes web addresses only: a jump to a slide is an
        ``a:hlinkClick`` whose action is ``ppaction://hlinksldjump`` and whose relationship (from the
        run's slide) targets the slide's part. A link to a name no slide has is left out.
        """
        for run, name in self._links:
            target = self._anchors.get(name)
            if target is None:
                continue
            hlink = run._r.get_or_add_rPr().get_or_add_hlinkClick()
            hlink.set("action", "ppaction://hlinksldjump")
            hlink.rId = run.part.relate_to(target.part, RT.SLIDE)
        self._links.clear()

    # --- shapes -----------------------------------------------------------------------------------

    def _rect(self, slide, rect, color: str, back: bool = False, name: str = ""):
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(pt(v) for v in rect))
        shape.fill.solid()
        paint(shape.fill.fore_color, color)
        shape.line.fill.background()
        shape.shadow.inherit = False
        if name:
            shape.name = name
        # Decorative: say so to screen readers.
        shape._element.nvSpPr.cNvPr.set("descr", "")
        if back:
            tree = slide.shapes._spTree
            tree.remove(shape._element)
            tree.insert(2, shape._element)
        return shape

    def picture(self, slide, path: Path, rect: Rect, description: str, align: str = "right", plate: str | None = None):
        """The image at ``path`` fitted into ``rect`` (aspect kept, against its ``align`` side), with
        ``description`` as its alternative text; on a ``plate`` of that colour (a logo on a dark cover)."""
        from PIL import Image

        with Image.open(path) as image:
            w_px, h_px = image.size
        left, top, width, height = rect
        scale = min(width / w_px, height / h_px)
        w, h = w_px * scale, h_px * scale
        x = left + width - w if align == "right" else left
        if plate is not None:
            pad = PLATE_PADDING
            self._rect(slide, (x - pad, top - pad, w + 2 * pad, h + 2 * pad), plate, name="Logo plate")
        picture = slide.shapes.add_picture(str(path), pt(x), pt(top), pt(w), pt(h))
        picture.name = "Logo"
        picture._element.nvPicPr.cNvPr.set("descr", clean(description))
        return picture

    @staticmethod
    def _place(shape, rect) -> None:
        shape.left, shape.top, shape.width, shape.height = (pt(v) for v in rect)

    def text_box(self, slide, rect, paras: Sequence[Para], size: float, name: str = "", anchor=MSO_ANCHOR.TOP):
        shape = slide.shapes.add_textbox(*(pt(v) for v in rect))
        if name:
            shape.name = name
        self.fill(shape.text_frame, paras, size, anchor=anchor)
        return shape

    def fill(self, frame, paras: Sequence[Para], base: float, anchor=MSO_ANCHOR.TOP, insets=(0, 0, 0, 0)) -> None:
        """Write ``paras`` at base size ``base`` into ``frame``, replacing what it held.

        With a template, a placeholder keeps its own vertical anchor and alignment.
        """
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        if not self.look.template or not _is_placeholder(frame):
            frame.vertical_anchor = anchor
        frame.margin_left, frame.margin_right, frame.margin_top, frame.margin_bottom = (pt(v) for v in insets)
        body = frame._txBody
        for p in body.findall(qn("a:p")):
            body.remove(p)
        inherit_align = self.look.template and _is_placeholder(frame)
        for para in paras or [Para(spans=())]:
            self._paragraph(frame, para, para.size(base), inherit_align=inherit_align)

    def _paragraph(self, frame, para: Para, size: float, inherit_align: bool = False) -> None:
        p = frame._txBody.add_p()
        from pptx.text.text import _Paragraph

        family = self.look.family
        paragraph = _Paragraph(p, frame)
        if not inherit_align or para.align != "left":
            paragraph.alignment = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}[para.align]
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(para.space_before * size)
        paragraph.space_after = Pt(para.space_after * size)
        ppr = p.get_or_add_pPr()
        if para.bullet is not None:
            ppr.set("marL", str(int(round(para.indent * size * EMU_PER_PT))))
            ppr.set("indent", str(-int(round(para.indent * size * EMU_PER_PT))))
            if para.bullet:
                color = etree.SubElement(ppr, qn("a:buClr"))
                color.append(color_element(self.colors.accent))
                if family:
                    etree.SubElement(ppr, qn("a:buFont")).set("typeface", family)
                etree.SubElement(ppr, qn("a:buChar")).set("char", para.bullet)
            else:
                etree.SubElement(ppr, qn("a:buNone"))
        else:
            ppr.set("marL", "0")
            ppr.set("indent", "0")
            etree.SubElement(ppr, qn("a:buNone"))
        for span in para.spans:
            pieces = clean(span.text).split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    paragraph.add_line_break()
                if piece:
                    run = paragraph.add_run()
                    run.text = piece
                    self._style(run.font, span, size)
                    if span.link:
                        self._links.append((run, span.link))
        end = p.get_or_add_endParaRPr()
        end.set("sz", str(int(round(size * 100))))

    def _style(self, font, span: Span, size: float) -> None:
        family = self.look.family
        font.size = Pt(size)
        font.bold = span.bold
        font.italic = span.italic
        color = span.color or self.colors.ink
        if color is not None:
            paint(font.color, color)
        if family:
            font.name = family
            rpr = font._rPr
            for tag in ("a:ea", "a:cs"):
                el = rpr.find(qn(tag))
                if el is None:
                    el = etree.SubElement(rpr, qn(tag))
                el.set("typeface", family)

    # --- tables -----------------------------------------------------------------------------------

    def table(self, slide, spec: TableSpec, top: float):
        rows = 1 + len(spec.rows)
        cols = len(spec.widths)
        height = sum(spec.heights)
        left = self.grid.body[0]
        frame = slide.shapes.add_table(rows, cols, pt(left), pt(top), pt(sum(spec.widths)), pt(height))
        if spec.description:
            frame._element.nvGraphicFramePr.cNvPr.set("descr", clean(spec.description))
        table = frame.table
        table.first_row = True
        table.horz_banding = False
        for i, width in enumerate(spec.widths):
            table.columns[i].width = pt(width)
        spans = (False, *(spec.spans or (False,) * len(spec.rows)))
        c = self.colors
        for r, cells in enumerate((spec.header, *spec.rows)):
            table.rows[r].height = pt(spec.heights[r])
            if spans[r] and cols > 1:
                table.cell(r, 0).merge(table.cell(r, cols - 1))
            for col, paras in enumerate(cells):
                cell = table.cell(r, col)
                cell.fill.solid()
                if r == 0:
                    color = c.table_head
                elif spans[r]:
                    color = c.table_group
                elif spec.spans:
                    color = c.table_plain  # grouped rows: the headings mark the groups, no banding
                else:
                    color = c.table_band if r % 2 == 0 else c.table_plain
                paint(cell.fill.fore_color, color)
                cell.margin_left, cell.margin_right = pt(CELL_L), pt(CELL_R)
                cell.margin_top, cell.margin_bottom = pt(CELL_T), pt(CELL_B)
                cell.vertical_anchor = MSO_ANCHOR.TOP
                frame_ = cell.text_frame
                frame_.word_wrap = True
                body = frame_._txBody
                for p in body.findall(qn("a:p")):
                    body.remove(p)
                for para in paras or (Para(spans=()),):
                    self._paragraph(frame_, para, para.size(spec.size))
                self._cell_borders(cell)
        return frame

    def _cell_borders(self, cell) -> None:
        tcpr = cell._tc.get_or_add_tcPr()
        for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
            line = tcpr.find(qn(tag))
            if line is not None:
                tcpr.remove(line)
        # Borders must come before the fill in tcPr.
        for index, tag in enumerate(("a:lnL", "a:lnR", "a:lnT", "a:lnB")):
            line = etree.Element(qn(tag), w="6350", cap="flat", cmpd="sng", algn="ctr")
            fill = etree.SubElement(line, qn("a:solidFill"))
            fill.append(color_element(self.colors.table_line))
            etree.SubElement(line, qn("a:prstDash")).set("val", "solid")
            tcpr.insert(index, line)

    # --- the file ---------------------------------------------------------------------------------

    def properties(self, title: str, subject: str, author: str, category: str, keywords: str) -> None:
        props = self.prs.core_properties
        props.title = clean(title)[:255]
        props.subject = clean(subject)[:255]
        props.author = clean(author)[:255]
        props.last_modified_by = clean(author)[:255]
        props.category = clean(category)[:255]
        props.keywords = clean(keywords)[:255]
        props.comments = ""
        props.created = props.modified = props.last_printed = build_time()
        props.revision = 1

    def to_bytes(self, application: str) -> bytes:
        self._resolve_links()
        raw = io.BytesIO()
        self.prs.save(raw)
        slides = len(self.prs.slides)
        fmt = presentation_format(self.prs.slide_width, self.prs.slide_height)
        return stable_zip(raw.getvalue(), {APP_PART: lambda xml: app_properties(xml, application, slides, fmt)})


def _is_placeholder(frame) -> bool:
    return frame._parent is not None and getattr(frame._parent, "is_placeholder", False)


APP_PART = "docProps/app.xml"
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def presentation_format(width: int, height: int) -> str:
    """How PowerPoint names a slide size in the extended properties."""
    for name, (w, h) in {"16:9": (16, 9), "4:3": (4, 3), "16:10": (16, 10)}.items():
        if abs(width * h - height * w) <= max(width, height) // 500:
            return f"On-screen Show ({name})"
    return "Custom"


def app_properties(xml: bytes, application: str, slides: int, fmt: str = "On-screen Show (16:9)") -> bytes:
    """The template's extended properties made true of this deck (it says 4:3, no slides, and Office)."""
    root = etree.fromstring(xml)
    values = {
        "Application": clean(application),
        "PresentationFormat": fmt,
        "Slides": str(slides),
        "Notes": str(slides),
    }
    for name, value in values.items():
        element = root.find(_EXTENDED + name)
        if element is not None:
            element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stable_zip(data: bytes, transforms: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same zip with fixed timestamps and attributes: identical parts give identical bytes.

    ``transforms`` maps a member's name to a function that rewrites its bytes.
    """
    transforms = transforms or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=zip_time())
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            content = src.read(info.filename)
            if info.filename in transforms:
                content = transforms[info.filename](content)
            dst.writestr(entry, content)
    return out.getvalue()

