"""User errors are a code and parameters; templates/errors.j2 words each one (one macro per code). The place
(``path:line: ``) is added by :class:`casebook.errors.Problem`; a code with no macro is a bug, not a user's error."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest
from jinja2 import UndefinedError, nodes

from casebook.errors import CasebookError, CaseError, Problem, UserError, case_error, problems_of, user_error
from casebook.messages import ERRORS_TEMPLATE, UnknownErrorCode, environment, error_codes, error_text
from tests.conftest import ROOT

#: the calls that raise or word an error, and which of their arguments is the code
RAISERS = {"Problem": 1, "user_error": 1, "case_error": 1, "_refuse": 1, "NotText": 0, "error_text": 0}


def _raised_codes() -> dict[str, str]:
    """Every code the sources give to a raiser as a literal string, with the file that gives it."""
    used: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "casebook").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            at = RAISERS.get(name or "")
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                used[arg.value] = str(path.relative_to(ROOT))
    return used


def test_the_scan_finds_the_raisers_of_every_layer():
    where = set(_raised_codes().values())
    for module in ("ingest/document.py", "ingest/folder.py", "theme.py", "roster.py", "pipeline.py", "mail.py",
                   "discover.py", "model/builder.py", "wording.py"):
        assert f"src/casebook/{module}" in where, module
    assert len(_raised_codes()) >= 60


def test_every_code_raised_in_the_sources_has_a_macro():
    macros = set(error_codes())
    assert {code: where for code, where in _raised_codes().items() if code not in macros} == {}


def test_every_macro_is_raised_somewhere():
    assert set(error_codes()) - set(_raised_codes()) == set()


def test_no_macro_is_empty():
    """Each public macro of errors.j2 holds words of its own, not only white space or a parameter."""
    source = (ROOT / "templates" / ERRORS_TEMPLATE).read_text(encoding="utf-8")
    macros = {m.name: m for m in environment().parse(source).find_all(nodes.Macro) if not m.name.startswith("_")}
    assert sorted(macros) == sorted(error_codes())
    bare = {"smtp_failed", "worded_elsewhere"}  # the library's or another template's text, shown as given
    for name, macro in macros.items():
        words = "".join(d.data for d in macro.find_all(nodes.TemplateData)).strip()
        consts = "".join(str(c.value) for c in macro.find_all(nodes.Const) if isinstance(c.value, str)).strip()
        if name in bare:
            assert list(macro.find_all(nodes.Getattr)), name
        else:
            assert words or consts, f"{name} is empty"


def test_an_unknown_code_is_a_bug_not_a_users_error():
    with pytest.raises(UnknownErrorCode) as raised:
        Problem("kit.txt", "the file is broken")  # a message where a code belongs
    assert not isinstance(raised.value, CasebookError)  # the CLI shows a traceback, not one line and exit 1
    with pytest.raises(UnknownErrorCode):
        error_text("no_such_code", {})


def test_a_missing_parameter_fails_loudly():
    with pytest.raises(UndefinedError):
        str(Problem("roster.csv", "roster_duplicate_id", {"id": "s-104"}, 7))  # no first_line


def test_the_place_comes_before_the_words():
    assert str(Problem(Path("cases/a/kit.txt"), "frontmatter_not_mapping", {}, 2)) == (
        "cases/a/kit.txt:2: frontmatter must be a mapping of keys to values")
    assert str(Problem("cases/a", "case_no_documents")) == "cases/a: holds no source documents (.txt or .md files)"
    assert str(Problem(None, "worded_elsewhere", {"text": "theme.toml: logo: no such file x.png"})) == (
        "theme.toml: logo: no such file x.png")


@pytest.mark.parametrize(("code", "params", "said"), [
    # numbers are grouped as a reader writes them; sizes in MB to one decimal
    ("document_too_large", {"size": 12 * 1024 * 1024 + 104858, "limit": 20 * 1024 * 1024},
     "is 12.1 MB; a document may be at most 20 MB"),
    ("line_too_long", {"length": 250000, "limit": 100000},
     "line is 250,000 characters long; a line may be at most 100,000"),
    ("encoding_unknown", {"byte": 0x9D, "offset": 4096},
     "is not UTF-8 (byte 0x9D at byte offset 4,096) and its encoding cannot be told with confidence; save it as UTF-8"),
    ("roster_not_utf8", {"byte": 0xE9, "in_file": 41, "in_line": 6},
     "not UTF-8: byte 0xe9 at byte 41 of the file (byte 6 of the line); save the roster as UTF-8"),
    # lists are joined in the template
    ("movie_ids_differ", {"ids": [("12", "notes.txt"), ("31", "kit.md")]},
     "documents belong to different cases: movieId 12 (notes.txt), 31 (kit.md)"),
    ("roster_columns_missing", {"missing": ["email"], "found": ["name", "student"]},
     "the header has no 'email' column (it has 'name', 'student'; columns: name, email, optional id)"),
    ("roster_columns_missing", {"missing": ["name", "email"], "found": []},
     "the header has no 'name' and 'email' columns (it has nothing; columns: name, email, optional id)"),
    # a value a user typed is quoted as Python quotes it, escapes included
    ("roster_name_control", {"name": "Ada\x07 Byron"}, "name 'Ada\\x07 Byron' holds control or unassigned characters"),
    # a library's text is a parameter, shown as given
    ("frontmatter_not_yaml", {"reason": "mapping values are not allowed here"},
     "frontmatter is not valid YAML: mapping values are not allowed here"),
    ("smtp_not_sent", {"recipient": "kim@example.org", "reason": "550 mailbox unavailable"},
     "kim@example.org: not sent: 550 mailbox unavailable"),
    # a key only when the theme names the file; none when the file is given itself
    ("deck_template_missing", {"key": "deck.template", "template": "/t/master.pptx"},
     "deck.template: no such file /t/master.pptx"),
    ("deck_template_missing", {"key": None, "template": "/t/master.pptx"}, "no such file /t/master.pptx"),
])
def test_a_code_is_worded_with_its_parameters(code, params, said):
    assert error_text(code, params) == said


@pytest.mark.parametrize(("delimiter", "named"), [(",", "a comma"), (";", "a semicolon"), ("\t", "a tab")])
def test_a_roster_line_whose_address_moved_says_which_delimiter_to_quote(delimiter, named):
    plain = Problem("roster.csv", "roster_empty_email", {}, 4)
    moved = Problem("roster.csv", "roster_empty_email", {"address_elsewhere": delimiter}, 4)
    assert str(plain) == "roster.csv:4: empty email"
    assert str(moved) == ("roster.csv:4: empty email (the address is in another column: put a value that holds "
                          f"{named} in double quotes)")


def test_problems_compare_by_what_they_say_and_cross_processes():
    a = Problem(Path("kit.txt"), "movie_title_not_given", {"state": "missing"}, 3)
    b = Problem(Path("kit.txt"), "movie_title_not_given", {"state": "missing"}, 3)
    c = Problem(Path("kit.txt"), "movie_title_not_given", {"state": "empty"}, 3)
    assert a == b and hash(a) == hash(b) and a != c
    assert list(dict.fromkeys([a, b, c])) == [a, c]  # how a batch drops the same problem told by two copies
    assert pickle.loads(pickle.dumps(c)) == c  # a batch's workers send their problems back


def test_errors_carry_their_problems():
    one = user_error("theme.toml", "theme_no_logo", logo="/t/logo.png")
    assert isinstance(one, UserError) and not isinstance(one, CaseError)
    assert str(one) == "theme.toml: logo: no such file /t/logo.png"
    assert problems_of(one) == [one.problem]
    case = case_error("cases/a", "case_not_folder")
    assert str(case) == "cases/a: is not a folder" and problems_of(case) == case.problems
    assert [str(p) for p in problems_of(CasebookError("x.j2: broken"))] == ["x.j2: broken"]
