"""People and organisations named in running text, with the roles the text gives them.

Press text names people in a handful of ways: "Anna Petrova, director:", "producer Tomas Berg",
"ACME CEO Mira Olsen", "his actresses Ines Varga and Olga Ivanova", "— Paul Okafor, actor (Tom)",
"presided over by the actress Clara Moss".
A name is two to four capitalised words (any alphabet with capitals; "McAllister", "Kim Ha-jun",
"Lucía de la Torre"); roles come from a vocabulary of film-industry roles. The words a name is told apart
by (particles, places, organisations) and the verbs of speech are data: ``data/people.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Any


@functools.cache
def lexicon() -> dict[str, Any]:
    """The word lists of ``data/people.toml``, read once."""
    with (Path(__file__).parent / "data" / "people.toml").open("rb") as f:
        return tomllib.load(f)


def _letters(upper: bool) -> str:
    """A regex character class body (as ranges) of the letters (Latin, Greek, Cyrillic) of one case."""
    picked = [c for r in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00)) for c in range(*r)
              if (chr(c).isupper() if upper else chr(c).islower())]
    ranges: list[list[int]] = []
    for c in picked:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


UPPER = _letters(upper=True)
LOWER = _letters(upper=False)
# "Inès", "Ha-jun" in "Kim Ha-jun", "McAllister", "O'Brien", "Dupont-Roux"
_WORD = rf"(?:Mc|Mac|O['’])?[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}'’]+)*"
_PARTICLE = "|".join(sorted(lexicon()["names"]["particles"], key=len, reverse=True))
NAME = rf"{_WORD}(?:\s+(?:(?:{_PARTICLE})\s+){{0,2}}{_WORD}){{1,3}}"
SURNAME = _WORD
_NAME_RE = re.compile(rf"(?<![\w-]){NAME}(?![\w-])")
# a run of capitalised words of any length, cut into a name by trim_name ("Jury President Lucía Gómez Ortiz")
# (within a line: "Ana Roe" at the end of a title line is not "Ana Roe Why" with the next line's first word)
_RUN_RE = re.compile(rf"(?<![\w-]){_WORD}(?:[^\S\n]+(?:(?:{_PARTICLE})[^\S\n]+){{0,2}}{_WORD})*(?![\w-])")

ROLES = [
    "director of photography", "production designer", "costume designer", "sound engineer", "casting director",
    "executive producer", "co-producer", "co-writer", "screenwriter", "cinematographer", "composer", "editor",
    "producer", "director", "actress", "actor", "writer", "author", "jury president", "president", "chair",
    "CEO", "mentor", "teacher", "critic", "programmer", "press officer", "sales agent", "distributor",
]
_PLURALS = {"actresses": "actress", "actors": "actor", "producers": "producer", "directors": "director",
            "writers": "writer", "students": "student"}
_ROLE_WORDS = frozenset(w.casefold() for r in [*ROLES, *_PLURALS] for w in re.split(r"[\s-]+", r)) | frozenset(
    w.casefold() for w in lexicon()["names"]["titles"])
_ROLE = "|".join(re.escape(r) for r in sorted([*ROLES, *_PLURALS], key=len, reverse=True))

# "Name, role:" on a line of its own, or "Name, role (Character)".
SPEAKER_LINE = re.compile(
    rf"^\s*[—–-]?\s*(?P<name>{NAME}),\s+(?P<role>[a-z][\w /'’-]{{1,40}}?)(?:\s+\((?P<part>[^)]+)\))?\s*:?\s*$"
)
_ROLE_BEFORE = re.compile(rf"\b(?P<role>{_ROLE})\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")
_ROLE_AFTER = re.compile(
    rf"\b(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+|our\s+|his\s+|her\s+)?(?P<role>{_ROLE})\b(?!\s+of\b)"
)
_BY = {"produced": "producer", "written": "writer", "directed": "director", "shot": "cinematographer",
       "photographed": "cinematographer", "edited": "editor", "composed": "composer", "scored": "composer",
       "presided over": "jury president", "chaired": "jury president"}
_ROLE_BY = re.compile(
    rf"\b(?P<verb>{'|'.join(_BY)})\s+by\s+(?:(?:the|a|an|[a-z]+|[A-Z][a-z]+)\s+){{0,3}}?"
    rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)"
)
def normal_role(role: str) -> str:
    role = role.strip().lower() if role.strip() != "CEO" else "CEO"
    return _PLURALS.get(role, role)


@functools.cache
def _not_person_words() -> frozenset[str]:
    names = lexicon()["names"]
    return frozenset(w.casefold() for w in names["place_words"] + names["org_words"] + names["other_words"])


def looks_like_person(name: str) -> bool:
    """Not a place, a building or an organisation by its words ("Grafton Street", "Trice Films")."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", name)}
    return not words & _not_person_words()


