"""The press documents: plain text, no frontmatter, often extracted from a PDF.

* press release: headline, dateline, the premiere (date, festival, section), the director;
* press kit: synopsis, the film's running time, "a film by", filmographies, the festival line.

Every record keeps its span of file lines. Press text is hard-wrapped: paragraphs are rebuilt from
line lengths, and lines that are only a page number are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from casebook.ingest.dates import find_dates
from casebook.ingest.document import Document
from casebook.ingest.records import Notes

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_FESTIVAL = re.compile(
    r"(?:(?P<edition>\d{1,3})(?:st|nd|rd|th)\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}(?:International\s+)?Film\s+Festival(?:\s+of\s+[A-Z]\w+)?"
    r"|Festival\s+(?:de|du|of|di)\s+[A-Z]\w+|[A-Z]\w+\s+Festival|Berlinale|Sundance)"
)
_SECTION = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,4}?)(?:section|sidebar|strand|programme|program|selection|competition)\b"
)
_PREMIERE_KIND = re.compile(r"\b(world|international|european|north american|us|uk)\s+premi[eè]re", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]+,\s+(?P<rest>.{4,40}?)\s+[—–-]{1,2}\s")


@dataclass
class Line:
    number: int  # 1-based line of the file
    text: str


def _lines(doc: Document) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(doc.text.split("\n"))]


def is_heading(text: str) -> bool:
    """An all-capitals line: SYNOPSIS, INTERVIEW WITH …, KANTEMIR BALAGOV – DIRECTOR."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and not re.match(r"^\s*\d{4}\s*[–—-]", text)


