"""The business analysis: title, executive summary, strategic analysis, stakeholder balance sheet.

Sections are found by what their headings say, not by their position or numbering: "I. Executive
Summary", "## Executive summary" and "**1) Overview**" all open the executive summary.
"""

from __future__ import annotations

import re
from typing import Literal, NotRequired, TypedDict

from casebook.ingest.amounts import Amount, find_amounts
from casebook.ingest.blocks import (
    Block,
    Heading,
    ListBlock,
    Para,
    Rule,
    Run,
    Span,
    is_bold_line,
    lines_of,
    split_label,
    split_lines,
    strip_runs,
)
from casebook.ingest.blocks import plain as plain_text
from casebook.ingest.numbering import split_number, strip_number
from casebook.ingest.records import Notes, RichParagraph, RichText, TextBlock, rich, rich_plain, text_block

SECTION_PATTERNS = {
    "executive_summary": r"(executive\s+)?(summary|overview)|at\s+a\s+glance|key\s+facts",
    "analysis": r"(strategic\s+)?(analysis|review|assessment|discussion)|strategy|case\s+analysis",
    "stakeholders": r"stakeholders?(\s+(balance\s+sheet|analysis|outcomes|map|review))?|balance\s+sheet\s+of\s+stakeholders",
}
PART_KINDS = {
    "introduction": r"introduction|intro|opening|background|context|overview",
    "body": r"body|main\s+analysis|analysis|discussion|argument",
    "conclusion": r"conclusions?|closing|lessons?|takeaways?|summary|verdict",
}
_PART = re.compile(
    r"^(?P<kind>" + "|".join(f"(?:{p})" for p in PART_KINDS.values()) + r")\s*(?:[:—–\-.]\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
OUTCOME_LABELS = r"outcome|result|verdict|position"
IMPACT_LABELS = r"impact|effect|detail|details|analysis|consequence"


class Fact(TypedDict):
    """A labelled fact (``**Budget:** €130,000``; ``label`` None for a line with no label), its value, the money
    amounts and percentages in it, its lines, and the columns of the table row it is (when it is one)."""

    label: str | None
    value: RichText
    amounts: list[Amount]
    source: Span
    columns: NotRequired[list[str]]


class FactGroup(TypedDict):
    """A group of the executive summary: its heading (None before the first), its facts and paragraphs; ``role``
    "verdict" for a group headed as the verdict or bottom line."""

    title: str | None
    facts: list[Fact]
    paragraphs: list[RichParagraph]
    source: Span
    role: NotRequired[str]


class Point(TypedDict):
    """An item of a list in the strategic analysis, with its bold label when it has one."""

    label: str | None
    text: RichText
    source: Span


class AnalysisSection(TypedDict):
    title: str
    paragraphs: list[RichParagraph]
    points: list[Point]
    source: Span


class AnalysisPart(TypedDict):
    """A part of the strategic analysis: ``kind`` introduction, body, conclusion or other; the heading as
    written and the title after its kind word ("Body: The Post-Mortem" → "The Post-Mortem")."""

    kind: str
    heading: str
    title: str
    paragraphs: list[RichParagraph]
    points: list[Point]
    sections: list[AnalysisSection]
    source: Span


class Analysis(TypedDict):
    parts: list[AnalysisPart]


class Stakeholder(TypedDict):
    """A stakeholder of the balance sheet: role, name as written, the people it names, outcome, impact (empty rich
    text when not written), the other lines under it as facts, and its lines."""

    role: str
    name: str
    people: list[str]
    outcome: RichText
    impact: RichText
    details: list[Fact]
    source: Span


class _Holder(TypedDict):
    """A stakeholder while it is read: outcome and impact None until found, and what :func:`stakeholders` needs
    to show it as written should it turn out to be no stakeholder."""

    role: str
    name: str
    people: list[str]
    outcome: RichText | None
    impact: RichText | None
    details: list[Fact]
    source: Span
    _lines: NotRequired[list[tuple[list[Run], Span, Para | ListBlock]]]
    _one_line: NotRequired[bool]
    _tentative: NotRequired[bool]
    _heading: NotRequired[Heading]


class OtherSection(TypedDict):
    """A section casebook does not know, or what stands before the first section (``title`` None), as written;
    ``follows``: the section it comes after ("start" before the first)."""

    title: str | None
    follows: str
    source: Span
    blocks: list[TextBlock]


class _Other(TypedDict):
    title: str | None
    follows: str
    raw: NotRequired[list[Block]]
    source: Span
    blocks: NotRequired[list[TextBlock]]


class BusinessRecord(TypedDict):
    """What a business analysis gives: its title, the three sections it has, and the rest as written."""

    title: str | None
    other_sections: list[OtherSection]
    executive_summary: NotRequired[list[FactGroup]]
    analysis: NotRequired[Analysis]
    stakeholders: NotRequired[list[Stakeholder]]
    stakeholder_blocks: NotRequired[list[TextBlock]]


def section_of(heading: str) -> str | None:
    text = strip_number(heading).strip(" .:").lower()
    for key, pattern in SECTION_PATTERNS.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return key
    return None


def extract_business(blocks: list[Block], notes: Notes) -> BusinessRecord:
    """Title and the three sections of a business analysis, as records; what stands before the first section
    (after the title) and sections casebook does not know are kept as written (``other_sections``)."""
    sections: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    preamble: list[Block] = []
    others: list[_Other] = []
    level: int | None = None  # the '#' level of the sections' headings (None: bold lines, or not seen yet)
    numbered = False
    last: str = "start"
    for block in blocks:
        key = section_of(block.text) if isinstance(block, Heading) else None
        if key and key not in sections:
            current = sections[key] = []
            last = key
            if not sections.keys() - {key}:
                level = block.level or None  # type: ignore[union-attr]
                numbered = split_number(block.text)[0] is not None  # type: ignore[union-attr]
        elif isinstance(block, Heading) and level is not None and _opens_other(block, level, numbered):
            raw: list[Block] = []
            other: _Other = {"title": strip_number(block.text).strip(), "follows": last, "raw": raw, "source": block.span}
            others.append(other)
            current = raw
        elif current is not None:
            current.append(block)
        else:
            preamble.append(block)
    title_at = next((k for k, b in enumerate(preamble) if isinstance(b, Heading)), None)
    before = [b for k, b in enumerate(preamble) if k != title_at]
    if any(not isinstance(b, Rule) for b in before):
        first, last_line = before[0].span[0], before[-1].span[1]
        others.insert(0, {"title": None, "follows": "start", "raw": before, "source": (first, last_line)})
    kept: list[OtherSection] = []
    for other in others:
        raw = other.pop("raw")
        written = as_written(raw, [other["title"]] if other["title"] else [])
        if raw:
            other["source"] = (other["source"][0], max(b.span[1] for b in raw))
        if written or other["title"]:
            kept.append({"title": other["title"], "follows": other["follows"], "source": other["source"], "blocks": written})
    result: BusinessRecord = {"title": _title(preamble), "other_sections": kept}
    if "executive_summary" in sections:
        result["executive_summary"] = executive_summary(sections["executive_summary"], notes)
    if "analysis" in sections:
        result["analysis"] = analysis(sections["analysis"], notes)
    if "stakeholders" in sections:
        result["stakeholders"], result["stakeholder_blocks"] = stakeholders(sections["stakeholders"], notes)
    return result


def _opens_other(heading: Heading, level: int, numbered: bool) -> bool:
    """Whether an unrecognised heading opens a section of its own: one level above the sections' headings
    ("# Appendix" over "## Executive Summary"), or at their level and numbered as they are ("## 4. Sources")."""
    if not 1 <= heading.level <= level:
        return False
    return heading.level < level or (numbered and split_number(heading.text)[0] is not None)


def as_written(blocks: list[Block], path: list[str]) -> list[TextBlock]:
    """Blocks as text blocks, each under the last heading before it; a heading with nothing under it is a block."""
    out: list[TextBlock] = []
    heading: Heading | None = None
    under = False
    for block in blocks:
        if isinstance(block, Rule):
            continue
        if isinstance(block, Heading):
            if heading is not None and not under:
                out.append(text_block(heading, None, path))
            heading, under = block, False
            continue
        out.append(text_block(block, heading.text if heading else None, [*path, *([heading.text] if heading else [])]))
        under = True
    if heading is not None and not under:
        out.append(text_block(heading, None, path))
    return out


def _title(preamble: list[Block]) -> str | None:
    for block in preamble:
        if isinstance(block, Heading):
            return re.sub(r"^\s*title\s*:\s*", "", block.text, flags=re.IGNORECASE).strip() or None
    return None


def _fact(label: str | None, runs: list[Run], span: Span) -> Fact:
    value = rich(runs)
    return {"label": label, "value": value, "amounts": find_amounts(rich_plain(value)), "source": span}


def executive_summary(blocks: list[Block], notes: Notes) -> list[FactGroup]:
    groups: list[FactGroup] = []
    for block in blocks:
        if isinstance(block, Heading):
            groups.append({"title": strip_number(block.text).rstrip(":").strip(), "facts": [], "paragraphs": [],
                           "source": block.span})
        elif isinstance(block, (Para, ListBlock)):
            if not groups:
                groups.append({"title": None, "facts": [], "paragraphs": [], "source": block.span})
            lines = lines_of(block)
            dashed = _dash_labelled(block, lines)
            if dashed:
                for dash_label, value, span in dashed:
                    groups[-1]["facts"].append(_fact(dash_label, value, span))
                continue
            if isinstance(block, Para) and (block.kind != "paragraph" or all(split_label(r)[0] is None for r, _ in lines)):
                # prose, a quotation or code: a paragraph as written, not a column of unlabelled facts
                groups[-1]["paragraphs"].append({"text": rich(block.runs), "source": block.span})
                continue
            for runs, span in lines:
                label, value = split_label(runs)
                groups[-1]["facts"].append(_fact(label, value if label else runs, span))
                if isinstance(block, ListBlock) and block.header:  # a row of a table: its columns are named
                    groups[-1]["facts"][-1]["columns"] = list(block.header)
    for group in groups:
        if group["title"] and re.search(r"verdict|bottom line|recommendation|conclusion", group["title"], re.IGNORECASE):
            group["role"] = "verdict"
        shown = group["facts"] + group["paragraphs"]
        if shown:
            group["source"] = (group["source"][0], max(item["source"][1] for item in shown))
        else:
            notes.warn("summary_group_empty", group["source"], title=group["title"])
    return [g for g in groups if g["facts"] or g["paragraphs"]]


# "Budget — €130,000": a short capitalised label, a dash with spaces around it, the value
_DASH_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w&/'’()-]*(?:\s[\w&/'’()-]+){0,3})\s+[—–]\s+(?=\S)")


