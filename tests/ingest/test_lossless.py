"""Stakeholders, summaries and ledgers written plainly, in the ways people write them, and what is shown as written.

Golden values come from reading the fixture cases ``tests/fixtures/plain-a`` (prose summary, role-only stakeholder
bullets, ledger entries headed ``Entry #1``), ``plain-b`` (a summary table, a numbered list of ``**Role — Name**``
stakeholders, ledger entries with bare numbers) and ``plain-c`` (single-line ``- **Role:** Name — Outcome. Impact.``
bullets, a quotation under the stakeholders, a ledger without entries). Each rule is also tested on two phrasings of
its own and one it must leave alone.
"""

from __future__ import annotations

import re
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from casebook.ingest.blocks import parse_blocks
from casebook.ingest.business import _head_line, executive_summary, looks_like_name, split_statement, stakeholders
from casebook.ingest.document import read_document
from casebook.ingest.ledger import extract_ledger
from casebook.ingest.numbering import split_number
from casebook.ingest.records import Notes
from casebook.pipeline import load_case
from casebook.wording import Wording
from tests.conftest import FIXTURES


def _blocks(tmp_path: Path, text: str):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return parse_blocks(read_document(path))


def _runs(text: str):
    """A line as runs: ``**…**`` marks bold."""
    out = []
    for k, part in enumerate(re.split(r"\*\*", text)):
        if part:
            out.append((part, k % 2 == 1, False))
    return out


def _head(text: str):
    found = _head_line(_runs(text), (1, 1))
    if found is None:
        return None
    plain = lambda r: "".join(run["text"] for run in r["runs"]) if r else None  # noqa: E731
    return found["role"], found["name"], plain(found["outcome"]), plain(found["impact"])


# --- the rules, each on phrasings of our own --------------------------------------------------------------


def test_a_bold_role_before_a_name():
    assert _head("**Sales Agent:** Meridian Rights") == ("Sales Agent", "Meridian Rights", None, None)
    assert _head("**Composer:** Ilse Varga and Tomas Lind") == ("Composer", "Ilse Varga and Tomas Lind", None, None)
    assert _head("**Key Insight:** the film paid off.") is None  # no role, no name: not a stakeholder


def test_a_bold_role_then_a_dash_and_a_name():
    assert _head("**Editor** — Priya Nair") == ("Editor", "Priya Nair", None, None)
    assert _head("**Financier** – Coastline Capital") == ("Financier", "Coastline Capital", None, None)
    assert _head("**Note** — see the ledger for the fees.") is None


def test_a_single_line_stakeholder_gives_outcome_then_impact():
    assert _head("**Producer:** Ana Ruiz — Recouped her stake. She now runs a regional fund.") == (
        "Producer", "Ana Ruiz", "Recouped her stake.", "She now runs a regional fund.")
    assert _head("**Distributor:** Lumen Films – Lost money on the release. Gained a catalogue title.") == (
        "Distributor", "Lumen Films", "Lost money on the release.", "Gained a catalogue title.")
    assert _head("**Budget:** €2 million — mostly deferred.") is None


def test_a_role_without_a_person():
    assert _head("Exhibitor: loses screens to a longer run.") == ("Exhibitor", "", "loses screens to a longer run.", "")
    assert _head("Broadcaster: gains an audience it could not buy. It keeps the rights for five years.") == (
        "Broadcaster", "", "gains an audience it could not buy.", "It keeps the rights for five years.")
    assert _head("Verdict: the film broke even.") is None  # a label that names no role


def test_a_name_first_or_a_plain_dash():
    assert _head("**Coastline Capital (Co-Financier)**") == ("Co-Financier", "Coastline Capital", None, None)
    assert _head("Producer — Jonas Lind") == ("Producer", "Jonas Lind", None, None)
    assert _head("The risk — obvious in hindsight") is None


def test_names_and_sentences():
    assert looks_like_name("Glen Vance and Marie de la Cour")
    assert looks_like_name("Stellar Pictures Ltd.")
    assert not looks_like_name("carried the risk of the release")


