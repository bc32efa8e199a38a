"""Numbers in headings: "1.", "I.", "Entry 1 —", "Entry #1", "Part Two:", "(iii)", "1 ·", and (when asked) a bare "1"."""

from __future__ import annotations

import re

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_WORD_RE = "|".join(sorted(_WORDS, key=len, reverse=True))

NUMBERED = re.compile(
    rf"""^\s*(?:(?:entry|part|section|chapter|step|item|no\.?|number)\s*)?(?:\#\s*)?
    (?:\(?(?P<num>\d{{1,3}})\)?|\(?(?P<roman>[ivxlcdm]{{1,6}})(?=[.)\s])\)?|(?P<word>{_WORD_RE})\b)
    \s*(?:[.):—–\-·•|/]\s*)*(?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)


def roman_to_int(text: str) -> int | None:
    values = [_ROMAN.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    total = 0
    for i, v in enumerate(values):
        assert v is not None
        nxt = values[i + 1] if i + 1 < len(values) else 0
        total += -v if nxt and v < nxt else v
    return total


def split_number(text: str, bare: bool = False) -> tuple[int | None, str]:
    """("2. The Investment (…)") -> (2, "The Investment (…)"); (None, text) when not numbered.

    A bare number ("1 The Balance Sheet", one or two digits, a space, a capital) counts only with ``bare``: a
    caller that has seen such headings numbered in sequence."""
    m = NUMBERED.match(text)
    if not m or not m["rest"].strip():
        return None, text.strip()
    number: int | None
    if m["num"]:
        number = int(m["num"])
    elif m["roman"]:
        number = roman_to_int(m["roman"])
    else:
        number = _WORDS[m["word"].lower()]
    if number is None:
        return None, text.strip()
    # A bare number must be followed by punctuation, or be spelled out after "Entry"/"Part":
    # "1998 was a year" is not item 1998, "The Balance Sheet" is not numbered.
    head = text[: m.start("rest")]
    if not re.search(r"[.):—–\-·•|/]|entry|part|section|chapter|step|item|no\.?|number|#", head, re.IGNORECASE):
        if not (bare and re.fullmatch(r"\s*\d{1,2}\s+", head) and m["rest"][:1].isupper()):
            return None, text.strip()
    return number, m["rest"].strip()


def strip_number(text: str) -> str:
    return split_number(text)[1]
