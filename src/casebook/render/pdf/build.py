"""The PDF case study, built with reportlab platypus from a finished :class:`~casebook.model.case.Case`.

This module imports reportlab; :func:`casebook.render.pdf.render_pdf` imports it only when a PDF is
wanted. It reads the case and never changes it. The machinery it shares with the teaching note is in
:mod:`casebook.render.pdf.blocks` (headings, tables), :mod:`casebook.render.pdf.pages` (the pages) and
:mod:`casebook.render.pdf.markup` (text to markup), the exhibits in :mod:`casebook.render.pdf.exhibits`;
the rules on text and wording stated in :mod:`casebook.render.pdf.markup` hold here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, ListFlowable, Spacer, Table, TableStyle

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Fact,
    Person,
    Point,
    Quote,
    SourceRef,
    Stakeholder,
    TextBlock,
    told_once,
)
from casebook.model.case import Paragraph as CaseParagraph
from casebook.render import BASE_RECIPIENT
from casebook.render.event_words import event_told
from casebook.render.outline import CASE_STUDY_LEAVES_OUT, by_method, follow, outline
from casebook.render.pdf.blocks import ROW_SPLIT_MIN, Blocks
from casebook.render.pdf.exhibits import Exhibits
from casebook.render.pdf.flowables import Paragraph
from casebook.render.pdf.flowables import keep as _keep
from casebook.render.pdf.markup import clean, esc, rich, shorten
from casebook.render.pdf.markup import label as _label
from casebook.render.pdf.notes import Notes, note_anchor
from casebook.render.pdf.pages import build_document
from casebook.render.pdf.style import Look, hex_of
from casebook.render.text.rtl import isolate
from casebook.wording import Wording

# A note under Sources quotes at most about this many characters of its statement.
_NOTE_LIMIT = 200


# --- the story --------------------------------------------------------------------------------------


class _Story(Blocks):
    """Turns the case into flowables, section by section; a section with nothing to show is left out."""

    def __init__(self, case: Case, wording: Wording, look: Look) -> None:
        super().__init__(look, wording.labels)
        self.case = case
        self.wording = wording
        self.notes = Notes(size=look.note_size, rise=look.note_rise, color=look.note_color)
        # Sources by id, for the anchors of the documents table (ids are document text: never in a name).
        self._source_index = {src.id: k for k, src in enumerate(case.sources, start=1)}
        self.exhibits = Exhibits(self, case)

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

    def _heading(self, text: str, level: int, *, toc: bool) -> Any:
        return self.heading(text, level, toc=toc)

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

    def executive_summary(self) -> list[Flowable]:
        groups = [g for g in self.case.executive_summary if g.facts or any(p.text for p in g.paragraphs)]
        if not groups:
            return []
        # "See Exhibit N" follows the last group that gives an amount the budget exhibit draws, else the summary
        money = self.exhibits.of_kind("budget_box_office")
        drawn = {bar.source for bar in money.bars} if money else set()
        last = max((k for k, g in enumerate(groups) if any(f.source in drawn for f in g.facts)), default=len(groups) - 1)
        out = self.section(self.labels.executive_summary)
        for k, group in enumerate(groups):
            if group.title and group.title.strip():
                out.append(self._heading(group.title, 1, toc=True))
            out.extend(self._group_body(group.facts, group.paragraphs))
            if k == last:
                out.extend(self.exhibits.see("budget_box_office"))
        return out

    def _group_body(self, facts: Sequence[Fact], paragraphs: Sequence[CaseParagraph]) -> list[Flowable]:
        """A group's facts and prose in the order of their source: labelled facts as a table, prose as paragraphs,
        facts without any label as a list."""
        items = sorted(
            [*((f.source.first_line, 0, f) for f in facts), *((p.source.first_line, 1, p) for p in paragraphs if p.text)],
            key=lambda item: item[:2],
        )
        out: list[Flowable] = []
        run: list[Fact] = []

        def flush() -> None:
            if not run:
                return
            if run[0].columns:  # the rows of a table: under the table's own column names (the value cell names
                # the third and further columns itself)
                names = [str(c) for c in run[0].columns]
                header = [names[0], str(self.labels.pdf_columns_separator).join(names[1:])]
                rows = [[Paragraph(esc(f.label or ""), self.s.cell_bold), Paragraph(self.fact(f), self.s.cell)] for f in run]
                out.append(self.data_table(header, rows, (35, 65)))
            elif any(f.label for f in run):
                out.append(self.label_table([(esc(f.label or ""), self.fact(f)) for f in run]))
            else:
                out.extend(self.bullets([self.fact(f) for f in run]))
            run.clear()

        for _, _, item in items:
            if isinstance(item, Fact):
                if run and run[-1].columns != item.columns:
                    flush()
                run.append(item)
            else:
                flush()
                out.append(self.para(self.noted_para(item)))
        flush()
        return out

    # --- blocks shown as written ---

    def text_blocks(self, blocks: Sequence[TextBlock], level: int = 1) -> list[Flowable]:
        """Blocks casebook does not recognise, as written: each under its heading (shown once for the blocks
        that share it), with its note number."""
        out: list[Flowable] = []
        shown: str | None = None
        for block in blocks:
            if block.heading and block.heading.strip() and block.heading != shown:
                out.append(self._heading(block.heading, level, toc=False))
            shown = block.heading
            out.extend(self.text_block(block, level))
        return out

    def text_block(self, block: TextBlock, level: int = 1) -> list[Flowable]:
        s = self.s
        text = block.text or None
        if block.kind == "heading" and text:
            return [self._heading(text.plain, level, toc=False)]
        if block.kind == "list":
            items = [rich(item) for item in block.items]
            if not any(i.strip() for i in items):
                return []
            items[-1] = self.noted(items[-1], block.source, " ".join(i.plain for i in block.items))
            if not block.ordered:
                return self.bullets(items)
            return [
                ListFlowable(
                    [Paragraph(item, s.bullet) for item in items],
                    bulletType="1",
                    bulletFormat=str(_label(self.labels.pdf_list_number("%s"))),
                    leftIndent=18,
                    bulletFontName=self.look.regular,
                    bulletFontSize=s.bullet.fontSize,
                    bulletColor=self.look.accent,
                    spaceBefore=2,
                    spaceAfter=6,
                )
            ]
        if block.kind == "table":
            columns = max([len(block.header), *(len(r) for r in block.rows)])
            header = [*block.header, *([""] * (columns - len(block.header)))]
            rows = [[Paragraph(rich(cell), s.cell) for cell in row] + [Paragraph("", s.cell)] * (columns - len(row))
                    for row in block.rows]
            if not rows:
                return []
            note = " ".join(c.plain for row in block.rows for c in row)
            last = block.rows[-1]
            rows[-1][len(last) - 1] = Paragraph(self.noted(rich(last[-1]), block.source, note), s.cell)
            return [self.data_table(header, rows, [1.0] * columns)]
        if text is None or not text:
            return []
        if block.kind == "code":
            lines = [esc(line) for line in text.plain.split("\n")]
            return [self.para(self.noted("<br/>".join(lines), block.source, text.plain))]
        style = s.quote if block.kind == "quote" else None
        return [self.para(self.noted(rich(text), block.source, text.plain), style)]

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
        if not entries and not ledger.blocks:
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
            if ledger.film_line:  # as the ledger writes it: nothing of it is lost
                byline.append(f"<b>{label}</b> {rich(ledger.film_line)}")
            else:
                byline.append(f"<b>{label}</b> <i>{esc(_label(labels.pdf_ledger_film(ledger)))}</i>")
        if byline:
            out.append(_keep(self.para("<br/>".join(byline), s.byline)))
        out.extend(self.text_blocks(ledger.blocks, level=1))
        for entry in entries:
            out.append(self._heading(_label(labels.ledger_entry(entry)), 1, toc=True))
            if entry.subtitle and entry.subtitle.strip():
                out.append(_keep(self.para(esc(entry.subtitle), s.subtitle)))
            shown: list[tuple[int, list[Flowable]]] = [(p.source.first_line, [self.para(self.noted_para(p))])
                                                       for p in entry.paragraphs if p.text]
            shown.extend((b.source.first_line, self.text_block(b)) for b in entry.blocks)
            for _, flowables in sorted(shown, key=lambda item: item[0]):
                out.extend(flowables)
        return out

    def _impact(self, holder: Stakeholder) -> str:
        """The impact cell: the impact, then the entry's other lines; the note ends it (the whole entry's lines)."""
        parts = [rich(holder.impact)] if holder.impact else []
        for fact in holder.details:
            markup = rich(fact.value)
            if fact.label:
                markup = f"<b>{esc(_label(self.labels.pdf_field_label(fact.label)))}</b> {markup}"
            parts.append(markup)
        return self.noted("<br/>".join(parts), holder.source, _label(self.labels.pdf_stakeholder_note(holder)))

    def stakeholders(self) -> list[Flowable]:
        people = self.case.stakeholders
        loose = self.case.stakeholder_blocks
        if not people and not loose:
            return []
        labels, s = self.labels, self.s
        header = [
            labels.stakeholder_role,
            labels.stakeholder_name,
            labels.stakeholder_outcome,
            labels.stakeholder_impact,
        ]

        def row(p: Stakeholder) -> list[Paragraph]:
            return [
                Paragraph(esc(p.role), s.cell_bold),
                Paragraph(esc(p.name), s.cell),
                Paragraph(rich(p.outcome), s.cell),
                Paragraph(self._impact(p), s.cell),
            ]

        # the stakeholders and the blocks shown as written, in source order: a block between two stakeholders
        # ends one table and the next begins after it
        measure = [row(p) for p in people]
        items = sorted([*((p.source.first_line, 0, p) for p in people), *((b.source.first_line, 1, b) for b in loose)],
                       key=lambda item: item[:2])
        out: list[Flowable] = [*self.section(labels.stakeholder_balance_sheet)]
        rows: list[list[Paragraph]] = []
        blocks: list[TextBlock] = []
        for _, _, item in items:
            if isinstance(item, Stakeholder):
                out.extend(self.text_blocks(blocks))
                blocks = []
                rows.append(row(item))
            else:
                if rows:
                    out.append(self.data_table(header, rows, (16, 19, 20, 45), measure=measure))
                    rows = []
                blocks.append(item)
        out.extend(self.text_blocks(blocks))
        if rows:
            out.append(self.data_table(header, rows, (16, 19, 20, 45), measure=measure))
        return [*out, *self.exhibits.see("stakeholder_outcomes")] if people else out

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
            colWidths=[self.look.frame_width - 2 * indent],
            splitInRow=ROW_SPLIT_MIN,
            hAlign="CENTER",
            spaceBefore=4,
            spaceAfter=14,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.look.regular, 10),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.2, self.look.accent),
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
            markup = esc(isolate(person.name))
            aliases = [isolate(a) for a in person.aliases if a.strip() and a != person.name]
            if aliases:
                markup += f'<br/><font size="8" color="{hex_of(self.look.muted)}">'
                markup += f"{esc(_label(labels.pdf_aliases(aliases)))}</font>"
            return markup

        def roles(person: Person) -> str:
            seen: set[str] = set()
            shown: list[str] = []
            for role in person.roles:
                if role.strip() and role.casefold() not in seen:
                    seen.add(role.casefold())
                    shown.append(role)
            shown += [_label(labels.pdf_part(isolate(part))) for part in person.parts if part.strip()]
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
        merged = [
            (_label(labels.event_date(event)), list(dict.fromkeys(_label(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(self.case.timeline)
        ]
        if not merged:
            return []
        separator = str(labels.pdf_event_kinds_separator)
        header = [labels.event_when, labels.event_kind, labels.event_what]
        rows = [
            [
                Paragraph(esc(when), s.cell_bold),
                Paragraph(esc(separator.join(kinds)), s.cell),
                Paragraph(self.noted(rich(what), event.source, what.plain), s.cell),
            ]
            for when, kinds, event, what in ((*m, event_told(labels, m[2])) for m in merged)
        ]
        table = self.data_table(header, rows, (20, 14, 66), one_line=(0, 1))
        return [*self.section(labels.timeline), table, *self.exhibits.see("timeline")]

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
                    Paragraph(esc(_label(labels.claim_reading(claim))), s.cell),
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
            out.append(self.data_table(header, rows, (46, 26, 28), one_line=(2,), measure=every_row))
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
                    Paragraph(esc(_label(labels.pdf_note_quote(shorten(note.text, _NOTE_LIMIT, self._ellipsis))))
                              if note.text.strip() else "", s.note_text),
                ]
                for note in self.notes  # every note a number in the text leads to, even one with no words to quote
            ]
            out.append(self.data_table(header, rows, (8, 30, 62), one_line=(1,), compact=True))
        if not out:
            return []
        return [*self.section(labels.sources), *out]

    def warnings(self) -> list[Flowable]:
        told = [(w, self.wording.warning(w, "reader")) for w in self.case.warnings]
        items = [esc(_label(self.labels.pdf_warning_line(w, text))) for w, text in told if text]
        if not items:
            return []
        return [*self.section(self.labels.warnings), *self.bullets(items)]

    def other_sections(self, follows: str) -> list[Flowable]:
        """The parts of the business analysis that are none of its sections and come after ``follows``, as
        written, each a section of its own."""
        out: list[Flowable] = []
        for other in self.case.business_sections:
            if other.follows == follows and other.blocks:
                title = other.title if other.title and other.title.strip() else _label(self.labels.business_preface)
                out.extend([*self.section(title), *self.text_blocks(other.blocks)])
        return out

    def exhibits_section(self) -> list[Flowable]:
        return self.exhibits.section()

    def build(self) -> list[Flowable]:
        sections = outline(self.case).case_study
        return self.assemble(self.cover(), follow(sections, by_method(self), leave_out=CASE_STUDY_LEAVES_OUT))


# --- entry point ------------------------------------------------------------------------------------


def personal_texts(case: Case, wording: Wording, recipient: str | None) -> tuple[str, str]:
    """The "Prepared for …" line of a personal copy for ``recipient`` ("" for none) and the PDF's Subject."""
    labels = wording.labels
    subject = _label(labels.pdf_subject(case))
    if not recipient:
        return "", subject
    return _label(labels.prepared_for(recipient)), _label(labels.personal_subject(subject, recipient))


def build_pdf(case: Case, wording: Wording, look: Look) -> bytes:
    """The case study as PDF bytes (see :func:`casebook.render.pdf.render_pdf`)."""
    labels = wording.labels
    director = case.film.director.value if case.film.director and case.film.director.value.strip() else ""
    stamp, subject = personal_texts(case, wording, wording.recipient)
    foot = _label(labels.pdf_foot(case, look.institution))
    if wording.recipient == BASE_RECIPIENT:  # the base of stamped copies: no foot, the stamp comes later
        stamp = foot = ""
    return build_document(
        look,
        _Story(case, wording, look).build(),
        head=_label(labels.pdf_running_head(case)),
        foot=foot,
        cover_note=_label(labels.pdf_cover_note(case)),
        ellipsis=_label(labels.pdf_ellipsis),
        page_of=lambda page, total: _label(labels.page_of(page, total)),
        stamp=stamp,
        title=case.title,
        author=director or _label(labels.product),
        subject=subject,
        keywords=_label(labels.pdf_keywords(case)),
        creator=_label(labels.product),
        lang=_label(labels.pdf_lang),
    )
