"""The teaching deck: slides a class reads in seconds, the full text in the speaker notes.

The same sections as the reading deck (:mod:`casebook.render.deck`), in the order of a case discussion:
the situation (the film, the executive summary), the key figures, the verdict and the analysis, the
decision (the ledger's entries, one slide each), the stakeholders, the exhibits and quotations, where the
sources disagree (one slide per disagreement, as a question for the class), the discussion questions and
the sources. Every content slide has:

* a title taken from the source: a ledger entry's subtitle, the first sentence of a part when it is short,
  else the part's own heading or label (never a sentence casebook writes);
* at most ``theme.deck.max_points`` points of at most :data:`POINT_WORDS` words each, and at most
  ``theme.deck.max_words_per_slide`` words in all (title, running head and body; the footer not counted).
  Points are chosen from the text: a labelled fact or point by its label and the short form of its value,
  a paragraph by its opening sentence. A short form is the whole text, its first sentence, or the clause
  before a colon, semicolon or dash, when that has at most twelve words; only when none has, the text is cut
  at a word boundary and ends with an ellipsis. What does not fit one slide continues on the next;
* speaker notes that hold the full text of every paragraph the slide summarises, each with its file and
  lines, so nothing is lost: it moves to the notes.

Tables keep their rows (each cell at most twelve words, the full row in the notes) and are shared out over
as many slides as the word limit needs. Key figures are the typed amounts of the budget and box-office
exhibit, drawn large with their labels and sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from casebook.model.case import Conflict, Event, Exhibit, SourceRef, Stakeholder, told_once
from casebook.render.deck.fit import Para, Span, clean, sizes, spans_of
from casebook.render.deck.grid import box_of
from casebook.render.deck.reading import _DeckBuilder
from casebook.render.deck.spec import Row, SlideSpec, split_rect, unique
from casebook.render.event_words import event_told
from casebook.render.outline import Section, outline

#: slides whose text is never shortened: the agenda and the discussion questions (short by themselves)
WHOLE = ("deck/agenda.j2", "deck/question.j2")
#: the most words of what happened, on a row of the timeline exhibit
TIMELINE_WORDS = 8
#: a heading "Label: subtitle" longer than this is titled by its subtitle
LONG_TITLE = 8
#: the most words of one point (and of a shortened title or table cell)
POINT_WORDS = 12
#: the title of a continued slide gains a part number ("(2/3)"): one word kept in reserve
CONTINUED_WORDS = 1
#: a clause before a colon or dash stands for its sentence only when it has at least this many words
MIN_CLAUSE_WORDS = 3

# A sentence ends at . ! or ? (a closing quotation mark or bracket may follow) before a space and a capital,
# a digit or an opening quotation mark; not after an initial ("J. Smith") or a short abbreviation ("Mr.").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]?(?=\s+[\"“‘(\[]?[A-Z0-9\u0400-\u04FF])")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|e\.g|i\.e|No|Inc|Ltd|Co|Corp)\.$")
_CLAUSE_END = re.compile(r"(?::|;|\s[—–]\s|\s-\s)")


def words(text: str) -> int:
    """The number of words of ``text``: runs of characters between white space."""
    return len(text.split())


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when no sentence end is certain)."""
    for match in _SENTENCE_END.finditer(text):
        head = text[: match.end()]
        if not _ABBREVIATION.search(head.rstrip("\"”’)]")):
            return head.strip()
    return text.strip()


def short_form(text: str, limit: int = POINT_WORDS) -> tuple[str, bool] | None:
    """The source's own short form of ``text`` in at most ``limit`` words, and whether it is all of it:
    the whole text, its first sentence, or the clause before its first colon, semicolon or dash.
    None when none is short enough."""
    text = " ".join(text.split())
    if words(text) <= limit:
        return text, True
    sentence = first_sentence(text)
    if words(sentence) <= limit:
        return sentence, False
    clause = _CLAUSE_END.search(sentence)
    if clause is not None:
        head = sentence[: clause.start()].strip()
        if MIN_CLAUSE_WORDS <= words(head) <= limit:
            return head, False
    return None


