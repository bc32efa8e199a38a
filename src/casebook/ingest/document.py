"""Read one source document: bytes to text, frontmatter to metadata, and line numbers kept exact.

A :class:`Document` is the raw material of every extractor. ``body_start`` is the 1-based line of the
file where the body (the text after the frontmatter) begins, so a line inside the body can always be
turned back into a line of the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from casebook.errors import Problem

#: file name endings that can hold a source document
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass
class Document:
    path: Path
    text: str
    sha256: str
    metadata: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_start: int = 1
    has_frontmatter: bool = False

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def line_count(self) -> int:
        return len(self.text.splitlines())


    def body_lines(self) -> list[str]:
        return self.body.splitlines()


class DocumentError(Exception):
    """The file cannot be read as a document; carries the problem with its place."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, else the best guess of charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise
        return str(best)


def read_document(path: Path) -> Document:
    """Read ``path`` into a :class:`Document`; raises :class:`DocumentError` naming the file."""
    data = path.read_bytes()
    try:
        text = decode(data)
    except UnicodeDecodeError:
        raise DocumentError(Problem(path, "cannot be decoded as text (not UTF-8, no known encoding)")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), body=text)
    _split_frontmatter(doc)
    return doc


def _split_frontmatter(doc: Document) -> None:
    lines = doc.text.split("\n")
    if not lines or lines[0].strip() != "---":
        return
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if closing is None:
        raise DocumentError(Problem(doc.path, "frontmatter opened with '---' is never closed", 1))
    try:
        metadata = yaml.safe_load("\n".join(lines[1:closing]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise DocumentError(Problem(doc.path, f"frontmatter is not valid YAML: {reason}", line)) from None
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        raise DocumentError(Problem(doc.path, "frontmatter must be a mapping of keys to values", 2))
    doc.metadata = metadata
    doc.has_frontmatter = True
    doc.body = "\n".join(lines[closing + 1 :])
    doc.body_start = closing + 2
