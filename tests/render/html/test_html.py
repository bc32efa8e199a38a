"""The HTML edition (issue 17): one self-contained, accessible file each for the case study and the teaching note.

Checked on the seed and on every example case: it parses as HTML5 without errors, has one h1 and no gap in its
headings, the landmarks, tables with caption/th/scope, charts as images with a title and a description plus their
data as a table; it holds every heading (so every section and exhibit caption) and every note of the PDF of the
same case; it stays under 1 MB and asks nothing of another host; personal copies carry the watermark.
The axe-core check in a real browser is in ``test_html_axe.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from pypdf import PdfReader

from casebook.render.html.colors import contrast, contrast_problems, palette
from casebook.theme import default_theme, load_theme
from tests.conftest import FIXTURES, SEEDS, SHARED

NS = "{http://www.w3.org/1999/xhtml}"
EXAMPLES = sorted(p for p in (SHARED / "examples").glob("*") if p.is_dir())


def casebook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casebook", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """The seed and every example (their .txt files), built as HTML and PDF: {slug: folder of outputs}."""
    root = tmp_path_factory.mktemp("html")
    cases = root / "cases"
    cases.mkdir()
    shutil.copytree(SEEDS / "closeness", cases / "closeness")
    for example in EXAMPLES:
        (cases / example.name).mkdir()
        for path in example.glob("*.txt"):
            shutil.copy(path, cases / example.name / path.name)
    out = root / "out"
    for fmt in ("html", "pdf"):
        result = casebook("build", str(cases), "--format", fmt, "--out", str(out), "--quiet")
        assert result.returncode == 0, result.stderr
    return {folder.name: folder for folder in sorted(out.iterdir()) if folder.is_dir() and not folder.name.startswith(".")}


def html_files(built: dict[str, Path]) -> list[Path]:
    return sorted(p for folder in built.values() for p in folder.glob("*.html"))


def parse(path: Path):
    """The document, parsed by html5lib in strict mode: any parse error fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.slow
def test_every_case_has_both_files(built):
    assert "closeness" in built
    assert len(built) == len(EXAMPLES) + 1
    for slug, folder in built.items():
        assert (folder / f"{slug}-case-study.html").is_file()
        assert (folder / f"{slug}-teaching-note.html").is_file()


@pytest.mark.slow
def test_parses_and_is_built_to_be_read(built):
    for path in html_files(built):
        root = parse(path)
        assert root.get("lang") == "en-GB", path
        assert len(root.findall(f".//{NS}h1")) == 1, path
        for landmark in ("header", "nav", "main", "footer"):
            assert len(root.findall(f".//{NS}{landmark}")) == 1, (path, landmark)
        skip = root.find(f".//{NS}body/{NS}a")
        assert skip is not None and skip.get("href") == "#main" and root.find(f".//{NS}main").get("id") == "main"
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), path
        # every link inside the page leads somewhere in it
        targets = set(ids)
        for link in root.iter(f"{NS}a"):
            href = link.get("href")
            assert href.startswith("#") and href[1:] in targets, (path, href)
            assert text_of(link), (path, href)  # an accessible name


@pytest.mark.slow
def test_headings_have_no_gaps(built):
    for path in html_files(built):
        root = parse(path)
        levels = [int(e.tag[-1]) for e in root.iter() if isinstance(e.tag, str) and re.fullmatch(f"{re.escape(NS)}h[1-6]", e.tag)]
        assert levels[0] == 1, path
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (path, levels)


@pytest.mark.slow
def test_tables_have_captions_and_scoped_heads(built):
    for path in html_files(built):
        root = parse(path)
        tables = root.findall(f".//{NS}table")
        assert tables, path
        for table in tables:
            caption = table.find(f"{NS}caption")
            assert caption is not None and text_of(caption), path
            heads = table.findall(f".//{NS}th")
            assert heads, path
            for th in heads:
                assert th.get("scope") in ("col", "row"), (path, text_of(th))


