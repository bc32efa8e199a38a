"""The claims layer's extractors, one attribute at a time: for each rule, two phrasings it must read and one it
must not, in sentences written for these tests (not copied from any case)."""

from __future__ import annotations

import pytest

from casebook.ingest.claims import claims_in
from casebook.ingest.claims.values import word_number
from casebook.ingest.sentences import Sentence


def claims(text, attribute, year=None):
    return [c for c in claims_in(Sentence(text, (1, 1)), year) if c["attribute"] == attribute]


def one(text, attribute, year=None):
    found = claims(text, attribute, year)
    assert len(found) == 1, (text, found)
    return found[0]


# --- money ----------------------------------------------------------------------------------------------------


def test_budget_in_words_and_figures():
    c = one("The producers shot it on a budget of roughly €2.8 million.", "budget")
    assert c["typed"] | {} == c["typed"] and c["typed"]["currency"] == "EUR" and c["typed"]["value"] == 2_800_000
    assert c["typed"]["approximate"] and c["typed"]["half_unit"] == 50_000
    c = one("Production Cost: CHF 900,000", "budget")
    assert (c["typed"]["currency"], c["typed"]["value"], c["value"]) == ("CHF", 900_000, "CHF 900,000")
    # marketing money after the budget word is not the budget
    assert claims("The budget was tight, and the distributor spent $300,000 on marketing.", "budget") == []


def test_a_figure_with_its_own_conversion_is_one_claim():
    c = one("| Production Budget | ¥480 million (~$4.4 million) |", "budget")
    assert c["value"] == "¥480 million (~$4.4 million)"
    assert c["typed"]["currency"] == "JPY" and c["typed"]["equivalents"][0]["currency"] == "USD"


def test_box_office_scope():
    assert one("Worldwide takings came to about $8.2 million.", "box_office")["scope"] == "worldwide"
    assert one("The film grossed $2.1 million in Germany alone.", "box_office")["scope"] == "Germany"
    assert one("Domestic Gross: $640,000 (US and Canada)", "box_office")["scope"] == "domestic"
    # a gross whose words name no scope has none (and is not compared)
    assert one("It grossed $3 million before the summer.", "box_office")["scope"] is None


def test_money_raised_is_not_the_budget():
    assert one("The producer raised $250,000 from private investors.", "financing")
    assert claims("The producer raised $250,000 from private investors.", "budget") == []


# --- counts: admissions, awards, footage ---------------------------------------------------------------------


def test_admissions_with_scope_and_cutoff():
    c = one("By 30 June 2015 the comedy had sold 2.4 million tickets in Italy.", "admissions")
    assert (c["scope"], c["typed"]["value"], c["typed"]["cutoff"]) == ("Italy", 2_400_000, "2015-06-30")
    c = one("In Spain it has drawn more than 700,000 spectators so far.", "admissions")
    assert (c["scope"], c["typed"]["lower"]) == ("Spain", 700_000)
    assert claims("She bought two tickets for the evening show.", "admissions") == []


def test_award_counts_in_words_and_digits():
    c = one("At the ceremony in March it collected seven Oscars.", "award_count")
    assert (c["scope"], c["typed"]["value"]) == ("Academy Awards", 7)
    c = one("Berlinale Record: 2 awards, including a Silver Bear.", "award_count")
    assert (c["scope"], c["typed"]["value"]) == ("Berlin International Film Festival", 2)
    # nominations are their own count; an ordinal ceremony is no count
    assert one("It was nominated for six Academy Awards.", "award_nominations")["typed"]["value"] == 6
    assert claims("It was nominated for six Academy Awards.", "award_count") == []
    assert claims("The 92nd Academy Awards were held in February.", "award_count") == []


def test_award_names_with_their_festival():
    c = one("At Locarno the jury gave the film its only prize there, the Special Mention Award.", "award_won")
    assert c["scope"] == "Locarno Film Festival" and c["typed"]["exclusive"]
    c = one("The drama won the Golden Bear in February.", "award_won")
    assert c["scope"] == "Berlin International Film Festival" and c["typed"]["key"] == "golden bear"
    # a prize the film was only nominated for is not one it won
    assert claims("At Venice it competed for the Golden Lion.", "award_won") == []


