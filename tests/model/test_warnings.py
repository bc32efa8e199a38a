"""Warnings are a code and parameters in the model; templates/warnings.j2 words each one for its two audiences:
the instructor at the command line (frontmatter keys allowed) and the reader of the case study (none)."""

from __future__ import annotations

import ast
import io
import re
import typing

import pypdf
import pytest
from click.testing import CliRunner

from casebook import pipeline
from casebook.cli import cli
from casebook.model.case import CaseWarning, SourceRef, WarningCode
from casebook.pipeline import load_case
from casebook.wording import Wording, environment
from tests.conftest import FIXTURES, ROOT

CODES = typing.get_args(WarningCode)

#: parameters of each code as its caller gives them (a new code needs a line here, and a wording)
SAMPLES: dict[str, dict[str, typing.Any]] = {
    "ledger_unnumbered": {},
    "ledger_entry_empty": {"number": 4, "title": "The Overdraft"},
    "ledger_out_of_sequence": {"numbers": [1, 2, 2, 5]},
    "summary_group_empty": {"title": "Distribution"},
    "analysis_part_empty": {"heading": "The Second Window"},
    "stakeholder_incomplete": {"stakeholder": "Harbour Films", "missing": "outcome"},
    "stakeholders_unrecognised": {},
    "interview_no_questions": {},
    "footnote_missing": {"marker": "3"},
    "press_kit_no_synopsis": {},
    "press_release_no_premiere": {},
    "unknown_category": {"category": "REVIEW"},
    "unrecognised_document": {},
    "title_from_other_document": {"state": "missing", "title": "Harbour Lights", "file": "kit.txt"},
    "second_document": {"kind": "press_kit", "used": "kit.txt"},
    "legacy_encoding": {"encoding": "cp1252"},
    "missing_document": {"kind": "business"},
    "title_not_given": {"title": "harbour-notes", "origin": "folder"},
    "no_director": {},
    "business_section_missing": {"section": "executive_summary"},
    "no_movie_id": {},
    "missing_glyphs": {"field": "film.title", "family": "Open Sans", "faces": [], "chars": ["费"],
                       "code_points": [0x8D39], "scripts": ["CJK"]},
}

#: what only the instructor's wording may name: frontmatter keys and values, and how a file was read
FRONTMATTER = re.compile(r"movieId|movieTitle|categoryName|BUSINESS|LEDGER|frontmatter|charset|UTF-8|glyph|\bS\d+\b")


@pytest.fixture(scope="module")
def sparse():
    return load_case(FIXTURES / "sparse")


def _worded(case, code: str, audience: str, **place) -> str:
    return Wording(case).warning(CaseWarning(code=code, params=SAMPLES[code], **place), audience)


def test_every_code_has_a_sample_here():
    assert sorted(SAMPLES) == sorted(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_both_wordings_in_the_builtin_template(code, sparse):
    module = environment().get_template("warnings.j2").make_module({"case": sparse})
    assert callable(getattr(module, f"instructor_{code}", None)), f"warnings.j2 has no instructor_{code}"
    assert callable(getattr(module, f"reader_{code}", None)), f"warnings.j2 has no reader_{code}"
    assert _worded(sparse, code, "instructor")


@pytest.mark.parametrize("code", CODES)
def test_the_reader_is_never_shown_a_frontmatter_key(code, sparse):
    said = _worded(sparse, code, "reader")
    assert not FRONTMATTER.search(said), said
    assert said == "" or said[0].isupper()  # an item of a list a reader reads: a sentence, not a log line


def test_only_some_codes_are_the_instructors_alone(sparse):
    unsaid = sorted(code for code in CODES if not _worded(sparse, code, "reader"))
    assert unsaid == ["legacy_encoding", "missing_glyphs", "no_movie_id", "title_from_other_document"]


def test_each_audience_gets_its_own_words(sparse):
    assert _worded(sparse, "missing_document", "instructor") == "the case has no business analysis (categoryName: BUSINESS)"
    assert _worded(sparse, "missing_document", "reader") == "The sources include no business analysis"
    assert _worded(sparse, "ledger_out_of_sequence", "instructor") == "ledger entries are numbered [1, 2, 2, 5], not in sequence"
    assert _worded(sparse, "ledger_out_of_sequence", "reader") == (
        "The entries of the director's ledger are numbered 1, 2, 2, 5, not in sequence")
    assert _worded(sparse, "second_document", "reader") == (
        "This document reads as a second press kit; the case takes its press kit from kit.txt")
    assert _worded(sparse, "missing_glyphs", "instructor") == (
        'film.title: the font Open Sans has no glyph for "费" (U+8D39); no installed font covers CJK')


def test_a_glyph_warning_names_eight_characters_and_counts_the_rest(sparse):
    chars = list("ABCDEFGHIJ")
    warning = CaseWarning(code="missing_glyphs", params={
        "field": "title", "family": "Serif", "faces": ["bold", "bold_italic"], "chars": chars,
        "code_points": [ord(c) for c in chars], "scripts": []})
    said = Wording(sparse).warning(warning, "instructor")
    assert said.startswith('title: the font Serif (bold, bold italic) has no glyph for "A" (U+0041), "B" (U+0042),')
    assert said.endswith('"H" (U+0048) and 2 more')


def test_every_code_the_code_raises_is_a_known_code():
    """Each ``warn("code", ...)`` call in the sources (ingest's notes, the builder) names a code of WarningCode."""
    used: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "casebook").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            python_warning = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                isinstance(node.func.value, ast.Name) and node.func.value.id == "warnings")  # warnings.warn: not ours
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "warn"
                    and not python_warning and node.args and isinstance(node.args[0], ast.Constant)):
                used[node.args[0].value] = path.name
            if isinstance(node, ast.keyword) and node.arg == "code" and isinstance(node.value, ast.Constant):
                used[node.value.value] = path.name
    assert len(used) >= 20  # the scan finds the calls (ingest, builder, glyphs)
    assert {code: where for code, where in used.items() if code not in CODES} == {}
    assert set(CODES) - set(used) == set()  # and no code is listed that nothing raises


