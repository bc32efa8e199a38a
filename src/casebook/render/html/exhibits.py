"""The exhibits of the HTML case study: the PDF's drawings as inline SVG, each with its data as a table.

Numbers, captions and sources are those of the PDF (:mod:`casebook.render.pdf.exhibits`). A chart is an image
with a title and a description; the table beside it gives every value it draws, so nothing is only in a picture.
"""

from __future__ import annotations

from typing import Any

from casebook.model.case import Case, Exhibit
from casebook.render.event_words import event_told
from casebook.render.html.charts import inline_svg
from casebook.render.html.story import Block, CaseStudy, exhibit_events, runs, text
from casebook.render.pdf.charts import Legend, Mark, money_chart, timeline_chart
from casebook.render.pdf.exhibits import _SERIES, _bar
from casebook.render.pdf.markup import label
from casebook.render.pdf.style import Look


class Exhibits:
    def __init__(self, case: Case, labels: Any, wording: Any, look: Look) -> None:
        self.case = case
        self.labels = labels
        self.w = wording  # html/wording.j2
        self.look = look

    def of_kind(self, kind: str) -> Exhibit | None:
        return next((e for e in self.case.exhibits if e.kind == kind), None)

    def has_body(self, exhibit: Exhibit) -> bool:
        if exhibit.kind == "budget_box_office":
            return bool(self._bars(exhibit))
        if exhibit.kind == "timeline":
            return bool(exhibit_events(self.labels, exhibit))
        if exhibit.kind == "stakeholder_outcomes":
            return any(o.outcome.strip() for o in exhibit.outcomes)
        return False

    def section(self, story: CaseStudy) -> list[Block]:
        out: list[Block] = []
        for exhibit in self.case.exhibits:
            if not self.has_body(exhibit):
                continue
            if not out:
                out.extend(story.section(self.labels.exhibits))
            heading = story.heading(label(self.labels.exhibit_caption(exhibit)), 1, toc=True)
            heading["id"] = f"exhibit-{exhibit.number}"  # "See Exhibit N" leads here
            figure: Block = {"type": "figure", "heading": heading["id"], "svg": "", "tables": [],
                             "sources": label(self.labels.exhibit_sources(self.case, exhibit))}
            if exhibit.kind == "budget_box_office":
                self._money(story, exhibit, figure)
            elif exhibit.kind == "timeline":
                self._timeline(story, exhibit, figure)
            else:
                self._outcomes(story, exhibit, figure)
            out.extend([heading, figure])
        return out

    # --- the three kinds ---

    def _bars(self, exhibit: Exhibit) -> list[tuple[Any, Any]]:
        bars = []
        for bar in exhibit.bars:
            series = _SERIES.index(bar.measure) if bar.measure in _SERIES else len(_SERIES)
            drawn = _bar(self.labels, self.case, series, bar)
            if drawn is not None:
                bars.append((bar, drawn))
        return bars

    def _money(self, story: CaseStudy, exhibit: Exhibit, figure: Block) -> None:
        labels = self.labels
        pairs = self._bars(exhibit)
        drawn = [d for _, d in pairs]
        names = [label(labels.measure_names.get(m, m)) for m in _SERIES]
        legend = Legend(series=names, ceiling=label(labels.bound_note), floor=label(labels.lower_bound_note))
        palette = [self.look.accent, self.look.second]
        chart = money_chart(drawn, legend, palette, lambda v: label(labels.axis_amount(v)), self.look, self.look.frame_width)
        rows = [[text(label(labels.measure_names.get(bar.measure, bar.measure))), text(d.category), text(d.value_label)]
                for bar, d in pairs]
        values = [(label(labels.measure_names.get(bar.measure, bar.measure)), d.category, d.value_label) for bar, d in pairs]
        key = f"exhibit-{exhibit.number}-chart"
        figure["svg"] = inline_svg(chart, key, label(self.w.money_chart_title(exhibit)),
                                   label(self.w.money_chart_desc(exhibit, values)), self.look.bold)
        header = [self.w.money_series, self.w.money_source, self.w.money_amount]
        figure["tables"].append(story.table(header, rows, caption=label(self.w.data_caption(exhibit)), shown=True))

    def _timeline(self, story: CaseStudy, exhibit: Exhibit, figure: Block) -> None:
        labels = self.labels
        events = exhibit_events(labels, exhibit)
        marks = [Mark(number, kinds, date, event.when()) for number, kinds, date, event in events]
        chart = timeline_chart(marks, self.look, self.look.frame_width)
        if chart is not None:
            first, last = events[0][3], events[-1][3]
            figure["svg"] = inline_svg(chart, f"exhibit-{exhibit.number}-chart", label(self.w.timeline_chart_title(exhibit)),
                                       label(self.w.timeline_chart_desc(len(events), first.year, last.year)), self.look.bold)
        header = [labels.exhibit_event_number, labels.event_when, labels.event_kind, labels.event_what]
        rows = [[text(number), text(label(labels.event_date(event))), text(kinds), runs(event_told(labels, event))]
                for number, kinds, _, event in events]
        figure["tables"].append(story.table(header, rows, caption=label(self.w.data_caption(exhibit)), shown=True))

    def _outcomes(self, story: CaseStudy, exhibit: Exhibit, figure: Block) -> None:
        labels = self.labels
        outcomes = [o for o in exhibit.outcomes if o.outcome.strip()]
        header = [labels.stakeholder_role, labels.stakeholder_name, labels.stakeholder_outcome]
        rows = [[text(o.role), text(o.name), text(o.outcome)] for o in outcomes]
        figure["tables"].append(story.table(header, rows, caption=label(self.labels.exhibit_caption(exhibit))))
