"""Stamped personal copies (``casebook.render.stamp``): a student's copy made from one base render reads the same as
a copy rendered for that student from the start, page by page and slide by slide, and passes the same checks."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from casebook import pipeline
from casebook.render.stamp import BASE_RECIPIENT, DeckStamp, PdfStamp, StampError
from casebook.theme import default_theme

pytestmark = pytest.mark.slow  # every test renders a base PDF and deck, several open LibreOffice

#: a Latin name with accents, a Cyrillic, a Chinese and an Arabic one (the Chinese and the Arabic drawn in the machine's
#: fallback fonts; the Arabic, in the deck, a run of its own with its language and complex-script font)
NAMES = ["Zoë Ångström-Núñez", "Анна Иванова", "张伟", "سلمى يوسف"]
#: a name too long for the footer at its largest size: the deck sets it smaller, or shortens it, as a full build does
LONG = "Maximiliane Theodora Wilhelmina von Hohenzollern-Sigmaringen und Ostfriesland-Oldenburg " * 2

PDFTOTEXT = shutil.which("pdftotext")
QPDF = shutil.which("qpdf")


def stamp_line(name: str) -> str:
    return f"Prepared for {name}; do not distribute"


def read_back(name: str) -> list[str]:
    """What pdftotext reads of the stamp line: the line, or for a name written right to left its parts (pdftotext
    takes the ";" after such a name into the name's run and marks the run with embedding controls)."""
    if name.isascii() or not ("\u0590" <= name[0] <= "\u08ff"):
        return [stamp_line(name)]
    return ["Prepared for ", name, "do not distribute"]


@pytest.fixture(scope="module")
def stamper(closeness):
    bases = pipeline.render_base(closeness, ("pdf", "pptx"))
    return pipeline.stamper(closeness, bases)


@pytest.fixture(scope="module")
def copies(closeness, stamper):
    """For each name: (the copy rendered for them from the start, the stamped copy), in both formats."""
    return {name: {fmt: (pipeline.render(closeness, fmt, recipient=name), stamper.render(fmt, name)) for fmt in ("pdf", "pptx")}
            for name in [*NAMES, LONG]}


def pdf_text_pages(data: bytes, folder: Path) -> list[str]:
    path = folder / "copy.pdf"
    path.write_bytes(data)
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout.decode()
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def slide_texts(data: bytes) -> list[list[str]]:
    deck = Presentation(io.BytesIO(data))
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in deck.slides]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("name", NAMES)
def test_a_stamped_pdf_reads_as_the_full_personal_build_page_by_page(copies, name, tmp_path):
    full, stamped = copies[name]["pdf"]
    assert stamped != full  # made another way: the base's bytes and an update after them
    full_pages, stamped_pages = pdf_text_pages(full, tmp_path), pdf_text_pages(stamped, tmp_path)
    assert len(stamped_pages) == len(full_pages) > 10
    for number, (ours, theirs) in enumerate(zip(stamped_pages, full_pages, strict=True), start=1):
        assert ours == theirs, f"page {number}"
        assert all(piece in ours for piece in read_back(name)), f"page {number} has no stamp"  # the cover too
    assert PdfReader(io.BytesIO(stamped)).metadata.subject == PdfReader(io.BytesIO(full)).metadata.subject
    assert PdfReader(io.BytesIO(stamped)).metadata.subject.endswith(f"Prepared for {name}; do not distribute")


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_a_long_name_is_cut_on_the_stamped_pdf_as_on_the_full_build(copies, tmp_path):
    full, stamped = copies[LONG]["pdf"]
    full_pages, stamped_pages = pdf_text_pages(full, tmp_path), pdf_text_pages(stamped, tmp_path)
    assert stamped_pages == full_pages
    assert "Prepared for Maximiliane" in stamped_pages[3] and "do not distribute" not in stamped_pages[3]  # cut with "…"


