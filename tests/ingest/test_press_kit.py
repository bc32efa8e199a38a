"""The press kit reader: golden values read from the Closeness and Beanpole kits, and a synthetic kit.

Spans are 1-based lines of the file, checked against ``cat -n`` of the documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casebook.ingest.document import read_document
from casebook.ingest.plaintext import Line, glued_markers, reflow, vocabulary
from casebook.ingest.press_kit import extract_press_kit, filmography_entry, parse_birth, parse_training
from casebook.ingest.records import Notes
from tests.conftest import FIXTURES, SEEDS, SHARED

CLOSENESS_KIT = SEEDS / "closeness" / "003_97f070a8e3b46503.txt"
BEANPOLE_KIT = SHARED / "examples" / "beanpole" / "003_f632734f1f019499.txt"


def _extract(path: Path) -> tuple[dict, Notes]:
    notes = Notes()
    return extract_press_kit(read_document(path), notes), notes


@pytest.fixture(scope="module")
def closeness():
    kit, notes = _extract(CLOSENESS_KIT)
    assert notes.items == []
    return kit


@pytest.fixture(scope="module")
def beanpole():
    if not BEANPOLE_KIT.is_file():
        pytest.skip(f"the Beanpole press kit is not here ({BEANPOLE_KIT}); CI always has it")
    kit, notes = _extract(BEANPOLE_KIT)
    assert notes.items == []
    return kit


def _all_paragraphs(kit: dict) -> list[dict]:
    paras = list(kit["synopsis"]) + list(kit["statement"]) + list(kit["notes"])
    for pair in kit["interview"]:
        paras.extend(pair["answer"])
    return paras


# --- Closeness ----------------------------------------------------------------------------------------------


def test_closeness_interview_pairs(closeness):
    assert closeness["interviewee"] == "Kantemir Balagov"
    pairs = closeness["interview"]
    assert len(pairs) == 11
    first = pairs[0]
    assert first["question"] == "What led you to cinema?"
    assert first["question_source"] == (12, 12)
    assert first["source"] == (12, 24)
    assert len(first["answer"]) == 1
    assert first["answer"][0]["text"].startswith("I was born in Nalchik, in the North Caucasus, in 1991, and went to high")
    assert first["answer"][0]["text"].endswith("I joined in the autumn of 2011.")
    assert first["answer"][0]["source"] == (13, 24)
    assert [p["question_source"] for p in pairs] == [
        (12, 12), (26, 26), (39, 39), (46, 46), (71, 72), (107, 107), (119, 119), (136, 136), (144, 144), (154, 156),
        (161, 162),
    ]


def test_closeness_questions_that_wrap_or_break(closeness):
    pairs = closeness["interview"]
    assert pairs[4]["question"] == (
        "Do you think there is a difference in the way the Kabardians and the Jewish people approach this situation?"
    )
    # split by a page break (a blank line) inside the question
    assert pairs[9]["question"] == (
        "It is rare to see extremely personal cards on film, as we see at the beginning and end of Closeness?"
    )
    assert pairs[9]["answer"][0]["source"] == (157, 160)
    # a question right after the last line of an answer, no blank line between
    assert pairs[10]["question"].startswith("Your choices of frame and sound are sometimes unsettling. Can you tell us")
    assert pairs[10]["question"].endswith("your work with the DP and sound engineer?")
    assert [a["source"] for a in pairs[10]["answer"]] == [(163, 163), (164, 168)]


def test_closeness_answers_are_clean_of_footnote_debris(closeness):
    answers = [a["text"] for pair in closeness["interview"] for a in pair["answer"]]
    joined = "\n".join(answers)
    for debris in ("From 1957 to 1964", "Translator’s note", "This non-profit foundation", "narrowness"):
        assert debris not in joined
    for glued in ("period1", "Kovalenko)2", "Intonation3", "constriction”4"):
        assert glued not in joined
    assert "cinema from the Khrushchev Thaw period, war films…" in joined
    assert "for Sofichka (by Kira Kovalenko) and I knew" in joined
    assert "the foundation Example of Intonation, who produced it" in joined
    assert "There was a keyword I insisted on while directing them: “constriction”." in answers
    # numbers in prose are not markers
    assert "go straight into year 3." in joined
    assert "took place the 13 th October 2005" in joined
    # the answer to "Where did the idea…" starts after the footnote that split it from its question
    idea = closeness["interview"][3]
    assert idea["answer"][0]["source"] == (52, 69)
    assert idea["answer"][0]["text"].startswith("This story of a kidnapping, relatively common in the nineties")


def test_closeness_page_break_inside_a_sentence_is_joined(closeness):
    paragraph = closeness["interview"][4]["answer"][1]
    assert paragraph["source"] == (86, 105)
    assert "in Moscow, Saint Petersburg. Nalchik has become a very poor city." in paragraph["text"]


def test_closeness_footnotes_reattached(closeness):
    notes = closeness["footnotes"]
    assert [(n["marker"], n["source"], n["cited_at"]) for n in notes] == [
        ("1", (47, 50), (28, 28)),
        ("2", (128, 130), (98, 98)),  # its marker line was lost: the body starts " Translator’s note:"
        ("3", (131, 134), (102, 102)),
        ("4", (170, 173), (163, 163)),
    ]
    assert notes[0]["text"] == (
        "From 1957 to 1964, from the 20th Congress of the Communist Party of the Soviet Union denouncing the cult "
        "of Stalin, to the removal of Nikita Khrushchev."
    )
    assert notes[1]["text"].startswith("Translator’s note: Sofichka is the feature film debut of Kira Kovalenko")
    assert notes[2]["text"].startswith("This non-profit foundation was founded by Alexander Sokurov in 2013")
    assert notes[3]["text"].endswith("which commonly translates as narrowness, constriction, confinement.")
    citing = {p["source"]: p["footnotes"] for p in _all_paragraphs(closeness) if "footnotes" in p}
    assert citing == {(27, 37): ["1"], (86, 105): ["2", "3"], (163, 163): ["4"]}


def test_closeness_notes_keep_numbers(closeness):
    [note] = closeness["notes"]
    assert note["source"] == (176, 184)
    assert note["text"].startswith("The Kabardians, people from North Caucasus who speak Kabardian")
    for number in ("13,000km2", "(pop. 240, 000)", "5642 metres high.", "winter of 1942-1943"):
        assert number in note["text"]
    assert "footnotes" not in note


def test_closeness_synopsis_unchanged(closeness):
    assert [p["source"] for p in closeness["synopsis"]] == [(2, 2), (3, 7), (8, 9)]
    assert closeness["synopsis"][0]["text"] == "1998, Nalchik, North Caucasus, Russia."


def test_closeness_bios(closeness):
    balagov, zhovner = closeness["bios"]
    assert balagov == {
        "name": "Kantemir Balagov", "role": None, "birth_date": dt.date(1991, 7, 28), "birth_year": 1991,
        "birthplace": "Nalchik",
        "training": ["the Director's course of Alexander Sokurov in Kabardino-Balkar State University"],
        "text": "Kantemir Balagov was born on July 28, 1991 in Nalchik. In 2015, he completed his studies at the "
                "Director's course of Alexander Sokurov in Kabardino-Balkar State University.",
        "source": (186, 188),
    }
    assert zhovner["name"] == "Darya Zhovner"
    assert (zhovner["birth_date"], zhovner["birthplace"]) == (dt.date(1992, 9, 20), "St. Petersburg")
    assert zhovner["training"] == ["Viktor Ryzhakov’s course at the Moscow Art Theater School"]
    assert zhovner["source"] == (195, 198)
    assert zhovner["text"].endswith("TESNOTA aka Closeness marks her feature debut.")


def test_closeness_filmography(closeness):
    [group] = closeness["filmographies"]
    assert group["person"] == "Kantemir Balagov"
    rows = [(e["year"], e["title"], e["alternative_title"], e["minutes"], e["kind"], e["person"], e["source"])
            for e in group["entries"]]
    assert rows == [
        (2013, "STILL YOUNG", "Molodoï echtchio", 40, None, "Kantemir Balagov", (190, 190)),
        (2014, "ANDYUKHA", None, 38, "documentary", "Kantemir Balagov", (191, 191)),
        (2015, "FIRST I", "Pervyj ja", 15, None, "Kantemir Balagov", (192, 192)),
        (2017, "TESNOTA", "Closness", 118, "feature", "Kantemir Balagov", (193, 193)),
    ]


def test_closeness_production_facts(closeness):
    facts = [(f["attribute"], f["value"], f["source"]) for f in closeness["production"]]
    assert facts == [
        ("co_writer", "Anton Yarush", (59, 60)),
        ("financing", "no state money", (100, 101)),
        ("producer", "Nikolay Yankin", (101, 103)),
        ("co_producer", "Lenfilm", (103, 104)),
        ("shoot_place", "near Saint Petersburg", (108, 109)),
        ("shoot_place", "Nalchik", (109, 110)),
        ("shoot_start", "the end of September 2016", (110, 111)),
        ("shoot_end", "10th November 2016", (112, 112)),
        ("camera", "Alexa", (113, 114)),
        ("crew", "Lydia Kryukova, the costume designer", (114, 115)),
    ]
    by_attribute = {f["attribute"]: f for f in closeness["production"]}
    assert by_attribute["financing"]["text"].endswith(
        "without any money from the State, or the Ministry of Culture or the cinema funds.")
    assert by_attribute["shoot_end"]["text"] == "Shooting wrapped on 10th November 2016."
    assert by_attribute["crew"]["name"] == "Lydia Kryukova"


def test_closeness_has_no_title_block_credits_or_statement(closeness):
    assert closeness["title_block"] is None
    assert closeness["credits"] == []
    assert closeness["statement"] == [] and closeness["statement_by"] is None


# --- Beanpole ----------------------------------------------------------------------------------------------


def test_beanpole_title_block(beanpole):
    block = beanpole["title_block"]
    assert {k: block[k] for k in ("presenter", "title", "original_title", "director", "country", "year", "minutes",
                                   "aspect_ratio", "language", "honours", "source")} == {
        "presenter": "Non-Stop Production", "title": "BEANPOLE", "original_title": "ДЫЛДА",
        "director": "Kantemir Balagov", "country": "Russia", "year": 2019, "minutes": 137, "aspect_ratio": "2.39:1",
        "language": "Russian with English subtitles",
        "honours": ["BEST DIRECTOR AWARD", "FIPRESCI PRIZE", "RUSSIA’S OFFICIAL ENTRY – 92nd ACADEMY AWARDS"],
        "source": (1, 12),
    }
    assert block["selection"] == "FESTIVAL DE CANNES 2019 – OFFICIAL SELECTION – UN CERTAIN REGARD"


def test_beanpole_credits(beanpole):
    credits = beanpole["credits"]
    assert len(credits) == 17
    assert credits[0] == {"section": "cast", "role": "Iya", "names": ["Viktoria Miroshnichenko"], "source": (18, 18)}
    assert [c["section"] for c in credits] == ["cast"] * 7 + ["crew"] * 10
    by_role = {c["role"]: c for c in credits}
    assert by_role["Producers"] == {"section": "crew", "role": "Producers",
                                    "names": ["Alexander Rodnyansky", "Sergey Melkumov"], "source": (33, 33)}
    assert by_role["Screenplay"]["names"] == ["Kantemir Balagov", "Alexander Terekhov"]
    assert by_role["Lyubov Petrovna"]["names"] == ["Ksenia Kutepova"]
    assert by_role["US Distribution"]["source"] == (36, 36)


def test_beanpole_statement_footnote_and_hyphenation(beanpole):
    statement = beanpole["statement"]
    assert [p["source"] for p in statement] == [(53, 57), (58, 60), (68, 72), (73, 75), (76, 79)]
    assert statement[0]["footnotes"] == ["1"]
    assert "reading The Unwomanly Face of War, Svetlana Alexievich’s book" in statement[0]["text"]
    assert "War1" not in statement[0]["text"]
    assert "Nobel Prize" not in " ".join(p["text"] for p in statement)
    assert "With Ksenia Sereda, our director of photography, we decided" in statement[2]["text"]
    assert beanpole["statement_by"] == {"value": "Kantemir Balagov", "source": (80, 80)}
    [note] = beanpole["footnotes"]
    assert (note["marker"], note["source"], note["cited_at"]) == ("1", (61, 64), (54, 54))
    assert note["text"].startswith("Svetlana Alexievich, a Belarusian writer, received the Nobel Prize in Literature in 2015.")


def test_beanpole_bios(beanpole):
    bios = {b["name"]: b for b in beanpole["bios"]}
    assert list(bios) == ["Kantemir Balagov", "Viktoria Miroshnichenko", "Vasilisa Perelygina", "Ksenia Sereda",
                          "Alexander Rodnyansky"]
    assert [b["role"] for b in bios.values()] == ["Director", "Iya", "Masha", "Director of Photography", "Producer"]
    balagov = bios["Kantemir Balagov"]
    assert (balagov["birth_date"], balagov["birthplace"], balagov["source"]) == (dt.date(1991, 7, 28), "Nalchik", (84, 89))
    assert balagov["training"] == ["Alexander Sokurov’s directing workshop at Kabardino-Balkarian State University"]
    iya = bios["Viktoria Miroshnichenko"]
    assert (iya["birth_date"], iya["birth_year"], iya["birthplace"]) == (None, 1994, "Irkutsk")
    assert iya["training"] == ["GITIS, the Russian Institute of Theatre Arts in Moscow"]
    masha = bios["Vasilisa Perelygina"]
    assert (masha["birth_date"], masha["birth_year"], masha["birthplace"], masha["training"]) == (None, None, None, [])
    sereda = bios["Ksenia Sereda"]
    assert (sereda["birth_date"], sereda["birthplace"]) == (dt.date(1994, 8, 24), "Moscow")
    assert sereda["training"] == ["the cinematography faculty of VGIK"]
    rodnyansky = bios["Alexander Rodnyansky"]
    assert (rodnyansky["birth_date"], rodnyansky["birthplace"]) == (dt.date(1961, 7, 2), "Kyiv")
    assert "with his long-time partner Sergey Melkumov" in rodnyansky["text"]  # "longtime" is not in the kit


def test_beanpole_filmographies(beanpole):
    groups = {g["person"]: g["entries"] for g in beanpole["filmographies"]}
    assert list(groups) == ["Kantemir Balagov", "Viktoria Miroshnichenko", "Ksenia Sereda", "Alexander Rodnyansky"]
    first = groups["Kantemir Balagov"][0]
    assert (first["title"], first["alternative_title"], first["minutes"], first["kind"]) == \
        ("FIRST I AM", "Pervyy ya", 15, "short")
    acid, dicaprio, _ = groups["Ksenia Sereda"]
    assert (acid["title"], acid["alternative_title"], acid["minutes"], acid["kind"]) == ("ACID", "Kislota", None, "feature")
    assert (dicaprio["title"], dicaprio["kind"]) == ("CALL DICAPRIO!", "tv series")
    beanpole_entry = groups["Alexander Rodnyansky"][-1]
    assert beanpole_entry == {"year": 2019, "title": "BEANPOLE", "alternative_title": None, "minutes": None,
                              "kind": None, "director": "Kantemir Balagov", "person": "Alexander Rodnyansky",
                              "source": (127, 127)}


def test_beanpole_production_facts(beanpole):
    facts = [(f["attribute"], f["value"], f["source"]) for f in beanpole["production"]]
    assert facts == [
        ("crew", "Ksenia Sereda, the director of photography", (68, 70)),
        ("crew", "Sergey Ivanov, the production designer", (70, 72)),
        ("crew", "Olga Smirnova, the costume designer", (70, 72)),
        ("shoot_period", "the summer of 2018", (73, 73)),
        ("shoot_place", "Saint Petersburg", (73, 73)),
    ]
    assert beanpole["interview"] == [] and beanpole["interviewee"] is None


def test_beanpole_keeps_the_builder_keys(beanpole):
    assert [r["minutes"] for r in beanpole["runtimes"]] == [137, 137]
    assert beanpole["director"] == {"value": "Kantemir Balagov", "source": (5, 5)}
    assert beanpole["festival"]["festival"] == "Festival de Cannes"
    assert [p["source"] for p in beanpole["synopsis"]] == [(42, 46), (47, 50)]


# --- a synthetic kit: other headings, other order ------------------------------------------------------------

SYNTHETIC = """\
NORTHWIND FILMS presents
SALT LAKE
a film by Anna Petrova
Kazakhstan | 2021 | 95 min | 1.85:1 | Kazakh and Russian with English subtitles

