"""The command line: every command, each exit code, output files where the user expects them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from casebook.cli import cli
from tests.conftest import ROOT


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == "casebook, version 0.1.0"


def test_help_lists_commands(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("build", "check", "show", "schema"):
        assert command in result.output


def test_check_seeds_ok(run, closeness_dir):
    result = run("check", str(closeness_dir))
    assert result.exit_code == 0
    assert "ok: Closeness, 4 sources, 0 warnings, 4 conflicts" in result.output
    conflicts = [line for line in result.output.splitlines() if line.startswith("conflict: ")]
    assert len(conflicts) == 4
    # every claim as its source words it, [how casebook read it], (where it is)
    assert conflicts[2] == (f'conflict: Year of a film: First I Am: "First I Am, 2014" [2014] '
                            f'({closeness_dir}/001_35d35ebf1792311c.txt:13) vs "2015 – FIRST I (Pervyj ja), 15 min" [2015] '
                            f'({closeness_dir}/003_97f070a8e3b46503.txt:192)')


def test_check_reports_every_unreadable_document_with_its_place(run, tmp_path):
    (tmp_path / "a.txt").write_text("---\nmovieId: 1\ncategoryName: BUSINESS\n\nno closing fence\n")
    (tmp_path / "b.txt").write_text("---\nmovieId: [1\n---\nbody\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{tmp_path / 'a.txt'}:1: frontmatter opened with '---' is never closed",
        f"{tmp_path / 'b.txt'}:2: frontmatter is not valid YAML: expected ',' or ']', but got '<stream end>'",
    ]
    assert "Traceback" not in result.output


def test_documents_of_different_cases_are_an_error(run, tmp_path):
    (tmp_path / "a.txt").write_text("---\nmovieId: 1\ncategoryName: BUSINESS\n---\n**Title: A**\n")
    (tmp_path / "b.txt").write_text("---\nmovieId: 2\ncategoryName: LEDGER\n---\n**Ledger**\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert "documents belong to different cases: movieId 1 (a.txt), 2 (b.txt)" in result.stderr


def test_missing_folder_is_bad_input(run, tmp_path):
    result = run("build", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'nope'}: no such folder"


def test_bad_usage_exits_2(run):
    assert run("build", "--format", "docx").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_show_json_is_the_case_model(run, closeness_dir):
    result = run("show", str(closeness_dir), "--json")
    assert result.exit_code == 0
    model = json.loads(result.output)
    assert model["id"] == "452008"
    assert model["ledger"]["entries"][0]["source"] == {"source": "S2", "first_line": 12, "last_line": 13}


def test_show_summary(run, closeness_dir):
    result = run("show", str(closeness_dir))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Closeness (2017): Tight Margins, Wide Aclaim: Valuing the Unwatchable"
    assert "stakeholders: 3 (The Director: Kantemir Balagov; Principal Cast: Darya Zhovner;" in result.output


def test_schema_is_json_schema(run):
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["title"] == "Case"
    assert {"id", "slug", "title", "film", "executive_summary", "ledger", "stakeholders", "sources"} <= set(
        schema["properties"])
    assert schema["additionalProperties"] is False


def test_build_json_only(run, closeness_dir, tmp_path):
    result = run("build", str(closeness_dir), "--format", "json", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "closeness").iterdir()) == ["case.json"]
    assert json.loads((tmp_path / "closeness" / "case.json").read_text())["slug"] == "closeness"


def test_build_without_case_dir_uses_seeds_folder_of_cwd(run, closeness_dir, tmp_path, monkeypatch):
    shutil.copytree(closeness_dir, tmp_path / "seeds" / "closeness")
    monkeypatch.chdir(tmp_path)
    result = run("build", "--format", "json")
    assert result.exit_code == 0
    assert (tmp_path / "out" / "closeness" / "case.json").is_file()


def test_python_dash_m(closeness_dir):
    done = subprocess.run([sys.executable, "-m", "casebook", "check", str(closeness_dir)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_the_process_ends_with_every_output_flushed(closeness_dir, tmp_path):
    """main() ends the process without the interpreter's teardown: what was printed to a pipe still arrives
    whole, exit codes hold, and a reader that stops early (| head) gets no traceback."""
    casebook = [sys.executable, "-m", "casebook"]
    shown = subprocess.run([*casebook, "show", str(closeness_dir), "--json"], capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stderr == ""
    assert json.loads(shown.stdout)["film"]["title"] == "Closeness"  # block-buffered to a pipe, flushed whole
    missing = subprocess.run([*casebook, "build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stderr.strip() == f"{tmp_path / 'nowhere'}: no such folder"
    assert subprocess.run([*casebook, "build", "--format", "doc"], capture_output=True).returncode == 2
    head = subprocess.Popen([*casebook, "show", str(closeness_dir), "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert head.stdout is not None and head.stdout.read(10)
    head.stdout.close()  # the reader goes away before the output is all written
    with head.stderr:
        assert head.wait(timeout=60) in (0, 1) and b"Traceback" not in head.stderr.read()
    built = subprocess.run([*casebook, "build", str(closeness_dir), "--format", "json", "--out", str(tmp_path / "out")],
                           capture_output=True, text=True)
    assert built.returncode == 0 and json.loads((tmp_path / "out" / "closeness" / "case.json").read_text())["slug"] == "closeness"
