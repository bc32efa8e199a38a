"""The cast and crew of a case: every person and organisation the sources name, merged across spellings.

Mentions with the same name in another spelling ("Andreyev"/"Andreiev", "Tbilisi"/"Tbilissi")
are one entry; the most frequent spelling is the name, the others are its aliases. A name followed by itself in
another script ("Ana Roe (آنا رو)") is that name, the other script an alias, and a mention in that script alone is
the same person. A person is never merged with an organisation ("Anna Petrova" is not "the Anna Petrova Fund").

Roles read like credits: one per kind (``producer``, ``Producers`` and ``Producer`` are one; ``Original Music`` is
``composer``), in one casing; the kinds and their phrasings are data (``data/roles.toml``). A cast credit
("cast: Zain") gives the part the person plays, and a role that only says they act, or that repeats the part's name,
is not shown beside it.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from casebook.ingest.names import lexicon, split_other_script
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


@functools.cache
def _roles_data() -> dict[str, Any]:
    with (Path(__file__).parent / "data" / "roles.toml").open("rb") as f:
        return tomllib.load(f)


def _role_key(role: str) -> str:
    """A role lowercased, without a leading article, a trailing colon or a plural "s"."""
    key = " ".join(role.casefold().replace("’", "'").split()).strip(" :.")
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    return key


@functools.cache
def _kinds() -> dict[str, str]:
    """Every phrasing of a kind of credit (and its plural) to the kind's name."""
    table: dict[str, str] = {}
    for kind, phrasings in _roles_data()["kinds"].items():
        for phrase in [kind, *phrasings]:
            table[_role_key(phrase)] = kind
            table[_role_key(phrase) + "s"] = kind
    return table


@functools.cache
def _cast_roles() -> frozenset[str]:
    return frozenset(k for r in _roles_data()["cast"]["roles"] for k in (_role_key(r), _role_key(r) + "s"))


@functools.cache
def _casing_words() -> frozenset[str]:
    words = {w.casefold() for w in _roles_data()["casing"]["words"]}
    for phrase in [*_roles_data()["kinds"], *(p for ps in _roles_data()["kinds"].values() for p in ps),
                   *_roles_data()["cast"]["roles"]]:
        words.update(phrase.casefold().split())
    return frozenset(words)


def _role_word(word: str) -> bool:
    """Whether ``word`` (lowercased) is a word of roles: in ``data/roles.toml``, or beginning with one of ingest's
    crew stems ("coproducteur", "scénariste")."""
    return word in _casing_words() or any(word.startswith(stem) for stem in _crew_stems())


@functools.cache
def _crew_stems() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon()["credits"]["crew_stems"] if " " not in w)


def _one_casing(role: str) -> str:
    """``role`` with its role words lowercased ("Key Investor" → "key investor"); a word the vocabulary does not
    know ("Cannes", "US") is kept as written."""
    def lower(m: re.Match[str]) -> str:
        word = m.group()
        return word.casefold() if _role_word(word.casefold()) and (not word.isupper() or len(word) == 1) else word

    return re.sub(r"[^\W\d_][\w'’-]*", lower, role.strip())


_JOINS = re.compile(r"\s*(?:/|,|&|;|\band\b|\bet\b)\s*")


def _kind(part: str) -> str | None:
    part = _role_key(part)
    if part in _cast_roles():
        return "cast"
    return _kinds().get(part) or _kinds().get(re.sub(r"\s+by$", "", part))


def _kinds_of(key: str) -> list[str]:
    """The kinds of credit a role names, in order: one ("producers"), or one per part of a role that joins several
    ("writer-director", "réalisateur / director", "written and directed by"); none when a part is of no kind."""
    whole = _kind(key)
    if whole is not None:
        return [whole]
    parts = [p for p in _JOINS.split(key) if p.strip()]
    if len(parts) == 1 and key.count("-") == 1:  # "writer-director"; not "co-producer", a role of its own
        parts = key.split("-")
    kinds = [_kind(p) for p in parts]
    if len(parts) < 2 or any(k is None for k in kinds):
        return []
    return list(dict.fromkeys(k for k in kinds if k))


