"""The building blocks of a story in the document's look: headings, paragraphs, bullets, label and data
tables, the contents, and the assembly of cover, contents and sections, each section starting where it should.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, ListFlowable, PageBreak, Table, TableStyle

from casebook.render.pdf.canvas import Contents
from casebook.render.pdf.flowables import (
    Heading,
    Paragraph,
    _contents_headings,
    flowable_height,
    keep_headings_with_text,
    scratch_canvas,
)
from casebook.render.pdf.markup import ENTRY_LIMIT, clean, esc, label, shorten
from casebook.render.pdf.style import Look
from casebook.render.pdf.style import markup as to_markup

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
            (f.casebook_level, to_markup(clean(shorten(f.casebook_title, ENTRY_LIMIT, self._ellipsis)), logical=False),
             f.casebook_key)
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
