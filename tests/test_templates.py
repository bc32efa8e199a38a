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


def test_no_reader_wording_in_renderers():
    """Headings and labels live in templates/: no capitalised English prose as string literals in render code."""
    offenders = []
    for path in (ROOT / "src" / "casebook" / "render").glob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"[\"'](Executive Summary|Strategic Analysis|Director's Ledger|Stakeholder Balance Sheet|Sources|"
                         r"Contents|Agenda|Page \d)[\"']", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
