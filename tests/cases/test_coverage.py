"""Nothing is lost: every sentence of the business analysis and of the director's ledger reaches the PDF, the deck and
the HTML edition.

For every case under ``seeds/``, every example of ``../shared/examples`` (its ``.txt`` files copied, never the answer
key) and every fixture folder that is a whole case, the source documents of kind business and ledger are read with
markdown-it (not with casebook's own reader) and cut into *pieces*:

* a paragraph, list item or heading is cut into its lines; a line is cut at a label's colon (``Budget: …``), at a
  spaced dash (``Director — Name``) and at parentheses, since casebook shows a label and its value in cells of
  their own; each piece is cut into sentences;
* a table is compared cell by cell;
* the headings that open the three sections are casebook's own headings in the outputs, and the numbers of
  numbered headings ("I.", "Entry #2 —") are casebook's numbering: they are not pieces. A horizontal rule is no text.

Each piece must appear in the text of the PDF (pdftotext, running heads and page footers removed) and in the deck
(the text of the slides in order, their tables cell by cell, or their speaker notes), and in the HTML edition
(the text of the page as html5lib parses it). Both sides are normalised
the same way before comparing: Unicode NFKC; control characters removed (as casebook reads documents); typographic
quotes to plain ones; every dash and hyphen, soft hyphen and white space removed (so a word hyphenated at a line end,
or a line broken inside a sentence, still matches); markdown markup characters (``*``, ``_``, backquotes) removed;
case folded. The figure is printed (``-s`` shows it) and must be 100 %.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from casebook.ingest.business import section_of
from casebook.pipeline import load_case
from casebook.render.deck import render_deck
from casebook.render.html import render_html
from casebook.render.pdf import render_pdf
from casebook.wording import Wording
from tests.conftest import FIXTURES, SEEDS, SHARED

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'"})
_DROP = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212*_`]+")


def squash(text: str) -> str:
    """The comparison form of a text (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    # control characters are removed when a document is read (README, "Bad input and limits")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\n\t")
    return _DROP.sub("", text).casefold()


# --- the pieces of a source document --------------------------------------------------------------

_NUMBER = re.compile(
    r"^\s*(?:(?:entry|part|section|chapter|step|item|no\.?)\s*)?#?\s*"
    r"(?:\d{1,3}|[ivxlcdm]{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[.):·•|—–-]*\s*",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_CUT = re.compile(r":\s+|\s+[—–]\s+|\s+-\s+|[()]")


@dataclass(frozen=True)
class Piece:
    text: str
    where: str  # file:line


def _inline_lines(token) -> list[str]:
    lines = [""]
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline", "html_inline", "image"):
            lines[-1] += child.content
    return [line for line in lines if line.strip()]


def _cut(text: str) -> list[str]:
    out = []
    for part in _CUT.split(text):
        for sentence in _SENTENCE.split(part):
            if len(re.findall(r"\w", sentence)) >= 2:
                out.append(sentence.strip())
    return out


def pieces_of(path: Path) -> list[Piece]:
    """The pieces of one business analysis or ledger (frontmatter left out)."""
    text = path.read_text(encoding="utf-8-sig")
    offset = 0
    if text.startswith("---"):
        end = text.index("\n---", 3)
        offset = text[: end + 4].count("\n") + 1
        text = text[end + 4:].split("\n", 1)[1] if "\n" in text[end + 4:] else ""
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(text)
    out: list[Piece] = []
    heading = False
    in_cell = False
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type in ("fence", "code_block"):
            for line in token.content.splitlines():
                out.extend(Piece(p, f"{path.name}:{offset + (token.map or [0])[0] + 1}") for p in _cut(line))
        elif token.type == "inline":
            where = f"{path.name}:{offset + (token.map or [0])[0] + 1}"
            lines = _inline_lines(token)
            if in_cell:
                whole = " ".join(lines).strip()
                if whole:
                    out.extend(Piece(p, where) for p in _cut(whole))
                continue
            for k, line in enumerate(lines):
                bold_heading = not heading and k == 0 and _bold_line(token)
                if heading or bold_heading:
                    if section_of(line):  # a section's own heading: casebook's heading stands in its place
                        continue
                    line = _NUMBER.sub("", line, count=1) if _NUMBER.match(line) else line
                out.extend(Piece(p, where) for p in _cut(line))
            heading = False
    return out


def _bold_line(token) -> bool:
    """Whether the first line of a paragraph is bold from end to end (a heading written in bold)."""
    children = token.children or []
    first: list = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            break
        if child.type != "text" or child.content.strip():
            first.append(child)
    return bool(first) and first[0].type == "strong_open" and first[-1].type == "strong_close"


# --- the text of the outputs ----------------------------------------------------------------------


def pdf_text(pdf: bytes, case) -> str:
    """The PDF's text, page by page, without the running head and the footer of each page."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    from casebook.theme import default_theme

    labels = Wording(case).labels
    head = squash(str(labels.pdf_running_head(case)))
    foot = squash(str(labels.pdf_foot(case, default_theme().institution)))
    kept = []
    for page in result.stdout.decode("utf-8").split("\f"):
        lines = page.split("\n")
        kept.extend(line for line in lines
                    if squash(line) not in (head, foot) and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line))
    return "\n".join(kept)


def deck_texts(deck: bytes) -> tuple[str, str]:
    """The deck's text: the slides' bodies in order (a paragraph split across slides is whole again), and
    everything else (titles, tables cell by cell, speaker notes)."""
    from pptx import Presentation

    prs = Presentation(BytesIO(deck))
    bodies, other = [], []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                (bodies if shape.name == "Body" else other).append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                other.extend(cell.text for row in shape.table.rows for cell in row.cells)
        if slide.has_notes_slide:
            other.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(bodies), "\n".join(other)


# --- the cases ------------------------------------------------------------------------------------


def _case_dirs(tmp: Path) -> list[Path]:
    dirs = sorted(p for p in SEEDS.iterdir() if p.is_dir()) if SEEDS.is_dir() else []
    examples = SHARED / "examples"
    if examples.is_dir():
        for folder in sorted(p for p in examples.iterdir() if p.is_dir()):
            copy = tmp / folder.name
            copy.mkdir()
            for path in folder.glob("*.txt"):
                shutil.copy(path, copy / path.name)
            dirs.append(copy)
    dirs.extend(sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name != "bad"))
    return dirs


@dataclass
class Built:
    name: str
    pieces: list[Piece]
    pdf: str
    deck_body: str
    deck_other: str
    html: str


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> list[Built]:
    """Every whole case (one with a business analysis or a ledger that loads), built once: PDF and deck."""
    out = []
    for folder in _case_dirs(tmp_path_factory.mktemp("coverage")):
        try:
            case = load_case(folder)
        except Exception:  # noqa: BLE001 - a fixture folder of loose documents is no case
            continue
        sources = [s for s in case.sources if s.kind in ("business", "ledger")]
        if not sources:
            continue
        pieces = [p for s in sources for p in pieces_of(folder / s.file)]
        body, other = deck_texts(render_deck(case, Wording(case)))
        out.append(Built(folder.name, pieces, squash(pdf_text(render_pdf(case, Wording(case)), case)),
                         squash(body), squash(other), squash(html_text(render_html(case, Wording(case))))))
    return out


@pytest.mark.slow
def test_every_case_is_covered(built):
    names = {b.name for b in built}
    assert {"closeness", "plain-a", "plain-b", "plain-c", "variant", "table-variant"} <= names
    if (SHARED / "examples").is_dir():
        assert {"amelie", "once", "roma", "beanpole"} <= names


def html_text(page: bytes) -> str:
    """The text of an HTML page as a browser shows it (a space between elements: squash removes it)."""
    import html5lib

    return " ".join(html5lib.parse(page, transport_encoding="utf-8", namespaceHTMLElements=False).find("body").itertext())


@pytest.mark.slow
@pytest.mark.parametrize("output", ["pdf", "deck", "html"])
def test_every_sentence_reaches_the_output(built, output):
    total, missing = 0, []
    for case in built:
        for piece in case.pieces:
            total += 1
            wanted = squash(piece.text)
            if output == "pdf":
                found = wanted in case.pdf
            elif output == "html":
                found = wanted in case.html
            else:
                found = wanted in case.deck_body or wanted in case.deck_other
            if not found:
                missing.append(f"{case.name}: {piece.where}: {piece.text!r}")
    share = 100.0 * (total - len(missing)) / total if total else 0.0
    print(f"\ncoverage of the business analyses and ledgers in the {output}: {total - len(missing)}/{total} "
          f"pieces ({share:.1f} %) in {len(built)} cases")
    assert total > 500
    assert not missing, "\n".join(missing[:60])


def test_squash_normalises_as_documented():
    assert squash("A well-\nknown “fact” — **here**") == squash('A wellknown "fact" here')
    assert squash("Budget:  $1") != squash("Budget $2")


def test_pieces_cut_labels_numbers_and_tables(tmp_path):
    doc = tmp_path / "x.md"
    doc.write_text("# Entry #2 — The Wager: What Was Risked\n\n**Budget:** about $3 million. It was enough.\n\n"
                   "| Who | What |\n| --- | --- |\n| Ana (Producer) | Paid |\n\n## Executive Summary\n", encoding="utf-8")
    texts = [p.text for p in pieces_of(doc)]
    assert texts == ["The Wager", "What Was Risked", "Budget", "about $3 million.", "It was enough.", "Who", "What",
                     "Ana", "Producer", "Paid"]