#: the marks that open a quotation and the marks that may close it (English and Russian “…”, British ‘…’,
#: French «…», German „…“ and ‚…‘, straight quotes)
_QUOTE_PAIRS = {"“": "”", "‘": "’", "«": "»", "„": "“”", "‚": "‘’", '"': '"', "'": "'"}


def closed(short: str, whole: str, ellipsis: str) -> str:
    """``short``, a shortened form of the quotation ``whole``, as a quotation: where ``whole`` is wrapped in a pair
    of quotation marks and ``short`` has lost the closing one, it gets it back, after ``ellipsis`` when ``short``
    stops inside a sentence (a clause, not a sentence of its own); anything else as it is."""
    whole, short = whole.strip(), short.strip()
    if len(whole) < 2 or short == whole or whole[0] not in _QUOTE_PAIRS or not short.startswith(whole[0]):
        return short
    end = whole[-1]
    if end not in _QUOTE_PAIRS[whole[0]] or short.endswith(end):
        return short
    if not short.endswith((".", "!", "?", "…", ellipsis)):
        short += ellipsis
    inside = whole[-2] if whole[-2] in " \u00a0\u202f" else ""  # French « … » keeps its space inside the mark
    return short + inside + end


def cut(text: str, limit: int, ellipsis: str) -> str:
    """``text`` cut at a word boundary to at most ``limit`` words, the ellipsis joined to the last word."""
    kept = " ".join(text.split()[:limit]).rstrip(",;:—–-")
    return kept + ellipsis


