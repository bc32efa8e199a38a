"""The PDF case study, built with reportlab platypus from a finished :class:`~casebook.model.case.Case`.

This module imports reportlab; :func:`casebook.render.pdf.render_pdf` imports it only when a PDF is
wanted. It reads the case and never changes it.

Two rules run through the whole module:

* Document text is markup-escaped before it reaches a ``Paragraph`` (reportlab parses paragraph text as
  markup): :func:`esc` for plain strings, :func:`rich` for :class:`RichText`, which adds ``<b>``/``<i>``
  itself. Wording from the templates is escaped the same way.
* Every word a reader sees comes from the case or from ``wording.labels``; this module only decides
  where things go and how they look.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    ListFlowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Event,
    Fact,
    Person,
    Point,
    Quote,
    RichText,
    SourceRef,
)
from casebook.model.case import Paragraph as CaseParagraph
from casebook.render import pdf_style as st
from casebook.render.pdf_notes import Notes, note_anchor
from casebook.render.wording import Wording

# --- text to markup --------------------------------------------------------------------------------

# C0/C1 controls (except tab, newline and return), lone surrogates and non-characters: none can be drawn,
# and a lone surrogate makes the PDF writer raise. Each becomes a space.
_UNDRAWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without characters that cannot be drawn or written (see ``_UNDRAWABLE``)."""
    return _UNDRAWABLE.sub(" ", text)


def esc(text: object) -> str:
    """Plain text (document text or wording) as paragraph markup that shows it literally."""
    return escape(clean(str(text)))


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
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width:
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
_ENTRY_LIMIT = 150
# A note under Sources quotes at most about this many characters of its statement.
_NOTE_LIMIT = 200


def _label(value: object) -> str:
    """A label or macro result from the templates, as a plain string."""
    return str(value).strip()


_CELL_PADDING = 6
# A column sized to its content on one line is at most this part of the width.
_ONE_LINE_MAX = 0.4
# A table row taller than what is left of the page is split inside the row (``splitInRow``, which
# reportlab takes as the least height in points of either part), not moved whole: about three lines.
_ROW_SPLIT_MIN = 48
# ...but a data table whose rows are all at most this tall never splits a row: each moves whole.
_ROW_WHOLE = st.FRAME_HEIGHT / 4


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


