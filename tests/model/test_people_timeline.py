"""Cast and crew merged across the four documents; a timeline of dated events, each with its source."""

from __future__ import annotations

import datetime as dt


def _person(case, name):
    return next(p for p in case.people if p.name == name)


def test_closeness_people_merged_with_roles_from_every_source(closeness):
    balagov = _person(closeness, "Kantemir Balagov")
    assert balagov.kind == "person"
    assert {m.source.source for m in balagov.mentions} >= {"S1", "S2", "S3"}
    zhovner = _person(closeness, "Darya Zhovner")
    # "Principal Cast" (the business analysis) and "actress" (the press kit) say one thing: shown once
    assert zhovner.roles == ["principal cast"]
    assert {m.role for m in zhovner.mentions} >= {"Principal Cast", "actress"}
    assert _person(closeness, "Non-Stop Production").kind == "organisation"
    assert _person(closeness, "Wild Bunch").kind == "organisation"
    names = [p.name for p in closeness.people]
    assert len(names) == len(set(names))


def test_beanpole_people(beanpole):
    assert {"Kantemir Balagov", "Viktoria Miroshnichenko", "Vasilisa Perelygina", "Ksenia Sereda", "Alexander Rodnyansky",
            "Sergey Melkumov", "Alexander Terekhov", "Nadine Labaki"} <= {p.name for p in beanpole.people}


def test_closeness_timeline(closeness):
    events = [(e.kind, e.year, e.date, e.source.source) for e in closeness.timeline]
    assert ("premiered", 2017, dt.date(2017, 5, 24), "S3") in events
    assert ("shot", 2016, dt.date(2016, 11, 10), "S4") in events
    assert ("born", 1991, dt.date(1991, 7, 28), "S4") in events
    assert ("studied", 2015, None, "S4") in events
    assert ("released", 2013, None, "S4") in events  # Still Young, from the filmography
    years = [(e.year, e.month or 0, e.date.day if e.date else 0) for e in closeness.timeline]
    assert years == sorted(years)


def test_beanpole_timeline_has_shoot_and_premiere(beanpole):
    kinds = {(e.kind, e.year) for e in beanpole.timeline}
    assert {("shot", 2018), ("premiered", 2019), ("born", 1991), ("born", 1994)} <= kinds


def test_events_told_once_merge_kinds_of_the_same_lines_only():
    from casebook.model.case import Event, SourceRef, told_once

    lines = SourceRef(source="S1", first_line=3, last_line=3)
    other = SourceRef(source="S2", first_line=3, last_line=3)
    premiere = dict(year=2017, month=5, date=dt.date(2017, 5, 24), text="Premiere at Cannes; FIPRESCI prize.")
    events = [
        Event(kind="premiered", source=lines, **premiere),
        Event(kind="awarded", source=lines, **premiere),
        Event(kind="awarded", source=lines, **premiere),  # a kind twice is named once
        Event(kind="premiered", source=other, **premiere),  # other lines: told again
        Event(kind="other", source=lines, year=2017, text="   "),  # no text: left out
        Event(kind="released", source=lines, year=2017, month=5, text=premiere["text"]),  # another day
    ]
    merged = told_once(events)
    assert [(kinds, e.source.source, e.date) for kinds, e in merged] == [
        (["premiered", "awarded"], "S1", dt.date(2017, 5, 24)),
        (["premiered"], "S2", dt.date(2017, 5, 24)),
        (["released"], "S1", None),
    ]
    assert events[0].when() < Event(kind="other", source=lines, year=2017, month=6, text="x").when() < 2017.5
    assert Event(kind="other", source=lines, year=2017, text="x").when() == 2017.5
