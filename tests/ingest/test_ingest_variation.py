"""Documents that vary from the seeds: other bullets, headings, numbering, labels, dates and parts missing."""

from __future__ import annotations

import datetime as dt

import pytest

from casebook.ingest.amounts import find_amounts
from casebook.ingest.dates import find_dates
from casebook.ingest.numbering import split_number
from casebook.pipeline import load_case
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def variant():
    return load_case(FIXTURES / "variant")


def test_variant_identity(variant):
    assert variant.id == "tt-variant-01"
    assert variant.film.title == "Северный ветер"
    assert variant.slug == "severnyi-veter"
    assert variant.title == "Wind Money: Financing a Northern Debut"


def test_variant_executive_summary(variant):
    assert [(g.title, [f.label for f in g.facts]) for g in variant.executive_summary] == [
        ("Investment profile", ["Budget", "Financing"]),
        ("Financial performance", ["Box office", "ROI"]),
        ("Key Risks", ["Language risk"]),
        ("Strategic verdict", ["Assessment"]),
    ]
    budget = variant.executive_summary[0].facts[0]
    assert budget.amounts[0].currency == "EUR" and budget.amounts[0].value == 2_500_000
    risk = variant.executive_summary[2].facts[0]
    assert "“<b>unbounded</b>” & subtitled" in risk.value.plain  # raw HTML stays text


def test_variant_analysis_with_dash_parts(variant):
    parts = variant.analysis.parts
    assert [(p.kind, p.title) for p in parts] == [
        ("introduction", "Cold Start"), ("body", "Three Moves"), ("conclusion", "Warm Returns")]
    assert parts[1].sections[0].title == "Festival Placement"
    assert parts[1].sections[0].points[0].label == "Orizzonti"


def test_variant_four_stakeholders(variant):
    assert [(s.role, s.name) for s in variant.stakeholders] == [
        ("Director", "Анна Петрова"), ("Producer", "Jonas Berg"), ("Distributor", "Acme Films"),
        ("Regional Fund", "Northern Screen")]


def test_variant_ledger_with_spelled_numbers(variant):
    ledger = variant.ledger
    assert (ledger.film, ledger.film_alternative_title, ledger.year) == ("Северный ветер", "Northern Wind", 2021)
    assert [(e.number, e.title, e.subtitle) for e in ledger.entries] == [
        (1, "Starting Position", "Nothing to Lose"), (2, "The Stake", "Everything Borrowed"),
        (3, "Execution", "Small Crew")]


def test_variant_premiere_iso_dates(variant):
    premiere = variant.film.premiere
    assert premiere.date == dt.date(2021, 9, 2)
    assert premiere.festival == "Venice International Film Festival"
    assert premiere.section == "Orizzonti"


def test_missing_press_kit_is_a_warning(variant):
    assert ("missing_document", {"kind": "press_kit"}) in [(w.code, w.params) for w in variant.warnings]


def test_sparse_case_warns_for_each_missing_part():
    case = load_case(FIXTURES / "sparse")
    assert [s.file for s in case.sources] == ["business.txt"]  # notes.md is not a source
    assert case.analysis is None and case.ledger is None and case.stakeholders == []
    said = {(w.code, tuple(w.params.values())) for w in case.warnings}
    assert {
        ("missing_document", ("ledger",)),
        ("missing_document", ("press_release",)),
        ("missing_document", ("press_kit",)),
        ("business_section_missing", ("analysis",)),
        ("business_section_missing", ("stakeholders",)),
    } <= said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I. Executive Summary", (1, "Executive Summary")),
        ("IV) The Return", (4, "The Return")),
        ("Entry 3 — The Execution: Keeping", (3, "The Execution: Keeping")),
        ("Part Two: The Investment", (2, "The Investment")),
        ("1998 was the year", (None, "1998 was the year")),
        ("Mix: not roman", (None, "Mix: not roman")),
    ],
)
def test_numbering(text, expected):
    assert split_number(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value", "upper", "approximate"),
    [
        ("<$1,000,000 USD", "money", None, 1_000_000, False),
        ("approximately $130,000", "money", 130_000, None, True),
        ("~$1.6 million USD", "money", 1_600_000, None, True),
        ("budget of $4.6 million", "money", 4_600_000, None, False),
        ("RUB 50 million", "money", 50_000_000, None, False),
        ("-100% (write-off)", "percent", -100, None, False),
    ],
)
def test_amounts(text, kind, value, upper, approximate):
    [amount] = find_amounts(text)
    assert (amount["kind"], amount.get("value"), amount.get("upper"), amount.get("approximate", False)) == (
        kind, value, upper, approximate)


def test_no_amounts_in_plain_numbers():
    assert find_amounts("In 2016, 25-year-old Balagov shot 13,000km2 in 4:3") == []


