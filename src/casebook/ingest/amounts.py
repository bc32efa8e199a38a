"""Money and percentages in running text, parsed beside the words that give them.

"<$1,000,000 USD" is an upper bound, "approximately $130,000" an approximate value, "~$1.6 million USD"
an approximate value of 1,600,000, "-100%" a percentage. Each amount is returned as a plain dict with
the keys of :class:`casebook.model.case.Amount`.
"""

from __future__ import annotations

import re
from typing import NotRequired, TypedDict

_UPPER = r"<=|<|≤|under|below|less than|at most|up to|no more than"
_LOWER = r">=|>|≥|over|above|more than|at least|no less than"
_APPROX = r"~|≈|approximately|approx\.|about|around|roughly|nearly|almost|some|circa|c\.|an estimated|estimated"
_QUALIFIER = rf"(?P<qual>(?:{_UPPER}|{_LOWER}|{_APPROX}))\s*"
_NUMBER = r"(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?(?P<scale>million|billion|thousand|mln|bn|m|k)\b)?"
_SYMBOLS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "¥": "JPY", "₹": "INR", "₩": "KRW", "₺": "TRY",
}
_CODES = {
    "usd": "USD", "dollars": "USD", "eur": "EUR", "euros": "EUR", "euro": "EUR", "gbp": "GBP",
    "pounds": "GBP", "rub": "RUB", "rubles": "RUB", "roubles": "RUB",
}
#: ISO 4217 codes written as they are (CHF 1.4 million, 12 million SEK)
_ISO = ("AUD", "CAD", "CHF", "CNY", "CZK", "DKK", "HKD", "HUF", "INR", "JPY", "KRW", "MXN", "NOK", "NZD", "PLN", "SEK",
        "SGD", "TRY", "ZAR", "BRL", "ARS")
_CODES |= {code.lower(): code for code in _ISO}
_CODE = rf"(?P<code>USD|EUR|GBP|RUB|{'|'.join(_ISO)}|dollars|euros?|pounds|rubles|roubles)\b"
_SYMBOL = r"(?P<sym>(?:US|AU|CA|NZ|HK|A|C|S)\$|\$|€|£|₽|¥|₹|₩|₺)"
_NUMBER_LOW = r"(?P<low>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_LOW_SCALE = r"(?:\s?(?P<low_scale>million|billion|thousand|mln|bn|m|k)\b)?"

# "$1.5–2 million", "$1.5 million to $2 million", "€800,000-€1 million": a range, its bounds both given
_MONEY_RANGE = re.compile(
    rf"(?:between\s+)?{_SYMBOL}\s?{_NUMBER_LOW}{_LOW_SCALE}\s?(?P<sep>-|–|—|to|and)\s?{_SYMBOL.replace('?P<sym>', '?:')}?"
    rf"\s?{_NUMBER}{_SCALE}(?:\s?{_CODE})?",
    re.IGNORECASE,
)
_MONEY_SYMBOL = re.compile(rf"(?:{_QUALIFIER})?{_SYMBOL}\s?{_NUMBER}{_SCALE}(?:\s?{_CODE})?", re.IGNORECASE)
_MONEY_CODE = re.compile(rf"(?:{_QUALIFIER})?{_NUMBER}{_SCALE}\s?{_CODE}", re.IGNORECASE)
_MONEY_CODE_FIRST = re.compile(
    rf"(?:{_QUALIFIER})?(?P<code>USD|EUR|GBP|RUB|{'|'.join(_ISO)})\s?{_NUMBER}{_SCALE}", re.IGNORECASE
)
# "twelve million euros", "about three million dollars": a number in words, a scale and a currency word
_WORDS = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and|[\s-])+")
_MONEY_WORDS = re.compile(rf"(?:{_QUALIFIER})?\b(?P<num>{_WORDS})\s(?P<scale>million|billion|thousand)\s(?:of\s)?{_CODE}",
                          re.IGNORECASE)