def _dash_labelled(block: Block, lines: list[tuple[list[Run], Span]]) -> list[tuple[str, list[Run], Span]]:
    """Lines of facts written ``Label — value``, one a line: (label, value runs, span) for each, or nothing.

    Only a block of two or more lines, every one of them so written, is read this way; a sentence with a dash
    in it ("The film — shot in a week — sold well.") stays prose.
    """
    if not isinstance(block, (Para, ListBlock)) or getattr(block, "kind", "paragraph") != "paragraph" or len(lines) < 2:
        return []
    found = []
    for runs, span in lines:
        text = plain_text(runs)
        m = _DASH_LABEL.match(text)
        if m is None or any(bold or italic for _, bold, italic in runs):
            return []
        value = text[m.end():].strip()
        found.append((m["label"].strip(), [(value, False, False)], span))
    return found


def _points(block: ListBlock) -> list[Point]:
    points: list[Point] = []
    for runs, span in lines_of(block):
        label, value = split_label(runs)
        points.append({"label": label, "text": rich(value if label else runs), "source": span})
    return points


def analysis(blocks: list[Block], notes: Notes) -> Analysis:
    parts: list[AnalysisPart] = []

    def new_part(kind: str, heading: str, title: str, span: Span) -> AnalysisPart:
        part: AnalysisPart = {"kind": kind, "heading": heading, "title": title, "paragraphs": [], "points": [],
                "sections": [], "source": span}
        parts.append(part)
        return part

    part: AnalysisPart | None = None
    section: AnalysisSection | None = None
    headings = [b for b in blocks if isinstance(b, Heading)]
    # Without an introduction, body or conclusion heading, each heading of the outermost level opens a part
    # of its own, and deeper headings are its sections.
    unnamed = not any(_PART.match(strip_number(b.text)) for b in headings)
    top = min((_depth(b) for b in headings), default=0)
    for block in blocks:
        if isinstance(block, Rule):
            continue
        if isinstance(block, Heading):
            text = strip_number(block.text)
            m = _PART.match(text)
            if unnamed and _depth(block) == top:
                part = new_part("other", text, text, block.span)
                section = None
            elif m:
                kind = next(k for k, p in PART_KINDS.items() if re.fullmatch(p, m["kind"], re.IGNORECASE))
                if part is not None and part["kind"] == kind and kind != "body":
                    kind = "other"
                part = new_part(kind, text, (m["title"] or "").strip(), block.span)
                section = None
            elif part is None:
                part = new_part("other", text, text, block.span)
                section = None
            else:
                section = {"title": text, "paragraphs": [], "points": [], "source": block.span}
                part["sections"].append(section)
            continue
        if part is None:
            part = new_part("introduction", "", "", block.span)
        target: AnalysisSection | AnalysisPart = section if section is not None else part
        if isinstance(block, Para):
            target["paragraphs"].append({"text": rich(block.runs), "source": block.span})
        elif isinstance(block, ListBlock):
            target["points"].extend(_points(block))
        target["source"] = (target["source"][0], block.span[1])
        if target is section:
            part["source"] = (part["source"][0], block.span[1])
    for p in parts:
        if not (p["paragraphs"] or p["points"] or p["sections"]):
            notes.warn("analysis_part_empty", p["source"], heading=p["heading"])
    return {"parts": [p for p in parts if p["paragraphs"] or p["points"] or p["sections"]]}


