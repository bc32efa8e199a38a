"""The class deck: a PowerPoint file built from a finished :class:`~casebook.model.case.Case`.

Slides, in order, each skipped when the case has nothing for it: title, agenda (each entry a link to
the first slide of its section), the film (particulars and synopsis), executive summary (one slide per
fact group), strategic verdict (the group whose role is "verdict"), strategic analysis (one slide per
part and per section), director's ledger (an overview, then one slide per entry), stakeholder balance
sheet (a native table), exhibits (one slide each: a native bar chart of budget against box office,
native tables for the timeline and the stakeholder outcomes; see :mod:`casebook.render.deck.exhibits`),
in their words (the press quotes), timeline (a native table), where the sources disagree (a native
table, one heading row per conflict), discussion questions (one slide per question of the teaching
note, its lines of answer in the notes) and sources (a native table). Content too long for one slide
continues on slides titled with ``labels.continued``. Every slide has speaker notes from
``templates/deck/<kind>.j2``: what to say, and the source files and lines of what the slide shows.
Every table, chart and picture carries alternative text.

The look comes from a :class:`~casebook.theme.Theme`: its colours, font family (measured with its
TrueType files) and deck font sizes; or, when the theme names a .pptx template, the template's slide
master, layouts, slide size, fonts and colours (:mod:`casebook.render.deck.template`).

All sizes and line breaks are decided here (see :mod:`casebook.render.deck.fit`); the same case,
templates and theme give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from casebook.model.case import (
    AnalysisPart,
    AnalysisSection,
    Case,
    Conflict,
    Fact,
    FactGroup,
    Ledger,
    LedgerEntry,
    Paragraph,
    Point,
    Quote,
    RichText,
    SourceRef,
    Stakeholder,
    TextBlock,
    told_once,
)
from casebook.render.deck.charts import draw_chart
from casebook.render.deck.exhibits import ExhibitSlides
from casebook.render.deck.fit import WIDTH_SAFETY, Measure, Para, Span, clean, measure_for, sizes, spans_of
from casebook.render.deck.grid import DEFAULT_GRID, box_of
from casebook.render.deck.palette import DeckLook, Palette
from casebook.render.deck.spec import Row, SlideSpec, TableFitter, merge, split_rect, unique, widths_of
from casebook.render.deck.writer import DeckWriter, TableSpec
from casebook.render.event_words import event_told
from casebook.render.outline import DECK_LEAVES_OUT, Section, follow, outline
from casebook.render.text.fonts import FontFiles, open_sans
from casebook.theme import Theme
from casebook.wording import Wording

# Font sizes (points): largest first, down to a floor below which text continues on another slide.
TITLE_SIZES = sizes(28, 20)
COVER_TITLE_SIZES = sizes(40, 24, 2)
COVER_SUBTITLE_SIZES = sizes(20, 14)
FOOTER_SIZES = sizes(10, 8)
EYEBROW_SIZE = 13.0
COVER_KIND_SIZE = 14.0
INTRO_SIZE = 14.0
FOOT_SIZE = 12.0  # an exhibit's sources and notes under it

STAKEHOLDER_COLUMNS = (0.17, 0.17, 0.19, 0.47)
SOURCE_COLUMNS = (0.08, 0.18, 0.30, 0.44)
TIMELINE_COLUMNS = (0.18, 0.14, 0.68)
CLAIM_COLUMNS = (0.64, 0.36)
# The agenda is set in two columns when it has more entries than this.
AGENDA_ONE_COLUMN = 6
FILM_COLUMNS = (0.36, 0.64)  # the film's particulars, its synopsis
# Space between an introductory paragraph and the table under it, and above the foot lines (points).
INTRO_GAP = 10.0
# With a template, text is measured as if its fonts were this much wider than the theme's: the
# template's fonts are not known here (a viewer may even draw them with a substitute).
TEMPLATE_WIDTH_SAFETY = 0.86


@dataclass(frozen=True)
class Sizes:
    """The font sizes of the body text of each kind of slide, from the theme's deck limits."""

    body: list[float]
    verdict: list[float]
    agenda: list[float]
    overview: list[float]
    quote: list[float]
    question: list[float]
    table: list[float]

    @classmethod
    def of(cls, theme: Theme) -> Sizes:
        d = theme.deck
        return cls(
            body=sizes(d.body_max, d.body_min),
            verdict=sizes(d.body_max + 4, d.body_min + 2),
            agenda=sizes(d.body_max + 6, d.body_min + 4),
            overview=sizes(d.body_max + 2, d.body_min),
            quote=sizes(d.body_max + 2, d.body_min + 2),
            question=sizes(d.body_max + 8, d.body_min + 4),
            table=sizes(d.table_max, d.table_min),
        )


def theme_fonts(theme: Theme) -> FontFiles:
    """The TrueType files of the theme's family; the bundled Open Sans for a style given as builtin."""
    builtin = open_sans()
    paths = {}
    for style in ("regular", "bold", "italic", "bold_italic"):
        path = theme.font_path(style)  # type: ignore[arg-type]
        paths[style] = path if path is not None else getattr(builtin, style)
    if all(paths[s] == getattr(builtin, s) for s in paths) and theme.fonts.family == builtin.family:
        return builtin
    return FontFiles(family=theme.fonts.family, **paths)