_PERCENT = re.compile(rf"(?:{_QUALIFIER})?(?P<num>[-+−]?\d+(?:\.\d+)?)\s?%", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_HAS_SYMBOL = re.compile(_SYMBOL)
_HAS_CODE = re.compile(rf"\b{_CODE}", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def _number(text: str) -> float:
    return float(re.sub(r"[,\u202f\u00a0 ]", "", text).replace("−", "-"))


class Bounds(TypedDict):
    """An amount's number: exact (``value``), about (``value``, ``approximate``), at most (``upper``), at least
    (``lower``), or between (``lower`` and ``upper``)."""

    value: NotRequired[float]
    lower: NotRequired[float]
    upper: NotRequired[float]
    approximate: NotRequired[bool]


class Amount(Bounds):
    """A money amount (``kind`` "money", its ISO ``currency`` when the text names one) or a percentage (``kind``
    "percent"), as written (``text``)."""

    kind: str
    text: str
    currency: NotRequired[str | None]


def _bounds(qualifier: str | None, value: float) -> Bounds:
    q = (qualifier or "").strip().lower()
    if q and re.fullmatch(_UPPER, q, re.IGNORECASE):
        return {"upper": value}
    if q and re.fullmatch(_LOWER, q, re.IGNORECASE):
        return {"lower": value}
    if q:
        return {"value": value, "approximate": True}
    return {"value": value}


def _money_in_words(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, Amount]]:
    """Money written in words ("twelve million euros"), read through text2num."""
    from casebook.ingest.claims.values import word_number  # imported here: the claims package imports this module

    out = []
    for m in _MONEY_WORDS.finditer(text):
        value = word_number(m["num"].strip())
        if value is None:
            continue
        code = _CODES.get(m["code"].lower())
        bounds = _bounds(m["qual"], value * _SCALES[m["scale"].lower()])
        item: Amount = {"kind": "money", "text": m.group(0).strip(), "currency": code}
        item.update(bounds)
        out.append((m.start(), item))
        taken.append(m.span())
    return out


def find_amounts(text: str) -> list[Amount]:
    """Every money amount and percentage in ``text``, in order of appearance."""
    found: list[tuple[int, Amount]] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):
        if not re.search(r"\b(?:million|billion|thousand)\b", text, re.IGNORECASE) or not _HAS_CODE.search(text):
            return []  # the patterns are slow to fail (a qualifier may start anywhere): most sentences skip them
        return [item for _, item in sorted(_money_in_words(text, taken), key=lambda pair: pair[0])]
    patterns = [p for p, needs in ((_MONEY_RANGE, _HAS_SYMBOL), (_MONEY_SYMBOL, _HAS_SYMBOL), (_MONEY_CODE, _HAS_CODE),
                                   (_MONEY_CODE_FIRST, _HAS_CODE)) if needs.search(text)]
    if _HAS_CODE.search(text) and re.search(r"\b(?:million|billion|thousand)\b", text, re.IGNORECASE):
        found.extend(_money_in_words(text, taken))

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for pattern in patterns:
        for m in pattern.finditer(text):
            if not free(m):
                continue
            groups = m.groupdict()
            scale = _SCALES.get((m["scale"] or "").lower(), 1)
            value = _number(m["num"]) * scale
            if m["scale"] == "m" and not groups.get("sym"):
                continue  # "130 m" without a currency sign is more likely metres
            code = _CODES.get((m["code"] or "").lower()) or _SYMBOLS.get((groups.get("sym") or "").lower())
            if groups.get("sep", "").lower() == "and" and not m.group(0).lower().startswith("between"):
                continue  # "$5 million and $2 million" are two amounts; "between $1 and $2 million" one range
            if groups.get("low"):  # a range: the first number takes the scale of the second when it has none
                low = _number(m["low"])
                low *= _SCALES[m["low_scale"].lower()] if m["low_scale"] else scale if low < 1000 else 1
                if not low < value:
                    continue
                bounds: Bounds = {"lower": low, "upper": value}
            else:
                bounds = _bounds(m["qual"], value)
            item: Amount = {"kind": "money", "text": m.group(0).strip(), "currency": code}
            item.update(bounds)
            found.append((m.start(), item))
            taken.append(m.span())
    for m in _PERCENT.finditer(text) if "%" in text else ():
        if free(m):
            percent: Amount = {"kind": "percent", "text": m.group(0).strip()}
            percent.update(_bounds(m["qual"], _number(m["num"])))
            found.append((m.start(), percent))
            taken.append(m.span())
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]