def _depth(heading: Heading) -> int:
    """How deep a heading sits: '#' headings by their level, a bold line below any of them."""
    return heading.level or 7


_ROLE_NAME = [
    re.compile(r"^(?P<role>[^:]+?)\s*:\s*(?P<name>.+)$"),
    re.compile(r"^(?P<role>.+?)\s+[—–]\s+(?P<name>.+)$"),
    re.compile(r"^(?P<name>.+?)\s*\((?P<role>[^)]+)\)$"),
]


def _role_and_name(text: str) -> re.Match[str] | None:
    """``Role: Name``, ``Role — Name`` or ``Name (Role)``, with its ``role`` and ``name`` groups."""
    return next((m for m in (p.match(text) for p in _ROLE_NAME) if m), None)


_ROLE_COLUMN = r"stakeholders?|roles?|position|group|type|party"
_NAME_COLUMN = r"who|names?|person|people|company|organi[sz]ation|stakeholder\s+name"


def _table_stakeholders(block: ListBlock) -> list[_Holder]:
    """A stakeholder table: one stakeholder a row, its columns named like "Stakeholder | Who | Outcome | Impact"
    (a role column may hold "Role: Name" alone). Nothing when the columns do not say so."""
    header = [h.strip(" :").lower() for h in block.header]

    def column(pattern: str) -> int | None:
        return next((i for i, h in enumerate(header) if re.fullmatch(pattern, h, re.IGNORECASE)), None)

    role, name = column(_ROLE_COLUMN), column(_NAME_COLUMN)
    outcome, impact = column(OUTCOME_LABELS), column(IMPACT_LABELS)
    if (role is None and name is None) or (outcome is None and impact is None):
        return []
    found: list[_Holder] = []
    for cells, item in zip(block.cells, block.items, strict=True):
        texts = [plain_text(c).strip() for c in cells]

        def at(i: int | None, texts: list[str] = texts) -> str:
            return texts[i] if i is not None and i < len(texts) else ""

        who, what = at(name), at(role)
        if not who:  # a role column holding "Director: Lena Ortiz"
            m = _role_and_name(what)
            what, who = (m["role"].strip(), m["name"].strip()) if m else ("", what)
        if not who:
            continue
        found.append({"role": what, "name": who, "people": split_people(who),
                      "outcome": rich(cells[outcome]) if outcome is not None and at(outcome) else None,  # None: warned of below
                      "impact": rich(cells[impact]) if impact is not None and at(impact) else None,
                      "details": [], "source": item.span})
    return found


