"""A personal copy names its reader on every page and slide and in the metadata of both files.

Names in any script are drawn: Open Sans covers Latin and Cyrillic; Chinese comes from a TrueType
fallback font of the machine (CI installs Droid Sans Fallback), embedded as a subset in the PDF.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pptx import Presentation
from pypdf import PdfReader

from casebook.pipeline import render
from casebook.render.text.fallback import fallback_file

NAMES = ["Zoë Ångström-Núñez", "Анна Иванова", "张伟"]


def _pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES[:2])
def test_every_pdf_page_and_the_metadata_name_the_reader(closeness, name):
    data = render(closeness, "pdf", recipient=name)
    stamp = f"Prepared for {name}; do not distribute"
    pages = _pdf_pages(data)
    assert len(pages) > 5
    for number, text in enumerate(pages, start=1):
        assert stamp in text, f"page {number} lacks the stamp"
    info = PdfReader(io.BytesIO(data)).metadata
    assert info.subject.endswith(stamp)
    assert info.title == closeness.title


@pytest.mark.slow
def test_the_copy_for_nobody_has_no_stamp(closeness):
    data = render(closeness, "pdf")
    assert not any("Prepared for" in text for text in _pdf_pages(data))
    assert "Prepared for" not in (PdfReader(io.BytesIO(data)).metadata.subject or "")


@pytest.mark.parametrize("name", NAMES[:2])
def test_every_slide_and_the_properties_name_the_reader(closeness, name):
    deck = Presentation(io.BytesIO(render(closeness, "pptx", recipient=name)))
    stamp = f"Prepared for {name}; do not distribute"
    for number, slide in enumerate(deck.slides, start=1):
        footers = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.name == "Footer"]
        assert footers == [stamp], f"slide {number}: {footers}"
    props = deck.core_properties
    assert props.comments == stamp
    assert props.subject.endswith(stamp)


def test_the_deck_for_nobody_keeps_the_case_in_its_footer(closeness):
    deck = Presentation(io.BytesIO(render(closeness, "pptx")))
    assert deck.core_properties.comments == ""
    for slide in list(deck.slides)[1:]:
        footers = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.name == "Footer"]
        assert footers == [f"{closeness.film.title}: {closeness.title}"]


@pytest.mark.skipif(fallback_file("张") is None, reason="no TrueType CJK font on this machine (CI installs fonts-droid-fallback)")
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_a_chinese_name_is_drawn_with_an_embedded_fallback_font(closeness, tmp_path):
    data = render(closeness, "pdf", recipient=NAMES[2])
    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    fallback = [line for line in fonts if "OpenSans" not in line]
    assert len(fallback) == 1
    assert fallback[0].split()[1:2] == ["TrueType"] and " yes yes yes " in fallback[0]  # embedded, subset, unicode
    text = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Prepared for 张伟; do not distribute" in text


@pytest.mark.skipif(fallback_file("张") is None, reason="no TrueType CJK font on this machine (CI installs fonts-droid-fallback)")
def test_characters_a_fallback_font_draws_are_not_warned_about(tmp_path):
    from casebook.pipeline import load_case
    from casebook.render.text.glyphs import check_glyphs
    from casebook.theme import default_theme

    (tmp_path / "a.txt").write_text(
        "---\nmovieId: 8\nmovieTitle: 小城之春\ncategoryName: BUSINESS\n---\n\n**Title: Spring in a Small Town**\n",
        encoding="utf-8",
    )
    assert check_glyphs(load_case(tmp_path), default_theme()) == []
