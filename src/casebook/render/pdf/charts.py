"""Vector drawings of the exhibits (reportlab.graphics): budget against box office, and the timeline.

Each function takes what to draw already worded (labels come from the templates through
:mod:`casebook.render.pdf.exhibits`) and returns a :class:`Chart`, a ``Drawing`` that platypus lays out
like any flowable. Every string names a face of the theme, and so does the drawing's initial state:
reportlab's graphics default (Helvetica, not embedded) never reaches the page.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from casebook.render.pdf.style import Look, mix


class Chart(Drawing):
    """A drawing that belongs whole with its caption: a caption never ends a page above it."""

    casebook_whole = True


def _chart(look: Look, width: float, height: float) -> Chart:
    chart = Chart(width, height)
    chart.initialFontName = look.regular  # the state every drawing starts in: never Helvetica
    chart.initialFontSize = 8
    chart.hAlign = "LEFT"
    return chart


def _text(x: float, y: float, text: str, font: str, size: float, color: Color, anchor: str = "start") -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)


# --- budget against box office ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar, worded: the series it belongs to, its category and value labels, and what it knows.

    ``solid`` is drawn filled from zero; ``ceiling`` (an upper bound) is drawn hatched and open at the
    top above ``solid``; ``floor_only`` (a lower bound and nothing above it) gets an arrow on top.
    """

    series: int
    category: str
    value_label: str
    solid: float
    ceiling: float | None = None
    floor_only: bool = False

    @property
    def top(self) -> float:
        return self.ceiling if self.ceiling is not None else self.solid


@dataclass(frozen=True)
class Legend:
    series: Sequence[str]  # the name of each series, in order
    ceiling: str  # how an upper bound is drawn (shown when a bar has one)
    floor: str  # how a lower bound is drawn (shown when a bar has one)


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving at most ``ticks`` steps up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= raw:
            return m * magnitude
    return 10 * magnitude  # pragma: no cover (the loop always returns)


def _hatch(x: float, y: float, w: float, h: float, color: Color, spacing: float = 4.5) -> list[Line]:
    """Diagonal lines filling the rectangle (x, y, w, h), clipped to it."""
    lines: list[Line] = []
    t = -h
    while t < w:
        sx, sy = x + t, y
        ex, ey = x + t + h, y + h
        if sx < x:
            sx, sy = x, y - t
        if ex > x + w:
            ex, ey = x + w, y + w - t
        if ey > sy:
            lines.append(Line(sx, sy, ex, ey, strokeColor=color, strokeWidth=0.6))
        t += spacing
    return lines


