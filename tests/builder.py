"""One case built by hand, for the tests of the renderers (the PDF, the deck, and what builds on them).

The film (*Zorka*, directed by Élodie Márquez) is invented; its four source documents exist only as the references
here. The case has every section, and text that tries to break markup, fonts and layout: markup characters
(``<b>``, ``&``), Cyrillic, typographic quotes and dashes, control characters, and (with ``long=True``) texts too
long for one slide or one page. Golden values in the tests are read from this file.
"""

from __future__ import annotations

import datetime as dt

from casebook.model.case import (
    Amount,
    Analysis,
    AnalysisPart,
    AnalysisSection,
    Case,
    CaseWarning,
    Claim,
    Conflict,
    Event,
    Exhibit,
    Fact,
    FactGroup,
    Film,
    Ledger,
    LedgerEntry,
    Mention,
    MoneyBar,
    Named,
    Paragraph,
    Person,
    Point,
    Premiere,
    Press,
    Quote,
    Reading,
    RichText,
    Run,
    Runtime,
    Source,
    SourceRef,
    Stakeholder,
    StakeholderOutcome,
)

# the files of the four sources
BUSINESS = "000_business.txt"  # S1
LEDGER = "001_ledger.txt"  # S2
PRESS = "002_press.txt"  # S3, the press release
KIT = "003_kit.txt"  # S4, the press kit, without a title


def ref(source: str = "S1", first: int = 1, last: int | None = None) -> SourceRef:
    return SourceRef(source=source, first_line=first, last_line=last or first)


def text(*runs: str | tuple[str, str]) -> RichText:
    """Rich text from runs: a plain string, or (style, text) with style 'b', 'i' or 'bi'."""
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(Run(text=run))
        else:
            style, words = run
            out.append(Run(text=words, bold="b" in style, italic="i" in style))
    return RichText(runs=out)


def para(*runs: str | tuple[str, str], source: str = "S1", line: int = 1) -> Paragraph:
    return Paragraph(text=text(*runs), source=ref(source, line))


def money(text: str, **kw: float | bool) -> Amount:
    return Amount(kind="money", text=text, currency="USD", **kw)  # type: ignore[arg-type]


BODY_HEADING = "Body: The Post-Mortem – R&D <i>Зорька</i>"
BORN = "Born on 4 March 1990 in Нальчик; studied at <VGIK> & GITIS."
#: the director's impact: long enough to be shortened in its PDF note
LONG_IMPACT = (
    "Le réalisateur a prouvé sa valeur – et l’a fait vite… Режиссёр доказал, что умеет работать с ограниченным бюджетом. "
) * 6
SENTENCE = (
    "The producers weighed each market – Москва, Paris, São Paulo – against the cost of a "
    "release, and the café owners’ co-operative “voted” <b>no</b> & moved on… "
)
LONG_TEXT = SENTENCE * 40  # far more than one slide holds at the smallest size
#: the principal cast's impact (``long=True``): more than one slide's table holds, less than a PDF page
CAST_IMPACT = ("Режиссёр доказал, что умеет работать с малым бюджетом – and l’équipe followed. ") * 12
HOSTILE = "Tab\there, bell\x07, escape\x1b, nonchar\ufffe\uffff, surrogate\ud800 end"
LONG_QUOTE = "We shot it in a month, with friends – и без денег – because nobody else would. " * 30