def paragraphs(lines: list[Line]) -> list[tuple[str, tuple[int, int]]]:
    """Hard-wrapped lines to paragraphs: a blank line, or a short line ending a sentence, ends one."""
    kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)]
    width = max((len(ln.text.rstrip()) for ln in kept), default=0)
    out: list[tuple[str, tuple[int, int]]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            text = " ".join(ln.text.strip() for ln in current)
            out.append((re.sub(r"\s+", " ", text).strip(), (current[0].number, current[-1].number)))
            current.clear()

    for ln in kept:
        if not ln.text.strip():
            flush()
            continue
        current.append(ln)
        stripped = ln.text.rstrip()
        if stripped.endswith((".", "!", "?", "…", "”", '"')) and len(stripped) < 0.75 * width:
            flush()
    flush()
    return out


def _festival(text: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    m = _FESTIVAL.search(text)
    if m:
        found["festival"] = re.sub(r"^(?:The|the)\s+", "", m["name"]).strip()
        if m["edition"]:
            found["festival_edition"] = int(m["edition"])
    s = _SECTION.search(text)
    if s:
        name = s["name"].strip()
        if name.lower() not in ("the", "official", "festival's"):
            found["section"] = name
    return found


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)


def extract_press_release(doc: Document, notes: Notes) -> dict[str, Any]:
    lines = _lines(doc)
    result: dict[str, Any] = {"headline": None, "premiere": None, "director": None}
    for ln in lines:
        text = ln.text.strip()
        if text and not re.fullmatch(r"(for immediate release|press release)\W*", text, re.IGNORECASE):
            result["headline"] = {"value": text, "source": (ln.number, ln.number)}
            break
    paras = paragraphs(lines)
    dateline: tuple[Any, tuple[int, int]] | None = None
    for text, span in paras:
        m = _DATELINE.match(text)
        if m:
            dates = find_dates(m["rest"])
            if dates:
                dateline = (dates[0][0], span)
                break
    for text, span in paras:
        lead = _DATELINE.match(text)
        if lead:  # the dateline says when the release was sent, not when the premiere was
            text = text[lead.end():]
        for sentence in _sentences(text):
            if not re.search(r"premi[eè]re", sentence, re.IGNORECASE):
                continue
            dates = find_dates(sentence)
            date = dates[0][0] if dates else None
            if date is None and dateline:
                if re.search(r"\b(tonight|today|this evening)\b", sentence, re.IGNORECASE):
                    date = dateline[0]
                elif re.search(r"\b(yesterday|last night)\b", sentence, re.IGNORECASE):
                    date = dateline[0] - dt.timedelta(days=1)
            kind = _PREMIERE_KIND.search(sentence)
            premiere = {"date": date, "kind": kind.group(0).lower() if kind else "premiere", "source": span}
            premiere.update(_festival(sentence))
            premiere.pop("festival_edition", None)
            if date or "festival" in premiere:
                result["premiere"] = premiere
                break
        if result["premiere"]:
            break
    for ln in lines:
        m = re.match(r"^\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+),\s+(?:film\s+)?director\s*:?\s*$", ln.text)
        if m:
            result["director"] = {"value": m["name"], "source": (ln.number, ln.number)}
            break
    if result["premiere"] is None:
        notes.warn("press release names no premiere (no sentence with 'premiere' and a date or festival)")
    return result


_FILMOGRAPHY = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*[–—-]\s*(?P<rest>\S.*)$")
_KINDS = r"documentary|short|short film|feature|feature film|tv series|series|animation|doc"


def filmography_entry(text: str) -> dict[str, Any] | None:
    """``2015 – FIRST I (Pervyj ja), 15 min`` to year, title, alternative title, minutes and kind."""
    m = _FILMOGRAPHY.match(text)
    if not m:
        return None
    rest = m["rest"].strip()
    minutes = re.search(r"(\d{1,3})\s*(?:min|mins|minutes)\b", rest)
    kind = re.search(rf"\(?\b({_KINDS})\b\)?", rest, re.IGNORECASE)
    alt = None
    aka = re.search(r"\baka\s+([^,(]+)", rest, re.IGNORECASE)
    for paren in re.findall(r"\(([^)]+)\)", rest):
        if not re.fullmatch(rf"\s*({_KINDS})\s*", paren, re.IGNORECASE):
            alt = paren.strip()
            break
    title = re.split(r"\s*(?:\(|,|\baka\b|\s\d{1,3}\s*min)", rest, maxsplit=1)[0].strip(" .")
    if aka and not alt:
        alt = aka.group(1).strip(" .")
    return {"year": int(m["year"]), "title": title, "alternative_title": alt,
            "minutes": int(minutes.group(1)) if minutes else None,
            "kind": kind.group(1).lower() if kind else None}


def extract_press_kit(doc: Document, notes: Notes) -> dict[str, Any]:
    lines = _lines(doc)
    result: dict[str, Any] = {"synopsis": [], "runtimes": [], "director": None, "filmographies": [],
                              "festival": None}
    # sections open at all-capitals headings
    sections: list[tuple[Line, list[Line]]] = []
    for ln in lines:
        if is_heading(ln.text):
            sections.append((ln, []))
        elif sections:
            sections[-1][1].append(ln)
    for heading, body in sections:
        if re.fullmatch(r"\s*((short|long)\s+)?synopsis\s*", heading.text, re.IGNORECASE) and not result["synopsis"]:
            result["synopsis"] = [{"text": t, "source": s} for t, s in paragraphs(body)]
    for ln in lines:
        m = re.search(r"running\s+time\s*[:.]?\s*(\d{2,3})\s*(?:min|mins|minutes)\b", ln.text, re.IGNORECASE)
        m = m or re.search(r"\|\s*(\d{2,3})\s*min\s*\|", ln.text)
        if m:
            result["runtimes"].append({"minutes": int(m.group(1)), "text": m.group(0).strip(" |"),
                                       "source": (ln.number, ln.number)})
        by = re.fullmatch(r"\s*[Aa]n?\s+[Ff]ilm\s+[Bb]y\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)\s*", ln.text)
        if by and result["director"] is None:
            result["director"] = {"value": by["name"].strip(), "source": (ln.number, ln.number)}
        if result["festival"] is None and is_heading(ln.text) and re.search(r"FESTIVAL|BERLINALE", ln.text):
            found = _festival(ln.text.title().replace(" De ", " de "))
            if "festival" in found:
                year = re.search(r"(?:19|20)\d\d", ln.text)
                parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", ln.text) if p.strip()]
                section = parts[-1].title() if len(parts) > 1 else None
                result["festival"] = {"festival": re.sub(r"\s+(?:19|20)\d\d$", "", found["festival"]),
                                      "section": section, "year": int(year.group(0)) if year else None,
                                      "source": (ln.number, ln.number)}
    owner: str | None = None
    for ln in lines:
        if is_heading(ln.text):
            owner = re.split(r"\s+[–—-]\s+", ln.text.strip())[0].title()
            continue
        entry = filmography_entry(ln.text)
        if entry:
            entry["source"] = (ln.number, ln.number)
            if not result["filmographies"] or result["filmographies"][-1]["person"] != owner:
                result["filmographies"].append({"person": owner, "entries": []})
            result["filmographies"][-1]["entries"].append(entry)
    if not result["synopsis"]:
        notes.warn("press kit has no SYNOPSIS section")
    return result