def role_words() -> frozenset[str]:
    """The words of casebook's roles and titles ("producer", "head", "jury"), folded."""
    return _ROLE_WORDS


@functools.cache
def title_words() -> frozenset[str]:
    """Words that may stand before a name as its title or role ("Jury President", "the festival's director")."""
    return _ROLE_WORDS | frozenset(w.casefold() for w in lexicon()["names"]["determiners"])


def trim_name(name: str) -> str:
    """Drop capitalised sentence words from the front of a name ("The Frames" → "Frames", "With Anna Petrova"
    → "Anna Petrova"); a name cut to one word is returned as that word."""
    words = name.split()
    not_first = set(lexicon()["names"]["not_first"]) | _ROLE_WORDS
    while words and words[0].casefold() in not_first:
        words = words[1:]
    return " ".join(words)


def split_names(text: str) -> list[str]:
    return [n for n in _NAME_RE.findall(text) if looks_like_person(n)]


def people_with_roles(text: str) -> list[tuple[str, str, int]]:
    """(name, role, offset) for every person the text names with a role."""
    found: list[tuple[str, str, int]] = []
    for m in _ROLE_BEFORE.finditer(text):
        for name in split_names(m["names"]):
            found.append((name, normal_role(m["role"]), m.start()))
    for m in _ROLE_BY.finditer(text):
        for name in split_names(m["names"]):
            found.append((name, _BY[m["verb"]], m.start()))
    for m in _ROLE_AFTER.finditer(text):
        if looks_like_person(m["name"]):
            found.append((m["name"], normal_role(m["role"]), m.start()))
    return sorted(found, key=lambda item: item[2])


def names_in(text: str) -> list[tuple[str, int]]:
    """(name, offset) of every capitalised name that looks like a person's."""
    found = []
    for m in _RUN_RE.finditer(text):
        name = re.sub(r"['’]s$", "", m.group(0))
        trimmed = trim_name(name)
        if 2 <= len(trimmed.split()) <= 4 and looks_like_person(trimmed):
            found.append((trimmed, m.start() + len(name) - len(trimmed)))
    return found


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text``, as the first word of each letter's Unicode name (LATIN,
    ARABIC, HEBREW, CYRILLIC, CJK, …)."""
    import unicodedata

    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


_OTHER_SCRIPT = re.compile(r"^(?P<name>[^()]*?[^\W\d_][^()]*?)\s*\((?P<other>[^()]+)\)\s*$")


def split_other_script(text: str) -> tuple[str, str | None]:
    """A name followed by the same name in another script, in parentheses ("Ana Roe (آنا رو)", "יוסי לוי
    (Yossi Levi)"), as (name, other spelling); anything else (a role or a place in parentheses, written in the
    name's own script) as (text, None). Both parts must be letters of one script each, and not the same."""
    m = _OTHER_SCRIPT.match(text.strip())
    if not m:
        return text, None
    name, other = m["name"].strip(), m["other"].strip()
    if not re.fullmatch(r"[^\W\d_][\w\s.'’-]*", other) or re.search(r"\d", name + other):
        return text, None
    ours, theirs = _scripts(name), _scripts(other)
    if len(ours) != 1 or len(theirs) != 1 or ours == theirs:
        return text, None
    return name, other
