"""Where the sources disagree: claims about one attribute compared across sources.

Two claims conflict when their values cannot both be true at the precision the sources state:
"<$150,000" and "approximately $130,000" agree (130,000 is under 150,000); "~$1.6 million" and "roughly
$3.1 million" do not. Approximate amounts are read as ±15 %, exact ones as ±1 %. A year agrees with any
date in that year. Organisations are compared by their words, so "An Example of Intonation" and
"foundation Example of Intonation" are one organisation.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

APPROXIMATE = 0.15
EXACT = 0.01


@dataclass(frozen=True)
class RawClaim:
    """A claim as ingest found it, with its source id."""

    attribute: str
    subject: str | None
    value: str
    normalized: Any
    source: str
    span: tuple[int, int]


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation: the form in which spellings are compared."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def same_name(a: str, b: str, threshold: float = 0.85) -> bool:
    """One title, place or organisation in two spellings ("Closness"/"Closeness", "Daghestan"/"Dagestan")."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= threshold:
        return True
    ta, tb = fa.split(), fb.split()
    short, long_ = sorted((ta, tb), key=len)
    # "First I" is the start of "First I Am"; "Sokurov Fund" is inside "Alexander Sokurov Fund"
    return len(short) >= 2 and (long_[: len(short)] == short or set(short) <= set(long_))


def _interval(n: dict[str, Any]) -> tuple[float, float]:
    if n.get("upper") is not None and n.get("lower") is not None:
        return n["lower"], n["upper"]
    if n.get("upper") is not None:
        return 0.0, n["upper"]
    if n.get("lower") is not None:
        return n["lower"], float("inf")
    margin = APPROXIMATE if n.get("approximate") else EXACT
    return n["value"] * (1 - margin), n["value"] * (1 + margin)


def money_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("currency") and b.get("currency") and a["currency"] != b["currency"]:
        return True  # not comparable without a rate: no conflict claimed
    (lo1, hi1), (lo2, hi2) = _interval(a), _interval(b)
    return lo1 <= hi2 and lo2 <= hi1


def dates_agree(a: str, b: str) -> bool:
    return a == b or (len(a) == 4 and b.startswith(a)) or (len(b) == 4 and a.startswith(b))


def orgs_agree(a: list[str], b: list[str]) -> bool:
    """Two lists of financiers agree when they share at least one organisation."""
    return any(same_name(x, y) for x in a for y in b)


def _equal(a: Any, b: Any) -> bool:
    return a == b


AGREE: dict[str, Callable[[Any, Any], bool]] = {
    "budget": money_agree,
    "box_office": money_agree,
    "premiere_date": dates_agree,
    "runtime": lambda a, b: abs(a - b) <= 1,
    "state_funding": _equal,
    "financiers": orgs_agree,
    "title_year": _equal,
    "event_year": lambda a, b: a["year"] == b["year"],
    "birth": lambda a, b: max(a[0], b[0]) <= min(a[1], b[1]),
}


def _groups(claims: list[RawClaim]) -> Iterable[tuple[str, str | None, list[RawClaim]]]:
    """Claims about the same thing: one attribute, and a subject that is the same title, place or person."""
    by_attribute: dict[str, list[RawClaim]] = {}
    for claim in claims:
        by_attribute.setdefault(claim.attribute, []).append(claim)
    for attribute, items in by_attribute.items():
        if attribute == "event_year":
            clusters: list[list[RawClaim]] = []
            for claim in items:
                home = next((c for c in clusters if c[0].subject == claim.subject and any(
                    same_name(p, q) for p in claim.normalized["places"] for q in c[0].normalized["places"])), None)
                home.append(claim) if home else clusters.append([claim])
            for cluster in clusters:
                yield attribute, f"{cluster[0].subject}: {cluster[0].normalized['places'][-1]}", cluster
        elif attribute in ("title_year", "birth"):
            clusters = []
            for claim in items:
                home = next((c for c in clusters if same_name(c[0].subject or "", claim.subject or "")), None)
                home.append(claim) if home else clusters.append([claim])
            for cluster in clusters:
                yield attribute, cluster[0].subject, cluster
        else:
            yield attribute, None, items


def find_conflicts(claims: list[RawClaim]) -> list[dict[str, Any]]:
    """Conflict records: every group in which two sources give values that cannot both be true."""
    conflicts = []
    for attribute, subject, group in _groups(claims):
        agree = AGREE[attribute]
        clash = any(
            a.source != b.source and not agree(a.normalized, b.normalized)
            for i, a in enumerate(group) for b in group[i + 1:]
        )
        if not clash:
            continue
        seen: set[tuple[str, str]] = set()
        listed = []
        for claim in group:
            if (claim.source, claim.value) in seen:
                continue
            seen.add((claim.source, claim.value))
            listed.append({
                "value": claim.value,
                "normalized": describe(attribute, claim.normalized),
                "source": {"source": claim.source, "first_line": claim.span[0], "last_line": claim.span[1]},
            })
        conflicts.append({"attribute": attribute, "subject": subject, "claims": listed})
    return conflicts


def describe(attribute: str, value: Any) -> str:
    """The compared value in a short, neutral form (numbers and codes, no prose)."""
    if attribute in ("budget", "box_office"):
        currency = value.get("currency") or ""
        if value.get("upper") is not None and value.get("lower") is not None:
            return f"{value['lower']:,.0f}–{value['upper']:,.0f} {currency}".strip()
        if value.get("upper") is not None and value.get("lower") is None:
            return f"< {value['upper']:,.0f} {currency}".strip()
        if value.get("lower") is not None and value.get("upper") is None:
            return f"> {value['lower']:,.0f} {currency}".strip()
        prefix = "~" if value.get("approximate") else ""
        return f"{prefix}{value['value']:,.0f} {currency}".strip()
    if attribute == "runtime":
        return f"{value} min"
    if attribute == "financiers":
        return "; ".join(value)
    if attribute == "event_year":
        return str(value["year"])
    if attribute == "birth":
        return f"{value[0]}–{value[1]}" if value[0] != value[1] else str(value[0])
    return str(value)
