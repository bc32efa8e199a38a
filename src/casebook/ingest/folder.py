"""Read a case folder: find its source documents, read and classify each, extract its records.

Problems that stop a document from being read are collected over the whole folder, so that the user
sees them all at once (:class:`casebook.errors.CaseError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from casebook.discover import document_paths
from casebook.errors import CaseError, Problem, case_error
from casebook.ingest.blocks import parse_blocks
from casebook.ingest.business import BusinessRecord, extract_business
from casebook.ingest.claims import claims_in, title_years
from casebook.ingest.classify import SourceKind, classify
from casebook.ingest.document import Document, DocumentError, read_document
from casebook.ingest.events import Event, events_in
from casebook.ingest.ledger import LedgerRecord, extract_ledger
from casebook.ingest.plaintext import file_lines, page_debris, premiere_in
from casebook.ingest.press_kit import PressKitRecord, extract_press_kit, section_heading
from casebook.ingest.press_release import PressReleaseRecord, extract_press_release
from casebook.ingest.records import Claim, Notes, Premiere
from casebook.ingest.sentences import sentences

#: what one document gives, by its kind (an unrecognised document gives nothing: ``{}``)
DocumentData = BusinessRecord | LedgerRecord | PressReleaseRecord | PressKitRecord


@dataclass
class SourceRecord:
    """One source document with what was extracted from it: the record of its kind (``data``; read it through
    :meth:`business`, :meth:`ledger`, :meth:`press_release` or :meth:`press_kit`), the claims and dated events of
    its sentences, and every premiere a sentence tells with its day and festival."""

    id: str
    doc: Document
    kind: SourceKind
    data: DocumentData | dict[str, object] = field(default_factory=dict)
    notes: Notes = field(default_factory=Notes)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    premieres: list[Premiere] = field(default_factory=list)

    def _of(self, kind: str) -> DocumentData:
        if self.kind != kind:
            raise TypeError(f"{self.doc.name} is a {self.kind} document, not a {kind}")
        return cast(DocumentData, self.data)

    def business(self) -> BusinessRecord:
        return cast(BusinessRecord, self._of("business"))

    def ledger(self) -> LedgerRecord:
        return cast(LedgerRecord, self._of("ledger"))

    def press_release(self) -> PressReleaseRecord:
        return cast(PressReleaseRecord, self._of("press_release"))

    def press_kit(self) -> PressKitRecord:
        return cast(PressKitRecord, self._of("press_kit"))


@dataclass
class FolderRecords:
    folder: Path
    sources: list[SourceRecord]
    skipped: list[Path] = field(default_factory=list)

    def first(self, kind: str) -> SourceRecord | None:
        """The document of ``kind`` the case is built from: one that declares its category in its frontmatter
        before one recognised by its content."""
        return next((s for s in sorted(self.sources, key=lambda s: not s.doc.has_frontmatter) if s.kind == kind), None)


def _outside(path: Path, folder: Path) -> bool:
    """True for a symbolic link that leads out of the case folder."""
    if not path.is_symlink():
        return False
    target = path.resolve()
    return not target.is_relative_to(folder.resolve())


def _extract(record: SourceRecord) -> None:
    doc, notes = record.doc, record.notes
    if record.kind in ("business", "ledger"):
        blocks = parse_blocks(doc)
        extract = extract_business if record.kind == "business" else extract_ledger
        record.data = extract(blocks, notes)
        record.claims.extend(title_years(blocks))
    elif record.kind == "press_release":
        record.data = extract_press_release(doc, notes)
    elif record.kind == "press_kit":
        record.data = extract_press_kit(doc, notes)
    else:
        category = doc.metadata.get("categoryName")
        if category:
            notes.warn("unknown_category", category=str(category))
        else:
            notes.warn("unrecognised_document")
        return
    context_year = _document_year(record)
    for sentence in sentences(doc):
        record.claims.extend(claims_in(sentence, context_year))
        events = events_in(sentence)
        record.events.extend(events)
        day = next((e["date"] for e in events if e["kind"] == "premiered" and e.get("date")), None)
        premiere = premiere_in(sentence.text, day) if day else None
        if premiere and premiere.get("festival"):
            record.premieres.append({**premiere, "source": sentence.span})


def _clear_debris(doc: Document) -> None:
    """Blank the page furniture of text extracted from a PDF (running headers and footers, page labels), so that
    no extractor reads it as content; every other line keeps its number."""
    debris = page_debris(file_lines(doc), doc.page_starts, keep=section_heading)
    if debris:
        lines = doc.text.split("\n")
        doc.text = doc.body = "\n".join("" if number in debris else line for number, line in enumerate(lines, 1))


def _document_year(record: SourceRecord) -> int | None:
    """The year a press release speaks from (its dateline or premiere), for "the 25-year-old director"."""
    if record.kind != "press_release":
        return None
    data = record.press_release()
    for item in (data["dateline"], data["premiere"]):
        if item and item["date"]:
            return item["date"].year
    return None


_UNICODE = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›「」『』]")


def same_title(a: str, b: str) -> bool:
    """Two titles are one when they differ only in letter case, white space and quote marks."""
    def fold(title: str) -> str:
        return " ".join(_QUOTES.sub("", title).casefold().split())

    return fold(a) == fold(b)


def identity_problems(sources: list[SourceRecord]) -> list[Problem]:
    """What makes the documents of a folder fail to be one case, never guessed: a ``movieId`` that is not a
    single value or differs between documents; a ``movieTitle`` missing or empty (a warning when another
    document gives it) or differing; two documents declaring one category. Warnings go to the documents' notes.
    """
    problems: list[Problem] = []
    declared = [r for r in sources if r.doc.has_frontmatter]

    def line(record: SourceRecord, key: str) -> int:
        return record.doc.key_lines.get(key, 2)  # the field's line, else the frontmatter's first

    ids: dict[str, SourceRecord] = {}
    for record in declared:
        if "movieId" not in record.doc.metadata:
            continue
        value = record.doc.metadata["movieId"]
        if isinstance(value, (dict, list)) or value is None:
            problems.append(Problem(record.doc.path, "movie_id_not_single", {"type": type(value).__name__},
                                    line(record, "movieId")))
            continue
        ids.setdefault(str(value).strip(), record)
    if len(ids) > 1:
        first = next(iter(ids.values()))
        problems.append(Problem(first.doc.path, "movie_ids_differ",
                                {"ids": [(k, r.doc.name) for k, r in ids.items()]}, line(first, "movieId")))

    titled: list[tuple[SourceRecord, str]] = []
    untitled: list[tuple[SourceRecord, str]] = []
    for record in declared:
        value = record.doc.metadata.get("movieTitle")
        if isinstance(value, (dict, list)):
            problems.append(Problem(record.doc.path, "movie_title_not_single", {"type": type(value).__name__},
                                    line(record, "movieTitle")))
        elif value is None or not str(value).strip():
            untitled.append((record, "missing" if "movieTitle" not in record.doc.metadata else "empty"))
        else:
            titled.append((record, str(value).strip()))
    for record, what in untitled:
        if titled:
            giver, title = titled[0]
            record.notes.warn("title_from_other_document", state=what, title=title, file=giver.doc.name)
        else:
            problems.append(Problem(record.doc.path, "movie_title_not_given", {"state": what},
                                    line(record, "movieTitle")))
    if titled:
        first, title = titled[0]
        for record, other in titled[1:]:
            if not same_title(title, other):
                problems.append(Problem(record.doc.path, "movie_titles_differ",
                                        {"title": other, "first_title": title, "first_file": first.doc.name,
                                         "first_line": line(first, "movieTitle")}, line(record, "movieTitle")))

    by_kind: dict[str, SourceRecord] = {}
    for record in sources:
        if record.kind == "unknown":
            continue
        earlier = by_kind.setdefault(record.kind, record)
        if earlier is record:
            continue
        if record.doc.has_frontmatter and earlier.doc.has_frontmatter:
            category = record.doc.metadata.get("categoryName")
            problems.append(Problem(record.doc.path, "category_twice", {"category": category, "first_file": earlier.doc.name},
                                    line(record, "categoryName")))
        else:
            used = earlier if earlier.doc.has_frontmatter or not record.doc.has_frontmatter else record
            unused = record if used is earlier else earlier
            unused.notes.warn("second_document", kind=record.kind, used=used.doc.name)
    return problems


def read_folder(folder: Path) -> FolderRecords:
    """Read every source document of ``folder``; raises :class:`CaseError` listing every unreadable one."""
    if not folder.is_dir():
        raise case_error(folder, "case_not_folder")
    problems: list[Problem] = []
    sources: list[SourceRecord] = []
    skipped: list[Path] = []
    for path in document_paths(folder):
        if _outside(path, folder):
            problems.append(Problem(path, "link_outside_case", {"target": path.resolve()}))
            continue
        try:
            doc = read_document(path)
        except DocumentError as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(path, "document_unreadable", {"reason": exc.strerror or exc}))
            continue
        kind = classify(doc)
        if kind is None:
            skipped.append(path)
            continue
        if kind in ("press_kit", "press_release") and not doc.has_frontmatter:
            _clear_debris(doc)
        record = SourceRecord(id=f"S{len(sources) + 1}", doc=doc, kind=kind)
        if doc.encoding not in _UNICODE:
            record.notes.warn("legacy_encoding", encoding=doc.encoding)
        _extract(record)
        sources.append(record)
    problems.extend(identity_problems(sources))
    if problems:
        raise CaseError(problems)
    if not sources:
        raise case_error(folder, "case_no_documents")
    return FolderRecords(folder=folder, sources=sources, skipped=skipped)
