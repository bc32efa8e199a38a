"""What a slide shows, decided but not yet drawn: :class:`SlideSpec`, and table rows with the
:class:`TableFitter` that shares them out over slides, the header row repeated on each.

Nothing here draws: :mod:`casebook.render.deck` decides the slides with these, and
:mod:`casebook.render.deck.writer` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from casebook.model.case import SourceRef
from casebook.render.deck.charts import ChartSpec
from casebook.render.deck.fit import Box, Measure, Para
from casebook.render.deck.grid import CELL_B, CELL_L, CELL_R, CELL_T, Rect
from casebook.render.deck.writer import TableSpec

# Space between side-by-side columns of text (points).
COLUMN_GAP = 36.0
# A table row is split across slides only where at least this much room is left (points).
MIN_SPLIT_ROOM = 72.0


@dataclass
class SlideSpec:
    """One slide, decided but not yet drawn."""

    notes: str  # notes template, under templates/deck/
    title: str
    eyebrow: str | None = None
    body: list[Para] = field(default_factory=list)
    size: float = 20.0
    table: TableSpec | None = None
    context: dict[str, Any] = field(default_factory=dict)
    refs: list[SourceRef] = field(default_factory=list)
    part: int = 1
    parts: int = 1
    cite_all: bool = False  # the notes list every source document of the case
    columns: list[list[Para]] = field(default_factory=list)  # body set in side-by-side columns instead
    column_rects: list[tuple[float, float, float, float]] = field(default_factory=list)  # equal columns if empty
    column_name: str = "Body"  # the name of each column's shape ("Key figure" on the teaching deck's key figures)
    intro: list[Para] = field(default_factory=list)  # a paragraph above the table
    anchor: str | None = None  # the name agenda links use for this slide
    chart: ChartSpec | None = None  # a native chart filling the body
    foot: list[Para] = field(default_factory=list)  # small lines at the foot of the body (an exhibit's sources)


@dataclass(frozen=True)
class Row:
    """A table row. Rows of one ``group`` follow their ``heading`` row, whose first cell spans the
    table; a group is kept on one slide when it fits one, and its heading is repeated (``continued``)
    on the slides it runs on to."""

    cells: tuple[tuple[Para, ...], ...]
    source: SourceRef | None
    key: dict[str, Any]
    continued: bool = False
    group: int | None = None
    heading: bool = False


class TableFitter:
    """Row heights and pages for a table of fixed column widths, at a font size.

    ``first_offset`` is room taken above the table on the first slide (an introduction).
    """

    def __init__(self, m: Measure, widths: Sequence[float], max_height: float, first_offset: float = 0.0) -> None:
        self.m = m
        self.widths = tuple(widths)
        self.max_height = max_height
        self.first_offset = first_offset
        # (id of a row's cells, size, span) -> (the cells, the row's height): packing asks again and again
        self._heights: dict[tuple[int, float, bool], tuple[object, float]] = {}

    def limit(self, pages_done: int) -> float:
        return self.max_height - (self.first_offset if pages_done == 0 else 0.0)

    def cell_box(self, column: int, height: float = 10_000.0, span: bool = False) -> Box:
        width = sum(self.widths) if span else self.widths[column]
        return Box(width, height, CELL_L, CELL_R, CELL_T, CELL_B, self.m.font_factor)

    def row_height(self, cells: Sequence[Sequence[Para]], size: float, span: bool = False) -> float:
        key = (id(cells), size, span)
        hit = self._heights.get(key)
        if hit is not None and hit[0] is cells:
            return hit[1]
        if span:
            height = self.m.height(list(cells[0]), size, self.cell_box(0, span=True))
        else:
            height = max(self.m.height(list(paras), size, self.cell_box(c)) for c, paras in enumerate(cells))
        if isinstance(cells, tuple):  # kept, so that their id is not reused meanwhile; tuples do not change
            self._heights[key] = (cells, height)
        return height

    def height_of(self, row: Row, size: float) -> float:
        return self.row_height(row.cells, size, row.heading)

    def paginate(
        self, head: tuple[tuple[Para, ...], ...], rows: list[Row], font_sizes: Sequence[float], repeat: int
    ) -> tuple[float, list[list[Row]]]:
        # Sizes at which no word is broken between letters come first; the floor is always there.
        whole = [s for s in font_sizes[:-1] if not self.breaks_words(head, rows, s)] + [font_sizes[-1]]
        for size in whole:
            if self.page_height(head, rows, size) <= self.limit(0):
                return size, [rows]
        # As few pages as the smallest size allows, at the largest size that needs no more.
        fewest = len(self.pack(head, rows, whole[-1], repeat))
        for size in whole:
            pages = self.pack(head, rows, size, repeat)
            if len(pages) <= fewest:
                return size, pages
        return whole[-1], self.pack(head, rows, whole[-1], repeat)  # pragma: no cover

    def breaks_words(self, head, rows: Sequence[Row], size: float) -> bool:
        for row in (Row(head, None, {}), *rows):
            for c, paras in enumerate(row.cells):
                width = self.cell_box(c, span=row.heading).text_width
                if any(self.m.breaks_words(p, p.size(size), width) for p in paras):
                    return True
        return False

    def page_height(self, head, rows: Sequence[Row], size: float) -> float:
        return self.row_height(head, size) + sum(self.height_of(r, size) for r in rows)

    def pack(self, head, rows: list[Row], size: float, repeat: int) -> list[list[Row]]:
        headings = {r.group: r for r in rows if r.heading}
        head_height = self.row_height(head, size)
        pages: list[list[Row]] = []
        page: list[Row] = []
        queue = list(rows)

        def started() -> bool:
            """True when the page holds more than a repeated group heading."""
            return bool(page) and not (len(page) == 1 and page[0].heading and page[0].continued)

        while queue:
            row = queue[0]
            if not page and not row.heading and row.group in headings:
                page.append(replace(headings[row.group], continued=True))  # the group runs on: name it again
            room = self.limit(len(pages)) - self.page_height(head, page, size)
            next_room = self.limit(len(pages) + 1) - head_height
            if row.heading:
                block = [row]
                for other in queue[1:]:
                    if other.heading or other.group != row.group:
                        break
                    block.append(other)
                heights = [self.height_of(r, size) for r in block]
                if sum(heights) <= room:
                    page.extend(block)
                    del queue[: len(block)]
                    continue
                if page and sum(heights) <= next_room:
                    pages.append(page)
                    page = []
                    continue
                # The group needs more than one slide: start it here only with a good piece of its first row.
                first = heights[1] if len(heights) > 1 else 0.0
                if page and heights[0] + min(first, MIN_SPLIT_ROOM) > room:
                    pages.append(page)
                    page = []
                    continue
                page.append(queue.pop(0))
                continue
            queue.pop(0)
            height = self.height_of(row, size)
            if height <= room:
                page.append(row)
                continue
            if row.group in headings:
                next_room -= self.height_of(headings[row.group], size)
            if started() and (height <= next_room or room < MIN_SPLIT_ROOM):
                pages.append(page)
                page = []
                queue.insert(0, row)
                continue
            first, rest = self.split(row, room, size, repeat)
            page.append(first)
            pages.append(page)
            page = []
            if rest is not None:
                queue.insert(0, rest)
        if page:
            pages.append(page)
        return pages

    def split(self, row: Row, room: float, size: float, repeat: int) -> tuple[Row, Row | None]:
        """The part of ``row`` that fits ``room`` and the rest, which continues on the next slide."""
        firsts: list[tuple[Para, ...]] = []
        rests: list[tuple[Para, ...]] = []
        for c, paras in enumerate(row.cells):
            box = self.cell_box(c, room)
            pages = self.m._pack(list(paras), box, size) if paras else [[]]
            firsts.append(tuple(pages[0]))
            rests.append(tuple(p for page in pages[1:] for p in page))
        if not any(rests):
            return row, None  # pragma: no cover - only split rows that do not fit
        for c in range(min(repeat, len(rests))):
            if not rests[c]:
                rests[c] = row.cells[c]
        return (
            replace(row, cells=tuple(firsts)),
            replace(row, cells=tuple(rests), continued=True),
        )



# --- small helpers --------------------------------------------------------------------------------


def split_rect(rect: Rect, fractions: Sequence[float]) -> list[Rect]:
    """``rect`` cut into side-by-side columns ``COLUMN_GAP`` apart, as wide as ``fractions`` of the rest."""
    left, top, width, height = rect
    widths = widths_of(fractions, width - COLUMN_GAP * (len(fractions) - 1))
    out = []
    for w in widths:
        out.append((round(left, 1), top, w, height))
        left += w + COLUMN_GAP
    return out


def widths_of(fractions: Sequence[float], total: float) -> tuple[float, ...]:
    scale = total / sum(fractions)
    widths = [round(f * scale, 1) for f in fractions[:-1]]
    return (*widths, round(total - sum(widths), 1))


def unique(items: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out
