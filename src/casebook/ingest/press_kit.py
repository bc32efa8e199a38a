"""The press kit (text extracted from a PDF): title block, credits, synopsis, interview, statement, notes, bios.

The text is what a PDF gives: hard-wrapped lines, all-capitals headings, page numbers, footnote markers glued
to words and footnote bodies dropped into the running text wherever a page ended. The debris is cleared first
(:func:`~casebook.ingest.plaintext.split_footnotes`), then the document is cut into sections at its headings
and each kind of section is read on its own. Every record carries ``"source": (first_line, last_line)``, lines
of the file. Nothing here knows a particular film: the rules are patterns over the family of press kits.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from casebook.ingest.blocks import Span
from casebook.ingest.claims.lexicon import lexicon as claim_words
from casebook.ingest.dates import find_dates
from casebook.ingest.document import Document
from casebook.ingest.names import lexicon, looks_like_person, normal_role, split_other_script
from casebook.ingest.plaintext import (
    ROLE_IN_PARENS,
    RUNNING_TIME,
    Footnote,
    Line,
    Para,
    ends_sentence,
    festival_in,
    file_lines,
    is_heading,
    is_page_number,
    join_wrapped,
    reflow,
    sentence_spans,
    split_footnotes,
    text_width,
    vocabulary,
)
from casebook.ingest.quotations import Cast, inline, single_quotes
from casebook.ingest.records import Notes, Quote, Valued


class FilmographyLine(TypedDict):
    """A filmography line (:func:`filmography_entry`): year, title as written, alternative title, minutes and
    kind (None where not written), and the director when the line names one."""

    year: int
    title: str
    alternative_title: str | None
    minutes: int | None
    kind: str | None
    director: NotRequired[str]


class FilmographyEntry(FilmographyLine):
    """A filmography line, with whose filmography it is (None when no heading or bio says) and its line."""

    person: str | None
    source: Span


class Filmography(TypedDict):
    person: str | None
    entries: list[FilmographyEntry]


class KitParagraph(TypedDict):
    """A paragraph of the kit's prose, reflowed: its text, lines, the footnote markers it cites, and (in an
    interview two people answer) who says it."""

    text: str
    source: Span
    footnotes: NotRequired[list[str]]
    speaker: NotRequired[str]


class InterviewPair(TypedDict):
    """A question (its own lines in ``question_source``) and its answer's paragraphs; ``source`` spans both."""

    question: str
    question_source: Span
    answer: list[KitParagraph]
    source: Span
    footnotes: NotRequired[list[str]]


class Bio(TypedDict):
    """A biography: whose (None when no heading or sentence names them), the role, the birth day or year and
    place it gives, where they trained, its whole text and lines."""

    name: str | None
    role: str | None
    birth_date: dt.date | None
    birth_year: int | None
    birthplace: str | None
    training: list[str]
    text: str
    source: Span
    footnotes: NotRequired[list[str]]


class Credit(TypedDict):
    """A credit line: ``section`` "cast" or "crew", the role (a character in a cast list; None for "Avec … names"),
    the names, and its line."""

    section: str
    role: str | None
    names: list[str]
    source: Span


class _CreditRead(Credit):
    self: NotRequired[bool]  # "Anna Roe ...... herself": read before the list is turned round, then dropped


class _FactValue(TypedDict):
    value: str
    name: NotRequired[str]
    role: NotRequired[str]


class ProductionFact(_FactValue):
    """How the film was made, as one sentence says it outright (``attribute``: co_writer, producer, financing,
    shoot_place, camera, crew, …), with that sentence and its lines."""

    attribute: str
    text: str
    source: Span


class Runtime(TypedDict):
    minutes: int
    text: str
    source: Span


class Festival(TypedDict):
    """The festival a heading of the kit names: its name and section, and the year the heading gives; or, from a
    ``WORLD PREMIERE`` heading, the kind of premiere and its day."""

    festival: str
    section: str | None
    year: NotRequired[int | None]
    kind: NotRequired[str]
    date: NotRequired[dt.date | None]
    source: Span


class TitleBlock(TypedDict):
    """The kit's title page as far as its lines say: title, original title, presenter, director, selection, the
    spec line's country, year, minutes, colour, aspect ratio, sound and language, and honours."""

    title: NotRequired[str]
    original_title: NotRequired[str]
    presenter: NotRequired[str]
    director: NotRequired[str]
    selection: NotRequired[str]
    country: NotRequired[str]
    year: NotRequired[int]
    minutes: NotRequired[int]
    colour: NotRequired[str]
    aspect_ratio: NotRequired[str]
    sound: NotRequired[str]
    language: NotRequired[str]
    honours: NotRequired[list[str]]
    source: NotRequired[Span]


class PressKitRecord(TypedDict):
    """What a press kit gives."""

    title_block: TitleBlock | None
    synopsis: list[KitParagraph]
    runtimes: list[Runtime]
    director: Valued | None
    festival: Festival | None
    interviewee: str | None
    interview: list[InterviewPair]
    statement: list[KitParagraph]
    statement_by: Valued | None
    notes: list[KitParagraph]
    footnotes: list[Footnote]
    bios: list[Bio]
    filmographies: list[Filmography]
    credits: list[Credit]
    production: list[ProductionFact]
    quotes: list[Quote]


# --- filmography lines --------------------------------------------------------------------------------------

_FILMOGRAPHY = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?:\s*[–—-]\s*(?P<until>(?:19|20)\d\d)(?=\s*[–—-]))?"
                          r"\s*[–—-]\s*(?P<rest>\S.*)$")  # "2001–2003 – A SERIES": a series' years
_KINDS = r"documentary|short film|short|feature film|feature|tv series|series|animation|doc"
_KIND_NAMES = {"short film": "short", "feature film": "feature", "doc": "documentary", "series": "tv series"}


