"""Arabic, Persian and Hebrew drawn right (joined letters, right-to-left order) and a cast list that reads like credits.

The fixture case ``tests/fixtures/scripts`` was written for these tests: a press kit whose cast and crew give names
in Latin letters followed by the same name in Arabic, Persian or Hebrew, a synopsis with a Persian and a Hebrew
title in an English sentence, a business analysis with a line wholly in Arabic and a stakeholder named in Hebrew
only. The expected strings below are the fixture's own words, read from its files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from casebook.model.people import credits_of, merge_people
from casebook.render.text.fallback import fallback_file
from casebook.render.text.rtl import has_rtl, visual, wholly_rtl
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


def test_lam_alef_is_one_ligature_and_no_word_is_drawn_as_a_ligature():
    from casebook.render.text.rtl import shaped

    # "سلام": lam and alef become the lam-alef ligature (final form, after the medial seen)
    assert shaped("سلام") == "\ufeb3\ufefc\ufee1"
    # "الله" and "عبدالله" keep their letters, each joined to the next (alef alone; lam initial, lam medial, heh
    # final), never the word ligature U+FDF2, which the machine's font may lack
    assert shaped("الله") == "\ufe8d\ufedf\ufee0\ufeea"
    assert shaped("عبدالله").endswith("\ufe8d\ufedf\ufee0\ufeea") and "\ufdf2" not in shaped("عبدالله")
    # the marks stay, after the letters they sit on
    assert shaped("بِسْمِ") == "\ufe91\u0650\ufeb4\u0652\ufee2\u0650"


def test_hebrew_is_reversed_and_not_reshaped():
    assert visual("שער") == "רעש"


def test_a_right_to_left_run_inside_latin_text_is_reversed_in_place():
    # one line (a running head): the Hebrew run turned around, the Latin around it as it is
    assert visual("The title שער הפרדס was kept") == "The title סדרפה רעש was kept"
    assert visual("Only Latin, Ελληνικά and Кириллица") == "Only Latin, Ελληνικά and Кириллица"


def test_brackets_in_a_right_to_left_run_are_mirrored():
    # a Hebrew line with a word in parentheses: read from the right, "(" opens it, so drawn left to right it is ")"
    assert visual("שער (הפרדס)") == "(סדרפה) רעש"
    # a year in parentheses after a Hebrew title belongs to the title's run (rule N0 of UAX #9): it is drawn to its
    # left, as a browser draws it
    assert visual("Director שער הפרדס (2022)") == "Director (2022) סדרפה רעש"
    assert visual("Director (2022) Roe") == "Director (2022) Roe"


def test_direction_of_a_paragraph():
    assert wholly_rtl(ARABIC_LINE) and wholly_rtl(HEBREW_2) and wholly_rtl("«" + HEBREW + "» 2022")
    assert not wholly_rtl("The title is " + HEBREW) and not wholly_rtl("2022") and not wholly_rtl("")
    assert has_rtl(PERSIAN) and not has_rtl("Zain") and not has_rtl("Сергей")


def test_each_line_is_reordered_with_the_paragraphs_direction():
    from casebook.render.text.rtl import reorder_line

    # a line of a right-to-left paragraph that ends in a Latin word: the Latin word is on the left, as it comes last
    assert reorder_line(["הספר נקרא ", "Atlas"], rtl=True) == [(1, "Atlas"), (0, " ארקנ רפסה")]
    # the same pieces in a left-to-right paragraph: the Hebrew run turned around in place
    assert reorder_line(["הספר נקרא ", "Atlas"], rtl=False) == [(0, "ארקנ רפסה "), (1, "Atlas")]
    # a piece of no text (an anchor) keeps its place among the letters; direction marks are not drawn
    assert reorder_line(["Seen in ", None, "\u2068עיר\u2069"], rtl=False) == [(0, "Seen in "), (1, ""), (2, "ריע")]


def test_a_run_is_tagged_with_its_language_only_when_its_letters_tell():
    from casebook.render.text.rtl import script_runs

    assert script_runs("הספרייה נסגרה") == [("הספרייה נסגרה", True, "he-IL")]
    # Arabic: its yeh and teh marbuta; Persian: its keheh and Farsi yeh; both inside Latin text
    assert script_runs("Seen at المدينة القديمة today") == [
        ("Seen at ", False, None), ("المدينة القديمة", True, "ar-SA"), (" today", False, None)]
    assert script_runs("کتابخانه ملی, 1937") == [("کتابخانه ملی", True, "fa-IR"), (", 1937", False, None)]
    # letters both languages write, Urdu's own letters, and Arabic with Persian letters in one run: not told
    assert script_runs("باب") == [("باب", True, None)]
    assert script_runs("اردو ٹیم") == [("اردو ٹیم", True, None)]
    assert script_runs("كتاب پدر") == [("كتاب پدر", True, None)]
    # Hebrew next to Arabic: two runs, each its own language
    assert [lang for _, _, lang in script_runs("שלום سمير")] == ["he-IL", None, "ar-SA"]
    assert script_runs("Zain, 2022") == [("Zain, 2022", False, None)]


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
    ppr = _paragraph_of(line, ARABIC_LINE).split(">")[1]  # the paragraph's a:pPr
    assert 'rtl="1"' in ppr and 'algn="r"' in ppr
    table = next(s for s in slides if HEBREW_2 in s)
    ppr = _paragraph_of(table, HEBREW_2).split(">")[1]
    assert 'rtl="1"' in ppr and 'algn="r"' in ppr


def _runs(paragraph: str) -> list[tuple[str, str]]:
    """Each run of an ``a:p``: (its a:rPr start tag, its text)."""
    return re.findall(r"<a:r>(<a:rPr[^>]*>).*?<a:t>(.*?)</a:t></a:r>", paragraph)


def test_a_latin_paragraph_with_a_hebrew_title_stays_left_to_right(scripts_outputs):
    # the reading deck shows the synopsis on a slide, the teaching deck in the speaker notes: as the source writes it
    synopsis = next(s for s in _slides(scripts_outputs / "full-deck.pptx") if "שער הפרדס" in s)
    paragraph = _paragraph_of(synopsis, "שער הפרדס")
    assert "rtl=" not in paragraph.split(">")[1] and "algn=\"r\"" not in paragraph.split(">")[1]
    runs = _runs(paragraph)
    assert "".join(text for _, text in runs).endswith(". Its Persian title is دروازه باغ and its Hebrew title is שער הפרדס.")
    # each title a run of its own; the Hebrew one tagged Hebrew, the Persian one untagged: "دروازه باغ" has no letter
    # that only Persian or only Arabic writes, so its language is not told
    assert [(text, "lang=" in rpr) for rpr, text in runs[-4:]] == [
        ("دروازه باغ", False), (" and its Hebrew title is ", False), ("שער הפרדס", True), (".", False)]
    assert 'lang="he-IL"' in runs[-2][0]
    notes = "".join(_slides(scripts_outputs / "deck.pptx", "notesSlides/notesSlide"))
    assert "Its Persian title is دروازه باغ and its Hebrew title is שער הפרדס." in notes


@needs_fonts
def test_the_deck_names_a_complex_script_font_that_draws_them(scripts_outputs):
    from casebook.render.text.rtl import script_family

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


# --- paragraphs of several lines in the PDF ----------------------------------------------------------------

# Written for these tests (no lam-alef in the Arabic: see test_a_lam_alef_ligature_reads_back_as_drawn).
LONG_ARABIC = ("يعمل المزارعون في الحقول منذ الفجر، ثم يجتمعون في المساء حول مائدة طويلة ويتحدثون عن المطر والحصاد "
               "وعن سوق المدينة القريبة، وعن أبنائهم الذين سافروا بعيدا للدراسة والعمل في العاصمة منذ سنوات كثيرة.")
LONG_HEBREW = ("הגשם הגיע מוקדם השנה והחקלאים יצאו לשדות לפני הזריחה כדי לאסוף את הפירות לפני שיירקבו, ובערב ישבו "
               "כולם יחד ליד השולחן הארוך ודיברו על המחירים בשוק ועל הילדים שעזבו לעיר הגדולה לפני שנים רבות.")
LATIN_WITH_HEBREW = ("The buyers in Rotterdam asked twice about the second title of the film, which the distributor "
                     "printed as גן הלימונים on every poster and flyer of the autumn release, next to the Latin title, "
                     "the names of the three producers and the year of the premiere in Locarno.")
_POPPLER_MARKS = "\u202a\u202b\u202c\u202d\u202e"


@pytest.fixture(scope="module")
def paragraphs_pdf(tmp_path_factory) -> Path:
    """A page of the three paragraphs in the case study's body style, and the Hebrew one in a table cell."""
    from reportlab.platypus import SimpleDocTemplate, Table

    from casebook.render.pdf.flowables import Paragraph
    from casebook.render.pdf.markup import esc
    from casebook.render.pdf.style import make_look
    from casebook.theme import default_theme

    styles = make_look(default_theme()).styles
    story = [Paragraph(esc(text), styles.body) for text in (LONG_ARABIC, LONG_HEBREW, LATIN_WITH_HEBREW)]
    story.append(Table([[Paragraph("Note", styles.cell_bold), Paragraph(esc(LONG_HEBREW), styles.cell)]],
                       colWidths=[80, 220]))
    path = tmp_path_factory.mktemp("paragraphs") / "paragraphs.pdf"
    SimpleDocTemplate(str(path), leftMargin=72, rightMargin=72).build(story)
    return path


