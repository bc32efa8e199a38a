"""Plain records that ingest hands to the model builder.

Extractors return nested dicts and lists shaped like the case model, with two differences: a span
``(first_line, last_line)`` stands under every ``"source"`` key (the builder adds the source id), and
no pydantic is involved. Rich text is ``{"runs": [{"text", "bold", "italic"}, ...]}``.

Each record's shape is a :class:`~typing.TypedDict` beside the code that makes it (the shared ones here), so a
type checker (mypy, ``tests/test_types.py``) holds the extractors and the model builder to it. TypedDicts, not
dataclasses: the records are built up piecewise (a ledger's director found on one line, its film on another; a
stakeholder's outcome and impact on the lines under its head), and the builder hands them on to pydantic as the
plain dicts they are, so typing them changes no value and no byte of any output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from casebook.ingest.blocks import Heading, ListBlock, Para, Run, Span, strip_runs


@dataclass(frozen=True)
class Note:
    """One warning found while extracting a document: a code (a key of ``templates/warnings.j2``, which words it
    for the instructor at the command line and for the reader of the case), its parameters and the lines it is
    about (None for the whole document). Ingest words nothing: the wording is chosen where the note is shown."""

    code: str
    params: dict[str, Any]
    span: Span | None = None


@dataclass
class Notes:
    """Warnings found while extracting one document, in the order found."""

    items: list[Note] = field(default_factory=list)

    def warn(self, code: str, span: Span | None = None, **params: Any) -> None:
        """Note the warning ``code`` about the lines ``span`` (None: the whole document) with its ``params``."""
        self.items.append(Note(code, params, span))


class RichRun(TypedDict):
    text: str
    bold: bool
    italic: bool


class RichText(TypedDict):
    """Text with its bold and italic runs, as the case model's ``RichText``."""

    runs: list[RichRun]


class RichParagraph(TypedDict):
    """A paragraph of rich text and the lines it spans."""

    text: RichText
    source: Span


class Valued(TypedDict):
    """One value a document states, with its lines: a headline, a director named, a statement's signature."""

    value: str
    source: Span


class PremiereTold(TypedDict):
    """A premiere a sentence tells of (:func:`~casebook.ingest.plaintext.premiere_in`): the day the caller found
    (None when only the festival is named), ``world premiere`` or ``premiere``, the festival and section named."""

    date: dt.date | None
    kind: str
    festival: NotRequired[str]
    section: NotRequired[str]


class Premiere(PremiereTold):
    """A premiere told, with the lines that tell it."""

    source: Span


class Quote(TypedDict):
    """A quotation of a press document: its speaker and the speaker's role when the text makes them certain (else
    None), its paragraphs as quoted, and its lines."""

    speaker: str | None
    role: str | None
    paragraphs: list[str]
    source: Span


#: a claim's typed value: ``{"type": "money" | "count" | "duration" | "date" | "name" | "names" | "legacy", ...}``,
#: its other keys by its type (amount and unit, value and currency, ISO date and precision, …)
TypedValue = dict[str, Any]


class Claim(TypedDict):
    """A statement of a comparable attribute (budget, runtime, premiere date, …) in one sentence: the words that
    state it (``value``), its typed value, its lines; the scope ("worldwide", a country, a ceremony) and subject it
    names; the sentence (``context``), the titles quoted in it, where it names another work and its label."""

    attribute: str
    value: str
    typed: TypedValue
    source: Span
    scope: NotRequired[str | None]
    subject: NotRequired[str | None]
    context: NotRequired[str]
    titles: NotRequired[list[str]]
    other_work: NotRequired[list[list[int]]]
    label: NotRequired[str | None]
    short: NotRequired[bool]
    own_title: NotRequired[str]  # a runtime's own title ("TITLE (2019, 118 min)"): read into ``titles``, then dropped


class TextBlock(TypedDict):
    """A block casebook does not recognise, as written (see :func:`text_block`)."""

    kind: str  # "paragraph", "quote", "code", "list", "table" or "heading"
    heading: str | None
    heading_path: list[str]
    text: RichText | None
    items: list[RichText]
    ordered: bool
    header: list[str]
    rows: list[list[RichText]]
    source: Span


def rich(runs: list[Run]) -> RichText:
    """Runs to a rich-text record; soft breaks become spaces, neighbours of one style merge."""
    out: list[RichRun] = []
    for text, bold, italic in strip_runs(runs):
        text = " " if text == "\n" else text
        if out and out[-1]["bold"] == bold and out[-1]["italic"] == italic:
            out[-1]["text"] += text
        elif out and not text.strip():
            out[-1]["text"] += text
        else:
            out.append({"text": text, "bold": bold, "italic": italic})
    return {"runs": out}


def rich_plain(record: RichText) -> str:
    return "".join(run["text"] for run in record["runs"])


def text_block(block: Heading | Para | ListBlock, heading: str | None, path: list[str]) -> TextBlock:
    """A block casebook does not recognise, kept as written: its kind, the heading it stands under (``heading``:
    an unrecognised heading shown above it; ``path``: every heading above it) and its lines.

    ``block`` is a :class:`~casebook.ingest.blocks.Para`, a :class:`~casebook.ingest.blocks.ListBlock` or a
    :class:`~casebook.ingest.blocks.Heading` (a heading with nothing under it)."""
    record: TextBlock = {"kind": "paragraph", "heading": heading, "heading_path": list(path), "text": None,
                              "items": [], "ordered": False, "header": [], "rows": [], "source": block.span}
    if isinstance(block, Heading):
        record.update({"kind": "heading", "text": rich([(block.text, True, False)])})
    elif isinstance(block, ListBlock) and block.header:
        rows = [[rich(cell) for cell in row] for row in block.cells]
        record.update({"kind": "table", "header": list(block.header), "rows": rows})
    elif isinstance(block, ListBlock):
        record.update({"kind": "list", "ordered": block.ordered, "items": [rich(item.runs) for item in block.items]})
    else:
        record.update({"kind": block.kind, "text": rich(block.runs) if block.kind != "code" else
                       {"runs": [{"text": "".join(t for t, _, _ in block.runs), "bold": False, "italic": False}]}})
    return record
