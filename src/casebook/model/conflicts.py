"""Where the sources disagree: typed claims about one subject, attribute and scope, compared across sources.

The rules (README, "Where the sources disagree"):

* Claims are compared only with claims about the same subject (the case's film, another title, a person), the
  same attribute and the same scope (worldwide and domestic grosses, a release in France and one on a streaming
  service, admissions counted to two different days are different quantities). A claim whose scope the words do
  not give is compared only where the attribute has one quantity (budget, running time, the shoot).
* A figure is a point with its stated precision: half the last written unit ("$4.6 million" ± $50,000), at least
  1 % of it, 2.5 % when it is approximate ("about", "~"). A bound ("<$5,000,000", "more than 8 million") or a
  range holds every value on its side. Two figures disagree when their intervals do not meet.
* Money in two currencies is compared in one, at the ECB's mean rate of the month of the film's premiere (or the
  middle of its year), with 10 % for the rate a source may have used; a currency the euro replaced converts at its
  fixed rate. Without a rate for the period, a source's own conversion ("¥480 million (~$4.4 million)") is used.
* Dates compare at the coarser of their precisions (premieres at two festivals are two events); running times in
  minutes, exactly; the length of a shoot in the coarser of its units ("17 days" is 2 weeks, not "three weeks").
* Counts compare as numbers ("seven" and "7"); two sets of names (a crew role) disagree when they share no one.
* Two award names at one festival disagree when a source says its award was the only one there, or when every
  source names exactly one award there and no source counts more than one.
* A claim never disagrees with a claim of its own source. When a rule is unsure, it reports nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from casebook.ingest.claims.lexicon import fold
from casebook.ingest.records import Claim

APPROXIMATE = 0.025
EXACT = 0.01
RATE_SLACK = 0.10
FIXED_SLACK = 0.005
#: words before a shorter award name that make the longer one another award ("Grand Jury Prize" ≠ "Jury Prize")
_DISTINCT_PREFIX = {"grand", "special", "honorary", "young", "junior", "second", "little"}


@dataclass(frozen=True)
class RawClaim:
    """A claim as ingest found it, with its source id and the subject the builder resolved."""

    attribute: str
    subject: str | None
    value: str
    typed: dict[str, Any]
    source: str
    span: tuple[int, int]
    scope: str | None = None
    subject_kind: str = "film"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def same_name(a: str, b: str, threshold: float = 0.85) -> bool:
    """One title, place or organisation in two spellings ("Salt Line"/"Salt Lines", "Tashkent"/"Tashkend")."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= threshold:
        return True
    ta, tb = fa.split(), fb.split()
    short, long_ = sorted((ta, tb), key=len)
    # "Salt" is the start of "Salt Lines"; "Lind Fund" is inside "Mara Lind Fund"
    return len(short) >= 2 and (long_[: len(short)] == short or set(short) <= set(long_))


# --- readings: a typed value as an interval, in one currency -------------------------------------------------


def interval(typed: dict[str, Any]) -> tuple[float, float]:
    """The values a figure allows at its stated precision."""
    if typed.get("lower") is not None and typed.get("upper") is not None:
        return typed["lower"], typed["upper"]
    if typed.get("upper") is not None:
        return 0.0, typed["upper"]
    if typed.get("lower") is not None:
        return typed["lower"], float("inf")
    value = typed["value"]
    margin = max(typed.get("half_unit", 0.0), value * (APPROXIMATE if typed.get("approximate") else EXACT))
    return value - margin, value + margin


def _scaled(low: float, high: float, factor: float, slack: float) -> tuple[float, float]:
    return low * factor * (1 - slack), high * factor * (1 + slack)


