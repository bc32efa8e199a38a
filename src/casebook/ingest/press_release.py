"""The press release: headline, dateline and the premiere (date, festival, section), the director."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from casebook.ingest.dates import find_dates
from casebook.ingest.document import Document
from casebook.ingest.plaintext import festival_in, file_lines, paragraphs, sentences
from casebook.ingest.records import Notes

_PREMIERE_KIND = re.compile(r"\b(world|international|european|north american|us|uk)\s+premi[eè]re", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]+,\s+(?P<rest>.{4,40}?)\s+[—–-]{1,2}\s")


def extract_press_release(doc: Document, notes: Notes) -> dict[str, Any]:
    lines = file_lines(doc)
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
        for sentence in sentences(text):
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
            premiere.update(festival_in(sentence))
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


