"""Claims the seed family needs beside the typed ones: state money (yes/no), the main financiers, the year of a
recorded or dramatised event at a place, a person's age at a dated moment, and the year beside a title.

* ``state_funding``: yes/no, from sentences about state money, subsidies or the ministry of culture.
* ``financiers``: the organisations a sentence says mainly financed the film (a word of ``[financiers] main``).
* ``title_year``: the year a source gives for a film title ("*Salt Lines*, 2014", "2015 – SALT LINES").
* ``event_year``: the year of a recorded or dramatised event at a place ("the 1999 … massacre" footage,
  "images shot ... in 1998, in a village in …").
* ``birth``: a person's age at a dated moment ("In 2016, 25-year-old Name") as a birth interval.
"""

from __future__ import annotations

import re
from typing import Any, TypedDict

from casebook.ingest.blocks import Block, Heading, ListBlock, Para, Span, lines_of
from casebook.ingest.claims.lexicon import lexicon
from casebook.ingest.records import Claim
from casebook.ingest.sentences import Sentence

_STATE = re.compile(r"\b(state|government|ministry of culture|public)\b[^.]{0,40}?\b(fund\w*|subsid\w*|money|financ\w*|support)"
                    r"|\b(subsid\w*|fund\w*|money|financ\w*)\b[^.]{0,40}?\b(state|government|ministry of culture)\b",
                    re.IGNORECASE)
_NEGATION = re.compile(r"\b(no|not|without|never|nor|zero)\b", re.IGNORECASE)
_FINANCE = re.compile(r"\b(financ\w*|fund(?:ed|ing|s)?|sponsor\w*|backed|bankroll\w*|investors?|equity|produced by)\b",
                      re.IGNORECASE)
