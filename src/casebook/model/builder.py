"""Records of a case folder to a validated :class:`Case`.

The builder decides which document answers which question (the film's title from the frontmatter,
its director from the ledger before the press kit, ...), adds the source id to every span, and turns
what is missing into warnings. Documents that disagree about which case they are (movieId, movieTitle, two of
one category) never reach it: :func:`~casebook.ingest.folder.read_folder` refuses them. It raises
:class:`CaseError` only for a model that does not validate.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Literal

from pydantic import ValidationError
from slugify import slugify

from casebook.errors import case_error
from casebook.ingest.blocks import Span
from casebook.ingest.business import BusinessRecord
from casebook.ingest.folder import FolderRecords, SourceRecord
from casebook.ingest.ledger import LedgerRecord
from casebook.ingest.plaintext import festival_in
from casebook.ingest.press_kit import Bio, FilmographyEntry, KitParagraph, as_written
from casebook.ingest.records import Claim, Valued
from casebook.model.case import Case, CaseWarning, Source, SourceRef
from casebook.model.conflicts import RawClaim, find_conflicts, reading, resolve_subject, same_name
from casebook.model.exhibits import build_exhibits, recoupment
from casebook.model.people import kind_of, merge_people


def _ref(record: SourceRecord, span: Span) -> dict[str, Any]:
    return {"source": record.id, "first_line": span[0], "last_line": span[1]}


_DIRECTOR_ROLE = re.compile(r"(?:the\s+)?(?:(?:co-?)?writer\s*[-/&]\s*|writer\s+and\s+)?(?:film\s+)?director"
                            r"(?:\s*(?:/|and|&|-)\s*(?:co-?)?writer)?", re.IGNORECASE)


def _with_refs(value: Any, record: SourceRecord) -> Any:
    """Copy of an extracted record with every ``"source": (first, last)`` made a source reference."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "source" and isinstance(item, tuple):
                out[key] = _ref(record, item)
            else:
                out[key] = _with_refs(item, record)
        return out
    if isinstance(value, list):
        return [_with_refs(item, record) for item in value]
    return value


def _title_from_doc(record: SourceRecord) -> str | None:
    """The document's own title: the business title, the ledger title, the headline, the press kit's title."""
    own: str | None = None
    if record.kind == "business":
        own = record.business()["title"]
    elif record.kind == "ledger":
        own = record.ledger()["title"]
    elif record.kind == "press_release":
        headline = record.press_release()["headline"]
        own = headline["value"] if headline else None
    elif record.kind == "press_kit":
        block = record.press_kit()["title_block"]
        own = block.get("title") if block else None
    return str(own)[:200] if own else None


def _no_ledger() -> LedgerRecord:
    """The ledger of a case without one: nothing named, no entries."""
    return {"title": None, "director": None, "director_source": None, "film": None, "film_alternative_title": None,
            "year": None, "film_source": None, "film_line": None, "entries": [], "blocks": []}


def _no_business() -> BusinessRecord:
    """The business analysis of a case without one: no title, no section."""
    return {"title": None, "other_sections": []}


#: the sections of a business analysis a case study needs, with their names
_SECTIONS: tuple[Literal["executive_summary", "analysis", "stakeholders"], ...] = (
    "executive_summary", "analysis", "stakeholders")


def _case_id(folder: FolderRecords) -> str | None:
    """The documents' ``movieId`` (checked to be one single value by :func:`~casebook.ingest.folder.read_folder`)."""
    return next((str(r.doc.metadata["movieId"]).strip() for r in folder.sources if "movieId" in r.doc.metadata), None)


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_slug(title: str) -> str:
    """A file-name-safe slug: ASCII letters, digits and dashes, at most 80 characters, never a device name."""
    slug = slugify(title, max_length=80, word_boundary=True) or "case"
    return f"{slug}-case" if slug in _RESERVED else slug


