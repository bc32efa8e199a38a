"""The director's ledger: its title, the director and film it is about, and its numbered entries.

Entry headings vary: ``**1. The Balance Sheet (The Situation Immediately Before)**``,
``**Entry 1 — The Balance Sheet: Where Balagov Stood**``, ``### II. The Investment``, ``Entry #1``,
``1 · The Balance Sheet`` or a bare ``1 The Balance Sheet`` (only when such headings count 1, 2, 3 …); the
subtitle is the parenthesis at the end or the text after the first colon. What the ledger says before its
first entry and casebook does not recognise (a preface, a note, every block of a ledger without entries) is
kept as written in ``blocks``.
"""

from __future__ import annotations

import re
from typing import NotRequired, TypedDict

from casebook.ingest.blocks import Block, Heading, ListBlock, Para, Rule, Run, Span, lines_of, plain, split_label, split_lines
from casebook.ingest.numbering import split_number
from casebook.ingest.records import Notes, RichParagraph, RichText, TextBlock, rich, text_block

_SUBTITLE = [
    re.compile(r"^(?P<title>.+?)\s*\((?P<subtitle>[^()]+)\)\s*$"),
    re.compile(r"^(?P<title>.+?)\s*:\s+(?P<subtitle>.+)$"),
    re.compile(r"^(?P<title>.+?)\s+[—–]\s+(?P<subtitle>.+)$"),
]


class FilmLine(TypedDict):
    """The film a ledger's ``Film:`` line names: title, alternative title and year, None where not written."""

    title: str | None
    alternative_title: str | None
    year: int | None


class LedgerEntry(TypedDict):
    """A numbered entry: its number, title and subtitle, its paragraphs and its tables (as written)."""

    number: int
    title: str
    subtitle: str | None
    paragraphs: list[RichParagraph]
    blocks: list[TextBlock]
    source: Span


class LedgerRecord(TypedDict):
    """What a director's ledger gives: its title, the director, film and year its header names (each with the
    line naming it), its entries, and what stands before the first entry as written (``blocks``). Its ``source``
    (all its lines) is set when the whole ledger has been read."""

    title: str | None
    director: str | None
    director_source: Span | None
    film: str | None
    film_alternative_title: str | None
    year: int | None
    film_source: Span | None
    film_line: RichText | None
    entries: list[LedgerEntry]
    blocks: list[TextBlock]
    source: NotRequired[Span]


def split_title(text: str) -> tuple[str, str | None]:
    for pattern in _SUBTITLE:
        m = pattern.match(text)
        if m:
            return m["title"].strip(), m["subtitle"].strip()
    return text.strip(), None


def film_line(runs: list[Run]) -> FilmLine:
    """``*Closeness* (2017)`` or ``*Beanpole* (*Dylda*, 2019)`` to title, alternative title and year."""
    text = plain(runs).strip()
    year_match = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    italics = [t.strip(" ,") for t, _, italic in runs if italic and t.strip(" ,")]
    bare = re.sub(r"\s*\(.*\)\s*$", "", text).strip(" *_")
    title = italics[0] if italics else bare
    alternative = italics[1] if len(italics) > 1 else None
    if alternative is None and not italics:  # "*Once* (Ireland, 2007)": a title in italics, a country beside it
        inside = re.search(r"\(([^)]*)\)", text)
        if inside:
            names = [p.strip(" *_") for p in inside.group(1).split(",") if not re.fullmatch(r"\s*\d{4}\s*", p)]
            alternative = next((n for n in names if n), None)
    return {"title": title or None, "alternative_title": alternative,
            "year": int(year_match.group(1)) if year_match else None}


def _entry_heading(text: str, bare: bool = False) -> tuple[int, str, str | None] | None:
    number, rest = split_number(text, bare)
    if number is None:
        return None
    title, subtitle = split_title(rest)
    return number, title, subtitle


def extract_ledger(blocks: list[Block], notes: Notes) -> LedgerRecord:
    ledger: LedgerRecord = {"title": None, "director": None, "director_source": None, "film": None,
                              "film_alternative_title": None, "year": None, "film_source": None, "film_line": None, "entries": [],
                              "blocks": []}
    entry: LedgerEntry | None = None
    bare = _bare_numbers(blocks)
    heading: Heading | None = None  # a heading before the first entry that is not the ledger's title
    under = False  # whether a block stands under that heading yet
    first_line = blocks[0].span[0] if blocks else 1
    last_line = first_line

    def open_entry(head: tuple[int, str, str | None], span: Span) -> LedgerEntry:
        number, title, subtitle = head
        new: LedgerEntry = {"number": number, "title": title, "subtitle": subtitle, "paragraphs": [], "blocks": [],
                            "source": span}
        ledger["entries"].append(new)
        return new

    for block in blocks:
        last_line = max(last_line, block.span[1])
        if isinstance(block, Heading):
            head = _entry_heading(block.text, bare)
            if head:
                if entry is None and heading is not None and not under:
                    ledger["blocks"].append(text_block(heading, None, _path(ledger, None)))
                    heading = None
                entry = open_entry(head, block.span)
            elif entry is None and ledger["title"] is None and not ledger["blocks"]:
                ledger["title"] = block.text
            elif entry is None:
                if heading is not None and not under:  # a heading with nothing under it: shown as written
                    ledger["blocks"].append(text_block(heading, None, _path(ledger, None)))
                heading, under = block, False
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
            if isinstance(block, Rule):
                continue
            rest = _header(block, ledger)
            if rest is not None:
                title = heading.text if heading is not None else None
                ledger["blocks"].append(text_block(rest, title, _path(ledger, title)))
                under = True
            continue
        if isinstance(block, Para) and not entry["paragraphs"] and entry["subtitle"] is None:
            lines = split_lines(block.runs)  # an entry's first line in italics alone: its subtitle
            first = [r for r in lines[0] if r[0].strip()]
            if first and all(italic for _, _, italic in first) and len(plain(lines[0]).strip()) <= 120:
                entry["subtitle"] = plain(lines[0]).strip(" *_")
                entry["source"] = (entry["source"][0], block.span[0])
                after = [r for line in lines[1:] for r in [*line, ("\n", False, False)]][:-1]
                if not plain(after).strip():
                    continue
                block = Para(after, (block.span[0] + 1, block.span[1]))
        if isinstance(block, Para):
            entry["paragraphs"].append({"text": rich(block.runs), "source": block.span})
        elif isinstance(block, ListBlock) and block.header:  # a table: shown as a table, its columns named
            entry["blocks"].append(text_block(block, None, [entry["title"]]))
        elif isinstance(block, Rule):  # a rule between an entry's paragraphs ("---"): nothing to show
            continue
        else:
            for runs, span in lines_of(block):
                entry["paragraphs"].append({"text": rich(runs), "source": span})
        entry["source"] = (entry["source"][0], block.span[1])
    if heading is not None and not under:
        ledger["blocks"].append(text_block(heading, None, _path(ledger, None)))
    if not ledger["entries"]:
        notes.warn("ledger_unnumbered", (first_line, last_line))
    for e in ledger["entries"]:
        if not e["paragraphs"] and not e["blocks"]:
            notes.warn("ledger_entry_empty", e["source"], number=e["number"], title=e["title"])
    numbers = [e["number"] for e in ledger["entries"]]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        notes.warn("ledger_out_of_sequence", (first_line, last_line), numbers=numbers)
    ledger["source"] = (first_line, last_line)
    return ledger