def test_an_unknown_code_does_not_validate():
    with pytest.raises(ValueError):
        CaseWarning(code="the case has no press kit")


def test_case_json_carries_code_and_params_not_words(sparse):
    data = sparse.model_dump(mode="json")
    assert {"code": "missing_document", "params": {"kind": "ledger"}, "source": None, "file": None} in data["warnings"]
    assert {"code": "business_section_missing", "params": {"section": "analysis"}, "source": None,
            "file": "business.txt"} in data["warnings"]
    assert "message" not in data["warnings"][0]


def test_the_instructor_reads_the_keys_at_the_command_line():
    folder = FIXTURES / "sparse"
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert f"{folder}: warning: the case has no director's ledger (categoryName: LEDGER)" in lines
    assert f"{folder / 'business.txt'}: warning: the business analysis has no Strategic Analysis section" in lines


def _gaps(text: str, heading: str = "Gaps in the sources") -> str:
    """The text of the gaps section: from its heading (the last time it is printed: the contents list it first) to
    the next section's heading."""
    start = text.rindex(heading)
    end = text.find("Sources", start)
    return text[start:end if end > start else None]


def test_the_students_pdf_words_the_gaps_for_a_reader(sparse):
    pdf = pipeline.render(sparse, "pdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    gaps = " ".join(_gaps(text).split())
    assert not FRONTMATTER.search(gaps), gaps
    # golden from reading tests/fixtures/sparse: one business analysis with an executive summary only
    for said in ("The sources include no director's ledger", "The sources include no press release",
                 "The sources include no press kit", "No document names the film's director",
                 "The business analysis has no Strategic Analysis section (business.txt)",
                 "The business analysis has no Stakeholder Balance Sheet section (business.txt)"):
        assert said in gaps


def test_the_html_edition_words_the_gaps_for_a_reader(sparse):
    html = pipeline.render(sparse, "html").decode("utf-8")
    assert "The sources include no director&#39;s ledger" in html or "The sources include no director's ledger" in html
    assert "categoryName" not in html


def test_a_warning_only_the_instructor_reads_is_not_in_the_students_pdf(tmp_path):
    text = (FIXTURES / "sparse" / "business.txt").read_text(encoding="utf-8").replace("movieId: 77\n", "")
    (tmp_path / "business.txt").write_text(text, encoding="utf-8")
    case = load_case(tmp_path)
    assert "no_movie_id" in [w.code for w in case.warnings]
    assert f"{tmp_path}: warning: no document gives a movieId; the case is named after its film title" in (
        pipeline.warning_lines(case, tmp_path))
    html = pipeline.render(case, "html").decode("utf-8")
    assert "The sources include no press kit" in html and "movieId" not in html and "identifier" not in html


def test_a_user_rewords_one_warning_and_keeps_the_others(sparse, tmp_path):
    (tmp_path / "warnings.j2").write_text(
        '{% macro reader_no_director(p) %}Nobody is credited as director{% endmacro %}\n', encoding="utf-8")
    wording = Wording(sparse, [tmp_path])
    assert wording.warning(CaseWarning(code="no_director"), "reader") == "Nobody is credited as director"
    assert wording.warning(CaseWarning(code="no_director"), "instructor") == "no document names the film's director"


def test_a_warning_with_a_place_is_worded_with_it_at_the_command_line(sparse, tmp_path):
    warning = CaseWarning(code="footnote_missing", params={"marker": "7"},
                          source=SourceRef(source="S1", first_line=12, last_line=12))
    line = pipeline.warning_line(sparse, tmp_path, warning, Wording(sparse))
    assert line == f"{tmp_path / 'business.txt'}:12: warning: footnote 7 is cited but its text was not found"