class _Canvas(Canvas):
    """A canvas that writes each "page X of Y" when it saves, once the number of pages is known.

    Each page that wants one draws a form XObject by name (:meth:`page_of_here`); :meth:`save`
    defines those forms with the final total. Pages are still emitted one by one, so bookmarks and
    links keep pointing at the right page (deferring whole pages would break them).
    """

    def __init__(self, *args: Any, page_of: Callable[[int, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_of = page_of
        self._pages_shown = 0
        self._deferred: list[tuple[str, int, float, float]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages_shown += 1
        super().showPage()

    def page_of_here(self, x_right: float, y: float) -> None:
        """Draw "page X of Y" for this page, right-aligned at ``x_right``, at save time."""
        number = self.getPageNumber()
        name = f"casebookPageOf{number}"
        self.doForm(name)
        self._deferred.append((name, number, x_right, y))

    def save(self) -> None:
        total = self._pages_shown
        for name, number, x_right, y in self._deferred:
            self.beginForm(name)
            self.setFont(st.REGULAR, 8)
            self.setFillColor(st.MUTED)
            self.drawRightString(x_right, y, clean(self._page_of(number, total)))
            self.endForm()
        super().save()


# --- headings: bookmark, outline entry, contents line ------------------------------------------------


class _Heading(Paragraph):
    """A heading that marks its place: a bookmark, an outline entry and, if ``toc``, a contents line.

    ``level`` is the outline level (0 sections, 1 their parts, 2 sub-sections). A heading never
    splits, and :func:`keep_headings_with_text` sees that it never ends a page.
    """

    casebook_keep = True

    def __init__(self, title: str, style: Any, *, key: str, level: int, toc: bool, rule: bool = False) -> None:
        super().__init__(esc(title), style)
        self.casebook_title = " ".join(clean(title).split())
        self.casebook_key = key
        self.casebook_level = level
        self.casebook_toc = toc
        self._rule = rule

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.height <= st.FRAME_HEIGHT / 2:
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
            canv.setStrokeColor(st.RULE)
            canv.setLineWidth(0.6)
            canv.line(0, -7, self.width, -7)
            canv.setStrokeColor(st.ACCENT)
            canv.setLineWidth(2.2)
            canv.line(0, -7, 1.6 * cm, -7)
            canv.restoreState()


# --- no heading at the foot of a page ---------------------------------------------------------------

# How much of the text after a heading must fit below it: three lines of body text.
_MIN_FOLLOWING = 3 * st.BODY_LEADING
# How much of a page must be left for a section to start on it (unless all of the section fits).
_SECTION_START = 0.25 * st.PAGE_HEIGHT


def _scratch_canvas() -> Canvas:
    """A canvas to measure flowables on before the build; it is never saved."""
    return Canvas(io.BytesIO(), pagesize=st.PAGE_SIZE, initialFontName=st.REGULAR)


def _keep(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a subtitle, a byline) as belonging with the text after it, like a heading."""
    flowable.casebook_keep = True  # type: ignore[attr-defined]
    return flowable


def _height(flowable: Flowable, canv: Canvas, *, opening: bool = False) -> float:
    """Height of ``flowable`` in the body frame with its spacing; with ``opening``, only of its start.

    An indexing flowable (the contents) is only measured once the document is being built: 0 here.
    """
    if flowable.isIndexing():
        return 0.0
    _, height = flowable.wrapOn(canv, st.FRAME_WIDTH, st.PAGE_HEIGHT)
    if opening:
        height = min(height, _MIN_FOLLOWING)
    return height + flowable.getSpaceBefore() + (0 if opening else flowable.getSpaceAfter())


def keep_headings_with_text(story: Sequence[Flowable]) -> list[Flowable]:
    """Put a conditional page break before each run of headings (and subtitles, bylines).

    The break fires unless the run and the first lines of what follows fit on the page, so a heading
    never ends a page. Unlike ``keepWithNext``, which keeps a heading with the whole next paragraph
    and leaves a gap when that paragraph is long, the text after the heading may still split.
    """
    scratch = _scratch_canvas()
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
        need = sum(_height(f, scratch) for f in story[i:j])
        if j < len(story):
            need += _height(story[j], scratch, opening=True)
        out.append(CondPageBreak(need))
        out.extend(story[i:j])
        i = j
    return out


# --- the document -----------------------------------------------------------------------------------


class _Chrome:
    """What is drawn around the flowables: the cover band, running header and footer."""

    def __init__(self, wording: Wording, styles: st.Styles) -> None:
        labels = wording.labels
        case = wording.case
        self._styles = styles
        self._kind = _label(labels.document_kind)
        self._head = _label(labels.pdf_running_head(case))
        self._foot = _label(labels.pdf_running_foot(case))
        self._cover_note = _label(labels.pdf_cover_note(case))
        self._ellipsis = _label(labels.pdf_ellipsis)

    def cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.showOutline()
        canv.setFillColor(st.ACCENT)
        canv.rect(0, st.PAGE_HEIGHT - 1.2 * cm, st.PAGE_WIDTH, 1.2 * cm, stroke=0, fill=1)
        canv.rect(0, 0, st.PAGE_WIDTH, 0.35 * cm, stroke=0, fill=1)
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.6)
        canv.line(st.MARGIN_LEFT, 3.3 * cm, st.PAGE_WIDTH - st.MARGIN_RIGHT, 3.3 * cm)
        note = Paragraph(esc(self._cover_note), self._styles.cover_note)
        _, height = note.wrapOn(canv, st.FRAME_WIDTH, 3 * cm)
        note.drawOn(canv, st.MARGIN_LEFT, 3.3 * cm - 8 - height)
        canv.restoreState()

    def page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        left, right = st.MARGIN_LEFT, st.PAGE_WIDTH - st.MARGIN_RIGHT
        canv.setFont(st.REGULAR, 8)
        canv.setFillColor(st.MUTED)
        canv.drawString(left, st.HEADER_Y, fit_line(self._head, st.REGULAR, 8, st.FRAME_WIDTH, self._ellipsis))
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.5)
        canv.line(left, st.HEADER_Y - 6, right, st.HEADER_Y - 6)
        canv.line(left, st.FOOTER_Y + 11, right, st.FOOTER_Y + 11)
        foot_width = st.FRAME_WIDTH - 3.5 * cm  # leave room for "page X of Y"
        canv.drawString(left, st.FOOTER_Y, fit_line(self._foot, st.REGULAR, 8, foot_width, self._ellipsis))
        canv.setFillColor(st.ACCENT)
        canv.rect(left, st.HEADER_Y - 6.5, 1.6 * cm, 1.4, stroke=0, fill=1)
        if isinstance(canv, _Canvas):
            canv.page_of_here(right, st.FOOTER_Y)
        canv.restoreState()


class _CaseDoc(BaseDocTemplate):
    """A4 pages: a cover template and a body template; headings feed the outline and the contents."""

    def __init__(self, buffer: io.BytesIO, chrome: _Chrome, ellipsis: str, **kwargs: Any) -> None:
        self._ellipsis = ellipsis
        super().__init__(
            buffer,
            pagesize=st.PAGE_SIZE,
            leftMargin=st.MARGIN_LEFT,
            rightMargin=st.MARGIN_RIGHT,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.MARGIN_BOTTOM,
            initialFontName=st.REGULAR,
            initialFontSize=st.BODY_SIZE,
            initialLeading=st.BODY_LEADING,
            invariant=1,
            pageCompression=1,
            displayDocTitle=1,
            **kwargs,
        )
        frame_args = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        cover_frame = Frame(
            st.MARGIN_LEFT, 4.2 * cm, st.FRAME_WIDTH, st.PAGE_HEIGHT - 4.2 * cm - 3.0 * cm, id="cover", **frame_args
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
        top = min(st.PAGE_HEIGHT, self.frame._y + flowable.height + 24)
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        title = shorten(flowable.casebook_title, _ENTRY_LIMIT, self._ellipsis)
        self.canv.addOutlineEntry(title, key, level=flowable.casebook_level, closed=True)
        if flowable.casebook_toc:
            self.notify("TOCEntry", (flowable.casebook_level, esc(title), self.page, key))


# --- the story --------------------------------------------------------------------------------------


class _Story:
    """Turns the case into flowables, section by section; a section with nothing to show is left out."""

    def __init__(self, case: Case, wording: Wording, styles: st.Styles) -> None:
        self.case = case
        self.labels = wording.labels
        self.s = styles
        self._keys = itertools.count(1)
        self._bullet = _label(self.labels.pdf_bullet)
        self._ellipsis = _label(self.labels.pdf_ellipsis)
        self.notes = Notes(size=st.NOTE_SIZE, rise=st.NOTE_RISE, color=st.NOTE_COLOR)
        # Sources by id, for the anchors of the documents table (ids are document text: never in a name).
        self._source_index = {src.id: k for k, src in enumerate(case.sources, start=1)}

    # --- provenance notes ---

    def noted(self, markup: str, ref: SourceRef | None, text: str, *, scale: float = 1.0) -> str:
        """``markup`` followed by the note number of ``ref``; ``text`` is what the note quotes."""
        return markup.rstrip() + self.notes.mark(ref, " ".join(clean(text).split()), scale=scale)

    def noted_para(self, paragraph: CaseParagraph) -> str:
        return self.noted(rich(paragraph.text), paragraph.source, paragraph.text.plain)

    def where(self, ref: SourceRef) -> str:
        """The file and lines of ``ref`` as the reader sees them (its id, when the case lacks the source)."""
        if ref.source in self._source_index:
            return _label(self.labels.note_ref(self.case, ref))
        return _label(self.labels.source_ref(ref))

    # --- building blocks ---

    def _heading(self, text: str, level: int, *, toc: bool) -> _Heading:
        style = (self.s.h1, self.s.h2, self.s.h3)[level]
        return _Heading(text, style, key=f"h{next(self._keys)}", level=level, toc=toc, rule=level == 0)

    def section(self, title: object) -> list[Flowable]:
        """The heading of a section (see :meth:`build` for where sections start)."""
        return [self._heading(_label(title), 0, toc=True)]

    def para(self, markup: str, style: Any = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def fact(self, fact: Fact) -> str:
        """The value of a fact of the executive summary as markup, with its note number."""
        note_text = _label(self.labels.pdf_fact_note(fact.label, fact.value.plain))
        return self.noted(rich(fact.value), fact.source, note_text)

    def point(self, point: Point) -> str:
        """A point of the analysis as markup: its label in bold, its text, its note number."""
        label = point.label.strip() if point.label else ""
        note_text = _label(self.labels.pdf_fact_note(label, point.text.plain))
        markup = rich(point.text)
        if label:
            markup = f"<b>{esc(_label(self.labels.pdf_field_label(label)))}</b> {markup}"
        return self.noted(markup, point.source, note_text)

    def bullets(self, items: Sequence[str]) -> list[Flowable]:
        if not items:
            return []
        return [
            ListFlowable(
                [Paragraph(item, self.s.bullet) for item in items],
                bulletType="bullet",
                start=self._bullet,
                leftIndent=15,
                bulletFontName=st.REGULAR,
                bulletFontSize=10,
                bulletColor=st.ACCENT,
                bulletOffsetY=-0.5,
                spaceBefore=2,
                spaceAfter=6,
            )
        ]

    def label_table(self, rows: Sequence[tuple[str, str]], label_width: float = 4.4 * cm) -> Table:
        """Label/value rows (markup), labels in bold: the executive summary's facts, the film's particulars."""
        data = [[Paragraph(label, self.s.cell_bold), Paragraph(value, self.s.cell)] for label, value in rows]
        table = Table(
            data,
            colWidths=[label_width, st.FRAME_WIDTH - label_width],
            splitInRow=_ROW_SPLIT_MIN,
            hAlign="LEFT",
            spaceAfter=12,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.0, st.ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, st.RULE),
                    ("BACKGROUND", (0, 0), (0, -1), st.ACCENT_TINT),
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
        head = [Paragraph(esc(_label(h)), self.s.cell_head) for h in header]
        total = sum(shares)
        widths = [st.FRAME_WIDTH * share / total for share in shares]
        flexible = max((k for k in range(len(widths)) if k not in one_line), key=lambda k: widths[k])
        for k, width in enumerate(widths):
            if k == flexible:
                continue
            column = [head[k], *(row[k] for row in [*rows, *measure])]
            if k in one_line:
                needed = max(_line_width(cell) for cell in column) + 2 * _CELL_PADDING + 1
                widths[k] = min(needed, _ONE_LINE_MAX * st.FRAME_WIDTH)
                continue
            needed = max(_longest_word(cell) for cell in column) + 2 * _CELL_PADDING + 1
            widths[k] = min(max(width, needed), 1.5 * width)
        widths[flexible] = st.FRAME_WIDTH - sum(w for k, w in enumerate(widths) if k != flexible)
        row_heights = [
            max(cell.wrap(w - 2 * _CELL_PADDING, st.PAGE_HEIGHT)[1] for cell, w in zip(row, widths, strict=True)) for row in rows
        ]
        tallest = max(row_heights, default=0.0) + 11  # with the cells' padding
        table = Table(
            [head, *rows],
            colWidths=widths,
            repeatRows=1,
            splitInRow=_ROW_SPLIT_MIN if tallest > _ROW_WHOLE else 0,
            hAlign="LEFT",
            spaceAfter=12,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), st.ACCENT),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [st.WHITE, st.ZEBRA]),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.5, st.RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    *([("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)] if compact else []),
                ]
            )
        )
        return table

    def particulars(self, *, notes: bool = False) -> list[tuple[str, str]]:
        """The film's particulars as (label, value) markup rows; empty when the case gives none.

        With ``notes``, each value the case has a source for carries its note number (not on the cover).
        """
        film, labels = self.case.film, self.labels

        def value(text: str, ref: SourceRef, note_text: str) -> str:
            return self.noted(esc(text), ref, note_text) if notes else esc(text)

        rows: list[tuple[str, str]] = []
        if film.director and film.director.value.strip():
            director = film.director.value
            rows.append((esc(_label(labels.film_director)), value(director, film.director.source, director)))
        if film.year:
            rows.append((esc(_label(labels.film_year)), esc(film.year)))
        if film.runtime:
            minutes = _label(labels.minutes(film.runtime.minutes))
            rows.append((esc(_label(labels.film_runtime)), value(minutes, film.runtime.source, film.runtime.text)))
        if film.premiere and (film.premiere.festival or film.premiere.date or film.premiere.section):
            premiere = _label(labels.premiere(film.premiere))
            rows.append((esc(_label(labels.film_premiere)), value(premiere, film.premiere.source, premiere)))
        others = [t for t in film.alternative_titles if t.strip()]
        if others:
            titles = esc(str(labels.pdf_list_separator)).join(f"<i>{esc(t)}</i>" for t in others)
            rows.append((esc(_label(labels.pdf_alternative_titles)), titles))
        return rows

    # --- pages and sections ---

    def cover(self) -> list[Flowable]:
        case, labels, s = self.case, self.labels, self.s
        out: list[Flowable] = [
            Spacer(1, 2.2 * cm),
            Paragraph(esc(_label(labels.document_kind).upper()), s.cover_kind),
            Paragraph(esc(case.title), s.cover_title),
            Paragraph(esc(_label(labels.cover_subtitle(case))), s.cover_subtitle),
        ]
        rows = self.particulars()
        if rows:
            out.append(self.label_table(rows, label_width=3.6 * cm))
        return out

    def contents(self) -> list[Flowable]:
        heading = _Heading(
            _label(self.labels.contents), self.s.toc_heading, key=f"h{next(self._keys)}", level=0, toc=False, rule=True
        )
        toc = TableOfContents(
            levelStyles=list(self.s.toc_levels),
            tableStyle=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.REGULAR, 10),
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

    def executive_summary(self) -> list[Flowable]:
        groups = [g for g in self.case.executive_summary if g.facts]
        if not groups:
            return []
        out = self.section(self.labels.executive_summary)
        for group in groups:
            if group.title and group.title.strip():
                out.append(self._heading(group.title, 1, toc=True))
            rows = [(esc(f.label or ""), self.fact(f)) for f in group.facts]
            out.append(self.label_table(rows))
        return out

    def film(self) -> list[Flowable]:
        rows = self.particulars(notes=True)
        synopsis = [p for p in self.case.film.synopsis if p.text]
        if not rows and not synopsis:
            return []
        out = self.section(self.labels.the_film)
        if rows:
            out.append(self.label_table(rows))
        if synopsis:
            out.append(self._heading(_label(self.labels.synopsis), 1, toc=True))
            out.extend(self.para(self.noted_para(p)) for p in synopsis)
        return out

    def _analysis_body(self, block: AnalysisPart | AnalysisSection) -> list[Flowable]:
        out: list[Flowable] = [self.para(self.noted_para(p)) for p in block.paragraphs if p.text]
        out.extend(self.bullets([self.point(p) for p in block.points if p.text or p.label]))
        return out

    def _part_heading(self, part: AnalysisPart) -> str:
        if part.heading.strip():
            return part.heading
        if part.kind in ("introduction", "body", "conclusion"):
            kind = _label(getattr(self.labels, part.kind))
            return f"{kind}: {part.title}" if part.title.strip() else kind
        return part.title

    def analysis(self) -> list[Flowable]:
        if self.case.analysis is None:
            return []
        blocks: list[list[Flowable]] = []
        for part in self.case.analysis.parts:
            body = self._analysis_body(part)
            subsections: list[Flowable] = []
            for section in part.sections:
                content = self._analysis_body(section)
                if not content:
                    continue
                if section.title.strip():
                    subsections.append(self._heading(section.title, 2, toc=False))
                subsections.extend(content)
            if not body and not subsections:
                continue
            heading = self._part_heading(part)
            block: list[Flowable] = [self._heading(heading, 1, toc=True)] if heading.strip() else []
            blocks.append([*block, *body, *subsections])
        if not blocks:
            return []
        out = self.section(self.labels.strategic_analysis)
        for block in blocks:
            out.extend(block)
        return out

    def ledger(self) -> list[Flowable]:
        ledger = self.case.ledger
        if ledger is None:
            return []
        entries = [e for e in ledger.entries if e.title.strip() or any(p.text for p in e.paragraphs)]
        if not entries:
            return []
        labels, s = self.labels, self.s
        out = self.section(labels.directors_ledger)
        if ledger.title and ledger.title.strip():
            out.append(_keep(self.para(esc(ledger.title), s.lead)))
        byline: list[str] = []
        if ledger.director and ledger.director.strip():
            label = esc(_label(labels.pdf_field_label(labels.ledger_director)))
            byline.append(f"<b>{label}</b> {esc(ledger.director)}")
        if ledger.film and ledger.film.strip():
            label = esc(_label(labels.pdf_field_label(labels.ledger_film)))
            byline.append(f"<b>{label}</b> <i>{esc(_label(labels.pdf_ledger_film(ledger)))}</i>")
        if byline:
            out.append(_keep(self.para("<br/>".join(byline), s.byline)))
        for entry in entries:
            out.append(self._heading(_label(labels.ledger_entry(entry)), 1, toc=True))
            if entry.subtitle and entry.subtitle.strip():
                out.append(_keep(self.para(esc(entry.subtitle), s.subtitle)))
            out.extend(self.para(self.noted_para(p)) for p in entry.paragraphs if p.text)
        return out

    def stakeholders(self) -> list[Flowable]:
        people = self.case.stakeholders
        if not people:
            return []
        labels, s = self.labels, self.s
        header = [
            labels.stakeholder_role,
            labels.stakeholder_name,
            labels.stakeholder_outcome,
            labels.stakeholder_impact,
        ]
        rows = [
            [
                Paragraph(esc(p.role), s.cell_bold),
                Paragraph(esc(p.name), s.cell),
                Paragraph(rich(p.outcome), s.cell),
                # the note ends the row: it gives the lines of the whole entry
                Paragraph(self.noted(rich(p.impact), p.source, _label(labels.pdf_stakeholder_note(p))), s.cell),
            ]
            for p in people
        ]
        return [*self.section(labels.stakeholder_balance_sheet), self.data_table(header, rows, (16, 19, 20, 45))]

    # --- what the press says, who is who, when, and where the sources disagree ---

    def _quote(self, quote: Quote) -> Table:
        """One quotation, indented, with a rule on its left; its speaker line sits under its last paragraph."""
        s = self.s
        paragraphs = [p for p in quote.paragraphs if p.strip()]
        said = " ".join(paragraphs)
        attribution = self.noted(esc(_label(self.labels.pdf_quote_attribution(quote))), quote.source, said)
        cells: list[list[Any]] = [[Paragraph(esc(p), s.quote)] for p in paragraphs[:-1]]
        # The speaker line shares a cell with the last paragraph, so the two never part at a page break.
        cells.append([[Paragraph(esc(paragraphs[-1]), s.quote), Paragraph(attribution, s.quote_by)]])
        indent = 0.9 * cm
        table = Table(
            cells,
            colWidths=[st.FRAME_WIDTH - 2 * indent],
            splitInRow=_ROW_SPLIT_MIN,
            hAlign="CENTER",
            spaceBefore=4,
            spaceAfter=14,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.REGULAR, 10),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.2, st.ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 0),
                ]
            )
        )
        return table

    def quotes(self) -> list[Flowable]:
        quotes = [q for q in self.case.press.quotes if any(p.strip() for p in q.paragraphs)]
        if not quotes:
            return []
        return [*self.section(self.labels.in_their_words), *(self._quote(q) for q in quotes)]

    def _source_ids(self, refs: Sequence[SourceRef]) -> str:
        """The ids of the sources of ``refs`` in the order of the documents table, each a link to its row."""
        ids = {ref.source for ref in refs}
        known = [src.id for src in self.case.sources if src.id in ids]
        unknown = sorted(ids - set(known))
        links = [f'<a href="#cbsrc{self._source_index[i]}">{esc(i)}</a>' for i in known]
        return esc(str(self.labels.pdf_source_ids_separator)).join([*links, *map(esc, unknown)])

    def cast(self) -> list[Flowable]:
        people = [p for p in self.case.people if p.name.strip()]
        if not people:
            return []
        labels, s = self.labels, self.s

        def name(person: Person) -> str:
            markup = esc(person.name)
            aliases = [a for a in person.aliases if a.strip() and a != person.name]
            if aliases:
                markup += f'<br/><font size="8" color="{st.MUTED.hexval().replace("0x", "#")}">'
                markup += f"{esc(_label(labels.pdf_aliases(aliases)))}</font>"
            return markup

        def roles(person: Person) -> str:
            seen: set[str] = set()
            shown: list[str] = []
            for role in person.roles:
                if role.strip() and role.casefold() not in seen:
                    seen.add(role.casefold())
                    shown.append(role)
            return esc(str(labels.pdf_roles_separator).join(shown))

        header = [labels.person_name, labels.person_roles, labels.person_sources]
        rows = [
            [
                Paragraph(name(p), s.cell_bold),
                Paragraph(roles(p), s.cell),
                Paragraph(self._source_ids([m.source for m in p.mentions]), s.cell),
            ]
            for p in people
        ]
        return [*self.section(labels.cast_and_crew), self.data_table(header, rows, (32, 50, 18), one_line=(2,))]

    def timeline(self) -> list[Flowable]:
        labels, s = self.labels, self.s
        # One row for what the sources say once: events that differ only in kind (born and studied,
        # premiered and awarded, told by the same lines) are shown together.
        merged: list[tuple[str, list[str], Event]] = []
        for event in self.case.timeline:
            if not event.text.strip():
                continue
            when = _label(labels.event_date(event))
            kind = _label(labels.event_kinds.get(event.kind, event.kind))
            last = merged[-1] if merged else None
            if last and last[0] == when and last[2].text == event.text and last[2].source == event.source:
                if kind not in last[1]:
                    last[1].append(kind)
                continue
            merged.append((when, [kind], event))
        if not merged:
            return []
        separator = str(labels.pdf_event_kinds_separator)
        header = [labels.event_when, labels.event_kind, labels.event_what]
        rows = [
            [
                Paragraph(esc(when), s.cell_bold),
                Paragraph(esc(separator.join(kinds)), s.cell),
                Paragraph(self.noted(esc(event.text), event.source, event.text), s.cell),
            ]
            for when, kinds, event in merged
        ]
        return [*self.section(labels.timeline), self.data_table(header, rows, (20, 14, 66), one_line=(0, 1))]

    def disagreements(self) -> list[Flowable]:
        conflicts = [c for c in self.case.conflicts if c.claims]
        if not conflicts:
            return []
        labels, s = self.labels, self.s
        header = [labels.claim_value, labels.claim_normalized, labels.claim_source]
        tables = [
            [
                [
                    Paragraph(esc(claim.value), s.cell),
                    Paragraph(esc(claim.normalized), s.cell),
                    Paragraph(self.noted(esc(self.where(claim.source)), claim.source, claim.value, scale=0.85), s.cell_small),
                ]
                for claim in conflict.claims
            ]
            for conflict in conflicts
        ]
        every_row = [row for rows in tables for row in rows]  # all tables measured together: their columns line up
        intro = _keep(self.para(esc(_label(labels.disagreements_intro)), s.intro))
        out = [*self.section(labels.disagreements), intro]
        for conflict, rows in zip(conflicts, tables, strict=True):
            out.append(self._heading(_label(labels.conflict_title(conflict)), 1, toc=True))
            out.append(self.data_table(header, rows, (55, 17, 28), one_line=(2,), measure=every_row))
        return out

    # --- sources and notes ---

    def sources(self) -> list[Flowable]:
        """The documents of the case, then the notes the numbers in the text lead to.

        Built after every other section that numbers notes, so that the list is complete.
        """
        sources = self.case.sources
        labels, s = self.labels, self.s
        out: list[Flowable] = []
        if sources:
            kinds = labels.kind_names
            header = [labels.source_id, labels.source_kind, labels.source_file, labels.source_title, labels.source_sha]
            rows = [
                [
                    Paragraph(f'<a name="cbsrc{self._source_index[src.id]}"/>{esc(src.id)}', s.cell_bold),
                    Paragraph(esc(_label(kinds.get(src.kind, src.kind))), s.cell),
                    Paragraph(esc(src.file), s.cell),
                    Paragraph(esc(src.title or ""), s.cell),
                    Paragraph(esc(_label(labels.pdf_short_sha(src.sha256))), s.cell_small),
                ]
                for src in sources
            ]
            out.append(self.data_table(header, rows, (7, 17, 27, 36, 13)))
        if len(self.notes):
            out.append(self._heading(_label(labels.notes_heading), 1, toc=True))
            out.append(_keep(self.para(esc(_label(labels.pdf_notes_intro)), s.intro)))
            header = [labels.pdf_note_number, labels.pdf_note_where, labels.pdf_note_text]
            rows = [
                [
                    Paragraph(f'<a name="{note_anchor(note.number)}"/>{note.number}', s.note_number),
                    Paragraph(esc(self.where(note.ref)), s.note_where),
                    Paragraph(esc(_label(labels.pdf_note_quote(shorten(note.text, _NOTE_LIMIT, self._ellipsis)))), s.note_text),
                ]
                for note in self.notes
                if note.text.strip()
            ]
            out.append(self.data_table(header, rows, (8, 30, 62), one_line=(1,), compact=True))
        if not out:
            return []
        return [*self.section(labels.sources), *out]

    def warnings(self) -> list[Flowable]:
        if not self.case.warnings:
            return []
        items = [esc(_label(self.labels.pdf_warning_line(w))) for w in self.case.warnings]
        return [*self.section(self.labels.warnings), *self.bullets(items)]

    def build(self) -> list[Flowable]:
        sections = [
            section
            for section in (
                self.executive_summary(),
                self.film(),
                self.analysis(),
                self.ledger(),
                self.stakeholders(),
                self.quotes(),
                self.cast(),
                self.timeline(),
                self.disagreements(),
                self.sources(),  # after every section that numbers notes
                self.warnings(),
            )
            if section
        ]
        # The body template is named first: should the cover overflow, its second page is a body page.
        story: list[Flowable] = [NextPageTemplate("body"), *self.cover(), PageBreak()]
        if sections:
            story.extend([*self.contents(), PageBreak()])
        scratch = _scratch_canvas()
        for section in sections:
            # A section starts on a new page when less than a quarter of the page is left,
            # unless the whole section fits in what is left.
            whole = sum(_height(f, scratch) for f in section)
            story.append(CondPageBreak(min(_SECTION_START, whole)))
            story.extend(section)
        return keep_headings_with_text(story)


# --- entry point ------------------------------------------------------------------------------------


def build_pdf(case: Case, wording: Wording) -> bytes:
    """The case study as PDF bytes (see :func:`casebook.render.pdf.render_pdf`)."""
    st.register_fonts()
    styles = st.make_styles()
    labels = wording.labels
    director = case.film.director.value if case.film.director and case.film.director.value.strip() else ""
    buffer = io.BytesIO()
    doc = _CaseDoc(
        buffer,
        _Chrome(wording, styles),
        _label(labels.pdf_ellipsis),
        title=clean(case.title),
        author=clean(director or _label(labels.product)),
        subject=clean(_label(labels.pdf_subject(case))),
        keywords=clean(_label(labels.pdf_keywords(case))),
        creator=clean(_label(labels.product)),
        lang=clean(_label(labels.pdf_lang)),
    )

    def page_of(page: int, total: int) -> str:
        return _label(labels.page_of(page, total))

    def canvasmaker(*args: Any, **kwargs: Any) -> _Canvas:
        return _Canvas(*args, page_of=page_of, **kwargs)

    doc.multiBuild(_Story(case, wording, styles).build(), canvasmaker=canvasmaker)
    return buffer.getvalue()
