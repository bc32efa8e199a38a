"""The business analysis: title, executive summary, strategic analysis, stakeholder balance sheet.

Sections are found by what their headings say, not by their position or numbering: "I. Executive
Summary", "## Executive summary" and "**1) Overview**" all open the executive summary.
"""

from __future__ import annotations

import re
from typing import Any

from casebook.ingest.amounts import find_amounts
from casebook.ingest.blocks import Block, Heading, ListBlock, Para, Rule, Span, lines_of, split_label
from casebook.ingest.blocks import plain as plain_text
from casebook.ingest.numbering import strip_number
from casebook.ingest.records import Notes, rich, rich_plain

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


def section_of(heading: str) -> str | None:
    text = strip_number(heading).strip(" .:").lower()
    for key, pattern in SECTION_PATTERNS.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return key
    return None


def extract_business(blocks: list[Block], notes: Notes) -> dict[str, Any]:
    """Title and the three sections of a business analysis, as records."""
    sections: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    preamble: list[Block] = []
    for block in blocks:
        key = section_of(block.text) if isinstance(block, Heading) else None
        if key and key not in sections:
            current = sections[key] = []
        elif current is not None:
            current.append(block)
        else:
            preamble.append(block)
    result: dict[str, Any] = {"title": _title(preamble)}
    if "executive_summary" in sections:
        result["executive_summary"] = executive_summary(sections["executive_summary"], notes)
    if "analysis" in sections:
        result["analysis"] = analysis(sections["analysis"], notes)
    if "stakeholders" in sections:
        result["stakeholders"] = stakeholders(sections["stakeholders"], notes)
    return result


def _title(preamble: list[Block]) -> str | None:
    for block in preamble:
        if isinstance(block, Heading):
            return re.sub(r"^\s*title\s*:\s*", "", block.text, flags=re.IGNORECASE).strip() or None
    return None


def _fact(label: str | None, runs: list, span: Span) -> dict[str, Any]:
    value = rich(runs)
    return {"label": label, "value": value, "amounts": find_amounts(rich_plain(value)), "source": span}


def executive_summary(blocks: list[Block], notes: Notes) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, Heading):
            groups.append({"title": strip_number(block.text).rstrip(":").strip(), "facts": [], "source": block.span})
        elif isinstance(block, (Para, ListBlock)):
            if not groups:
                groups.append({"title": None, "facts": [], "source": block.span})
            for runs, span in lines_of(block):
                label, value = split_label(runs)
                groups[-1]["facts"].append(_fact(label, value if label else runs, span))
    for group in groups:
        if group["title"] and re.search(r"verdict|bottom line|recommendation|conclusion", group["title"], re.IGNORECASE):
            group["role"] = "verdict"
        if group["facts"]:
            last = group["facts"][-1]["source"][1]
            group["source"] = (group["source"][0], last)
        else:
            notes.warn(f"executive summary group '{group['title']}' has no facts", group["source"])
    return [g for g in groups if g["facts"]]


def _points(block: ListBlock) -> list[dict[str, Any]]:
    points = []
    for runs, span in lines_of(block):
        label, value = split_label(runs)
        points.append({"label": label, "text": rich(value if label else runs), "source": span})
    return points


def analysis(blocks: list[Block], notes: Notes) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []

    def new_part(kind: str, heading: str, title: str, span: Span) -> dict[str, Any]:
        part = {"kind": kind, "heading": heading, "title": title, "paragraphs": [], "points": [],
                "sections": [], "source": span}
        parts.append(part)
        return part

    part: dict[str, Any] | None = None
    section: dict[str, Any] | None = None
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
        target = section if section is not None else part
        if isinstance(block, Para):
            target["paragraphs"].append({"text": rich(block.runs), "source": block.span})
        elif isinstance(block, ListBlock):
            target["points"].extend(_points(block))
        target["source"] = (target["source"][0], block.span[1])
        if target is section:
            part["source"] = (part["source"][0], block.span[1])
    for p in parts:
        if not (p["paragraphs"] or p["points"] or p["sections"]):
            notes.warn(f"strategic analysis part '{p['heading']}' has no text", p["source"])
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


def _table_stakeholders(block: ListBlock) -> list[dict[str, Any]]:
    """A stakeholder table: one stakeholder a row, its columns named like "Stakeholder | Who | Outcome | Impact"
    (a role column may hold "Role: Name" alone). Nothing when the columns do not say so."""
    header = [h.strip(" :").lower() for h in block.header]

    def column(pattern: str) -> int | None:
        return next((i for i, h in enumerate(header) if re.fullmatch(pattern, h, re.IGNORECASE)), None)

    role, name = column(_ROLE_COLUMN), column(_NAME_COLUMN)
    outcome, impact = column(OUTCOME_LABELS), column(IMPACT_LABELS)
    if (role is None and name is None) or (outcome is None and impact is None):
        return []
    found = []
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
                      "outcome": rich(cells[outcome]) if at(outcome) else None,  # None: warned of below
                      "impact": rich(cells[impact]) if at(impact) else None,
                      "details": [], "source": item.span})
    return found


# words that name a role, not a person or a company ("Writer-Director", "Key Investors", "Sales Agent")
_ROLE_WORDS = re.compile(
    r"\b(?:director|writer|screenwriter|producers?|distributors?|investors?|financiers?|actors?|actress(?:es)?|cast|lead|"
    r"sales|agents?|broadcasters?|funders?|cinematographer|editor|composer|mentor|talent|partners?|stakeholders?|crew|"
    r"studio|platform|exhibitors?|festival)\b", re.IGNORECASE)


def split_people(name: str) -> list[str]:
    """'A and B', 'A, B & C' to the names; parenthetical asides dropped."""
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", bare)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def stakeholders(blocks: list[Block], notes: Notes) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, Heading):
            text = strip_number(block.text).rstrip(":")
            m = _role_and_name(text)
            role, name = (m["role"].strip(), m["name"].strip()) if m else ("", text)
            if m and _ROLE_WORDS.search(name) and not _ROLE_WORDS.search(role):
                role, name = name, role  # "Writer-Director (Sam Reyes)": the role outside, the name inside
            found.append({"role": role, "name": name, "people": split_people(name), "outcome": None,
                          "impact": None, "details": [], "source": block.span})
            if not m:
                notes.warn(f"stakeholder '{text}' has no role (expected 'Role: Name')", block.span)
        elif isinstance(block, ListBlock) and (rows := _table_stakeholders(block)):
            found.extend(rows)
        elif isinstance(block, (Para, ListBlock)) and found:
            holder = found[-1]
            for runs, span in lines_of(block):
                label, value = split_label(runs)
                if label and re.fullmatch(OUTCOME_LABELS, label, re.IGNORECASE) and holder["outcome"] is None:
                    holder["outcome"] = rich(value)
                elif label and re.fullmatch(IMPACT_LABELS, label, re.IGNORECASE) and holder["impact"] is None:
                    holder["impact"] = rich(value)
                else:
                    holder["details"].append(_fact(label, value if label else runs, span))
                holder["source"] = (holder["source"][0], span[1])
    for holder in found:
        for key in ("outcome", "impact"):
            if holder[key] is None:
                notes.warn(f"stakeholder '{holder['name']}' has no {key}", holder["source"])
                holder[key] = {"runs": []}
    return found
