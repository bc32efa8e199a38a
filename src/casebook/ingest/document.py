"""Read one source document: bytes to text, frontmatter to metadata, and line numbers kept exact.

A :class:`Document` is the raw material of every extractor. ``body_start`` is the 1-based line of the
file where the body (the text after the frontmatter) begins, so a line inside the body can always be
turned back into a line of the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from casebook.errors import Problem


@dataclass
class Document:
    path: Path
    text: str
    sha256: str
    metadata: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_start: int = 1
    has_frontmatter: bool = False
    encoding: str = "utf-8"  # what the bytes were read as: utf-8 (with or without BOM), utf-16-le, cp1252, ...
    #: 1-based line of each top-level frontmatter key, for errors that name the field
    key_lines: dict[str, int] = field(default_factory=dict)
    #: 1-based lines that begin a page: where the file had a form feed (text extracted from a PDF)
    page_starts: frozenset[int] = frozenset()

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


#: limits on what is read as a document (README "Limits")
MAX_BYTES = 2 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_FRONTMATTER_LINES = 500
MAX_YAML_DEPTH = 20

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_PREFERRED = ["utf_8", "cp1252", "cp1251", "latin_1", "iso8859_15", "cp1250", "koi8_r", "mac_roman"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")  # C0 and C1 controls
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class NotText(ValueError):
    """Bytes that are not text in an encoding casebook can be sure of; ``offset`` is the first byte at fault."""

    def __init__(self, code: str, offset: int, **params: Any) -> None:
        self.code, self.offset, self.params = code, offset, {"offset": offset, **params}
        super().__init__(code)


#: a well-formed UTF-8 sequence of two to four bytes: text that holds one is UTF-8, whatever else is broken
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
#: charset-normalizer's "mess" above which a guess is not trusted
_MAX_CHAOS = 0.1


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding read: a byte-order mark decides; else UTF-8; else a legacy 8-bit
    encoding, only when the bytes are not mostly UTF-8 and charset-normalizer is sure of it.

    Raises :class:`NotText` with the offset of the first byte at fault when no encoding reads the bytes
    with confidence. A file that is mostly UTF-8 with a few broken bytes (its bytes in well-formed UTF-8
    sequences at least as many as its other bytes over 0x7F) is damaged, not in another encoding; a legacy file
    may hold a pair of bytes that happens to be well-formed UTF-8 ("С»" in cp1251 is such a pair).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                bad = len(bom) + exc.start
                raise NotText("not_valid_after_bom", bad, encoding=encoding) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    in_utf8 = sum(len(m.group(0)) for m in _UTF8_MULTIBYTE.finditer(data))
    if in_utf8 and in_utf8 >= sum(b >= 0x80 for b in data) - in_utf8:  # as much UTF-8 as broken bytes, or more
        raise NotText("damaged_utf8", bad, byte=data[bad])
    guessed = _legacy(data)
    if guessed is None:
        raise NotText("encoding_unknown", bad, byte=data[bad])
    return guessed


def _legacy(data: bytes) -> tuple[str, str] | None:
    """The text of ``data`` in the 8-bit encoding charset-normalizer finds best, if it is sure of it.

    Sure means: little mess in the best reading, and that reading is one a common encoding gives (ties in
    score are frequent on short texts, and cp1250 reads French as cp1252 does; the common encoding that
    gives the same text is named).
    """
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf", "ascii"))]
    if not matches:
        return None
    top = min((m.chaos, -m.coherence) for m in matches)
    if top[0] > _MAX_CHAOS:
        return None
    readings = {str(m) for m in matches if (m.chaos, -m.coherence) == top}
    for encoding in _PREFERRED[1:]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text in readings:
            return text, encoding
    return None


def clean_text(text: str) -> str:
    """Text safe for every renderer: one kind of line end, no control characters, no lone surrogates."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def _page_starts(text: str) -> frozenset[int]:
    """Lines that begin a page: a form feed at the start of a line begins that line's page, one after text
    begins the next line's (``clean_text`` then removes the form feeds, keeping every line)."""
    if "\f" not in text:
        return frozenset()
    starts = set()
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if "\f" in line:
            starts.add(number if not line[: line.index("\f")].strip() else number + 1)
    return frozenset(starts)


