"""Every character checked against the fonts before rendering: a missing glyph names the field and the line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from casebook.cli import cli
from casebook.pipeline import load_case
from casebook.render.text.glyphs import check_glyphs
from casebook.theme import default_theme
from casebook.wording import Wording

CJK = "---\nmovieId: 8\nmovieTitle: 小城之春\ncategoryName: BUSINESS\n---\n\n**Title: Spring in a Small Town**\n\n" \
      "### III. Stakeholders\n\n**Director: 费穆**\n* **Outcome:** A classic.\n"


@pytest.fixture
def no_fallback_font(monkeypatch):
    """A machine with no font for what Open Sans lacks (the warnings below are about such a machine)."""
    monkeypatch.setattr("casebook.render.text.glyphs.fallback_file", lambda char: None)


def test_the_seed_case_has_every_glyph(closeness):
    assert check_glyphs(closeness, default_theme()) == []


def test_cjk_text_is_a_warning_naming_field_and_line(tmp_path, no_fallback_font):
    (tmp_path / "a.txt").write_text(CJK, encoding="utf-8")
    case = load_case(tmp_path)
    warnings = check_glyphs(case, default_theme())
    by_field = {w.params["field"]: w for w in warnings}
    stakeholder = by_field["stakeholders[0].name"]
    assert stakeholder.source.first_line == 11
    assert (stakeholder.code, stakeholder.params["chars"], stakeholder.params["family"]) == (
        "missing_glyphs", ["费", "穆"], "Open Sans")
    said = Wording(case).warning(stakeholder, "instructor")
    assert '"费" (U+8D39)' in said and "Open Sans" in said
    assert Wording(case).warning(stakeholder, "reader") == ""  # a font of this machine: not the reader's concern
    assert "film.title" in by_field


def test_check_and_build_print_glyph_warnings(tmp_path, no_fallback_font):
    case = tmp_path / "case"
    case.mkdir()
    (case / "a.txt").write_text(CJK, encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(case)])
    assert checked.exit_code == 0
    assert f"{case / 'a.txt'}:11: warning: stakeholders[0].name: the font Open Sans has no glyph for" in checked.output
    built = CliRunner().invoke(cli, ["build", str(case), "--format", "pdf", "--out", str(tmp_path / "out")])
    assert built.exit_code == 0
    assert "has no glyph for" in built.stderr


def test_a_script_no_installed_font_covers_is_named(tmp_path, no_fallback_font):
    # a stakeholder named in Hebrew, another in Arabic, on a machine with no font for either
    text = ("---\nmovieId: 9\nmovieTitle: The Well\ncategoryName: BUSINESS\n---\n\n**Title: The Well**\n\n"
            "### III. Stakeholders\n\n**Producer: דנה כהן**\n* **Outcome:** Paid back.\n\n"
            "**Editor: كريم سعد**\n* **Outcome:** Hired again.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    case = load_case(tmp_path)
    warnings = {w.params["field"]: Wording(case).warning(w, "instructor") for w in check_glyphs(case, default_theme())}
    assert warnings["stakeholders[0].name"].endswith("no installed font covers Hebrew")
    assert warnings["stakeholders[1].name"].endswith("no installed font covers Arabic")
    assert '"د" (U+05D3)' not in warnings["stakeholders[0].name"] and '"ד" (U+05D3)' in warnings["stakeholders[0].name"]
