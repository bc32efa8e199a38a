"""The press release: headline, dateline, premiere, quotes with their speakers, people, awards, companies.

Quotes come in paragraph groups: a group opens with a quotation mark and closes where a paragraph ends
with one. Its speaker is the one the text attributes it to, by the rules of :mod:`casebook.ingest.quotations`
in their order (beside it, a dash line after it, a "Name, role:" line or a lead-in before it); without one the
quote is unattributed. Quotes inside narrative paragraphs count when they are at least six words long.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypedDict

from casebook.ingest.blocks import Span
from casebook.ingest.dates import day_told, find_dates
from casebook.ingest.document import Document
from casebook.ingest.names import NAME, SPEAKER_LINE, normal_role, people_with_roles
from casebook.ingest.plaintext import DATELINE, after_dateline, festival_in, file_lines, paragraphs, premiere_in, sentences
from casebook.ingest.quotations import (
    Cast,
    beside,
    dash_line,
    inline,
    lead_in,
    single_quotes,
    spans,
    speaker_line,
    speech_verb,
    told_before,
)
from casebook.ingest.records import Notes, Premiere, Quote, Valued


class Dateline(TypedDict):
    """The dateline: the day the release was sent, and the place it was sent from."""

    date: dt.date
    place: str
    source: Span


class NamedRole(TypedDict):
    """A person (or a company) the release names with a role ("producer", "jury president", "distributor")."""

    name: str
    role: str
    source: Span


class Award(TypedDict):
    """A prize the release says was won, the year the sentence gives (or None), and that sentence."""

    name: str
    year: int | None
    text: str
    source: Span


class PressReleaseRecord(TypedDict):
    """What a press release gives. ``jury`` are the ``people`` whose role is jury president."""

    headline: Valued | None
    premiere: Premiere | None
    director: Valued | None
    dateline: Dateline | None
    quotes: list[Quote]
    people: list[NamedRole]
    awards: list[Award]
    jury: list[NamedRole]
    companies: list[NamedRole]


def extract_press_release(doc: Document, notes: Notes) -> PressReleaseRecord:
    lines = file_lines(doc)
    result: PressReleaseRecord = {"headline": None, "premiere": None, "director": None, "dateline": None,
                              "quotes": [], "people": [], "awards": [], "jury": [], "companies": []}
    for ln in lines:
        text = ln.text.strip()
        if text and not re.fullmatch(r"(for immediate release|press release)\W*", text, re.IGNORECASE):
            if len(text) <= 160 and not DATELINE.match(text):  # else the release opens with its story, untitled
                result["headline"] = {"value": text, "source": (ln.number, ln.number)}
            break
    paras = paragraphs(lines)
    dateline: tuple[dt.date, Span] | None = None
    for text, span in paras:
        _, sent = after_dateline(text)
        if sent:
            dateline = (sent[0], span)
            place = text.split(",", 1)[0].strip()
            result["dateline"] = {"date": sent[0], "place": place.title() if place.isupper() else place, "source": span}
            break
    for text, span in paras:
        text, _ = after_dateline(text)  # the dateline says when the release was sent, not when the premiere was
        for sentence in sentences(text):
            if not re.search(r"premi[eè]re", sentence, re.IGNORECASE):
                continue
            dates = find_dates(sentence, year=dateline[0].year if dateline else None)
            date = dates[0][0] if dates else None
            told = day_told(sentence, dateline[0]) if date is None and dateline else None
            if told:
                date = told[0]
            premiere = premiere_in(sentence, date)
            if premiere:
                result["premiere"] = {**premiere, "source": span}
                break
        if result["premiere"]:
            break
    if result["premiere"] and not result["premiere"].get("festival"):  # the festival named in the headline, say
        named = [festival_in(text) for text, _ in paras]
        found = next((f for f in named if f.get("festival")), None)
        if found:
            result["premiere"]["festival"] = found["festival"]
    for ln in lines:
        m = re.match(r"^\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+),\s+(?:film\s+)?director\s*:?\s*$", ln.text)
        if m:
            result["director"] = {"value": m["name"], "source": (ln.number, ln.number)}
            break
    people = _people(paras)
    result["people"] = people
    result["awards"] = _awards(paras)
    result["jury"] = [p for p in people if p["role"] == "jury president"]
    result["companies"] = _companies(paras)
    result["quotes"] = _quotes(paras, people, {c["name"] for c in result["companies"]})
    if result["premiere"] is None:
        notes.warn("press_release_no_premiere")
    return result




_OPEN = "\"“«„"
_CLOSE = "\"”»“"


def _people(paras: list[tuple[str, tuple[int, int]]]) -> list[NamedRole]:
    """Every person named with a role, once per (name, role), at their first mention."""
    seen: dict[tuple[str, str], NamedRole] = {}
    for text, span in paras:
        m = SPEAKER_LINE.match(text)
        pairs = [(m["name"], normal_role(m["role"]))] if m else [(n, r) for n, r, _ in people_with_roles(text)]
        chair = re.search(rf"(?P<name>{NAME})\s+(?:chairs|presides over|heads)\b[^.]*\bjury", text)
        if chair:
            pairs = [(n, r) for n, r in pairs if n != chair["name"]] + [(chair["name"], "jury president")]
        for name, role in pairs:
            seen.setdefault((name, role), {"name": name, "role": role, "source": span})
    return list(seen.values())


def _left_open(text: str, inside: bool = False) -> bool:
    """Whether ``text`` ends inside a quotation, so that the quote goes on in the next paragraph. ``inside``:
    the paragraph goes on with a quote left open before it (unless it repeats the opening mark, as is usual)."""
    if inside and text.lstrip()[:1] in _OPEN:
        inside = False
    for ch in text:
        if ch in _OPEN and ch in _CLOSE:  # " or “ (which closes a German „…“)
            inside = not inside
        elif ch in _OPEN:
            inside = True
        elif ch in _CLOSE:
            inside = False
    return inside


def _titled(text: str) -> bool:
    """A paragraph that opens with a quoted title and goes on in prose ('"The Salt Road" Wins …'): not a quote."""
    stretches = _quoted(text)
    if not stretches or len(stretches[0].split()) >= 6 or _left_open(text[: text.find(stretches[0]) + len(stretches[0]) + 1]):
        return False  # no quoted stretch, a long one (a real quote), or one that does not close
    after = text[text.find(stretches[0]) + len(stretches[0]) + 1 :]
    attributed = speech_verb(after) or re.match(r"\s*,?\s*(?:according to|[—–―])", after)
    words = after.split()
    headline = bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)  # '"Wind" Opens Orizzonti'
    return (len(words) > 3 or headline) and not attributed


def _quoted(text: str) -> list[str]:
    """The quoted stretches of ``text``; an unclosed quotation runs to the end."""
    out: list[str] = []
    buf: list[str] = []
    inside = False
    for ch in text:
        if not inside and ch in _OPEN:
            inside, buf = True, []
        elif inside and ch in _CLOSE:
            inside = False
            out.append("".join(buf).strip())
        elif inside:
            buf.append(ch)
    if inside and buf:
        out.append("".join(buf).strip())
    return [q for q in out if q]


def _role_of(name: str | None, people: list[NamedRole]) -> str | None:
    return next((p["role"] for p in people if p["name"] == name), None)


def _quote_text(text: str, inline: bool) -> str:
    """The quoted words of one paragraph of a quote group, without an attribution inside it."""
    if inline:  # the attribution between two quoted stretches is left out, and marked so
        return " … ".join(_quoted(text)).rstrip(",")  # '"…silences," said X': the comma was the attribution's
    text = text.strip()
    if text and text[0] in _OPEN:
        text = text[1:]
    if text and text[-1] in _CLOSE and text.count(text[-1]) % 2 == 1:
        text = text[:-1]
    return text.strip()


def _group_speaker(group: list[str], cast: Cast) -> tuple[tuple[str, str | None] | None, bool]:
    """Rules 1 and 2 inside a quote group: an attribution beside a closing mark, or a dash line after the last
    one in the same paragraph. Also whether the words of the group are its quoted stretches only."""
    joined = "\n\n".join(group)
    marks = spans(joined)
    for _, b in marks:
        if b < len(joined):
            who = beside(joined[b + 1 :], cast)
            if who:
                return who, True
    if marks and marks[-1][1] < len(joined):
        who = dash_line(joined[marks[-1][1] + 1 :], cast)
        if who:
            return who, True
    return None, False


def _quotes(paras: list[tuple[str, tuple[int, int]]], people: list[NamedRole],
            not_people: set[str]) -> list[Quote]:
    """The release's quotations, each with the speaker the text attributes it to (module quotations), or none."""
    paras = [(single_quotes(t), span) for t, span in paras]
    cast = Cast([t for t, _ in paras], not_people)
    quotes: list[Quote] = []
    i = 0
    while i < len(paras):
        text, span = paras[i]
        if speaker_line(text, cast) or dash_line(text, cast):
            i += 1
            continue
        if text.lstrip()[:1] in _OPEN and not _titled(text):
            first = i
            group = [paras[i]]
            still_open = _left_open(text)
            while still_open and i + 1 < len(paras) and not speaker_line(paras[i + 1][0], cast) \
                    and not dash_line(paras[i + 1][0], cast):
                i += 1
                group.append(paras[i])
                still_open = _left_open(paras[i][0], inside=True)
            who, inline_words = _group_speaker([t for t, _ in group], cast)
            if who is None and i + 1 < len(paras):
                who = dash_line(paras[i + 1][0], cast)
                i += 1 if who else 0
            before = paras[first - 1][0] if first else ""
            if who is None and before:
                who = speaker_line(before, cast)
            if who is None and before and before.lstrip()[:1] not in _OPEN:
                name = lead_in(before, cast) or told_before(before, cast)
                who = (name, None) if name else None
            speaker, role = who if who else (None, None)
            words = [_quote_text(t, inline=inline_words) for t, _ in group]
            quotes.append({"speaker": speaker, "role": normal_role(role) if role else _role_of(speaker, people),
                           "paragraphs": [w for w in words if w], "source": (group[0][1][0], group[-1][1][1])})
            i += 1
            continue
        for run, speaker, role in inline(text, cast):
            quotes.append({"speaker": speaker, "role": normal_role(role) if role else _role_of(speaker, people),
                           "paragraphs": [text[a + 1 : b].strip() for a, b in run], "source": span})
        i += 1
    return quotes


