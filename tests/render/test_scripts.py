"""Arabic, Persian and Hebrew drawn right (joined letters, right-to-left order) and a cast list that reads like credits.

The fixture case ``tests/fixtures/scripts`` was written for these tests: a press kit whose cast and crew give names
in Latin letters followed by the same name in Arabic, Persian or Hebrew, a synopsis with a Persian and a Hebrew
title in an English sentence, a business analysis with a line wholly in Arabic and a stakeholder named in Hebrew
only. The expected strings below are the fixture's own words, read from its files.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from casebook.model.people import credits_of, merge_people
from casebook.render.fallback import fallback_file
from casebook.render.rtl import has_rtl, visual, wholly_rtl
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "scripts"

# Names and lines of the fixture (presskit.txt, business.md), in logical order as written there.
ARABIC = "ليلى منصور"
PERSIAN = "داریوش کریمی"
PERSIAN_2 = "مریم تهرانی"
HEBREW = "נועה בן דוד"
HEBREW_2 = "יעל שפירא"
ARABIC_LINE = "البستان لنا جميعا"


def _fonts_for_rtl() -> bool:
    return all(fallback_file(c) is not None for c in "نپא")


needs_fonts = pytest.mark.skipif(not _fonts_for_rtl(), reason="no font of this machine draws Arabic and Hebrew "
                                 "(.ci/run installs fonts-dejavu-core)")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


# --- visual order and joined forms ---------------------------------------------------------------------------


def test_arabic_letters_are_joined_and_put_in_visual_order():
    # "نادين": noon joins the alef (initial), alef takes the final form and never joins on, so dal stands
    # alone, yeh starts a new join (initial) and the last noon ends it (final). Drawn left to right: reversed.
    assert visual("نادين") == "\ufee6\ufef3\ufea9\ufe8e\ufee7"


def test_persian_letters_are_joined_too():
    # "پگاه": peh initial, gaf medial, alef final, heh alone (after alef, which does not join on)
    assert visual("پگاه") == "\ufee9\ufe8e\ufb95\ufb58"


def test_hebrew_is_reversed_and_not_reshaped():
    assert visual("שער") == "רעש"


def test_a_right_to_left_run_inside_latin_text_is_reversed_in_place_and_kept_on_one_line():
    # the Hebrew run turned around; its space a no-break space so that a line break cannot split it
    assert visual("The title שער הפרדס was kept") == "The title סדרפה\u00a0רעש was kept"
    assert visual("Only Latin, Ελληνικά and Кириллица") == "Only Latin, Ελληνικά and Кириллица"


def test_brackets_in_a_right_to_left_run_are_mirrored():
    # a Hebrew line with a word in parentheses: read from the right, "(" opens it, so drawn left to right it is ")"
    assert visual("שער (הפרדס)") == "(סדרפה) רעש"
    # a year in parentheses after a Hebrew title belongs to the title's run (rule N0 of UAX #9): it is drawn to its
    # left, as a browser draws it
    assert visual("Director שער הפרדס (2022)") == "Director (2022) סדרפה\u00a0רעש"
    assert visual("Director (2022) Roe") == "Director (2022) Roe"


def test_direction_of_a_paragraph():
    assert wholly_rtl(ARABIC_LINE) and wholly_rtl(HEBREW_2) and wholly_rtl("«" + HEBREW + "» 2022")
    assert not wholly_rtl("The title is " + HEBREW) and not wholly_rtl("2022") and not wholly_rtl("")
    assert has_rtl(PERSIAN) and not has_rtl("Zain") and not has_rtl("Сергей")


# --- the cast and crew as credits ----------------------------------------------------------------------------


def test_one_role_per_kind_in_one_casing():
    # a producer credited as such in three casings and plural, and as composer under two phrasings
    assert credits_of(["Producer", "producer", "PRODUCERS", "Composer", "Original Music"]) == (["producer", "composer"], [])
    assert credits_of(["Music by", "Director of Photography", "Cinematographer"]) == (["composer", "cinematographer"], [])
    # a co-producer is not a producer, and a role of no kind is shown once, as written but in one casing
    assert credits_of(["Co-Producer", "Producer"]) == (["co-producer", "producer"], [])
    assert credits_of(["Key Investor", "key investor", "US Distribution"]) == (["key investor", "US distribution"], [])


def test_roles_that_join_several_kinds():
    assert credits_of(["Writer-Director", "written and directed by"]) == (["writer", "director"], [])
    assert credits_of(["réalisatrice / director"]) == (["director"], [])
    # a part of no kind: the role as written
    assert credits_of(["Financier and Distributor"]) == (["financier and distributor"], [])


def test_an_actors_part_is_shown_once_and_not_repeated_as_a_role():
    # the part named as a role elsewhere ("Zain"), and a word that only says she acts: the part says both
    assert credits_of(["cast: Zain", "Zain", "Lead Actress"]) == ([], ["Zain"])
    assert credits_of(["cast: Kaveh", "producer"]) == (["producer"], ["Kaveh"])
    # with no part known, the acting word stays
    assert credits_of(["actress", "Actress"]) == (["actress"], [])


def _mention(name: str, role: str | None = None) -> dict:
    return {"name": name, "role": role, "kind": "person", "source": {"source": "S1", "first_line": 1, "last_line": 1}}


def test_a_name_given_in_another_script_is_one_person_also_written_so():
    people = merge_people([_mention("Omid Rahimi (امید رحیمی)", "Editor"), _mention("امید رحیمی", "editing"),
                           _mention("Tamar Levin (תמר לוין)", "Producer"), _mention("TAMAR LEVIN", "producer")])
    assert [(p["name"], p["roles"], p["aliases"]) for p in people] == [
        ("Omid Rahimi", ["editor"], ["امید رحیمی"]),
        ("Tamar Levin", ["producer"], ["תמר לוין"]),  # a spelling in capitals is no other spelling
    ]


def test_two_names_in_arabic_script_are_two_people():
    people = merge_people([_mention("سمير حداد", "director"), _mention("ليلى منصور", "actress"),
                           _mention("Ana Roe (Producer)", "producer")])
    assert [p["name"] for p in people] == ["سمير حداد", "ليلى منصور", "Ana Roe (Producer)"]


def test_the_fixture_cast_and_crew():
    from casebook.pipeline import load_case

    case = load_case(FIXTURE)
    people = {p.name: (p.roles, p.parts, p.aliases) for p in case.people}
    assert people["Leila Mansour"] == ([], ["Zain"], [ARABIC])
    assert people["Dariush Karimi"] == ([], ["Kaveh"], [PERSIAN])
    assert people["Noa Ben-David"] == ([], ["Miriam"], [HEBREW])
    assert people["Maryam Tehrani"] == (["producer", "composer"], [], [PERSIAN_2])
    assert people["Omar Khalil"] == (["cinematographer"], [], [])
    # named in Hebrew alone by the business analysis, in both scripts by the press kit
    assert people["Yael Shapiro"] == (["co-producer", "producer"], [], [HEBREW_2])
    assert people["Samir Haddad"][2] == ["سمير حداد"]
    assert "Zain" not in people and "Kaveh" not in people


# --- the PDF ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scripts_outputs(tmp_path_factory):
    from casebook.pipeline import load_case
    from casebook.render.deck import render_deck
    from casebook.render.pdf import render_pdf
    from casebook.wording import Wording

    out = tmp_path_factory.mktemp("scripts")
    case = load_case(FIXTURE)
    from casebook.theme import default_theme

    (out / "case.pdf").write_bytes(render_pdf(case, Wording(case)))
    (out / "deck.pptx").write_bytes(render_deck(case, Wording(case)))  # the teaching deck
    full = default_theme().model_copy(update={"deck": default_theme().deck.model_copy(update={"style": "full"})})
    (out / "full-deck.pptx").write_bytes(render_deck(case, Wording(case), full))  # the reading deck
    return out


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@needs_fonts
@needs_pdftotext
def test_pdftotext_reads_arabic_persian_and_hebrew_back_in_logical_order(scripts_outputs):
    text = _pdftotext(scripts_outputs / "case.pdf")
    # poppler marks right-to-left runs with embedding controls; the letters between them are the source's own
    plain = "".join(c for c in text if c not in "\u202a\u202b\u202c\u202d\u202e")
    for name in (ARABIC, PERSIAN, PERSIAN_2, HEBREW, HEBREW_2):
        assert f"also written {name}" in plain
    words = plain.split()
    for title in ("دروازه باغ", "שער הפרדס", "البستان لنا"):
        assert title in " ".join(words)
    # the joined forms drawn are read back as the letters they stand for, never as presentation forms
    assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in plain)
    # the cast list reads like credits
    assert "producer, composer" in plain and "as Zain" in plain
    assert "Producer" not in plain.split("Cast and Crew")[-1].split("Timeline")[0]


@needs_fonts
@needs_pdftotext
def test_the_pdf_draws_names_from_right_to_left_in_a_font_that_has_them(scripts_outputs):
    # pdftotext -raw gives the words in the order they are drawn, left to right: a two-word name written right to
    # left is drawn last word first
    raw = "".join(c for c in _pdftotext(scripts_outputs / "case.pdf", "-raw") if c not in "\u202a\u202b\u202c\u202d\u202e")
    assert "also written کریمی داریوش" in raw and "also written שפירא יעל" in raw
    fonts = subprocess.run(["pdffonts", str(scripts_outputs / "case.pdf")], capture_output=True, text=True).stdout
    embedded = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    from fontTools.ttLib import TTFont

    with TTFont(str(fallback_file("پ")), lazy=True, fontNumber=0) as font:
        assert font["name"].getDebugName(6) in embedded  # the machine's font that has Persian letters, embedded


# --- the deck -----------------------------------------------------------------------------------------------


def _slides(pptx: Path, kind: str = "slides/slide") -> list[str]:
    with zipfile.ZipFile(pptx) as z:
        return [z.read(n).decode("utf-8") for n in sorted(z.namelist()) if n.startswith(f"ppt/{kind}")]


def _paragraph_of(xml: str, text: str) -> str:
    end = xml.index(text)
    return xml[xml.rindex("<a:p>", 0, end):xml.index("</a:p>", end)]


@pytest.mark.parametrize("deck", ["deck.pptx", "full-deck.pptx"])
def test_the_deck_keeps_logical_order_and_marks_right_to_left_paragraphs(scripts_outputs, deck):
    slides = _slides(scripts_outputs / deck)
    line = next(s for s in slides if ARABIC_LINE in s)
    assert 'rtl="1"' in _paragraph_of(line, ARABIC_LINE).split(">")[1]  # on the paragraph's a:pPr
    table = next(s for s in slides if HEBREW_2 in s)
    assert 'rtl="1"' in _paragraph_of(table, HEBREW_2).split(">")[1]


def test_a_latin_paragraph_with_a_hebrew_title_stays_left_to_right(scripts_outputs):
    # the reading deck shows the synopsis on a slide, the teaching deck in the speaker notes: as the source writes it
    synopsis = next(s for s in _slides(scripts_outputs / "full-deck.pptx") if "שער הפרדס" in s)
    paragraph = _paragraph_of(synopsis, "שער הפרדס")
    assert "rtl=" not in paragraph.split(">")[1]
    assert "Its Persian title is دروازه باغ and its Hebrew title is שער הפרדס." in paragraph
    notes = "".join(_slides(scripts_outputs / "deck.pptx", "notesSlides/notesSlide"))
    assert "Its Persian title is دروازه باغ and its Hebrew title is שער הפרדס." in notes


@needs_fonts
def test_the_deck_names_a_complex_script_font_that_draws_them(scripts_outputs):
    from casebook.render.rtl import script_family

    family = script_family(ARABIC_LINE)
    assert family
    line = next(s for s in _slides(scripts_outputs / "deck.pptx") if ARABIC_LINE in s)
    assert f'<a:cs typeface="{family}"/>' in _paragraph_of(line, ARABIC_LINE)


@pytest.mark.slow
@needs_fonts
@needs_pdftotext
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_draws_the_deck_right_to_left(scripts_outputs, tmp_path):
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(scripts_outputs / "deck.pptx")], capture_output=True, timeout=300)
    pdf = tmp_path / "deck.pdf"
    assert pdf.exists()
    text = "".join(c for c in _pdftotext(pdf) if c not in "\u202a\u202b\u202c\u202d\u202e")
    assert HEBREW_2 in text and ARABIC_LINE in text


# --- the HTML edition ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scripts_html(tmp_path_factory) -> Path:
    from casebook.pipeline import load_case
    from casebook.render.html import render_html
    from casebook.wording import Wording

    case = load_case(FIXTURE)
    path = tmp_path_factory.mktemp("scripts-html") / "case.html"
    path.write_bytes(render_html(case, Wording(case)))
    return path


def test_the_html_keeps_logical_order_and_marks_direction(scripts_html):
    html = scripts_html.read_text(encoding="utf-8")
    # a paragraph, a cell, an item: their direction is their first strong letter's (dir="auto")
    assert f'<p dir="auto">{ARABIC_LINE}' in html
    assert f'<td dir="auto">{HEBREW_2}</td>' in html
    # names written right to left are isolated from the wording and from each other, in logical order
    for name in (ARABIC, PERSIAN, PERSIAN_2, HEBREW, HEBREW_2):
        assert f"also written <bdi>{name}</bdi>" in html
    assert "Its Persian title is دروازه باغ and its Hebrew title is שער הפרדס." in html
    # a note number stays where it is: the text's last letters are Hebrew, the number must not join them
    assert '<sup dir="ltr"><a class="note-ref"' in html
    # the credits
    assert ">as Zain<" in html and ">producer, composer<" in html


@pytest.fixture(scope="module")
def chromium():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip("Chromium and its driver are not installed (.ci/run installs them)")
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = binary
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


# Where Chromium draws the first and the last letter of the first text node equal to arguments[0], and the
# direction of the element that holds it.
_PLACES = """
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode()) && node.data !== arguments[0]) {}
if (!node) return null;
const range = document.createRange();
const left = (k) => { range.setStart(node, k); range.setEnd(node, k + 1); return range.getBoundingClientRect().left; };
return [left(0), left(node.data.length - 1), getComputedStyle(node.parentElement).direction];
"""


@pytest.mark.slow
def test_chromium_draws_the_names_right_to_left(scripts_html, chromium):
    chromium.get(scripts_html.as_uri())
    for name in (ARABIC, PERSIAN, HEBREW_2, ARABIC_LINE):
        first, last, _ = chromium.execute_script(_PLACES, name)
        assert first > last, name  # the first letter written is the rightmost drawn
    first, last, direction = chromium.execute_script(_PLACES, "Omar Khalil")
    assert first < last and direction == "ltr"
    assert chromium.execute_script(_PLACES, ARABIC_LINE)[2] == "rtl"  # the Arabic line is a right-to-left paragraph
