"""The case model: everything a case study says, each fact with the place it came from.

The model is pydantic only. It knows nothing of files on disk, of reportlab or of python-pptx:
ingest fills it (through :mod:`casebook.model.builder`), renderers read it and never change it.
Every model forbids unknown keys and is frozen once built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base of every part of the case: unknown keys are an error, a built case is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- provenance -----------------------------------------------------------------------------------


class SourceRef(Model):
    """Where a fact came from: a source of the case and the lines (1-based, inclusive) that say it."""

    source: str = Field(description="id of the source document (see Case.sources)")
    first_line: int = Field(ge=1)
    last_line: int = Field(ge=1)

    def label(self) -> str:
        if self.first_line == self.last_line:
            return f"{self.source}:{self.first_line}"
        return f"{self.source}:{self.first_line}-{self.last_line}"


SourceKind = Literal["business", "ledger", "press_release", "press_kit", "unknown"]


class Source(Model):
    """One document of the case folder."""

    id: str = Field(description="short stable id, e.g. 'S1'")
    file: str = Field(description="file name inside the case folder")
    kind: SourceKind
    title: str | None = Field(default=None, description="the document's own title, when it has one")
    sha256: str
    lines: int = Field(ge=0, description="number of lines in the document")


# --- text -----------------------------------------------------------------------------------------


class Run(Model):
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


class RichText(Model):
    """Text with inline emphasis, kept as runs so that no renderer has to parse markdown."""

    runs: list[Run] = Field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)

    def __bool__(self) -> bool:
        return bool(self.plain.strip())

    @classmethod
    def of(cls, text: str) -> RichText:
        return cls(runs=[Run(text=text)] if text else [])


class Paragraph(Model):
    text: RichText
    source: SourceRef


class TextBlock(Model):
    """A block of a document that casebook shows as written, in its place: it is there, but no recogniser
    gave it a structure (a preface of the ledger, a note under the stakeholders, a table of other columns)."""

    kind: Literal["paragraph", "list", "table", "quote", "code", "heading"] = Field(
        description="what the block is in its document; 'heading' for a heading with nothing under it")
    heading: str | None = Field(
        default=None, description="the unrecognised heading it stands under, shown above it (None: none)")
    heading_path: list[str] = Field(
        default_factory=list, description="every heading above the block inside its section, outermost first")
    text: RichText | None = Field(default=None, description="the text of a paragraph, quotation, code or heading")
    items: list[RichText] = Field(default_factory=list, description="the items of a list, in order")
    ordered: bool = Field(default=False, description="whether the list is numbered")
    header: list[str] = Field(default_factory=list, description="the column names of a table")
    rows: list[list[RichText]] = Field(default_factory=list, description="the rows of a table, cell by cell")
    source: SourceRef


class TextSection(Model):
    """A part of the business analysis that is none of its three sections (a preface under the title, an
    appendix), shown as written after the section it follows in its document."""

    title: str | None = Field(default=None, description="its heading; None for what stands before the first section")
    follows: Literal["start", "executive_summary", "analysis", "stakeholders"] = Field(
        description="the section of the business analysis it comes after ('start': before all of them)")
    blocks: list[TextBlock] = Field(default_factory=list)
    source: SourceRef


# --- numbers in the text --------------------------------------------------------------------------


class Amount(Model):
    """A money amount or percentage found in a fact, beside the words that give it.

    Bounds follow the wording: "<$1,000,000" has only an upper bound, "approximately $130,000"
    has a value marked approximate, "$4.6 million" an exact value.
    """

    kind: Literal["money", "percent"]
    text: str = Field(description="the words of the source that give the amount")
    value: float | None = Field(default=None, description="the amount, when one value is given")
    lower: float | None = Field(default=None, description="lower bound, when the text gives one")
    upper: float | None = Field(default=None, description="upper bound, when the text gives one")
    approximate: bool = False
    currency: str | None = Field(default=None, description="ISO 4217 code for money")


# --- executive summary ----------------------------------------------------------------------------


class Fact(Model):
    """A labelled fact, e.g. **Estimated Budget:** <$1,000,000 USD (...); a bare bullet has no label."""

    label: str | None = None
    value: RichText
    amounts: list[Amount] = Field(default_factory=list)
    columns: list[str] = Field(
        default_factory=list, description="the column names of the table the fact is a row of (none: not a table)")
    source: SourceRef


class FactGroup(Model):
    title: str | None = Field(default=None, description="the group's heading; None when the source gives none")
    role: Literal["verdict"] | None = Field(
        default=None, description="'verdict' for the group that gives the analysis's bottom line")
    facts: list[Fact]
    paragraphs: list[Paragraph] = Field(
        default_factory=list, description="prose of the group, shown as paragraphs; with the facts in source order")
    source: SourceRef


# --- strategic analysis ---------------------------------------------------------------------------


class Point(Model):
    """A bullet point of the analysis, usually with a bold label ("The FIPRESCI Premium")."""

    label: str | None = None
    text: RichText
    source: SourceRef


class AnalysisSection(Model):
    title: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)
    source: SourceRef


AnalysisPartKind = Literal["introduction", "body", "conclusion", "other"]


class AnalysisPart(Model):
    """Introduction, body or conclusion of the strategic analysis."""

    kind: AnalysisPartKind
    heading: str = Field(description="the source's heading, e.g. 'Introduction: The Fulcrum'")
    title: str = Field(description="the heading without its kind, e.g. 'The Fulcrum'")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)
    sections: list[AnalysisSection] = Field(default_factory=list)
    source: SourceRef


class Analysis(Model):
    parts: list[AnalysisPart]

    def part(self, kind: AnalysisPartKind) -> AnalysisPart | None:
        return next((p for p in self.parts if p.kind == kind), None)


# --- director's ledger ----------------------------------------------------------------------------


class LedgerEntry(Model):
    number: int
    title: str
    subtitle: str | None = None
    paragraphs: list[Paragraph]
    blocks: list[TextBlock] = Field(
        default_factory=list, description="tables of the entry, shown as written among its paragraphs (source order)")
    source: SourceRef


class Ledger(Model):
    title: str | None = None
    director: str | None = None
    film: str | None = None
    film_alternative_title: str | None = None
    film_line: RichText | None = Field(
        default=None, description="the ledger's line naming the film, as it writes it ('*Once* (Ireland, 2007)')")
    year: int | None = None
    entries: list[LedgerEntry] = Field(default_factory=list)
    blocks: list[TextBlock] = Field(
        default_factory=list, description="what the ledger says outside its entries and casebook shows as written: "
        "a preface, or the whole ledger when it has no entries casebook recognises")
    source: SourceRef


# --- stakeholders ---------------------------------------------------------------------------------


class Stakeholder(Model):
    role: str
    name: str
    people: list[str] = Field(description="the people or organisations the name lists")
    outcome: RichText
    impact: RichText
    details: list[Fact] = Field(default_factory=list, description="the entry's other lines (labelled or not), "
                                "shown after its impact")
    source: SourceRef


# --- the film -------------------------------------------------------------------------------------


class Premiere(Model):
    date: dt.date | None = None
    festival: str | None = None
    section: str | None = None
    kind: str | None = Field(default=None, description="e.g. 'world premiere'")
    source: SourceRef


class Runtime(Model):
    """The film's running time: the minutes (the templates word them) and the words of the source that give it."""

    minutes: int = Field(gt=0)
    text: str = Field(description="the line of the source that gives the running time, as written")
    source: SourceRef


