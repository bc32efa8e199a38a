"""All wording comes from templates; a user's folder overrides one template at a time."""

from __future__ import annotations

import io
import re
import stat

import pypdf
import pytest
from click.testing import CliRunner

from casebook.cli import cli
from casebook.errors import CasebookError
from casebook.wording import Wording
from tests.conftest import ROOT


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_user_label_overrides_builtin_and_missing_labels_fall_back(closeness_dir, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "labels.j2").write_text('{% set executive_summary = "Résumé exécutif" %}\n')
    result = CliRunner().invoke(cli, ["build", str(closeness_dir), "--format", "pdf", "--out", str(tmp_path / "out"),
                                      "--templates", str(templates)])
    assert result.exit_code == 0, result.output
    text = _pdf_text(tmp_path / "out" / "closeness" / "closeness-case-study.pdf")
    assert "Résumé exécutif" in text
    assert "Executive Summary" not in text
    assert "Stakeholder Balance Sheet" in text  # not overridden: the built-in label


def test_user_template_is_sandboxed(closeness, tmp_path):
    (tmp_path / "labels.j2").write_text("{% set executive_summary = ''.__class__.__mro__[1].__subclasses__() %}\n")
    with pytest.raises(CasebookError, match=r"^labels.j2: template error: access to attribute '__class__' of 'str' "
                                            r"object is unsafe"):
        Wording(closeness, [tmp_path])


def test_broken_template_is_a_user_error_naming_it(closeness_dir, tmp_path):
    (tmp_path / "labels.j2").write_text("{% set x = %}\n")
    result = CliRunner().invoke(cli, ["build", str(closeness_dir), "--format", "pdf", "--out", str(tmp_path / "o"),
                                      "--templates", str(tmp_path)])
    assert result.exit_code == 1
    assert re.fullmatch(r".*labels\.j2:1: template error: .+\n", result.stderr)
    assert not (tmp_path / "o" / "closeness").exists()


def test_outputs_are_readable_by_others(closeness_dir, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(closeness_dir), "--format", "json", "--out", str(tmp_path)])
    assert result.exit_code == 0
    mode = (tmp_path / "closeness" / "case.json").stat().st_mode
    assert mode & stat.S_IROTH


READER_WORDING = re.compile(r"[\"'](Executive Summary|Strategic Analysis|Director's Ledger|Stakeholder Balance Sheet|"
                            r"Sources|Contents|Agenda|Page \d)[\"']")


def _reader_wording(folder) -> tuple[list[str], list[str]]:
    """Lines of Python under ``folder`` (every subfolder too) that hold a heading as a string literal; the files read."""
    offenders, files = [], []
    for path in sorted(folder.rglob("*.py")):
        files.append(path.relative_to(folder).as_posix())
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if READER_WORDING.search(line):
                offenders.append(f"{path.relative_to(folder)}:{number}: {line.strip()}")
    return offenders, files


def test_no_reader_wording_in_renderers():
    """Headings and labels live in templates/: no capitalised English prose as string literals in render code,
    in render/ and every package under it (render/pdf, render/deck, render/html, ...)."""
    render = ROOT / "src" / "casebook" / "render"
    offenders, files = _reader_wording(render)
    assert len(files) > 10 and [f for f in files if "/" in f]  # every module, the subpackages' too
    assert offenders == []


def test_the_reader_wording_check_finds_a_heading_in_a_subpackage(tmp_path):
    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "slides.py").write_text('TITLE = "Executive Summary"\nother = "Executive summary of x"\n')
    (tmp_path / "pdf.py").write_text("HEAD = 'Sources'\n")
    assert _reader_wording(tmp_path) == (["deck/slides.py:1: TITLE = \"Executive Summary\"", "pdf.py:1: HEAD = 'Sources'"],
                                         ["deck/slides.py", "pdf.py"])
