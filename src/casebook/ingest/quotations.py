"""Who said a quotation: attribution rules ordered by how certain they are, each filling only what is still empty.

The rules (the sieve of Muzny et al. 2017, cut down to what press text needs; see FIELD-NOTES "Quote attribution"):

1. beside the quotation: ``"…," said Name``, ``"…," says producer Name``, ``"…" Name recalls``,
   ``"…," Name, who plays X, said``, ``"…", according to Name``;
2. a dash line just after it: ``— Name, role``;
3. a ``Name, role:`` or ``NAME (Role):`` line just before it;
4. a lead-in ending in a colon just before it (``Festival director Ana Silva explained …:``): the person who opens
   it (after an opening clause and titles), with nobody else before its speech verb;
5. the last sentence before it, when the person who opens it is the subject of its speech verb
   (``Anna Roe opened the evening and noted that …``).

Nothing looser: without one of these, the quotation stays unattributed. People are *mentions* outside every
quotation (a name inside the quotation is never its speaker): a full name of two to four words that is not a
place, an organisation or a quoted title, or a single word that is the first or last word of exactly one full
name the document gives elsewhere ("Okafor" for "Paul Okafor").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from casebook.ingest import names

_OPEN = "\"“«„"
_CLOSE = "\"”»“"
_DASH = "—–―"
_MARKS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")


@functools.cache
def _verbs() -> re.Pattern[str]:
    words = sorted(names.lexicon()["speech"]["verbs"], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])", re.IGNORECASE)


@functools.cache
def _according() -> str:
    return "|".join(re.escape(w) for w in names.lexicon()["speech"]["according"])


@functools.cache
def _openers() -> frozenset[str]:
    return frozenset(w.casefold() for w in names.lexicon()["speech"]["clause_openers"])


@functools.cache
def _not_before_name() -> frozenset[str]:
    return frozenset(w.casefold() for w in names.lexicon()["speech"]["not_before_name"])


def speech_verb(text: str) -> bool:
    """Whether ``text`` has a verb of speech ("said", "recalls", …; data/people.toml)."""
    return _verbs().search(text) is not None


def single_quotes(text: str) -> str:
    """``‘…’`` quotations written with double marks (same length), so that apostrophes stay apostrophes: a ‘ that
    opens a word, closed by the next ’ that no letter follows."""
    if "‘" not in text:
        return text
    out = list(text)
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–]))‘", text):
        close = re.compile(r"’(?![^\W\d_])").search(text, m.end())
        if close:
            out[m.start()], out[close.start()] = "“", "”"
    return "".join(out)


def spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of every quotation in ``text``; one left open ends at ``len(text)``."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group(0)
        if start is None and ch in _OPEN:
            start = i
        elif start is not None and ch in _CLOSE:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(text)))
    return found


def masked(text: str) -> str:
    """``text`` with the letters and digits of every quotation hidden (same length; punctuation kept)."""
    marks = spans(text)
    if not marks:
        return text
    out, last = [], 0
    for a, b in marks:
        out.append(text[last : a + 1])
        out.append(re.sub(r"[^\W_]", "x", text[a + 1 : b]))
        last = b
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str


class Cast:
    """The people a document names (outside its quotations), to tell a speaker's name from other capitals."""

    def __init__(self, texts: list[str], not_people: set[str] | None = None):
        self.texts = texts
        self.skip = {n.casefold() for n in not_people or ()}
        for text in texts:  # quoted titles ("Silent Lake") are not people
            for a, b in spans(text):
                inner = text[a + 1 : b].strip(" ,.")
                if len(inner.split()) <= 6:
                    self.skip.add(inner.casefold())

    @functools.cached_property
    def full(self) -> list[str]:
        """The full names of the document, in order (read when a single word is first to be resolved)."""
        found: dict[str, None] = {}
        for text in self.texts:
            for name, _ in names.names_in(masked(text)):
                if name.casefold() not in self.skip:
                    found.setdefault(name)
        return list(found)

    @functools.cached_property
    def _ends(self) -> dict[str, set[str]]:
        ends: dict[str, set[str]] = {}
        for full in self.full:
            for word in {full.split()[0], full.split()[-1]}:
                ends.setdefault(word, set()).add(full)
        return ends

    def resolve(self, word: str) -> str | None:
        """A single word to the one full name it begins or ends; None when no name or several do."""
        found = self._ends.get(word, set())
        return next(iter(found)) if len(found) == 1 else None

    def labelled(self, label: str) -> str | None:
        """The person a label in capitals names ("STEFANOV", "ANA ROE"): a full name written so, or the one
        full name that begins or ends with that word; None otherwise."""
        folded = " ".join(label.split()).casefold()
        found = {f for f in self.full if f.casefold() == folded}
        if not found and " " not in folded:
            found = {f for f in self.full if folded in (f.split()[0].casefold(), f.split()[-1].casefold())}
        return next(iter(found)) if len(found) == 1 else None

    def known(self, name: str) -> str:
        """How the document writes a name given in capitals elsewhere ("ALFONSO CUARÓN")."""
        return next((f for f in self.full if f.casefold() == name.casefold()), name)

    def mentions(self, text: str) -> list[Mention]:
        """People named in ``text`` outside its quotations, in order."""
        hidden = masked(text)
        found: list[Mention] = []
        for name, at in names.names_in(hidden):
            if name.casefold() not in self.skip:
                found.append(Mention(at, at + len(name), name))
        for m in re.finditer(rf"(?<![\w-]){names.SURNAME}(?![\w-])", hidden):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            word = re.sub(r"['’]s$", "", m.group(0))  # "Roe's": the mention ends before the possessive
            full = self.resolve(word)
            if full:
                found.append(Mention(m.start(), m.start() + len(word), full))
        return sorted(found, key=lambda f: f.start)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", role.strip(" ,"), flags=re.IGNORECASE)
    return role or None


