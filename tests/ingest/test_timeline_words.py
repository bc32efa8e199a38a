"""Timeline events read as sentences, never as raw lines: "<Name> born in <place>", "*<Title>* released".

The press kit here is written for these tests. For each rule: two phrasings it must handle and one it must
leave alone. Line numbers are 1-based lines of the kit, counted by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pypdf
import pytest
from lxml import etree

from casebook import pipeline
from casebook.ingest.events import reads_as_sentence
from casebook.ingest.plaintext import is_heading
from casebook.ingest.press_kit import parse_birth
from casebook.ingest.sentences import _SPLIT
from casebook.pipeline import load_case
from casebook.render.event_words import event_told
from casebook.wording import Wording
from tests.conftest import full_deck_theme

KIT = """\
THE TIDE CLOCK
A film by Ines Duarte

Portugal | 2022 | 97 min | Colour

World Premiere – Rotterdam International Film Festival – 28 January 2022
International Premiere: Berlinale, 14 February 2022

SYNOPSIS
A clockmaker on the Algarve coast builds a clock that keeps the tides. Salt Marsh, her
first short, began with the same tides.

INTERVIEW WITH INES DUARTE

Where did you grow up?
I was born in Porto in 1984 and moved south when I was nine.

INES DUARTE – DIRECTOR
Ines Duarte was born on 4 May 1984 in Setúbal. She studied at the Lisbon Theatre and
Film School. Her mother was born in 1950 in Évora and mended nets for a living.

2016 – SALT MARSH, 21 min (short)
2019–2021 – HARBOUR TALES (television series), 3 seasons
2022 – THE TIDE CLOCK, 97 min

RUI FALCÃO – THE CLOCKMAKER'S SON
Born in 1979 in Faro, Rui Falcão trained at the National Conservatory before his first
stage role. His mother kept a bakery.

2009 – MOTHER, 104 min

NORA LIND (Editor)
Born in Porto on 9 June 1981, Nora Lind cut her first feature at twenty-five.

PRODUCTION NOTES
Shooting wrapped on 3 March 2021.
Release — 12 May 2022
Premiere — 3 June 2022
"""
BUSINESS = """\
---
movieId: tide-clock
movieTitle: The Tide Clock
categoryName: BUSINESS
---

