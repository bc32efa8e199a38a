"""The second example case, written to vary (answer key: ../shared/examples/beanpole/ANSWERS.md)."""

from __future__ import annotations

import datetime as dt


def test_identity(beanpole):
    assert (beanpole.id, beanpole.slug) == ("587309", "beanpole")
    assert [s.kind for s in beanpole.sources] == ["business", "ledger", "press_release", "press_kit"]


def test_four_groups_with_mixed_bullets(beanpole):
    assert [(g.title, len(g.facts)) for g in beanpole.executive_summary] == [
        ("Investment Profile", 5), ("Financial Performance", 4), ("Key Risks", 4), ("Strategic Verdict", 2)]
    running = beanpole.executive_summary[0].facts[2]
    assert (running.label, running.value.plain) == ("Running Time", "130 minutes (Russian-language period drama).")
    box = beanpole.executive_summary[1].facts[0]
    assert box.amounts[0].value == 1_600_000 and box.amounts[0].approximate


def test_analysis_sections_and_points(beanpole):
    parts = beanpole.analysis.parts
    assert [(p.kind, p.title) for p in parts] == [
        ("introduction", "The Second-Feature Test"), ("body", "Anatomy of the Upgrade"),
        ("conclusion", "The Portfolio Logic")]
    sections = parts[1].sections
    assert [s.title for s in sections] == [
        "Buying Production Value on a Festival Budget", "The Cannes Double and the Sales Pipeline",
        "The Oscar Shortlist as a Marketing Asset"]
    assert [p.label for p in sections[1].points] == [
        "Best Director as Collateral", "The FIPRESCI Endorsement", "Domestic Halo"]


def test_five_stakeholders(beanpole):
    assert [(s.role, s.name, s.outcome.plain) for s in beanpole.stakeholders] == [
        ("Director", "Kantemir Balagov", "Confirmed Tier-One Auteur."),
        ("Principal Cast", "Viktoria Miroshnichenko and Vasilisa Perelygina", "Breakout Debuts / Modest Immediate Earnings."),
        ("Cinematographer", "Ksenia Sereda", "Rapid Professional Ascent."),
        ("Key Investor", "Non-Stop Production", "Bounded Loss / Strategic Gain."),
        ("Sales Agent", "Wild Bunch", "Efficient Catalogue Addition."),
    ]
    assert beanpole.stakeholders[1].people == ["Viktoria Miroshnichenko", "Vasilisa Perelygina"]


def test_ledger_with_em_dash_headings(beanpole):
    ledger = beanpole.ledger
    assert (ledger.film, ledger.film_alternative_title, ledger.year) == ("Beanpole", "Dylda", 2019)
    assert [(e.number, e.title, e.subtitle) for e in ledger.entries] == [
        (1, "The Balance Sheet", "Where Balagov Stood After His Debut"),
        (2, "The Investment", "What Was Put on the Table"),
        (3, "The Execution", "Keeping the Risk Contained"),
        (4, "The Return on Investment", "What the Ledger Shows"),
    ]


def test_premiere_from_dateline_and_tonight(beanpole):
    premiere = beanpole.film.premiere
    assert premiere.date == dt.date(2019, 5, 16)
    assert premiere.section == "Un Certain Regard"
    assert "Cannes" in premiere.festival
    assert beanpole.film.runtime.minutes == 137