def money_chart(
    bars: Sequence[Bar],
    legend: Legend,
    palette: Sequence[Color],
    axis_label: Callable[[float], str],
    look: Look,
    width: float,
) -> Chart:
    """Vertical bars, one per amount, grouped by series, on an axis with thousands separators.

    A bar whose source gives only a ceiling is hatched and open at the top; one with only a floor
    carries an arrow; the legend says so under the chart.
    """
    regular, bold = look.regular, look.bold
    tick_size, cat_size, value_size, legend_size = 7.5, 7.5, 8.0, 7.5
    top_value = max((b.top for b in bars), default=0.0)
    step = nice_step(top_value * 1.08)
    # headroom above the tallest bar, so that an open top never meets the top grid line
    ticks = [step * k for k in range(int(math.ceil(top_value * 1.08 / step - 1e-9)) + 1)]
    if len(ticks) < 2:
        ticks.append(step)
    scale_top = ticks[-1]
    tick_texts = [axis_label(t) for t in ticks]
    axis_w = max(stringWidth(t, regular, tick_size) for t in tick_texts) + 8
    x0, x1 = axis_w + 4, width - 4
    plot_w = x1 - x0

    # slots: one per bar, half a slot between series
    order = sorted(range(len(bars)), key=lambda k: (bars[k].series, k))
    units: list[float] = []
    position = 0.0
    previous = None
    for k in order:
        if previous is not None and bars[k].series != previous:
            position += 0.5
        units.append(position)
        position += 1.0
        previous = bars[k].series
    unit = plot_w / max(position, 1.0)
    bar_w = min(unit * 0.56, 58.0)
    label_w = unit - 6

    cat_lines = [simpleSplit(bars[k].category, regular, cat_size, label_w) or [""] for k in order]
    value_lines = [simpleSplit(bars[k].value_label, bold, value_size, max(unit - 2, bar_w)) or [""] for k in order]
    cat_h = max(len(lines) for lines in cat_lines) * (cat_size + 2) + 6
    value_h = max(len(lines) for lines in value_lines) * (value_size + 2) + 6
    has_ceiling = any(b.ceiling is not None for b in bars)
    has_floor = any(b.floor_only for b in bars)
    notes = [n for n, shown in ((legend.ceiling, has_ceiling), (legend.floor, has_floor)) if shown]
    legend_h = 16
    notes_h = 14 * len(notes) + (6 if notes else 0)
    plot_h = 150.0
    y0 = notes_h + cat_h  # the zero line
    height = y0 + plot_h + value_h + legend_h
    chart = _chart(look, width, height)

    def y_of(value: float) -> float:
        return y0 + plot_h * value / scale_top

    # series legend along the top
    x = x0
    top = height - 10
    shown_series = sorted({b.series for b in bars})
    for series in shown_series:
        color = palette[series % len(palette)]
        chart.add(Rect(x, top - 1, 9, 9, fillColor=color, strokeColor=None))
        name = legend.series[series] if series < len(legend.series) else ""
        chart.add(_text(x + 13, top, name, regular, legend_size, look.ink))
        x += 13 + stringWidth(name, regular, legend_size) + 18

    # grid and axis labels
    for tick, text in zip(ticks, tick_texts, strict=True):
        y = y_of(tick)
        if tick:
            chart.add(Line(x0, y, x1, y, strokeColor=look.rule, strokeWidth=0.5))
        chart.add(_text(axis_w, y - tick_size * 0.35, text, regular, tick_size, look.muted, "end"))

    # bars, their value labels above and their categories below
    for slot, k in enumerate(order):
        bar = bars[k]
        color = palette[bar.series % len(palette)]
        cx = x0 + unit * (units[slot] + 0.5)
        bx = cx - bar_w / 2
        solid_top = y_of(bar.solid)
        if bar.solid > 0:
            chart.add(Rect(bx, y0, bar_w, solid_top - y0, fillColor=color, strokeColor=None))
        label_base = solid_top
        if bar.ceiling is not None:
            ceiling_top = y_of(bar.ceiling)
            tint = mix(look.white, color, 0.12)
            chart.add(Rect(bx, solid_top, bar_w, ceiling_top - solid_top, fillColor=tint, strokeColor=None))
            for line in _hatch(bx, solid_top, bar_w, ceiling_top - solid_top, mix(look.white, color, 0.55)):
                chart.add(line)
            for side in (bx, bx + bar_w):  # open at the top: two sides, no lid
                chart.add(Line(side, solid_top, side, ceiling_top, strokeColor=color, strokeWidth=1.4))
            label_base = ceiling_top
        if bar.floor_only:
            tip = solid_top + 16
            chart.add(Line(cx, solid_top, cx, tip, strokeColor=color, strokeWidth=1.2))
            chart.add(PolyLine([cx - 5, tip - 5, cx, tip, cx + 5, tip - 5], strokeColor=color, strokeWidth=1.2))
            label_base = tip
        lines = value_lines[slot]
        for n, line in enumerate(lines):  # top line first: read in order
            y = label_base + 4 + (len(lines) - 1 - n) * (value_size + 2)
            chart.add(_text(cx, y, line, bold, value_size, look.ink, "middle"))
        for n, line in enumerate(cat_lines[slot]):
            chart.add(_text(cx, y0 - 4 - (n + 1) * (cat_size + 1.5) + 1.5, line, regular, cat_size, look.muted, "middle"))
    chart.add(Line(x0, y0, x1, y0, strokeColor=look.ink, strokeWidth=0.9))

    # how bounds are drawn, under the chart
    y = notes_h - 12
    for note in notes:
        is_ceiling = note == legend.ceiling and has_ceiling
        if is_ceiling:
            chart.add(Rect(x0, y - 1, 10, 9, fillColor=mix(look.white, look.ink, 0.06), strokeColor=None))
            for line in _hatch(x0, y - 1, 10, 9, look.muted, 3.0):
                chart.add(line)
            chart.add(Line(x0, y - 1, x0, y + 8, strokeColor=look.ink, strokeWidth=1))
            chart.add(Line(x0 + 10, y - 1, x0 + 10, y + 8, strokeColor=look.ink, strokeWidth=1))
        else:
            chart.add(Line(x0 + 5, y - 1, x0 + 5, y + 8, strokeColor=look.ink, strokeWidth=1))
            chart.add(PolyLine([x0 + 2, y + 5, x0 + 5, y + 8, x0 + 8, y + 5], strokeColor=look.ink, strokeWidth=1))
        chart.add(_text(x0 + 16, y, note, regular, legend_size, look.muted))
        y -= 14
    return chart


# --- timeline -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One event on the timeline: its number (its row in the key), its kinds, its date, its place in years."""

    number: str
    kinds: str
    date: str
    when: float


