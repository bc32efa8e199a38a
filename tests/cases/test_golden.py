"""Golden files: what every whole case becomes, kept as text a reviewer reads and a diff shows.

For every case under ``seeds/``, every example of ``../shared/examples`` (its ``.txt`` files copied, never the
answer key) and every fixture folder that is a whole case, ``tests/golden/<case>/`` holds:

* ``case.json``: the case model, exactly as ``casebook build --format json`` writes it;
* ``case-study.txt``: the text of the case study PDF as poppler's ``pdftotext`` reads it (reading order, not
  ``-layout``: a change of a font's width then moves no column), one ``--- page N ---`` line before each page;
* ``deck.txt``: the deck's outline, slide by slide: its title, the text of every other shape in drawing order (a
  table row by row, cells joined by `` | ``, a picture or chart by its alternative text, a decorative one not
  at all) and the speaker notes.

A case that does not load has ``problems.txt`` instead: the lines a user would see.

A failing comparison prints a unified diff (golden file against what casebook gives now). After a change meant to
alter outputs, rewrite every golden file with one command, then read the diff in git before committing it:

    .venv/bin/pytest tests/cases/test_golden.py --update-goldens
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from casebook.errors import CaseError
from tests.conftest import FIXTURES, SEEDS, SHARED

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
NOT_CASES = {"bad", "kits"}  # fixture folders of single documents for the tests of one reader, not cases
ARTEFACTS = ("case.json", "case-study.txt", "deck.txt")

pytestmark = pytest.mark.slow


def _sources() -> list[tuple[str, Path, bool]]:
    """(name, folder, copy_txt_only) of every whole case, sorted by origin then name."""
    found: list[tuple[str, Path, bool]] = []
    if SEEDS.is_dir():
        found += [(p.name, p, False) for p in sorted(SEEDS.iterdir()) if p.is_dir()]
    examples = SHARED / "examples"
    if examples.is_dir():
        found += [(p.name, p, True) for p in sorted(examples.iterdir()) if p.is_dir()]
    found += [(p.name, p, False) for p in sorted(FIXTURES.iterdir()) if p.is_dir() and p.name not in NOT_CASES]
    names = [name for name, _, _ in found]
    assert len(names) == len(set(names)), f"two cases share a golden folder name: {names}"
    return found


CASES = _sources()


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as pdftotext reads it, each page after a ``--- page N ---`` line."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return "".join(f"--- page {n} ---\n{page.rstrip()}\n" for n, page in enumerate(pages, 1))


def _shape_lines(shape) -> list[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [line for inner in shape.shapes for line in _shape_lines(inner)]
    if getattr(shape, "has_table", False) and shape.has_table:
        return [" | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in shape.table.rows]
    lines = []
    if shape.has_text_frame:
        lines += [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
    if not lines:
        described = shape._element.xpath("./*[1]/p:cNvPr/@descr")
        if described and described[0].strip():  # a decorative picture (no description) says nothing
            kind = "chart" if getattr(shape, "has_chart", False) and shape.has_chart else "picture"
            lines.append(f"[{kind}: {described[0]}]")
    return lines


def deck_outline(pptx: bytes) -> str:
    """Slide titles and per-slide text of the deck, with the speaker notes."""
    from pptx import Presentation

    out = []
    for number, slide in enumerate(Presentation(BytesIO(pptx)).slides, 1):
        title = slide.shapes.title
        out.append(f"## slide {number}: {title.text_frame.text.replace(chr(10), ' / ') if title is not None else ''}")
        for shape in slide.shapes:
            if title is not None and shape.shape_id == title.shape_id:
                continue
            out += [f"  {line}" for line in _shape_lines(shape)]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip():
            out.append("  notes:")
            out += [f"    {line}" for line in slide.notes_slide.notes_text_frame.text.splitlines() if line.strip()]
    return "\n".join(out) + "\n"


_built: dict[str, dict[str, str]] = {}


def _build(name: str, folder: Path, txt_only: bool, tmp_path_factory) -> dict[str, str]:
    """The golden artefacts of one case, built once per session."""
    if name not in _built:
        from casebook.pipeline import load_case, render

        if txt_only:
            copy = tmp_path_factory.mktemp("golden") / name
            copy.mkdir()
            for path in folder.glob("*.txt"):
                shutil.copy(path, copy / path.name)
            folder = copy
        try:
            case = load_case(folder)
        except CaseError as exc:
            _built[name] = {"problems.txt": "".join(f"{p}\n".replace(str(folder), name) for p in exc.problems)}
        else:
            _built[name] = {
                "case.json": render(case, "json").decode("utf-8"),
                "case-study.txt": pdf_text(render(case, "pdf")),
                "deck.txt": deck_outline(render(case, "pptx")),
            }
    return _built[name]


def _difference(golden: Path, got: str) -> str | None:
    """None when ``golden`` holds ``got``; else what is wrong, with a unified diff."""
    where = golden.relative_to(GOLDEN.parent)
    if not golden.exists():
        return f"no golden file {where}: write it with --update-goldens, then read it"
    want = golden.read_text(encoding="utf-8")
    if got == want:
        return None
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"{where} (golden)", "casebook now",
                                      lineterm="", n=2))
    shown = "\n".join(lines[:200]) + (f"\n... and {len(lines) - 200} more lines of diff" if len(lines) > 200 else "")
    return f"{where} differs:\n{shown}"


@pytest.mark.parametrize(("name", "folder", "txt_only"), CASES, ids=[name for name, _, _ in CASES])
def test_golden(name, folder, txt_only, tmp_path_factory, request):
    got = _build(name, folder, txt_only, tmp_path_factory)
    if request.config.getoption("--update-goldens"):  # the case's folder then holds exactly what it gives now
        shutil.rmtree(GOLDEN / name, ignore_errors=True)
        (GOLDEN / name).mkdir(parents=True)
        for artefact, text in got.items():
            (GOLDEN / name / artefact).write_text(text, encoding="utf-8")
        return
    wrong = [d for artefact, text in sorted(got.items()) if (d := _difference(GOLDEN / name / artefact, text))]
    kept = sorted(p.name for p in (GOLDEN / name).iterdir()) if (GOLDEN / name).is_dir() else []
    if kept != sorted(got):
        wrong.append(f"golden/{name} holds {kept}; casebook now gives {sorted(got)}")
    if wrong:
        pytest.fail("\n\n".join(wrong) + "\n\n(if the change is meant: pytest tests/cases/test_golden.py "
                    "--update-goldens, then read the diff in git)", pytrace=False)


def test_every_golden_folder_is_a_case():
    """A golden folder left from a case that is gone (or renamed) fails, so no stale file is kept by mistake."""
    if not (SHARED / "examples").is_dir():
        pytest.skip(f"../shared/examples is not here ({SHARED}); CI always has it")
    folders = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []
    assert folders == sorted(name for name, _, _ in CASES)
