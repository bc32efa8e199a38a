"""Dates written out in running text: "May 24th, 2017", "16 May 2019", "10th November 2016", "2019-05-16"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<d>[0-3]?\d)\s?(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b"),
]


# a day and a month without the year ("on 3 February"): read only with a known year, the month capitalised
_YEARLESS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+\d)", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)", re.IGNORECASE),
]


def find_dates(text: str, year: int | None = None) -> list[tuple[dt.date, str, int]]:
    """Every full date in ``text``: (date, the words that give it, offset), in order. With ``year`` (the
    year a press release was sent in), a day and month without a year ("on 3 February") are of that year."""
    found: list[tuple[dt.date, str, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS + (_YEARLESS if year else []):
        for m in pattern.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            if "y" not in m.groupdict() and not m["m"][0].isupper():
                continue  # "they may 3 times": a month without a year is written with its capital
            month = int(m["mm"]) if "mm" in m.groupdict() and m["mm"] else _MONTHS[m["m"][:3].lower()]
            try:
                value = dt.date(int(m["y"]) if "y" in m.groupdict() else int(year or 0), month, int(m["d"]))
            except ValueError:
                continue
            found.append((value, m.group(0), m.start()))
            taken.append(m.span())
    return sorted(found, key=lambda item: item[2])


_RELATIVE = re.compile(r"\b(?P<same>today|tonight|this evening)\b|\b(?P<before>yesterday|last night)\b", re.IGNORECASE)


def day_told(text: str, sent: dt.date) -> tuple[dt.date, str] | None:
    """The day a press release sent on ``sent`` means by "tonight" or "yesterday" in ``text``, and the word."""
    m = _RELATIVE.search(text)
    if m is None:
        return None
    return (sent if m["same"] else sent - dt.timedelta(days=1)), m.group(0)


# "25/04/2001", "25.04.2001": day first (the order of the family's documents); read only when the day is over 12
# or the day and month are equal, so that a month-first date is never misread
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:1[89]|20)\d\d)(?![\d/])")
_MONTH_YEAR = re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)


def find_date_values(text: str, year: int | None = None) -> list[tuple[dict[str, object], str, int]]:
    """Every date in ``text`` at the precision it is written: ({"iso", "precision"}, words, offset), in order.
    A full date has the precision "day"; "May 2019" the precision "month" (a month with "early", "mid" or
    "late" is not read). A bare year is not a date here: the claims that take years read them themselves."""
    found: list[tuple[dict[str, object], str, int]] = []
    taken: list[tuple[int, int]] = []
    for value, words, at in find_dates(text, year):
        found.append(({"iso": value.isoformat(), "precision": "day"}, words, at))
        taken.append((at, at + len(words)))
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if any(not (m.end() <= x or m.start() >= y) for x, y in taken) or not (a > 12 or a == b):
            continue
        try:
            value = dt.date(int(m["y"]), b, a)
        except ValueError:
            continue
        found.append(({"iso": value.isoformat(), "precision": "day"}, m.group(0), m.start()))
        taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if any(not (m.end() <= x or m.start() >= y) for x, y in taken) or re.match(r"(?:early|mid|late)", m.group(0), re.I):
            continue
        if not m["m"][0].isupper():
            continue
        month = _MONTHS[m["m"][:3].lower()]
        found.append(({"iso": f"{int(m['y']):04d}-{month:02d}", "precision": "month"}, m.group(0), m.start()))
        taken.append(m.span())
    return sorted(found, key=lambda item: item[2])