def _similar(a: str, b: str) -> bool:
    a, b = a.casefold().strip(" ."), b.casefold().strip(" .")
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def build_case(folder: FolderRecords) -> Case:
    """Build the :class:`Case` of one folder's records."""
    case_id = _case_id(folder)
    warnings: list[dict[str, Any]] = []

    def warn(code: str, record: SourceRecord | None = None, span: tuple[int, int] | None = None, **params: Any) -> None:
        item: dict[str, Any] = {"code": code, "params": params}
        if record is not None and span is not None:
            item["source"] = _ref(record, span)
        elif record is not None:
            item["file"] = record.doc.name
        warnings.append(item)

    record: SourceRecord | None
    for record in folder.sources:
        for note in record.notes.items:
            warn(note.code, record, note.span, **note.params)

    business = folder.first("business")
    ledger_rec = folder.first("ledger")
    release = folder.first("press_release")
    kit = folder.first("press_kit")
    for record, kind in ((business, "business"), (ledger_rec, "ledger"), (release, "press_release"), (kit, "press_kit")):
        if record is None:
            warn("missing_document", kind=kind)

    meta_titles = [title for title in (str(r.doc.metadata.get("movieTitle") or "").strip() for r in folder.sources) if title]
    ledger = ledger_rec.ledger() if ledger_rec else _no_ledger()
    film_title = (meta_titles[0] if meta_titles else None) or ledger.get("film") or folder.folder.name
    if not meta_titles:  # no frontmatter anywhere (read_folder refuses frontmatter without a title)
        warn("title_not_given", title=film_title, origin="ledger" if ledger.get("film") else "folder")
    film: dict[str, Any] = {"title": film_title, "alternative_titles": [], "synopsis": []}
    alternative = ledger["film_alternative_title"]
    if alternative and alternative.casefold() != film_title.casefold():
        film["alternative_titles"].append(alternative)
    if ledger.get("year"):
        film["year"] = ledger["year"]

    # director: ledger, then press kit ("a film by"), then press release ("Name, director:")
    director_source = ledger["director_source"]  # given with the director, always
    if ledger_rec and ledger.get("director") and director_source:
        film["director"] = {"value": ledger["director"], "source": _ref(ledger_rec, director_source)}
    else:
        directors: list[tuple[SourceRecord, Valued | None]] = []
        if kit:
            directors.append((kit, kit.press_kit()["director"]))
        if release:
            directors.append((release, release.press_release()["director"]))
        for record, director in directors:
            if director:
                film["director"] = _with_refs(director, record)
                break
    if "director" not in film:  # a stakeholder "Director: Name", or a person the press release calls the director
        named: list[tuple[str, Span, SourceRecord]] = []
        if business:
            named += [(s["people"][0], s["source"], business) for s in business.business().get("stakeholders", [])
                      if _DIRECTOR_ROLE.fullmatch(s["role"].strip()) and s.get("people")]
        if release:
            named += [(p["name"], p["source"], release) for p in release.press_release()["people"]
                      if p.get("role") and _DIRECTOR_ROLE.fullmatch(p["role"].strip())]
        if named:
            name, span, record = named[0]
            film["director"] = {"value": name, "source": _ref(record, span)}

    release_premiere = release.press_release()["premiere"] if release else None
    kit_festival = kit.press_kit()["festival"] if kit else None
    if release and release_premiere:
        film["premiere"] = _with_refs(release_premiere, release)
    elif kit and kit_festival:
        festival = dict(kit_festival)
        festival.pop("year", None)
        film["premiere"] = _with_refs(festival, kit)
    if "premiere" not in film:  # no press release, no festival line in the press kit: the earliest premiere told
        told = [(p["date"], order, _with_refs(p, r)) for order, r in enumerate((ledger_rec, business, kit)) if r
                for p in r.premieres]
        if told:
            film["premiere"] = min(told, key=lambda found: found[:2])[2]
    premiere = film.get("premiere") or {}
    if "year" not in film and premiere.get("date"):
        film["year"] = premiere["date"].year

    if kit:
        film["synopsis"] = _with_refs(
            [{"text": {"runs": [{"text": p["text"]}]}, "source": p["source"]} for p in kit.press_kit()["synopsis"]], kit
        )
        runtime = _runtime(kit, film)
        if runtime:
            film["runtime"] = runtime
    if "director" not in film:
        warn("no_director")

    data = business.business() if business else _no_business()
    body: dict[str, Any] = {
        "id": case_id or slugify(film_title) or "case",
        "slug": safe_slug(film_title),
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
        body["stakeholder_blocks"] = _with_refs(data.get("stakeholder_blocks", []), business)
        body["business_sections"] = _with_refs(data.get("other_sections", []), business)
        for key in _SECTIONS:
            if not data.get(key) and not (key == "stakeholders" and data.get("stakeholder_blocks")):
                warn("business_section_missing", business, section=key)
    if ledger_rec and (ledger.get("entries") or ledger.get("blocks")):
        body["ledger"] = _with_refs(
            {"title": ledger["title"], "director": ledger["director"], "film": ledger["film"],
             "film_alternative_title": ledger["film_alternative_title"], "film_line": ledger["film_line"],
             "year": ledger["year"], "entries": ledger["entries"], "blocks": ledger["blocks"], "source": ledger["source"]},
            ledger_rec,
        )
    body["press"] = _press(release, kit)
    body["people"] = merge_people(_mentions(folder, film))
    body["timeline"] = _timeline(folder, film)
    claims = _claims(folder, film)
    body["conflicts"] = find_conflicts(claims, _period(film, claims))
    body["statements"] = [_statement(c) for c in claims]
    body["exhibits"] = build_exhibits(body)
    body["recoupment"] = recoupment(body["exhibits"])
    if case_id is None:
        warn("no_movie_id")
    body["warnings"] = warnings
    try:
        return Case.model_validate(body)
    except ValidationError as exc:  # a bug in extraction, or input no extractor foresaw
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise case_error(folder.folder, "case_model_invalid", key=where, reason=first["msg"]) from None


def _runtime(kit: SourceRecord, film: dict[str, Any]) -> dict[str, Any] | None:
    """The film's running time: a 'Running time' line first, else the film's filmography entry."""
    data = kit.press_kit()
    if data["runtimes"]:
        best = data["runtimes"][-1] if len(data["runtimes"]) > 1 else data["runtimes"][0]
        for candidate in data["runtimes"]:
            if candidate["text"].lower().startswith("running"):
                best = candidate
        return {"minutes": best["minutes"], "text": best["text"], "source": _ref(kit, best["source"])}
    names = [film["title"], *film.get("alternative_titles", [])]
    for filmography in data["filmographies"]:
        for entry in filmography["entries"]:
            titles = [entry["title"], entry.get("alternative_title") or ""]
            year_ok = film.get("year") in (None, entry["year"])
            if entry["minutes"] and year_ok and any(_similar(t, n) for t in titles if t for n in names):
                line = kit.doc.text.split("\n")[entry["source"][0] - 1].strip()  # the entry as the source writes it
                return {"minutes": entry["minutes"], "text": line, "source": _ref(kit, entry["source"])}
    return None


def _paragraphs(items: list[KitParagraph], record: SourceRecord) -> list[dict[str, Any]]:
    return [{"text": {"runs": [{"text": p["text"]}]}, "source": _ref(record, p["source"])} for p in items]


def _press(release: SourceRecord | None, kit: SourceRecord | None) -> dict[str, Any]:
    """What the press documents say, for the case study's press and production pages."""
    press: dict[str, Any] = {}
    if release:
        told = release.press_release()
        if told.get("headline"):
            press["headline"] = _with_refs(told["headline"], release)
        press["quotes"] = _with_refs(told.get("quotes", []), release)
        press["awards"] = _with_refs(told.get("awards", []), release)
    if kit:
        data = kit.press_kit()
        press["quotes"] = press.get("quotes", []) + _with_refs(data.get("quotes", []), kit)
        press["interviewee"] = data.get("interviewee")
        press["interview"] = [
            {"question": qa["question"], "source": _ref(kit, qa["source"]),
             "answer": [p | {"speaker": a["speaker"]} if a.get("speaker") else p
                        for a, p in zip(qa["answer"], _paragraphs(qa["answer"], kit), strict=True)]}
            for qa in data.get("interview", [])
        ]
        press["statement"] = _paragraphs(data.get("statement", []), kit)
        press["notes"] = _paragraphs(data.get("notes", []), kit)
        press["footnotes"] = [
            {"marker": str(f["marker"]), "text": f["text"], "source": _ref(kit, f["source"]),
             "cited_at": _ref(kit, f["cited_at"]) if f.get("cited_at") else None}
            for f in data.get("footnotes", [])
        ]
        press["production"] = [
            {"attribute": f["attribute"], "value": f["value"], "text": f["text"], "source": _ref(kit, f["source"])}
            for f in data.get("production", [])
        ]
        press["filmographies"] = [
            {"year": e.get("year"), "title": e.get("title"), "alternative_title": e.get("alternative_title"),
             "minutes": e.get("minutes"), "kind": e.get("kind"), "person": block.get("person"),
             "source": _ref(kit, e["source"])}
            for block in data.get("filmographies", []) for e in block["entries"]
        ]
    return press


def _mention(name: str, role: str | None, record: SourceRecord, span: Span, **extra: Any) -> dict[str, Any]:
    return {"name": name, "role": role, "kind": kind_of(name, role), "source": _ref(record, span), **extra}


def _mentions(folder: FolderRecords, film: dict[str, Any]) -> list[dict[str, Any]]:
    """Every place that names a person or organisation, in source order."""
    found: list[dict[str, Any]] = []
    for record in folder.sources:
        if record.kind == "ledger":
            ledger = record.ledger()
            director, director_source = ledger["director"], ledger["director_source"]  # given together, always
            if director and director_source:
                found.append(_mention(director, "director", record, director_source))
        if record.kind == "business":
            for holder in record.business().get("stakeholders", []):
                role: str | None = re.sub(r"^(?:the|our)\s+", "", holder["role"], flags=re.IGNORECASE)
                for name in holder["people"]:
                    found.append(_mention(name, role or None, record, holder["source"]))
        if record.kind == "press_release":
            release = record.press_release()
            for person in release.get("people", []):
                found.append(_mention(person["name"], person["role"], record, person["source"]))
            for quote in release.get("quotes", []):
                if quote["speaker"]:
                    found.append(_mention(quote["speaker"], quote.get("role"), record, quote["source"]))
            for company in release.get("companies", []):
                found.append(_mention(company["name"], company["role"], record, company["source"]) | {"kind": "organisation"})
        if record.kind == "press_kit":
            data = record.press_kit()
            if data["director"]:
                found.append(_mention(data["director"]["value"], "director", record, data["director"]["source"]))
            for quote in data.get("quotes", []):
                if quote["speaker"]:
                    found.append(_mention(quote["speaker"], quote.get("role"), record, quote["source"]))
            for bio in data.get("bios", []):
                if not bio["name"]:
                    continue  # a biography that names no one: no mention of anyone
                found.append(_mention(bio["name"], bio.get("role"), record, bio["source"], born=bio.get("birth_date"),
                                      born_year=bio.get("birth_year"), birthplace=bio.get("birthplace"),
                                      training=bio.get("training") or []))
            for fact in data.get("production", []):
                if fact.get("name"):
                    found.append(_mention(fact["name"], fact.get("role"), record, fact["source"]))
                elif fact["attribute"] in ("co_writer", "producer"):
                    found.append(_mention(fact["value"], fact["attribute"].replace("_", "-"), record, fact["source"]))
                elif fact["attribute"] == "co_producer":  # read as a company by its pattern ("co-production with X")
                    found.append(_mention(fact["value"], "co-producer", record, fact["source"]) | {"kind": "organisation"})
            for block in data.get("filmographies", []):  # "1999 – TITLE, dir. Anna Roe": named, with no role here
                for entry in block["entries"]:
                    if "director" in entry and entry["director"]:
                        found.append(_mention(entry["director"], None, record, entry["source"]))
            for credit in data.get("credits", []):
                role = credit["role"] if credit.get("section") != "cast" else \
                    f"cast: {credit['role']}" if credit.get("role") else "cast"
                for name in credit.get("names", []):
                    found.append(_mention(name, role, record, credit["source"]))
    return found


def _timeline(folder: FolderRecords, film: dict[str, Any]) -> list[dict[str, Any]]:
    """Dated events of every source, oldest first, each told as the sources make it certain.

    A sentence that tells an event is kept in its words. A birth told in a press kit's biography is that
    person's, born where the biography says; a year in a filmography is the film's release, the film named as
    the documents write its title; a premiere on a line that is no sentence ("World Premiere – <festival> – <date>")
    is the festival's. Any other event on a line that is no sentence (a table row, a label and its value, a
    credit) is left out of the timeline: unsure, it says nothing there (its document still shows the line).
    """
    texts = "\n".join(r.doc.text for r in folder.sources)
    titles = [film["title"], *film.get("alternative_titles", [])]
    events: list[dict[str, Any]] = []
    for record in folder.sources:
        bios = record.press_kit().get("bios", []) if record.kind == "press_kit" else []
        for found in record.events:
            event: dict[str, Any] = dict(found)
            sentence = event.pop("prose", True)
            if event["kind"] == "born":
                event.update(_birth(event, bios))
            elif event["kind"] == "premiered" and not sentence:
                festival = festival_in(event["text"]).get("festival")
                if festival:
                    event["subject"] = festival
            if event.get("subject") or sentence:
                events.append(_with_refs(event, record))
        for block in record.press_kit().get("filmographies", []) if record.kind == "press_kit" else []:
            for entry in block["entries"]:
                line = record.doc.text.split("\n")[entry["source"][0] - 1].strip()
                events.append({"kind": "released", "year": entry["year"], "month": None, "date": None, "text": line,
                               "subject": _film_title(entry, titles, texts), "source": _ref(record, entry["source"])})
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event in events:
        told = fold_text(event["subject"]) if event.get("subject") else fold_text(event["text"])
        unique.setdefault((event["kind"], event["year"], event["month"], event["date"], told), event)
    return sorted(unique.values(), key=lambda e: (e["year"], e["month"] or 0, e["date"].day if e["date"] else 0))


_BORN_LEAD = re.compile(r"\s*(?:Born|(?:He|She|They)\s+(?:was|were)\s+born)\b")


def _birth(event: dict[str, Any], bios: list[Bio]) -> dict[str, Any]:
    """Whose birth a sentence of a biography tells, and where: the biography's person when the sentence names
    them (or opens "Born …", "She was born …") and gives the year the biography gives; else nothing."""
    first, last = event["source"]
    for bio in bios:
        name = bio["name"]
        if not (bio["source"][0] <= first and last <= bio["source"][1]) or not name:
            continue
        born = bio["birth_date"]
        year = born.year if born else bio.get("birth_year")
        surname = name.split()[-1]
        named = re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", event["text"], re.IGNORECASE) is not None
        if year == event["year"] and (named or _BORN_LEAD.match(event["text"])):
            return {"subject": name, "place": bio.get("birthplace")}
        return {}
    return {}


def _film_title(entry: FilmographyEntry, titles: list[str], prose: str) -> str:
    """A filmography's title as the case writes it: the film's own title when it is that film; an all-capitals
    title as the documents' running text writes it ("THE HOST" → "The Host"), else as the line writes it."""
    for written in (entry["title"], entry.get("alternative_title")):
        for title in titles:
            if written and _similar(written, title):
                return title
    title = entry["title"]
    return (as_written(title, prose) or title) if title.isupper() else title


def _statement(claim: RawClaim) -> dict[str, Any]:
    # the film's budget and its worldwide (or unscoped) gross: the figures the budget exhibit sets side by side
    money = (claim.attribute in ("budget", "box_office") and claim.typed.get("type") == "money"
             and claim.subject_kind == "film" and claim.scope in (None, "worldwide"))
    typed = claim.typed
    return {
        "attribute": claim.attribute, "subject": claim.subject, "scope": claim.scope, "value": claim.value,
        "reading": reading(claim),
        "amount": {"kind": "money", "text": claim.value}
        | {k: typed[k] for k in ("value", "lower", "upper", "approximate", "currency") if typed.get(k) is not None}
        if money else None,
        "source": {"source": claim.source, "first_line": claim.span[0], "last_line": claim.span[1]},
    }


def _period(film: dict[str, Any], claims: list[RawClaim]) -> dt.date | None:
    """The month whose exchange rates convert the case's money: its premiere's, else the middle of its year, else
    the month of the earliest premiere a source dates to the month or the day."""
    premiere = film.get("premiere") or {}
    if isinstance(premiere.get("date"), dt.date):
        return premiere["date"]
    if str(film.get("year") or "").isdigit():
        return dt.date(int(film["year"]), 7, 1)
    told = sorted(c.typed["iso"][:7] for c in claims if c.attribute == "premiere_date" and c.subject_kind == "film"
                  and c.typed.get("precision") in ("day", "month"))
    return dt.date(int(told[0][:4]), int(told[0][5:7]), 1) if told else None


def fold_text(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _claims(folder: FolderRecords, film: dict[str, Any]) -> list[RawClaim]:
    """Every claim of every source about a subject the text makes certain, with filmography years, film lengths
    and birth dates added."""
    director = (film.get("director") or {}).get("value")
    titles = [film["title"], *film.get("alternative_titles", [])]
    for record in folder.sources:  # the title in the original language, as the frontmatter gives it
        for key in ("movieTitle", "originalTitle"):
            value = record.doc.metadata.get(key)
            if isinstance(value, str) and value.strip() and value.strip() not in titles:
                titles.append(value.strip())
    claims: list[RawClaim] = []

    def add(item: Claim, record: SourceRecord, subject: tuple[str, str] | None = None) -> None:
        said = item.get("subject")
        if subject is None and said:
            # a short film and a feature of the same title are two works
            kind = {"birth": "person", "event_year": "event"}.get(item["attribute"], "short" if item.get("short") else "title")
            subject = (kind, said)
            if item["attribute"] == "birth" and said in ("director", "filmmaker"):
                if not director:
                    return
                subject = ("person", director)
        if subject is None:
            subject = resolve_subject(item, titles) if item["typed"].get("type") != "legacy" else ("film", titles[0])
        if subject is None:
            return  # the sentence does not make certain what the claim is about
        kind, name = subject
        claims.append(RawClaim(item["attribute"], name, item["value"], item["typed"], record.id, item["source"],
                               scope=item.get("scope"), subject_kind=kind))

    for record in folder.sources:
        for item in record.claims:
            add(item, record)
        if record.kind != "press_kit":
            continue
        kit = record.press_kit()
        for block in kit.get("filmographies", []):
            for entry in block["entries"]:
                line = record.doc.text.split("\n")[entry["source"][0] - 1].strip()
                short = entry.get("kind") == "short" or (entry.get("minutes") or 99) < 40
                add({"attribute": "title_year", "subject": entry["title"].title(), "value": line, "short": short,
                     "typed": {"type": "legacy", "value": entry["year"]}, "source": entry["source"]}, record)
                names = [entry["title"], entry.get("alternative_title") or ""]
                same_work = film.get("year") in (None, entry["year"]) and entry.get("kind") != "short"
                if entry.get("minutes") and same_work and any(same_name(n, t) for n in names if n for t in titles):
                    add({"attribute": "runtime", "value": line, "source": entry["source"],
                         "typed": {"type": "duration", "amount": entry["minutes"], "unit": "minute"}}, record,
                        ("film", titles[0]))
        for bio in kit.get("bios", []):
            born = bio["birth_date"]
            year = born.year if born else bio.get("birth_year")
            if year and bio["name"]:
                add({"attribute": "birth", "subject": bio["name"], "value": bio.get("text", "")[:160] or str(year),
                     "typed": {"type": "legacy", "value": [year, year]}, "source": bio["source"]}, record)
    return claims


__all__ = ["build_case", "CaseWarning", "SourceRef"]