def credits_of(roles: list[str | None]) -> tuple[list[str], list[str]]:
    """The roles of one person's mentions as (roles, parts): one role per kind in one casing, and the parts of
    their cast credits ("cast: Zain")."""
    parts: list[str] = []
    for role in roles:
        m = re.fullmatch(r"\s*cast\s*:\s*(.+?)\s*", role or "")
        if m and m[1].casefold() not in [p.casefold() for p in parts]:
            parts.append(m[1])
    part_keys = {p.casefold() for p in parts}
    shown: dict[str, str] = {}  # kind (or the folded role) → what is shown
    for role in roles:
        if not role or not role.strip() or re.fullmatch(r"\s*cast\s*:.*", role):
            continue
        key = _role_key(role)
        if key in part_keys or role.strip().casefold() in part_keys:
            continue  # the part's name given as a role
        if key in _cast_roles():
            if not parts:
                shown.setdefault("cast", _one_casing(role.strip()).rstrip(" :"))
            continue
        # one kind, the same role in two languages ("réalisateur / director"), or several in one
        # ("writer-director", "writer, director and producer"): each part a kind (or a cast word), or the role as it is
        kinds = _kinds_of(key)
        if kinds:
            for kind in kinds:
                if kind == "cast":
                    if not parts:
                        shown.setdefault("cast", _one_casing(role.strip()).rstrip(" :") if len(kinds) == 1 else "cast")
                else:
                    shown.setdefault(kind, kind)
            continue
        singular = key[:-1] if key.endswith("s") and not key.endswith("ss") else key
        if singular in shown or key in shown:
            continue
        shown[singular] = _one_casing(role.strip()).rstrip(" :")
    return list(shown.values()), parts


def _key(name: str) -> str:
    """A name lowercased, without accents or punctuation, in any script (``fold`` keeps only Latin letters)."""
    letters = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


def _names(name: str) -> tuple[str, str | None]:
    name = name.strip()
    return split_other_script(name)


def merge_people(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention records ``{"name", "role", "kind", "source", extras...}`` to person records, in first-seen order."""
    groups: list[list[dict[str, Any]]] = []
    # a name that one source names as an organisation is an organisation wherever it is named
    organisations = {_key(m["name"]) for m in mentions if m["kind"] == "organisation"} - {""}
    mentions = [m | {"kind": "organisation"} if _key(m["name"]) in organisations else m for m in mentions]
    written: list[set[str]] = []  # per group: every name and other-script name, folded
    for mention in mentions:
        name, other = _names(mention["name"])
        if not name:
            continue
        home = next((k for k, g in enumerate(groups) if g[0]["kind"] == mention["kind"] and (
            any(_same_person(name, _names(m["name"])[0]) for m in g)
            or {_key(name), _key(other or name)} & written[k])), None)
        if home is None:
            groups.append([mention])
            written.append(set())
            home = len(groups) - 1
        else:
            groups[home].append(mention)
        written[home].update(_key(n) for n in (name, other) if n and _key(n))
    people = []
    for group in groups:
        split = [_names(m["name"]) for m in group]
        spellings = Counter(n for n, _ in split)
        order = [n for n, _ in split]
        # the most frequent spelling, then the first; a name the sources give as another's other script
        # ("Ana Roe (آنا رو)") is not the name while the group has a spelling of its own
        name = max(spellings, key=lambda n: (spellings[n], -order.index(n)))
        others = [o for _, o in split if o]
        if name in others and any(n not in others for n in spellings):  # named once in the other script alone
            name = max((n for n in spellings if n not in others), key=lambda n: (spellings[n], -order.index(n)))
        roles, parts = credits_of([m.get("role") for m in group])
        # other spellings and scripts; one written in capitals ("ANA ROE") is the same spelling
        aliases: list[str] = []
        for other in dict.fromkeys([*spellings, *others]):
            if other.casefold() not in [n.casefold() for n in (name, *aliases)]:
                aliases.append(other)
        person: dict[str, Any] = {
            "name": name,
            "kind": group[0]["kind"],
            "roles": roles,
            "parts": parts,
            "aliases": aliases,
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