def sample_case(long: bool = True, exhibits: bool = True) -> Case:
    """The case with every section. ``long``: the texts, the quote, the impact and the timeline that need more than
    one slide; ``exhibits``: its three exhibits (budget against box office, timeline, stakeholder outcomes)."""
    cannes_paragraphs = [para("Markets do not value art.", line=26)]
    if long:
        cannes_paragraphs.append(para(LONG_TEXT, line=27))
    quote_paragraphs = ["We shot it in <b>nine</b> days & nights.", "Nobody believed us – Нальчик did."]
    if long:
        quote_paragraphs.append(LONG_QUOTE)
    stakeholders = [
        Stakeholder(
            role="The Director",
            name="Élodie Márquez",
            people=["Élodie Márquez"],
            outcome=text(("b", "Maximum Asset Appreciation.")),
            impact=text(LONG_IMPACT if long else "Her market rate rose."),
            source=ref(first=40),
        ),
        Stakeholder(
            role="Principal Cast",
            name="Дарья Жовнер",
            people=["Дарья Жовнер"],
            outcome=text(("b", "Critical Breakout / Low Financial Yield.")),
            impact=text(CAST_IMPACT if long else "Rave reviews; no blockbuster roles."),
            source=ref(first=44),
        ),
    ]
    timeline = [
        Event(year=1990, month=3, date=dt.date(1990, 3, 4), kind="born", text=BORN, source=ref("S4", 30)),
        Event(year=1990, month=3, date=dt.date(1990, 3, 4), kind="studied", text=BORN, source=ref("S4", 30)),
        Event(year=2015, kind="released", text="2015 – SHORT <ONE>, 15 min", source=ref("S4", 31)),
        Event(year=2020, month=11, kind="shot", text="Shooting began in November 2020.", source=ref("S4", 40)),
        # told by the lines of the premiere: the same note number as the film's premiere
        Event(year=2021, month=5, date=dt.date(2021, 5, 20), kind="premiered", text="World premiere.", source=ref("S3", 2)),
    ]
    if long:  # a crowded timeline of one short's releases, far more rows than one slide holds
        timeline += [
            Event(year=2022, month=(i % 12) + 1, kind="released", text=f"Release number {i}: " + SENTENCE * (i % 3),
                  source=ref("S4", 60 + i))
            for i in range(16)
        ]
    case = Case(
        id="4711",
        slug="zorka",
        title="Thin Margins & Wide <b>Acclaim</b>: Valuing Zorka",
        film=Film(
            title="Zorka",
            alternative_titles=["Зорька"],
            year=2021,
            director=Named(value="Élodie Márquez", source=ref("S2", 5)),
            runtime=Runtime(minutes=104, text="104 min", source=ref("S4", 9)),
            premiere=Premiere(
                date=dt.date(2021, 5, 20),
                festival="Festival de Cannes",
                section="Un Certain Regard",
                kind="world premiere",
                source=ref("S3", 2),
            ),
            synopsis=[
                para("1998, Нальчик. Ilana works in her father’s garage… ", ("i", "until the night"),
                     ". Nobody calls the police – they never do.", source="S4", line=3),
            ],
        ),
        executive_summary=[
            FactGroup(
                title="Investment Profile",
                source=ref(first=8),
                facts=[
                    Fact(
                        label="Estimated Budget",
                        value=text("<$1,000,000 USD (Production + minimal P&A)."),
                        amounts=[Amount(kind="money", text="<$1,000,000", upper=1_000_000, currency="USD")],
                        source=ref(first=9),
                    ),
                    Fact(
                        label="Key Stakeholders",
                        value=text("Студия «Пример интонации», AT&T Pictures"),
                        source=ref(first=10),
                    ),
                    Fact(
                        label="Asset Class",
                        value=text("Micro-budget ", ("i", "auteur"), " debut & ", ("b", "no"), " café “débuts” …"),
                        source=ref(first=11),
                    ),
                ],
            ),
            FactGroup(
                title="Strategic Verdict",
                role="verdict",
                source=ref(first=12),
                facts=[
                    Fact(
                        label="Assessment",
                        value=text("A theatrical flop but a ", ("i", "strategic"), " triumph."),
                        source=ref(first=13),
                    ),
                    Fact(label="Primary Driver", value=text("Prestige capital."), source=ref(first=14)),
                ],
            ),
        ],
        analysis=Analysis(
            parts=[
                AnalysisPart(
                    kind="introduction",
                    heading="Introduction: The Fulcrum",
                    title="The Fulcrum",
                    paragraphs=[
                        para("Consider the ", ("b", "“Festival-First” Valuation Model"), ".", line=20),
                        para(HOSTILE, line=21),
                    ],
                    source=ref(first=19),
                ),
                AnalysisPart(
                    kind="body",
                    heading=BODY_HEADING,
                    title="The Post-Mortem",
                    source=ref(first=24),
                    sections=[
                        AnalysisSection(
                            title="The Cannes Currency Exchange",
                            paragraphs=cannes_paragraphs,
                            points=[
                                Point(
                                    label="The FIPRESCI Premium",
                                    text=text("A “Quality Stamp” for a risky asset."),
                                    source=ref(first=28),
                                ),
                                Point(label=None, text=text("Cost avoidance < 5% of budget."), source=ref(first=29)),
                            ],
                            source=ref(first=25),
                        ),
                        AnalysisSection(title="An Empty Section", source=ref(first=30)),
                    ],
                ),
                AnalysisPart(kind="other", heading="Nothing Here", title="Nothing Here", source=ref(first=31)),
                AnalysisPart(
                    kind="conclusion",
                    heading="Conclusion: The Industrial Lesson",
                    title="The Industrial Lesson",
                    paragraphs=[para("Valuation is subjective.", line=33)],
                    source=ref(first=32),
                ),
            ]
        ),
        ledger=Ledger(
            title="The Director’s Ledger: A High-Stakes Investment",
            director="Élodie Márquez",
            film="Zorka",
            year=2021,
            source=ref("S2", 1),
            entries=[
                LedgerEntry(
                    number=1,
                    title="The Balance Sheet",
                    subtitle="The Situation Immediately Before",
                    paragraphs=[para("In 2016 she possessed zero commercial equity.", source="S2", line=8)],
                    source=ref("S2", 7),
                ),
                LedgerEntry(
                    number=2,
                    title="The Investment",
                    paragraphs=[para("The gamble was less financial than socio-political.", source="S2", line=11)],
                    source=ref("S2", 10),
                ),
            ],
        ),
        stakeholders=stakeholders,
        sources=[
            Source(id="S1", file=BUSINESS, kind="business", title="Thin Margins", sha256="ab" * 32, lines=70),
            Source(id="S2", file=LEDGER, kind="ledger", title="Ledger", sha256="cd" * 32, lines=21),
            Source(id="S3", file=PRESS, kind="press_release", title="At Cannes", sha256="ef" * 32, lines=15),
            Source(id="S4", file=KIT, kind="press_kit", title=None, sha256="01" * 32, lines=198),
        ],
        press=Press(
            quotes=[
                Quote(speaker="Élodie Márquez", role="director", paragraphs=quote_paragraphs, source=ref("S3", 4, 5)),
                Quote(paragraphs=["A line nobody signed."], source=ref("S3", 7)),
                Quote(speaker="Nobody", paragraphs=["", "  "], source=ref("S3", 9)),  # nothing to show
            ]
        ),
        people=[
            Person(
                name="Élodie Márquez",
                roles=["Director", "director", "Writer"],
                mentions=[
                    Mention(name="Élodie Márquez", role="Director", source=ref("S3", 2)),
                    Mention(name="Elodie Marquez", role="Writer", source=ref("S1", 3)),
                ],
                aliases=["Elodie Marquez"],
            ),
            Person(
                name="Дарья Жовнер",
                roles=["actress"],
                mentions=[Mention(name="Дарья Жовнер", role="actress", source=ref("S4", 20))],
            ),
            Person(
                name="AT&T <Pictures>",
                kind="organisation",
                roles=["distributor"],
                mentions=[Mention(name="AT&T <Pictures>", role="distributor", source=ref("S2", 3))],
            ),
        ],
        timeline=timeline,
        conflicts=[
            Conflict(
                attribute="budget",
                claims=[
                    Claim(value="<$1,000,000 USD (Production + minimal P&A).",
                          reading=Reading(kind="money", upper=1_000_000, currency="USD"), source=ref(first=9)),
                    Claim(value="a budget of $1.4 million", reading=Reading(kind="money", value=1_400_000, currency="USD"),
                          source=ref("S3", 12, 13)),
                ],
            ),
            Conflict(
                attribute="title_year",
                subject="Зорька",
                subject_kind="title",
                claims=[
                    Claim(value="Зорька, 2020", reading=Reading(kind="year", year=2020), source=ref("S2", 4)),
                    Claim(value="2021 – ZORKA, 104 min", reading=Reading(kind="year", year=2021), source=ref("S4", 9)),
                ],
            ),
        ],
        warnings=[CaseWarning(code="press_kit_no_synopsis", file=KIT)],
    )
    if not exhibits:
        return case
    bars = [
        MoneyBar(measure="budget", amount=money("<$1,000,000", upper=1_000_000), source=ref(first=9)),
        MoneyBar(measure="budget", amount=money("$1.4 million", value=1_400_000), source=ref("S3", 12, 13)),
        MoneyBar(measure="box_office", amount=money("approximately $130,000", value=130_000, approximate=True),
                 source=ref("S2", 22)),
        MoneyBar(measure="box_office", amount=money("over $90,000", lower=90_000), source=ref("S3", 14)),
        MoneyBar(measure="box_office", amount=money("$50,000–$80,000", lower=50_000, upper=80_000), source=ref("S4", 50)),
    ]
    outcomes = [StakeholderOutcome(role=s.role, name=s.name, outcome=s.outcome.plain, source=s.source) for s in stakeholders]
    return case.model_copy(update={"exhibits": [
        Exhibit(number=1, kind="budget_box_office", currency="USD", bars=bars, sources=[b.source for b in bars]),
        Exhibit(number=2, kind="timeline", events=timeline, sources=[e.source for e in timeline]),
        Exhibit(number=3, kind="stakeholder_outcomes", outcomes=outcomes, sources=[o.source for o in outcomes]),
    ]})


def minimal_case() -> Case:
    """A case with a title, a film title and one source: every optional section is missing."""
    return Case(
        id="1",
        slug="bare",
        title="A Bare Case",
        film=Film(title="Bare"),
        sources=[Source(id="S1", file="a.txt", kind="unknown", title="A", sha256="00" * 32, lines=1)],
    )
