"""The press release: headline, dateline, premiere, quotes with their speakers, people, awards, companies.

Quotes come in paragraph groups: a group opens with a quotation mark and closes where a paragraph ends
with one. The speaker is found, in this order, in the group itself ('… ," added Name.'), on a
"Name, role:" line just above, on a "— Name, role" line just below, or as the person the paragraph
before is about. Quotes inside narrative paragraphs count when they are at least six words long.
"""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.dates import day_told, find_dates
from casebook.ingest.document import Document
from casebook.ingest.names import NAME, SPEAKER_LINE, names_in, normal_role, people_with_roles
from casebook.ingest.plaintext import DATELINE, after_dateline, festival_in, file_lines, paragraphs, premiere_in, sentences
from casebook.ingest.records import Notes


def extract_press_release(doc: Document, notes: Notes) -> dict[str, Any]:
    lines = file_lines(doc)
    result: dict[str, Any] = {"headline": None, "premiere": None, "director": None, "dateline": None,
                              "quotes": [], "people": [], "awards": [], "jury": [], "companies": []}
    for ln in lines:
        text = ln.text.strip()
        if text and not re.fullmatch(r"(for immediate release|press release)\W*", text, re.IGNORECASE):
            if len(text) <= 160 and not DATELINE.match(text):  # else the release opens with its story, untitled
                result["headline"] = {"value": text, "source": (ln.number, ln.number)}
            break
    paras = paragraphs(lines)
    dateline: tuple[Any, tuple[int, int]] | None = None
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
    result["quotes"] = _quotes(paras, people)
    result["awards"] = _awards(paras)
    result["jury"] = [p for p in people if p["role"] == "jury president"]
    result["companies"] = _companies(paras)
    if result["premiere"] is None:
        notes.warn("press release names no premiere (no sentence with 'premiere' and a date or festival)")
    return result




_OPEN = "\"“«„"
_CLOSE = "\"”»“"
_SAYS = r"(?:said|says|added|adds|noted|notes|explained|explains|continued|remarked|stressed|recalled|told)"


