"""People and organisations named in running text, with the roles the text gives them.

Press text names people in a handful of ways: "Kantemir Balagov, director:", "producer Alexander
Rodnyansky", "ROSKINO CEO Katya Mtsitouridze", "his actresses Darya Zhovner and Olga Dragunova",
"— Viktoria Miroshnichenko, actress (Iya)", "presided over by the Hollywood superstar Uma Thurman".
A name is two to four capitalised words; roles come from a vocabulary of film-industry roles.
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z]?[a-zà-öø-ÿ'’]+)?"
NAME = rf"{_WORD}(?:\s+(?:de|van|von|da|di|del|le|la)?\s*{_WORD}){{1,3}}"
_NAME_RE = re.compile(rf"\b{NAME}\b")

ROLES = [
    "director of photography", "production designer", "costume designer", "sound engineer", "casting director",
    "executive producer", "co-producer", "co-writer", "screenwriter", "cinematographer", "composer", "editor",
    "producer", "director", "actress", "actor", "writer", "author", "jury president", "president", "chair",
    "CEO", "mentor", "teacher", "critic", "programmer", "press officer", "sales agent", "distributor",
]
_PLURALS = {"actresses": "actress", "actors": "actor", "producers": "producer", "directors": "director",
            "writers": "writer", "students": "student"}
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
_NOT_PEOPLE = re.compile(
    r"\b(Film|Festival|Production|Productions|Pictures|Films|Media|Studio|Studios|University|Institute|School|Fund|"
    r"Foundation|Award|Awards|Prize|Academy|Pavilion|Office|Committee|Ministry|Regard|Competition|Section|Bunch|Lorber|"
    r"State|Republic|Federation|Union|Party|War|Caucasus|Caucasian|Petersburg|Moscow|Russia|Russian|Europe|European|"
    r"Hollywood|Cannes|Venice|Berlin|Leningrad)\b"
)


def normal_role(role: str) -> str:
    role = role.strip().lower() if role.strip() != "CEO" else "CEO"
    return _PLURALS.get(role, role)


def looks_like_person(name: str) -> bool:
    return not _NOT_PEOPLE.search(name)


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
    for m in _NAME_RE.finditer(text):
        name = re.sub(r"['’]s$", "", m.group(0))
        if looks_like_person(name):
            found.append((name, m.start()))
    return found