class Money:
    """Money figures read in one currency (the one most claims of a group use) at the period's rate."""

    def __init__(self, claims: list[RawClaim], period: dt.date | None):
        counts: dict[str, int] = {}
        for c in claims:
            if c.typed.get("currency"):
                counts[c.typed["currency"]] = counts.get(c.typed["currency"], 0) + 1
        order = {"USD": 0, "EUR": 1}
        self.currency = min(counts, key=lambda k: (-counts[k], order.get(k, 2), k)) if counts else None
        self.period = period
        self.readings: dict[int, dict[str, Any] | None] = {id(c): self._read(c) for c in claims}

    def _read(self, claim: RawClaim) -> dict[str, Any] | None:
        typed = claim.typed
        currency = typed.get("currency")
        if currency is None or self.currency is None:
            return None
        if currency == self.currency:
            return {"interval": interval(typed)}
        found = None
        if self.period is not None:
            from casebook.model.rates import rate

            found = rate(currency, self.currency, self.period)
        if found is None:
            for equivalent in typed.get("equivalents", []):  # no rate known: the source's own conversion
                if equivalent.get("currency") == self.currency:
                    return {"interval": interval(equivalent), "own": equivalent}
            return None
        low, high = interval(typed)
        slack = FIXED_SLACK if found.fixed else RATE_SLACK
        converted = {k: typed[k] * found.rate for k in ("value", "lower", "upper") if typed.get(k) is not None}
        return {"interval": _scaled(low, high, found.rate, slack), "rate": found, "converted": converted}

    def agree(self, a: RawClaim, b: RawClaim) -> bool | None:
        ra, rb = self.readings[id(a)], self.readings[id(b)]
        if ra is None or rb is None:
            return None
        (lo1, hi1), (lo2, hi2) = ra["interval"], rb["interval"]
        return lo1 <= hi2 and lo2 <= hi1


def numbers_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (lo1, hi1), (lo2, hi2) = interval(a), interval(b)
    return lo1 <= hi2 and lo2 <= hi1


_PRECISION = {"year": 4, "month": 7, "day": 10}


def dates_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    n = min(_PRECISION[a["precision"]], _PRECISION[b["precision"]])
    return a["iso"][:n] == b["iso"][:n]


def premieres_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Premieres at two festivals are two events (a premiere "at Toronto" may follow the world premiere elsewhere)."""
    if a.get("festival") and b.get("festival") and a["festival"] != b["festival"]:
        return True
    return dates_agree(a, b)


_IN_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}


def durations_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Minutes compare exactly; other lengths in the coarser unit, the finer one rounded to it."""
    if a.get("bound") or b.get("bound"):
        return True  # "more than three weeks": not compared
    if a["unit"] == b["unit"] == "minute":
        if a.get("approximate") or b.get("approximate"):
            return abs(a["amount"] - b["amount"]) <= 0.05 * max(a["amount"], b["amount"])
        return a["amount"] == b["amount"]
    coarse, fine = sorted((a, b), key=lambda d: -_IN_DAYS[d["unit"]])
    in_coarse = fine["amount"] * _IN_DAYS[fine["unit"]] / _IN_DAYS[coarse["unit"]]
    if coarse.get("approximate") or fine.get("approximate"):
        return abs(in_coarse - coarse["amount"]) <= 1
    return round(in_coarse + 1e-9) == coarse["amount"] or abs(in_coarse - coarse["amount"]) < 1e-9


def names_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(same_name(x, y) or fold(x).split()[-1:] == fold(y).split()[-1:] for x in a["names"] for y in b["names"])


def orgs_agree(a: list[str], b: list[str]) -> bool:
    """Two lists of financiers agree when they share at least one organisation."""
    return any(same_name(x, y) for x in a for y in b)


def _legacy(check: Callable[[Any, Any], bool]) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    return lambda a, b: check(a["value"], b["value"])


AGREE: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "admissions": numbers_agree,
    "award_count": numbers_agree,
    "award_nominations": numbers_agree,
    "footage_hours": numbers_agree,
    "premiere_date": premieres_agree,
    "release_date": dates_agree,
    "runtime": durations_agree,
    "shooting_period": durations_agree,
    "crew": names_agree,
    "state_funding": _legacy(lambda a, b: a == b),
    "financiers": _legacy(orgs_agree),
    "title_year": _legacy(lambda a, b: a == b),
    "event_year": _legacy(lambda a, b: a["year"] == b["year"]),
    "birth": _legacy(lambda a, b: max(a[0], b[0]) <= min(a[1], b[1])),
}
MONEY = ("budget", "box_office", "financing")
#: attributes whose figures are compared only with a scope the words give (a gross of where, counted when)
SCOPED = ("box_office", "admissions")


