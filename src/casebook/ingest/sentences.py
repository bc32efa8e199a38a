"""Any document as sentences, each with the file lines it spans: the raw material of cross-source checks.

Markdown emphasis markers are removed, hard-wrapped lines are joined, page-number lines are dropped and
footnote markers glued to words ("Intonation3") are cut, so every document reads as plain prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebook.ingest.document import Document
from casebook.ingest.plaintext import LABELLED, LAID_OUT, ends_sentence, is_heading

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_MARKUP = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w)|^#+\s*|^\s*[-*+]\s+(?=\S))")
_GLUED_MARKER = re.compile(r"(?<=[a-z\u00e0-\u024f\u0430-\u044f”’\"),.])(?<!\d[.,])(?<!\d[a-z])\d{1,2}(?=[\s,.;:)]|$)")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_SPLIT = re.compile(
    r"(?!(?:" + "|".join(rf"(?<=\b{m}\.)" for m in _MONTH_ABBREVIATIONS) + r")\s+\d)"  # "Feb. 24, 2008": one date
    r"(?<!\bSt\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bJr\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\b[A-Z]\.)(?<!\.\.)"
    r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9\u0400-\u042f])"
)


_FACT_LINE = re.compile(r"^\|.*\|\s*$|^\S.{0,60}?(?:\.{4,}|…{2,}|\s{3,})\S"
                        r"|^(?=.{0,79}$)[A-Z][\w /&’'()-]{1,40}(?:\s[—–]|:)\s\S")


@dataclass(frozen=True)
class Sentence:
    text: str
    span: tuple[int, int]  # first and last line of the file, 1-based


def clean_line(text: str) -> str:
    text = _MARKUP.sub("", text)
    return _GLUED_MARKER.sub("", text).strip()


def sentences(doc: Document) -> list[Sentence]:
    """The sentences of the body of ``doc``, in order."""
    lines = doc.text.split("\n")
    out: list[Sentence] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        text, starts = "", []
        for number, line in block:
            if text:
                text += " "
            starts.append((len(text), number))
            text += line
        offset = 0
        for piece in _SPLIT.split(text):
            begin = text.find(piece, offset)
            end = begin + len(piece)
            offset = end
            first = max(n for s, n in starts if s <= begin)
            last = max(n for s, n in starts if s < max(end, begin + 1))
            if piece.strip():
                out.append(Sentence(piece.strip(), (first, last)))
        block.clear()

    for index in range(doc.body_start - 1, len(lines)):
        raw = lines[index]
        if not raw.strip() or _PAGE_NUMBER.match(raw) or re.fullmatch(r"\s*(\*\*\*|---|___)\s*", raw):
            flush()
            continue
        line = clean_line(raw)
        heading = re.match(r"\s{0,3}#{1,6}\s", raw)  # a markdown heading
        capitals = line.isupper() or is_heading(line)  # also "TARELL McCRANEY – WRITER", "ANNA LIND (Editor)"
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        fact_line = _FACT_LINE.match(line) and not following[:1].islower()  # not a sentence wrapped after a colon
        if heading or re.match(r"^[A-Z][\w ’'&-]*:$", line) or capitals or fact_line:
            # a label or heading stands alone; so does a fact line ("| Budget | $4 million |", "Budget — €130,000",
            # "Running time ........ 2h02"), which a following line must not join
            flush()
            block.append((index + 1, line))
            flush()
            continue
        laid_out = LABELLED.match(line) or LAID_OUT.search(line)
        if laid_out and not ends_sentence(line) and not following[:1].islower():
            flush()  # "Budget — €1.2m", "Running time      97 min": a line laid out for the eye is its own unit
            block.append((index + 1, line))
            flush()
            continue
        block.append((index + 1, line))
        if raw.lstrip().startswith(("*", "-", "+ ")) or raw.rstrip().endswith(("**", ":")):
            flush()  # a bullet or a bold line is its own unit
    flush()
    return out