class Named(Model):
    """A name with the place that gives it."""

    value: str
    source: SourceRef


class Film(Model):
    title: str
    alternative_titles: list[str] = Field(default_factory=list)
    year: int | None = None
    director: Named | None = None
    runtime: Runtime | None = None
    premiere: Premiere | None = None
    synopsis: list[Paragraph] = Field(default_factory=list)


# --- what the press documents say ---------------------------------------------------------------


class Quote(Model):
    """Words a person said, as the press release (or the press kit's notes) quotes them: one quote per paragraph
    group. ``speaker`` is None when the text attributes the words to nobody for certain."""

    speaker: str | None = None
    role: str | None = None
    paragraphs: list[str]
    source: SourceRef


class Award(Model):
    name: str
    year: int | None = None
    text: str = Field(description="the sentence that says it")
    source: SourceRef


class AnswerParagraph(Paragraph):
    """A paragraph of an interview answer; ``speaker`` when the kit names who answers ("STEFANOV: …")."""

    speaker: str | None = None


class InterviewAnswer(Model):
    question: str
    answer: list[AnswerParagraph]
    source: SourceRef


class Footnote(Model):
    marker: str
    text: str
    source: SourceRef
    cited_at: SourceRef | None = None


class FilmographyEntry(Model):
    person: str | None = None
    year: int
    title: str
    alternative_title: str | None = None
    minutes: int | None = None
    kind: str | None = None
    source: SourceRef


