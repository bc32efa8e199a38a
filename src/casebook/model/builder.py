"""Records of a case folder to a validated :class:`Case`.

The builder decides which document answers which question (the film's title from the frontmatter,
its director from the ledger before the press kit, ...), adds the source id to every span, and turns
what is missing into warnings. It raises :class:`CaseError` only for what makes a case meaningless:
documents that disagree about which case they belong to.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import ValidationError
from slugify import slugify

from casebook.errors import CaseError, Problem
from casebook.ingest.folder import FolderRecords, SourceRecord
from casebook.model.case import Case, CaseWarning, Source, SourceRef


def _ref(record: SourceRecord, span: tuple[int, int]) -> dict[str, Any]:
    return {"source": record.id, "first_line": span[0], "last_line": span[1]}


def _with_refs(value: Any, record: SourceRecord) -> Any:
    """Copy of an extracted record with every ``"source": (first, last)`` made a source reference."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "source" and isinstance(item, tuple):
                out[key] = _ref(record, item)
            else:
                out[key] = _with_refs(item, record)
        return out
    if isinstance(value, list):
        return [_with_refs(item, record) for item in value]
    return value


def _title_from_doc(record: SourceRecord) -> str:
    for line in record.doc.body.splitlines():
        text = re.sub(r"[*_#]+", "", line).strip()
        if text:
            return text[:200]
    return record.doc.name


def _case_id(folder: FolderRecords) -> tuple[str | None, list[Problem]]:
    ids: dict[str, SourceRecord] = {}
    problems = []
    for record in folder.sources:
        if "movieId" not in record.doc.metadata:
            continue
        value = record.doc.metadata["movieId"]
        if isinstance(value, (dict, list)) or value is None:
            problems.append(Problem(record.doc.path, f"movieId must be a single value, not {type(value).__name__}", 2))
            continue
        ids.setdefault(str(value).strip(), record)
    if len(ids) > 1:
        listed = ", ".join(f"{k} ({r.doc.name})" for k, r in ids.items())
        problems.append(Problem(folder.folder, f"documents belong to different cases: movieId {listed}"))
    return (next(iter(ids), None), problems)