def test_the_base_pdf_names_no_reader_and_has_no_running_foot(closeness, tmp_path):
    base = pipeline.render_base(closeness, ("pdf",))["pdf"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(base)).pages)
    assert "Prepared for" not in text and BASE_RECIPIENT not in text
    own = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pipeline.render(closeness, "pdf"))).pages)
    assert "Page 3 of 17" in text  # the pages' own numbers stay in the base
    assert "casebook · Business case study" in own  # the case's own running foot (the default theme's institution)
    assert "casebook · Business case study" not in text


def deck_parts(data: bytes) -> list[tuple[str, bytes]]:
    """Every part of a deck, by name, in the package's order, as its XML (or media) reads, not as it is deflated."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None  # every entry's CRC-32 holds
        return [(info.filename, package.read(info.filename)) for info in package.infolist()]


@pytest.mark.parametrize("name", [*NAMES, LONG])
def test_a_stamped_deck_has_every_part_of_the_full_personal_build(copies, name):
    full, stamped = copies[name]["pptx"]
    assert deck_parts(stamped) == deck_parts(full)
    slides = slide_texts(stamped)
    footers = [next((t for t in texts if t.startswith("Prepared for")), None) for texts in slides]
    assert all(footers), "a slide without the stamp"  # every slide, the cover included
    if name != LONG:
        assert set(footers) == {stamp_line(name)}
    props = Presentation(io.BytesIO(stamped)).core_properties
    assert props.comments == stamp_line(name)[:255]
    if name != LONG:
        assert props.subject.endswith(stamp_line(name))
    else:  # the core properties hold 255 characters at most
        assert len(props.subject) == 255 and "Prepared for Maximiliane" in props.subject


def test_stamped_copies_are_the_same_bytes_every_time(closeness, copies):
    again = pipeline.stamper(closeness, pipeline.render_base(closeness, ("pdf", "pptx")))
    for name in NAMES:
        assert again.render("pdf", name) == copies[name]["pdf"][1]
        assert again.render("pptx", name) == copies[name]["pptx"][1]


def test_the_deck_keeps_every_other_entry_as_the_base_compressed_it(stamper):
    import zipfile

    base = zipfile.ZipFile(io.BytesIO(stamper.bases["pptx"]))
    stamped = zipfile.ZipFile(io.BytesIO(stamper.render("pptx", NAMES[1])))
    assert [i.filename for i in stamped.infolist()] == [i.filename for i in base.infolist()]
    changed = {i.filename for i in stamped.infolist() if stamped.read(i.filename) != base.read(i.filename)}
    assert changed == {"docProps/core.xml", *(n for n in base.namelist() if n.startswith("ppt/slides/slide"))}
    same = [i for i in base.infolist() if i.filename not in changed]
    assert any(i.filename.startswith("ppt/notesSlides/") for i in same)
    for info in same:
        copied = stamped.getinfo(info.filename)
        assert copied.CRC == info.CRC and copied.compress_size == info.compress_size


@pytest.mark.skipif(QPDF is None, reason="qpdf not installed")
@pytest.mark.parametrize("name", NAMES)
def test_qpdf_finds_no_errors_in_a_stamped_pdf(copies, name, tmp_path):
    path = tmp_path / "copy.pdf"
    path.write_bytes(copies[name]["pdf"][1])
    result = subprocess.run([QPDF, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_openxml_audit_finds_no_errors_in_a_stamped_deck(copies, tmp_path):
    from tests.render.deck.test_render_deck import audit_errors

    path = tmp_path / "copy.pptx"
    path.write_bytes(copies["张伟"]["pptx"][1])
    assert audit_errors(path) == []


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_libreoffice_opens_a_stamped_deck_with_every_slide(copies, tmp_path):
    from tests.render.deck.test_render_deck import to_pdf

    stamped = copies["Анна Иванова"]["pptx"][1]
    pdf = to_pdf(stamped, tmp_path)
    assert len(PdfReader(pdf).pages) == len(Presentation(io.BytesIO(stamped)).slides)


def test_a_deck_that_is_not_a_base_cannot_be_stamped(closeness, stamper):
    """Precision first: a deck that does not name the base's reader where a stamp rewrites it is refused, never
    stamped half (the caller renders that copy in full)."""
    texts = stamper._deck_builder().personal_texts(BASE_RECIPIENT)
    with pytest.raises(StampError):
        DeckStamp(pipeline.render(closeness, "pptx"), texts)  # the case's own deck: no reader at all
    with pytest.raises(StampError):
        DeckStamp(pipeline.render(closeness, "pptx", recipient="Ana Roe"), texts)  # another reader's copy


def test_a_stamped_pdf_cannot_be_stamped_again(stamper):
    once = stamper.render("pdf", NAMES[0])
    with pytest.raises(StampError):
        PdfStamp(once)


def test_a_stamped_pdf_keeps_the_base_unchanged_before_its_update(stamper):
    stamped = stamper.render("pdf", NAMES[2])
    base = stamper.bases["pdf"]
    assert stamped.startswith(base) and stamped.count(b"%%EOF") == base.count(b"%%EOF") + 1
    assert len(stamped) - len(base) < 40_000  # the stamp's objects and fonts, not the pages again


def test_the_theme_of_a_build_is_the_theme_of_its_stamps(closeness, tmp_path):
    """Another look (colours, page size, institution): the stamp sits where that look's foot is, the deck's parts are
    still those of the full build."""
    theme_file = tmp_path / "theme.toml"
    theme_file.write_text('institution = "Northfield School of Management"\n\n[colors]\nprimary = "#1F3D7A"\nmuted = "#336699"\n'
                          '\n[pdf]\npage_size = "Letter"\n', encoding="utf-8")
    from casebook.theme import load_theme

    theme = load_theme(theme_file)
    assert theme != default_theme()
    stamps = pipeline.stamper(closeness, pipeline.render_base(closeness, ("pdf", "pptx"), theme=theme), theme=theme)
    full = pipeline.render(closeness, "pptx", theme=theme, recipient=NAMES[1])
    assert deck_parts(stamps.render("pptx", NAMES[1])) == deck_parts(full)
    if PDFTOTEXT is not None:
        ours = pdf_text_pages(stamps.render("pdf", NAMES[1]), tmp_path)
        assert ours == pdf_text_pages(pipeline.render(closeness, "pdf", theme=theme, recipient=NAMES[1]), tmp_path)


@pytest.mark.parametrize("make", ["make_template_43", "make_template_169"])
def test_a_deck_in_a_users_template_is_stamped_as_a_full_build(closeness, tmp_path, make):
    """A template's slides (a 4:3 one with a slide of its own, a 16:9 one with its layouts in another order): the
    stamped deck is the full personal build, or, where the base cannot be stamped, it is refused."""
    import tests.render.deck.test_deck_template as templates
    from casebook.theme import load_theme

    theme = load_theme(getattr(templates, make)(tmp_path / "template.pptx"))
    stamps = pipeline.stamper(closeness, pipeline.render_base(closeness, ("pptx",), theme=theme), theme=theme)
    for name in (NAMES[1], LONG):
        full = pipeline.render(closeness, "pptx", theme=theme, recipient=name)
        assert deck_parts(stamps.render("pptx", name)) == deck_parts(full)


# --- the HTML edition: the base's reader line replaced ----------------------------------------------

#: names that HTML must escape (an ampersand, angle brackets, both quotes) and a right-to-left one
HTML_NAMES = [*NAMES, "Ada & Bo <Lee>", "O'Brien \"Jo\"", "نادين لبكي"]


@pytest.mark.parametrize("name", HTML_NAMES)
def test_a_stamped_html_edition_is_the_full_personal_build_byte_for_byte(closeness, stamper, name):
    full = pipeline.render(closeness, "html", recipient=name)
    stamped = stamper.render("html", name)
    assert stamped == full
    page = stamped.decode("utf-8")
    assert BASE_RECIPIENT not in page
    from markupsafe import escape

    assert page.count(str(escape(stamp_line(name)))) >= 3  # on the page, in print, in the page's description


def test_a_template_that_shows_the_reader_another_way_gets_full_copies(closeness, closeness_dir, tmp_path):
    """Precision first: a user's layout that capitalises the reader's line cannot be stamped by replacing the line
    as given; the copy is refused (and so rendered in full by the build)."""
    from casebook.resources import templates_dir

    ours = tmp_path / "templates" / "html"
    ours.mkdir(parents=True)
    layout = (templates_dir() / "html" / "_layout.html.j2").read_text(encoding="utf-8")
    assert '<p class="stamp">{{ stamp }}</p>' in layout
    (ours / "_layout.html.j2").write_text(layout.replace('<p class="stamp">{{ stamp }}</p>',
                                                         '<p class="stamp">{{ stamp | upper }}</p>'), encoding="utf-8")
    stamps = pipeline.stamper(closeness, {}, template_dirs=[tmp_path / "templates"])
    with pytest.raises(StampError):
        stamps.render("html", "Ana Roe")
    html_copy = _build_html_roster(closeness_dir, tmp_path, ["--templates", tmp_path / "templates"])
    assert "PREPARED FOR ANA ROE; DO NOT DISTRIBUTE" in html_copy
    assert BASE_RECIPIENT.upper() not in html_copy


def _build_html_roster(case: Path, tmp_path: Path, extra: list[object]) -> str:
    out = tmp_path / "out"
    roster = _roster(tmp_path / "roster.csv", ["Ana Roe"])
    result = _build(case, "--roster", roster, "--out", out, "--quiet", "--format", "html", *extra)
    assert result.exit_code == 0, result.output
    return (out / "closeness" / "students" / "ana-roe" / "closeness-case-study.html").read_text(encoding="utf-8")


# --- the build: one base, a stamp per student, cached apart ------------------------------------------


def _build(*args: object):
    from click.testing import CliRunner

    from casebook.cli import cli

    return CliRunner().invoke(cli, ["build", *[str(a) for a in args]])


def _roster(path: Path, names: list[str]) -> Path:
    path.write_text("name,email\n" + "".join(f"{name},s{i}@example.org\n" for i, name in enumerate(names)), encoding="utf-8")
    return path


def test_a_roster_build_keeps_one_base_and_one_small_entry_per_student(tmp_path, closeness_dir):
    out = tmp_path / "out"
    roster = _roster(tmp_path / "roster.csv", ["Ana Roe", "Борис Петров", "张伟"])
    assert _build(closeness_dir, "--roster", roster, "--out", out, "--quiet").exit_code == 0
    cache = out / ".casebook-cache"
    bases = [p for p in cache.iterdir() if p.is_dir()]
    assert len(bases) == 1 and sorted(p.name for p in bases[0].iterdir()) == ["closeness-case-study.pdf", "closeness-deck.pptx"]
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 1 + 1 + 3  # the case's own build, the base, each student
    assert all(p.stat().st_size < 2_000 for p in entries)  # an entry names files; it holds none
    copies = sorted((out / "closeness" / "students").glob("*/closeness-case-study.pdf"))
    assert [p.parent.name for p in copies] == ["ana-roe", "boris-petrov", "zhang-wei"]
    base_pdf = bases[0] / "closeness-case-study.pdf"
    for copy in copies:  # each copy is the base and a stamp after it
        assert copy.read_bytes().startswith(base_pdf.read_bytes())
    base_times = {p.name: p.stat().st_mtime_ns for p in bases[0].iterdir()}
    before = {p: p.stat().st_mtime_ns for p in (out / "closeness").rglob("*") if p.is_file()}

    _roster(roster, ["Ana Roe", "Boris Petrov", "张伟"])  # one student renamed: the same folder, a new name
    again = _build(closeness_dir, "--roster", roster, "--out", out)
    assert again.exit_code == 0, again.output
    assert {p.name: p.stat().st_mtime_ns for p in bases[0].iterdir()} == base_times  # the base is not rendered again
    changed = {p.relative_to(out).as_posix() for p in before if p.stat().st_mtime_ns != before[p]}
    renamed = "closeness/students/boris-petrov"
    assert changed == {f"{renamed}/closeness-case-study.pdf", f"{renamed}/closeness-deck.pptx",
                       f"{renamed}/closeness-case-study.html"}
    cover = PdfReader(out / renamed / "closeness-case-study.pdf").pages[0].extract_text()
    assert "Prepared for Boris Petrov; do not distribute" in cover
    assert "Prepared for Boris Petrov; do not distribute" in (out / renamed / "closeness-case-study.html").read_text()


def test_a_changed_document_renders_the_base_again_and_restamps_every_copy(tmp_path, closeness_dir):
    case = tmp_path / "case"
    shutil.copytree(closeness_dir, case)
    out = tmp_path / "out"
    roster = _roster(tmp_path / "roster.csv", ["Ana Roe", "Борис Петров"])
    assert _build(case, "--roster", roster, "--out", out, "--quiet", "--format", "pdf").exit_code == 0
    base = next((out / ".casebook-cache").glob("*.base")) / "closeness-case-study.pdf"
    base_time = base.stat().st_mtime_ns
    copies = sorted((out / "closeness" / "students").glob("*/closeness-case-study.pdf"))
    assert len(copies) == 2
    old = {p: p.stat().st_mtime_ns for p in copies}
    press_release = sorted(case.iterdir())[2]  # a plain-text press release (no frontmatter)
    assert not press_release.read_text(encoding="utf-8").startswith("---")
    press_release.write_text(press_release.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the bytes change
    assert _build(case, "--roster", roster, "--out", out, "--quiet", "--format", "pdf").exit_code == 0
    assert base.stat().st_mtime_ns != base_time  # rendered again
    for copy in copies:
        assert copy.stat().st_mtime_ns != old[copy]
        assert copy.read_bytes().startswith(base.read_bytes())  # stamped from the base rendered again


def test_a_copy_whose_base_cannot_be_stamped_is_rendered_in_full(tmp_path, closeness, closeness_dir, monkeypatch):
    """Precision first: where stamping refuses, the student still gets a copy that names them, rendered in full."""
    from casebook.render import stamp as stamping

    def refuse(self, texts):
        raise StampError("refused for this test")

    monkeypatch.setattr(stamping.DeckStamp, "stamp", refuse)
    out = tmp_path / "out"
    roster = _roster(tmp_path / "roster.csv", ["Ana Roe"])
    result = _build(closeness_dir, "--roster", roster, "--out", out, "--quiet", "--jobs", "1")
    assert result.exit_code == 0, result.output
    deck = out / "closeness" / "students" / "ana-roe" / "closeness-deck.pptx"
    assert deck.read_bytes() == pipeline.render(closeness, "pptx", recipient="Ana Roe")  # rendered, not stamped


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_a_stamped_footer_gives_an_arabic_name_its_language_and_font(copies):
    """The reader's name in Arabic is a run of its own, tagged Arabic (its yeh and alef maksura are Arabic's, not
    Persian's), in the machine's font for Arabic, on the stamped deck as on the full build."""
    from casebook.render.text.rtl import script_family

    name = NAMES[3]
    family = script_family(name)
    assert family
    for deck in copies[name]["pptx"]:
        slide = dict(deck_parts(deck))["ppt/slides/slide2.xml"].decode("utf-8")
        run = slide[slide.rindex("<a:r>", 0, slide.index(f"<a:t>{name}</a:t>")):]
        run = run[:run.index("</a:r>")]
        assert 'lang="ar-SA"' in run and f'<a:cs typeface="{family}"/>' in run
        assert "<a:t>Prepared for </a:t>" in slide and "<a:t>; do not distribute</a:t>" in slide