def filmography_entry(text: str) -> FilmographyLine | None:
    """``2015 – FIRST (Pervyj), 15 min`` to year, title, alternative title, minutes and kind.

    Also ``2017 – TITLE aka Other Title. (feature film) 118 min`` and ``2019 – TITLE, dir. Firstname
    Lastname`` (the director, when named, under ``director``). A kind not written stays None.
    """
    m = _FILMOGRAPHY.match(text)
    if not m:
        return None
    rest = m["rest"].strip()
    minutes = re.search(r"(\d{1,3})\s*(?:min|mins|minutes)\b", rest)
    kind = re.search(rf"\(?\b({_KINDS})\b\)?", rest, re.IGNORECASE)
    alt = None
    aka = re.search(r"\baka\s+([^,(]+)", rest, re.IGNORECASE)
    for paren in re.findall(r"\(([^)]+)\)", rest):
        if not re.fullmatch(rf"\s*({_KINDS})\s*", paren, re.IGNORECASE):
            alt = paren.strip()
            break
    title = re.split(r"\s*(?:\(|,|\baka\b|\s\d{1,3}\s*min)", rest, maxsplit=1)[0].strip(" .")
    if aka and not alt:
        alt = aka.group(1).strip(" .")
    kind_name = kind.group(1).lower() if kind else None
    entry: FilmographyLine = {"year": int(m["year"]), "title": title, "alternative_title": alt,
                             "minutes": int(minutes.group(1)) if minutes else None,
                             "kind": _KIND_NAMES.get(kind_name, kind_name) if kind_name else None}
    director = re.search(rf"\b(?:dir\.|directed by|co-directed with|co-directed by)\s+({_NAME_WORDS})", rest)
    if director:
        entry["director"] = director.group(1)
    return entry


# --- names, places, dates in running text ------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*(?:[’'-][^\W\d_]+)*"
_NAME_WORDS = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,3}}"  # two to four capitalised words
_ORG = rf"{_CAP_WORD}(?:(?:\s+(?:of|for|de|du|des|la|le)\s+|\s+){_CAP_WORD}){{0,4}}"
_PLACE = rf"(?:(?:St|Ste|Mt)\.\s+)?{_CAP_WORD}(?:\s+(?:(?:St|Ste|Mt)\.\s+)?{_CAP_WORD}){{0,3}}"
_NOT_NAME = {
    "a", "after", "also", "an", "and", "as", "at", "before", "but", "for", "from", "her", "his", "i", "in", "it",
    "its", "my", "on", "our", "so", "that", "the", "their", "then", "this", "we", "when", "while", "with", "yet",
}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december")
_NOT_PLACE = _NOT_NAME | set(_MONTHS.split("|")) | {"spring", "summer", "autumn", "fall", "winter", "early", "late"}


def _trim_name(text: str, minimum: int = 2) -> str | None:
    """Drop capitalised function words from the front ("With Anna Petrova" → "Anna Petrova")."""
    words = text.split()
    while words and words[0].lower() in _NOT_NAME:
        words = words[1:]
    return " ".join(words) if len(words) >= minimum else None


def _place(text: str) -> str | None:
    words = text.split()
    if not words or words[0].lower() in _NOT_PLACE:
        return None
    return text.strip()


def smart_title(text: str) -> str:
    """``NON-STOP PRODUCTION`` → ``Non-Stop Production``, ``DIRECTOR OF PHOTOGRAPHY`` → ``Director of Photography``."""
    small = {"of", "the", "and", "de", "da", "di", "du", "des", "von", "van", "der", "la", "le", "y", "a", "an", "in"}
    out = []
    for i, word in enumerate(text.split()):
        if i and word.lower() in small:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def as_written(caps: str, prose: str) -> str | None:
    """How the running text writes an all-capitals name or title ("THE HOST" → "The Host"); None when it never
    writes it otherwise than in capitals or lower case."""
    words = [re.escape(w) for w in caps.split()]
    if words:
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)
        for m in pattern.finditer(prose):
            found = re.sub(r"\s+", " ", m.group(0))
            if found[:1].isupper() and not found.isupper():
                return found
    return None


def _cased(caps: str, prose: str) -> str:
    """How the running text writes an all-capitals name; else :func:`smart_title`."""
    return as_written(caps, prose) or smart_title(caps)


# --- sections ----------------------------------------------------------------------------------------------

_SECTION_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("synopsis", re.compile(r"(?:(?:short|long|full)\s+)?synopsis", re.IGNORECASE)),
    ("interview", re.compile(r"(?:an?\s+)?(?:interview|(?:in\s+)?conversation|q\s*&\s*a)(?:\s+with\s+(?P<name>.+))?",
                             re.IGNORECASE)),
    ("statement", re.compile(r"(?:(?:the\s+)?director'?s?'?\s+)?(?:statement|note|word|intentions?)"
                             r"|(?:a\s+)?word\s+from\s+the\s+director|note\s+of\s+intent(?:ion)?", re.IGNORECASE)),
    ("notes", re.compile(r"(?:(?:production|historical|background|translator'?s?)\s+)?notes", re.IGNORECASE)),
    ("credits", re.compile(r"cast\s*(?:&|and)\s*crew|(?:full\s+|main\s+|technical\s+|artistic\s+)?"
                           r"(?:credits|cast|crew)", re.IGNORECASE)),
    ("biography", re.compile(r"(?:(?P<role>director|filmmaker|producer|actor|actress|writer|composer|cinematographer)"
                             r"'?s?'?\s+)?biograph(?:y|ies)|(?P<name>.+?)\s*[–—-]\s*biography"
                             r"|about\s+the\s+(?P<role2>director|filmmaker)", re.IGNORECASE)),
    ("filmography", re.compile(r"(?:selected\s+)?filmography|(?P<name>.+?)\s*[–—-]\s*(?:selected\s+)?filmography",
                               re.IGNORECASE)),
]
_PROSE = ("synopsis", "interview", "statement", "notes")


@dataclass
class Section:
    kind: str
    heading: Line | None
    body: list[Line] = field(default_factory=list)
    match: re.Match[str] | None = None
    name: str | None = None
    role: str | None = None


def _norm_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").strip())


def _heading_parts(text: str) -> list[str]:
    """A heading and, when it is given in two languages ("FICHE TECHNIQUE / CREW"), each of its parts."""
    parts = [p.strip() for p in re.split(r"\s+/\s+", text) if p.strip()]
    return [text, *parts] if len(parts) > 1 else [text]


def _classify(heading: Line) -> tuple[str, re.Match[str] | None]:
    text = _norm_heading(heading.text)
    for part in _heading_parts(text):
        for kind, pattern in _SECTION_KINDS:
            m = pattern.fullmatch(part)
            if m:
                return kind, m
        if _credits_heading(part):
            return "credits", None
    return "other", None


def section_heading(text: str) -> bool:
    """An all-capitals line that opens a known kind of section (SYNOPSIS, FILMOGRAPHY, …): never page debris."""
    return is_heading(text) and _classify(Line(0, text))[0] != "other"