def test_the_first_sentence_is_the_outcome():
    assert split_statement(_runs("Won a prize at St. Malo. Then signed a deal.")) == (
        _runs("Won a prize at St. Malo."), _runs("Then signed a deal."))
    assert split_statement(_runs("Broke even.")) == (_runs("Broke even."), [])


def test_entry_numbers_written_otherwise():
    assert split_number("Entry #4 — The Exit") == (4, "The Exit")
    assert split_number("#2 The Loan") == (2, "The Loan")
    assert split_number("2 · The Loan") == (2, "The Loan")
    assert split_number("#hashtag Campaign") == (None, "#hashtag Campaign")


def test_bare_numbers_count_only_in_sequence(tmp_path):
    ledger = extract_ledger(_blocks(tmp_path, "**A Ledger**\n\n**1 Where It Began**\nText one.\n\n"
                                               "**2 The Loan**\nText two.\n\n**3 What Came Back**\nText three.\n"), Notes())
    assert [(e["number"], e["title"]) for e in ledger["entries"]] == [(1, "Where It Began"), (2, "The Loan"),
                                                                      (3, "What Came Back")]
    ledger = extract_ledger(_blocks(tmp_path, "# Ledger\n\n## 1 Starting Out\nA.\n\n## 2 Spending\nB.\n"), Notes())
    assert [e["number"] for e in ledger["entries"]] == [1, 2]
    notes = Notes()
    ledger = extract_ledger(_blocks(tmp_path, "# Ledger\n\n## 3 Weddings and a Funeral\nA.\n\n## 12 Angry Men\nB.\n"), notes)
    assert ledger["entries"] == []  # not 1, 2, …: titles, not entries; shown as written
    assert [b["heading"] for b in ledger["blocks"]] == ["3 Weddings and a Funeral", "12 Angry Men"]
    assert [note.code for note in notes.items] == ["ledger_unnumbered"]


def test_ledger_header_labels_before_a_dash(tmp_path):
    ledger = extract_ledger(_blocks(tmp_path, "# Ledger\n\nDirector — Ana Ruiz\nFilm – *Tidewater* (Portugal, 2019)\n"
                                               "Directions — north by the coast\n\n## 1. Start\nA.\n"), Notes())
    assert ledger["director"] == "Ana Ruiz"
    assert (ledger["film"], ledger["year"], ledger["film_alternative_title"]) == ("Tidewater", 2019, None)
    assert [b["text"]["runs"][0]["text"] for b in ledger["blocks"]] == ["Directions — north by the coast"]


def test_prose_in_the_summary_is_prose(tmp_path):
    groups = executive_summary(_blocks(tmp_path, "The film cost little. It earned a lot.\n\n"
                                                  "Its producers kept the rights.\n"), Notes())
    assert [len(g["facts"]) for g in groups] == [0]
    assert [p["source"] for p in groups[0]["paragraphs"]] == [(1, 1), (3, 3)]
    groups = executive_summary(_blocks(tmp_path, "Budget: about $1 million\nA note on the figures.\n"), Notes())
    assert [f["label"] for f in groups[0]["facts"]] == ["Budget", None]  # labelled lines stay facts
    assert groups[0]["paragraphs"] == []


def test_stakeholder_lines_end_with_their_list(tmp_path):
    found, loose = stakeholders(_blocks(tmp_path, "- Producer: Ana Ruiz — Recouped. Runs a fund.\n\n"
                                                  "These figures are estimates.\n"), Notes())
    assert [(h["role"], h["name"], h["details"]) for h in found] == [("Producer", "Ana Ruiz", [])]
    assert [(b["kind"], b["source"]) for b in loose] == [("paragraph", (3, 3))]


def test_a_heading_alone_is_no_stakeholder(tmp_path):
    found, loose = stakeholders(_blocks(tmp_path, "### Netflix\nOutcome: Prestige.\nImpact: Awards.\n\n"
                                                  "### Method\nWe asked each party.\n"), Notes())
    assert [(h["role"], h["name"]) for h in found] == [("", "Netflix")]
    assert [(b["kind"], b["heading"]) for b in loose] == [("paragraph", "Method")]


# --- the fixture cases, read and rendered ---------------------------------------------------------------


