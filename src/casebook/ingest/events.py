"""Dated events in running text: born, studied, shot, premiered, awarded, released.

A sentence names an event by its verb ("was born", "graduated", "started shooting", "premiered",
"won the FIPRESCI Prize", "released") and dates it by a full date, a month and year, or a year.
Each event is a plain record ``{"kind", "year", "month", "date", "text", "prose", "source"}``; ``prose`` tells
whether the text reads as a sentence (:func:`reads_as_sentence`) or is a line laid out for the eye.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypedDict

from casebook.ingest.blocks import Span
from casebook.ingest.dates import day_told, find_dates
from casebook.ingest.plaintext import LAID_OUT, after_dateline, ends_sentence
from casebook.ingest.sentences import Sentence

KINDS = {
    "born": r"\bborn\b",
    "studied": r"\b(graduated|graduating|completed (?:his|her|their) studies|enrolled|trained at|studied at)\b",
    "shot": r"\b(shoot(?:ing)? (?:began|started|wrapped|took place)|started shooting|shooting wrapped|wrapped"
            r"|we shot|was shot|filmed in)\b",
    "premiered": r"\b(premiere[ds]?|premièred?)\b",
    "awarded": r"\b(won|wins|prize|award(?:ed)?|shortlist(?:ed)?|nominat\w+)\b",
    "released": r"\b(released|release[ds]? in|opened in cinemas|theatrical release)\b",
}
_MONTH_YEAR = re.compile(
    r"\b(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_FUTURE = re.compile(r"\bwill be\b|\bto be announced\b", re.IGNORECASE)


class When(TypedDict):
    """A date as precise as a text gives it: the year; the month, or None; the day, or None."""

    year: int
    month: int | None
    date: dt.date | None


class Event(When):
    """A dated event a sentence tells (``kind``: born, premiered, released, …), its text (shortened past 220
    characters), whether that text reads as a sentence (``prose``), and its lines."""

    kind: str
    text: str
    prose: bool
    source: Span


def when(text: str) -> When | None:
    """The most precise date a sentence gives: a day, else a month, else a year."""
    dates = find_dates(text)
    if dates:
        day = dates[0][0]
        return {"year": day.year, "month": day.month, "date": day}
    m = _MONTH_YEAR.search(text)
    if m:
        return {"year": int(m["y"]), "month": _MONTHS.index(m["m"][:3].lower()) + 1, "date": None}
    year = re.search(r"\b((?:19|20)\d\d)\b", text)
    if year:
        return {"year": int(year.group(1)), "month": None, "date": None}
    return None


_BULLET = re.compile(r"^\s*[-+*•·▪◦]\s")


def reads_as_sentence(text: str) -> bool:
    """``text`` is a sentence a reader can be shown as it is: it ends as a sentence ends, and it is no line laid
    out for the eye (a credit with dotted leaders, a table row, a bullet, a label and its value without a stop).

    "Shooting wrapped on 10 November 2016." is one; "Release — 12 May 2019" and "Premiere ....... Cannes 2019" are not.
    """
    return ends_sentence(text) and not LAID_OUT.search(text) and not _BULLET.match(text)


def events_in(sentence: Sentence) -> list[Event]:
    text, sent = after_dateline(sentence.text)  # "COPENHAGEN, March 25, 2022 — …": not the day of the event
    if text.endswith("?") or _FUTURE.search(text):
        return []
    date: When | None = when(text)
    told = day_told(text, sent[0]) if date is None and sent else None
    if told:  # "… had its world premiere yesterday": a day counted from the dateline
        date = {"year": told[0].year, "month": told[0].month, "date": told[0]}
    if date is None:
        return []
    short = text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + "…"
    prose = reads_as_sentence(text)  # judged on the whole text, before it is shortened
    return [
        {"kind": kind, **date, "text": short, "prose": prose, "source": sentence.span}
        for kind, pattern in KINDS.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]
