"""Plain text as press documents give it: hard-wrapped lines, all-capitals headings, page numbers.

Shared by the press release and press kit extractors. Paragraphs are rebuilt from line lengths, lines
that are only a page number are dropped, and festivals and sections are recognised in running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from casebook.ingest.document import Document

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_FESTIVAL = re.compile(
    r"(?:(?P<edition>\d{1,3})(?:st|nd|rd|th)\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}(?:International\s+)?Film\s+Festival(?:\s+of\s+[A-Z]\w+)?"
    r"|Festival\s+(?:de|du|of|di)\s+[A-Z]\w+|[A-Z]\w+\s+Festival|Berlinale|Sundance)"
)
_SECTION = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,4}?)(?:section|sidebar|strand|programme|program|selection|competition)\b"
)


@dataclass
class Line:
    number: int  # 1-based line of the file
    text: str


def file_lines(doc: Document) -> list[Line]:
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


def festival_in(text: str) -> dict[str, Any]:
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


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)


