"""The layers the tools keep true: the import-linter contracts of pyproject.toml hold (and each can fail), ruff
finds nothing, and the command line prints no wording of its own: every line comes from ``templates/cli/``."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
PACKAGE = ROOT / "src" / "casebook"
CLI = PACKAGE / "cli"
CLI_TEMPLATES = ROOT / "templates" / "cli"
CONTRACTS = {
    "ingest": "ingest reads files into records: it imports neither the model nor the renderers",
    "model": "the model does not import the renderers",
    "libraries": "reportlab, python-pptx and pikepdf are imported only under casebook.render",
    "cli": "the command line reaches the renderers only through the pipeline",
}


def _lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)} if pythonpath else None
    code = "import sys\nfrom importlinter.cli import lint_imports_command\nsys.exit(lint_imports_command())\n"
    return subprocess.run([sys.executable, "-c", code, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def _verdicts(output: str) -> dict[str, str]:
    """Each contract's name -> KEPT or BROKEN, from lint-imports' summary."""
    verdicts = {}
    for line in output.splitlines():
        for name in CONTRACTS.values():
            if line.startswith(name + " "):
                verdicts[name] = line[len(name) + 1:].split()[0]
    return verdicts


def test_every_contract_is_kept():
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _verdicts(done.stdout) == {name: "KEPT" for name in CONTRACTS.values()}


# One import written into a scratch copy of the package, and the contract it is aimed at. An internal break also
# breaks the contracts of the layers that reach the same place through it (the model reads through ingest, the CLI
# loads cases through both); a library imported outside casebook.render breaks that contract alone.
BREAKS = [
    ("ingest/dates.py", "from casebook.model import case as _case", "ingest"),
    ("ingest/claims/values.py", "import casebook.render", "ingest"),
    ("model/exhibits.py", "import casebook.render", "model"),
    ("theme.py", "import reportlab.lib.colors", "libraries"),
    ("model/rates.py", "from pptx.util import Emu", "libraries"),
    ("mail.py", "import pikepdf", "libraries"),
    ("cli/inspect.py", "import casebook.render", "cli"),
    ("batch.py", "import casebook.render", "cli"),  # the CLI builds through batch, which is not the pipeline
]


@pytest.mark.parametrize(("module", "line", "contract"), BREAKS, ids=[m for m, _, _ in BREAKS])
def test_each_contract_fails_when_broken(module, line, contract, tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(PACKAGE, copy / "casebook", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = copy / "casebook" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    done = _lint_imports(tmp_path, pythonpath=copy)
    assert done.returncode == 1, done.stdout + done.stderr
    broken = {name for name, verdict in _verdicts(done.stdout).items() if verdict == "BROKEN"}
    assert CONTRACTS[contract] in broken
    assert (CONTRACTS["libraries"] in broken) == (contract == "libraries")
    assert f"casebook.{module.removesuffix('.py').replace('/', '.')} ->" in done.stdout  # the report names the importer


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_uses_the_repositorys_rules():
    """An unused import and a line over 130 characters, in a module of the package, are reported."""
    source = "import os\n\nNAME = '" + "x" * 130 + "'\n"
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           "--stdin-filename", "src/casebook/scratch.py", "-"],
                          cwd=ROOT, input=source, capture_output=True, text=True)
    assert done.returncode == 1
    assert "F401" in done.stdout and "E501" in done.stdout


# --- the command line's wording ------------------------------------------------------------------------------

#: the calls whose text a user reads: click's output and errors, and casebook's own error and progress lines
_SPEAKING = {"echo", "secho", "UsageError", "BadParameter", "ClickException", "_fail", "_say", "print"}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: the calls whose first argument names a template
_TEMPLATED = {"say", "render", "paragraphs", "template"}


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in text)


def speeches(source: str) -> list[int]:
    """The lines of ``source`` where a user-facing call is given text written in Python: a string literal or an
    f-string, alone or inside an expression. A template's name given to ``say`` or ``render`` is not text, nor is
    punctuation without a letter (the brackets that join cases' JSON into one array)."""
    tree = ast.parse(source)
    names = {id(node.args[0]) for node in ast.walk(tree)
             if isinstance(node, ast.Call) and _name(node.func) in _TEMPLATED and node.args}
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _name(node.func) in _SPEAKING):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            if any(isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str)
                                                    and _has_words(n.value) and id(n) not in names) for n in ast.walk(arg)):
                lines.append(node.lineno)
                break
    return lines


def test_the_check_for_wording_in_python_can_fail():
    """Sentences written for this test, in the three shapes the commands used before their wording moved."""
    assert speeches('click.echo(f"kept {n} files", err=True)\n') == [1]
    assert speeches('raise click.UsageError("--a and --b cannot go together")\n') == [1]
    assert speeches("self._say('skipped: ' + str(folder))\n") == [1]
    assert speeches('click.echo(say("kept", count=n), err=True)\nclick.echo(str(problem))\n') == []
    assert speeches('click.echo(wording.render("cli/kept.j2", count=n))\n') == []
    assert speeches('click.echo("{" + ", ".join(parts) + "}")\n') == []  # punctuation: the syntax of data
    assert speeches('click.echo("(" + count + " left)")\n') == [1]


@pytest.mark.parametrize("module", sorted(p.name for p in CLI.glob("*.py")))
def test_the_commands_word_nothing_in_python(module):
    assert speeches((CLI / module).read_text(encoding="utf-8")) == []


def _messages() -> set[str]:
    """The names of the messages the commands print through ``say``."""
    names = set()
    for path in CLI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "say":
                assert isinstance(node.args[0], ast.Constant), f"{path.name}:{node.lineno}: say() takes a template's name"
                names.add(node.args[0].value)
    return names


def test_every_message_has_its_template_and_every_template_is_used():
    used = _messages() | {"conflict", "show"}  # these two are rendered with the case's wording (casebook.wording)
    assert {"wrote", "up_to_date", "interrupted", "internal_error", "check"} <= used
    assert used == {p.stem for p in CLI_TEMPLATES.glob("*.j2")}


def test_messages_read_as_before():
    from casebook.cli.common import say

    assert say("watching", count=1) == "casebook: watching 1 case; Ctrl-C stops"
    assert say("watching", count=2) == "casebook: watching 2 cases; Ctrl-C stops"
    assert say("up_to_date", folder=Path("course/one"), recipient=None) == "up to date: course/one"
    assert say("up_to_date", folder=Path("course/one"), recipient="Ada Byron") == "up to date: course/one (copy for Ada Byron)"
    assert say("roster_format", fmt="json", formats=["pdf", "pptx", "html", "all"]) == (
        "--roster writes the students' case study and deck: use --format pdf, pptx, html or all, not json")
    assert say("attach", value="'pdf,doc'", formats=("pdf", "pptx", "html")) == (
        "'pdf,doc': give one or more of pdf, pptx, html, separated by commas")