def _person_heading(section: Section, prose: str) -> bool:
    """``ANNA PETROVA``, ``AIGERIM NUR – AINUR`` or ``ANNA PETROVA (Director)``: a name, perhaps a role, and a body that
    is about that person (it says "born", or names them, or lists their films)."""
    assert section.heading is not None
    in_parens = ROLE_IN_PARENS.match(section.heading.text.strip())
    if in_parens and not is_heading(in_parens["role"]):  # ANNA PETROVA (Director)
        parts = [in_parens["head"].strip(), in_parens["role"].strip()]
    else:
        parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", section.heading.text.strip(), maxsplit=1)]
    name = parts[0]
    if name.split()[0].lower() in _NOT_NAME | {"about", "production", "director's", "director’s"}:
        return False
    if not re.fullmatch(r"[^\W\d_]+(?:[’'.-][^\W\d_]*)*(?:\s+[^\W\d_]+(?:[’'.-][^\W\d_]*)*){1,3}", name):
        return False
    body = " ".join(ln.text for ln in section.body)
    born = re.search(r"\bborn\b", body[:300], re.IGNORECASE) is not None
    named = re.search(r"\s+".join(re.escape(w) for w in name.split()), body, re.IGNORECASE) is not None
    films = any(filmography_entry(ln.text) for ln in section.body)
    if not (born or (named and (len(parts) > 1 or films))):
        return False
    section.name = _cased(name, prose)
    section.role = _cased(parts[1], prose) if len(parts) > 1 else None
    return True


def _sections(lines: list[Line], prose: str) -> tuple[list[Line], list[Section]]:
    """The lines before the first section (the title block) and the sections, each with its body."""
    sections: list[Section] = [Section("start", None)]
    for ln in lines:
        if is_heading(ln.text):
            kind, m = _classify(ln)
            sections.append(Section(kind, ln, match=m))
        else:
            sections[-1].body.append(ln)
    for section in sections[1:]:
        if section.kind == "other" and _person_heading(section, prose):
            section.kind = "person"
    first = next((i for i, s in enumerate(sections) if s.kind not in ("start", "other")), len(sections))
    front: list[Line] = []
    for section in sections[:first]:
        if section.heading is not None:
            front.append(section.heading)
        front.extend(section.body)
    return front, sections[first:]


# --- the title block --------------------------------------------------------------------------------------

_HONOUR = re.compile(r"\b(?:awards?|prizes?|winner|nominee|nominations?|nominated|entry|shortlist(?:ed)?|lion|bear|"
                     r"palme?|globe|oscars?|academy|jury|grand\s+prix|fipresci|best)\b", re.IGNORECASE)
_SELECTION = re.compile(r"\b(?:official\s+selection|selection|in\s+competition|competition)\b", re.IGNORECASE)
_COLOUR = re.compile(r"colou?r|b\s*&\s*w|black\s*(?:and|&)\s*white|monochrome", re.IGNORECASE)


def _caps(text: str) -> bool:
    """All capitals but for ordinal endings ("92nd ACADEMY AWARDS")."""
    return is_heading(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text))


def _title_block(front: list[Line], prose: str) -> TitleBlock | None:
    kept = [ln for ln in front if ln.text.strip() and not is_page_number(ln.text)][:20]
    if not kept:
        return None
    block: TitleBlock = {}
    honours: list[str] = []
    for ln in kept:
        text = re.sub(r"\s+", " ", ln.text.strip())
        presents = re.fullmatch(r"(?P<who>.+?)\s+(?:presents?|present)", text, re.IGNORECASE)
        by = re.fullmatch(r"(?:an?\s+(?:\w+\s+)?film\s+by|directed\s+by|written\s+and\s+directed\s+by)\s+(?P<name>.+)",
                          text, re.IGNORECASE)
        if presents and "presenter" not in block:
            who = presents["who"]
            block["presenter"] = _cased(who, prose) if _caps(who) else who
        elif by and "director" not in block:
            block["director"] = _cased(by["name"], prose) if _caps(by["name"]) else by["name"]
        elif text.count("|") >= 2 or text.count("•") >= 2:
            _spec_line(text, block)
        elif re.fullmatch(r"\((?P<t>[^()]+)\)", text) and "title" in block and "original_title" not in block:
            block["original_title"] = text[1:-1].strip()
        elif _caps(text) and ("festival" in festival_in(text.title()) or _SELECTION.search(text)):
            block.setdefault("selection", text)
        elif _caps(text) and _HONOUR.search(text) and "title" in block:
            honours.append(text)
        elif _caps(text) and "title" not in block:
            block["title"] = text
        elif "title" in block and "original_title" not in block and re.search(r"[^\x00-\u024f]", text) and \
                not re.search(r"[a-z]", text):
            block["original_title"] = text
    if honours:
        block["honours"] = honours
    if set(block) <= {"title"}:  # a lone capitals line is not a title block
        return None
    block["source"] = (kept[0].number, kept[-1].number)
    return block


def _spec_line(text: str, block: TitleBlock) -> None:
    """``Russia | 2019 | 137 min | Colour | 2.39:1 | 5.1 | Russian with English subtitles``."""
    for part in (p.strip() for p in re.split(r"[|•]", text)):
        if not part:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", part):
            block.setdefault("year", int(part))
        elif m := re.fullmatch(r"(\d{2,3})\s*(?:min|mins|minutes|')\.?", part, re.IGNORECASE):
            block.setdefault("minutes", int(m.group(1)))
        elif re.fullmatch(r"\d+(?:[.,]\d+)?\s*:\s*1", part):
            block.setdefault("aspect_ratio", part.replace(" ", ""))
        elif re.fullmatch(r"\d\.\d(?:\.\d)?|(?:dolby|dts)\b.*|stereo|mono", part, re.IGNORECASE):
            block.setdefault("sound", part)
        elif _COLOUR.fullmatch(part):
            block.setdefault("colour", part)
        elif re.search(r"subtitle|\blanguage\b|\bdubbed\b", part, re.IGNORECASE):
            block.setdefault("language", part)
        elif re.fullmatch(r"[^\W\d_][^\d|]*", part) and "country" not in block:
            block["country"] = part
        elif re.fullmatch(r"[^\W\d_][^\d|]*", part):
            block.setdefault("language", part)


# --- credits with dotted leaders ---------------------------------------------------------------------------

_LEADER = re.compile(r"^\s*(?P<role>\S.*?)\s*(?:\.{4,}|…{2,}|_{4,}|\s{4,}|\t+)\s*(?P<names>\S.*?)\s*$")