def _people(paras: list[tuple[str, tuple[int, int]]]) -> list[dict[str, Any]]:
    """Every person named with a role, once per (name, role), at their first mention."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for text, span in paras:
        m = SPEAKER_LINE.match(text)
        pairs = [(m["name"], normal_role(m["role"]))] if m else [(n, r) for n, r, _ in people_with_roles(text)]
        chair = re.search(rf"(?P<name>{NAME})\s+(?:chairs|presides over|heads)\b[^.]*\bjury", text)
        if chair:
            pairs = [(n, r) for n, r in pairs if n != chair["name"]] + [(chair["name"], "jury president")]
        for name, role in pairs:
            seen.setdefault((name, role), {"name": name, "role": role, "source": span})
    return list(seen.values())


def _resolve(name: str, people: list[dict[str, Any]]) -> str:
    """A surname alone ("Balagov") to the shortest full name that the release gives elsewhere."""
    fuller = [p["name"] for p in people if p["name"] != name and re.search(rf"\b{re.escape(name)}$", p["name"])]
    return min(fuller, key=len) if fuller else name


def _inline_speaker(text: str, people: list[dict[str, Any]]) -> str | None:
    role = r"(?:(?:the\s+)?[a-z][\w-]*\s+){0,3}?"  # "said jury member Anna Lindqvist"
    m = re.search(rf"[{_CLOSE}]\s*,?\s*{_SAYS}\s+{role}(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)", text)
    m = m or re.search(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+{_SAYS}\s*[:,]?\s*[{_OPEN}]", text)
    return _resolve(m["name"], people) if m else None


def _first_person(text: str, people: list[dict[str, Any]]) -> str | None:
    """The first person of the release named in ``text`` (by full name or surname)."""
    best: tuple[int, str] | None = None
    for person in people:
        full = person["name"]
        for probe in (full, full.split()[-1]):
            at = text.find(probe)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, full)
    if best:
        return best[1]
    found = names_in(text)
    return found[0][0] if found else None


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
    return len(after.split()) > 3 and not re.search(rf"\b{_SAYS}\b", after)


def _quoted(text: str) -> list[str]:
    """The quoted stretches of ``text``; an unclosed quotation runs to the end."""
    out, buf, inside = [], [], False
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


def _role_of(name: str | None, people: list[dict[str, Any]]) -> str | None:
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


def _quotes(paras: list[tuple[str, tuple[int, int]]], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    quotes: list[dict[str, Any]] = []
    # people named anywhere (even without a role) resolve a surname alone: "said Balagov"
    everyone = people + [{"name": n, "role": None} for t, _ in paras for n, _ in names_in(t)]
    above: tuple[str, str] | None = None
    context: str | None = None
    i = 0
    while i < len(paras):
        text, span = paras[i]
        speaker_line = SPEAKER_LINE.match(text)
        if speaker_line and not text.lstrip().startswith(("—", "–")):
            above = (speaker_line["name"], normal_role(speaker_line["role"]))
            i += 1
            continue
        if text.lstrip()[:1] in _OPEN and not _titled(text):
            group = [paras[i]]
            still_open = _left_open(text)
            while still_open and i + 1 < len(paras) and not SPEAKER_LINE.match(paras[i + 1][0]):
                i += 1
                group.append(paras[i])
                still_open = _left_open(paras[i][0], inside=True)
            joined = "\n\n".join(t for t, _ in group)
            speaker, role = _inline_speaker(joined, everyone), None
            below = SPEAKER_LINE.match(paras[i + 1][0]) if i + 1 < len(paras) else None
            if speaker is None and above:
                speaker, role = above
            elif speaker is None and below:
                speaker, role = below["name"], normal_role(below["role"])
                i += 1
            elif speaker is None:
                speaker = context
            words = [_quote_text(t, inline=speaker is not None and not above) for t, _ in group]
            quotes.append({"speaker": speaker, "role": role or _role_of(speaker, people),
                           "paragraphs": [w for w in words if w], "source": (group[0][1][0], group[-1][1][1])})
            above = None
            i += 1
            continue
        inline = [q for q in _quoted(text) if len(q.split()) >= 6]
        speaker = _inline_speaker(text, everyone) or _first_person(text, people)
        if inline:
            quotes.append({"speaker": speaker, "role": _role_of(speaker, people), "paragraphs": inline, "source": span})
        context = _first_person(text, people) or context
        above = None
        i += 1
    return quotes


_AWARD = re.compile(
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:Prize|Award|Palme d[’']Or|Golden [A-Z]\w+|Silver [A-Z]\w+|Jury Prize)"
    r"|Best [A-Z]\w+(?: [A-Z]\w+)? (?:prize|award))"
)
_WON = re.compile(r"\b(won|wins|winning|received|receives|securing|secured|collected|awarded|took|earned|prize-winning)\b",
                  re.IGNORECASE)


def _awards(paras: list[tuple[str, tuple[int, int]]]) -> list[dict[str, Any]]:
    """Prizes the release says were won (not those still to be announced)."""
    found: dict[str, dict[str, Any]] = {}
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
    # "purchased by the European distribution giant Wild Bunch": the last capitalised run before the clause ends
    (re.compile(rf"\b(?:purchased|acquired|bought|picked up)\s+by\s+(?:[^.,;:]*?\s)?{_ORG}(?=\s*[.,;:)]|$)"), "distributor"),
    (re.compile(rf"\b{_ORG}\s+(?:is|are|will be)\s+handling\s+(?:the\s+)?(?:international|world(?:wide)?)\s+sales"),
     "sales agent"),
    (re.compile(rf"\b{_ORG}\s+(?:is|are|will be)\s+handling\s+(?:the\s+)?(?:[A-Z]{{2}}\s+)?distribution"), "distributor"),
    (re.compile(rf"\bfor\s+{_ORG}\s+Production\b"), "production company"),
]


def _companies(paras: list[tuple[str, tuple[int, int]]]) -> list[dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for text, span in paras:
        for pattern, role in _COMPANY_PATTERNS:
            for m in pattern.finditer(text):
                name = m["org"].strip(" .")
                if role == "production company":
                    name += " Production"
                found.setdefault((name, role), {"name": name, "role": role, "source": span})
    return list(found.values())