def test_dates_in_several_formats():
    found = [d for d, _, _ in find_dates("On May 24th, 2017; CANNES, 16 May 2019; wrapped on 10th November 2016; 2021-09-02")]
    assert found == [dt.date(2017, 5, 24), dt.date(2019, 5, 16), dt.date(2016, 11, 10), dt.date(2021, 9, 2)]


def _variant_of(fixture: str, folder, edit=None, extra: dict[str, str] | None = None):
    """A copy of the fixture case ``fixture`` in ``folder``: each file's text through ``edit(name, text)``, and
    the files of ``extra`` (name: text) added or put in place; the case loaded."""
    for source in (FIXTURES / fixture).iterdir():
        text = source.read_text(encoding="utf-8")
        (folder / source.name).write_text(edit(source.name, text) if edit else text, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_case(folder)


# --- a case without a press release, whose press kit writes its credits and facts another way ---------------


@pytest.fixture(scope="module")
def kit_variant():
    return load_case(FIXTURES / "kit-variant")


def test_kit_variant_running_time_and_premiere_from_the_press_kit(kit_variant):
    film = kit_variant.film
    assert film.runtime is not None and film.runtime.minutes == 104  # "Norway / Poland, 2021, 104 minutes"
    assert film.runtime.text == "104 minutes"
    premiere = film.premiere  # a WORLD PREMIERE heading over "Berlin International Film Festival (Panorama), 3 February 2021"
    assert premiere is not None
    assert (premiere.kind, premiere.festival, premiere.section, premiere.date) == (
        "world premiere", "Berlin International Film Festival", "Panorama", dt.date(2021, 2, 3))
    assert kit_variant.source(premiere.source.source).file == "presskit.txt"
    assert [(w.code, w.params) for w in kit_variant.warnings] == [("missing_document", {"kind": "press_release"})]


def test_kit_variant_credits_with_colons_and_short_leaders(kit_variant):
    roles = {p.name: sorted({m.role for m in p.mentions if m.role}) for p in kit_variant.people}
    # CAST lists the actor first ("Jonas Berg ... Eirik"): the full names are the people
    assert "cast: Eirik" in roles["Jonas Berg"] and roles["Agnieszka Nowak"] == ["cast: Hanna"]
    assert "Eirik" not in roles and "Hanna" not in roles
    assert roles["Ingrid Halvorsen"] == ["Producer"] and roles["Piotr Zielinski"] == ["Cinematographer"]
    assert len(kit_variant.stakeholders) == 5


def test_kit_variant_a_markdown_heading_is_not_part_of_the_next_sentence(kit_variant):
    premiered = [e for e in kit_variant.timeline if e.kind == "premiered"]
    assert [e.text for e in premiered] == [
        "The film premiered at the Berlinale on 3 February 2021 and grossed about €1.1 million worldwide."]


def test_without_a_festival_line_the_premiere_comes_from_the_sentence_that_tells_it(tmp_path):
    case = _variant_of("kit-variant", tmp_path, lambda name, text: text.split("WORLD PREMIERE")[0])
    premiere = case.film.premiere
    assert premiere is not None  # the ledger: "The film premiered at the Berlinale on 3 February 2021 …"
    assert (premiere.kind, premiere.festival, premiere.date) == ("premiere", "Berlinale", dt.date(2021, 2, 3))


@pytest.mark.parametrize(
    ("sentence", "budgets"),
    [
        ("Estimated Budget: €2.4 million (production), plus €300,000 P&A.", ["€2.4 million"]),
        ("Estimated Budget: <$1,000,000 USD (Production + minimal Festival P&A).", ["<$1,000,000 USD"]),
        ("The budget was $3 million, with another $500,000 for marketing.", ["$3 million"]),
        ("Its budget of $2 million and $400,000 in prints and advertising.", ["$2 million"]),
    ],
)
def test_money_spent_besides_the_budget_is_not_a_budget(sentence, budgets):
    from casebook.ingest.claims import claims_in
    from casebook.ingest.sentences import Sentence

    found = [c["value"] for c in claims_in(Sentence(sentence, (1, 1))) if c["attribute"] == "budget"]
    assert found == budgets


def test_kit_variant_budget_exhibit_has_the_budget_and_the_box_office_only(kit_variant):
    chart = next(e for e in kit_variant.exhibits if e.kind == "budget_box_office")
    assert chart.currency == "EUR"
    assert [(b.measure, b.amount.text) for b in chart.bars] == [
        ("budget", "€2.4 million"), ("box_office", "€1.1 million"), ("box_office", "about €1.1 million")]


# --- a business analysis with a table and plain labels, a release with a dateline and no headline ---------


@pytest.fixture(scope="module")
def table_variant():
    return load_case(FIXTURES / "table-variant")


def test_table_variant_executive_summary_from_a_markdown_table(table_variant):
    facts = [(f.label, f.value.plain) for g in table_variant.executive_summary for f in g.facts]
    assert facts == [
        ("Asset Class", "Feature documentary"),
        ("Budget", "approximately $850,000"),
        ("Box Office", "$95,000 worldwide"),
        ("ROI", "-89% (theatrical)"),
        ("Verdict", "A theatrical loss that became a public-broadcast asset."),
    ]
    budget = table_variant.executive_summary[0].facts[1]
    assert budget.source.first_line == 14 and budget.amounts[0].value == 850_000 and budget.amounts[0].approximate


def test_table_variant_plain_labels_sibling_headings_and_the_director(table_variant):
    assert [(s.role, s.name, s.outcome.plain, s.impact.plain) for s in table_variant.stakeholders] == [
        ("Director", "Lena Ortiz", "Reputation built.", "Funded her second documentary within a year."),
        ("Broadcaster", "PBS", "Prime-time slot filled.", "Highest-rated documentary of its season."),
    ]
    assert [p.title for p in table_variant.analysis.parts] == ["The Broadcast Pre-Sale", "Educational Licensing"]
    assert table_variant.film.director is not None and table_variant.film.director.value == "Lena Ortiz"
    assert [(w.code, w.params) for w in table_variant.warnings] == [("missing_document", {"kind": "press_kit"})]


def test_table_variant_dateline_is_not_the_day_of_the_premiere(table_variant):
    premiere = table_variant.film.premiere
    assert premiere is not None
    assert (premiere.kind, premiere.festival, premiere.date) == ("world premiere", "CPH:DOX", dt.date(2022, 3, 24))
    assert table_variant.conflicts == []  # the ledger's 24 March and the release's "yesterday" agree
    told = [e for e in table_variant.timeline if table_variant.source(e.source.source).file == "03.txt"]
    assert told and all(e.date == dt.date(2022, 3, 24) and not e.text.startswith("COPENHAGEN") for e in told)
    release = next(s for s in table_variant.sources if s.file == "03.txt")
    assert release.title is None  # it opens with its story, not a headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1.5–2 million", ("$1.5–2 million", None, 1_500_000, 2_000_000, "USD")),
        ("between $1 million and $1.5 million", ("between $1 million and $1.5 million", None, 1_000_000, 1_500_000, "USD")),
        ("€800,000-€1 million", ("€800,000-€1 million", None, 800_000, 1_000_000, "EUR")),
        ("A$3.2 million", ("A$3.2 million", 3_200_000, None, None, "AUD")),
        ("CHF 1.4 million", ("CHF 1.4 million", 1_400_000, None, None, "CHF")),
        ("12 million SEK", ("12 million SEK", 12_000_000, None, None, "SEK")),
        ("¥300 million", ("¥300 million", 300_000_000, None, None, "JPY")),
    ],
)
def test_money_ranges_and_other_currencies(text, expected):
    [amount] = find_amounts(text)
    assert tuple(amount.get(k) for k in ("text", "value", "lower", "upper", "currency")) == expected


