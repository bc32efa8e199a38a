"""PDF debris stays out: running headers, footers and page labels are recognised by their repetition.

Every text here is written for these tests. For each rule: two phrasings it must catch and one it must leave.
Line numbers are 1-based lines of the text, counted by hand.
"""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from lxml import etree

from casebook import pipeline
from casebook.ingest.plaintext import Line, page_debris
from casebook.ingest.press_kit import section_heading
from casebook.pipeline import load_case
from tests.conftest import FIXTURES, full_deck_theme


def _lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]


def _debris(text: str, page_starts: frozenset[int] = frozenset()) -> list[str]:
    lines = _lines(text)
    return [lines[n - 1].text for n in sorted(page_debris(lines, page_starts, keep=section_heading))]


# --- a running header whose number counts up -----------------------------------------------------------------


def test_a_header_with_a_page_number_at_its_end():
    text = ("Some text of the first page.\n\nNorth Wind – Production Notes – 1\n\nMore text.\n\n"
            "North Wind – Production Notes – 2\n\nAnd more.\n\nNorth Wind – Production Notes – 3\nThe end.\n")
    assert _debris(text) == [f"North Wind – Production Notes – {n}" for n in (1, 2, 3)]


def test_a_header_with_the_page_number_first_and_the_text_touching():
    text = ("Page 4 · THE RIVER HOUSE · press kit\nA paragraph that starts right under the header.\n"
            "Page 5 · THE RIVER HOUSE · press kit\nAnother one.\n"
            "Page 6 · THE RIVER HOUSE · press kit\nA third.\n")
    assert _debris(text) == [f"Page {n} · THE RIVER HOUSE · press kit" for n in (4, 5, 6)]


def test_numbered_headings_and_filmographies_are_not_headers():
    text = ("Part 1\nThe first part.\n\nPart 2\nThe second.\n\nPart 3\nThe third.\n\n"
            "2019 – HARBOUR TALES, season 1\n2020 – HARBOUR TALES, season 2\n2021 – HARBOUR TALES, season 3\n")
    assert _debris(text) == []


def test_lines_alike_but_for_numbers_that_do_not_count_up_stay():
    # three lines alone between blank lines, the same but for their numbers: not pages, which count up
    text = "\nThe budget was 3 million.\n\nThe budget was 2 million.\n\nThe budget was 5 million.\n"
    assert _debris(text) == []


# --- a line repeated at page breaks ---------------------------------------------------------------------------


def test_a_footer_repeated_beside_page_numbers():
    text = ("First page text ends here.\n- 1 -\nRiver House Films · For press use only\nSYNOPSIS\nA story.\n"
            "- 2 -\nRiver House Films · For press use only\nINTERVIEW\nWhy?\nBecause.\n"
            "- 3 -\nRiver House Films · For press use only\nNOTES\nSome notes.\n")
    assert _debris(text) == ["- 1 -", "River House Films · For press use only", "- 2 -",
                             "River House Films · For press use only", "- 3 -", "River House Films · For press use only"]


def test_a_footer_alone_between_blank_lines():
    text = ("A first page.\n\nLighthouse Films · Not for sale\n\nA second page.\n\nLighthouse Films · Not for sale\n\n"
            "A third page.\n\nLighthouse Films · Not for sale\n")
    assert _debris(text) == ["Lighthouse Films · Not for sale"] * 3


def test_a_line_alone_only_twice_stays():
    text = "A first page.\n\nThank you.\n\nA second page.\n\nThank you.\n\nThe end.\n"
    assert _debris(text) == []


def test_a_header_at_form_feeds():
    # the first line of each page (after the form feed) is the header; the text follows without a blank line
    text = ("THE RIVER HOUSE – PRESS KIT\nSYNOPSIS\nA story of a house.\n"
            "THE RIVER HOUSE – PRESS KIT\nThe story goes on.\n"
            "THE RIVER HOUSE – PRESS KIT\nAnd ends.\n")
    assert _debris(text, frozenset({1, 4, 6})) == ["THE RIVER HOUSE – PRESS KIT"] * 3


