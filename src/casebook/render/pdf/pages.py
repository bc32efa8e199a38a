"""The pages of a PDF document: the cover and body page templates and their frames, what is drawn around
the flowables (the cover band and logo, running header and footer, a personal copy's stamp), and the build
(:func:`build_document`) that lays a story out on them in one pass.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from casebook.render.pdf.canvas import PageCanvas
from casebook.render.pdf.flowables import Paragraph
from casebook.render.pdf.markup import ENTRY_LIMIT, clean, draw_line, esc, fit_line, shorten
from casebook.render.pdf.style import Look

# --- the document -----------------------------------------------------------------------------------


class Chrome:
    """What is drawn around the flowables: the cover band (institution, logo), running header and footer."""

    def __init__(self, look: Look, *, head: str, foot: str, cover_note: str, ellipsis: str, stamp: str = "") -> None:
        self._look = look
        self._head = head
        self._foot = stamp or foot  # a personal copy names its reader at the foot of every page
        self._stamp = stamp
        self._cover_note = cover_note
        self._ellipsis = ellipsis

    def _background(self, canv: Canvas) -> None:
        look = self._look
        if look.white.hexval() != "0xffffff":
            canv.setFillColor(look.white)
            canv.rect(0, 0, look.page_width, look.page_height, stroke=0, fill=1)

    def cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        look = self._look
        canv.saveState()
        canv.showOutline()
        self._background(canv)
        band = 1.2 * cm
        canv.setFillColor(look.accent)
        canv.rect(0, look.page_height - band, look.page_width, band, stroke=0, fill=1)
        canv.rect(0, 0, look.page_width, 0.35 * cm, stroke=0, fill=1)
        canv.setFont(look.bold, 9)
        canv.setFillColor(look.white)
        institution = fit_line(look.institution, look.bold, 9, look.frame_width, self._ellipsis)
        canv.drawString(look.margin_left, look.page_height - band + 0.45 * cm, institution)
        if look.logo is not None:
            self._logo(canv, band)
        canv.setStrokeColor(look.rule)
        canv.setLineWidth(0.6)
        canv.line(look.margin_left, 3.3 * cm, look.page_width - look.margin_right, 3.3 * cm)
        note = Paragraph(esc(self._cover_note), look.styles.cover_note)
        _, height = note.wrapOn(canv, look.frame_width, 3 * cm)
        note.drawOn(canv, look.margin_left, 3.3 * cm - 8 - height)
        if self._stamp:
            self.cover_stamp(canv, self._stamp)
        canv.restoreState()

    def cover_stamp(self, canv: Canvas, stamp: str) -> None:
        """A personal copy's "Prepared for …" on the cover, at the foot, the frame's width wide."""
        look = self._look
        canv.setFillColor(look.muted)
        draw_line(canv, look.margin_left, look.footer_y, fit_line(stamp, look.regular, 8, look.frame_width, self._ellipsis),
                  look.regular, 8)

    def foot_line(self, canv: Canvas, text: str) -> None:
        """The running foot of a body page (the font and colour set), room left for "page X of Y"."""
        look = self._look
        foot_width = look.frame_width - 3.5 * cm
        draw_line(canv, look.margin_left, look.footer_y, fit_line(text, look.regular, 8, foot_width, self._ellipsis),
                  look.regular, 8)

    def _logo(self, canv: Canvas, band: float) -> None:
        """The theme's logo at the top right of the cover, under the band, at most 1.8 cm tall and 6 cm wide."""
        look = self._look
        assert look.logo is not None
        image = ImageReader(str(look.logo))
        width, height = image.getSize()
        scale = min(1.8 * cm / height, 6 * cm / width)
        w, h = width * scale, height * scale
        x = look.page_width - look.margin_right - w
        y = look.page_height - band - 0.7 * cm - h
        canv.drawImage(image, x, y, w, h, mask="auto")

    def page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        look = self._look
        canv.saveState()
        self._background(canv)
        left, right = look.margin_left, look.page_width - look.margin_right
        canv.setFont(look.regular, 8)
        canv.setFillColor(look.muted)
        draw_line(canv, left, look.header_y, fit_line(self._head, look.regular, 8, look.frame_width, self._ellipsis),
                  look.regular, 8)
        canv.setStrokeColor(look.rule)
        canv.setLineWidth(0.5)
        canv.line(left, look.header_y - 6, right, look.header_y - 6)
        canv.line(left, look.footer_y + 11, right, look.footer_y + 11)
        self.foot_line(canv, self._foot)
        canv.setFillColor(look.accent)
        canv.rect(left, look.header_y - 6.5, 1.6 * cm, 1.4, stroke=0, fill=1)
        if isinstance(canv, PageCanvas):
            canv.page_of_here(right, look.footer_y)
        canv.restoreState()


class Document(BaseDocTemplate):
    """Pages of the theme's size: a cover template and a body template; headings feed the outline and the contents."""

    def __init__(self, buffer: io.BytesIO, look: Look, chrome: Chrome, ellipsis: str, **kwargs: Any) -> None:
        self._ellipsis = ellipsis
        self._look = look
        super().__init__(
            buffer,
            pagesize=look.page_size,
            leftMargin=look.margin_left,
            rightMargin=look.margin_right,
            topMargin=look.margin_top,
            bottomMargin=look.margin_bottom,
            initialFontName=look.regular,
            initialFontSize=look.body_size,
            initialLeading=look.body_leading,
            invariant=1,
            pageCompression=1,
            displayDocTitle=1,
            **kwargs,
        )
        frame_args = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        cover_frame = Frame(
            look.margin_left, 4.2 * cm, look.frame_width, look.page_height - 4.2 * cm - 3.0 * cm, id="cover", **frame_args
        )
        body_frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body", **frame_args)
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=chrome.cover),
                PageTemplate(id="body", frames=[body_frame], onPage=chrome.page),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        key = getattr(flowable, "casebook_key", None)
        if key is None:
            return
        top = min(self._look.page_height, self.frame._y + flowable.height + 24)
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        title = shorten(flowable.casebook_title, ENTRY_LIMIT, self._ellipsis)
        self.canv.addOutlineEntry(title, key, level=flowable.casebook_level, closed=True)
        if isinstance(self.canv, PageCanvas):
            self.canv.heading_pages.setdefault(key, self.page)


def build_document(
    look: Look,
    story: list[Flowable],
    *,
    head: str,
    foot: str,
    cover_note: str,
    ellipsis: str,
    page_of: Callable[[int, int], str],
    stamp: str = "",
    **metadata: Any,
) -> bytes:
    """Lay ``story`` out on the theme's pages and return the PDF bytes (identical for identical input).

    ``stamp`` ("Prepared for …") replaces the running foot and is drawn on the cover too.
    """
    buffer = io.BytesIO()
    chrome = Chrome(look, head=head, foot=foot, cover_note=cover_note, ellipsis=ellipsis, stamp=stamp)
    doc = Document(buffer, look, chrome, ellipsis, **{k: clean(v) for k, v in metadata.items()})

    def canvasmaker(*args: Any, **kwargs: Any) -> PageCanvas:
        return PageCanvas(*args, page_of=page_of, look=look, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)  # one pass: the contents' page numbers are filled in at save
    return buffer.getvalue()
