"""The teaching note: a separate PDF for instructors, in the look of the case study.

Cover ("Teaching Note", for instructors only), case synopsis (the film's synopsis, else the executive
summary's verdict), learning objectives, discussion questions (each tied to a section and, where one
helps, an exhibit, with suggested lines of answer drawn from the case), the board plan (its columns
side by side) and, where the sources disagree, a teaching point listing each disagreement with its
claims and sources.

Every word comes from ``teaching.j2`` (what to teach) and ``labels.j2`` (the case's own labels);
this module only lays them out. It imports reportlab: :func:`casebook.render.pdf.render_teaching_note`
imports it only when the note is wanted.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from casebook.model.case import Case
from casebook.render.outline import by_method, follow, outline
from casebook.render.pdf.blocks import Blocks
from casebook.render.pdf.flowables import Paragraph, keep
from casebook.render.pdf.markup import esc, label, rich
from casebook.render.pdf.pages import build_document
from casebook.render.pdf.style import Look
from casebook.wording import Wording


class _TeachingStory(Blocks):
    """The teaching note's flowables, section by section; a section with nothing to show is left out."""

    def __init__(self, case: Case, wording: Wording, look: Look) -> None:
        super().__init__(look, wording.labels)
        self.case = case
        self.t = wording.teaching

    def cover(self) -> list[Flowable]:
        case, t, s = self.case, self.t, self.s
        notice = Table(
            [[Paragraph(esc(label(t.for_instructors)), s.cell_bold)]],
            colWidths=[self.look.frame_width],
            hAlign="LEFT",
            spaceBefore=4,
            spaceAfter=14,
        )
        notice.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.look.regular, 9),
                    ("BACKGROUND", (0, 0), (-1, -1), self.look.accent_tint),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.2, self.look.accent),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return [
            Spacer(1, 2.2 * cm),
            Paragraph(esc(label(t.title).upper()), s.cover_kind),
            Paragraph(esc(case.title), s.cover_title),
            Paragraph(esc(label(t.cover_subtitle(case))), s.cover_subtitle),
            notice,
        ]

    def synopsis(self) -> list[Flowable]:
        paragraphs = [self.para(rich(p.text)) for p in self.case.film.synopsis if p.text]
        if not paragraphs:
            verdict = next((g for g in self.case.executive_summary if g.role == "verdict" and g.facts), None)
            if verdict is None:
                return []
            paragraphs = [keep(self.para(esc(label(self.t.verdict_intro)), self.s.intro))]
            for fact in verdict.facts:
                markup = rich(fact.value)
                if fact.label and fact.label.strip():
                    markup = f"<b>{esc(label(self.labels.pdf_field_label(fact.label)))}</b> {markup}"
                paragraphs.append(self.para(markup))
        return [*self.section(self.t.synopsis_heading), *paragraphs]

    def objectives(self) -> list[Flowable]:
        items = [esc(o) for o in self.t.objectives if str(o).strip()]
        if not items:
            return []
        return [*self.section(self.t.objectives_heading), *self.bullets(items)]

    def questions(self) -> list[Flowable]:
        questions = [q for q in self.t.questions if str(q["ask"]).strip()]
        if not questions:
            return []
        t, s = self.t, self.s
        out = self.section(t.questions_heading)
        for n, q in enumerate(questions, start=1):
            ask = f"{label(t.question_number(n))} {q['ask']}"
            out.append(self.heading(ask, 1, toc=True, style=s.question))
            out.append(keep(self.para(esc(label(t.tied_line(q))), s.tied_to)))
            answers = [esc(a) for a in q["answer"] if str(a).strip()]
            if answers:
                out.append(keep(self.para(f"<b>{esc(label(t.answer_heading))}</b>", s.cell_small)))
                out.extend(self.bullets(answers))
        return out

    def board_plan(self) -> list[Flowable]:
        columns = [(label(c["column"]), [str(i) for i in c["items"] if str(i).strip()]) for c in self.t.board_plan]
        columns = [(name, items) for name, items in columns if items]
        if not columns:
            return []
        look, s = self.look, self.s
        item_style = ParagraphStyle("cb-board-item", parent=s.cell, leftIndent=9, bulletIndent=0, spaceAfter=3)
        header = [Paragraph(esc(name), s.cell_head) for name, _ in columns]
        cells: list[Any] = [[Paragraph(esc(i), item_style, bulletText=self._bullet) for i in items] for _, items in columns]
        width = look.frame_width / len(columns)
        table = Table([header, cells], colWidths=[width] * len(columns), repeatRows=1, hAlign="LEFT", spaceAfter=12)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look.regular, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), look.accent),
                    ("LINEAFTER", (0, 0), (-2, -1), 0.5, look.rule),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.5, look.rule),
                    ("LEFTPADDING", (0, 0), (-1, -1), 7),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return [*self.section(self.t.board_heading), table]

    def disagreements(self) -> list[Flowable]:
        conflicts = [c for c in self.case.conflicts if c.claims]
        if not conflicts:
            return []
        labels, s, case = self.labels, self.s, self.case
        known = {src.id for src in case.sources}

        def where(claim: Any) -> str:
            if claim.source.source in known:
                return label(self.t.claim_source(case, claim))
            return label(labels.source_ref(claim.source))

        header = [labels.claim_value, labels.claim_normalized, labels.claim_source]
        tables = [
            [
                [Paragraph(esc(c.value), s.cell), Paragraph(esc(label(labels.claim_reading(c))), s.cell),
                 Paragraph(esc(where(c)), s.cell_small)]
                for c in conflict.claims
            ]
            for conflict in conflicts
        ]
        every_row = [row for rows in tables for row in rows]
        out = self.section(self.t.disagreements_heading)
        out.append(keep(self.para(esc(label(self.t.disagreements_intro)), s.intro)))
        for conflict, rows in zip(conflicts, tables, strict=True):
            out.append(self.heading(label(labels.conflict_title(conflict)), 1, toc=True))
            out.append(self.data_table(header, rows, (46, 26, 28), one_line=(2,), measure=every_row))
        return out

    def build(self) -> list[Flowable]:
        return self.assemble(self.cover(), follow(outline(self.case).teaching_note, by_method(self)), contents=False)


def build_teaching_note(case: Case, wording: Wording, look: Look) -> bytes:
    """The teaching note as PDF bytes (see :func:`casebook.render.pdf.render_teaching_note`)."""
    labels, t = wording.labels, wording.teaching
    director = case.film.director.value if case.film.director and case.film.director.value.strip() else ""
    subject = label(t.pdf_subject(case))
    stamp = ""
    if wording.recipient:
        stamp = label(labels.prepared_for(wording.recipient))
        subject = label(labels.personal_subject(subject, wording.recipient))
    return build_document(
        look,
        _TeachingStory(case, wording, look).build(),
        head=label(t.running_head(case)),
        foot=label(t.running_foot(case, look.institution)),
        cover_note=label(labels.pdf_cover_note(case)),
        ellipsis=label(labels.pdf_ellipsis),
        page_of=lambda page, total: label(labels.page_of(page, total)),
        stamp=stamp,
        title=label(t.pdf_title(case)),
        author=director or label(labels.product),
        subject=subject,
        keywords=label(labels.pdf_keywords(case)),
        creator=label(labels.product),
        lang=label(labels.pdf_lang),
    )