DIRECTOR’S NOTE
I grew up on the shore of the Aral Sea1, or of what is left of it. The water went away long before
I was born, and the well-
known pictures of ships lying in the sand were my first landscape. We shot the film in Aralsk
in the spring of 2020, with a crew of twelve people. With our director of photography Dana Sultan,
we chose a cinemato-
graphy of long, still shots.
Anna Petrova
1
 Once the fourth largest lake in the world, the Aral Sea has lost most of its water since the
1960s.

2

SYNOPSIS
Aralsk, 1991. A fisherman’s daughter, Ainur, refuses to leave the dying town when the
factory closes.

Q&A WITH ANNA PETROVA
Why did you want to make a film about a lake that no longer exists, and why now, thirty
years after the factory closed?
Because my grandmother2 still talks about the fish as if they were coming back. I wanted to
film that waiting.
3
Is the film autobiographical? Did you live in Aralsk?
Partly. My family left when the factory3 closed. The film was produced by Marat Bekov, who
had seen my short films. Filming wrapped in May 2020, two weeks before the borders closed.
 She died in 2022, before the film was finished.
3
The fishing factory of Aralsk closed in 1991.

4
How did you find Ainur?
We saw four hundred girls in Almaty and Aktobe. The last one was the right one.
Was it difficult to shoot on the dry seabed?
Very. The wind never stopped, and the sand got into the camera every day.