_AWARD = re.compile(
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:Prize|Award|Palme d[’']Or|Golden [A-Z]\w+|Silver [A-Z]\w+|Jury Prize)"
    r"|Best [A-Z]\w+(?: [A-Z]\w+)? (?:prize|award))"
)
_WON = re.compile(r"\b(won|wins|winning|received|receives|securing|secured|collected|awarded|took|earned|prize-winning)\b",
                  re.IGNORECASE)


def _awards(paras: list[tuple[str, tuple[int, int]]]) -> list[Award]:
    """Prizes the release says were won (not those still to be announced)."""
    found: dict[str, Award] = {}
    for text, span in paras:
        for sentence in sentences(text):
            if not _WON.search(sentence) or re.search(r"will be (announced|awarded)", sentence):
                continue
            for m in _AWARD.finditer(sentence):
                name = re.sub(r"^the\s+", "", m["name"]).strip()
                if re.search(r"Academy Awards?$", name):
                    continue
                year = re.search(r"\b(?:19|20)\d\d\b", sentence)
                found.setdefault(name.casefold(), {"name": name, "year": int(year.group(0)) if year else None,
                                                   "text": sentence.strip(), "source": span})
    return list(found.values())


_ORG = r"(?P<org>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})"
_COMPANY_PATTERNS = [
    # "purchased by the European distribution giant North Star": the last capitalised run before the clause ends
    (re.compile(rf"\b(?:purchased|acquired|bought|picked up)\s+by\s+(?:[^.,;:]*?\s)?{_ORG}(?=\s*[.,;:)]|$)"), "distributor"),
    (re.compile(rf"\b{_ORG}\s+(?:is|are|will be)\s+handling\s+(?:the\s+)?(?:international|world(?:wide)?)\s+sales"),
     "sales agent"),
    (re.compile(rf"\b{_ORG}\s+(?:is|are|will be)\s+handling\s+(?:the\s+)?(?:[A-Z]{{2}}\s+)?distribution"), "distributor"),
    (re.compile(rf"\bfor\s+{_ORG}\s+Production\b"), "production company"),
]


def _companies(paras: list[tuple[str, tuple[int, int]]]) -> list[NamedRole]:
    found: dict[tuple[str, str], NamedRole] = {}
    for text, span in paras:
        for pattern, role in _COMPANY_PATTERNS:
            for m in pattern.finditer(text):
                name = m["org"].strip(" .")
                if role == "production company":
                    name += " Production"
                found.setdefault((name, role), {"name": name, "role": role, "source": span})
    return list(found.values())
