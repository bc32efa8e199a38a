"""casebook installs as a wheel and works from any directory; the README and CI agree."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^    (\S.*)$", quick, re.MULTILINE)


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second():
    commands = _readme_commands()
    assert len(commands) == 2
    assert "casebook build" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci.splitlines()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    [built] = dist.glob("casebook-*.whl")
    return built


@pytest.mark.slow
def test_wheel_ships_templates_seeds_and_code(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "casebook/templates/labels.j2" in names
    assert "casebook/seeds/closeness/000_cf48b7e9300d090a.txt" in names
    assert "casebook/cli/__init__.py" in names
    assert "casebook/ingest/data/people.toml" in names  # the lexicon of role and speech words
    assert not any(name.startswith("tests/") for name in names)


@pytest.mark.slow
def test_wheel_in_fresh_venv_builds_from_another_directory(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    done = subprocess.run([str(venv / "bin" / "casebook"), "build"], cwd=work, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    folder = work / "out" / "closeness"
    assert sorted(p.name for p in folder.iterdir()) == ["case.json", "closeness-case-study.html", "closeness-case-study.pdf",
                                                       "closeness-deck.pptx", "closeness-teaching-note.html",
                                                       "closeness-teaching-note.pdf"]
    assert (folder / "closeness-case-study.pdf").read_bytes().startswith(b"%PDF-")
    assert zipfile.is_zipfile(folder / "closeness-deck.pptx")
