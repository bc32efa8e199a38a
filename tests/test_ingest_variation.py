"""Documents that vary from the seeds: other bullets, headings, numbering, labels, dates and parts missing."""

from __future__ import annotations

import datetime as dt

import pytest

from casebook.ingest.amounts import find_amounts
from casebook.ingest.dates import find_dates
from casebook.ingest.numbering import split_number
from casebook.pipeline import load_case

from .conftest import FIXTURES


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
    messages = [w.message for w in variant.warnings]
    assert "the case has no press kit" in messages


def test_sparse_case_warns_for_each_missing_part():
    case = load_case(FIXTURES / "sparse")
    assert [s.file for s in case.sources] == ["business.txt"]  # notes.md is not a source
    assert case.analysis is None and case.ledger is None and case.stakeholders == []
    messages = {w.message for w in case.warnings}
    assert {
        "the case has no director's ledger (categoryName: LEDGER)",
        "the case has no press release",
        "the case has no press kit",
        "the business analysis has no Strategic Analysis section",
        "the business analysis has no Stakeholder Balance Sheet section",
    } <= messages


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
