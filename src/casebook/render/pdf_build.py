"""The PDF case study, built with reportlab platypus from a finished :class:`~casebook.model.case.Case`.

This module imports reportlab; :func:`casebook.render.pdf.render_pdf` imports it only when a PDF is
wanted. It reads the case and never changes it. The machinery it shares with the teaching note
(headings, tables, pages) is in :mod:`casebook.render.pdf_doc`, the exhibits in
:mod:`casebook.render.pdf_exhibits`; the rules on text and wording stated there hold here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Fact,
    Person,
    Point,
    Quote,
    SourceRef,
    told_once,
)
from casebook.model.case import Paragraph as CaseParagraph
from casebook.render.pdf_doc import ROW_SPLIT_MIN, Blocks, Paragraph, build_document, clean, esc, rich, shorten
from casebook.render.pdf_doc import keep as _keep
from casebook.render.pdf_doc import label as _label
from casebook.render.event_words import event_told
from casebook.render.pdf_exhibits import Exhibits
from casebook.render.pdf_notes import Notes, note_anchor
from casebook.render.pdf_style import Look, hex_of
from casebook.render.wording import Wording

# A note under Sources quotes at most about this many characters of its statement.
_NOTE_LIMIT = 200


# --- the story --------------------------------------------------------------------------------------


class _Story(Blocks):
    """Turns the case into flowables, section by section; a section with nothing to show is left out."""

    def __init__(self, case: Case, wording: Wording, look: Look) -> None:
        super().__init__(look, wording.labels)
        self.case = case
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
        groups = [g for g in self.case.executive_summary if g.facts]
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
            rows = [(esc(f.label or ""), self.fact(f)) for f in group.facts]
            out.append(self.label_table(rows))
            if k == last:
                out.extend(self.exhibits.see("budget_box_office"))
        return out

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
        if not entries:
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
            byline.append(f"<b>{label}</b> <i>{esc(_label(labels.pdf_ledger_film(ledger)))}</i>")
        if byline:
            out.append(_keep(self.para("<br/>".join(byline), s.byline)))
        for entry in entries:
            out.append(self._heading(_label(labels.ledger_entry(entry)), 1, toc=True))
            if entry.subtitle and entry.subtitle.strip():
                out.append(_keep(self.para(esc(entry.subtitle), s.subtitle)))
            out.extend(self.para(self.noted_para(p)) for p in entry.paragraphs if p.text)
        return out

    def stakeholders(self) -> list[Flowable]:
        people = self.case.stakeholders
        if not people:
            return []
        labels, s = self.labels, self.s
        header = [
            labels.stakeholder_role,
            labels.stakeholder_name,
            labels.stakeholder_outcome,
            labels.stakeholder_impact,
        ]
        rows = [
            [
                Paragraph(esc(p.role), s.cell_bold),
                Paragraph(esc(p.name), s.cell),
                Paragraph(rich(p.outcome), s.cell),
                # the note ends the row: it gives the lines of the whole entry
                Paragraph(self.noted(rich(p.impact), p.source, _label(labels.pdf_stakeholder_note(p))), s.cell),
            ]
            for p in people
        ]
        table = self.data_table(header, rows, (16, 19, 20, 45))
        return [*self.section(labels.stakeholder_balance_sheet), table, *self.exhibits.see("stakeholder_outcomes")]

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
            markup = esc(person.name)
            aliases = [a for a in person.aliases if a.strip() and a != person.name]
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
                    Paragraph(esc(claim.normalized), s.cell),
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
            out.append(self.data_table(header, rows, (55, 17, 28), one_line=(2,), measure=every_row))
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
                    Paragraph(esc(_label(labels.pdf_note_quote(shorten(note.text, _NOTE_LIMIT, self._ellipsis)))), s.note_text),
                ]
                for note in self.notes
                if note.text.strip()
            ]
            out.append(self.data_table(header, rows, (8, 30, 62), one_line=(1,), compact=True))
        if not out:
            return []
        return [*self.section(labels.sources), *out]

    def warnings(self) -> list[Flowable]:
        if not self.case.warnings:
            return []
        items = [esc(_label(self.labels.pdf_warning_line(w))) for w in self.case.warnings]
        return [*self.section(self.labels.warnings), *self.bullets(items)]

    def build(self) -> list[Flowable]:
        sections = (
            self.executive_summary(),
            self.film(),
            self.analysis(),
            self.ledger(),
            self.stakeholders(),
            self.exhibits.section(),
            self.quotes(),
            self.cast(),
            self.timeline(),
            self.disagreements(),
            self.sources(),  # after every section that numbers notes
            self.warnings(),
        )
        return self.assemble(self.cover(), sections)


# --- entry point ------------------------------------------------------------------------------------


def build_pdf(case: Case, wording: Wording, look: Look) -> bytes:
    """The case study as PDF bytes (see :func:`casebook.render.pdf.render_pdf`)."""
    labels = wording.labels
    director = case.film.director.value if case.film.director and case.film.director.value.strip() else ""
    subject = _label(labels.pdf_subject(case))
    stamp = ""
    if wording.recipient:
        stamp = _label(labels.prepared_for(wording.recipient))
        subject = _label(labels.personal_subject(subject, wording.recipient))
    return build_document(
        look,
        _Story(case, wording, look).build(),
        head=_label(labels.pdf_running_head(case)),
        foot=_label(labels.pdf_foot(case, look.institution)),
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
