"""Where the sources disagree: found by general checks, golden values read from the documents.

The comparison rules get claims written here (not read from a case), so that each rule is tested on its own.
"""

from __future__ import annotations

import datetime as dt

from casebook.model.conflicts import RawClaim, find_conflicts, same_award, same_name


def _by_attribute(case):
    return {c.attribute: c for c in case.conflicts}


def _claimed(conflict):
    return sorted((c.source.source, c.source.first_line) for c in conflict.claims)


# --- the seed keeps exactly its four disagreements ----------------------------------------------------------


def test_closeness_state_funding(closeness):
    conflict = _by_attribute(closeness)["state_funding"]
    assert conflict.subject == "Closeness" and conflict.subject_kind == "film"
    assert _claimed(conflict) == [("S1", 15), ("S3", 29), ("S4", 100)]
    assert [c.reading.flag for c in conflict.claims] == ["yes", "no", "no"]
    assert conflict.claims[0].value.startswith("Financing Structure: State subsidy (Ministry of Culture")


def test_closeness_who_financed_it(closeness):
    conflict = _by_attribute(closeness)["financiers"]
    by_source = {c.source.source: c.reading.names for c in conflict.claims}
    assert by_source["S1"] == ["Non-Stop Production"]
    assert set(by_source["S2"]) == {"Lenfilm", "Alexander Sokurov Fund"}
    assert by_source["S3"] == by_source["S4"] == ["Example of Intonation"]


def test_closeness_short_film_year(closeness):
    [conflict] = [c for c in closeness.conflicts if c.attribute == "title_year"]
    assert same_name(conflict.subject, "First I Am") and conflict.subject_kind == "short"  # "his short films (…)", 15 min
    assert _claimed(conflict) == [("S2", 13), ("S4", 192)]
    assert sorted(c.reading.year for c in conflict.claims) == [2014, 2015]


def test_closeness_footage_year(closeness):
    [conflict] = [c for c in closeness.conflicts if c.attribute == "event_year"]
    assert "Dagestan" in conflict.subject or "Daghestan" in conflict.subject
    assert _claimed(conflict) == [("S2", 19), ("S4", 148)]
    assert sorted(c.reading.year for c in conflict.claims) == [1998, 1999]


def test_closeness_has_exactly_four_disagreements(closeness):
    # "<$150,000 USD" (business) and "approximately $130,000" (ledger) agree: no box-office disagreement
    assert sorted(c.attribute for c in closeness.conflicts) == ["event_year", "financiers", "state_funding", "title_year"]


# --- the second example: its three planted disagreements and nothing else ------------------------------------


def test_beanpole_exactly_the_three_planted_conflicts(beanpole):
    found = _by_attribute(beanpole)
    assert set(found) == {"box_office", "premiere_date", "runtime"}
    box = found["box_office"]
    assert box.scope == "worldwide"
    assert [(c.source.source, c.source.first_line, c.reading.value, c.reading.currency) for c in box.claims] == [
        ("S1", 19, 1_600_000, "USD"), ("S2", 22, 3_100_000, "USD")]
    premiere = found["premiere_date"]
    assert premiere.scope == "world"
    assert sorted((c.source.source, c.reading.date) for c in premiere.claims) == [("S2", "2019-05-17"), ("S3", "2019-05-16")]
    runtime = {(c.source.source, c.source.first_line, c.reading.amount) for c in found["runtime"].claims}
    assert ("S1", 14, 130) in runtime and ("S4", 12, 137) in runtime


def test_beanpole_budget_agrees_within_precision(beanpole):
    # "<$5,000,000 USD" (a bound) and "about $4.6 million" (a point under it) agree
    assert not [c for c in beanpole.conflicts if c.attribute in ("budget", "birth", "title_year")]


# --- comparison rules, one by one, on claims written for the test ---------------------------------------------


def _c(attribute, typed, source, scope=None, subject="The Film", kind="film", value=None):
    return RawClaim(attribute, subject, value or str(typed), typed, source, (1, 1), scope=scope, subject_kind=kind)


def _money(value=None, currency="USD", approximate=False, half=0.5, **bounds):
    typed = {"type": "money", "currency": currency, "half_unit": half, **bounds}
    if value is not None:
        typed["value"] = value
    if approximate:
        typed["approximate"] = True
    return typed


def _pairs(claims, period=None):
    return [(c["attribute"], sorted(x["source"]["source"] for x in c["claims"])) for c in find_conflicts(claims, period)]


