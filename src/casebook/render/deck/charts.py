"""Native PowerPoint charts for the deck's exhibits: editable in PowerPoint, their numbers in the
embedded workbook.

The budget-against-box-office exhibit is a clustered horizontal bar chart, one category per amount a
source states. The series overlap fully, so each category shows one bar or a bar in front of another:

* "upper bound" (drawn first, behind): the ceiling a source gives ("<$1,000,000"), hatched in a light
  colour with a dashed outline;
* "lower bound": a floor ("over $2 million"), or the known part of a range, in the second colour;
* "amount": a stated or approximate value, solid.

Each category carries one data label, the amount as the templates word it ("under 1,000,000"), on its
outermost bar. The value axis reaches far enough for the labels to fit beside the bars.

python-pptx writes two things this module fixes: negative axis ids (``c:axId``/``c:crossAx``), which the
OOXML schema rejects (they are unsignedInt), and an embedded workbook whose core properties carry the
time of writing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_LINE, MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Pt

from casebook.render.deck.fit import Measure
from casebook.render.deck.grid import Rect, pt
from casebook.render.deck.package import stable_zip
from casebook.render.deck.palette import paint
from casebook.render.deck.writer import DeckWriter

NUMBER_FORMAT = "#,##0"
# First axis id written: small positive numbers, as PowerPoint itself writes.
FIRST_AXIS_ID = 50_000_001


@dataclass(frozen=True)
class ChartBar:
    """One category of the chart: what a source states, and the label the templates give it."""

    category: str
    label: str
    value: float | None = None
    lower: float | None = None
    upper: float | None = None


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart of amounts; ``names`` are the series' names (amount, lower, upper)."""

    bars: tuple[ChartBar, ...]
    names: dict[str, str]
    description: str
    size: float = 14.0  # labels and axes (points); the legend is a little smaller


def series_values(spec: ChartSpec) -> list[tuple[str, list[float | None]]]:
    """(key, values) of the series the chart needs, back to front."""
    out = []
    for key in ("upper", "lower", "value"):
        values = [getattr(bar, key) for bar in spec.bars]
        if any(v is not None for v in values):
            out.append((key, values))
    return out


def labelled_series(bar: ChartBar) -> str:
    """The series whose bar ends furthest out in ``bar``'s category: it carries the label."""
    if bar.upper is not None:
        return "upper"
    if bar.value is not None:
        return "value"
    return "lower"


def scale(spec: ChartSpec, width: float, m: Measure) -> tuple[float, float]:
    """The value axis's maximum and major unit: each bar's label must fit beside it."""
    categories = max((m.width(b.category, spec.size) for b in spec.bars), default=0.0)
    plot = max(120.0, width - min(categories, width * 0.4) - 40.0)
    needed = 0.0
    for bar in spec.bars:
        end = max(v for v in (bar.value, bar.lower, bar.upper, 0.0) if v is not None)
        room = m.width(bar.label, spec.size) + 16.0
        needed = max(needed, end * plot / max(plot - room, plot * 0.3))
    return nice_axis(needed or 1.0)


def nice_axis(top: float, ticks: int = 5) -> tuple[float, float]:
    """A round maximum at or above ``top`` and a round step giving at most ``ticks`` steps."""
    power = 10 ** math.floor(math.log10(top / ticks))
    for factor in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = factor * power
        if top / step <= ticks:
            return math.ceil(top / step - 1e-9) * step, step
    return top, top  # pragma: no cover - factor 50 always ends the loop