_LABEL_SIZE = 7.0
_LINE = _LABEL_SIZE + 2.2
_PAD = 3.0
_GAP = 5.0
_LANE_GAP = 6.0


def _label_width(mark: Mark, look: Look) -> float:
    first = stringWidth(mark.number, look.bold, _LABEL_SIZE) + 4 + stringWidth(mark.kinds, look.regular, _LABEL_SIZE)
    return max(first, stringWidth(mark.date, look.regular, _LABEL_SIZE)) + 2 * _PAD


def _spread(ideal: Sequence[float], widths: Sequence[float], low: float, high: float) -> list[float] | None:
    """Left edges for boxes of ``widths`` in one lane, each as near its ``ideal`` left edge as the others
    allow, none overlapping, all within ``low``..``high``; None when they cannot all fit."""
    if sum(widths) + _GAP * (len(widths) - 1) > high - low:
        return None
    lefts: list[float] = []
    for k, x in enumerate(ideal):
        floor = low if k == 0 else lefts[-1] + widths[k - 1] + _GAP
        lefts.append(max(x, floor))
    limit = high
    for k in range(len(lefts) - 1, -1, -1):
        lefts[k] = min(lefts[k], limit - widths[k])
        limit = lefts[k] - _GAP
    return lefts if lefts and lefts[0] >= low - 0.01 else None


@dataclass(frozen=True)
class _Axis:
    """Years from ``start`` to ``end`` across ``x0``..``x1``; each long empty stretch (a break) shown one year wide."""

    start: int
    end: int
    breaks: tuple[tuple[int, int], ...]
    x0: float
    x1: float

    @classmethod
    def fit(cls, whens: Sequence[float], x0: float, x1: float) -> _Axis:
        start, end = math.floor(min(whens)), math.floor(max(whens)) + 1
        breaks: list[tuple[int, int]] = []
        years = sorted({math.floor(w) for w in whens})
        if end - start > 12:  # a long axis: stretches of five empty years or more are cut short
            for before, after in itertools.pairwise(years):
                a, b = before + 2, after - 1
                if b - a >= 3:
                    breaks.append((a, b))
        return cls(start, end, tuple(breaks), x0, x1)

    @property
    def units(self) -> float:
        return (self.end - self.start) - sum(b - a - 1 for a, b in self.breaks)

    def x(self, when: float) -> float:
        units = when - self.start
        for a, b in self.breaks:
            if when >= b:
                units -= b - a - 1
            elif when > a:
                units -= (when - a) * (1 - 1 / (b - a))
        return self.x0 + (self.x1 - self.x0) * units / self.units

    def shown(self, year: int) -> bool:
        """Whether ``year`` is on a part of the axis drawn to scale (not inside a break)."""
        return not any(a < year < b for a, b in self.breaks)


def _lanes(ideal: Sequence[float], widths: Sequence[float], width: float) -> tuple[list[int], list[float]] | None:
    """A lane for each label (0, 1: nearest the axis above, below; 2, 3: next out; 4, 5) and its left edge.

    Labels are taken oldest first; each goes to the nearest lane where it sits right at its marker,
    starting on the side opposite its predecessor, else where it moves least. None if a label would
    move far from its marker even in the sixth lane: the drawing would be unreadable.
    """
    ends: dict[int, float] = {}
    lanes: list[int] = []
    lefts: list[float] = []
    side = 1
    for left, w in zip(ideal, widths, strict=True):
        left = min(max(left, 0.0), width - w)
        order = [d * 2 + ((side + 1 + t) % 2) for d in range(3) for t in range(2)]
        choice, shift = None, math.inf
        for lane in order:
            need = max(left, ends.get(lane, -math.inf) + _GAP)
            if need - left < 0.5:
                choice, shift = lane, 0.0
                break
            if need - left < shift - 12:  # a farther lane only for a clearly shorter move
                choice, shift = lane, need - left
        assert choice is not None
        placed = left + shift
        lanes.append(choice)
        lefts.append(placed)
        ends[choice] = placed + w
        side = choice % 2
    for lane in set(lanes):  # labels pushed past the right edge move back left, as little as they can
        members = [k for k, got in enumerate(lanes) if got == lane]
        placed = _spread([lefts[k] for k in members], [widths[k] for k in members], 0.0, width)
        if placed is None:
            return None
        for k, x in zip(members, placed, strict=True):
            lefts[k] = x
    worst = max(abs(lefts[k] - ideal[k]) for k in range(len(ideal)))
    return (lanes, lefts) if worst <= width / 4 else None