class TeachingDeckBuilder(_DeckBuilder):
    """The deck builder of the teaching deck: the reading deck's slides, made short."""

    film_card = False

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.max_words = self.theme.deck.max_words_per_slide
        self.max_points = self.theme.deck.max_points
        self.tl = self.wording.module("deck/teaching_labels.j2")
        # few words: larger type than the reading deck's, down to the same floor
        d = self.theme.deck
        self.sizes = replace(self.sizes, body=sizes(d.body_max + 6, d.body_min), table=sizes(d.table_max + 4, d.table_min))

    # --- short text -------------------------------------------------------------------------------

    def shorten(self, text: str, limit: int = POINT_WORDS) -> str:
        """``text`` in at most ``limit`` words: its short form, else cut with an ellipsis."""
        found = short_form(text, limit)
        if found is not None:
            return found[0]
        return cut(" ".join(text.split()), limit, self.t(self.labels.deck_ellipsis))

    def point_text(self, label: str | None, text: str) -> tuple[str | None, str]:
        """A point for a labelled or plain text: the label and the short form of the text within twelve
        words in all; a label alone when the text has no short form and the label says enough by itself."""
        text = " ".join(text.split())
        if not label:
            return None, self.shorten(text)
        label = " ".join(label.split())
        room = POINT_WORDS - words(label)
        if room <= 0:
            return None, self.shorten(label)
        if not text:
            return label, ""
        found = short_form(text, room)
        if found is not None:
            return label, found[0]
        if words(label) >= MIN_CLAUSE_WORDS:
            return label, ""
        return label, cut(text, room, self.t(self.labels.deck_ellipsis))

    def point(self, label: str | None, text: str, source: object) -> Para:
        label, text = self.point_text(label, text)
        spans: list[Span] = []
        if label and text:
            spans.append(Span(self.t(self.labels.deck_label(label)), bold=True))
        elif label:
            spans.append(Span(label, bold=True))
        if text:
            spans.append(Span(text))
        return Para(spans=tuple(spans), bullet=self.t(self.labels.deck_bullet), space_after=0.5, source=source)

    def item(self, label: str | None, text: str, source: object) -> dict[str, Any]:
        """What the notes say of one paragraph: all of its text and where it comes from."""
        where = self.where(source) if isinstance(source, SourceRef) else ""
        return {"label": label, "text": text, "where": where}

    def budget(self, title: str, eyebrow: str | None, *other: str) -> int:
        """Words left for the body of a slide with this title, running head and other text."""
        used = words(title) + CONTINUED_WORDS + words(eyebrow or "") + sum(words(t) for t in other)
        return self.max_words - used

    # --- text slides ------------------------------------------------------------------------------

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
        """Short slides for ``paras``: a title from the source, points within the limits, every paragraph
        in full in the notes of the slide that shows its point."""
        if notes in WHOLE:
            return super().flow(notes, eyebrow, title, paras, font_sizes, context, extra_refs, blocks)
        if blocks is not None:
            paras = [p for block in blocks for p in block]
        context = dict(context or {})
        # each paragraph once, by what it says (a label line and its value share one key)
        texts: list[tuple[tuple[str | None, str], Para]] = []
        seen: set[tuple[str | None, str]] = set()
        for p in paras:
            key = p.key if isinstance(p.key, tuple) else (None, clean(p.text).strip())
            label, text = key
            if not (label or text).strip() or key in seen:
                continue
            if not text.strip() and any(k[0] == label for k, _ in texts):
                continue  # a quotation's speaker line, told with the quotation
            seen.add(key)
            texts.append(((label or None, text), p))
        if not texts:
            return []

        heading = title
        subtitle = str(context.get("subtitle") or "").strip()
        lead: str | None = None  # the sentence that became the title
        if subtitle:
            title = self.shorten(subtitle)
            lead = subtitle
        elif notes in ("deck/analysis.j2", "deck/text.j2", "deck/verdict.j2", "deck/ledger_entry.j2"):
            label, text = texts[0][0]
            sentence = first_sentence(text) if text else ""
            if sentence and words(sentence) <= POINT_WORDS and not (label and notes != "deck/verdict.j2"):
                title, lead = sentence, sentence
        if title == heading and words(title) > LONG_TITLE and ": " in title:
            title = title.split(": ", 1)[1]  # a long "Label: subtitle" heading: its subtitle (the whole in the notes)
        elif title == heading:
            title = self.shorten(title)
        if title != heading and heading.endswith(title):
            pass  # the running head stays the section's
        elif title != heading:
            eyebrow = heading  # the part's own heading runs above the sentence that states its point

        points: list[tuple[Para | None, list[dict[str, Any]], object]] = []
        for (label, text), p in texts:
            item = self.item(label, text, p.source)
            if notes == "deck/ledger_overview.j2" and not isinstance(p.key, tuple):
                points.append((None, [item], p.source))  # the byline (director, film): in the notes
                continue
            rest, told = text, False
            if lead is not None and text.startswith(lead):
                rest, told, lead = text[len(lead):].strip(), True, None
            if subtitle and text == subtitle:
                rest, told = "", True
            if not rest and (told or not label):
                points.append((None, [item], p.source))  # told by the title: in the notes only
                continue
            if p.keep_with_next and p.bullet is None and not label:  # a small heading over what follows: kept so
                points.append((p, [item], p.source))
                continue
            if notes == "deck/quotes.j2" and label:  # a quotation: its speaker, then its opening words
                said = self.shorten(rest, max(POINT_WORDS - words(label), MIN_CLAUSE_WORDS))
                said = closed(said, rest, self.t(self.labels.deck_ellipsis))
                para = Para(spans=(Span(self.t(self.labels.deck_label(label)), bold=True), Span(said, italic=True)),
                            bullet=self.t(self.labels.deck_bullet), space_after=0.5, source=p.source)
                points.append((para, [item], p.source))
                continue
            points.append((self.point(label, rest, p.source), [item], p.source))

        if notes == "deck/ledger_entry.j2":  # the figures that matter: the amounts the entry states
            for ref in extra_refs:
                for label, value, source in self.figures_in(ref):
                    para = Para(spans=(Span(self.t(self.labels.deck_label(label)), bold=True),
                                       Span(self.shorten(value, POINT_WORDS - words(label)), bold=True, color=self.c.accent)),
                                bullet=self.t(self.labels.deck_bullet), space_after=0.5, source=source)
                    points.append((para, [self.item(label, value, source)], source))

        budget = self.budget(title, eyebrow)
        chunks: list[list[tuple[Para | None, list[dict[str, Any]], object]]] = [[]]
        used, shown = 0, 0
        for entry in points:
            para = entry[0]
            n = words(para.text) if para is not None else 0
            if para is not None and chunks[-1] and (shown >= self.max_points or used + n > budget):
                chunks.append([])
                used, shown = 0, 0
            chunks[-1].append(entry)
            if para is not None:
                used += n
                shown += 1
        if len(chunks) > 1 and not any(e[0] is not None for e in chunks[-1]):
            chunks[-2].extend(chunks.pop())
        out: list[SlideSpec] = []
        font_sizes = self.sizes.body
        for i, chunk in enumerate(chunks, start=1):
            body = [e[0] for e in chunk if e[0] is not None]
            size = self.m.largest_fit(body, self.body_box, font_sizes) if body else font_sizes[0]
            if size is None:
                size = font_sizes[-1]
            refs = unique([e[2] for e in chunk if isinstance(e[2], SourceRef)])
            if i == 1:
                refs = unique([*extra_refs, *refs])
            items = [item for e in chunk for item in e[1]]
            out.append(
                SlideSpec(
                    notes=notes,
                    title=title,
                    eyebrow=eyebrow,
                    body=body,
                    size=size,
                    context={**context, "items": items, "teaching": True},
                    refs=refs,
                    part=i,
                    parts=len(chunks),
                )
            )
        return out

    def figures_in(self, ref: SourceRef) -> list[tuple[str, str, SourceRef]]:
        """The amounts of money the lines of ``ref`` state about the case's film (typed statements of the
        model): what they measure, and the words as written."""
        out = []
        for st in self.case.statements:
            where = st.source
            if st.amount is None or where.source != ref.source or st.subject not in (None, self.case.film.title):
                continue
            if ref.first_line <= where.first_line and where.last_line <= ref.last_line:
                measure = {"attribute": st.attribute, "scope": st.scope, "subject": None, "subject_kind": "film"}
                out.append((self.t(self.labels.conflict_title(measure)), clean(st.value), where))
        return out

    # --- tables -----------------------------------------------------------------------------------

    def short_cell(self, cell: tuple[Para, ...]) -> tuple[Para, ...]:
        """A table cell in at most twelve words (its first paragraph, the first span's look)."""
        texts = [p for p in cell if p.text.strip()]
        if not texts:
            return ()
        first = texts[0]
        text = " ".join(p.text for p in texts)
        if words(text) <= POINT_WORDS:
            return tuple(texts)
        style = first.spans[0]
        return (replace(first, spans=(replace(style, text=self.shorten(text)),)),)

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
        """The table's rows, each cell short, shared out over slides within the word limit; its foot (the
        exhibit's sources) goes to the notes, which cite them."""
        short = [replace(r, cells=tuple(self.short_cell(c) for c in r.cells)) for r in rows]
        budget = self.budget(title, eyebrow, *header)
        first_budget = budget - sum(words(p.text) for p in intro)
        chunks: list[list[Row]] = [[]]
        used = 0
        for row in short:
            n = sum(words(p.text) for cell in row.cells for p in cell)
            limit = first_budget if len(chunks) == 1 else budget
            if chunks[-1] and used + n > limit:
                chunks.append([])
                used = 0
            chunks[-1].append(row)
            used += n
        out: list[SlideSpec] = []
        for i, chunk in enumerate(chunks):
            out.extend(super().table_slides(notes, eyebrow, title, header, chunk, fractions, repeat,
                                            intro=intro if i == 0 else ()))
        return [replace(s, part=i, parts=len(out)) for i, s in enumerate(out, start=1)]

    def exhibit_timeline_slides(self, exhibit: Exhibit) -> list[SlideSpec]:
        """The timeline exhibit as dates and what happened (its opening words; the kinds and the whole text in
        the notes)."""
        labels = self.labels
        merged = [
            (list(dict.fromkeys(self.t(labels.event_kinds.get(k, k)) for k in kinds)), event)
            for kinds, event in told_once(sorted(exhibit.events, key=Event.when))
        ]
        if not merged:
            return []
        header = [self.t(labels.event_when), self.t(labels.event_what)]
        rows = []
        for number, (kinds, event) in enumerate(merged, start=1):
            date = self.t(labels.event_date(event))
            kind = self.t(labels.exhibit_event_kinds(kinds))
            what = event_told(labels, event)  # "Ana Roe born in Faro", "*Salt Marsh* released", or the source's words
            plain = clean(what.plain)
            if len(plain.split()) <= TIMELINE_WORDS:
                spans = spans_of(what)
            else:
                spans = (Span(self.shorten(plain, TIMELINE_WORDS)),)
            rows.append(
                Row(
                    cells=((Para(spans=(Span(date, bold=True),)),), (Para(spans=spans),)),
                    source=event.source,
                    key={"number": number, "when": date, "kind": kind, "text": plain},
                )
            )
        return self.exhibit_table(exhibit, header, rows, (0.25, 0.75), repeat=1)

    def stakeholder_table(self, people: Sequence[Stakeholder]) -> list[SlideSpec]:
        """Role, who and outcome; the impact and the other lines in the notes."""
        if not people:
            return []
        labels = self.labels
        header = [self.t(labels.stakeholder_role), self.t(labels.stakeholder_name), self.t(labels.stakeholder_outcome)]
        rows = [
            Row(
                cells=(
                    (Para(spans=(Span(clean(s.role), bold=True),)),),
                    (Para(spans=(Span(clean(s.name)),)),),
                    (Para(spans=self.rich(s.outcome)),) if s.outcome else (),
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
            for s in people
        ]
        return self.table_slides(
            "deck/stakeholders.j2",
            clean(self.case.film.title),
            self.t(labels.stakeholder_balance_sheet),
            header,
            rows,
            (0.25, 0.25, 0.50),
            repeat=2,
        )

    # --- the key figures --------------------------------------------------------------------------

    def key_figure_slides(self) -> list[SlideSpec]:
        """One to three amounts of the budget and box-office exhibit, drawn large with their labels and
        sources (the model's typed amounts, worded as the exhibit words them)."""
        exhibit: Exhibit | None = next((e for e in self.case.exhibits if e.kind == "budget_box_office"), None)
        if exhibit is None:
            return []
        figures: list[tuple[str, str, str, Any]] = []
        told: list[dict[str, Any]] = []
        measures: set[str] = set()
        for bar in exhibit.bars:
            a = bar.amount
            if a.value is None and a.lower is None and a.upper is None:
                continue
            if self.known(bar.source):
                category = self.t(self.labels.bar_label(self.case, bar))
            else:
                category = self.t(self.labels.measure_names.get(bar.measure, bar.measure))
            where = self.where(bar.source)
            told.append({"category": category, "label": self.amount_text(a), "words": clean(a.text), "where": where})
            if len(figures) < 3 and bar.measure not in measures:  # the first each source-kind states of a measure
                measures.add(bar.measure)
                figure = self.t(self.labels.figure(a, a.currency or exhibit.currency))
                figures.append((figure, category, where, bar.source))
        if not figures:
            return []
        columns = [
            [
                Para(spans=(Span(figure, bold=True, color=self.c.accent),), scale=1.8, space_after=0.25, align="center"),
                Para(spans=(Span(self.shorten(category)),), space_after=0.3, align="center"),
                Para(spans=(Span(where, color=self.c.muted),), scale=0.7, align="center"),
            ]
            for figure, category, where, _ in figures
        ]
        rects = split_rect(self.grid.body, [1.0] * len(columns))
        boxes = [box_of(r) for r in rects]
        size = self.sizes.body[-1]
        for candidate in self.sizes.body:
            fits = all(self.m.fits(c, candidate, b) for c, b in zip(columns, boxes, strict=True))
            whole = not any(self.m.breaks_words(p, p.size(candidate), b.text_width)
                            for c, b in zip(columns, boxes, strict=True) for p in c)
            if fits and whole:
                size = candidate
                break
        caption = self.t(self.labels.exhibit_caption(exhibit))
        context = {"kind": exhibit.kind, "caption": caption, "bars": told, "marks": [], "rows": [], "key_figures": True}
        return [
            SlideSpec(
                notes="deck/exhibit.j2",
                title=self.t(self.tl.key_figures_title),
                eyebrow=self.t(self.labels.exhibit_label(exhibit)),
                size=size,
                columns=columns,
                column_rects=rects,
                column_name="Key figure",
                context=context,
                refs=unique([*(f[3] for f in figures), *exhibit.sources]),
            )
        ]

    # --- where the sources disagree ---------------------------------------------------------------

    def disagreement_slides(self) -> list[SlideSpec]:
        """One slide per disagreement, its title a question for the class, each claim a point with its source."""
        conflicts: list[Conflict] = [c for c in self.case.conflicts if c.claims]
        labels = self.labels
        out: list[SlideSpec] = []
        for conflict in conflicts:
            subject = self.t(labels.conflict_title(conflict))
            title = self.t(self.tl.conflict_question(subject))
            eyebrow = self.t(labels.disagreements)
            rows: list[dict[str, Any]] = []
            points: list[Para] = []
            for claim in conflict.claims:
                where = self.where(claim.source)
                value = clean(claim.value).strip()
                rows.append({"heading": False, "title": subject, "value": value, "where": where, "continued": False,
                             "reading": clean(str(labels.claim_reading(claim)))})
                short = self.shorten(value, POINT_WORDS - words(where))
                points.append(Para(spans=(Span(self.t(labels.deck_claim(short))),
                                          Span(self.t(self.tl.claim_where(where)), color=self.c.muted)),
                                   bullet=self.t(labels.deck_bullet), space_after=0.5, source=claim.source))
            budget = self.budget(title, eyebrow)
            chunks: list[list[Para]] = [[]]
            told: list[list[dict[str, Any]]] = [[]]
            used = 0
            for p, row in zip(points, rows, strict=True):
                if chunks[-1] and (len(chunks[-1]) >= self.max_points or used + words(p.text) > budget):
                    chunks.append([])
                    told.append([])
                    used = 0
                chunks[-1].append(p)
                told[-1].append(row)
                used += words(p.text)
            for i, (chunk, claims) in enumerate(zip(chunks, told, strict=True), start=1):
                heading = {"heading": True, "title": subject, "continued": i > 1}
                size = self.m.largest_fit(chunk, self.body_box, self.sizes.body) or self.sizes.body[-1]
                out.append(SlideSpec(
                    notes="deck/disagreements.j2",
                    title=title,
                    eyebrow=eyebrow,
                    body=chunk,
                    size=size,
                    context={"rows": [heading, *claims], "header": [], "question": title},
                    refs=unique([p.source for p in chunk if isinstance(p.source, SourceRef)]),
                    part=i,
                    parts=len(chunks),
                ))
        return out

    # --- the arc ----------------------------------------------------------------------------------

    def section_entries(self, section: Section) -> list[tuple[str, list[SlideSpec]]]:
        """The reading deck's entries of ``section``, with two changes: the timeline has none when an exhibit
        draws its dates (the dates are told once, in their exhibit), and the key figures of the budget exhibit
        follow the summary of the section that refers the reader to that exhibit (the executive summary)."""
        if section.kind == "timeline" and section.exhibits:
            return []
        entries = super().section_entries(section)
        if self._budget_exhibit() in section.exhibits and section.kind != "exhibits":
            entries.insert(1, (self.t(self.tl.key_figures), self.key_figure_slides()))
        return entries

    def sections(self) -> list[tuple[str, list[SlideSpec]]]:
        """The reading deck's sections (the outline's order); the key figures open the deck when no section
        refers the reader to the budget exhibit."""
        sections = super().sections()
        budget = self._budget_exhibit()
        told = any(budget in s.exhibits for s in outline(self.case).case_study if s.kind != "exhibits")
        figures = self.key_figure_slides() if budget is not None and not told else []
        return [(self.t(self.tl.key_figures), figures), *sections] if figures else sections

    def _budget_exhibit(self) -> int | None:
        """The number of the budget against box office exhibit, if the case has one."""
        return next((e.number for e in self.case.exhibits if e.kind == "budget_box_office"), None)


__all__ = ["TeachingDeckBuilder", "cut", "first_sentence", "short_form", "words"]