BIOGRAPHY
Anna Petrova was born in Aktobe on 3 March 1986. She graduated from the directing faculty of
the Kazakh National Academy of Arts in 2010.
FILMOGRAPHY
2012 – SAND, 20 min, short film
2016 – THE WELL (Kudyk), 28 min (documentary)
2021 – SALT LAKE (Tuzdy kol), 95 min, feature film

CREDITS
Director ............... Anna Petrova
Cinematography ......... Dana Sultan
Ainur .................. Aigerim Nur
Producer ............... Marat Bekov
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("kit") / "press_kit.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    notes = Notes()
    kit = extract_press_kit(read_document(path), notes)
    assert notes.items == []
    return kit


def line_of(prefix: str) -> int:
    """The 1-based line of the synthetic kit that starts with ``prefix``."""
    return next(i for i, text in enumerate(SYNTHETIC.split("\n"), 1) if text.startswith(prefix))


def test_synthetic_title_block_and_statement(synthetic):
    assert synthetic["title_block"] == {
        "presenter": "Northwind Films", "title": "SALT LAKE", "director": "Anna Petrova", "country": "Kazakhstan",
        "year": 2021, "minutes": 95, "aspect_ratio": "1.85:1", "language": "Kazakh and Russian with English subtitles",
        "source": (1, 4),
    }
    [paragraph] = synthetic["statement"]
    assert paragraph["source"] == (line_of("I grew up"), line_of("graphy of long"))
    assert paragraph["footnotes"] == ["1"]
    assert "the shore of the Aral Sea, or of what is left" in paragraph["text"]
    assert "and the well-known pictures of ships" in paragraph["text"]  # "wellknown" is nowhere in the kit
    assert "we chose a cinematography of long, still shots." in paragraph["text"]  # "Cinematography" is, in the credits
    assert synthetic["statement_by"]["value"] == "Anna Petrova"