# --- groups: one subject, attribute and scope -------------------------------------------------------------


def _cluster(items: list[RawClaim], same: Callable[[RawClaim, RawClaim], bool]) -> list[list[RawClaim]]:
    clusters: list[list[RawClaim]] = []
    for claim in items:
        home = next((c for c in clusters if same(c[0], claim)), None)
        home.append(claim) if home else clusters.append([claim])
    return clusters


def _groups(claims: list[RawClaim]) -> list[tuple[str, str | None, str | None, list[RawClaim]]]:
    by_key: dict[tuple[str, str, str | None, str | None], list[RawClaim]] = {}
    for claim in claims:
        if claim.attribute in SCOPED and claim.scope is None:
            continue
        cutoff = claim.typed.get("cutoff")
        scope = f"{claim.scope} to {cutoff}" if cutoff else claim.scope
        by_key.setdefault((claim.attribute, claim.subject_kind, scope, None), []).append(claim)
    out = []
    for (attribute, _kind, scope, _), items in by_key.items():
        if attribute == "event_year":
            for cluster in _cluster(items, lambda a, b: a.subject == b.subject and any(
                    same_name(p, q) for p in a.typed["value"]["places"] for q in b.typed["value"]["places"])):
                out.append((attribute, f"{cluster[0].subject}: {cluster[0].typed['value']['places'][-1]}", scope, cluster))
        else:
            for cluster in _cluster(items, lambda a, b: same_name(a.subject or "", b.subject or "")
                                    if a.subject or b.subject else True):
                out.append((attribute, cluster[0].subject, scope, cluster))
    return out


# --- awards named at a festival ---------------------------------------------------------------------------


def same_award(a: str, b: str) -> bool:
    """One award under two wordings: equal folded names, or the shorter inside the longer ("Audience Award" in
    "World Cinema Audience Award") unless a word before it makes another award ("Grand Jury Prize")."""
    if a == b:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    for i in range(len(long_) - len(short) + 1):
        if long_[i:i + len(short)] == short:
            return not (i > 0 and long_[i - 1] in _DISTINCT_PREFIX)
    return False


def _award_clash(group: list[RawClaim], counts: list[RawClaim]) -> list[RawClaim]:
    """The award claims of one festival that cannot all hold; [] when they can."""
    exclusive = [c for c in group if c.typed.get("exclusive")]
    for sole in exclusive:
        others = [c for c in group if c.source != sole.source and not same_award(c.typed["key"], sole.typed["key"])]
        if others:
            return [sole, *others]
    by_source: dict[str, list[RawClaim]] = {}
    for claim in group:
        by_source.setdefault(claim.source, []).append(claim)
    keys = {s: {c.typed["key"] for c in cs} for s, cs in by_source.items()}
    if len(keys) < 2 or any(len(k) != 1 for k in keys.values()):
        return []
    if any(not numbers_agree(c.typed, {"value": 1, "half_unit": 0}) for c in counts):
        return []
    firsts = [by_source[s][0] for s in by_source]
    if all(same_award(firsts[0].typed["key"], c.typed["key"]) for c in firsts[1:]):
        return []
    return [c for cs in by_source.values() for c in cs]


# --- conflicts ------------------------------------------------------------------------------------------------


def find_conflicts(claims: list[RawClaim], period: dt.date | None = None) -> list[dict[str, Any]]:
    """Conflict records: every group in which two sources give values that cannot both be true."""
    conflicts = []
    award_counts = [c for c in claims if c.attribute == "award_count"]
    for attribute, subject, scope, group in _groups(claims):
        if attribute == "financing":
            continue  # money raised is often raised in parts: two sums raised are not two budgets
        money = Money(group, period) if attribute in MONEY else None
        if attribute == "award_won":
            counts = [c for c in award_counts if c.scope == (scope or "").split(" to ")[0] and c.subject == subject]
            listed = _award_clash(group, counts)
        else:
            def agree(a: RawClaim, b: RawClaim, money: Money | None = money, attribute: str = attribute) -> bool:
                if money is not None:
                    return money.agree(a, b) is not False  # not comparable: no conflict claimed
                return AGREE[attribute](a.typed, b.typed)

            listed = [a for a in group if any(a.source != b.source and not agree(a, b) for b in group)]
        if not listed:
            continue
        seen: set[tuple[str, str]] = set()
        claims_out = []
        for claim in listed:
            if (claim.source, claim.value) in seen:
                continue
            seen.add((claim.source, claim.value))
            claims_out.append({
                "value": claim.value,
                "reading": reading(claim, money),
                "source": {"source": claim.source, "first_line": claim.span[0], "last_line": claim.span[1]},
            })
        if len({c["source"]["source"] for c in claims_out}) < 2:
            continue
        conflicts.append({"attribute": attribute, "subject": subject, "subject_kind": group[0].subject_kind,
                          "scope": scope, "claims": claims_out})
    return conflicts