@pytest.mark.slow
def test_charts_are_images_with_title_description_and_a_data_table(built):
    root = parse(built["closeness"] / "closeness-case-study.html")
    charts = root.findall(".//{http://www.w3.org/2000/svg}svg")
    assert len(charts) == 2  # budget against box office, and the timeline
    for svg in charts:
        assert svg.get("role") == "img"
        title = svg.find("{http://www.w3.org/2000/svg}title")
        desc = svg.find("{http://www.w3.org/2000/svg}desc")
        assert title is not None and desc is not None and text_of(title) and text_of(desc)
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    figures = root.findall(f".//{NS}figure[@class='exhibit']")
    assert len(figures) == 3
    money = figures[0]
    rows = [text_of(tr) for tr in money.findall(f".//{NS}tbody/{NS}tr")]
    # the ledger gives the box office as "approximately $130,000": the chart's bar and its row say so
    assert any("130,000" in row for row in rows), rows
    assert "130,000" in text_of(money.find(".//{http://www.w3.org/2000/svg}desc"))


def _pdf_headings(pdf: Path) -> list[str]:
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(" ".join(item.title.split()))

    walk(PdfReader(pdf).outline)
    return titles


def _pdf_notes(pdf: Path) -> dict[int, str]:
    """The notes under Sources of the PDF, as pdftotext lays out their rows: number -> file and lines."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    rows = re.findall(r"^\s*(\d+)\s{2,}(\S+\.(?:txt|md), lines? [\d–]+)", text, flags=re.MULTILINE)
    return {int(n): where for n, where in rows}


@pytest.mark.slow
def test_every_heading_and_note_of_the_pdf_is_in_the_html(built):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    for slug, folder in built.items():
        pdf = folder / f"{slug}-case-study.pdf"
        root = parse(folder / f"{slug}-case-study.html")
        headings = [text_of(e) for e in root.iter() if isinstance(e.tag, str) and re.fullmatch(f"{re.escape(NS)}h[1-6]", e.tag)]
        pdf_headings = _pdf_headings(pdf)
        assert len(pdf_headings) > 10, slug
        for title in pdf_headings:
            if title.endswith("…"):  # the outline shortens a long heading
                assert any(h.startswith(title[:-1].rstrip()) for h in headings), (slug, title)
            else:
                assert title in headings, (slug, title)
        captions = [h for h in pdf_headings if h.startswith("Exhibit ")]
        assert captions, slug
        html_notes = {int(tr.get("id")[len("note-"):]): text_of(tr.findall(f"{NS}td")[0])
                      for tr in root.iter(f"{NS}tr") if (tr.get("id") or "").startswith("note-")}
        pdf_notes = _pdf_notes(pdf)
        assert len(pdf_notes) > 20, slug
        assert html_notes == pdf_notes, slug  # the same numbers, each leading to the same file and lines
        # each note is cited in the text and leads back to its first citation
        for number in html_notes:
            assert root.find(f".//{NS}a[@id='ref-{number}-1']") is not None, (slug, number)


@pytest.mark.slow
def test_the_pdf_text_of_each_section_is_in_the_html(built):
    """What the reader reads: the words of the seed's PDF sections, as pdftotext gives them, are in the HTML."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    folder = built["closeness"]
    pdf_text = subprocess.run(["pdftotext", str(folder / "closeness-case-study.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    html_text = text_of(parse(folder / "closeness-case-study.html"))
    # read from the ledger (001): the entry titles, the director, the subtitle in parentheses
    for words in ("1. The Balance Sheet", "The Situation Immediately Before", "Kantemir Balagov", "4. The Return on Investment"):
        assert words in " ".join(pdf_text.split())
        assert words in html_text


@pytest.mark.slow
def test_small_self_contained_and_deterministic(built, tmp_path):
    for path in html_files(built):
        data = path.read_bytes()
        assert len(data) < 1_000_000, path
        page = data.decode("utf-8")
        assert "<script" not in page and "<link" not in page and "<img" not in page, path
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", page), path
        assert "url(http" not in page and "@import" not in page and "@font-face" not in page, path
    again = tmp_path / "again"
    result = casebook("build", str(SEEDS / "closeness"), "--format", "html", "--out", str(again), "--quiet")
    assert result.returncode == 0, result.stderr
    for name in ("closeness-case-study.html", "closeness-teaching-note.html"):
        assert (again / "closeness" / name).read_bytes() == (built["closeness"] / name).read_bytes()


@pytest.mark.slow
def test_teaching_note_sections(built):
    root = parse(built["closeness"] / "closeness-teaching-note.html")
    h2 = [text_of(e) for e in root.iter(f"{NS}h2")]
    # the teaching note's sections (templates/teaching.j2), after the contents
    assert h2[:5] == ["Contents", "Case synopsis", "Learning objectives", "Discussion questions", "Board plan"]
    assert "For instructors only" in text_of(root.find(f".//{NS}header"))
    board = root.find(f".//{NS}table[@class='board']")
    assert board is not None and board.findall(f".//{NS}th[@scope='col']")


def test_markup_in_documents_is_shown_as_text(tmp_path):
    out = tmp_path / "out"
    result = casebook("build", str(FIXTURES / "hostile"), "--format", "html", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    page = next(out.glob("*/*-case-study.html"))
    root = parse(page)
    assert root.find(f".//{NS}script") is None and root.find(f".//{NS}img") is None and root.find(f".//{NS}font") is None
    for link in root.iter(f"{NS}a"):
        assert link.get("href").startswith("#")
    words = text_of(root)
    # as the fixture writes them, literally
    assert "<script>alert(1)</script>" in words
    assert '<img src="/etc/passwd">' in words
    assert "AT&T < Profit &" in words


def test_personal_copies_carry_the_watermark(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email\nAna Ruiz,ana@example.org\n", encoding="utf-8")
    out = tmp_path / "out"
    result = casebook("build", str(SEEDS / "closeness"), "--format", "html", "--roster", str(roster), "--out", str(out),
                      "--quiet")
    assert result.returncode == 0, result.stderr
    copy = out / "closeness" / "students" / "ana-ruiz" / "closeness-case-study.html"
    own = out / "closeness" / "closeness-case-study.html"
    assert copy.is_file() and own.is_file()
    assert not (copy.parent / "closeness-teaching-note.html").exists()  # never the instructor's note
    root = parse(copy)
    stamp = "Prepared for Ana Ruiz; do not distribute"
    assert stamp in text_of(root.find(f".//{NS}header"))
    assert stamp in text_of(root.find(f".//{NS}footer"))
    assert stamp in root.find(f".//{NS}meta[@name='description']").get("content")
    assert "Prepared for" not in own.read_text(encoding="utf-8")


@pytest.mark.slow
def test_pack_attaches_the_html_edition(tmp_path):
    from email import message_from_bytes, policy

    out = tmp_path / "out"
    result = casebook("pack", str(SEEDS / "closeness"), "--from", "Teacher <t@example.org>", "--to", "s@example.org",
                      "--attach", "pdf,html", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    message = message_from_bytes((out / "closeness" / "mail" / "closeness.eml").read_bytes(), policy=policy.default)
    parts = [(p.get_content_type(), p.get_filename()) for p in message.iter_attachments()]
    assert parts == [("application/pdf", "closeness-case-study.pdf"), ("text/html", "closeness-case-study.html")]
    # spaces, capitals and a repeated name are read as meant; the order given is the order attached
    again = casebook("pack", str(SEEDS / "closeness"), "--from", "Teacher <t@example.org>", "--attach", " HTML, pdf,html",
                     "--out", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    message = message_from_bytes((out / "closeness" / "mail" / "closeness.eml").read_bytes(), policy=policy.default)
    assert [p.get_filename() for p in message.iter_attachments()] == ["closeness-case-study.html", "closeness-case-study.pdf"]
    # the teaching note is never attached, and a format casebook does not make is a usage error
    for bad in ("pdf,docx", "teaching-note", ","):
        wrong = casebook("pack", str(SEEDS / "closeness"), "--from", "t@example.org", "--attach", bad, "--out", str(out))
        assert wrong.returncode == 2 and "--attach" in wrong.stderr, (bad, wrong.stderr)


# --- colours -------------------------------------------------------------------------------------------


def test_contrast_ratios():
    # WCAG 2.1's own reference points: black on white is 21:1, #767676 on white the lightest grey at 4.5:1
    assert round(contrast("#000000", "#FFFFFF"), 2) == 21.0
    assert contrast("#767676", "#FFFFFF") >= 4.5 > contrast("#777777", "#FFFFFF")
    assert contrast("#FFFFFF", "#FFFFFF") == 1.0


def test_the_bundled_theme_passes_as_it_is():
    theme = default_theme()
    assert contrast_problems(theme) == []
    colors = palette(theme)
    assert (colors.text, colors.muted, colors.primary) == (theme.colors.text.upper(), theme.colors.muted.upper(),
                                                           theme.colors.primary.upper())


@pytest.mark.slow
def test_a_theme_that_fails_is_told_and_replaced(tmp_path):
    theme_file = tmp_path / "pale.toml"
    # a pale grey for captions and a yellow for headings: both too light on white; the body text is fine
    theme_file.write_text('[colors]\nmuted = "#B0B0B0"\nprimary = "#F2C230"\n', encoding="utf-8")
    theme = load_theme(theme_file)
    problems = contrast_problems(theme)
    assert [p.text_key for p in problems] == ["colors.muted", "colors.primary"]
    colors = palette(theme)
    for used in (colors.muted, colors.primary):
        for ground in (colors.background, colors.panel, colors.zebra):
            assert contrast(used, ground) >= 4.5
    assert contrast(colors.on_primary, colors.primary) >= 4.5
    out = tmp_path / "out"
    result = casebook("build", str(SEEDS / "closeness"), "--format", "html", "--theme", str(theme_file), "--out", str(out))
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.startswith(f"{theme_file}: warning: ")]
    assert len(warned) == 2 and "#B0B0B0" in warned[0] and "#F2C230" in warned[1], result.stderr
    page = (out / "closeness" / "closeness-case-study.html").read_text(encoding="utf-8")
    assert colors.primary in page and "#F2C230" not in page.upper()
    # the PDF is not the HTML edition: no such warning when only the PDF is built
    result = casebook("build", str(SEEDS / "closeness"), "--format", "pdf", "--theme", str(theme_file), "--out", str(out))
    assert "contrast" not in result.stderr


def test_copies_share_the_story_but_never_a_stale_one(tmp_path, closeness):
    """A student's copy is the case's page with the reader named; an edited template is used at once."""
    import os

    from casebook.pipeline import render
    from casebook.resources import templates_dir

    own = render(closeness, "html").decode("utf-8")
    copy = render(closeness, "html", recipient="Ana Ruiz").decode("utf-8")
    assert "Prepared for Ana Ruiz" in copy and "Prepared for" not in own
    assert len(copy.splitlines()) > len(own.splitlines())  # the stamp adds lines and changes none of the sections
    assert copy[copy.index("<main"):copy.index("</main>")] == own[own.index("<main"):own.index("</main>")]
    mine = tmp_path / "templates" / "html"
    mine.mkdir(parents=True)
    wording = (templates_dir() / "html" / "wording.j2").read_text(encoding="utf-8")
    (mine / "wording.j2").write_text(wording.replace('money_series = "Measure"', 'money_series = "Measure A"'), encoding="utf-8")
    first = render(closeness, "html", [mine.parent], recipient="Ana Ruiz").decode("utf-8")
    assert '<th scope="col">Measure A</th>' in first
    (mine / "wording.j2").write_text(wording.replace('money_series = "Measure"', 'money_series = "Series B"'), encoding="utf-8")
    later = (mine / "wording.j2").stat().st_mtime + 10
    os.utime(mine / "wording.j2", (later, later))
    second = render(closeness, "html", [mine.parent], recipient="Ben Roe").decode("utf-8")
    assert '<th scope="col">Series B</th>' in second and "Measure A" not in second
