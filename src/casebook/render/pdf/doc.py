"""What the PDF documents share (the case study and the teaching note): text to markup, "page X of Y",
headings that feed the outline and the contents and never end a page, the cover and running header and
footer, the page templates, and the building blocks of a story (headings, paragraphs, bullets, tables).

This module imports reportlab; :mod:`casebook.render.pdf` imports it only when a PDF is wanted.

Two rules run through every PDF builder:

* Document text is markup-escaped before it reaches a ``Paragraph`` (reportlab parses paragraph text as
  markup): :func:`esc` for plain strings, :func:`rich` for :class:`RichText`, which adds ``<b>``/``<i>``
  itself. Wording from the templates is escaped the same way.
* Every word a reader sees comes from the case or from the templates; the builders only decide
  where things go and how they look.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    ListFlowable,
    PageBreak,
    PageTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as _ReportlabParagraph
from reportlab.platypus.tableofcontents import TableOfContents

from casebook.model.case import RichText
from casebook.render.pdf.style import Look, font_runs, markup

# --- paragraphs laid out once per width ---------------------------------------------------------------


class Paragraph(_ReportlabParagraph):
    """reportlab's paragraph, whose lines are broken once for each width it is given.

    A table measures its cells, splits and draws them; the frame, ``KeepTogether`` and the contents measure
    what they hold: the same paragraph is wrapped at the same width three or four times, and each wrap
    breaks all its lines anew (most of the time a case study takes to lay out). The lines depend on the
    width alone, so the last layout is kept and given back while the width stays the same. A split makes
    new paragraphs, laid out afresh.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self.__dict__.get("_casebook_layout")
        if kept is not None and kept[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = kept
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__ and self.width == availWidth:  # a width too narrow lays nothing out
            self._casebook_layout = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


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


CELL_PADDING = 6
# A column sized to its content on one line is at most this part of the width.
_ONE_LINE_MAX = 0.4
# A table row taller than what is left of the page is split inside the row (``splitInRow``, which
# reportlab takes as the least height in points of either part), not moved whole: about three lines.
ROW_SPLIT_MIN = 48


def _line_width(paragraph: Paragraph) -> float:
    """Width of a one-style paragraph set on one line (note numbers measured at full size: a little more)."""
    style = paragraph.style
    return stringWidth(" ".join(paragraph.getPlainText().split()), style.fontName, style.fontSize)


def _longest_word(paragraph: Paragraph) -> float:
    """Width of the widest word of a one-style paragraph (bold and italic runs measured in its font)."""
    style = paragraph.style
    words = paragraph.getPlainText().split()
    return max((stringWidth(w, style.fontName, style.fontSize) for w in words), default=0.0)


# --- the canvas: "page X of Y" filled in when the total is known ------------------------------------


class PageCanvas(Canvas):
    """A canvas that writes each "page X of Y" when it saves, once the number of pages is known.

    Each page that wants one draws a form XObject by name (:meth:`page_of_here`); :meth:`save`
    defines those forms with the final total. Pages are still emitted one by one, so bookmarks and
    links keep pointing at the right page (deferring whole pages would break them).
    """

    def __init__(self, *args: Any, page_of: Callable[[int, int], str], look: Look, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_of = page_of
        self._look = look
        self._pages_shown = 0
        self._deferred: list[tuple[str, int, float, float]] = []
        self.heading_pages: dict[str, int] = {}  # heading key -> page, for the contents' page numbers
        self._contents_numbers: list[tuple[str, str, Any]] = []  # (form name, heading key, style)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages_shown += 1
        super().showPage()

    def page_of_here(self, x_right: float, y: float) -> None:
        """Draw "page X of Y" for this page, right-aligned at ``x_right``, at save time."""
        number = self.getPageNumber()
        name = f"casebookPageOf{number}"
        self.doForm(name)
        self._deferred.append((name, number, x_right, y))

    def contents_number_here(self, key: str, style: Any) -> None:
        """Draw the page of heading ``key`` right-aligned at the origin, once it is known (at save time)."""
        name = f"casebookContents-{key}"
        self.doForm(name)
        self._contents_numbers.append((name, key, style))

    def save(self) -> None:
        for name, key, style in self._contents_numbers:
            self.beginForm(name, lowerx=-CONTENTS_NUMBER_ROOM, lowery=-style.fontSize, upperx=0, uppery=style.leading)
            self.setFont(style.fontName, style.fontSize)
            self.setFillColor(style.textColor)
            self.drawRightString(0, 0, str(self.heading_pages.get(key, "")))
            self.endForm()
        total = self._pages_shown
        for name, number, x_right, y in self._deferred:
            self.beginForm(name)
            self.setFont(self._look.regular, 8)
            self.setFillColor(self._look.muted)
            self.drawRightString(x_right, y, clean(self._page_of(number, total)))
            self.endForm()
        super().save()


# --- the contents, laid out in the same pass as the pages it lists -----------------------------------

# Room kept at the right of a contents line for its page number (filled in when the document is saved).
CONTENTS_NUMBER_ROOM = 24


class Contents(TableOfContents):
    """The contents, known before the build: the headings of the story, each linked to its place.

    reportlab's contents needs a second pass of the whole document to learn the page numbers. Here the
    lines are laid out from the story's headings at once, and each page number is a form XObject that
    :class:`PageCanvas` defines when it saves, when every heading's page is known: one pass.
    """

    def __init__(self, entries: Sequence[tuple[int, str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lastEntries = [(level, text, 0, key) for level, text, key in entries]

    def isIndexing(self) -> int:  # noqa: N802 (reportlab's name)
        return 0  # nothing to learn from a second pass

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        size = super().wrap(availWidth, availHeight)

        def entry_end(canvas: Canvas, kind: str, label: str) -> None:
            """Dots from the end of the title to the number's room, then the number (at save time)."""
            _, level, key = label.split(",")
            style = self.getLevelStyle(int(level))
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            dot = " . "
            dot_width = stringWidth(dot, style.fontName, style.fontSize)
            dots = int((availWidth - CONTENTS_NUMBER_ROOM - x) / dot_width)
            text = canvas.beginText(availWidth - CONTENTS_NUMBER_ROOM - dots * dot_width, y)
            text.setFont(style.fontName, style.fontSize)
            text.setFillColor(style.textColor)
            text.textLine(dot * max(dots, 0))
            canvas.drawText(text)
            key = key.strip("'")
            canvas.saveState()
            canvas.translate(availWidth, y)
            if isinstance(canvas, PageCanvas):
                canvas.contents_number_here(key, style)
            canvas.restoreState()
            canvas.linkRect("", key, (availWidth - CONTENTS_NUMBER_ROOM, y, availWidth, y + style.leading), relative=1)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return size


# --- headings: bookmark, outline entry, contents line ------------------------------------------------


class Heading(Paragraph):
    """A heading that marks its place: a bookmark, an outline entry and, if ``toc``, a contents line.

    ``level`` is the outline level (0 sections, 1 their parts, 2 sub-sections). A heading never
    splits, and :func:`keep_headings_with_text` sees that it never ends a page.
    """

    casebook_keep = True

    def __init__(
        self,
        title: str,
        style: Any,
        *,
        key: str,
        level: int,
        toc: bool,
        look: Look,
        rule: bool = False,
        markup: str | None = None,
    ) -> None:
        super().__init__(esc(title) if markup is None else markup, style)
        self.casebook_title = " ".join(clean(title).split())
        self.casebook_key = key
        self.casebook_level = level
        self.casebook_toc = toc
        self._look = look
        self._rule = rule

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.height <= self._look.frame_height / 2:
            return []  # moves to the next page whole
        # A heading taller than half a page (a parsing accident upstream) splits like a paragraph;
        # its first part keeps the bookmark.
        parts: list[Flowable] = Paragraph(self.text, self.style).split(availWidth, availHeight)
        if parts:
            for name in ("casebook_title", "casebook_key", "casebook_level", "casebook_toc"):
                setattr(parts[0], name, getattr(self, name))
        return parts

    def draw(self) -> None:
        super().draw()
        if self._rule:
            canv = self.canv
            canv.saveState()
            canv.setStrokeColor(self._look.rule)
            canv.setLineWidth(0.6)
            canv.line(0, -7, self.width, -7)
            canv.setStrokeColor(self._look.accent)
            canv.setLineWidth(2.2)
            canv.line(0, -7, 1.6 * cm, -7)
            canv.restoreState()


# --- no heading at the foot of a page ---------------------------------------------------------------


def scratch_canvas(look: Look) -> Canvas:
    """A canvas to measure flowables on before the build; it is never saved."""
    return Canvas(io.BytesIO(), pagesize=look.page_size, initialFontName=look.regular)


def keep(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a subtitle, a byline, a caption) as belonging with what follows, like a heading."""
    flowable.casebook_keep = True  # type: ignore[attr-defined]
    return flowable


def flowable_height(flowable: Flowable, canv: Canvas, look: Look, *, opening: bool = False) -> float:
    """Height of ``flowable`` in the body frame with its spacing; with ``opening``, only of its start
    (three lines of body text: what must fit below a heading).

    An indexing flowable (the contents) is only measured once the document is being built: 0 here.
    A flowable marked ``casebook_whole`` (a chart) has no start of its own: all of it must fit.
    """
    if flowable.isIndexing():
        return 0.0
    _, height = flowable.wrapOn(canv, look.frame_width, look.page_height)
    if opening and not getattr(flowable, "casebook_whole", False):
        height = min(height, 3 * look.body_leading)
    return height + flowable.getSpaceBefore() + (0 if opening else flowable.getSpaceAfter())


def _contents_headings(flowables: Sequence[Flowable]) -> Iterator[Flowable]:
    """The headings marked for the contents, in order, also those inside a container (``KeepTogether``)."""
    for flowable in flowables:
        if getattr(flowable, "casebook_toc", False):
            yield flowable
        inner = getattr(flowable, "_content", None)
        if isinstance(inner, list | tuple):
            yield from _contents_headings(inner)


def keep_headings_with_text(story: Sequence[Flowable], look: Look) -> list[Flowable]:
    """Put a conditional page break before each run of headings (and subtitles, bylines, captions).

    The break fires unless the run and the first lines of what follows fit on the page, so a heading
    never ends a page. Unlike ``keepWithNext``, which keeps a heading with the whole next paragraph
    and leaves a gap when that paragraph is long, the text after the heading may still split.
    """
    scratch = scratch_canvas(look)
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        if not getattr(story[i], "casebook_keep", False):
            out.append(story[i])
            i += 1
            continue
        j = i
        while j < len(story) and getattr(story[j], "casebook_keep", False):
            j += 1
        need = sum(flowable_height(f, scratch, look) for f in story[i:j])
        if j < len(story):
            need += flowable_height(story[j], scratch, look, opening=True)
        out.append(CondPageBreak(need))
        out.extend(story[i:j])
        i = j
    return out


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


# --- building blocks of a story ----------------------------------------------------------------------


class Blocks:
    """Headings, paragraphs, bullets and tables in the document's look; wording from ``labels``."""

    def __init__(self, look: Look, labels: Any) -> None:
        self.look = look
        self.labels = labels
        self.s = look.styles
        self._keys = itertools.count(1)
        self._bullet = label(labels.pdf_bullet)
        self._ellipsis = label(labels.pdf_ellipsis)
        # A data table whose rows are all at most this tall never splits a row: each moves whole.
        self._row_whole = look.frame_height / 4

    def heading(self, text: str, level: int, *, toc: bool, style: Any = None, markup: str | None = None) -> Heading:
        style = style or (self.s.h1, self.s.h2, self.s.h3)[level]
        return Heading(
            text, style, key=f"h{next(self._keys)}", level=level, toc=toc, look=self.look, rule=level == 0, markup=markup
        )

    def section(self, title: object) -> list[Flowable]:
        """The heading of a section (see :meth:`assemble` for where sections start)."""
        return [self.heading(label(title), 0, toc=True)]

    def para(self, markup: str, style: Any = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def bullets(self, items: Sequence[str], style: Any = None) -> list[Flowable]:
        if not items:
            return []
        style = style or self.s.bullet
        return [
            ListFlowable(
                [Paragraph(item, style) for item in items],
                bulletType="bullet",
                start=self._bullet,
                leftIndent=15,
                bulletFontName=self.look.regular,
                bulletFontSize=style.fontSize,
                bulletColor=self.look.accent,
                bulletOffsetY=-0.5,
                spaceBefore=2,
                spaceAfter=6,
            )
        ]

    def label_table(self, rows: Sequence[tuple[str, str]], label_width: float = 4.4 * cm) -> Table:
        """Label/value rows (markup), labels in bold: the executive summary's facts, the film's particulars."""
        look = self.look
        data = [[Paragraph(text, self.s.cell_bold), Paragraph(value, self.s.cell)] for text, value in rows]
        table = Table(
            data,
            colWidths=[label_width, look.frame_width - label_width],
            splitInRow=ROW_SPLIT_MIN,
            hAlign="LEFT",
            spaceAfter=12,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look.regular, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.0, look.accent),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, look.rule),
                    ("BACKGROUND", (0, 0), (0, -1), look.accent_tint),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return table

    def data_table(
        self,
        header: Sequence[object],
        rows: Sequence[Sequence[Paragraph]],
        shares: Sequence[float],
        *,
        one_line: Sequence[int] = (),
        compact: bool = False,
        measure: Sequence[Sequence[Paragraph]] = (),
        width: float | None = None,
    ) -> Table:
        """A table with a header row repeated on every page.

        A row moves to the next page whole, unless some row of the table is taller than a quarter
        of a page: then rows split across pages (a row taller than a page could not be set otherwise).

        ``shares`` are the columns' parts of the width; a column whose longest word would not fit
        grows (to half again its share at most), and the widest column gives up the difference.
        The columns ``one_line`` (short texts: dates, ids, file and line) are as wide as their longest
        text set on one line, up to ``_ONE_LINE_MAX`` of the width. ``compact`` rows are less padded.
        Widths are measured on ``rows`` and ``measure`` (rows of sibling tables that should line up).
        """
        look = self.look
        full = width or look.frame_width
        head = [Paragraph(esc(label(h)), self.s.cell_head) for h in header]
        total = sum(shares)
        widths = [full * share / total for share in shares]
        flexible = max((k for k in range(len(widths)) if k not in one_line), key=lambda k: widths[k])
        for k, share_width in enumerate(widths):
            if k == flexible:
                continue
            column = [head[k], *(row[k] for row in [*rows, *measure])]
            if k in one_line:
                needed = max(_line_width(cell) for cell in column) + 2 * CELL_PADDING + 1
                widths[k] = min(needed, _ONE_LINE_MAX * full)
                continue
            needed = max(_longest_word(cell) for cell in column) + 2 * CELL_PADDING + 1
            widths[k] = min(max(share_width, needed), 1.5 * share_width)
        widths[flexible] = full - sum(w for k, w in enumerate(widths) if k != flexible)
        row_heights = [
            max(cell.wrap(w - 2 * CELL_PADDING, look.page_height)[1] for cell, w in zip(row, widths, strict=True)) for row in rows
        ]
        tallest = max(row_heights, default=0.0) + 11  # with the cells' padding
        table = Table(
            [head, *rows],
            colWidths=widths,
            repeatRows=1,
            splitInRow=ROW_SPLIT_MIN if tallest > self._row_whole else 0,
            hAlign="LEFT",
            spaceAfter=12,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look.regular, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), look.accent),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [look.white, look.zebra]),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.5, look.rule),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    *([("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)] if compact else []),
                ]
            )
        )
        return table

    def contents(self, sections: Sequence[list[Flowable]]) -> list[Flowable]:
        """The contents of ``sections``: a line for each heading marked for the contents."""
        look = self.look
        entries = [
            (f.casebook_level, esc(shorten(f.casebook_title, ENTRY_LIMIT, self._ellipsis)), f.casebook_key)
            for section in sections for f in _contents_headings(section)
        ]
        heading = Heading(
            label(self.labels.contents), self.s.toc_heading, key=f"h{next(self._keys)}", level=0, toc=False, look=look, rule=True
        )
        toc = Contents(
            entries,
            levelStyles=list(self.s.toc_levels),
            tableStyle=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look.regular, 10),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            ),
            dotsMinLevel=0,
        )
        return [heading, toc]

    def assemble(self, cover: list[Flowable], sections: Sequence[list[Flowable]], *, contents: bool = True) -> list[Flowable]:
        """Cover, contents (when there are sections) and sections, each section starting where it should.

        A section starts on a new page when less than a quarter of the page is left, unless the whole
        section fits in what is left.
        """
        from reportlab.platypus import NextPageTemplate

        sections = [s for s in sections if s]
        # The body template is named first: should the cover overflow, its second page is a body page.
        story: list[Flowable] = [NextPageTemplate("body"), *cover, PageBreak()]
        if sections and contents:
            story.extend([*self.contents(sections), PageBreak()])
        scratch = scratch_canvas(self.look)
        for section in sections:
            whole = sum(flowable_height(f, scratch, self.look) for f in section)
            story.append(CondPageBreak(min(0.25 * self.look.page_height, whole)))
            story.extend(section)
        return keep_headings_with_text(story, self.look)