def _similar(a: str, b: str) -> bool:
    a, b = a.casefold().strip(" ."), b.casefold().strip(" .")
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def build_case(folder: FolderRecords) -> Case:
    """Build the :class:`Case` of one folder's records."""
    case_id, problems = _case_id(folder)
    if problems:
        raise CaseError(problems)
    warnings: list[dict[str, Any]] = []

    def warn(message: str, record: SourceRecord | None = None, span: tuple[int, int] | None = None) -> None:
        item: dict[str, Any] = {"message": message}
        if record is not None and span is not None:
            item["source"] = _ref(record, span)
        elif record is not None:
            item["file"] = record.doc.name
        warnings.append(item)

    for record in folder.sources:
        for message, span in record.notes.items:
            warn(message, record, span)

    business = folder.first("business")
    ledger_rec = folder.first("ledger")
    release = folder.first("press_release")
    kit = folder.first("press_kit")
    for record, what in (
        (business, "business analysis (categoryName: BUSINESS)"),
        (ledger_rec, "director's ledger (categoryName: LEDGER)"),
        (release, "press release"),
        (kit, "press kit"),
    ):
        if record is None:
            warn(f"the case has no {what}")

    meta_titles = [str(r.doc.metadata["movieTitle"]).strip() for r in folder.sources if r.doc.metadata.get("movieTitle")]
    ledger = ledger_rec.data if ledger_rec else {}
    film_title = (meta_titles[0] if meta_titles else None) or ledger.get("film") or folder.folder.name
    film: dict[str, Any] = {"title": film_title, "alternative_titles": [], "synopsis": []}
    if ledger.get("film_alternative_title"):
        film["alternative_titles"].append(ledger["film_alternative_title"])
    if ledger.get("year"):
        film["year"] = ledger["year"]

    # director: ledger, then press kit ("a film by"), then press release ("Name, director:")
    if ledger_rec and ledger.get("director"):
        film["director"] = {"value": ledger["director"], "source": _ref(ledger_rec, ledger["director_source"])}
    else:
        for record in (kit, release):
            if record and record.data.get("director"):
                film["director"] = _with_refs(record.data["director"], record)
                break

    if release and release.data.get("premiere"):
        film["premiere"] = _with_refs(release.data["premiere"], release)
    elif kit and kit.data.get("festival"):
        festival = dict(kit.data["festival"])
        festival.pop("year", None)
        film["premiere"] = _with_refs(festival, kit)
    premiere = film.get("premiere") or {}
    if "year" not in film and premiere.get("date"):
        film["year"] = premiere["date"].year

    if kit:
        film["synopsis"] = _with_refs(
            [{"text": {"runs": [{"text": p["text"]}]}, "source": p["source"]} for p in kit.data["synopsis"]], kit
        )
        runtime = _runtime(kit, film)
        if runtime:
            film["runtime"] = runtime
    if "director" not in film:
        warn("no document names the film's director")

    data = business.data if business else {}
    body = {
        "id": case_id or slugify(film_title) or "case",
        "slug": slugify(film_title, max_length=80, word_boundary=True) or "case",
        "title": data.get("title") or ledger.get("title") or film_title,
        "film": film,
        "sources": [
            Source(id=r.id, file=r.doc.name, kind=r.kind, title=_title_from_doc(r), sha256=r.doc.sha256,
                   lines=r.doc.line_count)
            for r in folder.sources
        ],
    }
    if business:
        body["executive_summary"] = _with_refs(data.get("executive_summary", []), business)
        if data.get("analysis"):
            body["analysis"] = _with_refs(data["analysis"], business)
        body["stakeholders"] = _with_refs(data.get("stakeholders", []), business)
        for key, what in (("executive_summary", "Executive Summary"), ("analysis", "Strategic Analysis"),
                          ("stakeholders", "Stakeholder Balance Sheet")):
            if not data.get(key):
                warn(f"the business analysis has no {what} section", business)
    if ledger_rec and ledger.get("entries"):
        body["ledger"] = _with_refs(
            {k: ledger[k] for k in ("title", "director", "film", "film_alternative_title", "year", "entries", "source")},
            ledger_rec,
        )
    if case_id is None:
        warn("no document gives a movieId; the case is named after its film title")
    body["warnings"] = warnings
    try:
        return Case.model_validate(body)
    except ValidationError as exc:  # a bug in extraction, or input no extractor foresaw
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CaseError([Problem(folder.folder, f"could not build the case model: {where}: {first['msg']}")]) from None


def _runtime(kit: SourceRecord, film: dict[str, Any]) -> dict[str, Any] | None:
    """The film's running time: a 'Running time' line first, else the film's filmography entry."""
    if kit.data["runtimes"]:
        best = kit.data["runtimes"][-1] if len(kit.data["runtimes"]) > 1 else kit.data["runtimes"][0]
        for candidate in kit.data["runtimes"]:
            if candidate["text"].lower().startswith("running"):
                best = candidate
        return {"minutes": best["minutes"], "text": best["text"], "source": _ref(kit, best["source"])}
    names = [film["title"], *film.get("alternative_titles", [])]
    for filmography in kit.data["filmographies"]:
        for entry in filmography["entries"]:
            titles = [entry["title"], entry.get("alternative_title") or ""]
            year_ok = film.get("year") in (None, entry["year"])
            if entry["minutes"] and year_ok and any(_similar(t, n) for t in titles if t for n in names):
                return {"minutes": entry["minutes"], "text": f"{entry['minutes']} min", "source": _ref(kit, entry["source"])}
    return None


__all__ = ["build_case", "CaseWarning", "SourceRef"]
