"""What kind of document a file is: by its frontmatter ``categoryName``, else by what it contains."""

from __future__ import annotations

import re
from typing import Literal

from casebook.ingest.document import Document

#: the kinds of source document
SourceKind = Literal["business", "ledger", "press_release", "press_kit", "unknown"]

CATEGORIES: dict[str, SourceKind] = {"BUSINESS": "business", "LEDGER": "ledger", "PRESS_RELEASE": "press_release",
                                     "PRESS_KIT": "press_kit"}

_KIT_HEADINGS = re.compile(
    r"^\s*(SYNOPSIS|SHORT SYNOPSIS|LONG SYNOPSIS|INTERVIEW\b.*|NOTES|CAST(\s*&\s*CREW)?|CREW|DIRECTOR['’]?S (STATEMENT|NOTE)"
    r"|BIOGRAPHY|BIOGRAPHIES|FILMOGRAPHY|PRESS KIT|TECHNICAL (DETAILS|SPECIFICATIONS)|CREDITS)\s*$",
    re.MULTILINE,
)
_RELEASE_MARKS = re.compile(
    r"FOR IMMEDIATE RELEASE|PRESS RELEASE|press conference|press (enquiries|inquiries|contact|office)"
    r"|additional info|for more information|media contact|^[A-Z][A-Za-z .'-]+,\s+\S.{2,30}\d{4}\s+[—–-]",
    re.MULTILINE | re.IGNORECASE,
)


def classify(doc: Document) -> SourceKind | None:
    """``business``, ``ledger``, ``press_release``, ``press_kit``, ``unknown``; None for no source at all.

    A frontmatter with an unknown ``categoryName`` is ``unknown`` (kept as a source, with a warning).
    A markdown file without frontmatter is a ledger or a business analysis when its headings say so (a first
    heading naming the director's ledger; two or more headings that open the business analysis's sections);
    otherwise it is not a source document (notes, answer keys): None.
    """
    if doc.has_frontmatter:
        category = str(doc.metadata.get("categoryName", "")).strip().upper().replace(" ", "_")
        return CATEGORIES.get(category, "unknown")
    if doc.path.suffix.lower() in (".md", ".markdown"):
        return _markdown_kind(doc.text)
    kit = len(_KIT_HEADINGS.findall(doc.text)) * 2 + len(re.findall(r"^\s*(?:19|20)\d\d\s*[–—-]\s*\S", doc.text, re.MULTILINE))
    kit += 3 if re.search(r"\ba film by\b", doc.text, re.IGNORECASE) else 0
    release = len(_RELEASE_MARKS.findall(doc.text)) * 2
    release += min(6, len(re.findall(r"^\s*[\"“]", doc.text, re.MULTILINE)))
    if kit == release == 0:
        return "unknown"
    return "press_kit" if kit > release else "press_release"


_MD_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+(?P<atx>.+?)\s*#*|\*\*(?P<bold>[^*]+?)\*\*:?)\s*$", re.MULTILINE)


def _markdown_kind(text: str) -> SourceKind | None:
    from casebook.ingest.business import section_of

    headings = [m["atx"] or m["bold"] for m in _MD_HEADING.finditer(text)]
    if headings and re.search(r"director['’]?s\s+ledger", headings[0], re.IGNORECASE):
        return "ledger"
    if len({section_of(h) for h in headings} - {None}) >= 2:
        return "business"
    return None
