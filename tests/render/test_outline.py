"""The outline: which sections a case has, in what order, with what exhibits, decided once from the case; and
every edition (the PDF case study, both decks) following it."""

from __future__ import annotations

from io import BytesIO

import pytest
from pptx import Presentation
from pypdf import PdfReader

from casebook.pipeline import load_case
from casebook.render.deck import render_deck
from casebook.render.outline import CASE_STUDY_LEAVES_OUT, DECK_LEAVES_OUT, Section, follow, outline
from casebook.render.pdf import render_pdf
from casebook.theme import default_theme
from casebook.wording import Wording
from tests.conftest import FIXTURES


def kinds(sections: tuple[Section, ...]) -> list[str]:
    return [s.kind if s.kind != "business" else f"business:{s.follows}" for s in sections]


def test_the_seed_case_outline(closeness):
    # Read from seeds/closeness: a business analysis of three known sections (I-III) and nothing else, a
    # director's ledger, a press release and a press kit; the summary states a budget and a box office
    # (exhibit 1), the documents date a Cannes premiere (exhibit 2, the timeline), the stakeholders have
    # outcomes (exhibit 3); nothing the case lacks is reported.
    case_study = outline(closeness).case_study
    assert kinds(case_study) == [
        "executive_summary",
        "film",
        "analysis",
        "ledger",
        "stakeholders",
        "exhibits",
        "quotes",
        "cast",
        "timeline",
        "disagreements",
        "questions",
        "sources",
    ]
    by_kind = {s.kind: s for s in case_study}
    assert by_kind["executive_summary"].exhibits == (1,)  # "see Exhibit 1": the budget against box office
    assert by_kind["exhibits"].exhibits == (1, 2, 3)
    assert by_kind["timeline"].exhibits == (2,)  # the exhibit that draws the same dates
    assert by_kind["film"].exhibits == ()
    assert kinds(outline(closeness).teaching_note) == ["synopsis", "objectives", "questions", "board_plan", "disagreements"]


def test_a_section_the_case_has_no_data_for_is_not_in_the_outline(closeness):
    bare = closeness.model_copy(update={"ledger": None, "conflicts": [], "exhibits": [], "people": []})
    got = outline(bare)
    assert "ledger" not in kinds(got.case_study)
    assert "disagreements" not in kinds(got.case_study) and "disagreements" not in kinds(got.teaching_note)
    assert "exhibits" not in kinds(got.case_study) and "cast" not in kinds(got.case_study)
    by_kind = {s.kind: s for s in got.case_study}
    assert by_kind["executive_summary"].exhibits == () and by_kind["timeline"].exhibits == ()
    # what is left keeps its order
    gone = {"ledger", "disagreements", "exhibits", "cast"}
    assert kinds(got.case_study) == [k for k in kinds(outline(closeness).case_study) if k not in gone]


def test_parts_of_the_business_analysis_casebook_does_not_know_keep_their_place():
    # tests/fixtures/other-sections: a line of preface before "1. Executive Summary"; after "3. Stakeholder
    # Balance Sheet" come "Production Economics", "4. Comparable Films" and an appendix, all unknown.
    case = load_case(FIXTURES / "other-sections")
    known = {"business:start", "executive_summary", "analysis", "stakeholders", "business:stakeholders",
             "business:executive_summary", "business:analysis"}
    assert [k for k in kinds(outline(case).case_study) if k in known] == [
        "business:start", "executive_summary", "analysis", "stakeholders", "business:stakeholders",
    ]


def test_follow_builds_each_section_in_order_and_leaves_out_what_it_is_told():
    sections = (Section("executive_summary"), Section("business", follows="analysis"), Section("cast"), Section("sources"))
    got = follow(sections, lambda s: (s.kind, s.follows), leave_out={"cast"})
    assert got == [("executive_summary", ""), ("business", "analysis"), ("sources", "")]
    assert "questions" in CASE_STUDY_LEAVES_OUT and {"cast", "warnings"} <= DECK_LEAVES_OUT


def _pdf_sections(pdf: bytes) -> list[str]:
    """The titles of the PDF's top-level bookmarks, in order (the cover and contents have none)."""
    return [item.title for item in PdfReader(BytesIO(pdf)).outline if not isinstance(item, list)]


def _agenda(deck: bytes) -> list[str]:
    """The entries of the deck's agenda slide, in order, without their numbers."""
    prs = Presentation(BytesIO(deck))
    bodies = [shape for shape in prs.slides[1].shapes if shape.name == "Body"]  # one or two columns
    return [p.text.split("   ", 1)[1] for body in bodies for p in body.text_frame.paragraphs if p.text.strip()]


@pytest.mark.parametrize("style", ["full", "teaching"])
def test_the_pdf_and_the_deck_list_their_shared_sections_in_the_same_order(closeness, style):
    # Before the outline the deck opened with the film and the PDF with the executive summary.
    wording = Wording(closeness)
    labels = wording.labels
    pdf = _pdf_sections(render_pdf(closeness, wording))
    theme = default_theme()
    theme = theme.model_copy(update={"deck": theme.deck.model_copy(update={"style": style})})
    agenda = _agenda(render_deck(closeness, wording, theme))
    shared = [str(labels.executive_summary), str(labels.the_film), str(labels.strategic_analysis),
              str(labels.stakeholder_balance_sheet), str(labels.exhibits), str(labels.in_their_words),
              str(labels.disagreements), str(labels.sources)]
    assert [t for t in pdf if t in shared] == shared
    assert [t for t in agenda if t in shared] == shared


def _teaching_agenda(case) -> list[str]:
    theme = default_theme()
    theme = theme.model_copy(update={"deck": theme.deck.model_copy(update={"style": "teaching"})})
    return _agenda(render_deck(case, Wording(case), theme))


def test_the_teaching_deck_puts_the_key_figures_with_the_section_that_refers_to_their_exhibit(closeness):
    labels, key_figures = Wording(closeness).labels, "Key figures"
    agenda = _teaching_agenda(closeness)
    # the seed's summary states its budget and box office: the key figures follow it, before the verdict
    at = agenda.index(str(labels.executive_summary))
    assert agenda[at + 1 : at + 3] == [key_figures, str(labels.strategic_verdict)]
    assert str(labels.timeline) not in agenda  # its dates are told once, in the timeline exhibit
    # with no executive summary nothing refers the reader to the budget exhibit: the key figures open the deck
    no_summary = closeness.model_copy(update={"executive_summary": []})
    assert "executive_summary" not in kinds(outline(no_summary).case_study)
    assert _teaching_agenda(no_summary)[:2] == [key_figures, str(labels.the_film)]
