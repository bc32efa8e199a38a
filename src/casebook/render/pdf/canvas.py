"""One pass of layout: the canvas writes each "page X of Y" and each contents line's page number when it
saves, once they are known, and the contents are laid out from the story's headings before the build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tableofcontents import TableOfContents

from casebook.render.pdf.markup import clean
from casebook.render.pdf.style import Look

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
