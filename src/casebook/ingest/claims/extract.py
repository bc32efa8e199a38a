"""Typed claims in one sentence: every statement of a comparable attribute, with its scope and its words.

A claim is a plain dict (ingest knows no model)::

    {"attribute": "box_office", "scope": "worldwide", "value": "roughly $3.1 million worldwide",
     "typed": {"type": "money", "value": 3100000.0, "currency": "USD", "approximate": True, "half_unit": 50000.0},
     "source": (22, 22), "context": <the sentence>, "titles": [quoted titles], "other_work": False}

``scope`` tells apart the quantities that are not the same one (worldwide and domestic grosses, a release in
France and one on a streaming service, a premiere and a North American premiere). The subject is decided by
the model from ``context``, ``titles`` and ``other_work`` (it knows the film's titles). The words that signal
each attribute are in ``lexicon.toml``.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from casebook.ingest.amounts import Amount, find_amounts
from casebook.ingest.claims.lexicon import fold, lexicon
from casebook.ingest.claims.values import (
    DURATION,
    MINUTES,
    NUMBER,
    count_value,
    duration_value,
    minutes_of,
    number,
)
from casebook.ingest.dates import day_told, find_date_values
from casebook.ingest.plaintext import after_dateline
from casebook.ingest.records import Claim, TypedValue
from casebook.ingest.sentences import Sentence

# --- the shape of a line: "Label: value", "Label — value", "Label ..... value", "| Label | value |" -----------

_LABELS = [
    re.compile(r"^\|\s*(?P<label>[^|]{2,60}?)\s*\|\s*(?P<value>[^|]+?)\s*\|?\s*$"),
    re.compile(r"^(?P<label>[A-Za-zÀ-ÿ][^:|]{1,60}?)\s*:\s+(?P<value>\S.*)$"),
    re.compile(r"^(?P<label>[A-Za-zÀ-ÿ][^—–|\d,]{1,60}?)\s+[—–]\s+(?P<value>\S.*)$"),
    re.compile(r"^(?P<label>[A-Za-zÀ-ÿ][^.|]{1,60}?)\s*\.{3,}\s*(?P<value>\S.*)$"),
    re.compile(r"^(?P<label>[A-Za-zÀ-ÿ][\w /&'’-]{1,40}?)\s{3,}(?P<value>\S.*)$"),
]


def split_label(text: str) -> tuple[str | None, str, int]:
    """A labelled line's label, its value and where the value starts; (None, text, 0) for prose."""
    for pattern in _LABELS:
        m = pattern.match(text)
        if m and len(m["label"].split()) <= 7:
            return m["label"].strip(), m["value"], m.start("value")
    return None, text, 0


_QUOTED_TITLE = re.compile(r"[\"“«]\s*(?P<t>[A-Z0-9À-ÖØ-Þ\u0400-\u042f][^\"”»]{0,60}?)[,.]?\s*[\"”»]")
_FILMOGRAPHY_LINE = re.compile(r"^\s*(?:19|20)\d\d\s*[–—-]")


def _titles(text: str) -> list[str]:
    """Short quoted names in a sentence (a title, a song), never a quotation of speech."""
    out = []
    for m in _QUOTED_TITLE.finditer(text):
        t = m["t"].strip(" ,.")
        if 0 < len(t.split()) <= 6 and not re.search(r"[.!?;]", t):
            out.append(t)
    return out


