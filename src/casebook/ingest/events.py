"""Dated events in running text: born, studied, shot, premiered, awarded, released.

A sentence names an event by its verb ("was born", "graduated", "started shooting", "premiered",
"won the FIPRESCI Prize", "released") and dates it by a full date, a month and year, or a year.
Each event is a plain record ``{"kind", "year", "month", "date", "text", "source"}``.
"""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.dates import day_told, find_dates
from casebook.ingest.plaintext import after_dateline
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


def when(text: str) -> dict[str, Any] | None:
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


def events_in(sentence: Sentence) -> list[dict[str, Any]]:
    text, sent = after_dateline(sentence.text)  # "COPENHAGEN, March 25, 2022 — …": not the day of the event
    if text.endswith("?") or _FUTURE.search(text):
        return []
    date = when(text)
    told = day_told(text, sent[0]) if date is None and sent else None
    if told:  # "… had its world premiere yesterday": a day counted from the dateline
        date = {"year": told[0].year, "month": told[0].month, "date": told[0]}
    if date is None:
        return []
    short = text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + "…"
    return [
        {"kind": kind, **date, "text": short, "source": sentence.span}
        for kind, pattern in KINDS.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]