@pytest.fixture(scope="module")
def plain_cases():
    return {name: load_case(FIXTURES / name) for name in ("plain-a", "plain-b", "plain-c")}


def _rich(text) -> str:
    return text.plain if text is not None else ""


def test_plain_a_model(plain_cases):
    case = plain_cases["plain-a"]
    (group,) = case.executive_summary
    assert group.facts == []
    assert [p.text.plain for p in group.paragraphs] == [
        "The Ferryman's Daughter was made for about €900,000 by a two-person company in Split. It earned back its cost "
        "through a Croatian television pre-sale and a modest festival run, and it gave its director a second film.",
        "The risk sat almost entirely with the producers, who deferred their fees for two years.",
    ]
    assert [(s.role, s.name, s.outcome.plain, s.impact.plain) for s in case.stakeholders] == [
        ("Director", "", "carries the reputational risk of a debut and gains a calling card for a larger second feature.", ""),
        ("Distributor", "", "carries the theatrical risk.", "It keeps a third of the gross in the territories it covers."),
        ("Public Broadcaster", "", "gains a prestige title for its autumn schedule at a fraction of a commissioning cost.", ""),
    ]
    assert [(b.kind, _rich(b.text), b.source.first_line) for b in case.stakeholder_blocks] == [
        ("paragraph", "The producers are not listed here, since their deferred fees are covered in the ledger.", 31)]
    ledger = case.ledger
    assert [(e.number, e.title) for e in ledger.entries] == [(1, "The Balance Sheet"), (2, "The Investment"), (3, "The Return")]
    assert ledger.director == "Mirela Kovač"
    assert [_rich(b.text) for b in ledger.blocks] == [
        "This ledger follows the money from the first rehearsal to the last festival screening."]
    assert not [w for w in case.warnings if w.code in ("stakeholders_unrecognised", "stakeholder_incomplete")
                or w.params.get("section") == "stakeholders"]


def test_plain_b_model(plain_cases):
    case = plain_cases["plain-b"]
    (group,) = case.executive_summary
    assert [(f.label, f.value.plain, f.columns) for f in group.facts] == [
        ("Budget", "about $1.2 million", ["Item", "Figure"]),
        ("Box Office", "$3.4 million worldwide", ["Item", "Figure"]),
    ]
    assert [(s.role, s.name, s.outcome.plain, s.impact.plain) for s in case.stakeholders] == [
        ("Director", "Tomás Arrieta", "Gained a two-film deal.",
         "The studio that passed on his debut now finances his next project."),
        ("Lead Actress", "Inés Valdivia", "First international nomination.", "Her fee for the next film tripled."),
        ("Co-Producer", "Faro Norte Films", "Recovered its stake within a year.",
         "The company used the profit to open a second office in Valparaíso."),
    ]
    ledger = case.ledger
    assert [(e.number, e.title, e.subtitle) for e in ledger.entries] == [
        (1, "The Balance Sheet", "Before the first lantern was lit"),
        (2, "The Investment", "What was risked"),
        (3, "The Return", "What came back"),
    ]
    (table,) = ledger.entries[2].blocks
    where = (table.source.first_line, table.source.last_line)
    assert (table.kind, table.header, where) == ("table", ["Territory", "Buyer"], (24, 27))
    assert [[c.plain for c in row] for row in table.rows] == [["France", "Lune Distribution"], ["Japan", "Hoshi Pictures"]]
    assert (ledger.director, ledger.film, ledger.year, _rich(ledger.film_line)) == (
        "Tomás Arrieta", "Salt and Lanterns", 2020, "Salt and Lanterns (Chile, 2020)")
    assert case.film.alternative_titles == []  # "Chile" is a country, not another title