def test_points_differ_beyond_their_precision():
    # ~$446 million and about $472 million: 5.5 % apart, both approximate (2.5 % each): they disagree
    assert _pairs([_c("box_office", _money(446e6, approximate=True, half=5e5), "S1", "worldwide"),
                   _c("box_office", _money(472e6, approximate=True, half=5e5), "S2", "worldwide")])
    # about $20 million and $20.3 million agree; $15 million and about $20 million do not
    assert not _pairs([_c("budget", _money(20e6, approximate=True, half=5e5), "S1"),
                       _c("budget", _money(20.3e6, half=5e4), "S2")])
    assert _pairs([_c("budget", _money(15e6, half=5e5), "S1"), _c("budget", _money(20e6, approximate=True, half=5e5), "S2")])


def test_a_bound_agrees_with_a_point_inside_it():
    bound = _c("box_office", _money(upper=150_000), "S1", "worldwide")
    assert not _pairs([bound, _c("box_office", _money(130_000, approximate=True), "S2", "worldwide")])
    assert _pairs([bound, _c("box_office", _money(400_000, approximate=True), "S2", "worldwide")])
    lower = _c("admissions", {"type": "count", "lower": 8e6, "half_unit": 5e5}, "S3", "France")
    assert not _pairs([lower, _c("admissions", {"type": "count", "value": 8.6e6, "half_unit": 5e4}, "S4", "France")])


def test_worldwide_and_domestic_are_different_quantities():
    claims = [_c("box_office", _money(27.9e6, approximate=True, half=5e4), "S1", "domestic"),
              _c("box_office", _money(65e6, approximate=True, half=5e5), "S2", "worldwide")]
    assert _pairs(claims) == []
    # a gross whose scope the words do not give is never compared
    assert _pairs([_c("box_office", _money(1e6), "S1", None), _c("box_office", _money(9e6), "S2", None)]) == []


def test_one_amount_in_two_currencies_at_the_periods_rate():
    # EUR 130,000 in January 2007 (about 1.30 dollars a euro) is about $169,000: "about $165,000" agrees, $100,000 not
    period = dt.date(2007, 1, 20)
    eur = _c("budget", _money(130_000, "EUR", half=0), "S1")
    assert _pairs([eur, _c("budget", _money(165_000, approximate=True, half=0), "S2")], period) == []
    assert _pairs([eur, _c("budget", _money(100_000, half=0), "S2")], period) == [("budget", ["S1", "S2"])]
    # without a period there is no rate, and two currencies are not compared
    assert _pairs([eur, _c("budget", _money(100_000, half=0), "S2")], None) == []


def test_a_replaced_currency_converts_at_its_fixed_euro_rate():
    # FRF 46 million / 6.55957 = EUR 7.01 million, whatever the date
    frf = _c("budget", _money(46e6, "FRF", half=5e5), "S1")
    assert _pairs([frf, _c("budget", _money(7e6, "EUR", approximate=True, half=5e5), "S2")], dt.date(2003, 3, 1)) == []
    assert _pairs([frf, _c("budget", _money(9e6, "EUR", approximate=True, half=5e5), "S2")], dt.date(2003, 3, 1))
    [conflict] = find_conflicts([frf, _c("budget", _money(9e6, "EUR", approximate=True, half=5e5), "S2")], dt.date(2003, 3, 1))
    reading = conflict["claims"][0]["reading"]
    assert reading["rate"]["fixed"] and abs(reading["converted"]["value"] - 46e6 / 6.55957) < 1


def test_won_at_the_ecb_rate_of_the_month():
    period = dt.date(2019, 5, 21)
    won = _c("budget", _money(20e9, "KRW", half=5e8), "S1")  # about $16.9 million in May 2019
    [conflict] = find_conflicts([won, _c("budget", _money(30e6, approximate=True, half=5e5), "S2"),
                                 _c("budget", _money(31e6, half=5e5), "S3")], period)
    reading = conflict["claims"][0]["reading"]
    assert reading["converted"]["currency"] == "USD" and reading["rate"]["period"] == "2019-05"
    assert 16e6 < reading["converted"]["value"] < 18e6


def test_dates_compare_at_their_precision():
    day = {"type": "date", "iso": "2021-09-04", "precision": "day"}
    assert _pairs([_c("premiere_date", day, "S1", "world"),
                   _c("premiere_date", {"type": "date", "iso": "2021-09", "precision": "month"}, "S2", "world")]) == []
    assert _pairs([_c("premiere_date", day, "S1", "world"),
                   _c("premiere_date", {"type": "date", "iso": "2021-09-05", "precision": "day"}, "S2", "world")])
    # a release in one country and one on a streaming service are not the same event
    assert _pairs([_c("release_date", day, "S1", "theatrical: Italy"),
                   _c("release_date", {"type": "date", "iso": "2021-12-01", "precision": "day"}, "S2", "streaming: Italy")]) == []


