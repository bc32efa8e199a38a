"""Plain text as press documents give it: hard-wrapped lines, all-capitals headings, page numbers.

Shared by the press release and press kit extractors. Paragraphs are rebuilt from line lengths, lines
that are only a page number are dropped, and festivals and sections are recognised in running text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from casebook.ingest.dates import find_dates
from casebook.ingest.document import Document
from casebook.ingest.records import PremiereTold

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_SCOTS = re.compile(r"\b(?:Mc|Mac)(?=[A-Z]{2})")
_FESTIVAL = re.compile(
    r"(?:(?P<edition>\d{1,3})(?:st|nd|rd|th)\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}(?:International\s+)?Film\s+Festival(?:\s+of\s+[A-Z]\w+)?"
    r"|Festival\s+(?:de|du|of|di)\s+[A-Z]\w+|[A-Z]\w+\s+Festival|Berlinale|Sundance|CPH:DOX|IDFA|TIFF|SXSW|Tribeca"
    r"|Hot\s+Docs|Locarno|Karlovy\s+Vary|IFFR|Telluride|Annecy|Sheffield\s+DocFest|Visions\s+du\s+R[ée]el|DOK\s+Leipzig"
    r"|Sitges|Raindance)"
)
_SECTION = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,4}?)(?:section|sidebar|strand|programme|program|selection|competition)\b"
)


@dataclass
class Line:
    number: int  # 1-based line of the file
    text: str


def file_lines(doc: Document) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(doc.text.split("\n"))]


#: a role in parentheses after a capitals heading: "ANNA PETROVA (Director)", "RUI FALCÃO (Tomás)"
ROLE_IN_PARENS = re.compile(r"^(?P<head>.*?\S)\s*\((?P<role>[^()]{1,40})\)\s*$")


def is_heading(text: str) -> bool:
    """An all-capitals line: SYNOPSIS, INTERVIEW WITH …, KANTEMIR BALAGOV – DIRECTOR; a name's "Mc" or "Mac"
    before capitals counts as capitals (TARELL McCRANEY – WRITER), and so does a role in parentheses after the
    capitals (ANNA PETROVA (Director))."""
    role = ROLE_IN_PARENS.match(text)
    if role and not is_heading(role["role"]):
        text = role["head"]
    letters = [ch for ch in _SCOTS.sub("", text) if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and not re.match(r"^\s*\d{4}\s*[–—-]", text)


def paragraphs(lines: list[Line]) -> list[tuple[str, tuple[int, int]]]:
    """Hard-wrapped lines to paragraphs: a blank line, or a short line ending a sentence, ends one."""
    kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)]
    width = max((len(ln.text.rstrip()) for ln in kept), default=0)
    out: list[tuple[str, tuple[int, int]]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            text = " ".join(ln.text.strip() for ln in current)
            out.append((re.sub(r"\s+", " ", text).strip(), (current[0].number, current[-1].number)))
            current.clear()

    for ln in kept:
        if not ln.text.strip():
            flush()
            continue
        current.append(ln)
        stripped = ln.text.rstrip()
        if stripped.endswith((".", "!", "?", "…", "”", '"')) and len(stripped) < 0.75 * width:
            flush()
    flush()
    return out


class FestivalNamed(TypedDict):
    """A festival a text names, with its edition ("the 70th …") and section when it names them."""

    festival: NotRequired[str]
    festival_edition: NotRequired[int]
    section: NotRequired[str]


def festival_in(text: str) -> FestivalNamed:
    found: FestivalNamed = {}
    m = _FESTIVAL.search(text)
    if m:
        found["festival"] = re.sub(r"^(?:The|the)\s+", "", m["name"]).strip()
        if m["edition"]:
            found["festival_edition"] = int(m["edition"])
    s = _SECTION.search(text)
    if s:
        name = s["name"].strip()
        if name.lower() not in ("the", "official", "festival's"):
            found["section"] = name
    return found


#: a press release's dateline before its first sentence: "CANNES, May 25, 2017 — " (the day it was sent)
DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]+,\s+(?P<rest>.{4,40}?)\s+[—–-]{1,2}\s")
#: a running time as a document states it: "Running time: 137 minutes", "Duration 104 min", "Length: 98'"
RUNNING_TIME = re.compile(r"(?:running\s*time|runtime|duration|length)\s*[:.]?\s*(?P<min>\d{2,3})\s*(?:(?:mins?|minutes)\b|')",
                          re.IGNORECASE)


def after_dateline(text: str) -> tuple[str, tuple[dt.date, str] | None]:
    """``text`` without a press release's dateline ("CANNES, 16 May 2019 — "), and the day the dateline gives
    with its words (None without a dated dateline): the day the release was sent, not the day of what it tells."""
    lead = DATELINE.match(text)
    if lead is None:
        return text, None
    sent = find_dates(lead["rest"])
    return text[lead.end():].strip(), (sent[0][0], sent[0][1]) if sent else None
_PREMIERE_KIND = re.compile(r"\b(world|international|european|north american|us|uk)\s+premi[eè]re", re.IGNORECASE)


def premiere_in(sentence: str, date: dt.date | None = None) -> PremiereTold | None:
    """The premiere a sentence tells of: its kind ("world premiere", else "premiere"), the festival and section
    it names and ``date`` (the day the caller found); None when the sentence has no premiere, or neither a
    date nor a festival."""
    if not re.search(r"premi[eè]re", sentence, re.IGNORECASE):
        return None
    kind = _PREMIERE_KIND.search(sentence)
    premiere: PremiereTold = {"date": date, "kind": kind.group(0).lower() if kind else "premiere"}
    named = festival_in(sentence)
    if "festival" in named:
        premiere["festival"] = named["festival"]
    if "section" in named:
        premiere["section"] = named["section"]
    return premiere if date or "festival" in premiere else None


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)



# --- PDF debris: glued footnote markers, footnote bodies, hyphenated line ends, reflowed paragraphs ---------

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
#: a line laid out for the eye, not written as prose: dotted leaders, columns of a table, a tab
LAID_OUT = re.compile(r"\.{4,}|…{2,}|_{4,}|\S {3,}\S|\t")
#: a label of one to four words and its value: "Budget — €1.2m", "Release: 12 May 2022"
LABELLED = re.compile(r"^[A-Z][\w’'&/().-]*(?:\s+[\w’'&/().-]+){0,3}(?:\s+[—–]|:)\s+\S")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
_DIGITS_ONLY = re.compile(r"^\s*(\d{1,3})\s*$")
# digits glued to the end of a word or to closing punctuation: "period1", "Kovalenko)2", "constriction”4"
_GLUED = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]”\"’.,;:!?]))(\d{1,2})(?=[\s,.;:!?)\]”\"’]|$)")
_NOTE_PREFIX = re.compile(r"^\s*(?:(?:translator|editor|author|publisher)[’']?s?\s+note\b|note\s*:)", re.IGNORECASE)
_ABBREVIATION = re.compile(
    r"(?:\b(?:St|Ste|Mt|Mr|Mrs|Ms|Dr|Jr|Sr|Prof|vs|etc|pop|dir|approx|cf|ca|e\.g|i\.e)\.|(?:^|\s)[A-Z]\.)$"
)


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: ``.``, ``!``, ``?`` or ``…``, perhaps followed by closing quotes."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def vocabulary(text: str) -> frozenset[str]:
    """Every word of ``text``, lower-cased: the dictionary that decides hyphenation at line ends."""
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))


def text_width(lines: list[Line]) -> int:
    """The wrapping width of hard-wrapped text: a high percentile of the lengths of its longer lines."""
    lengths = sorted(len(ln.text.rstrip()) for ln in lines if len(ln.text.strip()) >= 20)
    if not lengths:
        return max((len(ln.text.rstrip()) for ln in lines), default=0)
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def join_wrapped(lines: list[Line], words: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, int]]]:
    """Join hard-wrapped lines into one text; also where in the text each line's words begin.

    A line ending in a hyphen glued to a word ("photogra-") is joined to the next without a space. The
    hyphen goes only when the next line starts lower-case and the joined word is one of ``words`` (found
    unhyphenated elsewhere in the document); otherwise it stays ("long-time", "Kabardino-Balkaria").
    """
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    length = 0
    for ln in lines:
        piece = re.sub(r"\s+", " ", ln.text.strip())
        if not piece:
            continue
        if parts:
            before = parts[-1]
            hyphen = _HYPHEN_END.search(before)
            if hyphen and not before.endswith("--"):
                head = _WORD_START.match(piece)
                if piece[:1].islower() and head and (hyphen.group(1) + head.group(1)).lower() in words:
                    parts[-1] = before[:-1]
                    length -= 1
            else:
                parts.append(" ")
                length += 1
        starts.append((length, ln.number))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), starts


@dataclass
class Para:
    """A paragraph rebuilt from wrapped lines, with the file line where each of its lines begins."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, file line)
    cites: list[str] = field(default_factory=list)  # footnote markers cited in it

    @property
    def source(self) -> tuple[int, int]:
        return (self.starts[0][1], self.starts[-1][1])

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """The file lines holding ``text[start:end]``."""
        first = [line for offset, line in self.starts if offset <= start]
        last = [line for offset, line in self.starts if offset < max(end, start + 1)]
        return (first[-1] if first else self.starts[0][1], last[-1] if last else self.starts[-1][1])