def test_plain_c_model(plain_cases):
    case = plain_cases["plain-c"]
    assert [(s.role, s.name, s.outcome.plain, s.impact.plain) for s in case.stakeholders] == [
        ("Director", "Hollis Brennan", "Moved from commercials to features.",
         "The film led to an offer from a London agency and a second feature in development."),
        ("Producer", "Greywater Pictures", "Broke even on the domestic release.",
         "A streaming licence later turned the balance positive."),
        ("Regional Fund", "Northmoor Screen", "Met its quota for local crews.", ""),
    ]
    assert [(b.kind, b.source.first_line) for b in case.stakeholder_blocks] == [("quote", 24)]
    ledger = case.ledger
    assert ledger.entries == []
    assert [(b.kind, b.source.first_line, b.source.last_line) for b in ledger.blocks] == [
        ("paragraph", 11, 11), ("paragraph", 13, 13), ("list", 15, 16)]
    assert [i.plain for i in ledger.blocks[2].items] == ["The shoot lasted eighteen days.",
                                                         "Two of those days were lost to a storm."]


_SENTENCES = {
    "plain-a": ["It earned back its cost through a Croatian television pre-sale",
                "carries the theatrical risk.", "It keeps a third of the gross in the territories it covers.",
                "The producers are not listed here", "This ledger follows the money", "The Return"],
    "plain-b": ["Item", "Figure", "Territory", "Hoshi Pictures", "Gained a two-film deal.", "Faro Norte Films",
                "Her fee for the next film tripled.",
                "Before the first lantern was lit", "Salt and Lanterns (Chile, 2020)"],
    "plain-c": ["Hollis Brennan", "Moved from commercials to features.", "A streaming licence later turned the balance positive.",
                "Note on sources: the figures above come from the producers' own statements",
                "Brennan kept no formal accounts for this film.", "Two of those days were lost to a storm."],
}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


@pytest.mark.parametrize("name", ["plain-a", "plain-b", "plain-c"])
def test_the_pdf_carries_the_three_sections(plain_cases, name):
    from casebook.render.pdf import render_pdf

    case = plain_cases[name]
    labels = Wording(case).labels
    pdf = render_pdf(case, Wording(case))
    text = _flat(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode())
    for heading in (labels.executive_summary, labels.directors_ledger, labels.stakeholder_balance_sheet):
        assert text.count(str(heading)) >= 2  # in the contents and as the section's heading
    for sentence in _SENTENCES[name]:
        assert _flat(sentence) in text


@pytest.mark.parametrize("name", ["plain-a", "plain-b", "plain-c"])
def test_the_deck_carries_the_three_sections(plain_cases, name):
    from pptx import Presentation

    from casebook.render.deck import render_deck

    case = plain_cases[name]
    labels = Wording(case).labels
    prs = Presentation(BytesIO(render_deck(case, Wording(case))))
    shown = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown.append(shape.text_frame.text)
            if shape.has_table:
                shown.extend(cell.text for row in shape.table.rows for cell in row.cells)
        if slide.has_notes_slide:  # the teaching deck moves the full text to the speaker notes
            shown.append(slide.notes_slide.notes_text_frame.text)
    text = _flat("\n".join(shown))
    eyebrows = [_flat(s.shapes[k].text_frame.text) for s in prs.slides for k in range(len(s.shapes))
                if s.shapes[k].has_text_frame and s.shapes[k].name == "Section"]
    for heading in (labels.executive_summary, labels.directors_ledger):
        assert str(heading) in eyebrows
    assert str(labels.stakeholder_balance_sheet) in text
    for sentence in _SENTENCES[name]:
        assert _flat(sentence) in text


def test_parts_that_are_no_section_are_shown_as_written():
    case = load_case(FIXTURES / "other-sections")
    assert [(s.title, s.follows, [(b.kind, b.heading) for b in s.blocks]) for s in case.business_sections] == [
        (None, "start", [("paragraph", None)]),
        ("Comparable Films", "stakeholders", [("table", None), ("paragraph", "Method")]),
        ("Appendix", "stakeholders", [("paragraph", None)]),
    ]
    release = case.executive_summary[1]
    assert [(f.label, f.value.plain, f.columns) for f in release.facts] == [
        ("Portugal", "Date: 3 May 2019; Screens: 40", ["Territory", "Date", "Screens"])]
    table = case.business_sections[1].blocks[0]
    assert table.header == ["Film", "Budget", "Gross"]
    assert [[c.plain for c in row] for row in table.rows] == [["Low Water", "€1.5 million", "€0.9 million"],
                                                              ["Salt Marsh", "€2.8 million", "€6.0 million"]]
    # a heading at the sections' level but not numbered as they are stays inside the section before it
    assert [(b.heading, b.text.plain) for b in case.stakeholder_blocks] == [
        ("Production Economics", "The boats were hired by the day.")]
    assert [(s.role, s.name, s.details) for s in case.stakeholders] == [("Producer", "Ana Ruiz", [])]