def test_hours_of_footage():
    assert one("They came home with 120 hours of footage.", "footage_hours")["typed"]["value"] == 120
    assert one("The editor sifted through some 90 hours of raw footage.", "footage_hours")["typed"]["approximate"]
    assert claims("The edit took 90 hours a week.", "footage_hours") == []


def test_number_words():
    assert [word_number(w) for w in ("seven", "twenty-one", "one hundred and four", "Nine")] == [7, 21, 104, 9]
    assert word_number("several") is None


# --- durations: running time, the shoot ----------------------------------------------------------------------


@pytest.mark.parametrize("text, minutes", [
    ("Running time: 104 minutes", 104),
    ("Runtime ............ 1 h 44 min", 104),
    ("It is a 97-minute documentary about salt.", 97),
    ("Norway, 2020, colour, 112 min, in Norwegian.", 112),
    ("Norway | 2020 | 112 min | Colour | 1.85:1", 112),
    ("Length / Durée .......... 1h52", 112),
])
def test_running_time(text, minutes):
    assert one(text, "runtime")["typed"]["amount"] == minutes


def test_not_a_running_time():
    assert claims("The premiere ended in a 12-minute standing ovation.", "runtime") == []
    assert claims("Twenty minutes into the film, the tone changes.", "runtime") == []
    assert claims("2016 – NIGHT FERRY, 98 min", "runtime") == []  # a filmography line: the builder reads it


def test_length_of_the_shoot():
    c = one("Principal photography lasted six weeks in the spring.", "shooting_period")
    assert (c["typed"]["amount"], c["typed"]["unit"]) == (6, "week")
    c = one("It was a 23-day shoot on the coast.", "shooting_period")
    assert (c["typed"]["amount"], c["typed"]["unit"]) == (23, "day")
    assert claims("The actress filmed her scenes in two days.", "shooting_period") == []
    assert claims("We shot six days a week and rested on Sundays.", "shooting_period") == []


# --- dates: premiere and release -----------------------------------------------------------------------------


def test_premiere_dates_and_scope():
    c = one("The film had its world premiere at Locarno on 4 August 2022.", "premiere_date")
    assert (c["scope"], c["typed"]) == ("world", {"type": "date", "iso": "2022-08-04", "precision": "day",
                                                  "festival": "Locarno Film Festival"})
    c = one("Its North American premiere followed at Toronto on September 9, 2022.", "premiere_date")
    assert c["scope"] == "north american" or c["scope"] == "United States"
    c = one("OSLO, 12 March 2021 — The drama premieres tonight at the city's festival.", "premiere_date")
    assert c["typed"]["iso"] == "2021-03-12"
    # the date of another event in the sentence is not the premiere's
    c = one("It premiered at Berlin on 20 February 2020 and won the jury prize on 29 February 2020.", "premiere_date")
    assert c["typed"]["iso"] == "2020-02-20"
    assert claims("When will it premiere?", "premiere_date") == []


def test_release_dates_need_their_territory():
    c = one("The distributor released the film in Poland on 14/10/2016.", "release_date")
    assert (c["scope"], c["typed"]["iso"]) == ("theatrical: Poland", "2016-10-14")
    c = one("Spanish Release: 3 May 2019", "release_date")
    assert (c["scope"], c["typed"]["iso"]) == ("theatrical: Spain", "2019-05-03")
    assert claims("It was released on 3 May 2019.", "release_date") == []  # no territory: not compared
    assert claims("It was still on release in Poland on 14 November 2016.", "release_date") == []


# --- people ---------------------------------------------------------------------------------------------------


def test_director_of_photography():
    assert one("It was photographed by cinematographer Ines Koller on 35 mm.", "crew")["typed"]["names"] == ["Ines Koller"]
    assert one("Director of Photography ........ Piotr Wand", "crew")["typed"]["names"] == ["Piotr Wand"]
    assert claims("Additional photography by Ines Koller.", "crew") == []


def test_birth_years():
    assert one("Born in Lyon in 1968, Claire Moreau studied law first.", "birth")["typed"]["value"] == [1968, 1968]
    assert one("Tomas Berg was born in 1990 in Bergen.", "birth")["subject"] == "Tomas Berg"
    assert one("In 2019, the 31-year-old director returned home.", "birth")["typed"]["value"] == [1987, 1988]
    assert claims("Born in a small town, the director moved to the capital.", "birth") == []