**Title: The Tide Clock: Keeping Time on a Small Budget**
"""


@pytest.fixture(scope="module")
def tide(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tide")
    (folder / "kit.txt").write_text(KIT)
    (folder / "business.md").write_text(BUSINESS)
    return load_case(folder)


def _told(case) -> list[tuple[str, int, str]]:
    labels = Wording(case).labels
    return [(e.kind, e.year, event_told(labels, e).plain) for e in case.timeline]


# --- births told by a biography ------------------------------------------------------------------------------


def test_a_birth_the_biography_tells_names_the_person_and_the_place(tide):
    told = _told(tide)
    assert ("born", 1984, "Ines Duarte born in Setúbal") in told  # "<Name> was born on <day> in <place>."
    assert ("born", 1979, "Rui Falcão born in Faro") in told  # "Born in <year> in <place>, <Name> trained …"
    assert ("born", 1981, "Nora Lind born in Porto") in told  # under "NAME (Role)": the heading is not glued on
    births = {e.subject: (e.place, e.source.first_line) for e in tide.timeline if e.kind == "born" and e.subject}
    assert births == {"Ines Duarte": ("Setúbal", 19), "Rui Falcão": ("Faro", 27), "Nora Lind": ("Porto", 33)}


def test_a_birth_the_biography_does_not_make_certain_keeps_its_words(tide):
    told = _told(tide)
    # someone else's birth inside a biography, and a birth told in the interview: the sentences as written
    assert ("born", 1950, "Her mother was born in 1950 in Évora and mended nets for a living.") in told
    assert ("born", 1984, "I was born in Porto in 1984 and moved south when I was nine.") in told


# --- filmographies --------------------------------------------------------------------------------------------


def test_a_filmography_year_is_the_film_released_titled_as_the_documents_write_it(tide):
    released = [(year, what) for kind, year, what in _told(tide) if kind == "released"]
    assert released == [
        (2009, "MOTHER released"),  # "mother" in the text is a word, not the title: the line's capitals stay
        (2016, "Salt Marsh released"),  # the synopsis writes "Salt Marsh"
        (2019, "HARBOUR TALES released"),  # "2019–2021 – …": a series' first year; no other spelling anywhere
        (2022, "The Tide Clock released"),  # the film's own title
    ]
    lines = {e.subject: e.text for e in tide.timeline if e.kind == "released"}
    assert lines["Salt Marsh"] == "2016 – SALT MARSH, 21 min (short)"  # the source's words stay in the model


def test_the_released_title_is_in_italics_in_the_pdf_and_the_deck(tide):
    labels = Wording(tide).labels
    [salt] = [e for e in tide.timeline if e.subject == "Salt Marsh"]
    assert [(r.text, r.italic) for r in event_told(labels, salt).runs] == [("Salt Marsh", True), (" released", False)]
    # the reading deck tells the timeline; the teaching deck shows it as an exhibit
    with zipfile.ZipFile(io.BytesIO(pipeline.render(tide, "pptx", theme=full_deck_theme()))) as deck:
        runs = [run for name in deck.namelist() if name.startswith("ppt/slides/slide") and name.endswith(".xml")
                for run in etree.fromstring(deck.read(name)).iter("{*}r")]
    italic = {"".join(t.text or "" for t in r.iter("{*}t")) for r in runs
              if (r.find("{*}rPr") is not None and r.find("{*}rPr").get("i") == "1")}
    assert {"Salt Marsh", "The Tide Clock"} <= italic
    with zipfile.ZipFile(io.BytesIO(pipeline.render(tide, "pptx"))) as deck:  # the teaching deck's timeline exhibit
        runs = [run for name in deck.namelist() if name.startswith("ppt/slides/slide") and name.endswith(".xml")
                for run in etree.fromstring(deck.read(name)).iter("{*}r")]
    italic = {"".join(t.text or "" for t in r.iter("{*}t")) for r in runs
              if (r.find("{*}rPr") is not None and r.find("{*}rPr").get("i") == "1")}
    assert {"Salt Marsh", "The Tide Clock"} <= italic
    reader = pypdf.PdfReader(io.BytesIO(pipeline.render(tide, "pdf")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Ines Duarte born in Setúbal" in text and "Salt Marsh released" in text
    assert "2016 – SALT MARSH, 21 min (short)" not in text  # the raw line is no longer the "What"


# --- lines that are no sentence ------------------------------------------------------------------------------


def test_a_premiere_line_is_the_festival_s_and_other_laid_out_lines_stay_out(tide):
    told = _told(tide)
    assert ("premiered", 2022, "Premiere at Rotterdam International Film Festival") in told
    assert ("premiered", 2022, "Premiere at Berlinale") in told
    assert ("shot", 2021, "Shooting wrapped on 3 March 2021.") in told  # a sentence keeps its words
    # "Release — 12 May 2022", "Premiere — 3 June 2022": a label and a value, no festival to name: left out
    assert not [t for t in told if "—" in t[2] or t[1:] == (2022, "Premiere — 3 June 2022")]
    assert [e.source.first_line for e in tide.timeline if e.kind == "premiered"] == [6, 7]


@pytest.mark.parametrize("text", ["Shooting wrapped on 3 March 2021.", "The film opened in Lisbon in May 2022!",
                                  "It premiered at the festival in 2021 (“a triumph”)."])
def test_sentences_read_as_sentences(text):
    assert reads_as_sentence(text)


@pytest.mark.parametrize("text", ["Release — 12 May 2022", "Premiere ............ Rotterdam, 2022",
                                  "Running time        97 minutes", "+ Launch: Rotterdam, January 2022.",
                                  "Festival — Rotterdam 2022 Distribution — Nos Audiovisuais, May 2022 Gross — €1m …x"])
def test_lines_laid_out_for_the_eye_do_not(text):
    assert not reads_as_sentence(text)


# --- sentences and headings the timeline relies on ------------------------------------------------------------


@pytest.mark.parametrize(("text", "pieces"), [
    ("LISBON, Feb. 24, 2022 — The film won. It was sold.", ["LISBON, Feb. 24, 2022 — The film won.", "It was sold."]),
    ("PORTO, Sept. 2, 2021 /Newswire/ -- It opened.", ["PORTO, Sept. 2, 2021 /Newswire/ -- It opened."]),
    ("They met in Dec. The next year they shot it.", ["They met in Dec.", "The next year they shot it."]),
])
def test_an_abbreviated_month_before_a_day_does_not_end_a_sentence(text, pieces):
    assert _SPLIT.split(text) == pieces


@pytest.mark.parametrize(("text", "heading"), [
    ("NORA McALLISTER – EDITOR", True), ("SEAN MacDONAGH – COMPOSER", True), ("Nora McAllister edited it", False),
    ("NORA LIND (Editor)", True), ("RUI FALCÃO (Tomás, the son)", True), ("Nora Lind (Editor)", False),
])
def test_capital_headings_with_mc_and_mac(text, heading):
    assert is_heading(text) is heading


def _units(text: str) -> list[str]:
    from pathlib import Path

    from casebook.ingest.document import Document
    from casebook.ingest.sentences import sentences

    return [s.text for s in sentences(Document(path=Path("x.txt"), text=text, sha256="", body=text))]


def test_lines_laid_out_for_the_eye_are_units_of_their_own():
    assert _units("Budget — €1.2 million\nFinancing — a regional fund and the producer\nRelease: 12 May 2022\n") == [
        "Budget — €1.2 million", "Financing — a regional fund and the producer", "Release: 12 May 2022"]
    assert _units("Running time        97 minutes\nOriginal title      A Maré\n") == [
        "Running time        97 minutes", "Original title      A Maré"]


def test_a_wrapped_sentence_with_a_colon_stays_one():
    assert _units("Then in Faro: the crew lived on\nthe boat for thirty days.\n") == [
        "Then in Faro: the crew lived on the boat for thirty days."]


@pytest.mark.parametrize(("text", "birth"), [
    ("Born in Faro, Algarve, in 1979, Rui Falcão trained as an actor.", (None, 1979, "Faro")),
    ("She was born in Tomar, Portugal, on 2 May 1990.", (dt.date(1990, 5, 2), 1990, "Tomar")),
    # the region is not followed by the date: what follows is another clause, not the birth's year
    ("He was born in Braga, Portugal, and raised in Porto, in 1960 or so.", (None, None, "Braga")),
])
def test_a_birthplace_with_its_region_before_the_date(text, birth):
    assert parse_birth(text) == birth
