"""The press kit (text extracted from a PDF): synopsis, running time, "a film by", festival line, filmographies."""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.document import Document
from casebook.ingest.plaintext import Line, festival_in, file_lines, is_heading, paragraphs
from casebook.ingest.records import Notes

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
    lines = file_lines(doc)
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
            found = festival_in(ln.text.title().replace(" De ", " de "))
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
