"""Where the sources disagree: found by general checks, golden values read from the documents."""

from __future__ import annotations

from casebook.model.conflicts import RawClaim, find_conflicts, money_agree, same_name


def _by_attribute(case):
    return {(c.attribute, c.subject): c for c in case.conflicts}


def _claimed(conflict):
    return sorted((c.source.source, c.source.first_line, c.normalized) for c in conflict.claims)


def test_closeness_state_funding(closeness):
    conflict = _by_attribute(closeness)[("state_funding", None)]
    assert _claimed(conflict) == [("S1", 15, "yes"), ("S3", 29, "no"), ("S4", 100, "no")]
    assert conflict.claims[0].value.startswith("Financing Structure: State subsidy (Ministry of Culture")


def test_closeness_who_financed_it(closeness):
    conflict = _by_attribute(closeness)[("financiers", None)]
    by_source = {c.source.source: c.normalized for c in conflict.claims}
    assert by_source["S1"] == "Non-Stop Production"
    assert set(by_source["S2"].split("; ")) == {"Lenfilm", "Alexander Sokurov Fund"}
    assert by_source["S3"] == by_source["S4"] == "Example of Intonation"


def test_closeness_short_film_year(closeness):
    [conflict] = [c for c in closeness.conflicts if c.attribute == "title_year"]
    assert same_name(conflict.subject, "First I Am")
    assert _claimed(conflict) == [("S2", 13, "2014"), ("S4", 192, "2015")]


def test_closeness_footage_year(closeness):
    [conflict] = [c for c in closeness.conflicts if c.attribute == "event_year"]
    assert "Dagestan" in conflict.subject or "Daghestan" in conflict.subject
    assert _claimed(conflict) == [("S2", 19, "1999"), ("S4", 148, "1998")]


def test_closeness_has_no_box_office_conflict(closeness):
    # "<$150,000 USD" (business) and "approximately $130,000" (ledger) agree
    assert not [c for c in closeness.conflicts if c.attribute == "box_office"]
    assert len(closeness.conflicts) == 4


def test_beanpole_exactly_the_three_planted_conflicts(beanpole):
    found = {c.attribute: _claimed(c) for c in beanpole.conflicts}
    assert set(found) == {"box_office", "premiere_date", "runtime"}
    assert found["box_office"] == [("S1", 19, "~1,600,000 USD"), ("S2", 22, "~3,100,000 USD")]
    assert found["premiere_date"] == [("S2", 22, "2019-05-17"), ("S3", 7, "2019-05-16")]
    assert ("S1", 14, "130 min") in found["runtime"] and ("S4", 38, "137 min") in found["runtime"]


def test_beanpole_budget_agrees_within_precision(beanpole):
    assert not [c for c in beanpole.conflicts if c.attribute in ("budget", "birth", "title_year")]


def _claim(attribute, normalized, source, subject=None):
    return RawClaim(attribute, subject, str(normalized), normalized, source, (1, 1))


def test_money_bounds_and_approximations():
    upper = {"upper": 150_000, "currency": "USD"}
    assert money_agree(upper, {"value": 130_000, "approximate": True, "currency": "USD"})
    assert not money_agree(upper, {"value": 400_000, "approximate": True, "currency": "USD"})
    assert money_agree({"value": 4_600_000, "approximate": True}, {"value": 5_000_000, "approximate": True})
    assert not money_agree({"value": 1_000_000}, {"value": 1_200_000})
    assert money_agree({"value": 1, "currency": "EUR"}, {"value": 9, "currency": "USD"})  # no rate: not compared


def test_a_source_never_conflicts_with_itself():
    claims = [_claim("runtime", 90, "S1"), _claim("runtime", 95, "S1")]
    assert find_conflicts(claims) == []


def test_generic_runtime_and_year_conflicts():
    claims = [_claim("runtime", 90, "S1"), _claim("runtime", 104, "S2"), _claim("runtime", 90, "S3"),
              _claim("premiere_date", "2020", "S1"), _claim("premiere_date", "2020-02-21", "S2")]
    [conflict] = find_conflicts(claims)
    assert conflict["attribute"] == "runtime"
    assert [c["source"]["source"] for c in conflict["claims"]] == ["S1", "S2", "S3"]


def test_spellings_are_the_same_name():
    assert same_name("Daghestan", "Dagestan")
    assert same_name("Closness", "Closeness")
    assert same_name("FIRST I", "First I Am")
    assert not same_name("Alexander Sokurov", "Alexander Rodnyansky")