def reflow(lines: list[Line], words: frozenset[str] = frozenset(), width: int | None = None,
           cites: dict[int, list[str]] | None = None) -> list[Para]:
    """Hard-wrapped lines to paragraphs, PDF debris aside.

    Page-number lines are dropped. A blank line ends a paragraph unless it is a page break inside a sentence
    (the line before does not end a sentence and the next starts lower-case, or the line before ends with a
    comma or dash); a short line that ends a sentence ends one too. Line-end hyphens follow
    :func:`join_wrapped`. ``cites`` maps file lines to the footnote markers cited there.
    """
    kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)]
    if width is None:
        width = text_width(kept)
    out: list[Para] = []
    current: list[Line] = []
    gap = False

    def flush() -> None:
        if current:
            text, starts = join_wrapped(current, words)
            found = [m for ln in current for m in (cites or {}).get(ln.number, [])]
            out.append(Para(text, starts, list(dict.fromkeys(found))))
            current.clear()

    for ln in kept:
        stripped = ln.text.strip()
        if not stripped:
            gap = True
            continue
        if gap and current:
            before = current[-1].text.rstrip()
            continues = not ends_sentence(before) and (stripped[:1].islower() or before.endswith((",", "–", "—", "-")))
            if not continues:
                flush()
        gap = False
        current.append(ln)
        if ends_sentence(stripped) and len(ln.text.rstrip()) < 0.75 * width:
            flush()
    flush()
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` start and end; "St. Ives", "A. Smith" do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘«(]?[A-ZÀ-ÞА-ЯЁ0-9])", text):
        if m.group(0).startswith(".") and _ABBREVIATION.search(text[start : m.start() + 1]):
            continue
        if re.search(r"\bNo\.$", text[start : m.end()]) and re.match(r"\s+\d", text[m.end() :]):
            continue  # "No. 5"
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def glued_markers(text: str) -> list[re.Match[str]]:
    """Digits glued after a word or closing punctuation that may be footnote markers ("period1", "War1").

    Not markers: digits inside a token that starts with a digit ("13,000km2", "2.39:1"), after an all-capitals
    word or a short lower-case unit ("MP3", "F1", "m2"). Whether they really are markers depends on the
    numbering, which :func:`split_footnotes` checks.
    """
    found = []
    for m in _GLUED.finditer(text):
        token = re.search(r"\S*$", text[: m.start()]).group(0)  # type: ignore[union-attr]
        letters = re.search(r"([^\W\d_]+)[)\]”\"’.,;:!?]*$", token)
        if not token or token[0].isdigit() or not letters:
            continue
        word = letters.group(1)
        if word.isupper() or (word.islower() and len(word) <= 2 and token == word):
            continue
        found.append(m)
    return found


class Footnote(TypedDict):
    """A footnote: its marker, its text, its lines, and the line that cites it."""

    marker: str
    text: str
    source: tuple[int, int]
    cited_at: tuple[int, int]


@dataclass
class Footnotes:
    """What :func:`split_footnotes` found: the footnotes, the lines they took, and the cleaned text lines."""

    notes: list[Footnote] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # file lines of footnote bodies and their marker lines
    cites: dict[int, list[str]] = field(default_factory=dict)  # file line -> markers cited on it
    missing: list[tuple[str, int]] = field(default_factory=list)  # (marker, line) cited, no text found
    lines: list[Line] = field(default_factory=list)  # the file's lines, markers cut, bodies left out


def split_footnotes(lines: list[Line], words: frozenset[str] = frozenset(),
                    skip: Any = None) -> Footnotes:
    """Find footnotes in text extracted from a PDF: markers glued to words, bodies at the foot of a page.

    Markers must number 1, 2, 3… in order of citation. A body is the text after a line holding only a cited
    marker ("1", then "From 1957 to 1964…"), or a line starting with the marker ("2 Translator's note…"),
    or, where the marker line was lost, a line starting "Translator's note" while a marker waits for its
    text (it then belongs to the first marker waiting). A body ends at a blank line, a line of digits or a
    heading. Bodies are matched to markers in order. ``skip(text)`` tells lines never to scan (headings).
    """
    result = Footnotes()
    expected = 1
    pending: list[tuple[str, int]] = []  # markers cited and waiting for their text: (marker, line)
    found_at: dict[int, list[tuple[str, int, int]]] = {}  # file line -> (marker, start, end) in the line
    i = 0
    n = len(lines)

    def is_stop(ln: Line) -> bool:
        return not ln.text.strip() or bool(_DIGITS_ONLY.match(ln.text)) or bool(skip and skip(ln.text))

    def record(marker: str, first: int, body: list[Line]) -> None:
        text, _ = join_wrapped(body, words)
        cited = next(line for m, line in pending if m == marker)
        result.notes.append({"marker": marker, "text": text, "source": (first, body[-1].number),
                             "cited_at": (cited, cited)})
        result.taken.update(range(first, body[-1].number + 1))
        pending[:] = [p for p in pending if p[0] != marker]

    def take_body(marker: str, marker_line: int | None, j: int, first_text: str | None = None) -> int:
        body: list[Line] = []
        k = j
        while k < n and len(body) < 10:
            ln = lines[k]
            if body and is_stop(ln):
                break
            body.append(Line(ln.number, first_text) if first_text is not None and not body else ln)
            k += 1
        record(marker, marker_line if marker_line is not None else body[0].number, body)
        return k

    def lost_marker_body(i: int) -> None:
        """Before the marker line ``lines[i]``: the body of an earlier marker whose own marker line was lost,
        a block of lines that starts indented (where the superscript was) right after a paragraph's end."""
        k = i - 1
        block: list[Line] = []
        while k >= 0 and len(block) < 6 and lines[k].text.strip() and lines[k].number not in result.taken:
            block.insert(0, lines[k])
            if lines[k].text[:1].isspace():
                before = lines[k - 1].text if k > 0 else ""
                if not before.strip() or ends_sentence(before):
                    record(pending[0][0], block[0].number, block)
                return
            k -= 1

    while i < n:
        ln = lines[i]
        text = ln.text
        waiting = [m for m, _ in pending]
        only = _DIGITS_ONLY.match(text)
        if only and only.group(1) in waiting:
            j = i + 1
            while j < n and not lines[j].text.strip() and j - i <= 3:
                j += 1
            if j < n and not is_stop(lines[j]):
                if waiting[0] != only.group(1):
                    lost_marker_body(i)
                i = take_body(only.group(1), ln.number, j)
                continue
        lead = re.match(r"^\s*(\d{1,2})\s+(?=[\"“«(]?[A-ZÀ-ÞА-ЯЁ])", text)
        if lead and lead.group(1) in waiting and i > 0 and (not lines[i - 1].text.strip()
                                                           or lines[i - 1].number in result.taken):
            i = take_body(lead.group(1), None, i, text[lead.end():])
            continue
        if waiting and _NOTE_PREFIX.match(text):
            i = take_body(waiting[0], None, i)
            continue
        if not (skip and skip(text)):
            for m in glued_markers(text):
                if int(m.group(1)) == expected:
                    pending.append((m.group(1), ln.number))
                    found_at.setdefault(ln.number, []).append((m.group(1), *m.span(1)))
                    expected += 1
        i += 1
    # the numbering is confirmed once one body is found: then every marker is cut from the text
    confirmed = bool(result.notes)
    result.missing = list(pending) if confirmed else []
    with_text = {note["marker"] for note in result.notes}
    for ln in lines:
        if ln.number in result.taken:
            continue
        text = ln.text
        if confirmed and ln.number in found_at:
            for _marker, start, end in sorted(found_at[ln.number], key=lambda f: -f[1]):
                text = text[:start] + text[end:]
            cited = [marker for marker, _, _ in found_at[ln.number] if marker in with_text]
            if cited:
                result.cites[ln.number] = cited
        result.lines.append(Line(ln.number, text))
    return result


# --- PDF debris: running headers, footers and page labels, recognised by their repetition ------------------

#: a line that is only a page label: "Page 3", "- 3 -", "3 / 12", "Page 3 of 12", "p. 3", "[3]"
_PAGE_LABEL = re.compile(r"^\s*(?:(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]"
                         r"|\d{1,4}\s*(?:/|of)\s*\d{1,4}|\[\s*\d{1,4}\s*\])\s*$", re.IGNORECASE)
_MAX_FURNITURE = 90  # characters: a running header or footer is one short line
_YEAR_ENTRY = re.compile(r"^\s*(?:19|20)\d\d\b")  # "2007 – ONCE, 85 min": a filmography, never furniture


def _shape(text: str) -> str:
    """A line as a running header repeats it: digits aside, case and white space aside."""
    return " ".join(re.sub(r"\d+", "#", text).casefold().split())


def page_debris(lines: list[Line], page_starts: frozenset[int] = frozenset(), keep: Any = None) -> set[int]:
    """The file lines that are page furniture of a PDF, not content: running headers and footers, page labels.

    Recognised by repetition, never by their words: a short line that comes back three times or more, the
    same but for its digits, is furniture

    * when its numbers count up through the document, as page numbers do ("Title – Press Notes – 3", "– 4", …),
      and it is more than a single word and a number ("Part 1", "Part 2" are headings);
    * or when it is the same line every time (or its numbers count up) and every time it stands at a page break:
      among the first or last lines of a page (``page_starts``, from form feeds), within two lines of a page
      number, or alone between blank lines, as extraction leaves a header ("Northlight Pictures · Press Kit").

    A line that is only a page label ("Page 3", "- 3 -", "3 / 12") is furniture wherever it is. Never
    furniture: a line with fewer than three letters (bare page numbers and footnote markers are left to
    their own rules), a filmography line opening with a year, a line ``keep(text)`` keeps (section headings).
    """
    found: set[int] = set()
    groups: dict[str, list[int]] = {}
    for index, ln in enumerate(lines):
        text = ln.text.strip()
        if _PAGE_LABEL.match(text):
            found.add(ln.number)
            continue
        letters = sum(ch.isalpha() for ch in text)
        if letters < 3 or len(text) > _MAX_FURNITURE or _YEAR_ENTRY.match(text) or (keep and keep(text)):
            continue
        groups.setdefault(_shape(text), []).append(index)
    edges = _page_edges(lines, page_starts)
    for shape, members in groups.items():
        if len(members) < 3:
            continue
        numbers = [[int(n) for n in re.findall(r"\d+", lines[i].text)] for i in members]
        counting = "#" in shape and len(re.findall(r"[^\W\d_]+", shape)) >= 2 and _counts_up(numbers)
        same = len({lines[i].text.strip() for i in members}) == 1 or _counts_up(numbers)
        apart = same and all(lines[i].number in edges or _alone(lines, i) or _by_page_number(lines, i) for i in members)
        if counting or apart:
            found.update(lines[i].number for i in members)
    return found


def _counts_up(numbers: list[list[int]]) -> bool:
    """Some number of the lines rises from one to the next, as page numbers do (each line has the same count)."""
    if len({len(n) for n in numbers}) != 1 or not numbers[0]:
        return False
    return any(all(a[k] < b[k] for a, b in itertools.pairwise(numbers)) for k in range(len(numbers[0])))


def _alone(lines: list[Line], i: int) -> bool:
    """Blank lines (or the file's ends) on both sides."""
    return all(j < 0 or j >= len(lines) or not lines[j].text.strip() for j in (i - 1, i + 1))


def _by_page_number(lines: list[Line], i: int) -> bool:
    """A page number or page label within two lines before or after (blank lines aside): a page break."""
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < 2:
            text = lines[j].text.strip()
            if text:
                if _PAGE_NUMBER.match(text) or _PAGE_LABEL.match(text):
                    return True
                seen += 1
            j += step
    return False


def _page_edges(lines: list[Line], page_starts: frozenset[int]) -> set[int]:
    """The first and last two non-blank lines of each page, where the pages are known (form feeds)."""
    if not page_starts:
        return set()
    pages: list[list[int]] = [[]]
    for ln in lines:
        if ln.number in page_starts and pages[-1]:
            pages.append([])
        if ln.text.strip():
            pages[-1].append(ln.number)
    return {number for page in pages for number in page[:2] + page[-2:]}