class _DeckBuilder(ExhibitSlides):
    #: the film's particulars beside its synopsis on one slide, when they fit
    film_card = True

    def __init__(self, case: Case, wording: Wording, theme: Theme) -> None:
        self.case = case
        self.wording = wording
        self.labels = wording.labels
        self.theme = theme
        template = theme.deck_template
        if template is not None:
            from casebook.render.deck.template import open_template

            opened = open_template(template)
            self.writer = DeckWriter(opened.look, opened.prs, opened.layouts)
            safety = TEMPLATE_WIDTH_SAFETY
        else:
            look = DeckLook(grid=DEFAULT_GRID, palette=Palette.of_theme(theme.colors), family=theme.fonts.family)
            self.writer = DeckWriter(look)
            safety = WIDTH_SAFETY
        self.grid = self.writer.grid
        self.c = self.writer.colors
        self.sizes = Sizes.of(theme)
        self.m: Measure = measure_for(theme_fonts(theme), safety)
        self.body_box = box_of(self.grid.body)

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

    def sections(self) -> list[tuple[str, list[SlideSpec]]]:
        """The deck's sections in the order of the case's outline (:mod:`casebook.render.outline`), each an
        agenda entry with its slides (empty ones are left out)."""
        entries = follow(outline(self.case).case_study, self.section_entries, leave_out=DECK_LEAVES_OUT)
        return [(title, specs) for section in entries for title, specs in section if specs]

    def section_entries(self, section: Section) -> list[tuple[str, list[SlideSpec]]]:
        """The agenda entries of one section of the outline, each with its slides: the executive summary is two,
        its strategic verdict apart; the parts of the business analysis shown as written are one each."""
        labels, kind = self.labels, section.kind
        if kind == "business":
            return self.other_sections(section.follows)
        if kind == "executive_summary":
            verdict = next((g for g in self.case.executive_summary if g.role == "verdict" and (g.facts or g.paragraphs)), None)
            groups = [g for g in self.case.executive_summary if g.role != "verdict" and (g.facts or g.paragraphs)]
            return [
                (self.t(labels.executive_summary), [s for g in groups for s in self.fact_group_slides(g)]),
                (self.t(labels.strategic_verdict), self.verdict_slides(verdict) if verdict is not None else []),
            ]
        if kind == "ledger":
            ledger = self.case.ledger
            return [(self.t(labels.directors_ledger), self.ledger_slides(ledger) if ledger is not None else [])]
        if kind == "questions":
            return [(self.t(self.wording.teaching.questions_heading), self.question_slides())]
        title, slides = {
            "film": (labels.the_film, self.film_slides),
            "analysis": (labels.strategic_analysis, self.analysis_slides),
            "stakeholders": (labels.stakeholder_balance_sheet, self.stakeholder_slides),
            "exhibits": (labels.exhibits, self.exhibit_slides),
            "quotes": (labels.in_their_words, self.quote_slides),
            "timeline": (labels.timeline, self.timeline_slides),
            "disagreements": (labels.disagreements, self.disagreement_slides),
            "sources": (labels.sources, self.source_slides),
        }[kind]
        return [(self.t(title), slides())]

    def build(self) -> bytes:
        labels = self.labels
        sections = self.sections()

        slides: list[SlideSpec] = []
        if sections:
            anchors = [f"section-{n}" for n in range(1, len(sections) + 1)]
            slides.extend(self.agenda_slides([title for title, _ in sections], anchors))
            for anchor, (_, specs) in zip(anchors, sections, strict=True):
                specs[0] = replace(specs[0], anchor=anchor)
                slides.extend(specs)

        writer = self.writer
        total = len(slides) + 1
        self.draw_cover(writer)
        for number, spec in enumerate(slides, start=2):
            self.draw(writer, spec, number, total)
        subject = self.t(labels.cover_subtitle(self.case))
        recipient = self.wording.recipient
        writer.properties(
            title=self.case.title,
            subject=self.t(labels.personal_subject(subject, recipient)) if recipient else subject,
            comments=self.t(labels.prepared_for(recipient)) if recipient else "",
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
        blocks: Sequence[Sequence[Para]] | None = None,
    ) -> list[SlideSpec]:
        """Slides showing ``paras``, as many as they need.

        With ``blocks`` (and empty ``paras``), each block starts a new slide rather than be split,
        unless it is too tall for a slide of its own.
        """
        if blocks is not None:
            size, pages = self.m.paginate_blocks(blocks, self.body_box, font_sizes)
        else:
            size, pages = self.m.paginate(paras, self.body_box, font_sizes)
        out: list[SlideSpec] = []
        for i, page in enumerate(pages, start=1):
            refs = unique([p.source for p in page if isinstance(p.source, SourceRef)])
            if i == 1:
                refs = unique([*extra_refs, *refs])
            items = unique([(None, p.text) if p.fragment else p.key for p in page if p.key is not None])
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

    def agenda_slides(self, titles: list[str], anchors: list[str]) -> list[SlideSpec]:
        paras = [
            Para(
                spans=(
                    Span(self.t(self.labels.deck_agenda_number(n)), bold=True, color=self.c.accent, link=anchor),
                    Span("   ", link=anchor),
                    Span(title, link=anchor),
                ),
                space_after=0.55,
                key=(None, title),
            )
            for n, (title, anchor) in enumerate(zip(titles, anchors, strict=True), start=1)
        ]
        context = {"sections": titles}
        eyebrow = clean(self.case.film.title)
        title = self.t(self.labels.agenda)
        # Each entry on one line (a viewer may treat a link as one unbreakable word), all on one slide:
        # the largest size at which one column or two (the first the longer) hold them so.
        half = (len(paras) + 1) // 2
        layouts = [[paras]]
        if len(paras) > AGENDA_ONE_COLUMN:
            layouts.insert(0, [paras[:half], paras[half:]])
        one_column = box_of(self.grid.body)
        two_columns = box_of(split_rect(self.grid.body, (1.0, 1.0))[0])
        for size in sizes(self.sizes.agenda[0], self.sizes.body[-1]):
            for columns in layouts:
                box = two_columns if len(columns) == 2 else one_column
                if all(self.m.fits(c, size, box) and self.one_line(c, size, box.text_width) for c in columns):
                    items = [{"label": None, "text": t} for t in titles]
                    spec = SlideSpec(
                        notes="deck/agenda.j2",
                        title=title,
                        eyebrow=eyebrow,
                        columns=columns if len(columns) == 2 else [],
                        body=columns[0] if len(columns) == 1 else [],
                        size=size,
                        context={**context, "items": items},
                        cite_all=True,
                    )
                    return [spec]
        slides = self.flow("deck/agenda.j2", eyebrow, title, paras, self.sizes.agenda, context)
        return [replace(s, cite_all=True) for s in slides]

    def one_line(self, paras: Sequence[Para], size: float, width: float) -> bool:
        """True when each of ``paras`` takes one line of ``width`` at base size ``size``."""
        return all(len(self.m.lines(p, p.size(size), width)) == 1 for p in paras)

    def fact_paras(self, facts: Sequence[Fact], bullet: bool = True) -> list[Para]:
        """Facts as bulleted lines; the rows of a table under a line naming the table's columns."""
        paras: list[Para] = []
        columns: list[str] = []
        for fact in facts:
            if fact.columns and fact.columns != columns:
                text = self.t(self.labels.deck_columns([clean(c) for c in fact.columns]))
                paras.append(Para(spans=(Span(text, bold=True, color=self.c.muted),), scale=0.8, space_after=0.3,
                                  keep_with_next=True, source=fact.source, key=(None, text)))
            columns = fact.columns
            paras.extend(self._fact_paras([fact], bullet))
        return paras

    def _fact_paras(self, facts: Sequence[Fact], bullet: bool = True) -> list[Para]:
        return [
            Para(
                spans=self.labelled(f.label, f.value),
                bullet=self.t(self.labels.deck_bullet) if bullet else None,
                space_after=0.5,
                source=f.source,
                key=(clean(f.label or ""), clean(f.value.plain)),
            )
            for f in facts
        ]

    def in_order(self, paras: Sequence[Para]) -> list[Para]:
        """Paragraphs in the order of the lines they come from (those without a source keep their place first)."""
        def line(p: Para) -> int:
            return p.source.first_line if isinstance(p.source, SourceRef) else 0
        return sorted(paras, key=line)

    def prose_paras(self, paragraphs: Sequence[Paragraph]) -> list[Para]:
        return [
            Para(spans=self.rich(p.text), space_after=0.5, source=p.source, key=(None, clean(p.text.plain)))
            for p in paragraphs
            if p.text
        ]

    def fact_group_slides(self, group: FactGroup) -> list[SlideSpec]:
        title = clean(group.title) if group.title and group.title.strip() else self.t(self.labels.executive_summary)
        return self.flow(
            "deck/summary.j2",
            self.t(self.labels.executive_summary),
            title,
            self.in_order([*self.fact_paras(group.facts), *self.prose_paras(group.paragraphs)]),
            self.sizes.body,
            {"group": title},
            [group.source],
        )

    def verdict_slides(self, group: FactGroup) -> list[SlideSpec]:
        paras: list[Para] = []
        for fact in group.facts:
            key = (clean(fact.label or ""), clean(fact.value.plain))
            if fact.label and fact.label.strip():
                paras.append(
                    Para(
                        spans=(Span(clean(fact.label), bold=True, color=self.c.accent),),
                        scale=0.75,
                        space_before=0.0 if not paras else 0.9,
                        space_after=0.15,
                        keep_with_next=True,
                        source=fact.source,
                        key=key,
                    )
                )
            space_before = 0.9 * 0.75 if paras and not paras[-1].keep_with_next else 0.0
            paras.append(
                Para(spans=self.rich(fact.value), space_before=space_before, space_after=0.2, source=fact.source, key=key)
            )
        title = clean(group.title) if group.title and group.title.strip() else self.t(self.labels.strategic_verdict)
        return self.flow(
            "deck/verdict.j2",
            self.t(self.labels.executive_summary),
            title,
            self.in_order([*paras, *self.prose_paras(group.paragraphs)]) if group.paragraphs else paras,
            self.sizes.verdict,
            {"group": title},
            [group.source],
        )

    def film_slides(self) -> list[SlideSpec]:
        """The film's particulars beside its synopsis; one column that continues when they do not fit."""
        film, labels = self.case.film, self.labels
        facts: list[tuple[str, str, SourceRef | None]] = []
        if film.director is not None and film.director.value.strip():
            facts.append((self.t(labels.film_director), clean(film.director.value), film.director.source))
        if film.year is not None:
            facts.append((self.t(labels.film_year), str(film.year), None))
        if film.runtime is not None:
            facts.append((self.t(labels.film_runtime), self.t(labels.minutes(film.runtime.minutes)), film.runtime.source))
        if film.premiere is not None:
            facts.append((self.t(labels.film_premiere), self.t(labels.premiere(film.premiere)), film.premiere.source))
        synopsis = [
            Para(spans=self.rich(p.text), space_after=0.45, source=p.source, key=(None, clean(p.text.plain)))
            for p in film.synopsis
            if p.text
        ]
        if not facts and not synopsis:
            return []
        facts.insert(0, (self.t(labels.film_title), self.t(labels.deck_film_title(film)), None))
        context = {"film": clean(film.title), "synopsis": bool(synopsis)}
        eyebrow, title = clean(film.title), self.t(labels.the_film)
        heading = Para(
            spans=(Span(self.t(labels.synopsis), bold=True, color=self.c.accent),),
            scale=0.75,
            space_after=0.2,
            keep_with_next=True,
        )
        if synopsis and self.film_card:
            # A card: each particular under its small label on the left, the synopsis on the right.
            card: list[Para] = []
            for label, value, source in facts:
                card.append(
                    Para(
                        spans=(Span(label, bold=True, color=self.c.accent),),
                        scale=0.75,
                        space_after=0.1,
                        keep_with_next=True,
                        source=source,
                    )
                )
                card.append(Para(spans=(Span(value),), space_after=0.6, source=source, key=(label, value)))
            columns = [card, [heading, *synopsis]]
            rects = split_rect(self.grid.body, FILM_COLUMNS)
            boxes = [box_of(r) for r in rects]
            for size in self.sizes.body:
                fits = all(self.m.fits(c, size, b) for c, b in zip(columns, boxes, strict=True))
                whole = not any(
                    self.m.breaks_words(p, p.size(size), b.text_width) for c, b in zip(columns, boxes, strict=True) for p in c
                )
                if fits and whole:
                    refs = unique(p.source for c in columns for p in c if isinstance(p.source, SourceRef))
                    items = [{"label": label, "text": value} for label, value, _ in facts]
                    spec = SlideSpec(
                        notes="deck/film.j2",
                        title=title,
                        eyebrow=eyebrow,
                        size=size,
                        columns=columns,
                        column_rects=rects,
                        context={**context, "items": items},
                        refs=refs,
                    )
                    return [spec]
        paras = [
            Para(
                spans=(Span(self.t(labels.deck_label(label)), bold=True), Span(value)),
                space_after=0.3,
                source=source,
                key=(label, value),
            )
            for label, value, source in facts
        ]
        if synopsis:
            paras.append(replace(heading, space_before=0.6 / 0.75))
            paras.extend(synopsis)
        return self.flow("deck/film.j2", eyebrow, title, paras, self.sizes.body, context)

    def quote_blocks(self, quote: Quote) -> list[Para]:
        labels = self.labels
        texts = [clean(p).strip() for p in quote.paragraphs if p.strip()]
        speaker = self.t(labels.quote_speaker(quote))
        block: list[Para] = []
        for i, text in enumerate(texts):
            if i == 0:
                text = self.t(labels.deck_quote_open) + text
            if i == len(texts) - 1:
                text += self.t(labels.deck_quote_close)
            block.append(
                Para(
                    spans=(Span(text, italic=True),),
                    space_after=0.35,
                    # the speaker's line stays with the end of the quotation
                    keep_with_next=i == len(texts) - 1,
                    source=quote.source,
                    key=(speaker, text),
                )
            )
        block.append(
            Para(
                spans=(Span(self.t(labels.deck_quote_attribution(quote)), bold=True, color=self.c.accent),),
                scale=0.8,
                space_after=1.1,
                align="right",
                source=quote.source,
                key=(speaker, ""),
            )
        )
        return block

    def quote_slides(self) -> list[SlideSpec]:
        quotes = [q for q in self.case.press.quotes if any(p.strip() for p in q.paragraphs)]
        if not quotes:
            return []
        blocks = [self.quote_blocks(q) for q in quotes]
        blocks[-1][-1] = replace(blocks[-1][-1], space_after=0.0)
        slides = self.flow(
            "deck/quotes.j2",
            clean(self.case.film.title),
            self.t(self.labels.in_their_words),
            [],
            self.sizes.quote,
            blocks=blocks,
        )
        out = []
        for spec in slides:
            speakers = unique(i["label"] for i in spec.context["items"] if i["label"])
            out.append(replace(spec, context={**spec.context, "speakers": speakers}))
        return out

    def timeline_slides(self) -> list[SlideSpec]:
        labels = self.labels
        # One row for what the sources say once: events that differ only in kind (born and studied,
        # premiered and awarded, told by the same lines) are shown together.
        merged = [
            (self.t(labels.event_date(event)), list(dict.fromkeys(self.t(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(self.case.timeline)
        ]
        if not merged:
            return []
        separator = self.t(labels.deck_event_kinds_separator)
        header = [self.t(labels.event_when), self.t(labels.event_kind), self.t(labels.event_what)]
        rows = [
            Row(
                cells=(
                    (Para(spans=(Span(when, bold=True),)),),
                    (Para(spans=(Span(separator.join(kinds)),)),),
                    (Para(spans=spans_of(what)),),
                ),
                source=event.source,
                key={"when": when, "kind": separator.join(kinds), "text": clean(what.plain)},
            )
            for when, kinds, event, what in ((*m, event_told(labels, m[2])) for m in merged)
        ]
        return self.table_slides(
            "deck/timeline.j2",
            clean(self.case.film.title),
            self.t(labels.timeline),
            header,
            rows,
            TIMELINE_COLUMNS,
            repeat=2,
        )

    def where(self, ref: SourceRef) -> str:
        """The file and lines of ``ref``, as the notes give them."""
        if any(s.id == ref.source for s in self.case.sources):
            return self.t(self.labels.note_ref(self.case, ref))
        return self.t(self.labels.source_ref(ref))

    def disagreement_slides(self) -> list[SlideSpec]:
        conflicts: list[Conflict] = [c for c in self.case.conflicts if c.claims]
        if not conflicts:
            return []
        labels = self.labels
        header = [self.t(labels.claim_value), self.t(labels.claim_source)]
        rows: list[Row] = []
        for group, conflict in enumerate(conflicts):
            title = self.t(labels.conflict_title(conflict))
            rows.append(
                Row(
                    cells=((Para(spans=(Span(title, bold=True, color=self.c.accent),)),), ()),
                    source=None,
                    key={"heading": True, "title": title},
                    group=group,
                    heading=True,
                )
            )
            for claim in conflict.claims:
                value = self.t(labels.deck_claim(clean(claim.value).strip()))
                reading = self.t(labels.deck_claim_reading(labels.claim_reading(claim)))
                where = self.where(claim.source)
                rows.append(
                    Row(
                        cells=((Para(spans=(Span(value),)), Para(spans=(Span(reading, color=self.c.muted),))),
                               (Para(spans=(Span(where),)),)),
                        source=claim.source,
                        key={"heading": False, "title": title, "value": clean(claim.value), "where": where,
                             "reading": clean(str(labels.claim_reading(claim)))},
                        group=group,
                    )
                )
        intro = [Para(spans=(Span(self.t(labels.disagreements_intro), color=self.c.muted),))]
        return self.table_slides(
            "deck/disagreements.j2",
            clean(self.case.film.title),
            self.t(labels.disagreements),
            header,
            rows,
            CLAIM_COLUMNS,
            repeat=0,
            intro=intro,
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
        if not heading.strip() and part.kind != "other":  # a part without a heading of its own: its kind
            heading = self.t(getattr(self.labels, part.kind))
        paras = self.text_paras(part.paragraphs, part.points)
        context = {"part_heading": heading, "kind": part.kind, "section": None}
        if paras:
            out.extend(self.flow("deck/analysis.j2", label, heading, paras, self.sizes.body, context, [part.source]))
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
            self.sizes.body,
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
                        *(self.rich(ledger.film_line) if ledger.film_line
                          else (Span(self.t(self.labels.deck_ledger_film(ledger)), italic=False),)),
                    ),
                    space_after=0.2,
                    source=ledger.source,
                )
            )
        if paras:
            paras[-1] = replace(paras[-1], space_after=0.9)
        # what the ledger says before its entries, as written, follows the byline (its tables on slides of their own)
        preface = [b for b in ledger.blocks if b.kind != "table"]
        paras.extend(self.block_paras(preface))
        if preface and paras:
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
                    self.sizes.overview,
                    context,
                    [ledger.source],
                )
            )
        tables = [b for b in ledger.blocks if b.kind == "table"]
        out.extend(self.block_slides(label, clean(ledger.title) if ledger.title else label, tables))
        for entry in ledger.entries:
            out.extend(self.entry_slides(label, entry))
        return out

    # --- blocks shown as written ------------------------------------------------------------------

    def other_sections(self, follows: str) -> list[tuple[str, list[SlideSpec]]]:
        """The parts of the business analysis that are none of its sections and come after ``follows``: each an
        agenda entry with its slides, as written."""
        out = []
        for other in self.case.business_sections:
            if other.follows == follows and other.blocks:
                title = clean(other.title) if other.title and other.title.strip() else self.t(self.labels.business_preface)
                out.append((title, self.block_slides(clean(self.case.film.title), title, other.blocks)))
        return out

    def block_paras(self, blocks: Sequence[TextBlock], shown: str | None = None) -> list[Para]:
        """Blocks of text shown as written (tables apart), each under its heading shown once (``shown``: the
        heading the slide's title gives already)."""
        paras: list[Para] = []
        bullet = self.t(self.labels.deck_bullet)
        for block in blocks:
            if block.heading and block.heading.strip() and block.heading != shown:
                paras.append(self.block_heading(block.heading, block.source))
            shown = block.heading
            text = block.text
            if block.kind == "heading" and text:
                paras.append(self.block_heading(text.plain, block.source))
            elif block.kind == "list":
                for n, item in enumerate(block.items, start=1):
                    if item:
                        mark = self.t(self.labels.deck_list_number(n)) if block.ordered else bullet
                        paras.append(Para(spans=self.rich(item), bullet=mark, space_after=0.4, source=block.source,
                                          key=(None, clean(item.plain))))
            elif block.kind in ("paragraph", "quote", "code") and text:
                spans = self.rich(text)
                if block.kind == "quote":
                    spans = tuple(replace(span, italic=True) for span in spans)
                if block.kind == "code":
                    # one paragraph a line: the deck keeps the lines as the source breaks them
                    for line in text.plain.split("\n"):
                        paras.append(Para(spans=(Span(clean(line)),), space_after=0.1, source=block.source,
                                          key=(None, clean(line))))
                    continue
                paras.append(Para(spans=spans, space_after=0.5, source=block.source, key=(None, clean(text.plain))))
        return paras

    def block_heading(self, text: str, source: SourceRef) -> Para:
        return Para(
            spans=(Span(clean(text), bold=True, color=self.c.accent),),
            scale=0.85,
            space_before=0.3,
            space_after=0.25,
            keep_with_next=True,
            source=source,
            key=(None, clean(text)),
        )

    def block_slides(self, eyebrow: str, title: str, blocks: Sequence[TextBlock]) -> list[SlideSpec]:
        """Slides of blocks shown as written, in order: text flows over as many slides as it needs, a table
        becomes a native table (its own slides)."""
        out: list[SlideSpec] = []
        run: list[TextBlock] = []

        def flush() -> None:
            # blocks under a heading of their own: the heading titles their slides, the section is the eyebrow
            heading = run[0].heading if run and run[0].heading and run[0].heading.strip() else None
            paras = self.block_paras(run, shown=heading)
            if paras:
                context = {"heading": clean(heading or "")}
                slide_title, slide_eyebrow = (clean(heading), title) if heading else (title, eyebrow)
                out.extend(self.flow("deck/text.j2", slide_eyebrow, slide_title, paras, self.sizes.body, context))
            run.clear()

        for block in blocks:
            if block.kind != "table":
                run.append(block)
                continue
            flush()
            columns = max([len(block.header), *(len(r) for r in block.rows)])
            if not block.rows:
                continue
            header = [clean(h) for h in block.header] + [""] * (columns - len(block.header))
            rows = [
                Row(
                    cells=tuple((Para(spans=self.rich(cell)),) for cell in row) + ((),) * (columns - len(row)),
                    source=block.source,
                    key={"cells": [clean(cell.plain) for cell in row]},
                )
                for row in block.rows
            ]
            table_title = clean(block.heading) if block.heading and block.heading.strip() else title
            out.extend(self.table_slides("deck/table.j2", eyebrow, table_title, header, rows, [1.0] * columns, repeat=1))
        flush()
        return out

    def entry_slides(self, label: str, entry: LedgerEntry) -> list[SlideSpec]:
        paras: list[Para] = []
        if entry.subtitle:
            paras.append(
                Para(
                    spans=(Span(clean(entry.subtitle), italic=True, color=self.c.accent),),
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
        title = self.t(self.labels.ledger_entry(entry))
        tables = self.block_slides(label, title, entry.blocks)  # its tables on slides of their own, after its text
        if not paras:
            return tables
        return self.flow(
            "deck/ledger_entry.j2",
            label,
            title,
            paras,
            self.sizes.body,
            {"number": entry.number, "entry": clean(entry.title), "subtitle": clean(entry.subtitle or "")},
            [entry.source],
        ) + tables

    # --- tables -----------------------------------------------------------------------------------

    def stakeholder_slides(self) -> list[SlideSpec]:
        """The stakeholders as a native table; the section's blocks shown as written stand in their place
        (a block between two stakeholders ends one table, and the next continues after it)."""
        people = self.case.stakeholders
        loose = self.case.stakeholder_blocks
        if not people and not loose:
            return []
        label = self.t(self.labels.stakeholder_balance_sheet)
        items = sorted([*((p.source.first_line, 0, p) for p in people), *((b.source.first_line, 1, b) for b in loose)],
                       key=lambda item: item[:2])
        out: list[SlideSpec] = []
        rows: list[Stakeholder] = []
        blocks: list[TextBlock] = []
        for _, _, item in items:
            if isinstance(item, Stakeholder):
                out.extend(self.block_slides(clean(self.case.film.title), label, blocks))
                blocks = []
                rows.append(item)
            else:
                out.extend(self.stakeholder_table(rows))
                rows = []
                blocks.append(item)
        out.extend(self.block_slides(clean(self.case.film.title), label, blocks))
        out.extend(self.stakeholder_table(rows))
        return out

    def stakeholder_table(self, people: Sequence[Stakeholder]) -> list[SlideSpec]:
        if not people:
            return []
        labels = self.labels
        header = [
            self.t(labels.stakeholder_role),
            self.t(labels.stakeholder_name),
            self.t(labels.stakeholder_outcome),
            self.t(labels.stakeholder_impact),
        ]
        rows: list[Row] = []
        for s in people:
            rows.append(
                Row(
                    cells=(
                        (Para(spans=(Span(clean(s.role), bold=True),)),),
                        (Para(spans=(Span(clean(s.name)),)),),
                        (Para(spans=self.rich(s.outcome)),),
                        tuple(
                            [Para(spans=self.rich(s.impact))] * bool(s.impact)
                            + [Para(spans=self.labelled(f.label, f.value), space_before=0.3) for f in s.details]
                        ),
                    ),
                    source=s.source,
                    key={
                        "role": clean(s.role),
                        "name": clean(s.name),
                        "outcome": clean(s.outcome.plain),
                        "impact": clean(s.impact.plain),
                        "details": [{"label": clean(f.label or ""), "text": clean(f.value.plain)} for f in s.details],
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
            Row(
                cells=(
                    (Para(spans=(Span(clean(s.id), bold=True),)),),
                    (Para(spans=(Span(self.t(labels.kind_names[s.kind])),)),),
                    (Para(spans=(Span(clean(s.file)),)),),
                    (self.source_title(s.title),),
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

    def source_title(self, title: str | None) -> Para:
        """The title cell of a source: its title, or a muted mark when it has none (its kind and
        file are in the cells beside it)."""
        if title and title.strip():
            return Para(spans=(Span(clean(title)),))
        return Para(spans=(Span(self.t(self.labels.deck_untitled), italic=True, color=self.c.muted),))

    def table_slides(
        self,
        notes: str,
        eyebrow: str | None,
        title: str,
        header: list[str],
        rows: list[Row],
        fractions: Sequence[float],
        repeat: int,
        intro: Sequence[Para] = (),
        foot: Sequence[Para] = (),
    ) -> list[SlideSpec]:
        """Slides showing a table, the header row repeated on each; ``intro`` stands above the table
        on the first slide, ``foot`` under it on every slide."""
        widths = widths_of(fractions, self.grid.content_width)
        head = tuple((Para(spans=(Span(h, bold=True, color=self.c.table_head_text),)),) for h in header)
        first_offset = self.intro_height(intro) + INTRO_GAP if intro else 0.0
        room = self.grid.body[3] - (self.foot_height(foot) + INTRO_GAP if foot else 0.0)
        fitter = TableFitter(self.m, widths, room, first_offset)
        size, pages = fitter.paginate(head, rows, self.sizes.table, repeat)
        out: list[SlideSpec] = []
        for i, page in enumerate(pages, start=1):
            heights = tuple(fitter.height_of(r, size) for r in (Row(head, None, {}), *page))
            spec = TableSpec(
                widths=widths,
                header=head,
                rows=tuple(row.cells for row in page),
                size=size,
                heights=heights,
                spans=tuple(row.heading for row in page) if any(row.heading for row in rows) else (),
            )
            out.append(
                SlideSpec(
                    notes=notes,
                    title=title,
                    eyebrow=eyebrow,
                    size=size,
                    table=spec,
                    context={"rows": [{**row.key, "continued": row.continued} for row in page], "header": header},
                    refs=unique([row.source for row in page if row.source is not None]),
                    part=i,
                    parts=len(pages),
                    intro=list(intro) if i == 1 else [],
                    foot=list(foot),
                )
            )
        return out

    def intro_height(self, intro: Sequence[Para]) -> float:
        return self.m.height(list(intro), INTRO_SIZE, box_of(self.grid.body))

    def foot_height(self, foot: Sequence[Para]) -> float:
        return self.m.height(list(foot), FOOT_SIZE, box_of(self.grid.body))

    # --- drawing ----------------------------------------------------------------------------------

    def fitted(
        self, paras: Sequence[Para], rect: tuple[float, float, float, float], font_sizes: Sequence[float]
    ) -> tuple[list[Para], float]:
        """Paragraphs fitted to ``rect``: the largest size at which they all fit, else the first one
        shortened (and the others dropped when even that does not fit)."""
        box = box_of(rect)
        size = self.m.largest_fit(list(paras), box, font_sizes)
        if size is not None:
            return list(paras), size
        size = font_sizes[-1]
        first = paras[0]
        rest = list(paras[1:])
        while rest:
            others = self.m.height(rest, size, box) - box.inset_top - box.inset_bottom
            shortened = self.m.shorten(first, replace(box, height=box.height - others), size, self.t(self.labels.deck_ellipsis))
            if self.m.fits([shortened, *rest], size, box):
                return [shortened, *rest], size
            rest.pop()
        return [self.m.shorten(first, box, size, self.t(self.labels.deck_ellipsis))], size

    def title_para(
        self,
        text: str,
        rect: tuple[float, float, float, float],
        font_sizes: Sequence[float],
        color: str | None,
        bold: bool = True,
    ) -> tuple[Para, float]:
        """A one-paragraph frame fitted to ``rect``: the largest size that fits, else shortened."""
        paras, size = self.fitted([Para(spans=(Span(text, bold=bold, color=color),))], rect, font_sizes)
        return paras[0], size

    def draw_cover(self, writer: DeckWriter) -> None:
        grid, c, labels = self.grid, self.c, self.labels
        kind = None
        if grid.cover_kind is not None:
            kind, _ = self.title_para(self.t(labels.deck_kind), grid.cover_kind, [COVER_KIND_SIZE], c.accent_light)
        title, title_size = self.title_para(clean(self.case.title), grid.cover_title, COVER_TITLE_SIZES, c.cover_text)
        subtitle_text = self.t(labels.cover_subtitle(self.case))
        institution = self.t(labels.deck_institution(self.theme.institution))
        subtitle = [Para(spans=(Span(subtitle_text, color=c.cover_sub),))]
        if grid.cover_institution is None and institution:
            # No place of its own (a template): the institution follows the subtitle.
            subtitle.append(Para(spans=(Span(institution, bold=True, color=c.cover_sub),), scale=0.8, space_before=0.8))
        subtitle, subtitle_size = self.fitted(subtitle, grid.cover_subtitle, COVER_SUBTITLE_SIZES)
        slide = writer.cover_slide(kind, title, title_size, subtitle, subtitle_size)
        if grid.cover_institution is not None and institution:
            line, size = self.title_para(institution, grid.cover_institution, [14.0, 12.0, 10.0], c.cover_sub)
            writer.text_box(slide, grid.cover_institution, [line], size, name="Institution")
        logo = self.theme.logo_path
        if logo is not None:
            plate = "FFFFFF" if c.cover_background is not None else None  # logos are drawn for white paper
            writer.picture(slide, logo, grid.logo, self.t(labels.deck_logo_description(self.theme.institution)), plate=plate)
        context = {
            "case_title": clean(self.case.title),
            "subtitle": subtitle_text,
            "film": clean(self.case.film.title),
            "director": clean(self.case.film.director.value) if self.case.film.director else "",
            "year": self.case.film.year,
            "institution": institution,
        }
        refs = []
        if self.case.film.director is not None:
            refs.append(self.case.film.director.source)
        if self.wording.recipient:  # a personal copy names its reader on every slide, the cover too
            rect = self.cover_footer_rect()
            stamp, size = self.title_para(self.footer_text(), rect, FOOTER_SIZES, c.cover_sub, bold=False)
            writer.text_box(slide, rect, [stamp], size, name="Footer")
        spec = SlideSpec(notes="deck/cover.j2", title=clean(self.case.title), context=context, refs=refs)
        writer.notes(slide, self.notes_text(spec, all_sources=True))

    def cover_footer_rect(self) -> tuple[float, float, float, float]:
        """Where a personal copy names its reader on the cover: under the title, at the footer's height."""
        grid = self.grid
        _, top, _, height = grid.footer_left
        return (grid.cover_title[0], top, grid.cover_title[2], height)

    def personal_texts(self, recipient: str) -> dict[str, Any]:
        """What a personal copy for ``recipient`` says of its reader, as a full build fits and writes it:
        the footer of the cover and of the other slides (the texts of its runs, None where they differ in
        style, and the size in points), and the subject and
        comments of the core properties (see :mod:`casebook.render.stamp`)."""
        c = self.c
        text = self.t(self.labels.prepared_for(recipient))
        cover, cover_size = self.title_para(text, self.cover_footer_rect(), FOOTER_SIZES, c.cover_sub, bold=False)
        slide, slide_size = self.title_para(text, self.grid.footer_left, FOOTER_SIZES, c.muted, bold=False)
        subject = self.t(self.labels.cover_subtitle(self.case))

        def runs(para: Para) -> tuple[str, ...] | None:  # the runs' texts, when all of them look alike
            alike = len({(s.bold, s.italic, s.color, s.link) for s in para.spans}) == 1
            return tuple(s.text for s in para.spans) if alike else None

        return {
            "cover": (runs(cover), cover_size),
            "slide": (runs(slide), slide_size),
            "subject": clean(self.t(self.labels.personal_subject(subject, recipient)))[:255],
            "comments": clean(text)[:255],
        }

    def footer_text(self) -> str:
        """The left footer: the case, or on a personal copy the reader it is prepared for."""
        if self.wording.recipient:
            return self.t(self.labels.prepared_for(self.wording.recipient))
        return self.t(self.labels.footer_left(self.case))

    def draw(self, writer: DeckWriter, spec: SlideSpec, number: int, total: int) -> None:
        grid, c = self.grid, self.c
        body = grid.body
        title_text = spec.title
        if spec.parts > 1:
            title_text = self.t(self.labels.continued(spec.title, spec.part, spec.parts))
        title, title_size = self.title_para(title_text, grid.title, TITLE_SIZES, c.ink)
        eyebrow = None
        if spec.eyebrow and grid.eyebrow is not None:
            eyebrow, _ = self.title_para(spec.eyebrow, grid.eyebrow, [EYEBROW_SIZE], c.accent)
        slide = writer.content_slide(eyebrow, title, title_size)
        if spec.anchor:
            writer.anchor(slide, spec.anchor)
        top, bottom = body[1], body[1] + body[3]
        foot_rect = None
        if spec.foot:  # drawn after the body, so that it is read after it (shapes are read in the order drawn)
            height = self.foot_height(spec.foot)
            foot_rect = (body[0], bottom - height, body[2], height)
            bottom -= height + INTRO_GAP
        if spec.intro:
            height = self.intro_height(spec.intro)
            writer.text_box(slide, (body[0], top, body[2], height), spec.intro, INTRO_SIZE, name="Introduction")
            top += height + INTRO_GAP
        if spec.chart is not None:
            draw_chart(writer, slide, (body[0], top, body[2], bottom - top), spec.chart, self.m)
        elif spec.table is not None:
            rows = len(spec.table.rows) - sum(spec.table.spans)
            columns = [p.text for cell in spec.table.header for p in cell]
            description = self.t(self.labels.deck_table_description(title_text, columns, rows))
            writer.table(slide, replace(spec.table, description=description), top)
        elif spec.columns:
            rects = spec.column_rects or split_rect(body, [1.0] * len(spec.columns))
            for rect, column in zip(rects, spec.columns, strict=True):
                writer.text_box(slide, rect, column, spec.size, name=spec.column_name)
        elif spec.body:
            writer.text_box(slide, body, spec.body, spec.size, name="Body")
        if foot_rect is not None:
            writer.text_box(slide, foot_rect, spec.foot, FOOT_SIZE, name="Exhibit sources")
        left, left_size = self.title_para(self.footer_text(), grid.footer_left, FOOTER_SIZES, c.muted, bold=False)
        right, right_size = self.title_para(
            self.t(self.labels.deck_slide_number(number, total)), grid.footer_right, FOOTER_SIZES, c.muted, bold=False
        )
        right = replace(right, align="right")
        writer.footer(slide, left, left_size, right, right_size)
        # Notes that would cite nothing (a slide of undated particulars, say) list every document instead.
        writer.notes(slide, self.notes_text(replace(spec, title=title_text), all_sources=spec.cite_all or not spec.refs))

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
            entry["spans"] = [{"first": a, "last": b} for a, b in merge(entry["spans"])]
        return list(files.values())


__all__ = ["theme_fonts"]
