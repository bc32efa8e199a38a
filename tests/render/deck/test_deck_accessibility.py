"""The deck stays accessible (issue 17, item 5), on the seed and every example case: every slide has a title and no
two titles are the same; a screen reader (which reads shapes in the order they are drawn) reads the title first,
then the rest from top to bottom; every picture, chart and table has alternative text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from tests.conftest import SEEDS, SHARED

EXAMPLES = sorted(p for p in (SHARED / "examples").glob("*") if p.is_dir())


def _read(shape) -> bool:
    """Whether a screen reader reads ``shape``: text, a picture, a table or a chart (not a plain decoration)."""
    if shape.has_text_frame and shape.text_frame.text.strip():
        return True
    return shape._element.tag in (qn("p:pic"), qn("p:graphicFrame"))


def reading_order_problems(prs) -> list[str]:
    """Where a slide's reading order goes wrong: something read before its title, or read after a shape that lies
    below it. Text set above the title (a small heading over it) may come after the title."""
    problems = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        read = [s for s in slide.shapes if _read(s)]
        if title is None or not read or read[0].shape_id != title.shape_id:
            problems.append(f"slide {number}: the title is not read first ({[s.name for s in read]})")
            continue
        below = [s for s in read[1:] if s.top >= title.top]
        for before, after in zip(below, below[1:], strict=False):
            if after.top + after.height <= before.top:
                problems.append(f"slide {number}: {after.name!r} is read after {before.name!r}, which lies below it")
    return problems


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("decks")
    cases = root / "cases"
    shutil.copytree(SEEDS / "closeness", cases / "closeness")
    for example in EXAMPLES:
        (cases / example.name).mkdir()
        for path in example.glob("*.txt"):
            shutil.copy(path, cases / example.name / path.name)
    out = root / "out"
    result = subprocess.run([sys.executable, "-m", "casebook", "build", str(cases), "--format", "pptx", "--out", str(out),
                             "--quiet"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    found = sorted(out.glob("*/*-deck.pptx"))
    assert len(found) == len(EXAMPLES) + 1
    return found


@pytest.mark.slow
def test_every_slide_has_a_title_of_its_own(decks):
    for path in decks:
        prs = Presentation(str(path))
        titles = []
        for number, slide in enumerate(prs.slides, start=1):
            assert slide.shapes.title is not None, (path.name, number)
            titles.append(" ".join(slide.shapes.title.text_frame.text.split()))
            assert titles[-1], (path.name, number)
        assert [t for t, n in Counter(titles).items() if n > 1] == [], path.name


@pytest.mark.slow
def test_shapes_are_in_reading_order(decks):
    for path in decks:
        assert reading_order_problems(Presentation(str(path))) == [], path.name


@pytest.mark.slow
def test_every_picture_chart_and_table_has_alt_text(decks):
    for path in decks:
        prs = Presentation(str(path))
        graphics = 0
        for number, slide in enumerate(prs.slides, start=1):
            tree = slide.shapes._spTree
            for element in [*tree.iter(qn("p:pic")), *tree.iter(qn("p:graphicFrame"))]:
                graphics += 1
                descr = element.find(f".//{qn('p:cNvPr')}").get("descr") or ""
                assert descr.strip(), (path.name, number)
        assert graphics >= 3, path.name  # the exhibits at least: a chart and tables


def test_the_reading_order_check_finds_a_disorder():
    """The check itself, on slides made here: a caption drawn before the text above it, and a text before the title."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    slide.shapes.title.text = "A title"
    slide.shapes.add_textbox(Inches(1), Inches(6), Inches(6), Inches(0.5)).text_frame.text = "a caption at the foot"
    slide.shapes.add_textbox(Inches(1), Inches(2.5), Inches(6), Inches(2)).text_frame.text = "the body, above it"
    second = prs.slides.add_slide(prs.slide_layouts[6])  # blank: a text, then a title drawn over nothing
    second.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1)).text_frame.text = "text without a title"
    buffer = BytesIO()
    prs.save(buffer)
    problems = reading_order_problems(Presentation(BytesIO(buffer.getvalue())))
    assert len(problems) == 2
    assert problems[0].startswith("slide 1: ") and "is read after" in problems[0]
    assert problems[1].startswith("slide 2: the title is not read first")
