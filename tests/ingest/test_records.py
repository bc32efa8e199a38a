"""Two inputs that crashed casebook (exit 3, an internal error) until the typed records made the checker point at
them: a rule between a ledger entry's paragraphs (a ``Rule`` block read as a paragraph), and a press kit biography
that names no one (``None`` read as a person's name). Golden values are read off the documents written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.ingest.blocks import parse_blocks
from casebook.ingest.document import read_document
from casebook.ingest.ledger import extract_ledger
from casebook.ingest.records import Notes, rich_plain
from casebook.pipeline import load_case

LEDGER = """---
movieId: 41
movieTitle: The Long Field
categoryName: LEDGER
---
# The Director's Ledger

## 1. The Balance Sheet

We had one camera and a borrowed van.

{rule}

The crew worked for a share of the sales.

## 2. The Investment

Every cent went to the sound mix.
"""


@pytest.mark.parametrize("rule", ["---", "***", "___"])
def test_a_rule_inside_a_ledger_entry_separates_its_paragraphs(tmp_path: Path, rule: str):
    path = tmp_path / "ledger.md"
    path.write_text(LEDGER.format(rule=rule), encoding="utf-8")
    notes = Notes()
    ledger = extract_ledger(parse_blocks(read_document(path)), notes)
    first, second = ledger["entries"]
    assert [rich_plain(p["text"]) for p in first["paragraphs"]] == [
        "We had one camera and a borrowed van.", "The crew worked for a share of the sales."]
    assert first["blocks"] == []
    assert [rich_plain(p["text"]) for p in second["paragraphs"]] == ["Every cent went to the sound mix."]
    assert notes.items == []


def test_a_line_of_dashes_in_words_is_no_rule(tmp_path: Path):
    """"— — —" between paragraphs is text (markdown reads no rule in it): it stays a paragraph of the entry."""
    path = tmp_path / "ledger.md"
    path.write_text(LEDGER.format(rule="— — —"), encoding="utf-8")
    ledger = extract_ledger(parse_blocks(read_document(path)), Notes())
    assert [rich_plain(p["text"]) for p in ledger["entries"][0]["paragraphs"]] == [
        "We had one camera and a borrowed van.", "— — —", "The crew worked for a share of the sales."]


KIT = """PRESS KIT

SYNOPSIS

A farmer loses his land and walks to the city to win it back.

BIOGRAPHY

born in 1970 in a small town, studied at the film school and made three short films before this one.

INTERVIEW

Why this story?

Because it happened to my father.
"""


def test_a_biography_that_names_no_one_gives_no_person(tmp_path: Path):
    folder = tmp_path / "the-long-field"
    folder.mkdir()
    (folder / "kit.txt").write_text(KIT, encoding="utf-8")
    case = load_case(folder)
    assert case.film.synopsis[0].text.runs[0].text == "A farmer loses his land and walks to the city to win it back."
    assert case.people == []  # nobody is named: no person, and no birth in 1970 pinned on the film
    assert [s for s in case.statements if s.attribute == "birth"] == []