def timeline_chart(marks: Sequence[Mark], look: Look, width: float) -> Chart | None:
    """Years on an axis and a marker for each event, its label in a lane above or below the axis.

    Neighbouring events alternate above and below, nearest the axis where there is room; each label
    is joined to its marker by a thin line. Long empty stretches of years are cut short (a break on
    the axis). With more events than six lanes can hold near their markers, None: a table is better.
    """
    if not marks:
        return None
    side_pad = 14.0
    axis = _Axis.fit([m.when for m in marks], side_pad, width - side_pad)
    widths = [_label_width(m, look) for m in marks]
    xs = [axis.x(m.when) for m in marks]
    found = _lanes([x - w / 2 for x, w in zip(xs, widths, strict=True)], widths, width)
    if found is None:
        return None
    lanes, lefts = found
    label_h = 2 * _LINE + 2 * _PAD - 1
    depth_above = max((lane // 2 + 1 for lane in lanes if lane % 2 == 0), default=0)
    depth_below = max((lane // 2 + 1 for lane in lanes if lane % 2 == 1), default=0)
    near, years_h = 16.0, 16.0
    below_h = near + years_h + depth_below * (label_h + _LANE_GAP) if depth_below else years_h + 4
    above_h = near + depth_above * (label_h + _LANE_GAP)
    height = below_h + above_h + 4
    axis_y = below_h
    chart = _chart(look, width, height)

    # the axis: a labelled tick every few years, small ticks between, a break mark where years are cut
    chart.add(Line(axis.x0, axis_y, axis.x1, axis_y, strokeColor=look.ink, strokeWidth=1.0))
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if axis.units / s <= 12)
    labelled: list[tuple[float, str]] = []  # drawn after the leaders, on a patch of paper, so no line runs through
    edges = {year for pair in axis.breaks for year in pair} | {axis.start, axis.end}
    for year in range(axis.start, axis.end + 1):
        if not axis.shown(year):
            continue
        x = axis.x(year)
        major = year % step == 0 or year in edges
        chart.add(Line(x, axis_y - (4 if major else 2), x, axis_y + (4 if major else 2), strokeColor=look.ink, strokeWidth=0.6))
        text = str(year)
        half = stringWidth(text, look.regular, 7) / 2 + 3
        if major and all(abs(x - other[0]) > 2 * half for other in labelled):
            labelled.append((x, text))
    for a, b in axis.breaks:
        x = (axis.x(a) + axis.x(b)) / 2
        chart.add(Rect(x - 4, axis_y - 3, 8, 6, fillColor=look.white, strokeColor=None))
        for dx in (-3.0, 3.0):
            chart.add(Line(x + dx - 2, axis_y - 5, x + dx + 2, axis_y + 5, strokeColor=look.ink, strokeWidth=0.8))

    # leaders first, then markers and labels over them
    leader = mix(look.white, look.muted, 0.6)
    boxes: list[tuple[int, float]] = []
    for k, lane in enumerate(lanes):
        depth = lane // 2
        if lane % 2 == 0:
            bottom = axis_y + near + depth * (label_h + _LANE_GAP)
            end_y = bottom
        else:
            bottom = axis_y - near - years_h - label_h - depth * (label_h + _LANE_GAP)
            end_y = bottom + label_h
        boxes.append((k, bottom))
        start_y = axis_y + (3 if lane % 2 == 0 else -3)
        chart.add(Line(xs[k], start_y, lefts[k] + widths[k] / 2, end_y, strokeColor=leader, strokeWidth=0.5))
    for x, text in labelled:
        half = stringWidth(text, look.regular, 7) / 2
        chart.add(Rect(x - half - 1, axis_y - 13.5, 2 * half + 2, 9, fillColor=look.white, strokeColor=None))
        chart.add(_text(x, axis_y - 12, text, look.regular, 7, look.muted, "middle"))
    for x in xs:
        chart.add(Circle(x, axis_y, 2.8, fillColor=look.accent, strokeColor=look.white, strokeWidth=0.8))
    for k, bottom in boxes:
        mark, left = marks[k], lefts[k]
        chart.add(Rect(left, bottom, widths[k], label_h, fillColor=look.white, strokeColor=look.rule, strokeWidth=0.5))
        top_line = bottom + label_h - _PAD - _LABEL_SIZE + 0.5
        chart.add(_text(left + _PAD, top_line, mark.number, look.bold, _LABEL_SIZE, look.accent))
        number_w = stringWidth(mark.number, look.bold, _LABEL_SIZE) + 4
        chart.add(_text(left + _PAD + number_w, top_line, mark.kinds, look.regular, _LABEL_SIZE, look.ink))
        chart.add(_text(left + _PAD, top_line - _LINE, mark.date, look.regular, _LABEL_SIZE, look.muted))
    return chart
