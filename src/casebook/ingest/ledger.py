"""The director's ledger: its title, the director and film it is about, and its numbered entries.

Entry headings vary: ``**1. The Balance Sheet (The Situation Immediately Before)**``,
``**Entry 1 — The Balance Sheet: Where Balagov Stood**``, ``### II. The Investment``; the subtitle is
the parenthesis at the end or the text after the first colon.
"""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.blocks import Block, Heading, ListBlock, Para, Run, Span, lines_of, plain, split_label, split_lines
from casebook.ingest.numbering import split_number
from casebook.ingest.records import Notes, rich

_SUBTITLE = [
    re.compile(r"^(?P<title>.+?)\s*\((?P<subtitle>[^()]+)\)\s*$"),
    re.compile(r"^(?P<title>.+?)\s*:\s+(?P<subtitle>.+)$"),
    re.compile(r"^(?P<title>.+?)\s+[—–]\s+(?P<subtitle>.+)$"),
]


def split_title(text: str) -> tuple[str, str | None]:
    for pattern in _SUBTITLE:
        m = pattern.match(text)
        if m:
            return m["title"].strip(), m["subtitle"].strip()
    return text.strip(), None


def film_line(runs: list[Run]) -> dict[str, Any]:
    """``*Closeness* (2017)`` or ``*Beanpole* (*Dylda*, 2019)`` to title, alternative title and year."""
    text = plain(runs).strip()
    year_match = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    italics = [t.strip(" ,") for t, _, italic in runs if italic and t.strip(" ,")]
    bare = re.sub(r"\s*\(.*\)\s*$", "", text).strip(" *_")
    title = italics[0] if italics else bare
    alternative = italics[1] if len(italics) > 1 else None
    if alternative is None:
        inside = re.search(r"\(([^)]*)\)", text)
        if inside:
            names = [p.strip(" *_") for p in inside.group(1).split(",") if not re.fullmatch(r"\s*\d{4}\s*", p)]
            alternative = next((n for n in names if n), None)
    return {"title": title or None, "alternative_title": alternative,
            "year": int(year_match.group(1)) if year_match else None}


def _entry_heading(text: str) -> tuple[int, str, str | None] | None:
    number, rest = split_number(text)
    if number is None:
        return None
    title, subtitle = split_title(rest)
    return number, title, subtitle


def extract_ledger(blocks: list[Block], notes: Notes) -> dict[str, Any]:
    ledger: dict[str, Any] = {"title": None, "director": None, "director_source": None, "film": None,
                              "film_alternative_title": None, "year": None, "film_source": None, "entries": []}
    entry: dict[str, Any] | None = None
    first_line = blocks[0].span[0] if blocks else 1
    last_line = first_line

    def open_entry(head: tuple[int, str, str | None], span: Span) -> dict[str, Any]:
        number, title, subtitle = head
        new = {"number": number, "title": title, "subtitle": subtitle, "paragraphs": [], "source": span}
        ledger["entries"].append(new)
        return new

    for block in blocks:
        last_line = max(last_line, block.span[1])
        if isinstance(block, Heading):
            head = _entry_heading(block.text)
            if head:
                entry = open_entry(head, block.span)
            elif entry is None and ledger["title"] is None:
                ledger["title"] = block.text
            elif entry is not None:
                entry["paragraphs"].append({"text": rich([(block.text, True, False)]), "source": block.span})
            continue
        if isinstance(block, ListBlock) and block.ordered and entry is None:
            for item in block.items:  # "1. The Balance Sheet (…)" written as a markdown list
                lines = split_lines(item.runs)
                head = _entry_heading(f"{len(ledger['entries']) + 1}. {plain(lines[0]).strip()}")
                if head:
                    new = open_entry(head, item.span)
                    body = [r for line in lines[1:] for r in line + [("\n", False, False)]]
                    if plain(body).strip():
                        new["paragraphs"].append({"text": rich(body), "source": item.span})
            continue
        if entry is None:
            _header(block, ledger)
            continue
        if isinstance(block, Para) and not entry["paragraphs"] and entry["subtitle"] is None:
            lines = split_lines(block.runs)  # an entry's first line in italics alone: its subtitle
            first = [r for r in lines[0] if r[0].strip()]
            if first and all(italic for _, _, italic in first) and len(plain(lines[0]).strip()) <= 120:
                entry["subtitle"] = plain(lines[0]).strip(" *_")
                entry["source"] = (entry["source"][0], block.span[0])
                rest = [r for line in lines[1:] for r in [*line, ("\n", False, False)]][:-1]
                if not plain(rest).strip():
                    continue
                block = Para(rest, (block.span[0] + 1, block.span[1]))
        if isinstance(block, Para):
            entry["paragraphs"].append({"text": rich(block.runs), "source": block.span})
        else:
            for runs, span in lines_of(block):
                entry["paragraphs"].append({"text": rich(runs), "source": span})
        entry["source"] = (entry["source"][0], block.span[1])
    if not ledger["entries"]:
        notes.warn("director's ledger has no numbered entries", (first_line, last_line))
    for e in ledger["entries"]:
        if not e["paragraphs"]:
            notes.warn(f"ledger entry {e['number']} '{e['title']}' has no text", e["source"])
    numbers = [e["number"] for e in ledger["entries"]]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        notes.warn(f"ledger entries are numbered {numbers}, not in sequence", (first_line, last_line))
    ledger["source"] = (first_line, last_line)
    return ledger


_BYLINE = re.compile(r"^(?:by\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
                     r"(?:\s*[—–-]\s*(?P<film>.+?)(?:,?\s*\(?(?P<year>(?:19|20)\d\d)\)?)?)?\s*$")


def _header(block: Para | ListBlock, ledger: dict[str, Any]) -> None:
    for runs, span in lines_of(block):
        label, value = split_label(runs)
        key = (label or "").lower()
        byline = _BYLINE.match(plain(runs).strip(" *_")) if label is None else None
        if byline and ledger["director"] is None and (byline["film"] or plain(runs).strip(" *_").lower().startswith("by ")):
            ledger["director"], ledger["director_source"] = byline["name"], span  # "*Marta Kowalczyk — The Salt Road, 2021*"
            if byline["film"] and ledger["film"] is None:
                ledger["film"], ledger["film_source"] = byline["film"].strip(" *_,"), span
            if byline["year"]:
                ledger["year"] = ledger["year"] or int(byline["year"])
            continue
        if key in ("director", "directed by", "filmmaker") and value:
            ledger["director"] = plain(value).strip(" .")
            ledger["director_source"] = span
        elif key in ("film", "title", "movie", "feature") and value:
            film = film_line(value)
            ledger["film"] = film["title"]
            ledger["film_alternative_title"] = film["alternative_title"]
            ledger["year"] = ledger["year"] or film["year"]
            ledger["film_source"] = span
        elif key == "year" and value:
            m = re.search(r"\d{4}", plain(value))
            ledger["year"] = int(m.group(0)) if m else ledger["year"]
