"""Read a case folder: find its source documents, read and classify each, extract its records.

Problems that stop a document from being read are collected over the whole folder, so that the user
sees them all at once (:class:`casebook.errors.CaseError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casebook.discover import document_paths
from casebook.errors import CaseError, Problem
from casebook.ingest.blocks import parse_blocks
from casebook.ingest.business import extract_business
from casebook.ingest.claims import claims_in, title_years
from casebook.ingest.classify import classify
from casebook.ingest.document import Document, DocumentError, read_document
from casebook.ingest.events import events_in
from casebook.ingest.ledger import extract_ledger
from casebook.ingest.plaintext import premiere_in
from casebook.ingest.press_kit import extract_press_kit
from casebook.ingest.press_release import extract_press_release
from casebook.ingest.records import Notes
from casebook.ingest.sentences import sentences


@dataclass
class SourceRecord:
    """One source document with what was extracted from it."""

    id: str
    doc: Document
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: Notes = field(default_factory=Notes)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class FolderRecords:
    folder: Path
    sources: list[SourceRecord]
    skipped: list[Path] = field(default_factory=list)

    def first(self, kind: str) -> SourceRecord | None:
        return next((s for s in self.sources if s.kind == kind), None)


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
        notes.warn(f"unknown categoryName {category!r}: kept as a source, nothing extracted" if category
                   else "not recognised as a business analysis, ledger, press release or press kit")
        return
    context_year = _document_year(record)
    premieres = record.data.setdefault("premieres", [])  # every premiere told with its day and festival
    for sentence in sentences(doc):
        record.claims.extend(claims_in(sentence, context_year))
        events = events_in(sentence)
        record.events.extend(events)
        day = next((e["date"] for e in events if e["kind"] == "premiered" and e.get("date")), None)
        premiere = premiere_in(sentence.text, day) if day else None
        if premiere and premiere.get("festival"):
            premieres.append({**premiere, "source": sentence.span})


def _document_year(record: SourceRecord) -> int | None:
    """The year a press release speaks from (its dateline or premiere), for "the 25-year-old director"."""
    for key in ("dateline", "premiere"):
        item = record.data.get(key) or {}
        if item.get("date"):
            return item["date"].year
    return None


def read_folder(folder: Path) -> FolderRecords:
    """Read every source document of ``folder``; raises :class:`CaseError` listing every unreadable one."""
    if not folder.is_dir():
        raise CaseError([Problem(folder, "is not a folder")])
    problems: list[Problem] = []
    sources: list[SourceRecord] = []
    skipped: list[Path] = []
    for path in document_paths(folder):
        if _outside(path, folder):
            problems.append(Problem(path, f"is a symbolic link to {path.resolve()}, outside the case folder: not followed"))
            continue
        try:
            doc = read_document(path)
        except DocumentError as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(path, f"cannot be read: {exc.strerror or exc}"))
            continue
        kind = classify(doc)
        if kind is None:
            skipped.append(path)
            continue
        record = SourceRecord(id=f"S{len(sources) + 1}", doc=doc, kind=kind)
        _extract(record)
        sources.append(record)
    if problems:
        raise CaseError(problems)
    if not sources:
        raise CaseError([Problem(folder, "holds no source documents (.txt or .md files)")])
    return FolderRecords(folder=folder, sources=sources, skipped=skipped)