class ProductionFact(Model):
    """How the film was made: who wrote, produced and financed it, when and where it was shot, with what."""

    attribute: str
    value: str
    text: str = Field(description="the sentence that says it")
    source: SourceRef


class Press(Model):
    headline: Named | None = None
    quotes: list[Quote] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    interviewee: str | None = None
    interview: list[InterviewAnswer] = Field(default_factory=list)
    statement: list[Paragraph] = Field(default_factory=list)
    notes: list[Paragraph] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    production: list[ProductionFact] = Field(default_factory=list)
    filmographies: list[FilmographyEntry] = Field(default_factory=list)


# --- people, events, disagreements ------------------------------------------------------------------


class Mention(Model):
    """One place that names a person or organisation, with the role it gives them there."""

    name: str = Field(description="the name as this source spells it")
    role: str | None = None
    source: SourceRef


class Person(Model):
    """A person or organisation of the case, merged across the sources and their spellings."""

    name: str
    kind: Literal["person", "organisation"] = "person"
    roles: list[str] = Field(default_factory=list, description="one per kind of credit, in one casing")
    parts: list[str] = Field(default_factory=list, description="the characters a member of the cast plays")
    aliases: list[str] = Field(default_factory=list, description="other spellings and scripts the sources use")
    born: dt.date | None = None
    born_year: int | None = None
    birthplace: str | None = None
    training: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


EventKind = Literal["born", "studied", "shot", "premiered", "awarded", "released", "other"]


class Event(Model):
    """A dated event; ``date`` when the source gives the day, else ``year`` (and ``month``)."""

    year: int
    month: int | None = Field(default=None, ge=1, le=12)
    date: dt.date | None = None
    kind: EventKind
    text: str = Field(description="the words of the source that tell it, shortened where long")
    subject: str | None = Field(default=None, description="who or what it happened to, where the source makes it "
                                "certain: the person born, the film released, the festival of a premiere")
    place: str | None = Field(default=None, description="where it happened, where the source says: a birthplace")
    source: SourceRef

    def when(self) -> float:
        """Where the event falls, in years: the day when known, else the middle of its month or year."""
        if self.date is not None:
            return self.date.year + (self.date.month - 1 + (self.date.day - 1) / 31) / 12
        if self.month is not None:
            return self.year + (self.month - 0.5) / 12
        return self.year + 0.5


def told_once(events: Iterable[Event]) -> list[tuple[list[EventKind], Event]]:
    """The events as a reader is told them: events one after another that differ in kind alone (the same day,
    the same text from the same lines, the same subject: born and studied, premiered and awarded) are one, with
    each of their kinds in order. Events without text are left out."""
    merged: list[tuple[list[EventKind], Event]] = []
    for event in events:
        if not event.text.strip():
            continue
        if merged:
            kinds, last = merged[-1]
            if (last.year, last.month, last.date, last.text, last.subject, last.place, last.source) == (
                event.year, event.month, event.date, event.text, event.subject, event.place, event.source
            ):
                if event.kind not in kinds:
                    kinds.append(event.kind)
                continue
        merged.append(([event.kind], event))
    return merged


