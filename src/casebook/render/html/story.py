"""The HTML case study, as data for the templates: the sections of the PDF, in the same order, as plain blocks.

The story reads the finished :class:`~casebook.model.case.Case` and never changes it. It decides what is shown
and in which order, exactly as :mod:`casebook.render.pdf.build` does (the same outline, the same note numbers);
``templates/html/`` decides how it is marked up. Every block is a plain dict; text stays text (the templates
escape it), wording comes from ``labels.j2`` and ``html/wording.j2``.

Blocks (``type``): ``heading`` (text, level 0-2, toc, id), ``p`` (content, cls), ``list`` (items, ordered),
``facts`` (caption, rows of label and value), ``table`` (caption, header, rows of cells), ``quote`` (paragraphs,
by), ``figure`` (an exhibit: heading id, svg, tables, sources), ``board`` (columns of items). Inline content is a
list of pieces: ``text`` (text, b, i), ``note`` (number, id), ``br``, ``link`` (href, text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Event,
    Exhibit,
    Fact,
    Person,
    Point,
    Quote,
    RichText,
    SourceRef,
    Stakeholder,
    TextBlock,
    told_once,
)
from casebook.model.case import Paragraph as CaseParagraph
from casebook.render.event_words import event_told
from casebook.render.pdf.markup import clean, label, shorten
from casebook.render.pdf.notes import Notes
from casebook.render.text.rtl import has_rtl

_NOTE_LIMIT = 200  # as in the PDF: a note quotes at most about this many characters of its statement

Inline = list[dict[str, Any]]
Block = dict[str, Any]


def text(value: object, *, b: bool = False, i: bool = False) -> Inline:
    """Plain text (document text or wording) as inline content; characters that cannot be shown removed."""
    s = clean(str(value))
    return [{"t": "text", "text": s, "b": b, "i": i}] if s else []


def name_text(value: object, *, b: bool = False) -> Inline:
    """A name as inline content: one with a right-to-left letter is isolated (``<bdi>``) from the wording and the
    names around it, so that "also written X, Y" keeps its order. (A paragraph's own direction is its
    ``dir="auto"``: a ``<bdi>`` around a whole paragraph would hide its letters from it.)"""
    return [piece | {"bdi": True} if has_rtl(piece["text"]) else piece for piece in text(value, b=b)]


def runs(rich: RichText | None) -> Inline:
    """Rich text as inline content, run by run, bold and italic as the source marks them."""
    if rich is None:
        return []
    out: Inline = []
    for run in rich.runs:
        out.extend(text(run.text, b=run.bold, i=run.italic))
    return out


def with_names(macro: Any, names: Any) -> Inline:
    """The wording of ``macro`` (a label macro given a name or a list of names) as inline content, each name a
    piece of its own, so that a name written right to left is isolated from the wording and from the other names."""
    many = isinstance(names, list | tuple)
    given = list(names) if many else [names]
    marks = [f"\x00{k}\x00" for k in range(len(given))]
    worded = label(macro(marks if many else marks[0]))
    out: Inline = []
    for k, piece in enumerate(worded.split("\x00")):
        if k % 2 and piece.isdigit() and int(piece) < len(given):
            out.extend(name_text(given[int(piece)]))
        else:
            out.extend(text(piece))
    return out


def plain(content: Inline) -> str:
    return "".join(p.get("text", "") for p in content if p["t"] == "text")


class Story:
    """What the HTML editions share: headings with ids, note numbers with links both ways, captions."""

    def __init__(self, case: Case, wording: Any) -> None:
        self.case = case
        self.wording = wording
        self.labels = wording.labels
        self.notes = Notes(size=0, rise=0, color="")
        self._refs: dict[int, int] = {}  # note number -> references made to it so far
        self._ids = 0
        self.last_heading = ""
        self._ellipsis = label(self.labels.pdf_ellipsis)

    # --- notes ---

    def note(self, ref: SourceRef | None, note_text: str) -> Inline:
        """The note number of ``ref`` as a link to the note (none without a reference); ``note_text`` is what the
        note quotes. Each reference has an id, so the note can lead back to the first one."""
        if ref is None:
            return []
        number = self.notes.number(ref, " ".join(clean(note_text).split()))
        count = self._refs.get(number, 0) + 1
        self._refs[number] = count
        return [{"t": "note", "n": number, "id": f"ref-{number}-{count}"}]

    def noted(self, content: Inline, ref: SourceRef | None, note_text: str) -> Inline:
        return [*content, *self.note(ref, note_text)]

    def noted_para(self, paragraph: CaseParagraph) -> Inline:
        return self.noted(runs(paragraph.text), paragraph.source, paragraph.text.plain)

    # --- blocks ---

    def next_id(self, prefix: str = "s") -> str:
        self._ids += 1
        return f"{prefix}{self._ids}"

    def heading(self, value: object, level: int, *, toc: bool) -> Block:
        title = " ".join(clean(label(value) if not isinstance(value, str) else value).split())
        self.last_heading = title
        return {"type": "heading", "text": title, "level": level, "toc": toc, "id": self.next_id()}

    def section(self, title: object) -> list[Block]:
        return [self.heading(title, 0, toc=True)]

    @staticmethod
    def para(content: Inline, cls: str = "") -> Block:
        return {"type": "p", "content": content, "cls": cls}

    @staticmethod
    def bullets(items: Sequence[Inline], *, ordered: bool = False) -> list[Block]:
        items = [i for i in items if i]
        return [{"type": "list", "items": items, "ordered": ordered}] if items else []

    def facts(self, rows: Sequence[tuple[Inline, Inline]], caption: str | None = None) -> Block:
        """Label/value rows: each label heads its row."""
        return {"type": "facts", "caption": caption or self.last_heading, "rows": list(rows)}

    def table(self, header: Sequence[object], rows: Sequence[Sequence[Inline]], *, row_heads: bool = True,
              caption: str | None = None, cls: str = "", ids: Sequence[str | None] = (), shown: bool = False) -> Block:
        """A data table: ``header`` names the columns; with ``row_heads`` the first cell of each row heads it."""
        names = [label(h) for h in header]
        shown_rows = [{"cells": list(r), "id": ids[k] if k < len(ids) else None} for k, r in enumerate(rows)]
        # a caption names the table for screen readers; it is shown only when it says more than the heading above
        return {"type": "table", "caption": caption or self.last_heading, "header": names, "rows": shown_rows,
                "row_heads": row_heads, "cls": cls, "caption_shown": shown}

    def where(self, ref: SourceRef) -> str:
        if any(src.id == ref.source for src in self.case.sources):
            return label(self.labels.note_ref(self.case, ref))
        return label(self.labels.source_ref(ref))

    def notes_table(self) -> list[Block]:
        """The notes the numbers in the text lead to: number, file and lines, statement, and a link back."""
        labels = self.labels
        header = [labels.pdf_note_number, labels.pdf_note_where, labels.pdf_note_text]
        rows, ids = [], []
        for note in self.notes:
            if not note.text.strip():
                continue
            quote = label(labels.pdf_note_quote(shorten(note.text, _NOTE_LIMIT, self._ellipsis)))
            rows.append([[{"t": "back", "n": note.number, "href": f"#ref-{note.number}-1"}],
                         text(self.where(note.ref)), text(quote)])
            ids.append(f"note-{note.number}")
        return [self.table(header, rows, cls="notes", ids=ids)] if rows else []


class CaseStudy(Story):
    """The case study: the sections of :class:`casebook.render.pdf.build._Story`, as blocks."""

    def __init__(self, case: Case, wording: Any, charts: Any) -> None:
        super().__init__(case, wording)
        self._source_index = {src.id: k for k, src in enumerate(case.sources, start=1)}
        self.charts = charts  # draws the exhibits (see :mod:`casebook.render.html.exhibits`)

    def fact(self, fact: Fact) -> Inline:
        note_text = label(self.labels.pdf_fact_note(fact.label, fact.value.plain))
        return self.noted(runs(fact.value), fact.source, note_text)

    def point(self, point: Point) -> Inline:
        point_label = point.label.strip() if point.label else ""
        note_text = label(self.labels.pdf_fact_note(point_label, point.text.plain))
        content = runs(point.text)
        if point_label:
            content = [*text(label(self.labels.pdf_field_label(point_label)), b=True), *text(" "), *content]
        return self.noted(content, point.source, note_text)

    def particulars(self, *, notes: bool = False) -> list[tuple[Inline, Inline]]:
        film, labels = self.case.film, self.labels

        def value(shown: str, ref: SourceRef, note_text: str) -> Inline:
            return self.noted(text(shown), ref, note_text) if notes else text(shown)

        rows: list[tuple[Inline, Inline]] = []
        if film.director and film.director.value.strip():
            director = film.director.value
            rows.append((text(label(labels.film_director)), value(director, film.director.source, director)))
        if film.year:
            rows.append((text(label(labels.film_year)), text(film.year)))
        if film.runtime:
            minutes = label(labels.minutes(film.runtime.minutes))
            rows.append((text(label(labels.film_runtime)), value(minutes, film.runtime.source, film.runtime.text)))
        if film.premiere and (film.premiere.festival or film.premiere.date or film.premiere.section):
            premiere = label(labels.premiere(film.premiere))
            rows.append((text(label(labels.film_premiere)), value(premiere, film.premiere.source, premiere)))
        others = [t for t in film.alternative_titles if t.strip()]
        if others:
            titles: Inline = []
            for k, other in enumerate(others):
                if k:
                    titles.extend(text(str(labels.pdf_list_separator)))
                titles.extend(text(other, i=True))
            rows.append((text(label(labels.pdf_alternative_titles)), titles))
        return rows

    def cover(self) -> dict[str, Any]:
        case, labels = self.case, self.labels
        return {
            "kind": label(labels.document_kind),
            "title": clean(case.title),
            "subtitle": label(labels.cover_subtitle(case)),
            "particulars": self.particulars(),
            "note": label(labels.pdf_cover_note(case)),
            "notice": "",
        }

    # --- sections, in the order of render/outline.py ---

    def executive_summary(self) -> list[Block]:
        groups = [g for g in self.case.executive_summary if g.facts or any(p.text for p in g.paragraphs)]
        if not groups:
            return []
        money = self.charts.of_kind("budget_box_office")
        drawn = {bar.source for bar in money.bars} if money else set()
        last = max((k for k, g in enumerate(groups) if any(f.source in drawn for f in g.facts)), default=len(groups) - 1)
        out = self.section(self.labels.executive_summary)
        for k, group in enumerate(groups):
            if group.title and group.title.strip():
                out.append(self.heading(group.title, 1, toc=True))
            out.extend(self._group_body(group.facts, group.paragraphs))
            if k == last:
                out.extend(self.see("budget_box_office"))
        return out

    def see(self, kind: str) -> list[Block]:
        exhibit = self.charts.of_kind(kind)
        if exhibit is None or not self.charts.has_body(exhibit):
            return []
        return [self.para([{"t": "link", "href": f"#exhibit-{exhibit.number}",
                            "text": label(self.labels.exhibit_see(exhibit))}], "see")]

    def _group_body(self, facts: Sequence[Fact], paragraphs: Sequence[CaseParagraph]) -> list[Block]:
        items = sorted(
            [*((f.source.first_line, 0, f) for f in facts), *((p.source.first_line, 1, p) for p in paragraphs if p.text)],
            key=lambda item: item[:2],
        )
        out: list[Block] = []
        run: list[Fact] = []

        def flush() -> None:
            if not run:
                return
            if run[0].columns:
                names = [str(c) for c in run[0].columns]
                header = [names[0], str(self.labels.pdf_columns_separator).join(names[1:])]
                out.append(self.table(header, [[text(f.label or ""), self.fact(f)] for f in run]))
            elif any(f.label for f in run):
                out.append(self.facts([(text(f.label or ""), self.fact(f)) for f in run]))
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

    def text_blocks(self, blocks: Sequence[TextBlock], level: int = 1) -> list[Block]:
        out: list[Block] = []
        shown: str | None = None
        for block in blocks:
            if block.heading and block.heading.strip() and block.heading != shown:
                out.append(self.heading(block.heading, level, toc=False))
            shown = block.heading
            out.extend(self.text_block(block, level))
        return out

    def text_block(self, block: TextBlock, level: int = 1) -> list[Block]:
        body = block.text or None
        if block.kind == "heading" and body:
            return [self.heading(body.plain, level, toc=False)]
        if block.kind == "list":
            items = [runs(item) for item in block.items]
            if not any(plain(i).strip() for i in items):
                return []
            items[-1] = self.noted(items[-1], block.source, " ".join(i.plain for i in block.items))
            return self.bullets(items, ordered=block.ordered)
        if block.kind == "table":
            columns = max([len(block.header), *(len(r) for r in block.rows)])
            header = [*block.header, *([""] * (columns - len(block.header)))]
            rows = [[runs(cell) for cell in row] + [[] for _ in range(columns - len(row))] for row in block.rows]
            if not rows:
                return []
            note = " ".join(c.plain for row in block.rows for c in row)
            last = block.rows[-1]
            rows[-1][len(last) - 1] = self.noted(runs(last[-1]), block.source, note)
            return [self.table(header, rows, row_heads=False)]
        if body is None or not body:
            return []
        if block.kind == "code":
            lines: Inline = []
            for k, line in enumerate(body.plain.split("\n")):
                if k:
                    lines.append({"t": "br"})
                lines.extend(text(line))
            return [self.para(self.noted(lines, block.source, body.plain), "code")]
        return [self.para(self.noted(runs(body), block.source, body.plain), "quote" if block.kind == "quote" else "")]

    def film(self) -> list[Block]:
        rows = self.particulars(notes=True)
        synopsis = [p for p in self.case.film.synopsis if p.text]
        if not rows and not synopsis:
            return []
        out = self.section(self.labels.the_film)
        if rows:
            out.append(self.facts(rows))
        if synopsis:
            out.append(self.heading(label(self.labels.synopsis), 1, toc=True))
            out.extend(self.para(self.noted_para(p)) for p in synopsis)
        return out

    def _analysis_body(self, block: AnalysisPart | AnalysisSection) -> list[Block]:
        out: list[Block] = [self.para(self.noted_para(p)) for p in block.paragraphs if p.text]
        out.extend(self.bullets([self.point(p) for p in block.points if p.text or p.label]))
        return out

    def _part_heading(self, part: AnalysisPart) -> str:
        if part.heading.strip():
            return part.heading
        if part.kind in ("introduction", "body", "conclusion"):
            kind = label(getattr(self.labels, part.kind))
            return f"{kind}: {part.title}" if part.title.strip() else kind
        return part.title

    def analysis(self) -> list[Block]:
        if self.case.analysis is None:
            return []
        # built in the PDF's order (body, then sub-sections, then the heading): the note numbers follow it
        blocks: list[list[Block]] = []
        for part in self.case.analysis.parts:
            body = self._analysis_body(part)
            subsections: list[Block] = []
            for section in part.sections:
                content = self._analysis_body(section)
                if not content:
                    continue
                if section.title.strip():
                    subsections.append(self.heading(section.title, 2, toc=False))
                subsections.extend(content)
            if not body and not subsections:
                continue
            heading = self._part_heading(part)
            block: list[Block] = [self.heading(heading, 1, toc=True)] if heading.strip() else []
            blocks.append([*block, *body, *subsections])
        if not blocks:
            return []
        out = self.section(self.labels.strategic_analysis)
        for block in blocks:
            out.extend(block)
        return out

    def ledger(self) -> list[Block]:
        ledger = self.case.ledger
        if ledger is None:
            return []
        entries = [e for e in ledger.entries if e.title.strip() or any(p.text for p in e.paragraphs)]
        if not entries and not ledger.blocks:
            return []
        labels = self.labels
        out = self.section(labels.directors_ledger)
        if ledger.title and ledger.title.strip():
            out.append(self.para(text(ledger.title), "lead"))
        byline: Inline = []
        if ledger.director and ledger.director.strip():
            byline.extend([*text(label(labels.pdf_field_label(labels.ledger_director)), b=True), *text(" "),
                           *text(ledger.director)])
        if ledger.film and ledger.film.strip():
            if byline:
                byline.append({"t": "br"})
            byline.extend([*text(label(labels.pdf_field_label(labels.ledger_film)), b=True), *text(" ")])
            if ledger.film_line:
                byline.extend(runs(ledger.film_line))
            else:
                byline.extend(text(label(labels.pdf_ledger_film(ledger)), i=True))
        if byline:
            out.append(self.para(byline, "byline"))
        out.extend(self.text_blocks(ledger.blocks, level=1))
        for entry in entries:
            out.append(self.heading(label(labels.ledger_entry(entry)), 1, toc=True))
            if entry.subtitle and entry.subtitle.strip():
                out.append(self.para(text(entry.subtitle), "subtitle"))
            shown: list[tuple[int, list[Block]]] = [(p.source.first_line, [self.para(self.noted_para(p))])
                                                    for p in entry.paragraphs if p.text]
            shown.extend((b.source.first_line, self.text_block(b)) for b in entry.blocks)
            for _, blocks in sorted(shown, key=lambda item: item[0]):
                out.extend(blocks)
        return out

    def _impact(self, holder: Stakeholder) -> Inline:
        parts: list[Inline] = [runs(holder.impact)] if holder.impact else []
        for fact in holder.details:
            content = runs(fact.value)
            if fact.label:
                content = [*text(label(self.labels.pdf_field_label(fact.label)), b=True), *text(" "), *content]
            parts.append(content)
        out: Inline = []
        for k, part in enumerate(parts):
            if k:
                out.append({"t": "br"})
            out.extend(part)
        return self.noted(out, holder.source, label(self.labels.pdf_stakeholder_note(holder)))

    def stakeholders(self) -> list[Block]:
        people = self.case.stakeholders
        loose = self.case.stakeholder_blocks
        if not people and not loose:
            return []
        labels = self.labels
        header = [labels.stakeholder_role, labels.stakeholder_name, labels.stakeholder_outcome, labels.stakeholder_impact]
        items = sorted([*((p.source.first_line, 0, p) for p in people), *((b.source.first_line, 1, b) for b in loose)],
                       key=lambda item: item[:2])
        out: list[Block] = [*self.section(labels.stakeholder_balance_sheet)]
        title = self.last_heading
        rows: list[list[Inline]] = []
        blocks: list[TextBlock] = []
        for _, _, item in items:
            if isinstance(item, Stakeholder):
                out.extend(self.text_blocks(blocks))
                blocks = []
                rows.append([text(item.role), text(item.name), runs(item.outcome), self._impact(item)])
            else:
                if rows:
                    out.append(self.table(header, rows, caption=title))
                    rows = []
                blocks.append(item)
        out.extend(self.text_blocks(blocks))
        if rows:
            out.append(self.table(header, rows, caption=title))
        return [*out, *self.see("stakeholder_outcomes")] if people else out

    def exhibits_section(self) -> list[Block]:
        return self.charts.section(self)

    def _quote(self, quote: Quote) -> Block:
        paragraphs = [p for p in quote.paragraphs if p.strip()]
        said = " ".join(paragraphs)
        by = self.noted(text(label(self.labels.pdf_quote_attribution(quote))), quote.source, said)
        return {"type": "quote", "paragraphs": [text(p) for p in paragraphs], "by": by}

    def quotes(self) -> list[Block]:
        quotes = [q for q in self.case.press.quotes if any(p.strip() for p in q.paragraphs)]
        if not quotes:
            return []
        return [*self.section(self.labels.in_their_words), *(self._quote(q) for q in quotes)]

    def _source_ids(self, refs: Sequence[SourceRef]) -> Inline:
        ids = {ref.source for ref in refs}
        known = [src.id for src in self.case.sources if src.id in ids]
        unknown = sorted(ids - set(known))
        out: Inline = []
        pieces = [{"t": "link", "href": f"#source-{self._source_index[i]}", "text": clean(i)} for i in known]
        pieces += [p for u in unknown for p in text(u)]
        for k, piece in enumerate(pieces):
            if k:
                out.extend(text(str(self.labels.pdf_source_ids_separator)))
            out.append(piece)
        return out

    def cast(self) -> list[Block]:
        people = [p for p in self.case.people if p.name.strip()]
        if not people:
            return []
        labels = self.labels

        def name(person: Person) -> Inline:
            out = name_text(person.name)
            aliases = [a for a in person.aliases if a.strip() and a != person.name]
            if aliases:
                out += [{"t": "br"}, {"t": "small", "content": with_names(labels.pdf_aliases, aliases)}]
            return out

        def roles(person: Person) -> Inline:
            seen: set[str] = set()
            shown: list[str] = []
            for role in person.roles:
                if role.strip() and role.casefold() not in seen:
                    seen.add(role.casefold())
                    shown.append(role)
            out = text(str(labels.pdf_roles_separator).join(shown))
            for part in (p for p in person.parts if p.strip()):
                if out:
                    out += text(str(labels.pdf_roles_separator))
                out += with_names(labels.pdf_part, part)
            return out

        header = [labels.person_name, labels.person_roles, labels.person_sources]
        rows = [[name(p), roles(p), self._source_ids([m.source for m in p.mentions])] for p in people]
        return [*self.section(labels.cast_and_crew), self.table(header, rows)]

    def timeline(self) -> list[Block]:
        labels = self.labels
        merged = [
            (label(labels.event_date(event)), list(dict.fromkeys(label(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(self.case.timeline)
        ]
        if not merged:
            return []
        separator = str(labels.pdf_event_kinds_separator)
        header = [labels.event_when, labels.event_kind, labels.event_what]
        section = self.section(labels.timeline)
        rows = []
        for when, kinds, event in merged:
            what = event_told(labels, event)
            rows.append([text(when), text(separator.join(kinds)), self.noted(runs(what), event.source, what.plain)])
        return [*section, self.table(header, rows), *self.see("timeline")]

    def disagreements(self) -> list[Block]:
        conflicts = [c for c in self.case.conflicts if c.claims]
        if not conflicts:
            return []
        labels = self.labels
        header = [labels.claim_value, labels.claim_normalized, labels.claim_source]
        tables = [
            [[text(claim.value), text(label(labels.claim_reading(claim))),
              self.noted(text(self.where(claim.source)), claim.source, claim.value)]
             for claim in conflict.claims]
            for conflict in conflicts
        ]
        out = [*self.section(labels.disagreements), self.para(text(label(labels.disagreements_intro)), "intro")]
        for conflict, rows in zip(conflicts, tables, strict=True):
            out.append(self.heading(label(labels.conflict_title(conflict)), 1, toc=True))
            out.append(self.table(header, rows, row_heads=False))
        return out

    def sources(self) -> list[Block]:
        sources = self.case.sources
        labels = self.labels
        out: list[Block] = []
        heading = self.section(labels.sources)
        if sources:
            kinds = labels.kind_names
            header = [labels.source_id, labels.source_kind, labels.source_file, labels.source_title, labels.source_sha]
            rows = [[text(src.id), text(label(kinds.get(src.kind, src.kind))), text(src.file), text(src.title or ""),
                     text(label(labels.pdf_short_sha(src.sha256)))] for src in sources]
            ids = [f"source-{self._source_index[src.id]}" for src in sources]
            out.append(self.table(header, rows, ids=ids))
        if len(self.notes):
            out.append(self.heading(label(labels.notes_heading), 1, toc=True))
            out.append(self.para(text(label(labels.pdf_notes_intro)), "intro"))
            out.extend(self.notes_table())
        if not out:
            return []
        return [*heading, *out]

    def warnings(self) -> list[Block]:
        told = [(w, self.wording.warning(w, "reader")) for w in self.case.warnings]
        items = [text(label(self.labels.pdf_warning_line(w, said))) for w, said in told if said]
        if not items:
            return []
        return [*self.section(self.labels.warnings), *self.bullets(items)]

    def other_sections(self, follows: str) -> list[Block]:
        out: list[Block] = []
        for other in self.case.business_sections:
            if other.follows == follows and other.blocks:
                title = other.title if other.title and other.title.strip() else label(self.labels.business_preface)
                out.extend([*self.section(title), *self.text_blocks(other.blocks)])
        return out


def exhibit_events(labels: Any, exhibit: Exhibit) -> list[tuple[str, str, str, Event]]:
    """The timeline exhibit's events, oldest first, as (number, kinds, short date, event); one per mark."""
    merged = [
        (list(dict.fromkeys(label(labels.event_kinds.get(k, k)) for k in kinds)), event)
        for kinds, event in told_once(sorted(exhibit.events, key=Event.when))
    ]
    return [(str(n), label(labels.exhibit_event_kinds(kinds)), label(labels.exhibit_event_date(event)), event)
            for n, (kinds, event) in enumerate(merged, start=1)]


