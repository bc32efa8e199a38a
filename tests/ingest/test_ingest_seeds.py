"""Extraction from the Closeness seeds: golden values read from the documents themselves."""

from __future__ import annotations

import datetime as dt


def test_identity_and_sources(closeness):
    assert closeness.id == "452008"
    assert closeness.slug == "closeness"
    assert closeness.title == "Tight Margins, Wide Aclaim: Valuing the Unwatchable"
    assert [(s.id, s.file, s.kind) for s in closeness.sources] == [
        ("S1", "000_cf48b7e9300d090a.txt", "business"),
        ("S2", "001_35d35ebf1792311c.txt", "ledger"),
        ("S3", "002_b52015972eff3ee8.txt", "press_release"),
        ("S4", "003_97f070a8e3b46503.txt", "press_kit"),
    ]
    assert all(len(s.sha256) == 64 for s in closeness.sources)
    assert closeness.warnings == []


def test_executive_summary_groups_labels_and_order(closeness):
    groups = [(g.title, [f.label for f in g.facts]) for g in closeness.executive_summary]
    assert groups == [
        ("Investment Profile", ["Asset Class", "Estimated Budget", "Key Stakeholders", "Financing Structure"]),
        ("Financial Performance",
         ["Global Box Office", "Key Territory Performance", "ROI (Theatrical)", "ROI (Total Asset Value)"]),
        ("Strategic Verdict", ["Assessment", "Primary Driver"]),
    ]


def test_facts_keep_wording_spans_and_amounts(closeness):
    budget = closeness.executive_summary[0].facts[1]
    assert budget.value.plain == "<$1,000,000 USD (Production + minimal Festival P&A)."
    assert (budget.source.source, budget.source.first_line, budget.source.last_line) == ("S1", 13, 13)
    [amount] = budget.amounts
    assert (amount.kind, amount.upper, amount.value, amount.currency) == ("money", 1_000_000, None, "USD")
    box_office = closeness.executive_summary[1].facts[0]
    assert box_office.amounts[0].upper == 150_000
    roi = closeness.executive_summary[1].facts[2]
    assert (roi.amounts[0].kind, roi.amounts[0].value) == ("percent", -100)


def test_inline_emphasis_is_kept_as_runs_not_asterisks(closeness):
    assessment = closeness.executive_summary[2].facts[0]
    italic = [r.text for r in assessment.value.runs if r.italic]
    assert italic == ["Closeness"]
    assert "*" not in assessment.value.plain


def test_strategic_analysis(closeness):
    parts = closeness.analysis.parts
    assert [(p.kind, p.title) for p in parts] == [
        ("introduction", "The Fulcrum"), ("body", "The Post-Mortem"), ("conclusion", "The Industrial Lesson")]
    intro = parts[0]
    assert intro.paragraphs[0].text.plain.startswith("Consider the claustrophobic aspect ratio. It severely")
    bold = [r.text for r in intro.paragraphs[0].text.runs if r.bold]
    assert bold == ['"Festival-First" Valuation Model', "Long-Tail SVOD Aggregation"]
    body = parts[1]
    assert [s.title for s in body.sections] == ["The Cannes Currency Exchange", "Curated Streaming vs. Theatricality"]
    assert [p.label for p in body.sections[0].points] == ["The FIPRESCI Premium", "Gatekeeper Economics", "Cost avoidance"]
    assert [p.label for p in body.sections[1].points] == ["The MUBI Acquisition", "Niche Aggregation", "Zero-Sum Marketing"]
    assert body.sections[0].paragraphs[0].source.first_line == 39
    assert parts[2].paragraphs[0].text.plain.startswith("Valuation is subjective.")


def test_ledger(closeness):
    ledger = closeness.ledger
    assert (ledger.director, ledger.film, ledger.year) == ("Kantemir Balagov", "Closeness", 2017)
    assert [(e.number, e.title, e.subtitle) for e in ledger.entries] == [
        (1, "The Balance Sheet", "The Situation Immediately Before"),
        (2, "The Investment", "The Specifics of the gamble"),
        (3, "The Execution", "Managing the Risk"),
        (4, "The Return on Investment", "The Aftermath"),
    ]
    assert [(e.source.first_line, e.source.last_line) for e in ledger.entries] == [(12, 13), (15, 16), (18, 19), (21, 22)]
    assert ledger.entries[0].paragraphs[0].text.plain.startswith("In 2016, 25-year-old Kantemir Balagov")


def test_stakeholders(closeness):
    assert [(s.role, s.name) for s in closeness.stakeholders] == [
        ("The Director", "Kantemir Balagov"), ("Principal Cast", "Darya Zhovner"), ("Key Investors", "Non-Stop Production")]
    director = closeness.stakeholders[0]
    assert director.outcome.plain == "Maximum Asset Appreciation."
    assert director.outcome.runs[0].bold
    assert director.impact.plain.startswith('The film served its primary purpose as a "calling card."')
    assert (director.source.first_line, director.source.last_line) == (61, 63)


def test_film_from_press_documents(closeness):
    film = closeness.film
    assert film.title == "Closeness"
    assert film.director.value == "Kantemir Balagov"
    assert film.runtime.minutes == 118 and film.runtime.source.source == "S4"
    # the press kit's filmography line gives it; the case keeps that line's words, not words of its own
    assert (film.runtime.text, film.runtime.source.first_line) == ("2017 – TESNOTA aka Closness. (feature film) 118 min", 193)
    premiere = film.premiere
    assert premiere.date == dt.date(2017, 5, 24)
    assert premiere.festival == "Cannes Film Festival"
    assert premiere.section == "Un Certain Regard"
    assert premiere.kind == "world premiere"
    assert premiere.source.source == "S3"
    assert film.synopsis[0].text.plain == "1998, Nalchik, North Caucasus, Russia."
    assert film.synopsis[-1].text.plain.endswith("whatever the risks to themselves…")