def _named_after(window: str, cast: Cast) -> tuple[str, str | None] | None:
    """The person a clause after a speech verb names first: "producer Anna Roe", "its head of sales Jo Lin"."""
    hidden = masked(window)
    end = re.search(r"[,.;:!?\"“”«»\n]", hidden)
    clause = window[: end.start()] if end else window
    found = cast.mentions(clause)
    if len({f.name for f in found}) != 1 or re.match(r"['’]s\b", clause[found[0].end :]):
        return None  # nobody, two people ("said Ana Roe and Jo Lin"), or someone else's ("said Roe's producer")
    before = clause[: found[0].start]
    words = re.findall(r"[\w'’-]+", before)
    if len(words) > 7 or any(w.casefold() in _not_before_name() for w in words):
        return None
    role = re.sub(r"^(?:\S+\s+){0,4}?\S+['’]s\s+(?=[a-z])", "", before.strip())  # "Acme Films' head of sales"
    return found[0].name, _clean_role(role) if role[:1].islower() else None


def beside(after: str, cast: Cast) -> tuple[str, str | None] | None:
    """Rule 1, on the text just after a closing mark: "said Name", "Name said", "according to Name"."""
    verb = re.match(rf"\s*,?\s*(?:(?:{_verbs().pattern})|(?:{_according()}))\s+", after, re.IGNORECASE)
    if verb:
        return _named_after(after[verb.end() :], cast)
    lead = re.match(r"\s*,?\s*", after)
    assert lead is not None
    found = cast.mentions(after[: lead.end() + 120])
    if not found or found[0].start != lead.end():
        return None
    rest = after[found[0].end :]
    apposition = r"(?:\s*,\s*(?:who|a|an|the|his|her|its|their)\b[^,.;\"“”«»]{1,120},)?"
    if re.match(rf"{apposition}\s*(?:also\s+)?(?:{_verbs().pattern})", rest, re.IGNORECASE):
        return found[0].name, None
    return None


_ROLE_LINE = r"[^\W\d_][\w /'’&.-]{0,60}?"


def dash_line(text: str, cast: Cast) -> tuple[str, str | None] | None:
    """Rule 2: ``— Name`` or ``— Name, role`` (``(Character)`` after it allowed), a line of its own."""
    m = re.fullmatch(rf"\s*[{_DASH}]{{1,2}}\s*(?P<who>[^,()\n]+?)\s*(?:,\s*(?P<role>[^\W\d_][^()\n]{{0,80}}?))?"
                     rf"\s*(?:\([^)\n]*\))?\s*", text)
    if not m:
        return None
    who = cast.mentions(m["who"])
    if len(who) != 1 or m["who"][: who[0].start].strip() or m["who"][who[0].end :].strip():
        return None
    return who[0].name, _clean_role(m["role"])


def speaker_line(text: str, cast: Cast) -> tuple[str, str | None] | None:
    """Rule 3: ``Name, role:`` or ``NAME (Role):``, a line of its own."""
    m = re.fullmatch(rf"\s*(?P<who>[^,()\n:]+?)\s*(?:,\s*(?P<role>{_ROLE_LINE})|\((?P<paren>[^)\n]+)\))\s*:\s*", text)
    if not m:
        return None
    who = m["who"]
    if who.isupper():
        who = cast.known(who)
        if who.isupper():
            who = " ".join(w.capitalize() for w in who.split())
    role = m["role"] or m["paren"]
    if not any(w.casefold() in names.role_words() for w in re.split(r"[\s/-]+", role)):
        return None  # "Ana Roe, accepting the award:" is a lead-in (rule 4), not a name and a role
    found = cast.mentions(who)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(who):
        return None
    return found[0].name, _clean_role(role)


