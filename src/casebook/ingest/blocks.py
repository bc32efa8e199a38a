"""Markdown to a flat list of blocks with inline runs and file line spans (markdown-it-py).

The business analysis and the ledger are written in several dialects of the same idea: a heading
may be a ``###`` heading or a line in bold; a label may be ``**Label:**`` or ``**Label**:``; bullets
may be ``*`` or ``-``. This module flattens all of them into one shape that the extractors walk:

* :class:`Heading`: a ``#`` heading, or a paragraph line that is bold from end to end;
* :class:`Para`: the rest of a paragraph (its lines keep their soft breaks as ``"\\n"``); a paragraph of a
  ``>`` block quote or a code block is a Para of its own kind;
* :class:`ListBlock`: a bullet or numbered list, one :class:`Para` per item;
* :class:`Rule`: a thematic break (``***``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from casebook.ingest.document import Document

# A run of text: (text, bold, italic). A soft line break is the run ("\n", False, False).
Run = tuple[str, bool, bool]
Span = tuple[int, int]  # first and last line in the file, 1-based, inclusive


@dataclass
class Heading:
    text: str
    level: int  # 1-6 for '#' headings, 0 for a bold line
    span: Span


@dataclass
class Para:
    runs: list[Run]
    span: Span
    kind: str = "paragraph"  # "paragraph", "quote" (inside a '>' block quote) or "code" (a fenced or indented block)

    @property
    def plain(self) -> str:
        return plain(self.runs)


@dataclass
class ListBlock:
    items: list[Para] = field(default_factory=list)
    ordered: bool = False
    span: Span = (1, 1)
    # a table read as a list: its column names, and each item's cells (the items are "**first:** the rest")
    header: list[str] = field(default_factory=list)
    cells: list[list[list[Run]]] = field(default_factory=list)


@dataclass
class Rule:
    span: Span


Block = Heading | Para | ListBlock | Rule


@cache
def _parser() -> MarkdownIt:
    # Raw HTML stays text: a document can never inject markup. Tables (GitHub's pipe tables) are read.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def plain(runs: list[Run]) -> str:
    return "".join(text for text, _, _ in runs)


def inline_runs(token: Token) -> list[Run]:
    """The runs of an inline token, merging neighbours of the same style."""
    runs: list[Run] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind in ("softbreak", "hardbreak"):
            runs.append(("\n", False, False))
        elif kind in ("text", "code_inline", "html_inline"):
            if child.content:
                runs.append((child.content, bold > 0, italic > 0))
        elif kind == "image":
            runs.append((child.content, bold > 0, italic > 0))
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1][1:] == run[1:] and "\n" not in (run[0], merged[-1][0]):
            merged[-1] = (merged[-1][0] + run[0], run[1], run[2])
        else:
            merged.append(run)
    return merged


def split_lines(runs: list[Run]) -> list[list[Run]]:
    """Split runs at soft breaks into the lines of the source."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run[0] == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    return lines


def is_bold_line(runs: list[Run]) -> bool:
    """True when every visible character of the line is bold (a heading written as a bold line)."""
    visible = [r for r in runs if r[0].strip()]
    return bool(visible) and all(r[1] for r in visible)


def strip_runs(runs: list[Run]) -> list[Run]:
    """Runs without leading and trailing white space; soft breaks inside are kept."""
    out = list(runs)
    while out and not out[0][0].strip():
        out.pop(0)
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1], out[0][2])
        out[-1] = (out[-1][0].rstrip(), out[-1][1], out[-1][2])
    return out


def parse_blocks(doc: Document) -> list[Block]:
    """The body of ``doc`` as a flat list of blocks, with spans in file lines."""
    tokens = _parser().parse(doc.body)
    offset = doc.body_start
    file_lines = doc.text.split("\n")

    def span(token: Token) -> Span:
        start, end = token.map or (0, 1)
        first, last = start + offset, max(start, end - 1) + offset
        while last > first and not file_lines[last - 1].strip():
            last -= 1
        return (first, last)

    blocks: list[Block] = []
    list_stack: list[ListBlock] = []
    pending: Token | None = None  # the opening token whose inline content comes next
    quoted = 0  # depth of '>' block quotes around the current token
    table: list[tuple[list[list[Run]], Span, bool]] | None = None  # the rows of a table: cells, span, header?
    row: tuple[list[list[Run]], Span, bool] | None = None
    for token in tokens:
        kind = token.type
        if kind == "table_open":
            table = []
        elif kind == "tr_open" and table is not None:
            row = ([], span(token), False)
        elif kind == "th_open" and row is not None:
            row = (row[0], row[1], True)
        elif kind == "inline" and row is not None:
            row[0].append(strip_runs(inline_runs(token)))
        elif kind == "tr_close" and table is not None and row is not None:
            table.append(row)
            row = None
        elif kind == "table_close" and table is not None:
            block = _table_block(table)
            if block is not None and not list_stack:
                blocks.append(block)
            table = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            block = ListBlock(ordered=kind.startswith("ordered"), span=span(token))
            if not list_stack:
                blocks.append(block)
            list_stack.append(block)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "blockquote_open":
            quoted += 1
        elif kind == "blockquote_close":
            quoted = max(0, quoted - 1)
        elif kind in ("heading_open", "paragraph_open"):
            pending = token
        elif kind == "hr":
            blocks.append(Rule(span=span(token)))
        elif kind == "inline" and pending is not None:
            runs = inline_runs(token)
            if pending.type == "heading_open":
                blocks.append(Heading(plain(strip_runs(runs)), int(pending.tag[1:]), span(token)))
            elif list_stack:
                list_stack[0].items.append(Para(strip_runs(runs), span(token)))
            elif quoted:
                blocks.append(Para(strip_runs(runs), span(token), kind="quote"))
            else:
                blocks.extend(_split_paragraph(runs, span(token)))
            pending = None
        elif kind in ("fence", "code_block"):
            code = Para([(token.content.rstrip("\n"), False, False)], span(token), kind="code")
            if list_stack:
                list_stack[0].items.append(code)
            else:
                blocks.append(code)
    return blocks