def reading(claim: RawClaim, money: Money | None = None) -> dict[str, Any]:
    """How casebook read a claim's value, as data for the templates (no wording here)."""
    typed = claim.typed
    kind = typed["type"]
    out: dict[str, Any] = {"kind": kind}
    if kind in ("money", "count"):
        for key in ("value", "lower", "upper", "currency", "cutoff"):
            if typed.get(key) is not None:
                out[key] = typed[key]
        out["approximate"] = bool(typed.get("approximate"))
        found = money.readings.get(id(claim)) if money else None
        if found and found.get("rate"):
            rate = found["rate"]
            out["converted"] = {"currency": rate.target, **found["converted"]}
            out["rate"] = {"value": rate.rate, "period": rate.period or None, "fixed": rate.fixed}
        elif found and found.get("own"):
            own = found["own"]
            out["converted"] = {k: own[k] for k in ("currency", "value", "lower", "upper", "approximate")
                                if own.get(k) is not None}
            out["rate"] = {"value": None, "period": None, "fixed": False, "source_own": True}
    elif kind == "date":
        out.update(date=typed["iso"], precision=typed["precision"])
    elif kind == "duration":
        out.update(amount=typed["amount"], unit=typed["unit"], approximate=bool(typed.get("approximate")))
        if typed.get("bound"):
            out["bound"] = typed["bound"]
    elif kind == "names":
        out["names"] = list(typed["names"])
    elif kind == "name":
        out["names"] = [claim.value]
        out["exclusive"] = bool(typed.get("exclusive"))
    else:  # the seed family's attributes: yes/no, organisations, years, birth intervals
        value = typed["value"]
        if claim.attribute == "financiers":
            out.update(kind="names", names=list(value))
        elif claim.attribute == "event_year":
            out.update(kind="year", year=value["year"])
        elif claim.attribute == "birth":
            out.update(kind="years", lower=value[0], upper=value[1])
        elif claim.attribute == "title_year":
            out.update(kind="year", year=int(value))
        else:
            out.update(kind="flag", flag=str(value))
    return out


def resolve_subject(item: Claim, film_titles: list[str]) -> tuple[str, str] | None:
    """Who or what a claim is about: ("film", title) when its sentence is about the case's film, ("title", name)
    when it is about another title, None when the sentence does not make it certain.

    A sentence that quotes another title is about that title (and about nothing certain when it names the film
    too). A sentence with words of another work ("her next film") is about the film only when one of its titles
    follows those words in apposition ("Name's second feature, "Title", …"); otherwise it gives no claim."""
    context = item.get("context", "")
    folded = fold(context)
    named = [t for t in film_titles if t and fold(t) and re.search(rf"\b{re.escape(fold(t))}\b", folded)]
    def is_film(title: str) -> bool:  # "About DUSK DUSK": a heading run into the title is still the title
        words = title.split()
        return any(same_name(" ".join(words[i:]), f) for i in range(len(words)) for f in film_titles)

    others = [t for t in item.get("titles", []) if not is_film(t)]
    if others:
        return ("title", others[0]) if not named and len(others) == 1 else None
    cues = item.get("other_work") or []
    if cues:
        from casebook.ingest.claims.lexicon import lexicon

        reach = lexicon().data["subjects"]["apposition"]
        for _start, end in cues:
            near = fold(context[end:end + reach])
            if not any(fold(t) and re.search(rf"\b{re.escape(fold(t))}\b", near) for t in film_titles):
                return None
    return "film", film_titles[0]