_ORG_WORDS = r"(?:Production|Productions|Pictures|Films|Film|Media|Studio|Studios|Fund|Foundation|Entertainment|Company|Group)"
_ORG = re.compile(
    rf"(?:studio|foundation|company|fund|producer|distributor)\s+(?:[\"“](?P<q>[A-Z][^\"”]{{2,60}})[\"”]"
    rf"|(?P<after>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){{0,4}}))"
    rf"|(?P<named>(?:[A-Z][\w'’-]*\s+){{0,3}}{_ORG_WORDS}\b)"
)
_YEAR_AFTER_TITLE = re.compile(r"^\s*(?:,\s*|\((?:[^()]{0,40}?,\s*)?)(?P<year>(?:19|20)\d\d)\)?")
_RECORDING = re.compile(r"\b(footage|videos?|tapes?|images|recordings?|snuff|executions?)\b", re.IGNORECASE)
_SETTING = re.compile(r"\b(set in|setting the film|takes place|story unfolds)\b", re.IGNORECASE)
_PLACE = re.compile(
    r"(?:\b(?:in|of|near|from|at)\s+(?:a\s+\w+\s+in\s+|the\s+)?|\b(?:19|20)\d\d\s+)"
    r"(?P<place>[A-Z][a-z]{3,}(?:\s+[A-Z][a-z]+)?)"
)
_NOT_PLACES = {"The", "This", "That", "These", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"}
_WHO = r"(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})"
# "Born in Miami, Florida, in 1979, Name grew up …", "Born on 3 May 1960 in Town (Region), Name …"
_BORN = re.compile(r"\bBorn\b(?:\s+(?:on|in)\s+[^.;]{0,60}?)?\b(?P<year>(?:19|20)\d\d)\b"
                   r"(?:,?\s+(?:in|at|near)\s+[^,;.]{2,60})*,\s+" + _WHO + r"\b(?!\s+(?:was|is)\b)")
# "Name was born in 1964 in …", "Name was born on 9 August 1976"
_WAS_BORN = re.compile(_WHO + r"\s+was\s+born\b(?:\s+(?:on|in)\s+(?:[^.;,]{0,30}?\s)?)?(?P<year>(?:19|20)\d\d)\b")
_AGE = re.compile(r"\b(?P<age>\d{1,2})-year-old\s+(?P<who>(?:[A-Z][\w'’-]+\s*){1,3}|director|filmmaker)")


class LegacyClaim(TypedDict):
    """A claim of the older rules: its value normalised (``"yes"``/``"no"``, names, a year and places, a range of
    birth years); :func:`casebook.ingest.claims.claims_in` makes it a :class:`~casebook.ingest.records.Claim`."""

    attribute: str
    subject: str | None
    value: str
    normalized: Any
    source: Span


def _claim(attribute: str, value: str, normalized: Any, sentence: Sentence, subject: str | None = None) -> LegacyClaim:
    return {"attribute": attribute, "subject": subject, "value": value, "normalized": normalized, "source": sentence.span}


def _organisations(text: str) -> list[str]:
    found = []
    for m in _ORG.finditer(text):
        name = m["q"] or m["after"] or m["named"]
        name = re.sub(r"^(?:the|an?|The|An?)\s+", "", name.strip(" .,;"))
        if name and not re.fullmatch(_ORG_WORDS, name):
            found.append(name)
    return found


def normal_org(name: str) -> str:
    name = re.sub(r"^(?:the|an?)\s+", "", name.casefold())
    name = re.sub(r"\b(foundation|studio|fund|company)\b", "", name)
    return re.sub(r"[^\w]+", " ", name).strip()


def claims_in(sentence: Sentence, context_year: int | None = None) -> list[LegacyClaim]:
    """The claims of one sentence about state money, financiers, the year of an event and a person's age."""
    text = sentence.text
    out: list[LegacyClaim] = []
    state = _STATE.search(text)
    if state:
        negative = bool(_NEGATION.search(text[: state.end()]))
        out.append(_claim("state_funding", text, "no" if negative else "yes", sentence))
    if _FINANCE.search(text) and not _STATE.fullmatch(text) and lexicon().pattern("financiers", "main").search(text):
        orgs = _organisations(text)
        if orgs:
            named: dict[str, str] = {}
            for org in orgs:
                named.setdefault(normal_org(org), org)
            out.append(_claim("financiers", text, sorted(named.values()), sentence))
    for kind, pattern in (("recording", _RECORDING), ("setting", _SETTING)):
        if pattern.search(text):
            years = re.findall(r"\b((?:19|20)\d\d)\b", text)
            places = [p["place"] for p in _PLACE.finditer(text) if p["place"] not in _NOT_PLACES
                      and not lexicon().festival_in(p["place"])]
            if len(set(years)) == 1 and places:
                out.append(_claim("event_year", text, {"year": int(years[0]), "places": places}, sentence, subject=kind))
    for pattern in (_BORN, _WAS_BORN):
        for m in pattern.finditer(text):
            year = int(m["year"])
            out.append(_claim("birth", m.group(0), [year, year], sentence, subject=m["who"].strip()))
    for m in _AGE.finditer(text):
        years = re.findall(r"\b((?:19|20)\d\d)\b", text[: m.start()])
        when = int(years[-1]) if years else context_year
        if when:
            age = int(m["age"])
            out.append(_claim("birth", m.group(0), [when - age - 1, when - age], sentence, subject=m["who"].strip()))
    return out


def title_years(blocks: list[Block]) -> list[Claim]:
    """Years given beside italic titles in markdown: ``*Salt Lines*, 2014``, ``*Dusk* (*Crépuscule*, 2019)``."""
    out: list[Claim] = []
    for block in blocks:
        if isinstance(block, Heading):
            continue
        units = lines_of(block) if isinstance(block, (Para, ListBlock)) else []
        for runs, span in units:
            for i, (text, _bold, italic) in enumerate(runs):
                if not italic or not text.strip():
                    continue
                after = "".join(t for t, _, _ in runs[i + 1:])[:60]
                m = _YEAR_AFTER_TITLE.match(after)
                if m:
                    title = text.strip(" ,")
                    value = f"{title}{after[:m.end()]}".strip()
                    if value.count(")") > value.count("("):
                        value = value.rstrip(")")
                    before = "".join(t for t, _, _ in runs[:i])[-40:]
                    out.append({"attribute": "title_year", "subject": title, "value": value,
                                "short": bool(re.search(r"\bshorts?\b|short films?", before + after[m.end():m.end() + 30],
                                                        re.IGNORECASE)),
                                "typed": {"type": "legacy", "value": int(m["year"])}, "source": span})
    return out