def _table_block(rows: list[tuple[list[list[Run]], Span, bool]]) -> ListBlock | None:
    """A table as a list of labelled lines, one per body row: the first cell is the label and the others
    the value (``Budget | approximately $850,000`` reads as ``**Budget:** approximately $850,000``). With
    more than two columns each further cell is named by its column: ``Outcome: …; Impact: …``."""
    header = next((cells for cells, _, is_head in rows if is_head), None)
    body = [(cells, where) for cells, where, is_head in rows if not is_head and any(plain(c).strip() for c in cells)]
    if not body:
        return None
    items = []
    for cells, where in body:
        label = plain(cells[0]).strip().rstrip(":")
        value: list[Run] = []
        for i, cell in enumerate(cells[1:], start=1):
            if not plain(cell).strip():
                continue
            if value:
                value.append(("; ", False, False))
            name = plain(header[i]).strip() if header and len(cells) > 2 and i < len(header) else ""
            if name:
                value.append((f"{name}: ", False, False))
            value.extend(cell)
        runs: list[Run] = [(f"{label}:", True, False), (" ", False, False), *value] if label and value else \
            (value or cells[0])
        items.append(Para(strip_runs(runs), where))
    return ListBlock(items=items, ordered=False, span=(rows[0][1][0], body[-1][1][1]),
                     header=[plain(c).strip() for c in header or []], cells=[cells for cells, _ in body])


def _split_paragraph(runs: list[Run], where: Span) -> list[Block]:
    """Leading bold lines of a paragraph become headings; the rest stays one paragraph."""
    lines = split_lines(runs)
    blocks: list[Block] = []
    first = where[0]
    while lines and is_bold_line(lines[0]) and (len(lines) > 1 or not blocks):
        text = plain(strip_runs(lines[0]))
        blocks.append(Heading(text, 0, (first, first)))
        lines.pop(0)
        first += 1
    rest: list[Run] = []
    for i, line in enumerate(lines):
        if i:
            rest.append(("\n", False, False))
        rest.extend(line)
    rest = strip_runs(rest)
    if rest:
        blocks.append(Para(rest, (first, where[1])))
    return blocks


# a label in plain type: "Outcome: Reputation built." (a capitalised word or few, no sentence inside)
_PLAIN_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w&/'’()-]*(?:[ -][\w&/'’()-]+){0,3}):\s+(?=\S)")


def split_label(runs: list[Run]) -> tuple[str | None, list[Run]]:
    """``**Label:** value``, ``**Label**: value`` or ``Label: value`` (up to four words) to (label, value runs);
    (None, runs) without a label."""
    runs = strip_runs(runs)
    if runs and not runs[0][1]:
        # the label's text ends inside the first run; its value may begin in the next ("Film: *Title*")
        plain_label = _PLAIN_LABEL.match(runs[0][0] + "\x00")
        if plain_label is None or plain_label.end() > len(runs[0][0]) or len(plain_label["label"].split()) > 4:
            return None, runs
        rest = strip_runs([(runs[0][0][plain_label.end():], False, runs[0][2]), *runs[1:]])
        return (plain_label["label"], rest) if rest else (None, runs)
    if not runs:
        return None, runs
    head, rest = runs[0][0].strip(), runs[1:]
    if head.endswith(":"):
        label = head[:-1].strip()
    elif rest and rest[0][0].lstrip().startswith(":"):
        label = head
        first = rest[0][0].lstrip()[1:]
        rest = ([(first, rest[0][1], rest[0][2])] if first.strip() else []) + rest[1:]
    elif ":" in head and not rest:
        label, _, tail = head.partition(":")
        rest = [(tail, True, runs[0][2])]
    else:
        return None, runs
    if not label or not strip_runs(rest):
        return (label or None), strip_runs(rest)
    return label, strip_runs(rest)


def lines_of(block: Para | ListBlock) -> list[tuple[list[Run], Span]]:
    """The lines of a paragraph, or the items of a list, each with its span."""
    if isinstance(block, ListBlock):
        return [(item.runs, item.span) for item in block.items]
    out = []
    for i, line in enumerate(split_lines(block.runs)):
        if plain(line).strip():
            line_no = min(block.span[0] + i, block.span[1])
            out.append((line, (line_no, line_no)))
    return out
