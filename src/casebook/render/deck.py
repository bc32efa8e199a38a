"""The class deck: a 16:9 PowerPoint file built from a finished :class:`~casebook.model.case.Case`.

Slides, in order, each skipped when the case has nothing for it: title, agenda, executive summary (one
slide per fact group), strategic verdict, strategic analysis (one slide per part and per section),
director's ledger (an overview, then one slide per entry), stakeholder balance sheet (a native table)
and sources (a native table). Content too long for one slide continues on slides titled with
``labels.continued``. Every slide has speaker notes from ``templates/deck/<kind>.j2``: what to say,
and the source files and lines of what the slide shows.

All sizes and line breaks are decided here (see :mod:`casebook.render.deck_fit`); the same case and
templates give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Fact,
    FactGroup,
    Ledger,
    LedgerEntry,
    Paragraph,
    Point,
    RichText,
    SourceRef,
)
from casebook.render.deck_draw import (
    ACCENT,
    ACCENT_LIGHT,
    BODY,
    CELL_B,
    CELL_L,
    CELL_R,
    CELL_T,
    CONTENT_W,
    COVER_KIND,
    COVER_SUB,
    COVER_SUBTITLE,
    COVER_TEXT,
    COVER_TITLE,
    EYEBROW,
    FOOTER_LEFT,
    FOOTER_RIGHT,
    INK,
    MUTED,
    TABLE_HEAD_TEXT,
    TITLE,
    DeckWriter,
    TableSpec,
    box_of,
)
from casebook.render.deck_fit import FONT_LINE_FACTOR, Box, Measure, Para, Span, clean, measure, sizes
from casebook.render.wording import Wording

# Font sizes (points): largest first, down to a floor below which text continues on another slide.
BODY_SIZES = sizes(20, 14)
VERDICT_SIZES = sizes(24, 16)
AGENDA_SIZES = sizes(26, 18)
OVERVIEW_SIZES = sizes(22, 14)
TABLE_SIZES = sizes(14, 12)
TITLE_SIZES = sizes(28, 20)
COVER_TITLE_SIZES = sizes(40, 24, 2)
COVER_SUBTITLE_SIZES = sizes(20, 14)
FOOTER_SIZES = sizes(10, 8)
EYEBROW_SIZE = 13.0
COVER_KIND_SIZE = 14.0

STAKEHOLDER_COLUMNS = (0.17, 0.17, 0.19, 0.47)
SOURCE_COLUMNS = (0.08, 0.18, 0.30, 0.44)
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


def render_deck(case: Case, wording: Wording) -> bytes:
    """The class deck for ``case`` as .pptx bytes; the case is not changed."""
    return _DeckBuilder(case, wording).build()


class _DeckBuilder:
    def __init__(self, case: Case, wording: Wording) -> None:
        self.case = case
        self.wording = wording
        self.labels = wording.labels
        self.m: Measure = measure()
        self.body_box = box_of(BODY)

    # --- text helpers -----------------------------------------------------------------------------

    def t(self, value: object) -> str:
        """A label or macro result as clean text."""
        return clean(str(value))

    @staticmethod
    def rich(text: RichText, color: str | None = None) -> tuple[Span, ...]:
        return tuple(Span(clean(run.text), run.bold, run.italic, color) for run in text.runs if run.text)

    def labelled(self, label: str | None, text: RichText) -> tuple[Span, ...]:
        spans = self.rich(text)
        if label:
            return (Span(self.t(self.labels.deck_label(clean(label))), bold=True), *spans)
        return spans

    # --- the deck ---------------------------------------------------------------------------------

    def build(self) -> bytes:
        sections: list[tuple[str, list[SlideSpec]]] = []
        verdict = self.case.fact_group(str(self.labels.strategic_verdict))
        groups = [g for g in self.case.executive_summary if g is not verdict and g.facts]
        summary = [s for g in groups for s in self.fact_group_slides(g)]
        if summary:
            sections.append((self.t(self.labels.executive_summary), summary))
        if verdict is not None and verdict.facts:
            sections.append((self.t(self.labels.strategic_verdict), self.verdict_slides(verdict)))
        analysis = self.analysis_slides()
        if analysis:
            sections.append((self.t(self.labels.strategic_analysis), analysis))
        ledger = self.ledger_slides(self.case.ledger) if self.case.ledger is not None else []
        if ledger:
            sections.append((self.t(self.labels.directors_ledger), ledger))
        stakeholders = self.stakeholder_slides()
        if stakeholders:
            sections.append((self.t(self.labels.stakeholder_balance_sheet), stakeholders))
        sources = self.source_slides()
        if sources:
            sections.append((self.t(self.labels.sources), sources))

        slides: list[SlideSpec] = []
        if sections:
            slides.extend(self.agenda_slides([title for title, _ in sections]))
        for _, specs in sections:
            slides.extend(specs)

        writer = DeckWriter()
        total = len(slides) + 1
        self.draw_cover(writer)
        for number, spec in enumerate(slides, start=2):
            self.draw(writer, spec, number, total)
        labels = self.labels
        writer.properties(
            title=self.case.title,
            subject=self.t(labels.cover_subtitle(self.case)),
            author=self.t(labels.deck_author),
            category=self.t(labels.deck_kind),
            keywords=self.t(labels.deck_keywords(self.case)),
        )
        return writer.to_bytes(application=self.t(labels.product))

    # --- slides of each kind ----------------------------------------------------------------------

    def flow(
        self,
        notes: str,
        eyebrow: str | None,
        title: str,
        paras: Sequence[Para],
        font_sizes: Sequence[float],
        context: dict[str, Any] | None = None,
        extra_refs: Iterable[SourceRef] = (),
    ) -> list[SlideSpec]:
        """Slides showing ``paras``, as many as they need."""
        size, pages = self.m.paginate(paras, self.body_box, font_sizes)
        out: list[SlideSpec] = []
        for i, page in enumerate(pages, start=1):
            refs = _unique([p.source for p in page if isinstance(p.source, SourceRef)])
            if i == 1:
                refs = _unique([*extra_refs, *refs])
            items = _unique([(None, p.text) if p.fragment else p.key for p in page if p.key is not None])
            spec = SlideSpec(
                notes=notes,
                title=title,
                eyebrow=eyebrow,
                body=page,
                size=size,
                context={**(context or {}), "items": [{"label": k[0], "text": k[1]} for k in items]},
                refs=refs,
                part=i,
                parts=len(pages),
            )
            out.append(spec)
        return out

    def agenda_slides(self, titles: list[str]) -> list[SlideSpec]:
        paras = [
            Para(
                spans=(
                    Span(self.t(self.labels.deck_agenda_number(n)), bold=True, color=ACCENT),
                    Span("   "),
                    Span(title),
                ),
                space_after=0.55,
                key=(None, title),
            )
            for n, title in enumerate(titles, start=1)
        ]
        slides = self.flow(
            "deck/agenda.j2",
            clean(self.case.film.title),
            self.t(self.labels.agenda),
            paras,
            AGENDA_SIZES,
            {"sections": titles},
        )
        return [replace(s, cite_all=True) for s in slides]

    def fact_paras(self, facts: Sequence[Fact], bullet: bool = True) -> list[Para]:
        return [
            Para(
                spans=self.labelled(f.label, f.value),
                bullet=self.t(self.labels.deck_bullet) if bullet else None,
                space_after=0.5,
                source=f.source,
                key=(clean(f.label), clean(f.value.plain)),
            )
            for f in facts
        ]

    def fact_group_slides(self, group: FactGroup) -> list[SlideSpec]:
        return self.flow(
            "deck/summary.j2",
            self.t(self.labels.executive_summary),
            clean(group.title),
            self.fact_paras(group.facts),
            BODY_SIZES,
            {"group": clean(group.title)},
            [group.source],
        )

    def verdict_slides(self, group: FactGroup) -> list[SlideSpec]:
        paras: list[Para] = []
        for i, fact in enumerate(group.facts):
            key = (clean(fact.label), clean(fact.value.plain))
            paras.append(
                Para(
                    spans=(Span(clean(fact.label), bold=True, color=ACCENT),),
                    scale=0.75,
                    space_before=0.0 if i == 0 else 0.9,
                    space_after=0.15,
                    keep_with_next=True,
                    source=fact.source,
                    key=key,
                )
            )
            paras.append(Para(spans=self.rich(fact.value), space_after=0.2, source=fact.source, key=key))
        return self.flow(
            "deck/verdict.j2",
            self.t(self.labels.executive_summary),
            clean(group.title),
            paras,
            VERDICT_SIZES,
            {"group": clean(group.title)},
            [group.source],
        )

    def text_paras(self, paragraphs: Sequence[Paragraph], points: Sequence[Point]) -> list[Para]:
        paras = [
            Para(spans=self.rich(p.text), space_after=0.5, source=p.source, key=(None, clean(p.text.plain)))
            for p in paragraphs
            if p.text
        ]
        bullet = self.t(self.labels.deck_bullet)
        paras.extend(
            Para(
                spans=self.labelled(pt.label, pt.text),
                bullet=bullet,
                space_after=0.4,
                source=pt.source,
                key=(clean(pt.label) if pt.label else None, clean(pt.text.plain)),
            )
            for pt in points
            if pt.text or pt.label
        )
        return paras

    def analysis_slides(self) -> list[SlideSpec]:
        if self.case.analysis is None:
            return []
        label = self.t(self.labels.strategic_analysis)
        out: list[SlideSpec] = []
        for part in self.case.analysis.parts:
            out.extend(self.part_slides(label, part))
        return out

    def part_slides(self, label: str, part: AnalysisPart) -> list[SlideSpec]:
        out: list[SlideSpec] = []
        heading = clean(part.heading or part.title)
        paras = self.text_paras(part.paragraphs, part.points)
        context = {"part_heading": heading, "kind": part.kind, "section": None}
        if paras:
            out.extend(self.flow("deck/analysis.j2", label, heading, paras, BODY_SIZES, context, [part.source]))
        for section in part.sections:
            out.extend(self.section_slides(label, heading, section))
        return out

    def section_slides(self, label: str, heading: str, section: AnalysisSection) -> list[SlideSpec]:
        paras = self.text_paras(section.paragraphs, section.points)
        if not paras:
            return []
        return self.flow(
            "deck/analysis.j2",
            self.t(self.labels.deck_section(label, heading)),
            clean(section.title),
            paras,
            BODY_SIZES,
            {"part_heading": heading, "section": clean(section.title)},
            [section.source],
        )

    def ledger_slides(self, ledger: Ledger) -> list[SlideSpec]:
        label = self.t(self.labels.directors_ledger)
        paras: list[Para] = []
        if ledger.director:
            paras.append(
                Para(
                    spans=(
                        Span(self.t(self.labels.deck_label(self.labels.ledger_director)), bold=True),
                        Span(clean(ledger.director)),
                    ),
                    space_after=0.2,
                    source=ledger.source,
                )
            )
        if ledger.film:
            paras.append(
                Para(
                    spans=(
                        Span(self.t(self.labels.deck_label(self.labels.ledger_film)), bold=True),
                        Span(self.t(self.labels.deck_ledger_film(ledger)), italic=False),
                    ),
                    space_after=0.2,
                    source=ledger.source,
                )
            )
        if paras:
            paras[-1] = replace(paras[-1], space_after=0.9)
        bullet = self.t(self.labels.deck_bullet)
        for entry in ledger.entries:
            spans: list[Span] = [Span(self.t(self.labels.ledger_entry(entry)), bold=True)]
            if entry.subtitle:
                spans += [Span(self.t(self.labels.deck_separator)), Span(clean(entry.subtitle), italic=True)]
            paras.append(
                Para(
                    spans=tuple(spans),
                    bullet=bullet,
                    space_after=0.35,
                    source=entry.source,
                    key=(self.t(self.labels.ledger_entry(entry)), clean(entry.subtitle))
                    if entry.subtitle
                    else (None, self.t(self.labels.ledger_entry(entry))),
                )
            )
        out: list[SlideSpec] = []
        if paras:
            context = {
                "ledger_title": clean(ledger.title or ""),
                "director": clean(ledger.director or ""),
                "film": self.t(self.labels.deck_ledger_film(ledger)) if ledger.film else "",
                "entries": len(ledger.entries),
            }
            out.extend(
                self.flow(
                    "deck/ledger_overview.j2",
                    label,
                    clean(ledger.title) if ledger.title else label,
                    paras,
                    OVERVIEW_SIZES,
                    context,
                    [ledger.source],
                )
            )
        for entry in ledger.entries:
            out.extend(self.entry_slides(label, entry))
        return out

    def entry_slides(self, label: str, entry: LedgerEntry) -> list[SlideSpec]:
        paras: list[Para] = []
        if entry.subtitle:
            paras.append(
                Para(
                    spans=(Span(clean(entry.subtitle), italic=True, color=ACCENT),),
                    scale=1.1,
                    space_after=0.5,
                    keep_with_next=True,
                    source=entry.source,
                )
            )
        paras.extend(
            Para(spans=self.rich(p.text), space_after=0.5, source=p.source, key=(None, clean(p.text.plain)))
            for p in entry.paragraphs
            if p.text
        )
        if not paras:
            return []
        return self.flow(
            "deck/ledger_entry.j2",
            label,
            self.t(self.labels.ledger_entry(entry)),
            paras,
            BODY_SIZES,
            {"number": entry.number, "entry": clean(entry.title), "subtitle": clean(entry.subtitle or "")},
            [entry.source],
        )

    # --- tables -----------------------------------------------------------------------------------

    def stakeholder_slides(self) -> list[SlideSpec]:
        people = self.case.stakeholders
        if not people:
            return []
        labels = self.labels
        header = [
            self.t(labels.stakeholder_role),
            self.t(labels.stakeholder_name),
            self.t(labels.stakeholder_outcome),
            self.t(labels.stakeholder_impact),
        ]
        rows: list[_Row] = []
        for s in people:
            rows.append(
                _Row(
                    cells=(
                        (Para(spans=(Span(clean(s.role), bold=True),)),),
                        (Para(spans=(Span(clean(s.name)),)),),
                        (Para(spans=self.rich(s.outcome)),),
                        (Para(spans=self.rich(s.impact)),),
                    ),
                    source=s.source,
                    key={
                        "role": clean(s.role),
                        "name": clean(s.name),
                        "outcome": clean(s.outcome.plain),
                        "impact": clean(s.impact.plain),
                    },
                )
            )
        return self.table_slides(
            "deck/stakeholders.j2",
            clean(self.case.film.title),
            self.t(labels.stakeholder_balance_sheet),
            header,
            rows,
            STAKEHOLDER_COLUMNS,
            repeat=2,
        )

    def source_slides(self) -> list[SlideSpec]:
        if not self.case.sources:
            return []
        labels = self.labels
        header = [self.t(labels.source_id), self.t(labels.source_kind), self.t(labels.source_file), self.t(labels.source_title)]
        rows = [
            _Row(
                cells=(
                    (Para(spans=(Span(clean(s.id), bold=True),)),),
                    (Para(spans=(Span(self.t(labels.kind_names[s.kind])),)),),
                    (Para(spans=(Span(clean(s.file)),)),),
                    (Para(spans=(Span(clean(s.title or "")),)),),
                ),
                source=None,
                key={
                    "id": clean(s.id),
                    "kind": self.t(labels.kind_names[s.kind]),
                    "file": clean(s.file),
                    "title": clean(s.title or ""),
                    "lines": s.lines,
                    "sha256": s.sha256,
                },
            )
            for s in self.case.sources
        ]
        return self.table_slides(
            "deck/sources.j2",
            clean(self.case.film.title),
            self.t(labels.sources),
            header,
            rows,
            SOURCE_COLUMNS,
            repeat=1,
        )

    def table_slides(
        self,
        notes: str,
        eyebrow: str | None,
        title: str,
        header: list[str],
        rows: list[_Row],
        fractions: Sequence[float],
        repeat: int,
    ) -> list[SlideSpec]:
        widths = _widths(fractions, CONTENT_W)
        head = tuple((Para(spans=(Span(h, bold=True, color=TABLE_HEAD_TEXT),)),) for h in header)
        fitter = _TableFitter(self.m, widths, BODY[3])
        size, pages = fitter.paginate(head, rows, TABLE_SIZES, repeat)
        out: list[SlideSpec] = []
        for i, page in enumerate(pages, start=1):
            heights = tuple(fitter.row_height(r, size) for r in (head, *(row.cells for row in page)))
            spec = TableSpec(
                widths=widths,
                header=head,
                rows=tuple(row.cells for row in page),
                size=size,
                heights=heights,
                description=title,
            )
            out.append(
                SlideSpec(
                    notes=notes,
                    title=title,
                    eyebrow=eyebrow,
                    size=size,
                    table=spec,
                    context={"rows": [{**row.key, "continued": row.continued} for row in page]},
                    refs=_unique([row.source for row in page if row.source is not None]),
                    part=i,
                    parts=len(pages),
                )
            )
        return out

    # --- drawing ----------------------------------------------------------------------------------

    def title_para(
        self, text: str, rect: tuple[float, float, float, float], font_sizes: Sequence[float], color: str, bold: bool = True
    ) -> tuple[Para, float]:
        """A one-paragraph frame fitted to ``rect``: the largest size that fits, else shortened."""
        para = Para(spans=(Span(text, bold=bold, color=color),))
        box = box_of(rect)
        size = self.m.largest_fit([para], box, font_sizes)
        if size is not None:
            return para, size
        size = font_sizes[-1]
        return self.m.shorten(para, box, size, self.t(self.labels.deck_ellipsis)), size

    def draw_cover(self, writer: DeckWriter) -> None:
        kind, kind_size = self.title_para(self.t(self.labels.deck_kind), COVER_KIND, [COVER_KIND_SIZE], ACCENT_LIGHT)
        title, title_size = self.title_para(clean(self.case.title), COVER_TITLE, COVER_TITLE_SIZES, COVER_TEXT)
        subtitle, subtitle_size = self.title_para(
            self.t(self.labels.cover_subtitle(self.case)),
            COVER_SUBTITLE,
            COVER_SUBTITLE_SIZES,
            COVER_SUB,
            bold=False,
        )
        slide = writer.cover_slide(kind, title, title_size, subtitle, subtitle_size)
        context = {
            "case_title": clean(self.case.title),
            "subtitle": subtitle.text,
            "film": clean(self.case.film.title),
            "director": clean(self.case.film.director.value) if self.case.film.director else "",
            "year": self.case.film.year,
        }
        refs = []
        if self.case.film.director is not None:
            refs.append(self.case.film.director.source)
        spec = SlideSpec(notes="deck/cover.j2", title=clean(self.case.title), context=context, refs=refs)
        writer.notes(slide, self.notes_text(spec, all_sources=True))

    def draw(self, writer: DeckWriter, spec: SlideSpec, number: int, total: int) -> None:
        title_text = spec.title
        if spec.parts > 1:
            title_text = self.t(self.labels.continued(spec.title, spec.part, spec.parts))
        title, title_size = self.title_para(title_text, TITLE, TITLE_SIZES, INK)
        eyebrow = None
        if spec.eyebrow:
            eyebrow, _ = self.title_para(spec.eyebrow, EYEBROW, [EYEBROW_SIZE], ACCENT)
        slide = writer.content_slide(eyebrow, title, title_size)
        if spec.table is not None:
            writer.table(slide, spec.table, BODY[1])
        elif spec.body:
            writer.text_box(slide, BODY, spec.body, spec.size, name="Body")
        left, left_size = self.title_para(
            self.t(self.labels.footer_left(self.case)), FOOTER_LEFT, FOOTER_SIZES, MUTED, bold=False
        )
        right, right_size = self.title_para(
            self.t(self.labels.deck_slide_number(number, total)), FOOTER_RIGHT, FOOTER_SIZES, MUTED, bold=False
        )
        right = replace(right, align="right")
        writer.footer(slide, left, left_size, right, right_size)
        writer.notes(slide, self.notes_text(replace(spec, title=title_text), all_sources=spec.cite_all))

    # --- notes ------------------------------------------------------------------------------------

    def notes_text(self, spec: SlideSpec, all_sources: bool = False) -> str:
        context = dict(spec.context)
        context.update(
            title=spec.title,
            part=spec.part,
            parts=spec.parts,
            sources=self.cited(spec.refs),
            all_sources=[{"id": s.id, "file": s.file, "kind": str(self.labels.kind_names[s.kind])} for s in self.case.sources]
            if all_sources
            else [],
        )
        return "\n".join(self.wording.paragraphs(spec.notes, **context))

    def cited(self, refs: Sequence[SourceRef]) -> list[dict[str, Any]]:
        """The source files behind ``refs``, each with its merged line spans, in order of first mention."""
        files: dict[str, dict[str, Any]] = {}
        for ref in refs:
            source = next((s for s in self.case.sources if s.id == ref.source), None)
            file = source.file if source is not None else ref.source
            entry = files.setdefault(file, {"file": file, "id": ref.source, "spans": []})
            entry["spans"].append((ref.first_line, max(ref.first_line, ref.last_line)))
        for entry in files.values():
            entry["spans"] = [{"first": a, "last": b} for a, b in _merge(entry["spans"])]
        return list(files.values())


# --- tables ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[Para, ...], ...]
    source: SourceRef | None
    key: dict[str, Any]
    continued: bool = False


class _TableFitter:
    """Row heights and pages for a table of fixed column widths, at a font size."""

    def __init__(self, m: Measure, widths: Sequence[float], max_height: float) -> None:
        self.m = m
        self.widths = tuple(widths)
        self.max_height = max_height

    def cell_box(self, column: int, height: float = 10_000.0) -> Box:
        return Box(self.widths[column], height, CELL_L, CELL_R, CELL_T, CELL_B, FONT_LINE_FACTOR)

    def row_height(self, cells: Sequence[Sequence[Para]], size: float) -> float:
        return max(self.m.height(list(paras), size, self.cell_box(c)) for c, paras in enumerate(cells))

    def paginate(
        self, head: tuple[tuple[Para, ...], ...], rows: list[_Row], font_sizes: Sequence[float], repeat: int
    ) -> tuple[float, list[list[_Row]]]:
        # Sizes at which no word is broken between letters come first; the floor is always there.
        whole = [s for s in font_sizes[:-1] if not self.breaks_words(head, rows, s)] + [font_sizes[-1]]
        for size in whole:
            if self.page_height(head, rows, size) <= self.max_height:
                return size, [rows]
        # As few pages as the smallest size allows, at the largest size that needs no more.
        fewest = len(self.pack(head, rows, whole[-1], repeat))
        for size in whole:
            pages = self.pack(head, rows, size, repeat)
            if len(pages) <= fewest:
                return size, pages
        return whole[-1], self.pack(head, rows, whole[-1], repeat)  # pragma: no cover

    def breaks_words(self, head, rows: Sequence[_Row], size: float) -> bool:
        for cells in (head, *(r.cells for r in rows)):
            for c, paras in enumerate(cells):
                width = self.cell_box(c).text_width
                if any(self.m.breaks_words(p, p.size(size), width) for p in paras):
                    return True
        return False

    def page_height(self, head, rows: Sequence[_Row], size: float) -> float:
        return self.row_height(head, size) + sum(self.row_height(r.cells, size) for r in rows)

    def pack(self, head, rows: list[_Row], size: float, repeat: int) -> list[list[_Row]]:
        pages: list[list[_Row]] = []
        page: list[_Row] = []
        queue = list(rows)
        while queue:
            row = queue.pop(0)
            room = self.max_height - self.page_height(head, page, size)
            height = self.row_height(row.cells, size)
            if height <= room:
                page.append(row)
                continue
            empty_room = self.max_height - self.row_height(head, size)
            if page and (height <= empty_room or room < MIN_SPLIT_ROOM):
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

    def split(self, row: _Row, room: float, size: float, repeat: int) -> tuple[_Row, _Row | None]:
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


def _widths(fractions: Sequence[float], total: float) -> tuple[float, ...]:
    scale = total / sum(fractions)
    widths = [round(f * scale, 1) for f in fractions[:-1]]
    return (*widths, round(total - sum(widths), 1))


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


__all__ = ["render_deck"]
