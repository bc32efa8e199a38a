"""The deck's exhibit slides and discussion-question slides.

Exhibits come from ``Case.exhibits``, so the deck shows the numbers and captions the PDF shows (the
same labels word them): one slide per exhibit, titled with ``labels.exhibit_caption``, its sources in a
small line at the foot (``labels.exhibit_sources``), the files and lines in the notes.

* budget against box office: a native bar chart (:mod:`casebook.render.deck.charts`), one bar per
  amount a source states, labelled as the PDF labels it ("under 1,000,000"), upper bounds hatched;
* timeline: a native table of the exhibit's events, numbered as the PDF numbers them;
* stakeholder outcomes: a native table.

Discussion questions come from the teaching note (``wording.teaching.questions``): one slide per
question, the question as the body with the line saying what it is tied to; the suggested lines of
answer go in the speaker notes only, since students see the slides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from casebook.model.case import Amount, Event, Exhibit, SourceRef, told_once
from casebook.render.deck.charts import ChartBar, ChartSpec
from casebook.render.deck.fit import Para, Span, clean, spans_of
from casebook.render.deck.spec import Row, SlideSpec, unique
from casebook.render.event_words import event_told

if TYPE_CHECKING:
    from casebook.model.case import Case
    from casebook.wording import Wording

EXHIBIT_TIMELINE_COLUMNS = (0.07, 0.19, 0.15, 0.59)
OUTCOME_COLUMNS = (0.24, 0.30, 0.46)


class ExhibitSlides:
    """Exhibit and question slides; mixed into the deck builder, whose helpers it uses."""

    case: Case
    wording: Wording
    labels: Any

    # --- exhibits ---------------------------------------------------------------------------------

    def exhibit_slides(self) -> list[SlideSpec]:
        out: list[SlideSpec] = []
        for exhibit in self.case.exhibits:
            if exhibit.kind == "budget_box_office":
                out.extend(self.money_slides(exhibit))
            elif exhibit.kind == "timeline":
                out.extend(self.exhibit_timeline_slides(exhibit))
            elif exhibit.kind == "stakeholder_outcomes":
                out.extend(self.outcome_slides(exhibit))
        return out

    def exhibit_foot(self, exhibit: Exhibit, notes: Sequence[str] = ()) -> list[Para]:
        """The small lines under an exhibit: what its marks mean, then its sources."""
        lines = list(notes)
        if all(self.known(ref) for ref in exhibit.sources):
            lines.append(self.t(self.labels.exhibit_sources(self.case, exhibit)))
        return [Para(spans=(Span(line, color=self.c.muted),), space_after=0.25) for line in lines]

    def known(self, ref: SourceRef) -> bool:
        return any(s.id == ref.source for s in self.case.sources)

    def amount_text(self, amount: Amount) -> str:
        """How the templates word an amount: its value, "about" it, or its bounds (as in the PDF)."""
        if amount.value is None and amount.lower is not None and amount.upper is not None:
            return self.t(self.labels.amount_range_label(amount))
        return self.t(self.labels.amount_label(amount))

    def money_slides(self, exhibit: Exhibit) -> list[SlideSpec]:
        labels = self.labels
        bars: list[ChartBar] = []
        told: list[dict[str, Any]] = []
        refs: list[SourceRef] = []
        for bar in exhibit.bars:
            a = bar.amount
            if a.value is None and a.lower is None and a.upper is None:
                continue  # nothing known: nothing to draw
            if self.known(bar.source):
                category = self.t(labels.bar_label(self.case, bar))
            else:
                category = self.t(labels.measure_names.get(bar.measure, bar.measure))
            text = self.amount_text(a)
            if a.value is not None:
                bars.append(ChartBar(category, text, value=a.value))
            else:
                bars.append(ChartBar(category, text, lower=a.lower, upper=a.upper))
            told.append({"category": category, "label": text, "words": clean(a.text), "where": self.where(bar.source)})
            refs.append(bar.source)
        if not bars:
            return []
        caption = self.t(labels.exhibit_caption(exhibit))
        notes: list[str] = []
        if any(b.upper is not None for b in bars):
            notes.append(self.t(labels.deck_bound_note))
        if any(b.lower is not None and b.upper is None for b in bars):
            notes.append(self.t(labels.deck_lower_bound_note))
        items = [self.t(labels.deck_chart_item(b.category, b.label)) for b in bars]
        chart = ChartSpec(
            bars=tuple(bars),
            names={
                "value": self.t(labels.deck_series_amount),
                "lower": self.t(labels.deck_series_lower),
                "upper": self.t(labels.deck_series_upper),
            },
            description=self.t(labels.deck_chart_description(caption, items)),
            size=self.sizes.table[0],
        )
        context = {"kind": exhibit.kind, "caption": caption, "bars": told, "marks": notes, "rows": []}
        return [
            SlideSpec(
                notes="deck/exhibit.j2",
                title=caption,
                eyebrow=self.t(labels.exhibits),
                chart=chart,
                foot=self.exhibit_foot(exhibit, notes),
                context=context,
                refs=unique([*refs, *exhibit.sources]),
            )
        ]

    def exhibit_timeline_slides(self, exhibit: Exhibit) -> list[SlideSpec]:
        labels = self.labels
        merged = [
            (list(dict.fromkeys(self.t(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(sorted(exhibit.events, key=Event.when))
        ]
        if not merged:
            return []
        header = [
            self.t(labels.exhibit_event_number),
            self.t(labels.event_when),
            self.t(labels.event_kind),
            self.t(labels.event_what),
        ]
        rows = []
        for number, (kinds, event) in enumerate(merged, start=1):
            date = self.t(labels.event_date(event))
            kind = self.t(labels.exhibit_event_kinds(kinds))
            what = event_told(labels, event)
            rows.append(
                Row(
                    cells=(
                        (Para(spans=(Span(str(number), bold=True, color=self.c.accent),)),),
                        (Para(spans=(Span(date, bold=True),)),),
                        (Para(spans=(Span(kind),)),),
                        (Para(spans=spans_of(what)),),
                    ),
                    source=event.source,
                    key={"number": number, "when": date, "kind": kind, "text": clean(what.plain)},
                )
            )
        return self.exhibit_table(exhibit, header, rows, EXHIBIT_TIMELINE_COLUMNS, repeat=3)

    def outcome_slides(self, exhibit: Exhibit) -> list[SlideSpec]:
        labels = self.labels
        outcomes = [o for o in exhibit.outcomes if o.outcome.strip()]
        if not outcomes:
            return []
        header = [self.t(labels.stakeholder_role), self.t(labels.stakeholder_name), self.t(labels.stakeholder_outcome)]
        rows = [
            Row(
                cells=(
                    (Para(spans=(Span(clean(o.role), bold=True),)),),
                    (Para(spans=(Span(clean(o.name)),)),),
                    (Para(spans=(Span(clean(o.outcome)),)),),
                ),
                source=o.source,
                key={"role": clean(o.role), "name": clean(o.name), "outcome": clean(o.outcome)},
            )
            for o in outcomes
        ]
        return self.exhibit_table(exhibit, header, rows, OUTCOME_COLUMNS, repeat=2)

    def exhibit_table(self, exhibit: Exhibit, header: list[str], rows: list[Row], fractions, repeat: int) -> list[SlideSpec]:
        caption = self.t(self.labels.exhibit_caption(exhibit))
        slides = self.table_slides(
            "deck/exhibit.j2",
            self.t(self.labels.exhibits),
            caption,
            header,
            rows,
            fractions,
            repeat=repeat,
            foot=self.exhibit_foot(exhibit),
        )
        extra = {"kind": exhibit.kind, "caption": caption, "bars": [], "marks": []}
        return [replace(s, context={**s.context, **extra}) for s in slides]

    # --- discussion questions ---------------------------------------------------------------------

    def section_refs(self, section: str) -> list[SourceRef]:
        """The places the part of the case a question is tied to comes from."""
        case = self.case
        if section == "executive_summary":
            return [ref for g in case.executive_summary for ref in (g.source, *(f.source for f in g.facts))]
        if section == "analysis" and case.analysis is not None:
            return [p.source for p in case.analysis.parts]
        if section == "ledger" and case.ledger is not None:
            return [case.ledger.source]
        if section == "stakeholders":
            return [s.source for s in case.stakeholders]
        if section == "disagreements":
            return [claim.source for c in case.conflicts for claim in c.claims]
        return []

    def question_slides(self) -> list[SlideSpec]:
        teaching = self.wording.teaching
        labels = self.labels
        questions = [q for q in teaching.questions if str(q["ask"]).strip()]
        out: list[SlideSpec] = []
        heading = self.t(teaching.questions_heading)
        for number, q in enumerate(questions, start=1):
            section = str(q["section"])
            section_name = self.t(teaching.section_names.get(section, section))
            exhibit = next((e for e in self.case.exhibits if e.number == q["exhibit"]), None)
            exhibit_label = self.t(labels.exhibit_label(exhibit)) if exhibit is not None else ""
            tied = self.t(labels.deck_tied(teaching.tied_to, section_name, exhibit_label))
            ask = self.t(q["ask"])
            paras = [
                Para(spans=(Span(ask),), space_after=0.9, key=(None, ask)),
                Para(spans=(Span(tied, color=self.c.muted),), scale=0.6, key=(None, tied)),
            ]
            refs = unique([*self.section_refs(section), *(exhibit.sources if exhibit is not None else [])])
            context = {
                "number": number,
                "total": len(questions),
                "ask": ask,
                "tied": tied,
                "answer_heading": self.t(teaching.answer_heading),
                "answer": [self.t(line) for line in q["answer"] if str(line).strip()],
            }
            slides = self.flow(
                "deck/question.j2",
                heading,
                self.t(labels.deck_question_title(number, len(questions))),
                paras,
                self.sizes.question,
                context,
                refs,
            )
            # Every slide of a long question names the sources it is tied to.
            out.extend(slide if slide.refs else replace(slide, refs=refs) for slide in slides)
        return out