def _refuse(path: Path, code: str, line: int | None = None, **params: Any) -> DocumentError:
    return DocumentError(Problem(path, code, params, line))


def read_document(path: Path) -> Document:
    """Read ``path`` into a :class:`Document`; raises :class:`DocumentError` naming the file and the problem."""
    if path.is_dir():
        raise _refuse(path, "document_is_folder")
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, "document_empty")
    if size > MAX_BYTES:
        raise _refuse(path, "document_too_large", size=size, limit=MAX_BYTES)
    data = path.read_bytes()
    utf16 = any(data.startswith(bom) for bom, enc in _BOMS if enc.startswith(("utf-16", "utf-32")))
    if not utf16 and b"\x00" in data[:65536]:
        raise _refuse(path, "document_binary")
    try:
        text, encoding = decode(data)
    except NotText as exc:
        ends = b"\n" if b"\n" in data else b"\r"
        at = data[: exc.offset].count(ends) + 1
        raise _refuse(path, exc.code, at, **exc.params) from None
    pages = _page_starts(text)
    text = clean_text(text)
    if not text.strip():
        raise _refuse(path, "document_no_text")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise _refuse(path, "line_too_long", number, length=len(line), limit=MAX_LINE_CHARS)
    doc = Document(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), body=text, encoding=encoding,
                   page_starts=pages)
    _split_frontmatter(doc)
    return doc


class _FrontmatterLoader(yaml.BaseLoader):
    """YAML with every scalar kept as the text the author wrote (no 0755 → 493, no NO → False),
    and refusing what has no place in frontmatter: aliases (which can expand without limit),
    duplicate keys, tags and deep nesting."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in frontmatter",
                                       problem_mark=event.start_mark)
        tag = getattr(self.peek_event(), "tag", None)
        if tag not in (None, "!"):
            raise yaml.MarkedYAMLError(problem=f"the tag {tag} is not allowed in frontmatter",
                                       problem_mark=self.peek_event().start_mark)
        depth = getattr(self, "_depth", 0)
        if depth > MAX_YAML_DEPTH:
            raise yaml.MarkedYAMLError(problem=f"nesting deeper than {MAX_YAML_DEPTH} levels",
                                       problem_mark=self.peek_event().start_mark)
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _clean_values(value: Any) -> Any:
    """YAML escapes can spell control characters and lone surrogates ("\\ud800"): clean every string."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {_clean_values(k): _clean_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_values(v) for v in value]
    return value


_TOP_KEY = re.compile(r"""^(?P<q>["']?)(?P<key>[^\s"':#][^"':]*?)(?P=q)\s*:(?:\s|$)""")


def _split_frontmatter(doc: Document) -> None:
    lines = doc.text.split("\n")
    if not lines or lines[0].strip() != "---":
        return
    closing = next((i for i in range(1, min(len(lines), MAX_FRONTMATTER_LINES)) if lines[i].strip() in ("---", "...")),
                   None)
    if closing is None:
        raise _refuse(doc.path, "frontmatter_unclosed", 1)
    try:
        metadata = yaml.load("\n".join(lines[1:closing]), Loader=_FrontmatterLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 2 if mark is not None else 1
        reason = exc.problem or "not valid YAML"
        raise _refuse(doc.path, "frontmatter_not_yaml", line, reason=reason) from None
    except yaml.YAMLError as exc:
        raise _refuse(doc.path, "frontmatter_not_yaml", 2, reason=exc.__class__.__name__) from None
    if metadata is None or metadata == "":
        metadata = {}
    if not isinstance(metadata, dict):
        raise _refuse(doc.path, "frontmatter_not_mapping", 2)
    doc.metadata = _clean_values(metadata)
    doc.has_frontmatter = True
    for number in range(1, closing):
        key = _TOP_KEY.match(lines[number])
        if key:
            doc.key_lines.setdefault(key["key"], number + 1)
    doc.body = "\n".join(lines[closing + 1 :])
    doc.body_start = closing + 2