@functools.cache
def _credit_words() -> dict[str, Any]:
    """The credits lexicon of ``data/people.toml``: headings, crew role stems and words, cast words, self words."""
    words = lexicon()["credits"]
    return {key: [w.casefold() for w in value] for key, value in words.items()}


def _credits_heading(text: str) -> str | None:
    """"cast", "crew" or "credits" for a heading of a credits list in any language of the lexicon."""
    folded = re.sub(r"\s+", " ", text.strip(" :")).casefold()
    for kind in ("cast", "crew", "credits"):
        if folded in _credit_words()[f"{kind}_headings"]:
            return kind
    return None


def _crew_role(role: str) -> bool:
    """A crew role in any language of the lexicon: a word that starts with one of its stems ("Réalisation",
    "Montage", "Director of Photography"), or one of its whole words ("Son", "Image")."""
    folded = role.casefold()
    words = _credit_words()
    return any(re.search(rf"(?<![^\W\d_]){re.escape(stem)}", folded) for stem in words["crew_stems"]) or any(
        re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", folded) for w in words["crew_words"])


def _technical(role: str, names: str) -> bool:
    """A technical detail among the credits: "Country: Norway", "Sound ...... Dolby Digital". A role that is also
    a crew role ("Sound ...... Anna Roe, Jon Doe", "Son ...... Léa Simon") is one only when a word of its value
    is a technical value of the lexicon."""
    folded = role.strip().casefold()
    if folded in _credit_words()["technical_roles"]:
        values = set(_credit_words()["technical_values"])
        return any(w in values for w in re.findall(r"[^\W\d_]+", names.casefold()))
    return _NOT_CREDIT.fullmatch(role.strip()) is not None


def _split_credit_names(text: str) -> list[str]:
    joins = "|".join(re.escape(w) for w in _credit_words()["and_words"])
    return [n.strip(" .") for n in re.split(rf"\s*(?:,|;|\s+(?:{joins})\s+)\s*", text) if n.strip(" .")]


# inside a credits section, looser separators: "Eirik ... Jonas Berg", "Director: Marta Kowalczyk", "Music – Name"
_LOOSE_LEADER = re.compile(r"^\s*(?P<role>\S.{0,60}?)(?:\s+\.{2,3}\s+|\s+…\s+|\s*:\s+|\s+[–—]\s+)(?P<names>\S.*?)\s*$")


_NOT_CREDIT = re.compile(
    r"(?:running\s+)?time|runtime|duration|length|countr(?:y|ies)|languages?|format|aspect\s+ratio|ratio|sound|year|"
    r"genre|colou?r|budget|(?:world\s+|international\s+)?premi[eè]re|release(?:\s+date)?|locations?|shot\s+on|"
    r"subtitles?|original\s+title|title|contacts?|press|e-?mail|phone|tel|website|web", re.IGNORECASE)


def _credits(sections: list[Section]) -> list[Credit]:
    """Credit lines ("role ...... name, name") of the credits sections. In a cast list the character usually
    comes first; a list whose left side holds more full names than its right ("Jonas Berg ... Eirik") is read
    the other way round."""
    out: list[Credit] = []
    for section in sections:
        if section.kind != "credits" or section.heading is None:
            continue
        heading = _norm_heading(section.heading.text)
        kinds = {_credits_heading(part) for part in _heading_parts(heading)} - {None}
        folded = heading.lower()
        if re.search(r"\bcast\b", folded) and "crew" not in folded:
            kinds.add("cast")
        if re.search(r"\bcrew\b", folded) and "cast" not in folded:
            kinds.add("crew")
        fixed = kinds.pop() if len(kinds) == 1 and kinds <= {"cast", "crew"} else None
        found: list[_CreditRead] = []
        for ln in section.body:
            m = _LEADER.match(ln.text) or _LOOSE_LEADER.match(ln.text)
            if not m or filmography_entry(ln.text) or re.search(r"\d", m["names"]) or _technical(m["role"], m["names"]):
                continue  # a technical line among the credits ("Running time: 137 minutes", "Country: Norway")
            role: str | None = m["role"].strip()
            names = _split_credit_names(m["names"])
            assert role is not None
            if role.casefold() in _credit_words()["cast_words"]:  # "Avec ....... Anna Roe, Jon Doe"
                found.append({"section": "cast", "role": None, "names": names, "source": (ln.number, ln.number)})
                continue
            if any(m["names"].casefold().startswith(w) for w in _credit_words()["self_words"]):
                # "Anna Roe ...... herself, the farmer's mother": the person on the left, as themselves
                found.append({"section": "cast", "role": m["names"].strip(), "names": [role], "self": True,
                              "source": (ln.number, ln.number)})
                continue
            people = [n for n in names if looks_like_person(n)]
            kind = fixed or ("crew" if _crew_role(role) or not people else "cast")  # a company is no character
            found.append({"section": kind, "role": role, "names": names, "source": (ln.number, ln.number)})
        cast = [c for c in found if c["section"] == "cast" and len(c["names"]) == 1 and c["role"] and not c.get("self")]
        if cast and sum(_personlike(c["role"] or "") for c in cast) > sum(_personlike(c["names"][0]) for c in cast):
            for credit in cast:  # every role here is a name (``cast`` keeps credits with a role)
                credit["role"], credit["names"] = credit["names"][0], [credit["role"] or ""]
        for credit in found:
            credit.pop("self", None)
        out.extend(found)
    return out


def _personlike(name: str) -> int:
    """1 when ``name`` is written like a person's full name (two to four capitalised words), else 0. Characters
    are often one name ("Ainur", "Masha"), actors hardly ever."""
    words = split_other_script(name)[0].split()  # "Ana Roe (آنا رو)": the name, not its other script
    return int(2 <= len(words) <= 4 and all(w[:1].isupper() for w in words))


# --- paragraphs, the interview ------------------------------------------------------------------------------


def _records(paras: list[Para]) -> list[KitParagraph]:
    out = []
    for para in paras:
        record: KitParagraph = {"text": para.text, "source": para.source}
        if para.cites:
            record["footnotes"] = list(para.cites)
        out.append(record)
    return out


def _question_end(lines: list[Line], i: int, width: int, strong: bool) -> int | None:
    """If a question starts at ``lines[i]``, the index of its last line: one to three lines (a page break
    may split them) ending with "?", none before ending a sentence another way."""
    first = lines[i].text.strip()
    if not re.match(r"[\"“«‘]?[^\W\d_]", first) or first[:1].islower():
        return None
    count = 0
    j = i
    while j < len(lines) and count < 3:
        text = lines[j].text.strip()
        if not text or is_page_number(lines[j].text):  # a page break inside the question
            j += 1
            continue
        if text.endswith("?"):
            pieces = [ln for ln in lines[i : j + 1] if ln.text.strip()]
            if sum(len(ln.text.strip()) for ln in pieces) > 320:
                return None
            if not strong and len(lines[j].text.rstrip()) >= 0.85 * width:
                return None
            return j
        if ends_sentence(text) or text.endswith((":", ";")):
            return None
        count += 1
        j += 1
    return None


# "Q: Why the far north?" / "A: Because …": the markers of a question and its answer, not their words
_QA_MARK = re.compile(r"^\s*(?:Q|A|Question|Answer)\s*[:.–—-]\s+(?=\S)")


_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_](?:[^\W\d_]|['’ .-]){1,40}?)\s*:\s+(?=\S)")


def _speaker_turns(answer: list[Line], cast: Cast) -> list[tuple[str | None, list[Line]]]:
    """An answer cut where a line opens with a speaker's name in capitals ("STEFANOV: The moment we met …"),
    the name being a person of the kit; the label stays in the text, as written."""
    turns: list[tuple[str | None, list[Line]]] = [(None, [])]
    for ln in answer:
        m = _LABEL.match(ln.text)
        who = cast.labelled(m["label"]) if m and m["label"].isupper() else None
        if who:
            turns.append((who, [ln]))
        else:
            turns[-1][1].append(ln)
    return [(who, lines) for who, lines in turns if lines]


def _interview(body: list[Line], width: int, words: frozenset[str], cites: dict[int, list[str]],
               cast: Cast) -> tuple[list[InterviewPair], list[Para]]:
    """Question and answer pairs; also the answers' paragraphs, for the production facts. Where two people
    answer, each turn is a paragraph of its own with its ``speaker``."""
    lines = [Line(ln.number, _QA_MARK.sub("", ln.text, count=1)) for ln in body if not is_page_number(ln.text)]
    pairs: list[InterviewPair] = []
    all_paras: list[Para] = []
    question: list[Line] | None = None
    answer: list[Line] = []

    def close() -> None:
        if question is None:
            return
        text, _ = join_wrapped(question, words)
        records: list[KitParagraph] = []
        paras: list[Para] = []
        for who, turn in _speaker_turns(answer, cast):
            turn_paras = reflow(turn, words, width, cites)
            paras.extend(turn_paras)
            records.extend(r | {"speaker": who} if who else r for r in _records(turn_paras))
        all_paras.extend(paras)
        last = paras[-1].source[1] if paras else question[-1].number
        pair: InterviewPair = {"question": text, "question_source": (question[0].number, question[-1].number),
                                "answer": records, "source": (question[0].number, last)}
        cited = [m for ln in question for m in cites.get(ln.number, [])]
        if cited:
            pair["footnotes"] = cited
        pairs.append(pair)

    i = 0
    last_text: str | None = None  # the last non-blank line before this one
    blank_before = True
    while i < len(lines):
        ln = lines[i]
        text = ln.text.strip()
        if not text:
            blank_before = True
            answer.append(ln)
            i += 1
            continue
        strong = last_text is None or (blank_before and ends_sentence(last_text))
        weak = last_text is not None and ends_sentence(last_text)
        end = _question_end(lines, i, width, strong) if (strong or weak) else None
        if end is not None:
            close()
            question = [q for q in lines[i : end + 1] if q.text.strip()]
            answer = []
            last_text = lines[end].text
            blank_before = False
            i = end + 1
            continue
        answer.append(ln)
        last_text = ln.text
        blank_before = False
        i += 1
    close()
    return pairs, all_paras


# --- bios -------------------------------------------------------------------------------------------------

_TRAINING = re.compile(
    r"\b(?:completed\s+(?:his|her|their)\s+(?:studies|training|education)\s+(?:at|in)|graduated\s+from|graduating\s+from"
    r"|trained\s+(?:at|in)|studied\s+(?:[a-z]+\s+)?at|(?:is\s+)?a\s+graduate\s+of|enrolled\s+(?:at|in))\s+"
    r"(?P<what>(?:[^.;]|\b(?:St|Ste|Mt|Dr)\.)+)")
_TRAINING_STOP = re.compile(
    r",\s+(?:in|where|under|graduating|and|before|then|with|from|which|after|during|while|who|since|as|before)\b"
    r"|\s+in\s+(?:19|20)\d\d\b|\s+\((?:19|20)\d\d\)|\s+(?:where|under|before|after|while|graduating)\b")


def parse_birth(text: str) -> tuple[dt.date | None, int | None, str | None]:
    """"born on July 28, 1991 in Kazan", "Born in 1994 in Omsk", "born in Kyiv on 2 July 1961", "Born in Omsk,
    Siberia, in 1994" (the place is the town; a region after it is passed over)."""
    m = re.search(r"\b[Bb]orn\b\s*(?P<rest>.{0,120})", text)
    if not m:
        return None, None, None
    rest = m["rest"]
    date: dt.date | None = None
    year: int | None = None
    place: str | None = None
    for _ in range(2):  # a date or year and a place, in either order
        dates = [d for d in find_dates(rest) if re.fullmatch(r"\s*(?:on\s+)?", rest[: d[2]])]
        y = re.match(r"\s*(?:in\s+)?((?:19|20)\d\d)\b", rest)
        p = re.match(rf"\s*(?:in\s+)?({_PLACE})", rest)
        if dates and date is None and year is None:
            date, words, offset = dates[0]
            year = date.year
            rest = rest[offset + len(words) :]
        elif y and year is None:
            year = int(y.group(1))
            rest = rest[y.end() :]
        elif p and place is None and _place(p.group(1)) and re.match(r"\s*in\s", rest):
            place = p.group(1)
            rest = rest[p.end() :]
            region = re.match(rf",\s+{_PLACE}(?=,\s+(?:in|on)\s)", rest)  # "in Miami, Florida, in 1979"
            if region:
                rest = rest[region.end() :]
        else:
            break
        rest = re.sub(r"^\s*,", "", rest)
    return date, year, place


def parse_training(text: str) -> list[str]:
    out: list[str] = []
    for m in _TRAINING.finditer(text):
        what = _TRAINING_STOP.split(m["what"], maxsplit=1)[0].strip(" ,")
        if what and what not in out:
            out.append(what)
    return out


def _bio(name: str | None, role: str | None, heading: Line, paras: list[Para]) -> Bio:
    text = " ".join(p.text for p in paras)
    date, year, place = parse_birth(text)
    bio: Bio = {"name": name, "role": role, "birth_date": date, "birth_year": year, "birthplace": place,
                           "training": parse_training(text), "text": text,
                           "source": (heading.number, paras[-1].source[1])}
    cited = [m for p in paras for m in p.cites]
    if cited:
        bio["footnotes"] = cited
    return bio


def _name_in_bio(text: str) -> str | None:
    """The person a bio under a plain BIOGRAPHY heading is about: "Anna Petrova was born…",
    "Born in 1994 in Omsk, Anna Petrova trained…"."""
    m = re.match(rf"\s*({_NAME_WORDS})(?:\s+(?:was|is|has|grew|graduated|studied|trained|began|started)\b|\s*\(|,\s+born)",
                 text)
    if m:
        return _trim_name(m.group(1))
    m = re.match(rf"\s*Born\b[^.]*?,\s+({_NAME_WORDS})\s+(?:[a-z]+)\b", text)
    return _trim_name(m.group(1)) if m else None


# --- production facts from the interview and the statement -------------------------------------------------

_WHEN = (
    rf"(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+)?"
    rf"(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{_MONTHS.title()})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    rf"(?:19|20)\d\d"
)
_SHOOT = r"(?:shooting|filming|the\s+shoot|principal\s+photography)"
_PERSON_JOB = (r"costume\s+designer|production\s+designer|set\s+designer|art\s+director|director\s+of\s+photography|"
               r"cinematographer|DoP|DP|(?:film\s+)?editor|composer|sound\s+designer|sound\s+engineer|sound\s+mixer|"
               r"casting\s+director|make-up\s+artist|line\s+producer")
_THE_FILM = r"(?:[Tt]he\s+film|[Tt]his\s+film|[Tt]he\s+project|[Ii]t)"
_MOSTLY = r"(?:(?:almost|nearly|mostly|mainly|largely|entirely|partly)\s+)?"
_FACTS: list[tuple[str, re.Pattern[str]]] = [
    ("co_writer", re.compile(rf"\bco-?writers?,?\s+(?P<name>{_NAME_WORDS})")),
    ("co_writer", re.compile(rf"\b(?P<name>{_NAME_WORDS}),\s+(?:my|our|the|his|her)\s+co-?writer\b")),
    ("co_writer", re.compile(rf"\b(?:co-?wrote|wrote)\s+(?:it|the\s+(?:script|screenplay|film))\s+(?:together\s+)?with\s+"
                             rf"(?P<name>{_NAME_WORDS})")),
    ("producer", re.compile(rf"\b[Ii]t\s+(?:is|was)\s+(?P<name>{_NAME_WORDS})(?:,[^,]{{1,80}},)?\s+who\s+produced\b")),
    ("producer", re.compile(rf"\b{_THE_FILM}\s+(?:was|is)\s+(?:\w+\s+)?produced\s+by\s+(?P<name>{_NAME_WORDS})")),
    ("producer", re.compile(rf"\b(?P<name>{_NAME_WORDS})\s+produced\s+(?:it|the\s+film|the\s+picture|the\s+movie)\b")),
    ("producer", re.compile(rf"\b(?:my|our)\s+producer,?\s+(?P<name>{_NAME_WORDS})")),
    ("co_producer", re.compile(rf"(?:\bthe\s+(?:studio|company|channel|broadcaster|fund|foundation)\s+)?(?P<org>{_ORG})\s+"
                               rf"(?:became|was|came\s+on\s+(?:board\s+)?as|joined\s+(?:us\s+)?as)\s+(?:an?\s+|the\s+)?"
                               rf"co-?producers?\b")),
    ("co_producer", re.compile(rf"\b{_THE_FILM}\s+(?:was|is)\s+(?:\w+\s+)?co-?produced\s+by\s+"
                               rf"(?:the\s+(?:studio|company|channel)\s+)?(?P<org>{_ORG})")),
    ("co_producer", re.compile(rf"\bco-?production\s+with\s+(?:the\s+(?:studio|company|channel)\s+)?(?P<org>{_ORG})")),
    ("financing", re.compile(r"\bwithout\s+(?:any\s+)?(?:money|funding|financing|funds|support|subsidies|subsidy)\s+"
                             r"from\s+the\s+(?:[Ss]tate|government|Ministry)\b")),
    ("financing", re.compile(r"\b(?:no|without)\s+(?:any\s+)?(?:state|public|government)\s+(?:money|funding|financing|"
                             r"funds|support|subsidies|subsidy)\b", re.IGNORECASE)),
    ("financing", re.compile(rf"\b{_THE_FILM}\s+(?:was|is)\s+(?:\w+\s+)?(?:financed|funded|backed)\s+by\s+(?:the\s+)?"
                             rf"(?P<org>{_ORG})")),
    ("shoot_start", re.compile(rf"\b(?:started|began|start|begin|commenced)\s+{_SHOOT}\s+(?:on\s+|in\s+|at\s+)?"
                               rf"(?P<when>{_WHEN})\b", re.IGNORECASE)),
    ("shoot_start", re.compile(rf"\b{_SHOOT}\s+(?:started|began|commenced|kicked\s+off)\s+(?:on\s+|in\s+|at\s+)?"
                               rf"(?P<when>{_WHEN})\b", re.IGNORECASE)),
    ("shoot_end", re.compile(rf"\b{_SHOOT}\s+(?:wrapped|ended|finished|was\s+completed|was\s+over|came\s+to\s+an\s+end)"
                             rf"\s+(?:on\s+|in\s+|at\s+)?(?P<when>{_WHEN})\b", re.IGNORECASE)),
    ("shoot_end", re.compile(rf"\b(?:finished|completed|wrapped|ended)\s+{_SHOOT}\s+(?:on\s+|in\s+|at\s+)?"
                             rf"(?P<when>{_WHEN})\b", re.IGNORECASE)),
    ("shoot_period", re.compile(rf"\b(?:[Ww]e|I|[Tt]he\s+film\s+was|[Ii]t\s+was)\s+{_MOSTLY}(?:shot|filmed)\s+"
                                rf"(?:(?:the\s+film|it|everything)\s+)?(?:(?:in|near|around)\s+{_PLACE}\s+)?(?:in|during)\s+(?P<when>{_WHEN})\b")),
    ("shoot_period", re.compile(rf"\b{_SHOOT}\s+took\s+place\s+(?:(?:in|near|around)\s+{_PLACE}\s+)?(?:in|during)\s+"
                                rf"(?P<when>{_WHEN})\b", re.IGNORECASE)),
    ("shoot_place", re.compile(rf"\b(?:[Ww]e|I)\s+(?:shot|filmed)\s+{_MOSTLY}(?:(?:all|most|much|everything|the\s+film|"
                               rf"the\s+whole\s+film|it|the\s+(?:interiors|exteriors))\s+(?:of\s+it\s+)?)?{_MOSTLY}"
                               rf"(?P<prep>in|near|around|outside)\s+(?P<place>{_PLACE})")),
    ("shoot_place", re.compile(rf"\b(?:[Tt]he\s+film|[Ii]t)\s+was\s+{_MOSTLY}(?:shot|filmed)\s+{_MOSTLY}"
                               rf"(?P<prep>in|near|around|outside)\s+(?P<place>{_PLACE})")),
    ("shoot_place", re.compile(rf"\b(?:crew|[Ww]e|I)\s+went\s+to\s+(?P<place>{_PLACE})\s+to\s+(?:shoot|film)\b")),
    ("shoot_place", re.compile(rf"\b(?:[Ss]hooting|[Ff]ilming|[Tt]he\s+shoot)\s+took\s+place\s+(?P<prep>in|near|around)\s+"
                               rf"(?P<place>{_PLACE})")),
    ("camera", re.compile(rf"\b(?:[Ss]hot|[Ff]ilmed|[Ss]hooting|[Ff]ilming)\s+(?:on|with)\s+(?:an?\s+|the\s+)?"
                          rf"(?P<camera>[{_UPPER}][\w-]*(?:\s+[{_UPPER}0-9][\w-]*){{0,2}})\s+cameras?\b")),
    ("crew", re.compile(rf"(?P<name>{_NAME_WORDS}),\s+(?:the|our|my|his|her|their)\s+(?P<job>{_PERSON_JOB})\b")),
    ("crew", re.compile(rf"\b(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?P<job>{_PERSON_JOB})\s+(?P<name>{_NAME_WORDS})")),
]


def _fact_value(attribute: str, m: re.Match[str]) -> _FactValue | None:
    groups = m.groupdict()
    if attribute == "financing" and not groups.get("org"):
        return {"value": "no state money"}
    if attribute in ("co_producer", "financing"):
        org = _trim_name(groups["org"], 1)
        return {"value": org} if org else None
    if attribute in ("shoot_start", "shoot_end", "shoot_period"):
        return {"value": groups["when"]}
    if attribute == "shoot_place":
        place = _place(groups["place"])
        if not place:
            return None
        prep = groups.get("prep") or "in"
        return {"value": place if prep == "in" else f"{prep} {place}"}
    if attribute == "camera":
        camera = groups["camera"]
        return {"value": camera} if camera[:1].isupper() and camera.lower() not in _NOT_NAME else None
    name = _trim_name(groups["name"])
    if not name:
        return None
    if attribute == "crew":
        job = re.sub(r"\s+", " ", groups["job"])
        return {"value": f"{name}, the {job}", "name": name, "role": job}
    return {"value": name}


def production_facts(paras: list[Para]) -> list[ProductionFact]:
    """How the film was made, sentence by sentence: co-writer, producers, money, shoot dates and places,
    camera, crew. Only what a pattern says outright; each fact with the sentence that says it."""
    out: list[ProductionFact] = []
    seen: set[tuple[str, str]] = set()
    for para in paras:
        for start, end in sentence_spans(para.text):
            sentence = para.text[start:end]
            for attribute, pattern in _FACTS:
                for m in pattern.finditer(sentence):
                    value = _fact_value(attribute, m)
                    if value is None or (attribute, value["value"]) in seen:
                        continue
                    seen.add((attribute, value["value"]))
                    out.append({"attribute": attribute, **value, "text": sentence, "source": para.span_of(start, end)})
    return out


# --- quotations in the production notes ----------------------------------------------------------------------


def _quotations(sections: list[Section], words: frozenset[str], width: int, cites: dict[int, list[str]],
                cast: Cast) -> list[Quote]:
    """Quotations in the kit's notes and other prose sections ('“…,” says producer Ana Roe.'), each with the
    speaker the text attributes it to (:mod:`casebook.ingest.quotations`) or none. Interview answers and the
    statement are the interviewee's and the director's own words, not quotations."""
    paras = [para for section in sections if section.kind in ("notes", "other")
             for para in reflow(section.body, words, width, cites)]
    texts = [single_quotes(p.text) for p in paras]
    out: list[Quote] = []
    for para, text in zip(paras, texts, strict=True):
        for run, speaker, role in inline(text, cast):
            out.append({"speaker": speaker, "role": normal_role(role) if role else None,
                        "paragraphs": [text[a + 1 : b].strip() for a, b in run],
                        "source": para.span_of(run[0][0], run[-1][1])})
    return out


# --- the whole press kit ----------------------------------------------------------------------------------


def extract_press_kit(doc: Document, notes: Notes) -> PressKitRecord:
    raw = file_lines(doc)
    words = vocabulary(doc.text)
    found = split_footnotes(raw, words, skip=is_heading)
    lines = found.lines
    cites = found.cites
    prose = "\n".join(ln.text for ln in lines if not is_heading(ln.text))
    width = text_width([ln for ln in lines if not is_heading(ln.text)])
    result: PressKitRecord = {
        "title_block": None, "synopsis": [], "runtimes": [], "director": None, "festival": None,
        "interviewee": None, "interview": [], "statement": [], "statement_by": None, "notes": [], "footnotes": found.notes,
        "bios": [], "filmographies": [], "credits": [], "production": [], "quotes": [],
    }
    front, sections = _sections(lines, prose)
    result["title_block"] = _title_block(front, prose)
    cast = Cast([single_quotes(prose)])  # the people of the whole kit (bios and credits too), for speakers

    statement_paras: list[Para] = []
    answer_paras: list[Para] = []
    for section in sections:
        heading = section.heading
        assert heading is not None
        if section.kind == "synopsis" and not result["synopsis"]:
            result["synopsis"] = _records(reflow(section.body, words, width, cites))
        elif section.kind == "interview":
            name = section.match["name"] if section.match else None
            if name and result["interviewee"] is None:
                result["interviewee"] = _cased(name.strip(), prose)
            pairs, paras = _interview(section.body, width, words, cites, cast)
            if not pairs and any(ln.text.strip() for ln in section.body):
                notes.warn("interview_no_questions", (heading.number, heading.number))
            result["interview"].extend(pairs)
            answer_paras.extend(paras)
        elif section.kind == "statement":
            paras = reflow(section.body, words, width, cites)
            if paras and re.fullmatch(_NAME_WORDS, paras[-1].text) and paras[-1].source[0] == paras[-1].source[1]:
                result["statement_by"] = {"value": paras[-1].text, "source": paras[-1].source}
                paras = paras[:-1]
            result["statement"].extend(_records(paras))
            statement_paras.extend(paras)
        elif section.kind == "notes":
            result["notes"].extend(_records(reflow(section.body, words, width, cites)))
    result["quotes"] = _quotations(sections, words, width, cites, cast)
    result["credits"] = _credits(sections)
    result["production"] = production_facts(answer_paras + statement_paras)

    for ln in lines:
        m = RUNNING_TIME.search(ln.text)
        if m is None and len(ln.text.strip()) <= 100 and not filmography_entry(ln.text.strip()):
            m = _SPEC_MINUTES.search(ln.text.strip())  # "Russia | 2019 | 137 min | Colour", "Norway, 2021, 104 minutes"
        if m:
            result["runtimes"].append({"minutes": int(m.group(1)), "text": m.group(0).strip(" |,•/"),
                                       "source": (ln.number, ln.number)})
        by = re.fullmatch(r"\s*[Aa]n?\s+[Ff]ilm\s+[Bb]y\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)"
                          r"(?P<other>\s*\([^()]+\))?\s*", ln.text)
        if by and by["other"] and split_other_script(by["name"] + by["other"])[1] is None:
            by = None  # "a film by Ana Roe (2021)": not a name in another script
        if by and result["director"] is None:  # "a film by Ana Roe (آنا رو)": the name, and itself in another script
            result["director"] = {"value": (by["name"] + (by["other"] or "")).strip(), "source": (ln.number, ln.number)}
        if result["festival"] is None and is_heading(ln.text) and (re.search(r"FESTIVAL", ln.text)
                                                                    or claim_words().festival_in(ln.text)):
            festival = festival_in(ln.text.title().replace(" De ", " de "))
            if "festival" in festival:
                year = re.search(r"(?:19|20)\d\d", ln.text)
                parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", ln.text) if p.strip()]
                section_name = parts[-1].title() if len(parts) > 1 else None
                result["festival"] = {"festival": re.sub(r"\s+(?:19|20)\d\d$", "", festival["festival"]),
                                      "section": section_name, "year": int(year.group(0)) if year else None,
                                      "source": (ln.number, ln.number)}

    if result["festival"] is None:
        result["festival"] = _premiere_heading(lines)
    _bios_and_filmographies(sections, front, result, words, width, cites, prose)
    for marker, line in found.missing:
        notes.warn("footnote_missing", (line, line), marker=marker)
    if not result["synopsis"]:
        notes.warn("press_kit_no_synopsis")
    return result


_SPEC_MINUTES = re.compile(r"(?:^|[,|•/]\s*)(\d{2,3})\s*(?:min|mins|minutes)\.?\s*(?=[,|•/]|$)", re.IGNORECASE)


def _premiere_heading(lines: list[Line]) -> Festival | None:
    """A ``WORLD PREMIERE`` heading over the line that says where and when:
    ``Berlin International Film Festival (Panorama), 3 February 2021``."""
    for i, ln in enumerate(lines):
        heading = re.fullmatch(r"\s*((?:world|international|european|north american)\s+)?premi[eè]re\s*:?\s*", ln.text,
                               re.IGNORECASE)
        if not heading or not is_heading(ln.text):
            continue
        where = next((x for x in lines[i + 1 : i + 4] if x.text.strip()), None)
        found = festival_in(where.text) if where else {}
        if where is None or "festival" not in found:
            continue
        inside = re.search(r"\(([^()]{2,40})\)", where.text)
        dates = find_dates(where.text)
        return {"festival": found["festival"], "section": found.get("section") or (inside.group(1).strip() if inside else None),
                "kind": " ".join(ln.text.split()).rstrip(":").lower(), "date": dates[0][0] if dates else None,
                "source": (ln.number, where.number)}
    return None


def _bios_and_filmographies(sections: list[Section], front: list[Line], result: PressKitRecord, words: frozenset[str],
                            width: int, cites: dict[int, list[str]], prose: str) -> None:
    director = result["director"]["value"] if result["director"] else None
    owner: str | None = None
    groups: list[Filmography] = result["filmographies"]

    def add_entry(line: FilmographyLine, ln: Line) -> None:
        entry: FilmographyEntry = {**line, "person": owner, "source": (ln.number, ln.number)}
        if not groups or groups[-1]["person"] != owner:
            groups.append({"person": owner, "entries": []})
        groups[-1]["entries"].append(entry)

    for ln in front:
        entry = filmography_entry(ln.text)
        if entry and not is_heading(ln.text):
            add_entry(entry, ln)
    for section in sections:
        heading = section.heading
        assert heading is not None
        if section.kind in _PROSE or section.kind == "credits":
            owner = None
            continue
        match = section.match
        named = match.groupdict().get("name") if match else None
        text_lines = [ln for ln in section.body if not filmography_entry(ln.text)]
        paras = reflow(text_lines, words, width, cites) if section.kind in ("person", "biography") else []
        role = section.role
        if section.kind == "person":
            owner = section.name
        elif section.kind == "filmography":
            owner = _cased(named, prose) if named else owner
        elif section.kind == "biography":
            owner = _cased(named, prose) if named else (_name_in_bio(paras[0].text) if paras else None)
            raw_role = (match.groupdict().get("role") or match.groupdict().get("role2")) if match else None
            role = smart_title(raw_role.strip()) if raw_role else None
        else:
            owner = re.split(r"\s+[–—-]\s+", heading.text.strip())[0].title()
        for ln in section.body:
            entry = filmography_entry(ln.text)
            if entry:
                add_entry(entry, ln)
        if not paras:
            continue
        if role is None and owner:
            credited = [c["role"] for c in result["credits"] if owner in c["names"] and c["role"] and not any(
                c["role"].casefold().startswith(w) for w in _credit_words()["self_words"])]
            if credited:
                role = credited[0]
            elif director and owner.lower() == director.lower():
                role = "Director"
        result["bios"].append(_bio(owner, role, heading, paras))