def test_synthetic_footnotes_including_a_lost_marker_line(synthetic):
    rows = [(n["marker"], n["source"], n["cited_at"][0], n["text"]) for n in synthetic["footnotes"]]
    assert rows == [
        ("1", (line_of("1"), line_of("1960s.")), line_of("I grew up"),
         "Once the fourth largest lake in the world, the Aral Sea has lost most of its water since the 1960s."),
        ("2", (line_of(" She died"), line_of(" She died")), line_of("Because my grandmother"),
         "She died in 2022, before the film was finished."),
        ("3", (line_of(" She died") + 1, line_of("The fishing factory")), line_of("Partly."),
         "The fishing factory of Aralsk closed in 1991."),
    ]


def test_synthetic_interview(synthetic):
    pairs = synthetic["interview"]
    assert synthetic["interviewee"] == "Anna Petrova"
    assert [p["question"] for p in pairs] == [
        "Why did you want to make a film about a lake that no longer exists, and why now, thirty years after the factory closed?",
        "Is the film autobiographical? Did you live in Aralsk?",
        "How did you find Ainur?",
        "Was it difficult to shoot on the dry seabed?",
    ]
    assert pairs[0]["question_source"] == (line_of("Why did you"), line_of("years after"))
    assert pairs[0]["answer"] == [{
        "text": "Because my grandmother still talks about the fish as if they were coming back. I wanted to film that waiting.",
        "source": (line_of("Because"), line_of("film that waiting")), "footnotes": ["2"],
    }]
    assert [a["text"] for a in pairs[1]["answer"]] == [
        "Partly. My family left when the factory closed. The film was produced by Marat Bekov, who had seen my short "
        "films. Filming wrapped in May 2020, two weeks before the borders closed."
    ]
    assert pairs[3]["answer"][0]["text"].startswith("Very. The wind never stopped")