def test_two_amounts_joined_by_and_stay_two():
    amounts = find_amounts("costing $5 million and $2 million in P&A")
    assert [(a["text"], a["value"]) for a in amounts] == [("$5 million", 5_000_000), ("$2 million", 2_000_000)]


def test_a_budget_given_as_a_range_is_a_statement_with_both_bounds(tmp_path):
    case = _variant_of("table-variant", tmp_path,
                       lambda name, text: text.replace("| Budget | approximately $850,000 |", "| Budget | $1.5–2 million |"))
    [budget] = [s for s in case.statements if s.attribute == "budget"]
    assert (budget.value, budget.reading.lower, budget.reading.upper, budget.reading.currency) == (
        "$1.5–2 million", 1_500_000, 2_000_000, "USD")
    chart = next(e for e in case.exhibits if e.kind == "budget_box_office")
    assert (chart.bars[0].amount.lower, chart.bars[0].amount.upper) == (1_500_000, 2_000_000)


def test_a_markdown_ledger_without_frontmatter_is_still_the_ledger(tmp_path):
    case = _variant_of(
        "kit-variant", tmp_path,
        lambda name, text: text.split("---", 2)[2] if name == "ledger.md" else text,  # the ledger: no frontmatter
        {"notes.md": "# Notes for the seminar\n\n## Executive summary to discuss\n"})
    assert [(s.file, s.kind) for s in case.sources] == [
        ("business.md", "business"), ("ledger.md", "ledger"), ("presskit.txt", "press_kit")]
    assert [e.title for e in case.ledger.entries] == ["Where She Stood", "The Wager", "Making It", "What It Returned"]