def draw_chart(writer: DeckWriter, slide, rect: Rect, spec: ChartSpec, m: Measure):
    """The chart of ``spec`` in ``rect`` of ``slide``, styled with the writer's look; its graphic frame."""
    colors, family = writer.colors, writer.look.family
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = [bar.category for bar in spec.bars]
    values = series_values(spec)
    for key, series in values:
        data.add_series(spec.names[key], series, NUMBER_FORMAT)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *(pt(v) for v in rect), data)
    frame.name = "Chart"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", spec.description)
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(spec.size)
    if family:
        chart.font.name = family
    if colors.ink:
        paint(chart.font.color, colors.ink)

    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = 100
    plot.vary_by_categories = False
    styles = {"upper": "hatched", "lower": colors.accent_light, "value": colors.accent}
    for series, (key, _) in zip(plot.series, values, strict=True):
        fill = series.format.fill
        line = series.format.line
        if styles[key] == "hatched":
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            paint(fill.fore_color, colors.accent)
            paint(fill.back_color, colors.chart_light)
            paint(line.color, colors.accent)
            line.dash_style = MSO_LINE.DASH
            line.width = Pt(1.25)
        else:
            fill.solid()
            paint(fill.fore_color, styles[key])
            line.fill.background()
        series.invert_if_negative = False

    # One label per category, on its outermost bar.
    index = {key: i for i, (key, _) in enumerate(values)}
    for number, bar in enumerate(spec.bars):
        series = plot.series[index[labelled_series(bar)]]
        label = series.points[number].data_label
        label.has_text_frame = True
        label.text_frame.text = bar.label
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        # One line: a viewer may otherwise wrap the label into the bar's height.
        label.text_frame._txBody.find(qn("a:bodyPr")).set("wrap", "none")
        for paragraph in label.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(spec.size)
                run.font.bold = True
                if family:
                    run.font.name = family
                if colors.ink:
                    paint(run.font.color, colors.ink)

    top, step = scale(spec, rect[2], m)
    axis = chart.value_axis
    axis.minimum_scale = 0
    axis.maximum_scale = top
    axis.major_unit = step
    axis.has_major_gridlines = True
    paint(axis.major_gridlines.format.line.color, colors.grid_line)
    axis.major_gridlines.format.line.width = Pt(0.75)
    axis.format.line.fill.background()
    axis.major_tick_mark = XL_TICK_MARK.NONE
    axis.tick_labels.number_format = NUMBER_FORMAT
    axis.tick_labels.number_format_is_linked = False
    axis.tick_labels.font.size = Pt(spec.size - 2)
    paint(axis.tick_labels.font.color, colors.muted)

    categories = chart.category_axis
    categories.reverse_order = True  # the first amount on top, as the notes read them
    # ... and the value axis stays at the bottom: it crosses the categories at the last one.
    crosses = axis._element.find(qn("c:crosses"))
    if crosses is not None:
        crosses.set("val", "max")
    categories.major_tick_mark = XL_TICK_MARK.NONE
    paint(categories.format.line.color, colors.grid_line)
    categories.tick_labels.font.size = Pt(spec.size)

    chart.has_legend = len(values) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(spec.size - 2)

    fix_axis_ids(chart._chartSpace)
    stabilise_workbook(chart)
    return frame


def fix_axis_ids(chart_space) -> None:
    """Renumber the chart's axis ids from :data:`FIRST_AXIS_ID`: python-pptx writes negative ones,
    which the schema (unsignedInt) rejects."""
    ids: dict[str, str] = {}
    for element in chart_space.iter(qn("c:axId"), qn("c:crossAx")):
        old = element.get("val")
        if old not in ids:
            ids[old] = str(FIRST_AXIS_ID + len(ids))
    for element in chart_space.iter(qn("c:axId"), qn("c:crossAx")):
        element.set("val", ids[element.get("val")])


_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed_dates(xml: bytes) -> bytes:
    return _CORE_DATE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", xml)


def stabilise_workbook(chart) -> None:
    """The embedded workbook with fixed dates and zip entries: the same chart, the same bytes."""
    workbook = chart.part.chart_workbook
    part = workbook.xlsx_part
    if part is None:  # pragma: no cover - add_chart always embeds one
        return
    workbook.update_from_xlsx_blob(stable_zip(part.blob, {"docProps/core.xml": _fixed_dates}))