def _last_sentence(text: str) -> str:
    """The last sentence of ``text`` (which may end without a full stop)."""
    hidden = masked(text).rstrip()
    ends = [m.end() for m in re.finditer(r"[.!?][\"”»’)]*\s+(?=\S)", hidden)]
    return text[ends[-1] :] if ends else text


def _subject_part(sentence: str) -> str:
    """The sentence without an opening clause ("Speaking to the press, …", "However, …")."""
    first = re.match(r"\s*([^\W\d_]+)", sentence)
    comma = masked(sentence).find(",")
    if first and comma > 0 and (first.group(1).casefold() in _openers() or first.group(1).endswith("ing")):
        return " " * (comma + 1) + sentence[comma + 1 :]
    return sentence


def subject(sentence: str, cast: Cast, need_verb: bool) -> str | None:
    """The person a sentence opens with, as the one speaking: a name at its start (after an opening clause and
    titles: "Speaking to the press, Jury President Ana Roe told …"), with no other person between it and the
    sentence's first speech verb but in an apposition ("Ana Roe, who produced it with Jo Lin, said"). Without a
    speech verb the name counts only when ``need_verb`` is False (a lead-in ending in a colon)."""
    part = _subject_part(sentence)
    found = cast.mentions(part)
    if not found:
        return None
    first = found[0]
    opening = re.findall(r"[\w'’-]+", part[: first.start])
    if not all(w.casefold() in names.title_words() or w.isupper() for w in opening):
        return None  # "In her speech she thanked Ana Roe:", "The film, which Ana Roe produced, was described …"
    hidden = masked(part)
    verb = _verbs().search(hidden, first.end)
    if verb is None:
        return None if need_verb else first.name
    apposition = re.match(r"\s*,[^,]*,", hidden[first.end : verb.start()])
    inside = first.end + (apposition.end() if apposition else 0)
    if any(f.name != first.name and inside <= f.start < verb.start() for f in found[1:]):
        return None
    return first.name


def lead_in(before: str, cast: Cast) -> str | None:
    """Rule 4: text just before a quotation that ends with a colon (or a speech verb and a comma)."""
    stripped = before.rstrip()
    if not stripped.endswith(":") and not (stripped.endswith(",") and _verbs().search(stripped[-20:])):
        return None
    return subject(_last_sentence(stripped[:-1]), cast, need_verb=False)


def told_before(before: str, cast: Cast) -> str | None:
    """Rule 5: the last sentence before a quotation has a person as the subject of a speech verb."""
    stripped = before.rstrip()
    return subject(_last_sentence(stripped), cast, need_verb=True) if stripped else None


def inline(text: str, cast: Cast, min_words: int = 6) -> list[tuple[list[tuple[int, int]], str | None, str | None]]:
    """The quotations of a paragraph of prose (at least ``min_words`` words each), in runs credited to one
    speaker: ``[(spans, speaker, role)]``. A quotation without an attribution of its own goes on the run of
    the one before it in the paragraph ('"…," said Ana. "…"'); rules 1, 4 and 5 apply."""
    runs: list[tuple[list[tuple[int, int]], str | None, str | None]] = []
    previous_end = 0
    for a, b in spans(text):
        if len(text[a + 1 : b].split()) < min_words:
            continue
        who = beside(text[b + 1 :], cast) if b < len(text) else None
        if who is None and text[:a].rstrip().endswith(":"):  # "ANA ROE (Producer): "…"" on one line
            who = speaker_line(_last_sentence(text[:a].rstrip()), cast)
        if who is None:
            who_name = lead_in(text[:a], cast) or (told_before(text[:a], cast) if not runs else None)
            who = (who_name, None) if who_name else None
        if who is None and runs and not text[previous_end:a].strip(" ,.;"):
            runs[-1][0].append((a, b))
        elif who is None and runs and runs[-1][1] and _continues(text[previous_end:a], runs[-1][1], cast):
            runs[-1][0].append((a, b))
        elif runs and who is not None and runs[-1][1] == who[0]:
            runs[-1][0].append((a, b))
        else:
            runs.append(([(a, b)], who[0] if who else None, who[1] if who else None))
        previous_end = b + 1
    return runs


def _continues(between: str, speaker: str, cast: Cast) -> bool:
    """Text between two quotations that says nothing but the same speaker's speech ('," Ana said. "')."""
    found = cast.mentions(between)
    return all(f.name == speaker for f in found) and len(between.split()) <= 6 and bool(_verbs().search(between))
