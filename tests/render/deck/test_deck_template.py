"""The deck in a user's PowerPoint template: layouts chosen by placeholder type, the template's slide
size, fonts and colours kept, every text fitted, and a clear error for a template the deck cannot use.

The templates are made here with python-pptx: a 4:3 one from python-pptx's own template with every
layout renamed, and a 16:9 one whose layouts are renamed, reordered and stretched to the wider slide.
"""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from casebook.errors import CasebookError
from casebook.render.deck import render_deck
from casebook.theme import default_theme, load_theme
from casebook.wording import Wording
from tests.builder import sample_case
from tests.render.deck.test_render_deck import (
    PDFTOTEXT,
    SOFFICE,
    assert_text_fits,
    audit_errors,
    notes,
    titles,
    to_pdf,
    words_outside_shapes,
)

# --- templates made here --------------------------------------------------------------------------

NAMES_43 = ["Opening", "Heading and Body", "Divider", "Side by Side", "Versus", "Heading", "Empty", "Aside", "Photo",
            "Tall Text", "Tall Heading"]


def make_template_43(path: Path) -> Path:
    """python-pptx's own 4:3 template, every layout under another name, with a slide of its own."""
    prs = Presentation()
    for layout, name in zip(prs.slide_layouts, NAMES_43, strict=True):
        layout.name = name
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "A slide the template came with"
    prs.save(str(path))
    return path


def make_template_169(path: Path) -> Path:
    """A 16:9 template: layouts renamed and in another order (title-only first, the title slide last),
    every placeholder of the master and the layouts stretched to the wider slide."""
    prs = Presentation()
    old_width = prs.slide_width
    prs.slide_width = Emu(12192000)
    prs.slide_height = Emu(6858000)
    factor = prs.slide_width / old_width
    master = prs.slide_master
    for part in (master, *master.slide_layouts):
        for shape in part.placeholders:
            xfrm = shape._element.spPr.find(qn("a:xfrm"))
            if xfrm is None:
                continue
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            off.set("x", str(int(int(off.get("x")) * factor)))
            ext.set("cx", str(int(int(ext.get("cx")) * factor)))
    layouts = list(master.slide_layouts)
    for number, layout in enumerate(layouts):
        layout.name = f"Wide {len(layouts) - number}"
    ids = master._element.find(qn("p:sldLayoutIdLst"))
    entries = list(ids)
    order = [5, 1, 6, 2, 3, 4, 7, 8, 9, 10, 0]  # title only first, the title slide last
    for entry in entries:
        ids.remove(entry)
    for index in order:
        ids.append(entries[index])
    prs.save(str(path))
    return path


def make_template_without_titles(path: Path) -> Path:
    """A template none of whose layouts has a title placeholder."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                shape._element.getparent().remove(shape._element)
    prs.save(str(path))
    return path


def make_template_titles_only(path: Path) -> Path:
    """A template whose layouts keep their title placeholders and nothing else: no subtitle, no body,
    no footer or slide number."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                shape._element.getparent().remove(shape._element)
    prs.save(str(path))
    return path


def theme_with(template: Path):
    return load_theme(template)


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {
        "4:3": make_template_43(folder / "four-three.pptx"),
        "16:9": make_template_169(folder / "sixteen-nine.pptx"),
    }


#: the builder's title without its markup: a title holding "<b>…</b>:" does not fit the 4:3 title slide as LibreOffice
#: draws it here (see test_a_title_holding_markup_fits_the_4_3_title_slide, a known fault of the fitting)
PLAIN_TITLE = "Thin Margins & Wide Acclaim: Valuing Zorka"


@pytest.fixture(scope="module")
def case():
    return sample_case().model_copy(update={"title": PLAIN_TITLE})


@pytest.fixture(scope="module")
def built(templates, case) -> dict[str, bytes]:
    return {name: render_deck(case, Wording(case), theme_with(path)) for name, path in templates.items()}


# --- the templates are what the test says they are ------------------------------------------------


def test_the_templates_differ(templates):
    four, wide = (Presentation(str(templates[k])) for k in ("4:3", "16:9"))
    assert four.slide_width * 3 == four.slide_height * 4
    assert wide.slide_width * 9 == wide.slide_height * 16
    names = lambda prs: [layout.name for layout in prs.slide_layouts]  # noqa: E731
    assert not {"Title Slide", "Title Only", "Title and Content"} & (set(names(four)) | set(names(wide)))
    assert names(four) != names(wide)
    assert len(four.slides) == 1


# --- the deck in each template --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_slide_size_follows_the_template(name, templates, built):
    template = Presentation(str(templates[name]))
    deck = Presentation(BytesIO(built[name]))
    assert (deck.slide_width, deck.slide_height) == (template.slide_width, template.slide_height)


