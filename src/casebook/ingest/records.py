"""Plain records that ingest hands to the model builder.

Extractors return nested dicts and lists shaped like the case model, with two differences: a span
``(first_line, last_line)`` stands under every ``"source"`` key (the builder adds the source id), and
no pydantic is involved. Rich text is ``{"runs": [{"text", "bold", "italic"}, ...]}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casebook.ingest.blocks import Heading, ListBlock, Run, Span, strip_runs


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


def rich(runs: list[Run]) -> dict[str, Any]:
    """Runs to a rich-text record; soft breaks become spaces, neighbours of one style merge."""
    out: list[dict[str, Any]] = []
    for text, bold, italic in strip_runs(runs):
        text = " " if text == "\n" else text
        if out and out[-1]["bold"] == bold and out[-1]["italic"] == italic:
            out[-1]["text"] += text
        elif out and not text.strip():
            out[-1]["text"] += text
        else:
            out.append({"text": text, "bold": bold, "italic": italic})
    return {"runs": out}


def rich_plain(record: dict[str, Any]) -> str:
    return "".join(run["text"] for run in record["runs"])


def text_block(block: Any, heading: str | None, path: list[str]) -> dict[str, Any]:
    """A block casebook does not recognise, kept as written: its kind, the heading it stands under (``heading``:
    an unrecognised heading shown above it; ``path``: every heading above it) and its lines.

    ``block`` is a :class:`~casebook.ingest.blocks.Para`, a :class:`~casebook.ingest.blocks.ListBlock` or a
    :class:`~casebook.ingest.blocks.Heading` (a heading with nothing under it)."""
    record: dict[str, Any] = {"kind": "paragraph", "heading": heading, "heading_path": list(path), "text": None,
                              "items": [], "ordered": False, "header": [], "rows": [], "source": block.span}
    if isinstance(block, Heading):
        record.update(kind="heading", text=rich([(block.text, True, False)]))
    elif isinstance(block, ListBlock) and block.header:
        record.update(kind="table", header=list(block.header), rows=[[rich(cell) for cell in row] for row in block.cells])
    elif isinstance(block, ListBlock):
        record.update(kind="list", ordered=block.ordered, items=[rich(item.runs) for item in block.items])
    else:
        record.update(kind=block.kind, text=rich(block.runs) if block.kind != "code" else
                      {"runs": [{"text": "".join(t for t, _, _ in block.runs), "bold": False, "italic": False}]})
    return record