def test_a_stakeholder_table(tmp_path):
    table = ("## Stakeholder Balance Sheet\n\n| Stakeholder | Who | Outcome | Impact |\n|---|---|---|---|\n"
             "| Director | Lena Ortiz | **Reputation built.** | Funded her second documentary. |\n"
             "| Broadcaster: PBS | | Prime-time slot filled. | Its best-rated documentary. |\n"
             "| Co-producer | ZDF/Arte | Break-even. | |\n")
    def edit(name: str, text: str) -> str:
        return text[: text.index("## Stakeholder Balance Sheet")] + table if name == "01.txt" else text

    case = _variant_of("table-variant", tmp_path, edit)
    assert [(s.role, s.name, s.outcome.plain, s.impact.plain, s.source.first_line) for s in case.stakeholders] == [
        ("Director", "Lena Ortiz", "Reputation built.", "Funded her second documentary.", 32),
        ("Broadcaster", "PBS", "Prime-time slot filled.", "Its best-rated documentary.", 33),
        ("Co-producer", "ZDF/Arte", "Break-even.", "", 34),
    ]
    assert case.stakeholders[0].outcome.runs[0].bold
    assert ("stakeholder_incomplete", {"stakeholder": "ZDF/Arte", "missing": "impact"}) in [
        (w.code, w.params) for w in case.warnings]


def test_role_first_stakeholders_uppercase_headings_and_a_writer_director():
    case = load_case(FIXTURES / "role-first")
    assert [(s.role, s.name) for s in case.stakeholders] == [
        ("Writer-Director", "Sam Reyes"), ("Distributor", "Northlight Releasing")]  # "Writer-Director (Sam Reyes)"
    assert case.film.director is not None and case.film.director.value == "Sam Reyes"
    assert [g.title for g in case.executive_summary] == ["Investment Profile", "Financial Performance"]
    assert [p.kind for p in case.analysis.parts] == ["introduction", "body", "conclusion"]
    premiere = case.film.premiere
    assert premiere is not None
    assert (premiere.kind, premiere.festival, premiere.date) == ("world premiere", "Sundance Film Festival", dt.date(2023, 1, 20))
    # the domestic box office is a statement of its own scope, never compared with the worldwide one nor charted
    assert [(s.attribute, s.value, s.scope) for s in case.statements if s.attribute in ("budget", "box_office")] == [
        ("budget", "$1.2M", None), ("box_office", "$4.1M", "domestic"), ("box_office", "$6.3M", "worldwide")]
    chart = next(e for e in case.exhibits if e.kind == "budget_box_office")
    assert [b.amount.text for b in chart.bars] == ["$1.2M", "$6.3M"]
    [quote] = case.press.quotes
    assert quote.speaker == "Sam Reyes"


def test_a_ledger_with_a_byline_and_subtitles_in_italics(tmp_path):
    byline = (FIXTURES / "kits" / "ledger-byline.md").read_text(encoding="utf-8")
    ledger = _variant_of("kit-variant", tmp_path, extra={"ledger.md": byline}).ledger
    assert ledger is not None
    # "*Marta Kowalczyk — The Salt Road, 2021*" under the title
    assert (ledger.director, ledger.film, ledger.year) == ("Marta Kowalczyk", "The Salt Road", 2021)
    assert [(e.number, e.title, e.subtitle) for e in ledger.entries] == [
        (1, "The Balance Sheet", "Where she stood in 2019"),
        (2, "The Investment", "What she put in"),
        (3, "The Execution", "How the risk was managed"),
        (4, "The Return", "What came back"),
    ]
    assert [p.text.plain for p in ledger.entries[0].paragraphs] == [
        "In 2019 Kowalczyk had one short film and a reputation in Kraków."]


def test_a_release_with_a_quoted_title_guillemets_and_a_yearless_date(tmp_path):
    release = (FIXTURES / "kits" / "release-headline.txt").read_text(encoding="utf-8")
    case = _variant_of("kit-variant", tmp_path, extra={"release.txt": release})
    premiere = case.film.premiere
    assert premiere is not None and case.source(premiere.source.source).file == "release.txt"
    # "…had its world premiere in the Panorama section on 3 February…" under "BERLIN, 6 February 2021 –";
    # the festival from the headline ("… at the 71st Berlinale")
    assert (premiere.kind, premiere.festival, premiere.section, premiere.date) == (
        "world premiere", "Berlinale", "Panorama", dt.date(2021, 2, 3))
    # the headline opens with a quoted title: not a quote; « … » said by a jury member; a quote signed below
    assert [(q.speaker, [p for p in q.paragraphs]) for q in case.press.quotes] == [
        ("Anna Lindqvist", ["A film that trusts its silences"]),
        ("Marta Kowalczyk", ["We shot at minus thirty for forty-one days. This award is theirs."]),
    ]
    assert case.warnings == []