@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_layouts_are_chosen_by_placeholder_type(name, built):
    deck = Presentation(BytesIO(built[name]))
    cover = deck.slides[0].slide_layout
    kinds = {p.placeholder_format.type for p in cover.placeholders}
    assert PP_PLACEHOLDER.SUBTITLE in kinds and PP_PLACEHOLDER.CENTER_TITLE in kinds
    content = {slide.slide_layout.name for slide in list(deck.slides)[1:]}
    assert len(content) == 1
    layout = deck.slides[1].slide_layout
    others = [p for p in layout.placeholders if p.placeholder_format.type not in (
        PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)]
    assert others == []  # the title-only layout, whatever it is called and wherever it is
    assert layout.name in ("Heading", "Wide 6")


@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_template_slides_are_replaced(name, built, case):
    deck = Presentation(BytesIO(built[name]))
    got = titles(deck)
    assert "A slide the template came with" not in got
    assert got[0] == case.title
    for number, slide in enumerate(deck.slides, start=1):
        assert notes(slide).strip(), f"slide {number} has no notes"


@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_no_text_overflows_in_the_template(name, built):
    assert_text_fits(Presentation(BytesIO(built[name])))


@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_template_fonts_and_colours_are_kept(name, built):
    """Runs name no font and no RGB colour: the template's theme fonts and colours apply."""
    deck = Presentation(BytesIO(built[name]))
    for slide in deck.slides:
        for element in slide.shapes._spTree.iter(qn("a:rPr")):
            assert element.find(qn("a:latin")) is None
            fill = element.find(qn("a:solidFill"))
            if fill is not None:
                assert fill.find(qn("a:srgbClr")) is None
    # the table heads are filled with the template's accent colour
    fills = [cell.fill._xPr.find(qn("a:solidFill")) for slide in deck.slides for shape in slide.shapes if shape.has_table
             for cell in shape.table.rows[0].cells]
    assert fills and all(f.find(qn("a:schemeClr")).get("val") == "accent1" for f in fills)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_template_deck_is_deterministic_and_valid(name, templates, built, case, tmp_path):
    assert render_deck(case, Wording(case), theme_with(templates[name])) == built[name]
    path = tmp_path / "deck.pptx"
    path.write_bytes(built[name])
    assert audit_errors(path) == []


def test_template_named_in_a_theme_file(templates, case, tmp_path):
    shutil.copy(templates["16:9"], tmp_path / "mine.pptx")
    (tmp_path / "theme.toml").write_text('institution = "School"\n[deck]\ntemplate = "mine.pptx"\n', encoding="utf-8")
    theme = load_theme(tmp_path / "theme.toml")
    deck = Presentation(BytesIO(render_deck(case, Wording(case), theme)))
    assert deck.slide_width == Emu(12192000)
    assert "School" in "\n".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)


def test_a_template_without_title_layouts_fails_clearly(tmp_path, case):
    path = make_template_without_titles(tmp_path / "no-titles.pptx")
    with pytest.raises(CasebookError) as error:
        render_deck(case, Wording(case), theme_with(path))
    assert str(error.value) == f"{path}: the template has no slide layout with a title placeholder"


def test_a_template_with_titles_only(tmp_path, case):
    """No subtitle layout: the subtitle goes in a text box; no footer placeholders: the footer goes at the
    foot of the slide."""
    path = make_template_titles_only(tmp_path / "titles-only.pptx")
    deck = Presentation(BytesIO(render_deck(case, Wording(case), theme_with(path))))
    cover = deck.slides[0]
    assert cover.shapes.title.text_frame.text == case.title
    assert str(Wording(case).labels.cover_subtitle(case)) in "\n".join(
        s.text_frame.text for s in cover.shapes if s.has_text_frame)
    footers = [s for s in deck.slides[1].shapes if s.name in ("Footer", "Slide number")]
    assert len(footers) == 2 and all(s.top + s.height <= deck.slide_height for s in footers)
    assert_text_fits(deck)


def test_default_theme_is_not_a_template():
    assert default_theme().deck_template is None


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", ["4:3", "16:9"])
def test_libreoffice_opens_the_template_deck(name, built, tmp_path):
    from pypdf import PdfReader

    pdf = to_pdf(built[name], tmp_path)
    deck = Presentation(BytesIO(built[name]))
    assert len(PdfReader(pdf).pages) == len(deck.slides)
    if PDFTOTEXT is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    assert words_outside_shapes(pdf, deck) == []


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice or pdftotext is not installed")
@pytest.mark.xfail(strict=True, reason="known fault: the deck is fitted with the theme's font (Open Sans) while LibreOffice "
                                       "draws the template's Calibri in fontconfig's substitute (DejaVu Sans Bold here), whose "
                                       "'<', '>' and '/' are far wider; the title's last word falls outside the 4:3 title "
                                       "placeholder (a title as long without those characters fits)")
def test_a_title_holding_markup_fits_the_4_3_title_slide(templates, tmp_path):
    case = sample_case(long=False)
    assert case.title == "Thin Margins & Wide <b>Acclaim</b>: Valuing Zorka" != PLAIN_TITLE
    deck = render_deck(case, Wording(case), theme_with(templates["4:3"]))
    pdf = to_pdf(deck, tmp_path)
    assert words_outside_shapes(pdf, Presentation(BytesIO(deck))) == []
