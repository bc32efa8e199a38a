"""Writing the deck with python-pptx: text frames, tables, pictures, slides and notes.

Every text frame is written with everything a viewer could otherwise inherit set explicitly: size, line
spacing (100 %), space before and after (points), insets, word wrap on and autofit off; with the built-in
look also the font (the theme's family, per run), the colours and top anchoring. What
:mod:`casebook.render.deck.fit` measured is then what a viewer draws.

Two looks share this writer (see :class:`~casebook.render.deck.palette.DeckLook`):

* the built-in look: python-pptx's blank presentation made 16:9, every shape placed and coloured here
  from the :class:`~casebook.theme.Theme` (colours, font family);
* a user's template (:mod:`casebook.render.deck.template`): its slide master and layouts, its slide size,
  and its fonts and colours: runs name no font, and colours are the template's theme colours
  (``accent1``, ``tx1`` lighter 35 %, ...) rather than RGB values.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml.etree import SubElement
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.autoshape import Shape
from pptx.util import Emu

from casebook.render.deck.drawingml import (
    _AFTER_CELL_FILL,
    _ALIGN,
    _BODY_PR,
    _BU_CHAR,
    _BU_CLR,
    _BU_FONT,
    _BU_NONE,
    _CS,
    _EA,
    _END_PARA_RPR,
    _FILLS,
    _GRID_COL,
    _LATIN,
    _LINES,
    _LN_SPC,
    _NOTES_PARTNAME,
    _NOTES_PREFIX,
    _P,
    _PPR,
    _PRST_DASH,
    _R,
    _RPR,
    _SOLID_FILL,
    _SPC_AFT,
    _SPC_BEF,
    _SPC_PCT,
    _SPC_PTS,
    _T,
    _TC,
    _TC_PR,
    _TR,
    _TX_BODY,
    _centipoints,
    _frame_properties,
    script_run,
)
from casebook.render.deck.fit import EMU_PER_PT, Para, Span, clean
from casebook.render.deck.grid import CELL_B, CELL_L, CELL_R, CELL_T, PLATE_PADDING, Rect, pt
from casebook.render.deck.package import (
    APP_PART,
    _package_members,
    _stable_members,
    app_properties,
    build_time,
    presentation_format,
    stable_zip,
)
from casebook.render.deck.palette import DeckLook, add_color, paint
from casebook.render.deck.prototypes import (
    _BR_PROTOTYPE,
    _EXT,
    _MAX_SLIDE_ID,
    _NOTES_EMPTY_LINE,
    _NOTES_LINE,
    _OFF,
    _P_TX_BODY,
    _R_ID,
    _SLD_ID,
    _SP,
    _SP_PR,
    _XFRM,
    _copy,
    _frame_text,
    _is_placeholder,
    _new_shape,
    _path_to,
    _ph,
    _rect_prototype,
    _reparsed,
    _shape_id,
    _textbox_prototype,
)
from casebook.render.text.rtl import script_runs, wholly_rtl


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
    presentation comes with its layouts (see :func:`casebook.render.deck.template.open_template`).
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
        # ((a:rPr of a run, the shape or frame it is in), anchor): links waiting for their target slides
        self._links: list[tuple[tuple[object, object], str]] = []
        self._notes_proto: tuple[etree._Element, list[int]] | None = None  # a new notes slide, to copy
        self._notes_names: set[str] | None = None  # the notes slides' part names
        self._slide_protos: dict[object, etree._Element] = {}  # layout part: a new slide of it, to copy
        self._prototypes: dict[tuple, etree._Element] = {}  # paragraphs, runs and cell properties, to copy

    # --- slides -----------------------------------------------------------------------------------

    def cover_slide(self, kind: Para | None, title: Para, title_size: float, subtitle: list[Para], subtitle_size: float):
        """The title slide: ``subtitle`` goes in the layout's subtitle placeholder (or a text box)."""
        g, c = self.grid, self.colors
        slide = self._add_slide(self.layouts.cover)
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
        slide = self._add_slide(self.layouts.content)
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

    def _add_slide(self, layout):
        """python-pptx's ``prs.slides.add_slide(layout)``. The first slide of a layout is added by
        python-pptx (cloning the layout's placeholders); the later ones are copies of it as it was new,
        added with the part name and relationships python-pptx would give them."""
        prototype = self._slide_protos.get(layout.part)
        if prototype is None:
            slide = self.prs.slides.add_slide(layout)
            self._slide_protos[layout.part] = _copy(slide._element)
            return slide
        prs_part = self.prs.part
        id_list = self.prs.slides._sldIdLst
        partname = PackURI(f"/ppt/slides/slide{len(id_list) + 1}.xml")
        slide_part = SlidePart(partname, CT.PML_SLIDE, prs_part.package, _copy(prototype))
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rid = prs_part.relate_to(slide_part, RT.SLIDE)
        # python-pptx's id_list.add_sldId(rid): one more than the largest id (from 256; past 2**31 - 1 it
        # looks for a gap)
        used = [int(value) for e in id_list.iterchildren(_SLD_ID) if (value := e.get("id")) is not None]
        next_id = max([255, *used]) + 1
        if next_id > _MAX_SLIDE_ID:  # pragma: no cover - billions of slides
            id_list.add_sldId(rid)
        else:
            slide_id = SubElement(id_list, _SLD_ID)
            slide_id.set("id", str(next_id))
            slide_id.set(_R_ID, rid)
        return slide_part.slide

    def _drop_empty_placeholders(self, slide) -> None:
        """Placeholders of the layout the deck does not fill (a template's body, say) are removed:
        an empty placeholder shows its prompt text in an editor.

        What python-pptx's ``slide.placeholders``, ``shape.has_text_frame`` and ``text_frame.text``
        would tell, read from the XML."""
        tree = slide.shapes._spTree
        placeholders = [(element, ph) for element in tree if (ph := _ph(element)) is not None]
        title = next((element for element, ph in placeholders if int(ph.get("idx", "0")) == 0), None)
        title_id = None if title is None else _shape_id(title)
        for element, _ in placeholders:
            if title_id is not None and _shape_id(element) == title_id:
                continue
            if element.tag == _SP and _frame_text(element.find(_P_TX_BODY)).strip():
                continue
            tree.remove(element)

    def footer(self, slide, left: Para, left_size: float, right: Para, right_size: float) -> None:
        self.text_box(slide, self.grid.footer_left, [left], left_size, name="Footer")
        self.text_box(slide, self.grid.footer_right, [right], right_size, name="Slide number")

    def notes(self, slide, text: str) -> None:
        """``text`` as the speaker notes of ``slide``: a paragraph a line, as python-pptx's
        ``notes_text_frame.text`` writes it."""
        body = self._notes_body(slide)
        for p in body.findall(_P):
            body.remove(p)
        for line in clean(text).split("\n"):
            if line:
                p = _copy(_NOTES_LINE)
                p[0][0].text = line
            else:
                p = _copy(_NOTES_EMPTY_LINE)
            body.append(p)

    def _notes_body(self, slide):
        """The text body of the notes placeholder of ``slide``'s notes slide, made when it has none.

        python-pptx makes the first notes slide, cloning the notes master's placeholders (milliseconds a
        slide); the others are copies of that one, added with the part name and relationships python-pptx
        would give them.
        """
        if self._notes_proto is None or slide.has_notes_slide:
            new = not slide.has_notes_slide
            notes_slide = slide.notes_slide
            body = notes_slide.notes_text_frame._txBody
            if new and self._notes_proto is None:
                self._notes_proto = (_copy(notes_slide._element), _path_to(body))
            return body
        proto, path = self._notes_proto
        package = slide.part.package
        element = _copy(proto)
        part = NotesSlidePart(self._next_notes_partname(package), CT.PML_NOTES_SLIDE, package, element)
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        for index in path:
            element = element[index]
        return element

    def _next_notes_partname(self, package) -> PackURI:
        """What python-pptx's ``package.next_partname`` gives a new notes slide, without walking the
        package each time: only this writer adds notes slides."""
        if self._notes_names is None:
            self._notes_names = {p.partname for p in package.iter_parts() if p.partname.startswith(_NOTES_PREFIX)}
        names = self._notes_names
        for n in range(len(names) + 1, 0, -1):
            candidate = _NOTES_PARTNAME % n
            if candidate not in names:
                names.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free notes slide part name")  # pragma: no cover - n = len + 1 is free

    def anchor(self, slide, name: str) -> None:
        """Name ``slide`` as the target of the spans whose ``link`` is ``name``."""
        self._anchors.setdefault(name, slide)

    def _resolve_links(self) -> None:
        """Make every linked run jump to its slide in a slide show.

        python-pptx's ``run.hyperlink`` takes web addresses only: a jump to a slide is an
        ``a:hlinkClick`` whose action is ``ppaction://hlinksldjump`` and whose relationship (from the
        run's slide) targets the slide's part. A link to a name no slide has is left out.
        """
        for (rpr, owner), name in self._links:
            target = self._anchors.get(name)
            if target is None:
                continue
            hlink = rpr.get_or_add_hlinkClick()
            hlink.set("action", "ppaction://hlinksldjump")
            hlink.rId = owner.part.relate_to(target.part, RT.SLIDE)
        self._links.clear()

    # --- shapes -----------------------------------------------------------------------------------

    def _rect(self, slide, rect, color: str, back: bool = False, name: str = ""):
        """A filled rectangle without outline or shadow: what python-pptx's ``add_shape`` with its fill
        made solid, line fill background and ``shadow.inherit = False`` writes, built directly."""
        tree = slide.shapes._spTree
        sp = _new_shape(tree, _rect_prototype(), rect, name, "Rectangle %d")
        # Decorative: say so to screen readers.
        sp[0][0].set("descr", "")
        add_color(sp[1][2], color)  # spPr/solidFill
        if back:
            tree.remove(sp)
            tree.insert(2, sp)
        return Shape(sp, slide.shapes)

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
        """Set ``shape``'s position and size to ``rect`` (python-pptx's left, top, width and height)."""
        sp_pr = shape._element.find(_SP_PR)
        if sp_pr is None or sp_pr.find(_XFRM) is not None:  # a frame of its own: python-pptx adjusts it
            shape.left, shape.top, shape.width, shape.height = (pt(v) for v in rect)
            return
        left, top, width, height = (str(pt(v)) for v in rect)
        xfrm = etree.Element(_XFRM)
        SubElement(xfrm, _OFF, x=left, y=top)
        SubElement(xfrm, _EXT, cx=width, cy=height)
        sp_pr.insert(0, xfrm)

    def text_box(self, slide, rect, paras: Sequence[Para], size: float, name: str = "", anchor=MSO_ANCHOR.TOP):
        """A text box holding ``paras``: python-pptx's ``add_textbox``, built directly."""
        sp = _new_shape(slide.shapes._spTree, _textbox_prototype(), rect, name, "TextBox %d")
        shape = Shape(sp, slide.shapes)
        self._write(sp[2], paras, size, anchor, (0, 0, 0, 0), False, shape)  # p:txBody
        return shape

    def fill(self, frame, paras: Sequence[Para], base: float, anchor=MSO_ANCHOR.TOP, insets=(0, 0, 0, 0)) -> None:
        """Write ``paras`` at base size ``base`` into ``frame``, replacing what it held.

        With a template, a placeholder keeps its own vertical anchor and alignment.
        """
        inherit = bool(self.look.template and _is_placeholder(frame))
        self._write(frame._txBody, paras, base, anchor, insets, inherit, frame)

    def _write(self, body, paras: Sequence[Para], base: float, anchor, insets, inherit: bool, owner) -> None:
        """:meth:`fill` on the text body ``body``; ``inherit``: keep its anchor and alignment."""
        _frame_properties(body, ... if inherit else anchor, insets)
        for p in body.findall(_P):
            body.remove(p)
        for para in paras or [Para(spans=())]:
            self._paragraph(body, para, para.size(base), inherit_align=inherit, owner=owner)

    def _paragraph(self, body, para: Para, size: float, inherit_align: bool = False, owner=None) -> None:
        """Append ``para`` at ``size`` points to the text body ``body``: what python-pptx's paragraph and
        font setters would write, built directly (copies of a paragraph and a run made once per look).
        ``owner`` (a shape, text frame or slide) is where a linked run's relationship goes from."""
        p = _copy(self._paragraph_prototype(para, size, inherit_align))
        body.append(p)
        end = p[-1]  # a:endParaRPr
        if wholly_rtl("".join(span.text for span in para.spans)):
            p[0].set("rtl", "1")  # a paragraph that reads right to left as a whole (its text stays in logical order)
            if p[0].get("algn", "l") == "l":
                p[0].set("algn", "r")
        for span in para.spans:
            run = None
            for i, piece in enumerate(clean(span.text).split("\n")):
                if i:
                    end.addprevious(_copy(_BR_PROTOTYPE))
                if piece:
                    if run is None:
                        run = self._run_prototype(span, size)
                    for text, rtl, lang in script_runs(piece):  # one run unless it holds right-to-left text
                        r = _copy(run)
                        end.addprevious(r)
                        r[-1].text = text
                        if rtl:
                            script_run(r[0], text, lang)
                        if span.link:
                            self._links.append(((r[0], owner), span.link))

    def _paragraph_prototype(self, para: Para, size: float, inherit_align: bool):
        """An ``a:p`` with the ``a:pPr`` and ``a:endParaRPr`` of ``para`` at ``size`` (no runs)."""
        algn = None if inherit_align and para.align == "left" else _ALIGN[para.align]
        before, after = _centipoints(para.space_before * size), _centipoints(para.space_after * size)
        if para.bullet is not None:
            margin = int(round(para.indent * size * EMU_PER_PT))
            hang = (str(margin), str(-margin))
        else:
            hang = ("0", "0")
        key = (algn, before, after, para.bullet, hang, str(int(round(size * 100))))
        prototype = self._prototypes.get(key)
        if prototype is None:
            prototype = self._prototypes[key] = _reparsed(self._new_paragraph(*key))
        return prototype

    def _new_paragraph(self, algn, before, after, bullet, hang, end_size) -> etree._Element:
        """An ``a:p`` as python-pptx's alignment, line spacing, space before and after (and the bullet
        settings written here) make its ``a:pPr``, and its ``a:endParaRPr``."""
        family = self.look.family
        p = etree.Element(_P)
        ppr = SubElement(p, _PPR)
        if algn is not None:
            ppr.set("algn", algn)
        SubElement(SubElement(ppr, _LN_SPC), _SPC_PCT).set("val", "100000")
        SubElement(SubElement(ppr, _SPC_BEF), _SPC_PTS).set("val", before)
        SubElement(SubElement(ppr, _SPC_AFT), _SPC_PTS).set("val", after)
        ppr.set("marL", hang[0])
        ppr.set("indent", hang[1])
        if bullet:
            add_color(SubElement(ppr, _BU_CLR), self.colors.accent)
            if family:
                SubElement(ppr, _BU_FONT).set("typeface", family)
            SubElement(ppr, _BU_CHAR).set("char", bullet)
        else:
            SubElement(ppr, _BU_NONE)
        SubElement(p, _END_PARA_RPR).set("sz", end_size)
        return p

    def _run_prototype(self, span: Span, size: float):
        """An ``a:r`` (empty ``a:t``) in the style of ``span`` at ``size``."""
        key = (_centipoints(size), span.bold, span.italic, span.color or self.colors.ink)
        prototype = self._prototypes.get(key)
        if prototype is None:
            r = etree.Element(_R)
            self._style(SubElement(r, _RPR), span, size)
            SubElement(r, _T)
            prototype = self._prototypes[key] = _reparsed(r)
        return prototype

    def _style(self, rpr, span: Span, size: float) -> None:
        """The run properties ``rpr`` (empty) as python-pptx's font size, bold, italic, colour and name
        setters write them: ``sz``, ``b``, ``i``, then ``a:solidFill``, ``a:latin``, ``a:ea``, ``a:cs``."""
        family = self.look.family
        rpr.set("sz", _centipoints(size))
        if span.bold is not None:
            rpr.set("b", "1" if span.bold else "0")
        if span.italic is not None:
            rpr.set("i", "1" if span.italic else "0")
        color = span.color or self.colors.ink
        if color is not None:
            add_color(SubElement(rpr, _SOLID_FILL), color)
        if family:
            SubElement(rpr, _LATIN).set("typeface", family)
            SubElement(rpr, _EA).set("typeface", family)
            SubElement(rpr, _CS).set("typeface", family)

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
        grid_cols = table._tbl.tblGrid.findall(_GRID_COL)
        for col, width in zip(grid_cols, spec.widths, strict=False):
            col.set("w", str(pt(width)))
        frame.width = Emu(sum(int(col.get("w")) for col in grid_cols))  # as python-pptx's column widths set it
        spans = (False, *(spec.spans or (False,) * len(spec.rows)))
        c = self.colors
        trs = table._tbl.findall(_TR)
        heights = [pt(spec.heights[r]) for r in range(rows)]
        for tr, height in zip(trs, heights, strict=True):
            tr.set("h", str(height))
        frame.height = Emu(sum(heights))  # the sum of the rows, as python-pptx's row heights set it
        for r, cells in enumerate((spec.header, *spec.rows)):
            if spans[r] and cols > 1:
                table.cell(r, 0).merge(table.cell(r, cols - 1))
            tcs = trs[r].findall(_TC)
            for col, paras in enumerate(cells):
                if r == 0:
                    color = c.table_head
                elif spans[r]:
                    color = c.table_group
                elif spec.spans:
                    color = c.table_plain  # grouped rows: the headings mark the groups, no banding
                else:
                    color = c.table_band if r % 2 == 0 else c.table_plain
                self._cell(tcs[col], paras, spec.size, color, frame)
        return frame

    def _cell(self, tc, paras: Sequence[Para], base: float, color: str, owner) -> None:
        """A table cell as python-pptx's cell fill, margins, vertical anchor and word wrap set it, with
        ``paras`` as its text and hairline borders."""
        tc_pr = tc.find(_TC_PR)
        if tc_pr is not None and not len(tc_pr) and not tc_pr.attrib:  # a new cell's: made once per colour
            prototype = self._prototypes.get(("tcPr", color))
            if prototype is None:
                prototype = self._prototypes["tcPr", color] = _reparsed(self._new_cell_properties(color))
            tc.replace(tc_pr, _copy(prototype))
        else:
            self._cell_properties(tc, color)
        body = tc.find(_TX_BODY)
        body.find(_BODY_PR).set("wrap", "square")
        for p in body.findall(_P):
            body.remove(p)
        for para in paras or (Para(spans=()),):
            self._paragraph(body, para, para.size(base), owner=owner)

    def _new_cell_properties(self, color: str) -> etree._Element:
        """The ``a:tcPr`` of a new cell filled with ``color``."""
        tc = etree.Element(_TC)
        SubElement(tc, _TC_PR)
        return self._cell_properties(tc, color)

    def _cell_properties(self, tc, color: str):
        """python-pptx's cell fill, margins and vertical anchor set on the ``a:tcPr`` of ``tc``, then the
        hairline borders; the ``a:tcPr``."""
        tc_pr = tc.find(_TC_PR)
        if tc_pr is None:  # pragma: no cover - python-pptx's new cells have one
            tc_pr = tc.get_or_add_tcPr()
        for child in list(tc_pr):
            if child.tag in _FILLS:
                tc_pr.remove(child)
        successor = next((child for child in tc_pr if child.tag in _AFTER_CELL_FILL), None)
        fill = etree.Element(_SOLID_FILL)
        if successor is None:
            tc_pr.append(fill)
        else:
            successor.addprevious(fill)
        add_color(fill, color)
        tc_pr.set("marL", str(pt(CELL_L)))
        tc_pr.set("marR", str(pt(CELL_R)))
        tc_pr.set("marT", str(pt(CELL_T)))
        tc_pr.set("marB", str(pt(CELL_B)))
        tc_pr.set("anchor", "t")
        self._cell_borders(tc_pr)
        return tc_pr

    def _cell_borders(self, tcpr) -> None:
        for line in list(tcpr):
            if line.tag in _LINES:
                tcpr.remove(line)
        # Borders must come before the fill in tcPr.
        for index, tag in enumerate(_LINES):
            line = etree.Element(tag, w="6350", cap="flat", cmpd="sng", algn="ctr")
            add_color(SubElement(line, _SOLID_FILL), self.colors.table_line)
            SubElement(line, _PRST_DASH).set("val", "solid")
            tcpr.insert(index, line)

    # --- the file ---------------------------------------------------------------------------------

    def properties(self, title: str, subject: str, author: str, category: str, keywords: str, comments: str = "") -> None:
        props = self.prs.core_properties
        props.title = clean(title)[:255]
        props.subject = clean(subject)[:255]
        props.author = clean(author)[:255]
        props.last_modified_by = clean(author)[:255]
        props.category = clean(category)[:255]
        props.keywords = clean(keywords)[:255]
        props.comments = clean(comments)[:255]
        props.created = props.modified = props.last_printed = build_time()
        props.revision = 1

    def to_bytes(self, application: str) -> bytes:
        self._resolve_links()
        slides = len(self.prs.slides)
        fmt = presentation_format(self.prs.slide_width, self.prs.slide_height)
        transforms = {APP_PART: lambda xml: app_properties(xml, application, slides, fmt)}
        members = _package_members(self.prs.part.package)
        if members is not None:
            return _stable_members(members, transforms)
        raw = io.BytesIO()
        self.prs.save(raw)
        return stable_zip(raw.getvalue(), transforms)