# --- subjects -------------------------------------------------------------------------------------------------


def test_sentences_about_another_work_are_marked():
    c = one("Her next film premiered at Cannes on 18 May 2024.", "premiere_date")
    assert c["other_work"]
    c = one("The director's short film “Salt Lines” premiered at Clermont-Ferrand on 3 February 2017.", "premiere_date")
    assert c["titles"] == ["Salt Lines"]
    assert not one("The film premiered at Venice on 1 September 2021.", "premiere_date")["other_work"]


def test_money_in_words():
    c = one("The producers say the picture cost about nine million euros.", "budget")
    assert (c["typed"]["currency"], c["typed"]["value"], c["typed"]["half_unit"]) == ("EUR", 9_000_000, 500_000)
    c = one("Its budget was two hundred thousand dollars.", "budget")
    assert (c["typed"]["currency"], c["typed"]["value"]) == ("USD", 200_000)
    assert claims("The budget was one of a million worries.", "budget") == []


def test_running_time_clocks_in():
    assert one("The cut clocks in at 118 minutes.", "runtime")["typed"]["amount"] == 118
    assert claims("The crowd waited 118 minutes in the rain.", "runtime") == []


def test_other_expenses_are_not_the_budget():
    assert claims("Buying the rights cost the distributor $2 million.", "budget") == []
    assert claims("It cost $300,000 in festival fees and travel.", "budget") == []
    assert one("The whole production cost $2 million.", "budget")["typed"]["value"] == 2_000_000


def test_a_premiere_on_television_is_no_festival_premiere():
    assert claims("It premiered on national television on 3 March 2020.", "premiere_date") == []
    assert claims("The series premiered on a streaming service on 3 March 2020.", "premiere_date") == []
    assert one("It premiered at Rotterdam on 3 February 2020.", "premiere_date")["scope"] == "world"


def test_technical_details_carry_their_own_title():
    c = one("Her debut, NORTH ROAD (Norway, 2015, 96 min, colour), was a success.", "runtime")
    assert "NORTH ROAD" in c["titles"]
    assert one("Norway, 2021, colour, 104 min, in Norwegian.", "runtime")["titles"] == []


def test_award_counts_need_the_film_to_have_won_them():
    assert claims("The festival handed out 24 awards this year.", "award_count") == []
    assert one("It took home two awards at the Sundance Film Festival.", "award_count")["typed"]["value"] == 2
    assert one("Three Oscars followed in March.", "award_count")["typed"]["value"] == 3


def test_a_premiere_names_its_festival_or_none():
    c = one("It premiered at the Berlinale on 20 February 2020.", "premiere_date")
    assert c["typed"]["festival"] == "Berlin International Film Festival"
    assert one("The drama had its world premiere on 9 May 2020.", "premiere_date")["typed"].get("festival") is None
    assert claims("After Venice, it premiered at Toronto on 11 September 2021.", "premiere_date") == []


def test_fact_lines_are_sentences_of_their_own(tmp_path):
    from casebook.ingest.document import read_document
    from casebook.ingest.sentences import sentences

    path = tmp_path / "kit.txt"
    path.write_text("Budget — €900,000\nShooting Schedule — 19 days in March\n| Worldwide Gross | $2.2 million |\n"
                    "+ Release: 4 May 2018\nRunning time ........ 1h38\nDirector of Photography ...... Ines Koller\n", "utf-8")
    found = [(s.text, s.span) for s in sentences(read_document(path))]
    assert found == [("Budget — €900,000", (1, 1)), ("Shooting Schedule — 19 days in March", (2, 2)),
                     ("| Worldwide Gross | $2.2 million |", (3, 3)), ("Release: 4 May 2018", (4, 4)),
                     ("Running time ........ 1h38", (5, 5)), ("Director of Photography ...... Ines Koller", (6, 6))]


def test_a_stake_or_a_spend_is_the_budget_only_as_a_whole():
    assert one("The stake was about $6 million, all of it private money.", "budget")["typed"]["value"] == 6_000_000
    assert one("A tight schedule kept the spend at $900,000.", "budget")["typed"]["value"] == 900_000
    assert claims("The fund took a 20 % stake for $2 million.", "budget") == []
    assert claims("The distributor spent $1 million in the spring.", "budget") == []
