"""Writing the deck with python-pptx: the slide grid, text frames, tables, notes and stable bytes.

Every text frame is written with everything a viewer could otherwise inherit set explicitly: font
(Open Sans, per run), size, line spacing (100 %), space before and after (points), insets, top
anchoring, word wrap on and autofit off. What :mod:`casebook.render.deck_fit` measured is then what a
viewer draws.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from casebook.render.deck_fit import EMU_PER_PT, Box, Para, Span, clean
from casebook.render.fonts import FAMILY

# --- the grid, in points (a 16:9 slide is 960 x 540 pt) -------------------------------------------

SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN_L, MARGIN_R = 58.0, 58.0
CONTENT_W = SLIDE_W - MARGIN_L - MARGIN_R
BAR_W = 14.0

EYEBROW = (MARGIN_L, 30.0, CONTENT_W, 24.0)
TITLE = (MARGIN_L, 54.0, CONTENT_W, 68.0)
RULE = (MARGIN_L, 131.0, 64.0, 3.0)
BODY = (MARGIN_L, 150.0, CONTENT_W, 344.0)
FOOTER_LEFT = (MARGIN_L, 508.0, CONTENT_W - 150.0, 20.0)
FOOTER_RIGHT = (SLIDE_W - MARGIN_R - 140.0, 508.0, 140.0, 20.0)

COVER_KIND = (MARGIN_L + 20, 126.0, CONTENT_W - 40, 26.0)
COVER_TITLE = (MARGIN_L + 20, 156.0, CONTENT_W - 40, 178.0)
COVER_RULE = (MARGIN_L + 20, 346.0, 64.0, 3.0)
COVER_SUBTITLE = (MARGIN_L + 20, 362.0, CONTENT_W - 40, 100.0)

# --- colours --------------------------------------------------------------------------------------

INK = "1F2A30"
MUTED = "5E6B72"
ACCENT = "0E6170"
ACCENT_LIGHT = "7CC4C8"
COVER_BG = "113B45"
COVER_TEXT = "FFFFFF"
COVER_SUB = "D3E4E7"
TABLE_HEAD = "0E6170"
TABLE_HEAD_TEXT = "FFFFFF"
TABLE_BAND = "EEF4F5"
TABLE_GROUP = "DCEBED"
TABLE_PLAIN = "FFFFFF"
TABLE_LINE = "C9D6D9"

# Table cells: inner margins in points.
CELL_L, CELL_R, CELL_T, CELL_B = 6.0, 6.0, 4.0, 4.0

# Fixed document dates: the same input gives the same bytes.
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def pt(value: float) -> Emu:
    return Emu(int(round(value * EMU_PER_PT)))


def box_of(rect: tuple[float, float, float, float], insets: tuple[float, float, float, float] = (0, 0, 0, 0)) -> Box:
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


class DeckWriter:
    """A 16:9 presentation being written, slide by slide."""

    def __init__(self) -> None:
        self.prs = Presentation()
        self.prs.slide_width = pt(SLIDE_W)
        self.prs.slide_height = pt(SLIDE_H)
        self._cover_layout = self.prs.slide_layouts[0]
        self._title_only = self.prs.slide_layouts[5]
        self._anchors: dict[str, object] = {}
        self._links: list[tuple[object, str]] = []  # (run, anchor) waiting for their target slides

    # --- slides -----------------------------------------------------------------------------------

    def cover_slide(self, kind: Para, title: Para, title_size: float, subtitle: Para, subtitle_size: float):
        slide = self.prs.slides.add_slide(self._cover_layout)
        self._rect(slide, (0, 0, SLIDE_W, SLIDE_H), COVER_BG, back=True, name="Background")
        self._rect(slide, (0, 0, BAR_W, SLIDE_H), ACCENT_LIGHT, name="Accent bar")
        self._rect(slide, COVER_RULE, ACCENT_LIGHT, name="Rule")
        self.text_box(slide, COVER_KIND, [kind], 14, name="Deck kind")
        title_ph = slide.shapes.title
        self._place(title_ph, COVER_TITLE)
        self.fill(title_ph.text_frame, [title], title_size, anchor=MSO_ANCHOR.BOTTOM)
        subtitle_ph = slide.placeholders[1]
        self._place(subtitle_ph, COVER_SUBTITLE)
        self.fill(subtitle_ph.text_frame, [subtitle], subtitle_size)
        return slide

    def content_slide(self, eyebrow: Para | None, title: Para, title_size: float):
        slide = self.prs.slides.add_slide(self._title_only)
        self._rect(slide, (0, 0, BAR_W, SLIDE_H), ACCENT, name="Accent bar")
        self._rect(slide, RULE, ACCENT, name="Rule")
        if eyebrow is not None:
            self.text_box(slide, EYEBROW, [eyebrow], 13, name="Section")
        title_ph = slide.shapes.title
        self._place(title_ph, TITLE)
        self.fill(title_ph.text_frame, [title], title_size, anchor=MSO_ANCHOR.BOTTOM)
        return slide

    def footer(self, slide, left: Para, left_size: float, right: Para, right_size: float) -> None:
        self.text_box(slide, FOOTER_LEFT, [left], left_size, name="Footer")
        self.text_box(slide, FOOTER_RIGHT, [right], right_size, name="Slide number")

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
        shape.fill.fore_color.rgb = RGBColor.from_string(color)
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
        """Write ``paras`` at base size ``base`` into ``frame``, replacing what it held."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left, frame.margin_right, frame.margin_top, frame.margin_bottom = (pt(v) for v in insets)
        body = frame._txBody
        for p in body.findall(qn("a:p")):
            body.remove(p)
        for para in paras or [Para(spans=())]:
            self._paragraph(frame, para, para.size(base))

    def _paragraph(self, frame, para: Para, size: float) -> None:
        p = frame._txBody.add_p()
        from pptx.text.text import _Paragraph

        paragraph = _Paragraph(p, frame)
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
                etree.SubElement(color, qn("a:srgbClr")).set("val", ACCENT)
                etree.SubElement(ppr, qn("a:buFont")).set("typeface", FAMILY)
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

    @staticmethod
    def _style(font, span: Span, size: float) -> None:
        font.name = FAMILY
        font.size = Pt(size)
        font.bold = span.bold
        font.italic = span.italic
        font.color.rgb = RGBColor.from_string(span.color or INK)
        rpr = font._rPr
        for tag in ("a:ea", "a:cs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = etree.SubElement(rpr, qn(tag))
            el.set("typeface", FAMILY)

    # --- tables -----------------------------------------------------------------------------------

    def table(self, slide, spec: TableSpec, top: float):
        rows = 1 + len(spec.rows)
        cols = len(spec.widths)
        height = sum(spec.heights)
        frame = slide.shapes.add_table(rows, cols, pt(MARGIN_L), pt(top), pt(sum(spec.widths)), pt(height))
        if spec.description:
            frame._element.nvGraphicFramePr.cNvPr.set("descr", clean(spec.description))
        table = frame.table
        table.first_row = True
        table.horz_banding = False
        for i, width in enumerate(spec.widths):
            table.columns[i].width = pt(width)
        spans = (False, *(spec.spans or (False,) * len(spec.rows)))
        for r, cells in enumerate((spec.header, *spec.rows)):
            table.rows[r].height = pt(spec.heights[r])
            if spans[r] and cols > 1:
                table.cell(r, 0).merge(table.cell(r, cols - 1))
            for c, paras in enumerate(cells):
                cell = table.cell(r, c)
                cell.fill.solid()
                if r == 0:
                    color = TABLE_HEAD
                elif spans[r]:
                    color = TABLE_GROUP
                elif spec.spans:
                    color = TABLE_PLAIN  # grouped rows: the headings mark the groups, no banding
                else:
                    color = TABLE_BAND if r % 2 == 0 else TABLE_PLAIN
                cell.fill.fore_color.rgb = RGBColor.from_string(color)
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

    @staticmethod
    def _cell_borders(cell) -> None:
        tcpr = cell._tc.get_or_add_tcPr()
        for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
            line = tcpr.find(qn(tag))
            if line is not None:
                tcpr.remove(line)
        # Borders must come before the fill in tcPr.
        for index, tag in enumerate(("a:lnL", "a:lnR", "a:lnT", "a:lnB")):
            line = etree.Element(qn(tag), w="6350", cap="flat", cmpd="sng", algn="ctr")
            fill = etree.SubElement(line, qn("a:solidFill"))
            etree.SubElement(fill, qn("a:srgbClr")).set("val", TABLE_LINE)
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
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        props.last_printed = FIXED_TIME
        props.revision = 1

    def to_bytes(self, application: str) -> bytes:
        self._resolve_links()
        raw = io.BytesIO()
        self.prs.save(raw)
        slides = len(self.prs.slides)
        return stable_zip(raw.getvalue(), {APP_PART: lambda xml: app_properties(xml, application, slides)})


APP_PART = "docProps/app.xml"
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def app_properties(xml: bytes, application: str, slides: int) -> bytes:
    """The template's extended properties made true of this deck (it says 4:3, no slides, and Office)."""
    root = etree.fromstring(xml)
    values = {
        "Application": clean(application),
        "PresentationFormat": "On-screen Show (16:9)",
        "Slides": str(slides),
        "Notes": str(slides),
    }
    for name, value in values.items():
        element = root.find(_EXTENDED + name)
        if element is not None:
            element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stable_zip(data: bytes, transforms: dict | None = None) -> bytes:
    """The same zip with fixed timestamps and attributes: identical parts give identical bytes.

    ``transforms`` maps a member's name to a function that rewrites its bytes.
    """
    transforms = transforms or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            content = src.read(info.filename)
            if info.filename in transforms:
                content = transforms[info.filename](content)
            dst.writestr(entry, content)
    return out.getvalue()