class TeachingNote(Story):
    """The teaching note: the sections of :mod:`casebook.render.pdf.teaching`, as blocks."""

    def __init__(self, case: Case, wording: Any) -> None:
        super().__init__(case, wording)
        self.t = wording.teaching

    def cover(self) -> dict[str, Any]:
        t = self.t
        return {"kind": label(t.title), "title": clean(self.case.title), "subtitle": label(t.cover_subtitle(self.case)),
                "particulars": [], "notice": label(t.for_instructors), "note": label(self.labels.pdf_cover_note(self.case))}

    def synopsis(self) -> list[Block]:
        paragraphs = [self.para(runs(p.text)) for p in self.case.film.synopsis if p.text]
        if not paragraphs:
            verdict = next((g for g in self.case.executive_summary if g.role == "verdict" and g.facts), None)
            if verdict is None:
                return []
            paragraphs = [self.para(text(label(self.t.verdict_intro)), "intro")]
            for fact in verdict.facts:
                content = runs(fact.value)
                if fact.label and fact.label.strip():
                    content = [*text(label(self.labels.pdf_field_label(fact.label)), b=True), *text(" "), *content]
                paragraphs.append(self.para(content))
        return [*self.section(self.t.synopsis_heading), *paragraphs]

    def objectives(self) -> list[Block]:
        items = [text(o) for o in self.t.objectives if str(o).strip()]
        if not items:
            return []
        return [*self.section(self.t.objectives_heading), *self.bullets(items)]

    def questions(self) -> list[Block]:
        questions = [q for q in self.t.questions if str(q["ask"]).strip()]
        if not questions:
            return []
        t = self.t
        out = self.section(t.questions_heading)
        for n, q in enumerate(questions, start=1):
            out.append(self.heading(f"{label(t.question_number(n))} {q['ask']}", 1, toc=True))
            out.append(self.para(text(label(t.tied_line(q))), "tied"))
            answers = [text(a) for a in q["answer"] if str(a).strip()]
            if answers:
                out.append(self.para(text(label(t.answer_heading), b=True), "answers"))
                out.extend(self.bullets(answers))
        return out

    def board_plan(self) -> list[Block]:
        columns = [(label(c["column"]), [str(i) for i in c["items"] if str(i).strip()]) for c in self.t.board_plan]
        columns = [(name, items) for name, items in columns if items]
        if not columns:
            return []
        section = self.section(self.t.board_heading)
        board = {"type": "board", "caption": self.last_heading, "header": [name for name, _ in columns],
                 "columns": [[text(i) for i in items] for _, items in columns]}
        return [*section, board]

    def disagreements(self) -> list[Block]:
        conflicts = [c for c in self.case.conflicts if c.claims]
        if not conflicts:
            return []
        labels, case = self.labels, self.case
        known = {src.id for src in case.sources}

        def where(claim: Any) -> str:
            if claim.source.source in known:
                return label(self.t.claim_source(case, claim))
            return label(labels.source_ref(claim.source))

        header = [labels.claim_value, labels.claim_normalized, labels.claim_source]
        out = [*self.section(self.t.disagreements_heading), self.para(text(label(self.t.disagreements_intro)), "intro")]
        for conflict in conflicts:
            out.append(self.heading(label(labels.conflict_title(conflict)), 1, toc=True))
            rows = [[text(c.value), text(label(labels.claim_reading(c))), text(where(c))] for c in conflict.claims]
            out.append(self.table(header, rows, row_heads=False))
        return out