def _claim(attribute: str, value: str, typed: TypedValue, sentence: Sentence, scope: str | None = None) -> Claim:
    return {"attribute": attribute, "scope": scope, "value": value.strip(" ,;"), "typed": typed,
            "source": sentence.span, "context": sentence.text}


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the previous ';' or sentence end to the next one."""
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    right = [i for i in (text.find(";", end), text.find(". ", end)) if i >= 0]
    return left + 1, min(right) if right else len(text)


def scope_of(text: str, start: int, end: int) -> str | None:
    """The scope of a figure from the words around it: "worldwide", "domestic" or a country; None when the words
    name none, or name two (then the claim is not compared)."""
    lex = lexicon()
    found: set[str] = set()
    if lex.worldwide.search(text[start:end]):
        found.add("worldwide")
    if lex.domestic.search(text[start:end]):
        found.add("domestic")
    for _a, _b, country in lex.place_in(text[start:end]):
        found.add(country)
    return found.pop() if len(found) == 1 else None


def _label_scope(label: str | None) -> str | None:
    return scope_of(label, 0, len(label)) if label else None


# --- money: budget, box office, money raised ----------------------------------------------------------------

_NUM_IN_AMOUNT = re.compile(r"(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                            r"\s?(million|billion|thousand|mln|bn|m|k)?\b", re.IGNORECASE)
_SCALE_OF = {"m": "million", "k": "thousand", "mln": "million", "bn": "billion"}


def _half_unit(words: str) -> float:
    nums = list(_NUM_IN_AMOUNT.finditer(words))
    if not nums:  # in words: "twelve million euros" is as precise as "12 million"
        named = re.search(r"\b(million|billion|thousand)\b", words, re.IGNORECASE)
        return 0.5 * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[named.group(1).lower()] if named else 0.5
    m = nums[-1]
    scale = (m[2] or "").lower()
    read = number(m[1].replace(" ", ","), _SCALE_OF.get(scale, scale) or None)
    return read[1] if read else 0.5


def _money_attribute(text: str, at: int, label: str | None) -> str | None:
    lex = lexicon()
    if label:
        for attribute in ("box_office", "budget", "financing"):
            if lex.money[attribute].search(label):
                return attribute
        return None
    window = lex.data["money"]["window"]
    before = text[max(0, at - window):at]
    best: tuple[int, int, str] | None = None
    for attribute, pattern in lex.money.items():
        for m in pattern.finditer(before):
            if best is None or m.start() >= best[0]:
                best = (m.start(), m.end(), attribute)
    if best and best[2] == "budget" and lex.pattern("money", "not_budget_between").search(before[best[1]:]):
        return None  # "cost the distributor $2 million": another expense
    return best[2] if best else None


def money_claims(sentence: Sentence, label: str | None, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    out: list[Claim] = []
    amounts = [a for a in find_amounts(text) if a["kind"] == "money"]
    skip: set[int] = set()
    cursor = 0
    for i, amount in enumerate(amounts):
        at = text.find(amount["text"], cursor)
        end = at + len(amount["text"])
        cursor = end
        if i in skip or at < value_at:
            continue
        words = amount["text"]
        equivalents = []
        # "¥480 million (~$4.4 million)", "DEM 9 million (≈ €4.6 million)": one figure and its conversion
        if i + 1 < len(amounts):
            nxt = amounts[i + 1]
            nat = text.find(nxt["text"], end)
            between = text[end:nat]
            if nat >= 0 and re.fullmatch(r"\s*\(\s*(?:[~≈]|about|approx\.?|approximately|some|around|roughly)?\s*", between):
                close = text.find(")", nat)
                words = text[at:close + 1] if close >= 0 else text[at:nat + len(nxt["text"])]
                equivalents.append(_money_typed(nxt))
                skip.add(i + 1)
        attribute = _money_attribute(text, at, label)
        if attribute is None:
            continue
        if attribute == "budget" and lex.other_spend.match(text, end):
            continue  # "plus €300,000 P&A": money spent besides the budget
        scope = None
        cutoff = None
        if attribute == "box_office":
            scope = _label_scope(label) if label else None
            if scope is None:
                start, stop = _clause(text, at, end)
                scope = scope_of(text, start, stop)
            cutoff = _cutoff(label or "") or _cutoff(text)
        typed = _money_typed(amount) | ({"equivalents": equivalents} if equivalents else {})
        if cutoff:
            typed["cutoff"] = cutoff
        out.append(_claim(attribute, words, typed, sentence, scope))
    return out


_BOUNDS: tuple[Literal["value", "lower", "upper"], ...] = ("value", "lower", "upper")


def _money_typed(amount: Amount) -> TypedValue:
    typed: TypedValue = {"type": "money", "currency": amount.get("currency"), "half_unit": _half_unit(amount["text"])}
    for key in _BOUNDS:
        if amount.get(key) is not None:
            typed[key] = amount[key]
    if amount.get("approximate"):
        typed["approximate"] = True
    return typed


def _cutoff(text: str) -> str | None:
    """The day a running total is counted to: "by Sunday 1 July 2001", "(to 1 July 2001)", "as of 3 March 2020"."""
    words = "|".join(lexicon().data["admissions"]["cutoff"])
    for value, _words, at in find_date_values(text):
        if re.search(rf"\b(?:{words})\s+(?:[A-Z][a-z]+day\s+)?$", text[max(0, at - 20):at], re.IGNORECASE):
            return str(value["iso"])
    return None


# --- admissions ---------------------------------------------------------------------------------------------


def admissions_claims(sentence: Sentence, label: str | None, value_at: int) -> list[Claim]:
    text = sentence.text
    nouns = "|".join(lexicon().data["admissions"]["nouns"])
    out = []
    for m in re.finditer(rf"\b{NUMBER}\s(?P<noun>{nouns})\b", text, re.IGNORECASE):
        typed = count_value(m["num"], m["scale"], text[:m.start()])
        if typed is None or (typed.get("value") or typed.get("lower") or typed.get("upper") or 0) < 1000:
            continue  # "two tickets": not a count of a film's admissions
        start, stop = _clause(text, m.start(), m.end())
        scope = _label_scope(label) or scope_of(text, start, stop)
        cutoff = _cutoff(text[start:stop]) or _cutoff(label or "")
        if cutoff:
            typed["cutoff"] = cutoff
        words = text[max(0, m.start() - 12):m.end()]
        words = re.sub(r"^\S*\s", "", words) if m.start() > 12 else words
        out.append(_claim("admissions", _with_qualifier(text, m.start(), m.end()), typed, sentence, scope))
    return out


def _with_qualifier(text: str, start: int, end: int) -> str:
    """The figure's words with the qualifier right before it ("more than 8 million admissions")."""
    q = re.search(r"(?:(?:more|fewer|less) than|over|under|about|around|roughly|nearly|almost|some|approximately|"
                  r"at least|at most|up to|close to|~|≈|<|>)\s*$", text[max(0, start - 16):start], re.IGNORECASE)
    return (q.group(0) if q else "") + text[start:end]


