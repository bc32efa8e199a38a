"""Course-scale builds: many cases at once, a cache that skips unchanged cases, lazy imports, watch."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from casebook.cli import cli


def _cases(root: Path, seed: Path, count: int) -> Path:
    for i in range(count):
        folder = root / f"case-{i}"
        folder.mkdir(parents=True)
        for path in seed.iterdir():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^movieId: .*$", f"movieId: {1000 + i}", text, flags=re.MULTILINE)
            text = re.sub(r"^movieTitle: (.*)$", rf"movieTitle: \1 {i}", text, flags=re.MULTILINE)
            (folder / path.name).write_text(text, encoding="utf-8")
    return root


def _stamps(out: Path) -> dict[str, int]:
    files = (p for p in out.rglob("*") if p.is_file() and ".casebook-cache" not in p.parts)
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in files}


@pytest.fixture()
def three(tmp_path, closeness_dir):
    return _cases(tmp_path / "cases", closeness_dir, 3), tmp_path / "out"


def _build(*args: str):
    return CliRunner().invoke(cli, ["build", *args])


def test_parallel_build_of_many_cases(three):
    cases, out = three
    result = _build(str(cases), "--out", str(out), "--jobs", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["closeness-0", "closeness-1", "closeness-2"]
    assert result.output.count("wrote ") == 3


def test_unchanged_cases_are_skipped_and_force_rebuilds(three):
    cases, out = three
    assert _build(str(cases), "--out", str(out), "--format", "json").exit_code == 0
    before = _stamps(out)
    again = _build(str(cases), "--out", str(out), "--format", "json")
    assert again.exit_code == 0
    assert _stamps(out) == before
    assert again.output.count("up to date: ") == 3
    forced = _build(str(cases), "--out", str(out), "--format", "json", "--force")
    assert forced.exit_code == 0
    assert all(_stamps(out)[name] != stamp for name, stamp in before.items())


def test_a_changed_source_rebuilds_only_its_case(three):
    cases, out = three
    assert _build(str(cases), "--out", str(out), "--format", "json").exit_code == 0
    before = _stamps(out)
    press = cases / "case-1" / "002_b52015972eff3ee8.txt"
    press.write_text(press.read_text() + "\nOne more line.\n")
    result = _build(str(cases), "--out", str(out), "--format", "json")
    assert result.exit_code == 0
    changed = {name for name, stamp in _stamps(out).items() if before[name] != stamp}
    assert changed == {"closeness-1/case.json"}


def test_a_changed_template_rebuilds_everything(three, tmp_path):
    cases, out = three
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "labels.j2").write_text('{% set sources = "Sources" %}\n')
    assert _build(str(cases), "--out", str(out), "--format", "json", "--templates", str(templates)).exit_code == 0
    before = _stamps(out)
    (templates / "labels.j2").write_text('{% set sources = "References" %}\n')
    assert _build(str(cases), "--out", str(out), "--format", "json", "--templates", str(templates)).exit_code == 0
    assert all(_stamps(out)[name] != stamp for name, stamp in before.items())


def test_a_bad_case_does_not_stop_the_others(three):
    cases, out = three
    (cases / "case-0" / "000_cf48b7e9300d090a.txt").write_text("---\nmovieId: [1\n---\n")
    result = _build(str(cases), "--out", str(out), "--jobs", "2", "--format", "json")
    assert result.exit_code == 1
    assert "000_cf48b7e9300d090a.txt:2: frontmatter is not valid YAML" in result.stderr
    assert (out / "closeness-1" / "case.json").is_file() and (out / "closeness-2" / "case.json").is_file()


def _modules_after(*argv: str) -> set[str]:
    code = (
        "import sys\nfrom casebook.cli import _run\n"  # main() without its quick exit at the end
        f"sys.argv = ['casebook', *{list(argv)!r}]\n"
        "try:\n    _run()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('pptx', 'reportlab')}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(eval(done.stderr.strip().splitlines()[-1]))  # noqa: S307 - our own output


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["--help"], set()),
        (["check", "{seed}"], set()),
        (["show", "{seed}"], set()),
        (["build", "{seed}", "--format", "pdf", "--out", "{out}", "--force"], {"reportlab"}),
        (["build", "{seed}", "--format", "pptx", "--out", "{out}", "--force"], {"pptx"}),
    ],
)
def test_commands_import_only_what_they_need(argv, allowed, closeness_dir, tmp_path):
    argv = [a.format(seed=closeness_dir, out=tmp_path) for a in argv]
    assert _modules_after(*argv) == allowed


@pytest.mark.slow
def test_watch_rebuilds_a_case_when_a_source_changes(tmp_path, closeness_dir):
    case = tmp_path / "case"
    shutil.copytree(closeness_dir, case)
    out = tmp_path / "out"
    target = out / "closeness" / "case.json"
    # Ctrl-C as a user's terminal delivers it: a shell's background job (pytest ... &) ignores SIGINT, and its
    # children would inherit that, so the watcher gets the default disposition back
    process = subprocess.Popen([sys.executable, "-m", "casebook", "watch", str(case), "--format", "json", "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert target.exists()
        time.sleep(1.0)
        ledger = case / "001_35d35ebf1792311c.txt"
        ledger.write_text(ledger.read_text().replace("Kantemir Balagov\n", "Kantemir Balagov (edited)\n", 1))
        deadline = time.monotonic() + 60
        while "(edited)" not in target.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "(edited)" in target.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            stdout, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # end it and close its pipes, so no later test meets them
            process.kill()
            stdout, stderr = process.communicate()
            pytest.fail(f"casebook watch did not stop within 30 s of Ctrl-C (SIGINT); its stderr:\n{stderr}")
    assert process.returncode in (0, 130), stderr
    assert stdout.count("wrote ") >= 2


def test_progress_is_plain_when_not_a_terminal(three):
    cases, out = three
    result = _build(str(cases), "--out", str(out), "--format", "json")
    assert "\x1b[" not in result.output and "━" not in result.output
    assert result.output.count("wrote ") == 3