def test_section_headings_and_repeats_inside_a_page_stay():
    text = ("FILMOGRAPHY\n\n2010 – A FILM, 90 min\n\nFILMOGRAPHY\n\n2012 – B FILM, 95 min\n\nFILMOGRAPHY\n\n"
            "2014 – C FILM, 80 min\n\nPage two opens here.\nIt has a second line.\nWe said yes.\nWe said yes.\n"
            "We said yes.\nAnd the page goes on.\nIt ends here.\n")
    # the pages are known (form feeds at lines 1 and 13): the repeated sentence is in the middle of a page
    assert _debris(text, frozenset({1, 13})) == []


def test_page_labels_anywhere():
    text = "Text.\nPage 3 of 12\nMore text.\n[4]\nMore.\n3 of the 12 producers agreed.\n"
    assert _debris(text) == ["Page 3 of 12", "[4]"]


# --- the whole way: a press kit as a PDF extraction leaves it ------------------------------------------------


@pytest.fixture(scope="module")
def lantern():
    return load_case(FIXTURES / "debris")


def test_the_synopsis_is_whole_across_a_page_break_and_has_no_header(lantern):
    [paragraph] = lantern.film.synopsis
    assert paragraph.text.plain == (
        "On a rock off the Alentejo coast, Tomás has kept the lighthouse for thirty years. When the navy announces "
        "that the light will be automated, he has one winter left to teach the machine's engineer, a young woman "
        "from Lisbon, what the sea has taught him. Neither of them expects the storm that closes the harbour for "
        "eleven days.")
    assert (paragraph.source.first_line, paragraph.source.last_line) == (13, 19)


def test_the_interview_and_the_notes_have_no_debris(lantern):
    assert [(qa.question, [a.text.plain for a in qa.answer]) for qa in lantern.press.interview] == [
        ("Why a lighthouse?", ["My grandfather kept one. I spent my summers climbing its stairs and counting its flashes."]),
        ("How did you find the location?",
         ["We looked at nine lighthouses before the navy let us film on the tenth, near Sines."]),
    ]
    assert [p.text.plain for p in lantern.press.notes] == [
        "The Lantern Keeper was shot in 28 days in January and February 2021. The crew lived in the keeper's house "
        "and crossed to the mainland by boat when the weather allowed."]


DEBRIS_WORDS = ("Press Notes", "For press use only", "- 2 -", "- 3 -", "- 4 -")


def test_no_debris_reaches_the_deck_or_the_pdf(lantern):
    for theme in (None, full_deck_theme()):  # the teaching deck (slides and speaker notes) and the reading deck
        with zipfile.ZipFile(io.BytesIO(pipeline.render(lantern, "pptx", theme=theme))) as deck:
            texts = [t.text or "" for name in deck.namelist()
                     if name.startswith(("ppt/slides/slide", "ppt/notesSlides/notesSlide")) and name.endswith(".xml")
                     for t in etree.fromstring(deck.read(name)).iter("{*}t")]
        deck_text = " ".join(texts)
        assert "the storm that closes the harbour" in deck_text  # the synopsis is there
        assert not [w for w in DEBRIS_WORDS if w in deck_text]
    reader = pypdf.PdfReader(io.BytesIO(pipeline.render(lantern, "pdf")))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "the storm that closes the harbour" in pdf_text
    assert not [w for w in DEBRIS_WORDS if w in pdf_text]


def test_form_feeds_of_a_real_file_mark_the_pages(tmp_path):
    kit = ("RIVER HOUSE – PRESS KIT\nSYNOPSIS\nA widow rents the river house to a stranger, and the village\n"
           "\fRIVER HOUSE – PRESS KIT\ntalks about nothing else until the spring floods.\n\n"
           "DIRECTOR'S STATEMENT\nI wanted to film the river.\n"
           "\fRIVER HOUSE – PRESS KIT\nNOTES\nThe house was built in 1902.\n")
    (tmp_path / "kit.txt").write_text(kit)
    (tmp_path / "a.md").write_text("---\nmovieId: 3\nmovieTitle: River House\ncategoryName: BUSINESS\n---\n**Title: T**\n")
    from casebook.ingest.document import read_document

    assert read_document(tmp_path / "kit.txt").page_starts == {4, 9}  # a form feed opens lines 4 and 9
    case = load_case(tmp_path)
    assert [p.text.plain for p in case.film.synopsis] == [
        "A widow rents the river house to a stranger, and the village talks about nothing else until the spring floods."]
    assert [p.text.plain for p in case.press.statement] == ["I wanted to film the river."]
    assert [p.text.plain for p in case.press.notes] == ["The house was built in 1902."]