def _lines(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """The words of each line pdftotext finds, top to bottom, in the order drawn (left to right): (left, right,
    word), a word drawn right to left turned back to the order it is written in (pdftotext -bbox gives its
    letters as drawn)."""
    found: list[list[tuple[float, float, str]]] = []
    for page in _pdftotext(pdf, "-bbox").split("<page ")[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            word = m.group(5)[::-1] if has_rtl(m.group(5)) else m.group(5)
            words.append((float(m.group(2)), float(m.group(4)), float(m.group(1)), float(m.group(3)), word))
        lines: list[tuple[float, float, list[tuple[float, float, str]]]] = []
        for top, bottom, left, right, word in sorted(words):
            if lines and top < lines[-1][1] and lines[-1][0] < bottom:  # overlaps the line above: the same line
                lines[-1][2].append((left, right, word))  # (a raised note number is a little higher than its line)
            else:
                lines.append((top, bottom, [(left, right, word)]))
        found += [sorted(line) for _, _, line in lines]
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _text_lines(pdf: Path) -> list[list[str]]:
    """The words of each line of pdftotext's reading (which puts right-to-left runs in logical order)."""
    text = "".join(c for c in _pdftotext(pdf) if c not in _POPPLER_MARKS)
    return [_words(line) for line in text.splitlines() if _words(line)]


@needs_fonts
@needs_pdftotext
def test_a_right_to_left_paragraph_of_several_lines_reads_from_its_top_line_down(paragraphs_pdf):
    rows = _text_lines(paragraphs_pdf)
    for paragraph in (LONG_ARABIC, LONG_HEBREW):
        wanted = _words(paragraph)
        top = next(k for k, row in enumerate(rows) if row == wanted[:len(row)])
        read: list[str] = []
        for row in rows[top:]:
            read += row
            if len(read) >= len(wanted):
                break
        assert read == wanted  # every word, in the order written, from the top line down
        assert rows.index(row) - top >= 2  # three lines or more


@needs_fonts
@needs_pdftotext
def test_a_right_to_left_paragraph_is_flush_right_in_the_body_and_in_a_cell(paragraphs_pdf):
    lines = _lines(paragraphs_pdf)

    def of(paragraph: str) -> list[list[tuple[float, float, str]]]:
        words = set(_words(paragraph))
        kept = [[w for w in line if _words(w[2]) and set(_words(w[2])) <= words] for line in lines]
        return [line for line in kept if line]

    arabic, hebrew = of(LONG_ARABIC), of(LONG_HEBREW)
    right = max(line[-1][1] for line in arabic)
    assert len(arabic) >= 3 and all(abs(line[-1][1] - right) < 1 for line in arabic)
    assert arabic[-1][0][0] > 72 + 100  # the last line is short: its room is on the left
    body = [line for line in hebrew if abs(line[-1][1] - right) < 1]
    cell = [line for line in hebrew if line[-1][1] < right - 20]
    assert len(body) >= 3 and len(cell) >= 3 and len(body) + len(cell) == len(hebrew)
    cell_right = max(line[-1][1] for line in cell)
    assert all(abs(line[-1][1] - cell_right) < 1 for line in cell)
    assert len({round(line[0][0]) for line in cell}) > 1  # ragged on the left


@needs_fonts
@needs_pdftotext
def test_a_short_hebrew_run_inside_a_latin_paragraph_is_drawn_right_to_left_in_place(paragraphs_pdf):
    lines = _lines(paragraphs_pdf)
    latin = [line for line in lines if line[0][2] in LATIN_WITH_HEBREW.split()]
    assert len(latin) >= 3 and len({round(line[0][0]) for line in latin}) == 1  # flush left
    drawn = next([w for _, _, w in line] for line in latin if "גן" in [w for _, _, w in line])
    at = drawn.index("גן")
    assert drawn[at - 3:at + 2] == ["printed", "as", "הלימונים", "גן", "on"]  # the first Hebrew word on the right
    # every other word where it is written, line after line (pdftotext's own reading takes a line with a Hebrew run
    # for a right-to-left line, so the order drawn is what is checked)
    wanted = _words(LATIN_WITH_HEBREW)
    k = wanted.index("גן")
    wanted[k:k + 2] = ["הלימונים", "גן"]
    assert [word for line in latin for _, _, w in line for word in _words(w)] == wanted


@needs_fonts
@needs_pdftotext
def test_a_note_number_after_a_hebrew_title_stays_at_the_end_of_the_latin_sentence(scripts_outputs):
    # the synopsis ends "... its Hebrew title is שער הפרדס." and its note number: drawn left to right, the title's
    # words right to left, then the full stop and the number, where a reader of the English sentence looks for them
    # (were the number part of the Hebrew run, it would be drawn to the title's left)
    line = next(line for line in _lines(scripts_outputs / "case.pdf") if any(w == "הפרדס" for _, _, w in line))
    drawn = [w for _, _, w in line]
    assert drawn[-4:-1] == ["is", "הפרדס", ".שער"] and drawn[-1].isdigit()  # ".שער": "שער." as drawn, turned back
