"""Who said a quotation: each attribution rule with two phrasings it must read and one it must not.

The sentences are written for these tests (no film of the examples); the expected speakers come from reading them.
"""

from __future__ import annotations

from pathlib import Path

from casebook.ingest.document import read_document
from casebook.ingest.press_kit import extract_press_kit
from casebook.ingest.press_release import extract_press_release
from casebook.ingest.quotations import Cast, beside, dash_line, inline, lead_in, single_quotes, speaker_line, told_before
from casebook.ingest.records import Notes

PEOPLE = ("The jury of Ana Silva, Tomas Berg, Paul Okafor and Mira Olsen met the editor Ines Varga at the "
          "Lisbon Film Festival. Their favourite was \"Silent Lake\".")
CAST = Cast([PEOPLE])


# --- rule 1: beside the quotation ------------------------------------------------------------------------


def test_said_name_after_the_closing_mark_with_a_title():
    assert beside(', said festival director Ana Silva.', CAST) == ("Ana Silva", "festival director")
    assert beside(", according to sales chief Mira Olsen, who closed the deals.", CAST) == ("Mira Olsen", "sales chief")
    assert beside(", says Nordic Film Distribution's head of sales Mira Olsen.", CAST) == ("Mira Olsen", "head of sales")


def test_name_and_verb_after_the_closing_mark_surname_alone_or_with_an_apposition():
    assert beside(" Berg recalls. The winter was long.", CAST) == ("Tomas Berg", None)
    assert beside(", Paul Okafor, who produced the film, said at the party.", CAST) == ("Paul Okafor", None)


def test_no_name_beside_the_quotation_is_no_speaker():
    assert beside(", the producer said.", CAST) is None
    assert beside(", said after the screening that Ana Silva had left.", CAST) is None  # not the verb's subject
    assert beside(" Ana Silva and Tomas Berg left early.", CAST) is None  # no speech verb
    assert beside(", said Ana Silva and Tomas Berg.", CAST) is None  # two people: which one?
    assert beside(", said Silva's producer.", CAST) is None  # someone of Silva's, not Silva


def test_an_organisation_a_place_or_a_quoted_title_never_speaks():
    cast = Cast([PEOPLE + " Nordic Film Distribution sold it; the crew met on Harbour Street."])
    assert beside(", says Nordic Film Distribution.", cast) is None
    assert beside(", said Harbour Street.", cast) is None
    assert beside(", said Silent Lake.", cast) is None


def test_a_name_inside_the_quotation_is_never_its_speaker():
    text = 'After the screening the hall was quiet. "I owe this film to Ana Silva and to nobody else."'
    assert inline(text, CAST) == [([(40, len(text) - 1)], None, None)]


# --- rule 2: a dash line after it -------------------------------------------------------------------------


def test_dash_lines():
    assert dash_line("— Ines Varga, editor", CAST) == ("Ines Varga", "editor")
    assert dash_line("—Mira Olsen, Head of Sales, Nordic Film Distribution", CAST) == (
        "Mira Olsen", "Head of Sales, Nordic Film Distribution")
    assert dash_line("– Paul Okafor (Tom)", CAST) == ("Paul Okafor", None)
    assert dash_line("— Lisbon Film Festival", CAST) is None


# --- rule 3: a "Name, role:" line before it ---------------------------------------------------------------


def test_speaker_lines():
    assert speaker_line("Ines Varga, editor:", CAST) == ("Ines Varga", "editor")
    assert speaker_line("PAUL OKAFOR (Producer):", CAST) == ("Paul Okafor", "Producer")
    assert speaker_line("Okafor, accepting the prize:", CAST) is None  # a lead-in, not a role


# --- rule 4: a lead-in ending in a colon ------------------------------------------------------------------


def test_lead_in_names_the_speaker_by_title_and_name_or_surname():
    lead = ("The programme was announced in May. Speaking after the screening, Festival Director Ana Silva "
            "explained why she had chosen a film by Tomas Berg:")
    assert lead_in(lead, CAST) == "Ana Silva"
    assert lead_in("Okafor, accepting the prize:", CAST) == "Paul Okafor"


def test_lead_in_with_an_apposition_naming_someone_else():
    assert lead_in("Paul Okafor, who produced the film with Ana Silva, told the audience:", CAST) == "Paul Okafor"
    assert lead_in("After the vote, the jury president, Clara Moss, said:", Cast([PEOPLE + " Clara Moss"])) == \
        "Clara Moss"


def test_lead_in_whose_subject_is_no_name_is_no_speaker():
    assert lead_in("The jury thanked Ana Silva and Tomas Berg:", CAST) is None
    assert lead_in("In her speech, she thanked Tomas Berg:", CAST) is None  # "she" speaks, not Berg
    assert lead_in("Ana Silva left the stage.", CAST) is None  # no colon: not a lead-in


# --- rule 5: the subject of a speech verb just before ----------------------------------------------------


def test_subject_of_a_speech_verb_in_the_sentence_before():
    assert told_before("Ana Silva opened the evening and noted that the programme had grown.", CAST) == "Ana Silva"
    assert told_before("It rained. However, Tomas Berg insists that the story is true.", CAST) == "Tomas Berg"