def _bare_numbers(blocks: list[Block]) -> bool:
    """True when the ledger numbers its entries with bare numbers ("1 The Balance Sheet"): no heading is numbered
    otherwise, and two or more headings so numbered count 1, 2, 3 … in order."""
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    if any(split_number(text)[0] is not None for text in headings):
        return False
    numbers = [n for n in (split_number(text, bare=True)[0] for text in headings) if n is not None]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


def _path(ledger: LedgerRecord, heading: str | None) -> list[str]:
    return [t for t in (ledger["title"], heading) if t]


_BYLINE = re.compile(r"^(?:by\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
                     r"(?:\s*[—–-]\s*(?P<film>.+?)(?:,?\s*\(?(?P<year>(?:19|20)\d\d)\)?)?)?\s*$")


# "Director — Name", "Film — *Title* (2007)": the header's labels written before a dash
_DASH_LABEL = re.compile(r"^\s*(?P<label>director|directed by|filmmaker|film|title|movie|feature|year)\s+[—–]\s+",
                         re.IGNORECASE)


def _header_label(runs: list[Run]) -> tuple[str | None, list[Run]]:
    label, value = split_label(runs)
    if label is None and runs and not runs[0][1]:
        m = _DASH_LABEL.match(runs[0][0])
        if m:
            rest = [(runs[0][0][m.end():], runs[0][1], runs[0][2]), *runs[1:]]
            if plain(rest).strip():
                return m["label"], rest
    return label, value


def _header(block: Para | ListBlock, ledger: LedgerRecord) -> Para | ListBlock | None:
    """Take the director, film and year from the lines before the first entry; the lines it does not use, as a
    block of their own kind (None when it used them all)."""
    unused: list[tuple[list[Run], Span]] = []
    for runs, span in lines_of(block):
        if not _header_line(runs, span, ledger):
            unused.append((runs, span))
    if not unused:
        return None
    if len(unused) == len(lines_of(block)):
        return block
    if isinstance(block, ListBlock):
        return ListBlock(items=[Para(r, sp) for r, sp in unused], ordered=block.ordered,
                         span=(unused[0][1][0], unused[-1][1][1]))
    joined: list[Run] = []
    for k, (r, _) in enumerate(unused):
        joined.extend([("\n", False, False)] if k else [])
        joined.extend(r)
    return Para(joined, (unused[0][1][0], unused[-1][1][1]), kind=block.kind)


def _header_line(runs: list[Run], span: Span, ledger: LedgerRecord) -> bool:
    """Read one line of the ledger's header; True when it gave the director, the film or the year."""
    label, value = _header_label(runs)
    key = (label or "").lower()
    byline = _BYLINE.match(plain(runs).strip(" *_")) if label is None else None
    if byline and ledger["director"] is None and (byline["film"] or plain(runs).strip(" *_").lower().startswith("by ")):
        ledger["director"], ledger["director_source"] = byline["name"], span  # "*Marta Kowalczyk — The Salt Road, 2021*"
        if byline["film"] and ledger["film"] is None:
            ledger["film"], ledger["film_source"] = byline["film"].strip(" *_,"), span
        if byline["year"]:
            ledger["year"] = ledger["year"] or int(byline["year"])
        return True
    if key in ("director", "directed by", "filmmaker") and value:
        ledger["director"] = plain(value).strip(" .")
        ledger["director_source"] = span
        return True
    if key in ("film", "title", "movie", "feature") and value:
        film = film_line(value)
        ledger["film_line"] = rich(value)
        ledger["film"] = film["title"]
        ledger["film_alternative_title"] = film["alternative_title"]
        ledger["year"] = ledger["year"] or film["year"]
        ledger["film_source"] = span
        return True
    if key == "year" and value:
        m = re.search(r"\d{4}", plain(value))
        ledger["year"] = int(m.group(0)) if m else ledger["year"]
        return m is not None
    return False