# words that name a role, not a person or a company ("Writer-Director", "Key Investors", "Sales Agent")
_ROLE_WORDS = re.compile(
    r"\b(?:director|writer|screenwriter|producers?|distributors?|investors?|financiers?|actors?|actress(?:es)?|cast|lead|"
    r"sales|agents?|broadcasters?|funders?|funds?|cinematographer|editor|composer|mentor|talent|partners?|stakeholders?|crew|"
    r"studio|platform|exhibitors?|festival)\b", re.IGNORECASE)


def split_people(name: str) -> list[str]:
    """'A and B', 'A, B & C' to the names; parenthetical asides dropped."""
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", bare)
    return [p.strip(" .") for p in parts if p.strip(" .")]


_CONNECTORS = {"and", "&", "of", "the", "de", "del", "della", "di", "da", "du", "des", "la", "le", "van", "von", "der",
               "den", "y", "e", "et", "und", "for", "bin", "al", "ibn", "dos", "das", "zu", "ten", "ter"}
_ABBREVIATION = re.compile(r"(?:\b(?:inc|ltd|co|corp|jr|sr|st|dr|mr|mrs|ms|llc|plc|gmbh|bros|vs|e\.g|i\.e)|\b[A-Z])\.$",
                           re.IGNORECASE)


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as the name of people or organisations, not as a sentence: at most eight words,
    each capitalised (or a joining word such as "and", "de", "van"), no full stop at the end.
    "Glen Hansard and Markéta Irglová", "Irish Film Board", "A24 (financier)" are names; "carries the risk" is not."""
    bare = re.sub(r"\s*\([^)]*\)", "", text).strip()
    words = bare.replace(",", " ").split()
    if not words or len(words) > 8 or re.search(r"[.!?;]$", bare) and not _ABBREVIATION.search(bare):
        return False
    if ":" in bare or not words[0][:1].isupper() and not words[0][:1].isdigit() and words[0][:1].islower():
        return False
    return all(w.casefold() in _CONNECTORS or not w[:1].islower() for w in words)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[^\W\d_a-z])")


def split_statement(runs: list[Run]) -> tuple[list[Run], list[Run]]:
    """A one-line account of a stakeholder to (outcome, impact): its first sentence, then the rest."""
    text = plain_text(runs)
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: m.start()].rstrip("\"”’)")):
            return strip_runs(_cut(runs, 0, m.start())), strip_runs(_cut(runs, m.end(), len(text)))
    return strip_runs(runs), []


def _cut(runs: list[Run], start: int, end: int) -> list[Run]:
    """The runs between two character offsets of their text."""
    out: list[Run] = []
    at = 0
    for text, bold, italic in runs:
        lo, hi = max(start, at), min(end, at + len(text))
        if lo < hi:
            out.append((text[lo - at: hi - at], bold, italic))
        at += len(text)
    return out


_DASH = re.compile(r"^\s*[—–-]+\s*")
_DASH_INSIDE = re.compile(r"\s+[—–]\s+|\s+-\s+")


def _after(runs: list[Run], pattern: re.Pattern[str]) -> list[Run] | None:
    """The runs after ``pattern`` matched at the start of their text; None when it does not match."""
    m = pattern.match(plain_text(runs))
    return strip_runs(_cut(runs, m.end(), len(plain_text(runs)))) if m else None


def _slot(runs: list[Run]) -> tuple[Literal["outcome", "impact"] | None, list[Run]]:
    """"outcome" or "impact" with the value of a line labelled so ("Outcome: …", "**Impact:** …",
    "Outcome — …"); (None, runs) for any other line."""
    label, value = split_label(runs)
    if label is None:
        m = re.match(rf"^\s*(?P<label>{OUTCOME_LABELS}|{IMPACT_LABELS})\s+[—–]\s+", plain_text(runs), re.IGNORECASE)
        if m:
            label, value = m["label"], strip_runs(_cut(runs, m.end(), len(plain_text(runs))))
    if label and value and re.fullmatch(OUTCOME_LABELS, label.strip(), re.IGNORECASE):
        return "outcome", value
    if label and value and re.fullmatch(IMPACT_LABELS, label.strip(), re.IGNORECASE):
        return "impact", value
    return None, runs


def _holder(role: str, name: str, span: Span, statement: list[Run] | None = None) -> _Holder:
    holder: _Holder = {"role": role.strip(), "name": name.strip(), "people": split_people(name), "outcome": None,
              "impact": None, "details": [], "source": span, "_lines": []}
    if statement:
        outcome, impact = split_statement(statement)
        holder["outcome"], holder["impact"], holder["_one_line"] = rich(outcome), rich(impact), True
    return holder


def _role_name(text: str) -> tuple[str, str] | None:
    """Role and name of a head written "Role: Name", "Role — Name" or "Name (Role)" (either side first)."""
    m = _role_and_name(strip_number(text).strip().rstrip(":").strip())
    if not m:
        return None
    role, name = m["role"].strip(), m["name"].strip()
    if _ROLE_WORDS.search(name) and not _ROLE_WORDS.search(role):
        role, name = name, role  # "Writer-Director (Sam Reyes)": the role outside, the name inside
    if not _ROLE_WORDS.search(role) and not looks_like_name(name):
        return None  # "Note: figures are estimates" names neither a role nor anyone
    return role, name


def _named_first(text: str) -> tuple[str, str] | None:
    """Role and name of ``Name (Role)`` whose parenthesis names a role ("Jonas Berg (Producer)"); None otherwise."""
    m = re.fullmatch(r"\s*(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*", text)
    if m and _ROLE_WORDS.search(m["role"]) and looks_like_name(m["name"]):
        return m["role"].strip(), m["name"].strip()
    return None


def _head_line(runs: list[Run], span: Span) -> _Holder | None:
    """A line that opens a stakeholder, or None:

    * in bold from end to end: ``**Producer — Jonas Berg**``, ``**Jonas Berg (Producer)**``;
    * a bold head and the rest: ``**Producer:** Jonas Berg``, ``**Producer** — Jonas Berg``,
      ``**Producer:** Jonas Berg — Broke even. Kept the fund's trust.`` (the first sentence is the outcome,
      the rest the impact), ``**Distributor:** carried the risk.`` (a role with no person);
    * in plain type, a label that names a role: ``Distributor: carries the risk.``, ``Producer — Jonas Berg``.
    """
    runs = strip_runs(runs)
    if not runs or _slot(runs)[0] is not None:
        return None
    text = plain_text(runs)
    if is_bold_line(runs):
        found = _role_name(text)
        return _holder(*found, span) if found else None
    bold = runs[0][1]
    if bold:
        k = next(i for i, r in enumerate(runs) if not r[1] and r[0].strip())
        head, rest = plain_text(runs[:k]).strip(), strip_runs(runs[k:])
        if not rest:
            return None
        found = _role_name(head) if not head.endswith(":") else _named_first(head.rstrip(": "))
        if found:  # "**Producer — Jonas Berg** — Broke even.", "**Jonas Berg (Producer):** Broke even."
            statement = _after(rest, _DASH) if _DASH.match(plain_text(rest)) else _after(rest, re.compile(r"^\s*:\s*"))
            return _holder(*found, span, statement if statement is not None else rest)
        role = strip_number(head).strip().rstrip(":").strip()
        value = _after(rest, re.compile(r"^\s*:\s*")) if not head.endswith(":") else rest
        if value is None:
            value = _after(rest, _DASH)
        if value is None or not role:
            return None
    else:
        first = re.match(r"^(?P<head>[^—–:()]{1,80}\([^()]+\))\s*(?:[—–:]\s*|\s-\s)", text)
        named = _named_first(first["head"]) if first else None
        if named and first is not None:  # "Northmoor Screen (Regional Fund) — Met its quota."
            return _holder(*named, span, strip_runs(_cut(runs, first.end(), len(text))))
        label, value = split_label(runs)
        if label is None:
            m = re.match(r"^\s*(?P<label>[^\W\d][\w&/'’ -]{0,40}?)\s+[—–]\s+", text)
            if not m:
                return None
            label, value = m["label"], strip_runs(_cut(runs, m.end(), len(text)))
        role = strip_number(label).strip()
        if not _ROLE_WORDS.search(role) or not value:
            return None
    value_text = plain_text(value).strip()
    parts = _DASH_INSIDE.split(value_text, maxsplit=1)
    if len(parts) == 2 and looks_like_name(parts[0]):  # "Jonas Berg — Broke even. Kept the fund's trust."
        m = _DASH_INSIDE.search(value_text)
        assert m is not None
        return _holder(role, parts[0], span, strip_runs(_cut(value, m.end(), len(value_text))))
    if looks_like_name(value_text):
        return _holder(role, value_text, span)
    if _ROLE_WORDS.search(role):  # a role with no person: what it gained or carried
        return _holder(role, "", span, value)
    return None


def stakeholders(blocks: list[Block], notes: Notes) -> tuple[list[Stakeholder], list[TextBlock]]:
    """The stakeholders of the balance sheet, and the blocks of the section casebook does not recognise (kept as
    written, each under the heading it stands under)."""
    found: list[_Holder] = []
    loose: list[TextBlock] = []
    heading: Heading | None = None  # an unrecognised heading: the loose blocks under it are shown under it
    current: _Holder | None = None

    def close() -> None:
        """A stakeholder opened by a heading alone ("### Netflix") that got no outcome, impact or role is no
        stakeholder: its heading and lines are shown as written."""
        nonlocal heading
        if current is None or not current.get("_tentative") or current["role"] or current["outcome"] or current["impact"]:
            return
        found.remove(current)
        block = current["_heading"]
        by_block: dict[int, tuple[Para | ListBlock, list[tuple[list[Run], Span]]]] = {}
        for line, span, whole in current["_lines"]:
            by_block.setdefault(id(whole), (whole, []))[1].append((line, span))
        for whole, lines in by_block.values():
            loose.append(text_block(_rebuilt(whole, lines), block.text, [block.text]))
        if not by_block:
            loose.append(text_block(block, None, []))
        heading = None

    def start(holder: _Holder) -> None:
        nonlocal current, heading
        close()
        found.append(holder)
        current, heading = holder, None

    for block in blocks:
        if isinstance(block, Rule):
            continue
        if isinstance(block, Heading):
            named = _role_name(block.text)
            if named:
                start(_holder(*named, block.span))
            else:  # "### Netflix": a stakeholder if lines labelled outcome or impact follow
                start(_holder("", strip_number(block.text).rstrip(":").strip(), block.span) | {
                    "_tentative": True, "_heading": block})
                heading = block
            continue
        if isinstance(block, ListBlock) and block.header:
            rows = _table_stakeholders(block)
            if rows:
                close()
                found.extend(rows)
                current = None
            else:
                loose.append(text_block(block, _under(heading), _path(heading)))
            continue
        unused: list[tuple[list[Run], Span]] = []
        opened = False  # whether a stakeholder opened in this block
        for runs, span in _item_lines(block):
            head = _head_line(runs, span)
            if head is not None:
                start(head)
                opened = True
                continue
            if current is None:
                unused.append((runs, span))
                continue
            slot, value = _slot(runs)
            if slot and current[slot] is None:
                current[slot] = rich(value)
            else:
                label, value = split_label(runs)
                if label and re.fullmatch(r"roles?|position", label, re.IGNORECASE) and not current["role"]:
                    current["role"] = plain_text(value).strip()
                else:
                    current["details"].append(_fact(label, value if label else runs, span))
            current["_lines"].append((runs, span, block))
            current["source"] = (current["source"][0], span[1])
        if unused:
            loose.append(text_block(_rebuilt(block, unused), _under(heading), _path(heading)))
        if opened and isinstance(block, ListBlock):
            close()
            current = None  # a stakeholder written as a list item ends with its list
    close()
    for holder in found:
        one_line = holder.pop("_one_line", False)
        for private in _PRIVATE:
            holder.pop(private, None)
        for key in _SLOTS:
            if holder[key] is None:
                notes.warn("stakeholder_incomplete", holder["source"], stakeholder=holder["name"] or holder["role"], missing=key)
                holder[key] = {"runs": []}
            elif one_line and _empty(holder[key]) and key == "outcome":
                notes.warn("stakeholder_incomplete", holder["source"], stakeholder=holder["name"] or holder["role"], missing=key)
    if not found and loose:
        first, last = loose[0]["source"][0], loose[-1]["source"][1]
        notes.warn("stakeholders_unrecognised", (first, last))
    return [_finished(holder) for holder in found], loose


_SLOTS: tuple[Literal["outcome", "impact"], ...] = ("outcome", "impact")
_PRIVATE: tuple[Literal["_lines", "_tentative", "_heading"], ...] = ("_lines", "_tentative", "_heading")


def _empty(text: RichText | None) -> bool:
    return text is not None and not text["runs"]


def _finished(holder: _Holder) -> Stakeholder:
    """A stakeholder read to its end (an outcome or impact not written is empty rich text by now)."""
    outcome, impact = holder["outcome"], holder["impact"]
    assert outcome is not None and impact is not None
    return {"role": holder["role"], "name": holder["name"], "people": holder["people"], "outcome": outcome,
            "impact": impact, "details": holder["details"], "source": holder["source"]}


def _item_lines(block: Para | ListBlock) -> list[tuple[list[Run], Span]]:
    """The lines of a paragraph, or of each item of a list (an item may run over several lines)."""
    if isinstance(block, Para):
        return lines_of(block)
    out = []
    for item in block.items:
        lines = [line for line in split_lines(item.runs) if plain_text(line).strip()]
        if len(lines) <= 1:
            out.append((item.runs, item.span))
            continue
        for k, line in enumerate(lines):
            at = min(item.span[0] + k, item.span[1])
            out.append((strip_runs(line), (at, at)))
    return out


def _under(heading: Heading | None) -> str | None:
    return heading.text if heading is not None else None


def _path(heading: Heading | None) -> list[str]:
    return [heading.text] if heading is not None else []


def _rebuilt(block: Para | ListBlock, lines: list[tuple[list[Run], Span]]) -> Para | ListBlock:
    """``block`` with only ``lines`` (the lines of a paragraph, or the items of a list)."""
    if len(lines) == len(_item_lines(block)):
        return block
    if isinstance(block, ListBlock):
        return ListBlock(items=[Para(r, sp) for r, sp in lines], ordered=block.ordered,
                         span=(lines[0][1][0], lines[-1][1][1]))
    runs: list[Run] = []
    for k, (line, _) in enumerate(lines):
        runs.extend([("\n", False, False)] if k else [])
        runs.extend(line)
    return Para(runs, (lines[0][1][0], lines[-1][1][1]), kind=block.kind)