class Rate(Model):
    """The exchange rate a conversion used: the ECB's mean of a month, a fixed euro rate, or the source's own."""

    value: float | None = Field(default=None, description="units of the target currency for one of the source's")
    period: str | None = Field(default=None, description="the month of an ECB mean rate, YYYY-MM")
    fixed: bool = Field(default=False, description="the irrevocable rate of a currency the euro replaced")
    source_own: bool = Field(default=False, description="the source's own conversion, written beside the figure")


class Converted(Model):
    """A figure in the currency the disagreement is read in."""

    currency: str
    approximate: bool = False
    value: float | None = None
    lower: float | None = None
    upper: float | None = None


class Reading(Model):
    """How casebook read a claim's value: its type and the typed value it compared (no wording: the templates
    word it)."""

    kind: Literal["money", "count", "date", "duration", "names", "name", "year", "years", "flag"]
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    currency: str | None = None
    cutoff: str | None = Field(default=None, description="the day a running total is counted to")
    converted: Converted | None = None
    rate: Rate | None = None
    date: str | None = Field(default=None, description="ISO date, cut to its precision (2019, 2019-05, 2019-05-16)")
    precision: Literal["day", "month", "year"] | None = None
    amount: float | None = Field(default=None, description="a duration's number of units")
    unit: str | None = None
    bound: Literal["upper", "lower"] | None = None
    names: list[str] = Field(default_factory=list)
    exclusive: bool = Field(default=False, description="the source says this award was the only one there")
    year: int | None = None
    flag: str | None = None


class Claim(Model):
    """What one source says about an attribute, in its own words, and how casebook read it."""

    value: str = Field(description="the value as the source words it")
    reading: Reading = Field(description="the value as casebook compared it")
    source: SourceRef


class Conflict(Model):
    """An attribute of one subject, in one scope, on which the sources give values that cannot all be true."""

    attribute: str = Field(description="what the claims are about: budget, box_office, financing, admissions, "
                           "premiere_date, release_date, runtime, award_count, award_nominations, award_won, "
                           "shooting_period, footage_hours, crew, state_funding, financiers, title_year, event_year, birth")
    subject: str | None = Field(default=None, description="the film, title, place or person the attribute belongs to")
    subject_kind: Literal["film", "title", "short", "person", "event"] = Field(
        default="film", description="film: the case's film; title: another title; short: a short film of that title")
    scope: str | None = Field(default=None, description="which quantity: worldwide, domestic, a country, a festival, "
                              "a medium and a country for a release, a crew role; with 'to DATE' for a running total")
    claims: list[Claim] = Field(min_length=2)


class Statement(Model):
    """What one source says about an attribute that other sources may state too (see ``conflicts``)."""

    attribute: str
    subject: str | None = None
    scope: str | None = None
    value: str = Field(description="the words of the source")
    reading: Reading = Field(description="the value as casebook compared it")
    amount: Amount | None = Field(default=None, description="for money: the amount with its bounds")
    source: SourceRef


# --- exhibits -------------------------------------------------------------------------------------


class MoneyBar(Model):
    """One amount of the budget-against-box-office exhibit, as one source states it."""

    measure: Literal["budget", "box_office"]
    amount: Amount
    source: SourceRef


class StakeholderOutcome(Model):
    role: str
    name: str
    outcome: str
    source: SourceRef


ExhibitKind = Literal["budget_box_office", "timeline", "stakeholder_outcomes"]