def test_synthetic_biography_filmography_credits(synthetic):
    [bio] = synthetic["bios"]
    assert bio["name"] == "Anna Petrova"
    assert bio["role"] == "Director"  # from the credits: the BIOGRAPHY heading names no role
    assert (bio["birth_date"], bio["birth_year"], bio["birthplace"]) == (dt.date(1986, 3, 3), 1986, "Aktobe")
    assert bio["training"] == ["the directing faculty of the Kazakh National Academy of Arts"]
    [group] = synthetic["filmographies"]
    assert group["person"] == "Anna Petrova"
    assert [(e["title"], e["alternative_title"], e["minutes"], e["kind"]) for e in group["entries"]] == [
        ("SAND", None, 20, "short"), ("THE WELL", "Kudyk", 28, "documentary"), ("SALT LAKE", "Tuzdy kol", 95, "feature"),
    ]
    assert [(c["section"], c["role"], c["names"]) for c in synthetic["credits"]] == [
        ("crew", "Director", ["Anna Petrova"]), ("crew", "Cinematography", ["Dana Sultan"]),
        ("cast", "Ainur", ["Aigerim Nur"]), ("crew", "Producer", ["Marat Bekov"]),
    ]


def test_synthetic_production_facts(synthetic):
    assert [(f["attribute"], f["value"]) for f in synthetic["production"]] == [
        ("producer", "Marat Bekov"),
        ("shoot_end", "May 2020"),
        ("shoot_period", "the spring of 2020"),
        ("shoot_place", "Aralsk"),
        ("crew", "Dana Sultan, the director of photography"),
    ]