def test_a_plain_label_before_italics(tmp_path):
    from casebook.ingest.blocks import Para, split_label

    def label_of(text: str):
        (block,) = [b for b in _blocks(tmp_path, text + "\n") if isinstance(b, Para)]
        label, value = split_label(block.runs)
        return label, "".join(t for t, _, _ in value)

    assert label_of("Film: *Tidewater* (2019)") == ("Film", "Tidewater (2019)")
    assert label_of("Original title: *Maré Alta*") == ("Original title", "Maré Alta")
    assert label_of("It was shot in three countries and five cities: *Lisbon* first")[0] is None


def test_quotations_and_code_keep_their_kind(tmp_path):
    blocks = _blocks(tmp_path, "> The numbers are estimates.\n\n```\nbudget 2.0\ngross  5.1\n```\n")
    assert [(b.kind, b.span) for b in blocks] == [("quote", (1, 1)), ("code", (3, 6))]


def test_a_name_before_its_role_in_parentheses():
    assert _head("**Ana Ruiz (Producer):** Recouped her stake.") == ("Producer", "Ana Ruiz", "Recouped her stake.", "")
    assert _head("Northmoor Screen (Regional Fund) — Met its quota. Hired local crews.") == (
        "Regional Fund", "Northmoor Screen", "Met its quota.", "Hired local crews.")
    assert _head("The budget (in euros) — about two million.") is None  # no role in the parenthesis


def test_a_heading_with_a_role_line(tmp_path):
    found, loose = stakeholders(_blocks(tmp_path, "### Participant\nRole: Production financier\n"
                                                  "Outcome: Capital recovered.\n"), Notes())
    assert [(h["role"], h["name"], h["outcome"]["runs"][0]["text"]) for h in found] == [
        ("Production financier", "Participant", "Capital recovered.")]
    assert loose == []


def test_a_bold_line_that_names_no_one_is_no_stakeholder():
    assert _head("**Lead Actor — Tomás Ferrer**") == ("Lead Actor", "Tomás Ferrer", None, None)
    assert _head("**Harbour Films: Nuno Costa**") == ("Harbour Films", "Nuno Costa", None, None)
    assert _head("**Note: figures are estimates**") is None


# --- an executive summary written one "Label — value" fact a line --------------------------------------------


def _summary(tmp_path: Path, body: str):
    return executive_summary(_blocks(tmp_path, body), Notes())


def test_summary_lines_labelled_with_a_dash_are_facts(tmp_path):
    groups = _summary(tmp_path, "### Money\nBudget — €2.4 million\nShooting Days — 31, in two blocks\n")
    facts = groups[0]["facts"]
    assert [f["label"] for f in facts] == ["Budget", "Shooting Days"]
    assert [f["value"]["runs"][0]["text"] for f in facts] == ["€2.4 million", "31, in two blocks"]
    assert facts[0]["amounts"] and groups[0]["paragraphs"] == []


def test_summary_lines_labelled_with_an_en_dash_in_bullets_are_facts(tmp_path):
    groups = _summary(tmp_path, "### Release\n- Territories – 14 countries\n- Streaming Partner – a regional platform\n")
    assert [f["label"] for f in groups[0]["facts"]] == ["Territories", "Streaming Partner"]


def test_a_sentence_with_dashes_in_the_summary_stays_prose(tmp_path):
    groups = _summary(tmp_path, "### Outlook\nThe film — shot in nine days — sold to four territories.\n"
                                "It was the distributor's best year.\n")
    assert groups[0]["facts"] == []
    assert "shot in nine days" in groups[0]["paragraphs"][0]["text"]["runs"][0]["text"]
