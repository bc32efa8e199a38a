"""The cast and crew of a case: every person and organisation the sources name, merged across spellings.

Mentions with the same name in another spelling ("Andreyev"/"Andreiev", "Tbilisi"/"Tbilissi")
are one entry; the most frequent spelling is the name, the others are its aliases. A person is never
merged with an organisation ("Anna Petrova" is not "the Anna Petrova Fund").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from casebook.ingest.names import lexicon
from casebook.model.conflicts import fold, same_name

ORG_ROLES = re.compile(r"investor|sales|distribut|studio|platform|production company|financier|broadcaster", re.IGNORECASE)


@functools.cache
def _org_words() -> frozenset[str]:
    """Words that make a name an organisation's ("Films", "Foundation", "Workshop"): ingest's lexicon."""
    words = lexicon()["names"]
    return frozenset(w.casefold() for w in words["org_words"])


@functools.cache
def _role_kinds() -> tuple[frozenset[str], frozenset[str]]:
    words = lexicon()["names"]
    return (frozenset(w.casefold() for w in words["activity_words"]),
            frozenset(w.casefold() for w in words["person_titles"]))


def kind_of(name: str, role: str | None) -> str:
    """"organisation" for a name with an organisation's word, one word in capitals ("UGC"), a role that names
    an activity and no person's title ("US Distribution", "International Sales", not "Head of Sales"), one word
    with a company's role (an investor, a distributor), or up to four words with such a role that are not
    written as a first name and a surname; else "person"."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", name)}
    if words & _org_words() or re.fullmatch(r"[A-Z0-9&+-]{2,}", name.strip()):
        return "organisation"
    if role:
        activities, titles = _role_kinds()
        role_words = {w.casefold() for w in re.findall(r"[^\W\d_]+", role)}
        if role_words & activities and not role_words & titles:
            return "organisation"
        if ORG_ROLES.search(role) and (len(name.split()) == 1 or len(name.split()) <= 4 and
                                        not re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", name)):
            return "organisation"
    return "person"


def _same_person(a: str, b: str) -> bool:
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) != len(tb):
        return False
    return all(x == y or same_name(x, y, 0.8) for x, y in zip(ta, tb, strict=True)) and same_name(a, b, 0.88)


def merge_people(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention records ``{"name", "role", "kind", "source", extras...}`` to person records, in first-seen order."""
    groups: list[list[dict[str, Any]]] = []
    # a name that one source names as an organisation is an organisation wherever it is named
    organisations = {fold(m["name"]) for m in mentions if m["kind"] == "organisation"}
    mentions = [m | {"kind": "organisation"} if fold(m["name"]) in organisations else m for m in mentions]
    for mention in mentions:
        name = mention["name"].strip()
        if not name:
            continue
        home = next((g for g in groups if g[0]["kind"] == mention["kind"] and any(
            _same_person(name, m["name"]) for m in g)), None)
        home.append(mention) if home else groups.append([mention])
    people = []
    for group in groups:
        spellings = Counter(m["name"] for m in group)
        name = max(spellings, key=lambda n: (spellings[n], -[m["name"] for m in group].index(n)))
        roles: list[str] = []
        for m in group:
            if m.get("role") and m["role"].lower() not in [r.lower() for r in roles]:
                roles.append(m["role"])
        person: dict[str, Any] = {
            "name": name,
            "kind": group[0]["kind"],
            "roles": roles,
            "aliases": [n for n in spellings if n != name],
            "training": [],
            "mentions": [{"name": m["name"], "role": m.get("role"), "source": m["source"]} for m in group],
        }
        for m in group:
            for key in ("born", "born_year", "birthplace"):
                if m.get(key) and not person.get(key):
                    person[key] = m[key]
            for item in m.get("training") or []:
                if item not in person["training"]:
                    person["training"].append(item)
        people.append(person)
    return people
