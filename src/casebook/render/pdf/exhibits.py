"""The exhibits of the case study: numbered, captioned, each citing its sources.

The data of every exhibit is in the case model (:class:`~casebook.model.case.Exhibit`), so the deck
shows the same numbers and captions; this module only draws them:

* budget against box office: a vector bar chart (:func:`casebook.render.pdf.charts.money_chart`), an
  upper bound hatched and open at the top, labelled as the templates word it ("under 1,000,000");
* timeline: a vector timeline of the dated events with numbered markers, and its key as a table
  (the table alone when the events are too many to label without collisions);
* stakeholder outcomes: a compact table.

They form one section, "Exhibits", after the Stakeholder Balance Sheet: as in a printed business case,
the exhibits follow the narrative together, in the order of their numbers (placing each after the
section it belongs to would put Exhibit 3 before Exhibit 2, since the Timeline comes late).
The text refers to them ("See Exhibit 1") where it gives the same facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from casebook.model.case import Amount, Case, Event, Exhibit, told_once
from casebook.render.event_words import event_told
from casebook.render.pdf.charts import Bar, Legend, Mark, money_chart, timeline_chart
from casebook.render.pdf.flowables import Paragraph, keep_headings_with_text
from casebook.render.pdf.markup import esc, label, rich

if TYPE_CHECKING:
    from casebook.render.pdf.blocks import Blocks

_SERIES = ("budget", "box_office")


def amount_text(labels: Any, amount: Amount) -> str:
    """How the templates word an amount: its value, "about" it, or its bounds."""
    if amount.value is None and amount.lower is not None and amount.upper is not None:
        return label(labels.amount_range_label(amount))
    return label(labels.amount_label(amount))


def _bar(labels: Any, case: Case, series: int, bar: Any) -> Bar | None:
    a: Amount = bar.amount
    category = label(labels.bar_label(case, bar)) if any(s.id == bar.source.source for s in case.sources) else ""
    if a.value is not None:
        return Bar(series, category, amount_text(labels, a), solid=a.value)
    if a.upper is not None:
        return Bar(series, category, amount_text(labels, a), solid=a.lower or 0.0, ceiling=a.upper)
    if a.lower is not None:
        return Bar(series, category, amount_text(labels, a), solid=a.lower, floor_only=True)
    return None  # nothing known: nothing to draw


class Exhibits:
    """The exhibits of one case, drawn with the building blocks of ``story``."""

    def __init__(self, story: Blocks, case: Case) -> None:
        self.story = story
        self.case = case
        self.labels = story.labels
        self.look = story.look
        self.s = story.look.styles

    def of_kind(self, kind: str) -> Exhibit | None:
        return next((e for e in self.case.exhibits if e.kind == kind), None)

    def see(self, kind: str) -> list[Flowable]:
        """A line referring the reader to the exhibit of ``kind``; nothing when the case has none."""
        exhibit = self.of_kind(kind)
        if exhibit is None or not self._body(exhibit):
            return []
        return [Paragraph(esc(label(self.labels.exhibit_see(exhibit))), self.s.see_exhibit)]

    def section(self) -> list[Flowable]:
        """The section: its heading, then each exhibit kept on one page when it fits on one."""
        parts: list[list[Flowable]] = []
        for exhibit in self.case.exhibits:
            body = self._body(exhibit)
            if not body:
                continue
            caption = self.story.heading(label(self.labels.exhibit_caption(exhibit)), 1, toc=True, style=self.s.caption)
            sources = Paragraph(esc(label(self.labels.exhibit_sources(self.case, exhibit))), self.s.exhibit_source)
            parts.append([caption, *body, sources])
        if not parts:
            return []
        parts[0] = [*self.story.section(self.labels.exhibits), *parts[0]]
        return [KeepTogether(keep_headings_with_text(part, self.look)) for part in parts]

    def _body(self, exhibit: Exhibit) -> list[Flowable]:
        if exhibit.kind == "budget_box_office":
            return self._money(exhibit)
        if exhibit.kind == "timeline":
            return self._timeline(exhibit)
        if exhibit.kind == "stakeholder_outcomes":
            return self._outcomes(exhibit)
        return []

    # --- the three kinds ---

    def _money(self, exhibit: Exhibit) -> list[Flowable]:
        labels = self.labels
        bars: list[Bar] = []
        for bar in exhibit.bars:
            series = _SERIES.index(bar.measure) if bar.measure in _SERIES else len(_SERIES)
            drawn = _bar(labels, self.case, series, bar)
            if drawn is not None:
                bars.append(drawn)
        if not bars:
            return []
        names = [label(labels.measure_names.get(m, m)) for m in _SERIES]
        legend = Legend(series=names, ceiling=label(labels.bound_note), floor=label(labels.lower_bound_note))
        palette = [self.look.accent, self.look.second]
        chart = money_chart(bars, legend, palette, lambda v: label(labels.axis_amount(v)), self.look, self.look.frame_width)
        return [chart]

    def _marks(self, exhibit: Exhibit) -> list[tuple[Mark, Event]]:
        """The exhibit's events, oldest first; events the same lines tell of on the same day are one mark."""
        labels = self.labels
        merged = [
            (list(dict.fromkeys(label(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(sorted(exhibit.events, key=Event.when))
        ]
        return [
            (Mark(str(n), label(labels.exhibit_event_kinds(kinds)), label(labels.exhibit_event_date(event)), event.when()), event)
            for n, (kinds, event) in enumerate(merged, start=1)
        ]

    def _timeline(self, exhibit: Exhibit) -> list[Flowable]:
        marks = self._marks(exhibit)
        if not marks:
            return []
        labels, s = self.labels, self.s
        out: list[Flowable] = []
        chart = timeline_chart([m for m, _ in marks], self.look, self.look.frame_width)
        if chart is not None:
            out.extend([chart, Spacer(1, 8)])
        header = [labels.exhibit_event_number, labels.event_when, labels.event_kind, labels.event_what]
        rows = [
            [
                Paragraph(esc(mark.number), s.note_number),
                Paragraph(esc(label(labels.event_date(event))), s.cell_small),
                Paragraph(esc(mark.kinds), s.cell_small),
                Paragraph(rich(event_told(labels, event)), s.note_text),
            ]
            for mark, event in marks
        ]
        out.append(self.story.data_table(header, rows, (6, 16, 14, 64), one_line=(0, 1, 2), compact=True))
        return out

    def _outcomes(self, exhibit: Exhibit) -> list[Flowable]:
        outcomes = [o for o in exhibit.outcomes if o.outcome.strip()]
        if not outcomes:
            return []
        labels, s = self.labels, self.s
        header = [labels.stakeholder_role, labels.stakeholder_name, labels.stakeholder_outcome]
        rows = [
            [Paragraph(esc(o.role), s.cell_bold), Paragraph(esc(o.name), s.cell), Paragraph(esc(o.outcome), s.cell)]
            for o in outcomes
        ]
        return [self.story.data_table(header, rows, (24, 34, 42), compact=True)]