# --- running time -------------------------------------------------------------------------------------------


def runtime_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    if _FILMOGRAPHY_LINE.match(text):
        return []  # a filmography entry: the builder reads those with their titles
    signals = lex.pattern("runtime", "signals")
    versions = lex.pattern("runtime", "versions")
    out = []
    if label is not None and signals.search(label):
        m = MINUTES.search(value)
        if m:
            return [_claim("runtime", value[m.start():m.end()], {"type": "duration", "amount": minutes_of(m),
                                                                   "unit": "minute"}, sentence,
                           _version(versions, label))]
        return []
    for m in MINUTES.finditer(text):
        start, stop = _clause(text, m.start(), m.end())
        before = text[max(start, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 30]
        signalled = bool(signals.search(before))
        noun = re.match(r"\s*(?:[\w'’-]+\s){0,2}?(?:" + "|".join(lex.data["runtime"]["film_nouns"]) + r")\b", after,
                        re.IGNORECASE)
        hyphened = text[m.start():m.end()].lower().replace(" ", "").find("-minute") >= 0
        technical = _technical(text, m.start(), m.end())
        if not (signalled or (hyphened and noun) or technical):
            continue
        if re.match(r"\s*(?:into|in|of|before|after|from)\b", after) and not signalled:
            continue  # "20 minutes into the film": a moment, not a length
        if "short" in after[:12].lower():
            continue  # "a 14 min short": another work
        typed = {"type": "duration", "amount": minutes_of(m), "unit": "minute"}
        claim = _claim("runtime", text[m.start():m.end()].strip(), typed, sentence, _version(versions, text[start:stop]))
        if technical and not signalled:
            # "TITLE (Country, 2019, 118 min)": the details are the title's, whichever film that is
            own = re.search(r"([A-Z0-9][A-Z0-9'’:&\-]*(?:\s[A-Z0-9'’:&\-]+)*|\*[^*]+\*)\s*\([^()]*$", text[:m.start()])
            if own and any(ch.isalpha() for ch in own.group(1)):
                claim["own_title"] = own.group(1).strip("*")
        out.append(claim)
    return out


def _version(versions: re.Pattern[str], text: str) -> str | None:
    m = versions.search(text)
    return fold(m.group(0)) if m else None


def _technical(text: str, start: int, end: int) -> bool:
    """Minutes among technical details: a list (commas, semicolons, pipes) that also gives a year and a technical
    word ("France – Germany, 2001, colour, 129 minutes, in French"; "South Korea | 2019 | 132 min | Colour")."""
    left = max(text.rfind("(", 0, start), text.rfind(". ", 0, start), -1)
    right = [i for i in (text.find(")", end), text.find(". ", end)) if i >= 0]
    span = text[left + 1:min(right) if right else len(text)]
    if not re.search(r"(?:^|[,;|(]\s*)(?:19|20)\d\d\s*(?:[,;|)]|$)", span):
        return False
    if not re.search(r"[,;|]\s*" + re.escape(text[start:end].strip()), span):
        return False
    return bool(lexicon().pattern("runtime", "technical", flags=0).search(span)
                or lexicon().pattern("runtime", "technical").search(span))


# --- dates: premiere and release ----------------------------------------------------------------------------

_EVENT_WORDS = re.compile(r"\b(?:won|wins|awarded|award|prize|ceremony|released?|opens?|opened|launched|closing|"
                          r"bought|sold|nominat\w*|announced|screened|broadcast|streaming|later|after|before|until)\b",
                          re.IGNORECASE)


def _date_near(text: str, start: int, end: int, dates: list[tuple[dict[str, Any], str, int]],
               barrier: re.Pattern[str]) -> tuple[dict[str, Any], str] | None:
    """The date told of the event whose words are text[start:end]: the nearest after it, else before it, with
    no word of another event between them."""
    after = [(d, w, at) for d, w, at in dates if at >= end and not barrier.search(text[end:at])]
    if after:
        d, w, _ = after[0]
        return d, w
    before = [(d, w, at) for d, w, at in dates if at + len(w) <= start and not barrier.search(text[at + len(w):start])]
    if before:
        d, w, _ = before[-1]
        return d, w
    return None


def premiere_claims(sentence: Sentence, label: str | None, value: str, value_at: int,
                    context_year: int | None) -> list[Claim]:
    text = sentence.text
    if text.rstrip().endswith("?"):
        return []
    lex = lexicon()
    signals = lex.pattern("premiere", "signals")
    hit = signals.search(text)
    if hit is None:
        return []
    rest, sent = after_dateline(text)
    offset = len(text) - len(rest) if rest != text else 0
    dates = [(d, w, at + offset) for d, w, at in find_date_values(rest, context_year or (sent[0].year if sent else None))]
    scope = _premiere_scope(text, hit.start(), hit.end())
    if scope is None:
        return []
    if label is not None and signals.search(label):
        found = _date_near(text, value_at, value_at, [d for d in dates if d[2] >= value_at], _EVENT_WORDS)
    else:
        found = _date_near(text, hit.start(), hit.end(), dates, _EVENT_WORDS)
    if found is None and sent and not dates:
        told = day_told(rest, sent[0])  # "CANNES, 16 May 2019 — … receives its world premiere tonight"
        if told and not _EVENT_WORDS.search(rest[:max(0, rest.lower().find(told[1].lower()))]):
            found = ({"iso": told[0].isoformat(), "precision": "day"}, f"{sent[1]} ({told[1]})")
    if found is None:
        year = re.search(r"\b(?:in|at the|of)\s+((?:19|20)\d\d)\b", text[hit.end():hit.end() + 60])
        if year and not _EVENT_WORDS.search(text[hit.end():hit.end() + year.start()]):
            found = ({"iso": year.group(1), "precision": "year"}, year.group(1))
    if found is None:
        return []
    typed = {"type": "date"} | found[0]
    festivals = {name for _at, name in lex.festival_in(text)}
    if len(festivals) > 1:
        return []  # "after Venice, it premiered at Toronto": which festival's premiere is not certain
    if festivals:
        typed["festival"] = festivals.pop()
    return [_claim("premiere_date", found[1], typed, sentence, scope)]


def _premiere_scope(text: str, start: int, end: int) -> str | None:
    """"world" for a world premiere or a premiere without a qualifier; a country or a kind for a scoped one
    ("North American premiere", "premiered in Russia"); None when the premiere is not a film's first showing."""
    lex = lexicon()
    before = text[max(0, start - 30):start]
    word = re.search(r"([\w.'’-]+(?:\s[\w.'’-]+)?)\s*$", before)
    qualifier = word.group(1) if word else ""
    if re.search(r"(?:^|\s)(?:" + "|".join(lex.data["premiere"]["world"]) + r")$", qualifier, re.IGNORECASE):
        return "world"
    places = lex.place_in(qualifier)
    if places and places[-1][1] == len(qualifier):
        return places[-1][2]
    if re.search(r"(?:^|\s)(?:" + "|".join(lex.data["premiere"]["scoped"]) + r")$", qualifier, re.IGNORECASE):
        return fold(qualifier.split()[-1])
    if re.search(r"(?:^|\s)(?:re-?|second|another|new)$", qualifier, re.IGNORECASE):
        return None
    after = text[end:end + 40]
    place = re.match(r"\s+in\s+((?:the\s)?[A-Z][\w ]+)", after)
    if place:
        names = lex.place_in(place.group(1))
        if names and names[0][0] == (4 if place.group(1).startswith("the ") else 0):
            return names[0][2]
    if lex.pattern("release", "media", "streaming").search(after) or lex.pattern("release", "media", "television").search(after):
        return None  # "premiered on a streaming service", "premiered on national television": a release
    return "world"


def release_claims(sentence: Sentence, label: str | None, value: str, value_at: int,
                   context_year: int | None) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    signals = lex.pattern("release", "signals")
    source = label if label is not None else text
    not_event = [m.span() for m in lex.pattern("release", "not_event").finditer(source)]
    hits = [m for m in signals.finditer(source) if not any(a <= m.start() < b for a, b in not_event)]
    if not hits or lex.pattern("release", "not_first").search(text):
        return []
    rest, sent = after_dateline(text)
    offset = len(text) - len(rest) if rest != text else 0
    dates = [(d, w, at + offset) for d, w, at in find_date_values(rest, context_year or (sent[0].year if sent else None))]
    if label is not None:
        dates = [d for d in dates if d[2] >= value_at]
        found = dates[0][:2] if dates else None
        region = label
    else:
        hit = hits[0]
        barrier = re.compile(r"\b(?:premi\w*|won|awarded|ceremony|bought|sold|nominat\w*|festival)\b", re.IGNORECASE)
        found = _date_near(text, hit.start(), hit.end(), dates, barrier)
        start, stop = _clause(text, hit.start(), hit.end())
        region = text[start:stop]
    if found is None or found[0]["precision"] == "year":
        return []
    media = next((name for name, items in lex.data["release"]["media"].items()
                  if lex.pattern("release", "media", name).search(region)), "theatrical")
    places = {country for _a, _b, country in lex.place_in(region)}
    if len(places) != 1:
        return []  # a release without its territory (or with two) is not compared
    typed = {"type": "date"} | found[0]
    return [_claim("release_date", found[1], typed, sentence, f"{media}: {places.pop()}")]


# --- awards -------------------------------------------------------------------------------------------------


def _festival(text: str) -> str | None:
    names = {name for _at, name in lexicon().festival_in(text)}
    return names.pop() if len(names) == 1 else None


def award_count_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    nouns = "|".join(lex.data["awards"]["count_nouns"])
    nominations = lex.pattern("awards", "nominations")
    out = []
    if label is not None:  # "| Academy Awards | Four (Best Picture, …) |"
        ceremony = _festival(label)
        m = re.match(rf"\s*{NUMBER}\b(?!\s*(?:{nouns}|nominations?))", value, re.IGNORECASE)
        if ceremony and m and not nominations.search(label) and not re.match(r"\s*(?:19|20)\d\d", value):
            typed = count_value(m["num"], m["scale"], "")
            if typed and _festival(label) == ceremony:
                out.append(_claim("award_count", value, typed, sentence, ceremony))
                return out
    for m in re.finditer(rf"\b{NUMBER}\s(?P<noun>{nouns})\b(?P<nom>\s+nominations?)?", text, re.IGNORECASE):
        if re.match(r"(?:19|20)\d\d$", m["num"]) or m["scale"]:
            continue
        typed = count_value(m["num"], None, text[:m.start()])
        if typed is None:
            continue
        near = text[m.end():m.end() + 50]
        at = re.match(r"\s*(?:\w+\s){0,2}?(?:at|from|in)\s+(?:the\s+)?(?:\d+\w*\s+)?(?P<f>.{3,45})", near)
        ceremony = _festival(m["noun"]) or _festival(label or "") or (_festival(at["f"]) if at else None)
        if ceremony is None:
            continue
        nominated = bool(m["nom"]) or bool(nominations.search(text[max(0, m.start() - 25):m.start()]))
        attribute = "award_nominations" if nominated else "award_count"
        won = lex.pattern("awards", "won").search(text[max(0, m.start() - 40):m.start()])
        if not (nominated or won or _festival(m["noun"]) or (label is not None and m.start() - value_at <= 2)):
            continue  # "the festival gave 24 awards": not a count of the film's awards
        words = _with_qualifier(text, m.start(), m.end())
        out.append(_claim(attribute, words, typed, sentence, ceremony))
    for m in re.finditer(rf"\b{NUMBER}\s(?:nominations|nods)\b", text, re.IGNORECASE):
        ceremony = _festival(label or "") or _festival(text)
        typed = count_value(m["num"], None, text[:m.start()])
        if ceremony and typed and not re.match(r"(?:19|20)\d\d$", m["num"]):
            out.append(_claim("award_nominations", m.group(0), typed, sentence, ceremony))
    return out


def award_name_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    heads = "|".join(lex.data["awards"]["name_heads"])
    upper = text.isupper()
    flags = re.IGNORECASE if upper else 0
    name = re.compile(rf"(?:(?:[A-Z][\w'’-]*|of|for|du|de|d')\s+){{0,6}}(?i:{heads})\b"
                      rf"(?::\s[A-Z][a-z]+)?", flags)
    festival = _festival(text) or _festival(label or "")
    won = lex.pattern("awards", "won")
    exclusive = lex.pattern("awards", "exclusive")
    out = []
    for m in name.finditer(text):
        words = m.group(0).strip()
        if not re.match(r"[A-Z]", words) or len(words.split()) < 2:
            continue
        if any(p.fullmatch(re.sub(r"^(?:the|an?)\s+", "", words, flags=re.IGNORECASE)) for _n, p in lex.festivals):
            continue  # "the Academy Awards", "an Academy Award": a ceremony, not one of its awards
        before = text[max(0, m.start() - 60):m.start()]
        if not (won.search(before) or (label is not None and m.start() >= value_at) or upper):
            continue
        if re.search(r"(?i:nominat\w*|shortlist\w*|contend\w*|competed|in competition for)\W*(?:\w+\W+){0,3}$", before):
            continue
        key = lex.award_key(words)
        home = lex.data["award_festivals"].get(key, festival)
        if home is None:
            continue  # an award without its festival is not compared
        sole = bool(exclusive.search(before[-40:]))
        out.append(_claim("award_won", words, {"type": "name", "key": key, "exclusive": sole}, sentence, home))
    return out


# --- the shoot: how long, how much footage ----------------------------------------------------------------


def shooting_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    signals = lex.pattern("shooting", "signals")
    other = lex.pattern("shooting", "other")
    out = []
    for m in DURATION.finditer(text):
        if m.start() < value_at or m["unit"].lower() in ("hour",):
            continue
        after = text[m.end():m.end() + 14]
        if re.match(r"\s*(?:a|per|each)\s+(?:week|day|month|year)\b|\s*(?:later|earlier|ago|before|after|old)\b", after,
                    re.IGNORECASE):
            continue  # "seven days a week", "three years later"
        start, _stop = _clause(text, m.start(), m.end())
        before = text[max(start, m.start() - 60):m.start()]
        signal = [s for s in signals.finditer(before)]
        next_signal = re.match(r"[\s-]*(?:\w+\s){0,1}(?:shoot|shooting|shot)\b", after, re.IGNORECASE)
        labelled = label is not None and signals.search(label)
        if not (signal or next_signal or labelled):
            continue
        between = before[signal[-1].end():] if signal else ""
        if other.search(between) or (not signal and not next_signal and other.search(before)):
            continue
        if re.search(r"\b(?:" + "|".join(lex.data["shooting"]["part"]) + r")\b[^,;]{0,12}$", before, re.IGNORECASE):
            continue  # "filmed her scenes in three days": a part of the shoot
        typed = duration_value(m, text[:m.start()])
        if typed is None:
            continue
        out.append(_claim("shooting_period", _with_qualifier(text, m.start(), m.end()), typed, sentence))
    return out


def footage_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    nouns = "|".join(lexicon().data["footage"]["nouns"])
    out = []
    for m in re.finditer(rf"\b{NUMBER}\s(?P<unit>hours)\s+of\s+(?:\w+\s+)?(?:{nouns})\b", text, re.IGNORECASE):
        typed = count_value(m["num"], m["scale"], text[:m.start()])
        if typed is not None:
            typed["unit_name"] = "hours"
            out.append(_claim("footage_hours", _with_qualifier(text, m.start(), m.end()), typed, sentence))
    return out


# --- crew: a role and the people named for it ---------------------------------------------------------------

_NAME = r"[A-Z][\w'’.-]+(?:\s(?:(?:de|del|van|von|da|di|le|la|du)\s)?[A-Z][\w'’-]+){1,3}"


def crew_claims(sentence: Sentence, label: str | None, value: str, value_at: int) -> list[Claim]:
    text = sentence.text
    lex = lexicon()
    qualifiers = lex.pattern("crew", "qualifiers")
    out = []
    roles = [r for r in lex.data["crew"] if r != "qualifiers"]
    if label is not None:  # a credit line: "Director of Photography ....... Name"
        role = next((r for r in roles if fold(label) in {fold(w) for w in lex.data["crew"][r]}), None)
        if role and not qualifiers.search(label):
            names = [n.strip(" .") for n in re.split(r"\s*(?:,|&|/|\band\b)\s*", value) if n.strip(" .")]
            if names and all(re.fullmatch(_NAME, n) for n in names):
                return [_claim("crew", value, {"type": "names", "names": names}, sentence, role)]
        return []
    for role in roles:
        patterns = [
            rf"\b(?:photographed|shot|lensed)\b[^.;]{{0,40}}?\bby\s+(?:(?:the\s)?(?:cinematographers?|DoP|DP)\s+)?"
            rf"(?P<names>{_NAME}(?:\s(?:and|&)\s{_NAME})?)",
            rf"\b(?i:cinematographers?|director of photography|directors of photography|DoP)\s+"
            rf"(?P<names>{_NAME}(?:\s(?:and|&)\s{_NAME})?)",
            rf"\b(?i:cinematography)\s+by\s+(?P<names>{_NAME}(?:\s(?:and|&)\s{_NAME})?)",
        ]
        for pattern in patterns:
            for m in re.finditer(pattern, text):
                if qualifiers.search(text[max(0, m.start() - 30):m.start()]):
                    continue
                names = [n.strip() for n in re.split(r"\s(?:and|&)\s", m["names"])]
                out.append(_claim("crew", m["names"], {"type": "names", "names": names}, sentence, role))
            if out:
                return out
    return out
