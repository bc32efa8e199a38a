"""Typed values of claims: counts (in digits or in words), durations, running times.

Number words go through ``text2num`` (a maintained library, imported only when a sentence has one).
Each value is a plain dict; the model compares them (``casebook.model.conflicts``).
"""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.claims.lexicon import lexicon

_UNITS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
#: a number in words: "seven", "twenty-one", "one hundred and twelve"
NUMBER_WORDS = (rf"(?:(?:{_UNITS}|hundred|thousand)(?:[\s-]+(?:and\s+)?(?=(?:{_UNITS}|hundred|thousand)\b))?)+"
                rf"(?<![\s-])")
_WORD_NUMBER = re.compile(rf"\b{NUMBER_WORDS}\b", re.IGNORECASE)
#: a number in digits or words, with an optional scale: "8.6 million", "10,3 million", "three", "17"
NUMBER = (rf"(?P<num>\d{{1,3}}(?:[,\u202f\u00a0]\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?|{NUMBER_WORDS})"
          r"(?:\s(?P<scale>million|billion|thousand|mln|bn)\b)?")
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9}


def word_number(text: str) -> int | None:
    """"seven" → 7, "twenty-one" → 21; None for anything else."""
    if not _WORD_NUMBER.fullmatch(text.strip()):
        return None
    from text_to_num import text2num  # imported only when a number is written in words

    try:
        return int(text2num(re.sub(r"\s+", " ", text.strip().lower()), "en"))
    except ValueError:
        return None


def number(text: str, scale: str | None = None) -> tuple[float, float] | None:
    """A number and the half of its last written unit (its precision): "8.6 million" → (8600000, 50000)."""
    text = text.strip()
    factor = _SCALES.get((scale or "").lower(), 1)
    if re.fullmatch(r"\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?", text):
        digits = re.sub(r"[,\u202f\u00a0]", "", text)
    elif re.fullmatch(r"\d+[.,]\d+", text):
        if scale is None and "," in text:
            return None  # "3,5" without a scale: a decimal comma or a list; not read
        digits = text.replace(",", ".")
    elif text.isdigit():
        if scale is None:
            return float(text), 0.0  # a whole number without a scale is exact: "4" is not "between 3.5 and 4.5"
        digits = text
    else:
        value = word_number(text)
        if value is None:
            return None
        return float(value * factor), (0.5 * factor if scale else 0.0)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits) * factor, 0.5 * 10 ** -decimals * factor


def qualified(before: str) -> dict[str, Any]:
    """The bound or approximation the words right before a figure give it ("more than", "about")."""
    lex = lexicon()
    tail = before[-24:]
    for key, shape in (("upper", "upper"), ("lower", "lower"), ("about", "approximate")):
        if re.search(r"(?:^|[\s(])(?:" + "|".join(lex.data["approximate"][key]) + r")\s*$", tail, re.IGNORECASE):
            return {"bound": shape}
    return {}


def count_value(num: str, scale: str | None, before: str) -> dict[str, Any] | None:
    """A count with its bound or approximation: "more than 8 million" → {"lower": 8000000, ...}."""
    read = number(num, scale)
    if read is None:
        return None
    value, half = read
    q = qualified(before).get("bound")
    if q == "upper":
        return {"type": "count", "upper": value, "half_unit": half}
    if q == "lower":
        return {"type": "count", "lower": value, "half_unit": half}
    return {"type": "count", "value": value, "half_unit": half, "approximate": q == "approximate"}


_DURATION_UNITS = {"minute": "minute", "min": "minute", "hour": "hour", "day": "day", "week": "week",
                   "month": "month", "year": "year"}
#: "17 days", "three weeks", "a 17-day shoot", "four years"
DURATION = re.compile(rf"(?P<num>\d+(?:\.\d+)?|{NUMBER_WORDS})[\s-](?P<unit>day|week|month|year|hour)s?\b",
                      re.IGNORECASE)


def duration_value(m: re.Match[str], before: str) -> dict[str, Any] | None:
    """A length of time; "over four years" is read as across four years (a point), never as a bound."""
    read = number(m["num"])
    if read is None:
        return None
    q = None if re.search(r"\bover\s*$", before, re.IGNORECASE) else qualified(before).get("bound")
    value = {"type": "duration", "amount": read[0], "unit": m["unit"].lower()}
    if q == "upper":
        value["bound"] = "upper"
    elif q == "lower":
        value["bound"] = "lower"
    elif q == "approximate":
        value["approximate"] = True
    return value


#: a running time: "104 minutes", "98 min", "a 97-minute drama", "1h52", "1 h 44 min", "2 hours 10 minutes", "98'"
MINUTES = re.compile(
    r"(?P<h>\d)\s?(?:h|hrs?|hours?)\.?\s?(?:and\s)?(?P<hm>[0-5]\d)\b(?:\s?(?:mins?|minutes)\b)?"
    r"|(?P<hm1>\d)\s?(?:h|hr|hour)\s?(?P<hm2>\d{1,2})\s?(?:mins?|minutes)\b"
    r"|(?P<min>\d{2,3})(?:\s?(?:-|\s)?(?:minutes?|mins?)\b|')",
    re.IGNORECASE,
)


def minutes_of(m: re.Match[str]) -> int:
    if m["h"]:
        return int(m["h"]) * 60 + int(m["hm"])
    if m["hm1"]:
        return int(m["hm1"]) * 60 + int(m["hm2"])
    return int(m["min"])