def test_counts_compare_as_numbers():
    words = {"type": "count", "value": 7.0, "half_unit": 0.0}
    assert _pairs([_c("award_count", words, "S1", "Academy Awards"),
                   _c("award_count", {"type": "count", "value": 6.0, "half_unit": 0.0}, "S2", "Academy Awards")])
    assert _pairs([_c("award_count", words, "S1", "Academy Awards"),
                   _c("award_count", {"type": "count", "value": 7.0, "half_unit": 0.0}, "S2", "Academy Awards")]) == []
    # awards at two ceremonies are different counts
    assert _pairs([_c("award_count", words, "S1", "Academy Awards"),
                   _c("award_count", {"type": "count", "value": 2.0, "half_unit": 0.0}, "S2", "César Awards")]) == []


def test_running_times_and_shoot_lengths():
    minutes = lambda n: {"type": "duration", "amount": n, "unit": "minute"}  # noqa: E731
    assert _pairs([_c("runtime", minutes(104), "S1"), _c("runtime", minutes(105), "S2")])
    assert _pairs([_c("runtime", minutes(85), "S1"), _c("runtime", minutes(85), "S2")]) == []
    days = {"type": "duration", "amount": 19.0, "unit": "day"}
    weeks = lambda n: {"type": "duration", "amount": n, "unit": "week"}  # noqa: E731
    assert _pairs([_c("shooting_period", days, "S1"), _c("shooting_period", weeks(3.0), "S2")]) == []  # 19 d ≈ 3 wk
    assert _pairs([_c("shooting_period", days, "S1"), _c("shooting_period", weeks(5.0), "S2")])


def test_crew_names_disagree_only_when_they_share_no_one():
    one = {"type": "names", "names": ["Ana Ruiz Vega"]}
    assert _pairs([_c("crew", one, "S1", "director of photography"),
                   _c("crew", {"type": "names", "names": ["Tomas Berg"]}, "S2", "director of photography")])
    assert _pairs([_c("crew", one, "S1", "director of photography"),
                   _c("crew", {"type": "names", "names": ["Tomas Berg", "Ana Ruiz Vega"]}, "S2",
                      "director of photography")]) == []


def test_award_names_at_one_festival():
    def award(name, source, exclusive=False):
        from casebook.ingest.claims.lexicon import lexicon

        return _c("award_won", {"type": "name", "key": lexicon().award_key(name), "exclusive": exclusive}, source,
                  "Berlin International Film Festival", value=name)

    # "its only prize there" against another prize: they disagree
    assert _pairs([award("Silver Bear for Best Actress", "S1", exclusive=True), award("Golden Bear", "S2")])
    # two sources naming one award each, differently: disagree; Prix du Jury and Jury Prize are one award
    assert _pairs([award("Golden Bear", "S1"), award("Silver Bear for Best Director", "S2")])
    assert _pairs([award("Prix du Jury", "S1"), award("Jury Prize", "S2")]) == []
    # a source naming two awards there: the film won more than one, nothing is claimed
    assert _pairs([award("Golden Bear", "S1"), award("FIPRESCI Prize", "S2"), award("Golden Bear", "S2")]) == []
    assert not same_award("grand jury prize", "jury prize") and same_award("audience award", "world cinema audience award")


def test_another_titles_claims_are_not_the_films():
    other = _c("premiere_date", {"type": "date", "iso": "2024-02-17", "precision": "day"}, "S2", "world",
               subject="Night Ferry", kind="title")
    film = _c("premiere_date", {"type": "date", "iso": "2021-09-04", "precision": "day"}, "S1", "world")
    assert _pairs([film, other]) == []


def test_a_source_never_conflicts_with_itself():
    minutes = {"type": "duration", "amount": 90, "unit": "minute"}
    assert find_conflicts([_c("runtime", minutes, "S1"), _c("runtime", minutes | {"amount": 95}, "S1")]) == []


def test_spellings_are_the_same_name():
    assert same_name("Daghestan", "Dagestan")
    assert same_name("Closness", "Closeness")
    assert same_name("FIRST I", "First I Am")
    assert not same_name("Alexander Sokurov", "Alexander Rodnyansky")