class Exhibit(Model):
    """A numbered exhibit: its data lives here so that the PDF and the deck show the same numbers."""

    number: int = Field(ge=1)
    kind: ExhibitKind
    currency: str | None = None
    bars: list[MoneyBar] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    outcomes: list[StakeholderOutcome] = Field(default_factory=list)
    sources: list[SourceRef] = Field(description="every place the exhibit's data comes from")


class Recoupment(Model):
    """Whether the film earned its budget back at the box office, decided once from the budget-against-box-office
    exhibit (the teaching note words it; no template decides it).

    The box office compared is the largest the sources are sure of (a stated amount, else a floor: "over $2
    million"); the budget compared is the largest they allow (a stated amount, else a ceiling: "under $1
    million"). A range counts by its floor for the box office and its ceiling for the budget. Of equal figures
    the first the exhibit lists is taken. The film earned its budget back only when that box office is greater
    than that budget; when either is missing, or the box office is not greater, the sources do not show it.
    """

    earned_back: bool = Field(description="true only when the sources make certain that the box office exceeds the budget")
    budget: MoneyBar | None = Field(default=None, description="the budget compared, as its source states it")
    box_office: MoneyBar | None = Field(default=None, description="the box office compared, as its source states it")
    currency: str | None = Field(default=None, description="the exhibit's currency (ISO 4217), both figures are in it")


# --- findings about the case itself ---------------------------------------------------------------


#: Every warning casebook gives. Each is worded twice in ``templates/warnings.j2``: ``instructor_<code>`` for the
#: instructor at the command line (``casebook check``, ``build``), which may name frontmatter keys, and
#: ``reader_<code>`` for the reader of the case study's "Gaps in the sources" (empty: not the reader's concern).
WarningCode = Literal[
    # ingest: what one document lacks
    "ledger_unnumbered", "ledger_entry_empty", "ledger_out_of_sequence",
    "summary_group_empty", "analysis_part_empty", "stakeholder_incomplete", "stakeholders_unrecognised",
    "interview_no_questions", "footnote_missing", "press_kit_no_synopsis", "press_release_no_premiere",
    # ingest: the document itself and its place in the folder
    "unknown_category", "unrecognised_document", "title_from_other_document", "second_document", "legacy_encoding",
    # the builder: what the case lacks
    "missing_document", "title_not_given", "no_director", "business_section_missing", "no_movie_id",
    # before rendering: characters the theme's fonts cannot draw
    "missing_glyphs",
]

WarningParam = int | str | list[int] | list[str] | None


class CaseWarning(Model):
    """Something the case lacks or that looks wrong, found while building it: a code and the parameters its
    wording needs (the templates word it, for each audience)."""

    code: WarningCode
    params: dict[str, WarningParam] = Field(default_factory=dict)
    source: SourceRef | None = None
    file: str | None = Field(default=None, description="file the warning is about, when no line is")


class Case(Model):
    """A business case study about one subject, built from the documents of one case folder."""

    id: str = Field(description="the documents' movieId, as text")
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(description="title of the case study")
    film: Film
    executive_summary: list[FactGroup] = Field(default_factory=list)
    analysis: Analysis | None = None
    ledger: Ledger | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    business_sections: list[TextSection] = Field(
        default_factory=list, description="parts of the business analysis that are none of its sections, as written")
    stakeholder_blocks: list[TextBlock] = Field(
        default_factory=list, description="blocks of the stakeholder balance sheet that are no stakeholder casebook "
        "recognises, shown as written in their place (with the stakeholders, in source order)")
    press: Press = Field(default_factory=Press)
    people: list[Person] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    exhibits: list[Exhibit] = Field(default_factory=list)
    recoupment: Recoupment | None = Field(
        default=None, description="whether the box office earned the budget back; none without a budget and box "
        "office exhibit")
    sources: list[Source]
    warnings: list[CaseWarning] = Field(default_factory=list)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def fact_group(self, title: str) -> FactGroup | None:
        wanted = title.casefold()
        return next((g for g in self.executive_summary if g.title.casefold() == wanted), None)
