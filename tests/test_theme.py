"""Themes: a validated TOML file over the bundled default."""

from __future__ import annotations

import re

import pytest

from casebook.errors import CasebookError
from casebook.theme import default_theme, load_theme


def test_default_theme_ships_and_validates():
    theme = default_theme()
    assert theme.institution == "casebook"
    assert theme.pdf.page_size == "A4"
    assert theme.font_path("regular") is None  # the bundled Open Sans


def test_a_user_theme_overrides_only_what_it_sets(tmp_path):
    path = tmp_path / "school.toml"
    path.write_text('institution = "Northfield Business School"\n[colors]\nprimary = "#003366"\n[pdf]\npage_size = "Letter"\n')
    theme = load_theme(path)
    assert (theme.institution, theme.colors.primary, theme.pdf.page_size) == ("Northfield Business School", "#003366", "Letter")
    assert theme.colors.accent == default_theme().colors.accent


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[colors]\nprimary = "red"\n', "colors.primary: String should match pattern"),
        ("[deck]\nbody_min = 30\n", "deck: Value error, a minimum size is larger than its maximum"),
        ('[pdf]\npage_size = "A3"\n', "pdf.page_size: Input should be 'A4' or 'Letter'"),
        ("colour = 1\n", "colour: Extra inputs are not permitted"),
        ('[fonts]\nregular = "missing.ttf"\n', "fonts.regular: no such font file"),
        ('logo = "logo.gif"\n', "logo: Value error, the logo must be a .png or .jpg file"),
        ("institution = \n", "not valid TOML"),
    ],
)
def test_bad_themes_name_the_file_and_key(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(CasebookError) as caught:
        load_theme(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_a_pptx_is_a_deck_template(tmp_path):
    import zipfile

    path = tmp_path / "school.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    theme = load_theme(path)
    assert theme.deck_template == path.resolve()
    assert theme.colors == default_theme().colors


@pytest.mark.parametrize(("content", "message"), [(b"not a zip", "not a PowerPoint file (not a zip archive)")])
def test_a_broken_pptx_template_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.pptx"
    path.write_bytes(content)
    with pytest.raises(CasebookError, match=re.escape(message)):
        load_theme(path)