# --- the rules one by one ------------------------------------------------------------------------------------


def test_glued_markers_are_not_numbers_in_prose():
    found = [m.group(1) for m in glued_markers("the Thaw period1, war films (by Kira Kovalenko)2 and “constriction”4.")]
    assert found == ["1", "2", "4"]
    for prose in ("occupies 13,000km2 of territory", "2.39:1 | 5.1", "go straight into year 3.", "the 13 th October",
                  "(pop. 240, 000)", "5642 metres high", "an MP3 file", "a 92nd edition", "World War 2 and"):
        assert glued_markers(prose) == [], prose


def test_hyphen_at_line_end_goes_only_for_known_words():
    words = vocabulary("Director of Photography")
    lines = [Line(1, "our director of photogra-"), Line(2, "phy, and his long-"), Line(3, "time partner from Kabardino-"),
             Line(4, "Balkaria.")]
    [para] = reflow(lines, words)
    assert para.text == "our director of photography, and his long-time partner from Kabardino-Balkaria."
    assert para.source == (1, 4)


def test_birth_and_training_phrases():
    assert parse_birth("Born in 1994 in Irkutsk, she trained") == (None, 1994, "Irkutsk")
    assert parse_birth("was born in Kyiv on 2 July 1961.") == (dt.date(1961, 7, 2), 1961, "Kyiv")
    assert parse_birth("He was born in the mountains.") == (None, None, None)
    assert parse_training("she is a graduate of La Fémis, where she studied editing.") == ["La Fémis"]