def test_no_speech_verb_or_no_person_as_its_subject_is_no_speaker():
    assert told_before("The band kept playing while host Ana Silva waited on the stage.", CAST) is None
    assert told_before("The critics said that Ana Silva had made her best film.", CAST) is None
    assert told_before("The film, which Paul Okafor produced, was described as brave.", CAST) is None
    assert told_before("Tomas Berg was praised by Mira Olsen, who said it was a triumph.", CAST) is None


# --- quotation marks --------------------------------------------------------------------------------------


def test_single_quotation_marks_and_apostrophes():
    text = "‘We didn’t plan any of it, and the sea decided for us,’ says Mira Olsen."
    assert single_quotes(text) == "“We didn’t plan any of it, and the sea decided for us,” says Mira Olsen."
    assert single_quotes("the crew’s van and Ana’s boat") == "the crew’s van and Ana’s boat"


# --- whole documents --------------------------------------------------------------------------------------

RELEASE = """FOR IMMEDIATE RELEASE

"Silent Lake" Wins the Audience Award in Lisbon

LISBON, 4 June 2024 — "Silent Lake", directed by Tomas Berg, tonight won the Audience Award at the Lisbon Film Festival.

Ines Varga, Head of Post-Production:

"We cut the film in a kitchen, and every version was watched by the whole village before we locked it."

Paul Okafor, Producer:

"Nobody wanted to finance a film about a lake that freezes. Tonight proves them wrong, and I am glad of it."

The band kept playing while host Mira Olsen waited for the winners to reach the stage.

"I never thought a film this quiet could travel so far from home," Berg said. "Lisbon was always the dream."

Speaking after the ceremony, festival director Ana Silva explained why she had chosen a film by Tomas Berg:

"It trusts its audience. Tomas Berg makes us wait, and the waiting is the film."

"Every screen in the country wants it now," according to Mira Olsen, head of sales at Nordic Film Distribution.

"We will take it to every village hall that asks for it, one weekend at a time."
"""


def test_release_every_quotation_to_its_own_speaker(tmp_path: Path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    data = extract_press_release(read_document(path), Notes())
    got = [(q["speaker"], q["paragraphs"][0][:24]) for q in data["quotes"]]
    assert got == [
        ("Ines Varga", "We cut the film in a kit"),  # a "Name, Role:" line before each: never the next speaker
        ("Paul Okafor", "Nobody wanted to finance"),
        ("Tomas Berg", "I never thought a film t"),  # "Berg said", not the host of the paragraph before
        ("Ana Silva", "It trusts its audience. "),  # the lead-in's subject, not the director inside the quote
        ("Mira Olsen", "Every screen in the coun"),
        (None, "We will take it to every"),  # nothing attributes it: no guess
    ]
    assert data["quotes"][0]["role"] == "head of post-production"
    assert data["quotes"][2]["paragraphs"] == ["I never thought a film this quiet could travel so far from home, … "
                                               "Lisbon was always the dream."]  # the attribution left out, marked


KIT = """SILENT LAKE

A film by Tomas Berg

PRODUCTION NOTES

The film was shot in nine weeks on the shore of a lake that freezes every
winter. "We had one boat, one camera and a village that lent us everything
else," says producer Paul Okafor. "Nobody was paid like a star."
The editing took a year. Ines Varga described how she worked:
"I watched every take twice, once with the sound and once without it, and
kept what survived both."
The premiere was sold out. "A lake that freezes is a lake that keeps its
secrets until spring comes round again."
"""


def test_kit_quotations_in_the_notes(tmp_path: Path):
    path = tmp_path / "kit.txt"
    path.write_text(KIT, encoding="utf-8")
    data = extract_press_kit(read_document(path), Notes())
    got = [(q["speaker"], q["role"], q["paragraphs"][0][:20], q["source"]) for q in data["quotes"]]
    assert got == [
        ("Paul Okafor", "producer", "We had one boat, one", (8, 9)),
        ("Ines Varga", None, "I watched every take", (11, 12)),
        (None, None, "A lake that freezes ", (13, 14)),
    ]
    assert data["quotes"][0]["paragraphs"][1] == "Nobody was paid like a star."


INTERVIEW = """SILENT LAKE

A film by Tomas Berg and Ines Varga

INTERVIEW WITH THE DIRECTORS

Why a lake?
BERG: Because it freezes, and a frozen lake keeps everything that fell into it
until spring.
INES VARGA: And because we both grew up on one.

What came first, the story or the place?
NOTE: The place. We found the lake before we had written a single line, and the
story came out of the people who live around it.
"""


def test_interview_turns_by_a_name_in_capitals(tmp_path: Path):
    path = tmp_path / "kit.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    data = extract_press_kit(read_document(path), Notes())
    got = [[(a["speaker"] if "speaker" in a else None, a["source"]) for a in qa["answer"]] for qa in data["interview"]]
    assert got == [
        [("Tomas Berg", (8, 9)), ("Ines Varga", (10, 10))],  # a surname, a full name: each turn its own paragraph
        [(None, (13, 14))],  # "NOTE:" names nobody of the kit: the answer stays whole, unattributed
    ]
    assert data["interview"][0]["answer"][1]["text"] == "INES VARGA: And because we both grew up on one."