def test_subjects_of_sentences():
    from casebook.ingest.claims import claims_in
    from casebook.ingest.sentences import Sentence
    from casebook.model.conflicts import resolve_subject

    def subject(text):
        [claim] = [c for c in claims_in(Sentence(text, (1, 1))) if c["attribute"] == "premiere_date"]
        return resolve_subject(claim, ["Dusk", "Crépuscule"])

    assert subject("Dusk premiered at Venice on 2 September 2021.") == ("film", "Dusk")
    # the possessive words of another work, with the film's title in apposition: the film
    assert subject("Mara Lind's second feature, “Dusk”, premiered at Venice on 2 September 2021.") == ("film", "Dusk")
    # the director's next film, named or not: never this film's premiere
    assert subject("Her next film premiered at Cannes on 18 May 2024.") is None
    assert subject("Three years after Dusk, her next film, Night Ferry, premiered at Cannes on 18 May 2024.") is None
    assert subject("“Night Ferry” premiered at Cannes on 18 May 2024.") == ("title", "Night Ferry")


def test_a_short_and_the_feature_of_one_title_are_two_works(tmp_path):
    from casebook.pipeline import load_case

    (tmp_path / "kit.txt").write_text(
        "DUSK\nPRESS KIT\n\nA film by Mara Lind\n\nBIOGRAPHY OF THE DIRECTOR\n\n"
        "Mara Lind studied in Oslo.\n\nFILMOGRAPHY\n\n2016 – DUSK, 14 min, short\n2021 – DUSK, 104 min\n", "utf-8")
    (tmp_path / "ledger.md").write_text(
        "---\nmovieId: 7\nmovieTitle: Dusk\ncategoryName: LEDGER\n---\n# The Director's Ledger: Mara Lind\n\n"
        "## Entry One — The Bet\n\nHer short films (*Dusk*, 2016) were noticed; the feature *Dusk*, 2021, followed.\n", "utf-8")
    case = load_case(tmp_path)
    assert [c for c in case.conflicts if c.attribute in ("title_year", "runtime")] == []


def test_premieres_at_two_festivals_are_two_events():
    venice = {"type": "date", "iso": "2021-09-02", "precision": "day", "festival": "Venice Film Festival"}
    toronto = {"type": "date", "iso": "2021-09-11", "precision": "day", "festival": "Toronto International Film Festival"}
    assert _pairs([_c("premiere_date", venice, "S1", "world"), _c("premiere_date", toronto, "S2", "world")]) == []
    unnamed = {"type": "date", "iso": "2021-09-03", "precision": "day"}
    assert _pairs([_c("premiere_date", venice, "S1", "world"), _c("premiere_date", unnamed, "S2", "world")])


# --- a case of the family written for these tests: planted disagreements and traps ----------------------------


def test_a_case_written_for_the_claims(tmp_path):
    """tests/fixtures/claims-family: the disagreements planted in it (read from its four documents) and nothing else.

    Planted: budget about $3 million (business) against some twelve million euros (ledger); worldwide gross
    ~$8.5 million against about $9.1 million (7 % apart); premiere 4 August 2021 against 5 August 2021; running time
    108 minutes (business, kit, filmography) against a 112-minute drama (release); director of photography Nuno Reis
    (kit) against Ana Costa (release). Traps: 2 Oscars and two Academy Awards agree; the domestic gross is another
    quantity; the 2017 short and the 2021 feature of one title are two works; the director's next film premiering
    in 2024 is not this one; three sentences about one fund are no disagreement."""
    from casebook.pipeline import load_case
    from tests.conftest import FIXTURES

    case = load_case(FIXTURES / "claims-family")
    found = {c.attribute: c for c in case.conflicts}
    assert set(found) == {"budget", "box_office", "premiere_date", "runtime", "crew"}
    files = {s.id: s.file for s in case.sources}
    budget = {files[c.source.source]: c for c in found["budget"].claims}
    assert budget["business.md"].value == "about $3 million" and budget["ledger.md"].value == "some twelve million euros"
    euros = budget["ledger.md"].reading
    assert (euros.currency, euros.value, euros.converted.currency, euros.rate.period) == ("EUR", 12e6, "USD", "2021-08")
    assert found["box_office"].scope == "worldwide"
    assert sorted(c.reading.value for c in found["box_office"].claims) == [8.5e6, 9.1e6]
    assert sorted(c.reading.date for c in found["premiere_date"].claims) == ["2021-08-04", "2021-08-05"]
    assert sorted({c.reading.amount for c in found["runtime"].claims}) == [108, 112]
    assert "1 h 48 min" in [c.value for c in found["runtime"].claims]
    assert sorted(n for c in found["crew"].claims for n in c.reading.names) == ["Ana Costa", "Nuno Reis"]
    assert found["crew"].scope == "director of photography"