def test_filmography_entry_kinds():
    assert filmography_entry("2017 – TESNOTA aka Closness. (feature film) 118 min") == {
        "year": 2017, "title": "TESNOTA", "alternative_title": "Closness", "minutes": 118, "kind": "feature"}
    assert filmography_entry("2013 – STILL YOUNG (Molodoï echtchio), 40 min")["kind"] is None
    assert filmography_entry("1998, Nalchik, North Caucasus, Russia.") is None


def test_a_kit_with_q_and_a_markers_a_spec_line_and_a_statement_signed_below():
    kit, notes = _extract(FIXTURES / "kits" / "presskit-qa.txt")
    assert [(qa["question"], [a["text"] for a in qa["answer"]]) for qa in kit["interview"]] == [
        ("Why the far north?", ["Because the landscape decides everything there. You cannot lie to the cold."]),
        ("How long was the shoot?", ["Forty-one days in February and March 2020, at minus thirty."]),
    ]
    assert kit["interviewee"] == "Marta Kowalczyk"
    assert [r["minutes"] for r in kit["runtimes"]] == [104]  # "Norway | Poland | 2021 | 104 min | Colour | …"
    assert kit["statement_by"]["value"] == "Marta Kowalczyk"
    assert [(c["section"], c["role"], c["names"]) for c in kit["credits"]] == [
        ("cast", "Eirik", ["Jonas Berg"]), ("cast", "Hanna", ["Agnieszka Nowak"]),
        ("crew", "Director", ["Marta Kowalczyk"]), ("crew", "Producer", ["Ingrid Halvorsen"]),
        ("crew", "Cinematographer", ["Piotr Zielinski"]),
    ]
    assert not notes.items


@pytest.mark.parametrize(("heading", "festival"), [
    ("LOCARNO FILM FESTIVAL 2021 – CONCORSO INTERNAZIONALE", "Locarno"),  # the word FESTIVAL
    ("BERLINALE 2020 – PANORAMA", "Berlin"),  # a festival the lexicon knows by another name
    ("THE HOUSE BY THE RIVER", None),  # a capitals heading that names no festival
])
def test_a_festival_heading_of_the_title_block(tmp_path, heading, festival):
    path = tmp_path / "kit.txt"
    path.write_text(f"THE SALT ROAD\nA film by Marta Kowalczyk\n\n{heading}\n\nSYNOPSIS\nA ferry crosses a bay.\n",
                    encoding="utf-8")
    found = _extract(path)[0]["festival"]
    if festival is None:
        assert found is None
    else:
        assert festival in found["festival"]
