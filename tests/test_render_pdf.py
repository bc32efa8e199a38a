"""The PDF case study: read it back with pypdf and check what a reader would see.

The cases here are built by hand, so the renderer is tested on its own; the seed cases are rendered
too once ``casebook.pipeline.load_case`` exists.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from casebook.model.case import (
    Amount,
    Analysis,
    AnalysisPart,
    AnalysisSection,
    Case,
    CaseWarning,
    Fact,
    FactGroup,
    Film,
    Ledger,
    LedgerEntry,
    Named,
    Paragraph,
    Point,
    Premiere,
    RichText,
    Run,
    Runtime,
    Source,
    SourceRef,
    Stakeholder,
)
from casebook.render.pdf import render_pdf
from casebook.render.wording import Wording

# --- a case built by hand ---------------------------------------------------------------------------


def ref(source: str = "S1", first: int = 1, last: int | None = None) -> SourceRef:
    return SourceRef(source=source, first_line=first, last_line=last or first)


def text(*runs: str | tuple[str, str]) -> RichText:
    """Rich text from runs: a plain string, or (style, text) with style 'b', 'i' or 'bi'."""
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(Run(text=run))
        else:
            style, words = run
            out.append(Run(text=words, bold="b" in style, italic="i" in style))
    return RichText(runs=out)


def para(*runs: str | tuple[str, str], line: int = 1) -> Paragraph:
    return Paragraph(text=text(*runs), source=ref(first=line))


BODY_HEADING = "Body: The Post-Mortem – R&D <i>Зорька</i>"
LONG_IMPACT = (
    "Le réalisateur a prouvé sa valeur – et l’a fait vite… Режиссёр доказал, что умеет работать с ограниченным бюджетом. "
) * 6


def full_case() -> Case:
    """A small case with every section, and text that tries to break markup and fonts."""
    return Case(
        id="4711",
        slug="zorka",
        title="Thin Margins & Wide <b>Acclaim</b>: Valuing Zorka",
        film=Film(
            title="Zorka",
            alternative_titles=["Зорька"],
            year=2021,
            director=Named(value="Élodie Márquez", source=ref("S2", 5)),
            runtime=Runtime(minutes=104, text="104 min", source=ref("S4", 9)),
            premiere=Premiere(
                date=dt.date(2021, 5, 20),
                festival="Festival de Cannes",
                section="Un Certain Regard",
                kind="world premiere",
                source=ref("S3", 2),
            ),
            synopsis=[
                para("1998, Нальчик. Ilana works in her father’s garage… ", ("i", "until the night"), line=2),
                para("Nobody calls the police – they never do.", line=3),
            ],
        ),
        executive_summary=[
            FactGroup(
                title="Investment Profile",
                source=ref(first=8),
                facts=[
                    Fact(
                        label="Estimated Budget",
                        value=text("<$1,000,000 USD (Production + minimal P&A)."),
                        amounts=[Amount(kind="money", text="<$1,000,000", upper=1_000_000, currency="USD")],
                        source=ref(first=9),
                    ),
                    Fact(
                        label="Key Stakeholders",
                        value=text("Студия «Пример интонации», AT&T Pictures"),
                        source=ref(first=10),
                    ),
                ],
            ),
            FactGroup(
                title="Strategic Verdict",
                source=ref(first=12),
                facts=[
                    Fact(
                        label="Assessment",
                        value=text("A theatrical flop but a ", ("i", "strategic"), " triumph."),
                        source=ref(first=13),
                    )
                ],
            ),
        ],
        analysis=Analysis(
            parts=[
                AnalysisPart(
                    kind="introduction",
                    heading="Introduction: The Fulcrum",
                    title="The Fulcrum",
                    paragraphs=[para("Consider the ", ("b", "“Festival-First” Valuation Model"), ".", line=20)],
                    source=ref(first=19),
                ),
                AnalysisPart(
                    kind="body",
                    heading=BODY_HEADING,
                    title="The Post-Mortem",
                    source=ref(first=24),
                    sections=[
                        AnalysisSection(
                            title="The Cannes Currency Exchange",
                            paragraphs=[para("Markets do not value art.", line=26)],
                            points=[
                                Point(
                                    label="The FIPRESCI Premium",
                                    text=text("A “Quality Stamp” for a risky asset."),
                                    source=ref(first=28),
                                ),
                                Point(label=None, text=text("Cost avoidance < 5% of budget."), source=ref(first=29)),
                            ],
                            source=ref(first=25),
                        ),
                        AnalysisSection(title="An Empty Section", source=ref(first=30)),
                    ],
                ),
                AnalysisPart(kind="other", heading="Nothing Here", title="Nothing Here", source=ref(first=31)),
                AnalysisPart(
                    kind="conclusion",
                    heading="Conclusion: The Industrial Lesson",
                    title="The Industrial Lesson",
                    paragraphs=[para("Valuation is subjective.", line=33)],
                    source=ref(first=32),
                ),
            ]
        ),
        ledger=Ledger(
            title="The Director’s Ledger: A High-Stakes Investment",
            director="Élodie Márquez",
            film="Zorka",
            year=2021,
            source=ref("S2", 1),
            entries=[
                LedgerEntry(
                    number=1,
                    title="The Balance Sheet",
                    subtitle="The Situation Immediately Before",
                    paragraphs=[para("In 2016 she possessed zero commercial equity.", line=8)],
                    source=ref("S2", 7),
                ),
                LedgerEntry(
                    number=2,
                    title="The Investment",
                    paragraphs=[para("The gamble was less financial than socio-political.", line=11)],
                    source=ref("S2", 10),
                ),
            ],
        ),
        stakeholders=[
            Stakeholder(
                role="The Director",
                name="Élodie Márquez",
                people=["Élodie Márquez"],
                outcome=text(("b", "Maximum Asset Appreciation.")),
                impact=text(LONG_IMPACT),
                source=ref(first=40),
            ),
            Stakeholder(
                role="Principal Cast",
                name="Дарья Жовнер",
                people=["Дарья Жовнер"],
                outcome=text(("b", "Critical Breakout / Low Financial Yield.")),
                impact=text("Rave reviews; no blockbuster roles."),
                source=ref(first=44),
            ),
        ],
        sources=[
            Source(id="S1", file="000_business.txt", kind="business", title="Thin Margins", sha256="ab" * 32, lines=7),
            Source(id="S2", file="001_ledger.txt", kind="ledger", title="Ledger", sha256="cd" * 32, lines=2),
            Source(id="S3", file="002_press.txt", kind="press_release", title="At Cannes", sha256="ef" * 32, lines=5),
            Source(id="S4", file="003_kit.txt", kind="press_kit", title="SYNOPSIS", sha256="01" * 32, lines=198),
        ],
        warnings=[CaseWarning(message="The press kit gives no budget.", file="003_kit.txt")],
    )


def minimal_case() -> Case:
    """A case with a title, a film title and one source: every optional section is missing."""
    return Case(
        id="1",
        slug="bare",
        title="A Bare Case",
        film=Film(title="Bare"),
        sources=[Source(id="S1", file="a.txt", kind="unknown", title="A", sha256="00" * 32, lines=1)],
    )


# --- helpers ----------------------------------------------------------------------------------------


def render(case: Case) -> bytes:
    return render_pdf(case, Wording(case))


def read(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in read(pdf).pages]


def squash(s: str) -> str:
    """Text with all whitespace removed: line breaks in the PDF fall anywhere."""
    return re.sub(r"\s+", "", s)


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def full_pdf() -> bytes:
    return render(full_case())


@pytest.fixture(scope="module")
def full_text(full_pdf: bytes) -> str:
    return squash("\n".join(page_texts(full_pdf)))


# --- content ----------------------------------------------------------------------------------------


def test_every_section_heading_is_present(full_pdf: bytes, full_text: str) -> None:
    labels = Wording(full_case()).labels
    for heading in (
        labels.contents,
        labels.executive_summary,
        labels.the_film,
        labels.synopsis,
        labels.strategic_analysis,
        labels.directors_ledger,
        labels.stakeholder_balance_sheet,
        labels.sources,
        labels.warnings,
    ):
        assert squash(heading) in full_text, heading


def test_sections_come_in_reading_order(full_text: str) -> None:
    labels = Wording(full_case()).labels
    order = [
        labels.executive_summary,
        labels.the_film,
        labels.strategic_analysis,
        labels.directors_ledger,
        labels.stakeholder_balance_sheet,
        labels.sources,
        labels.warnings,
    ]
    body = full_text.split(squash(labels.warnings), 1)[0]  # past the cover and the contents
    positions = [full_text.rindex(squash(h)) for h in order]
    assert positions == sorted(positions), order
    assert body


def test_key_values_are_shown(full_text: str) -> None:
    for value in (
        "Estimated Budget",
        "Investment Profile",
        "Introduction: The Fulcrum",
        "The Cannes Currency Exchange",
        "The FIPRESCI Premium:",
        "Maximum Asset Appreciation.",
        "Critical Breakout / Low Financial Yield.",
        "1. The Balance Sheet",
        "2. The Investment",
        "The Situation Immediately Before",
        "Director: Élodie Márquez",
        "Film: Zorka, 2021",
        "Festival de Cannes",
        "104 min",
        "000_business.txt",
        "abababababab",
        "The press kit gives no budget.",
        "A business case study of Zorka (2021), directed by Élodie Márquez",
    ):
        assert squash(value) in full_text, value


def test_special_characters_survive(full_text: str) -> None:
    for value in ("Élodie Márquez", "father’s garage…", "police – they", "Дарья Жовнер", "Зорька", "Нальчик"):
        assert squash(value) in full_text, value


def test_markup_in_the_text_is_shown_literally(full_text: str) -> None:
    assert squash("Thin Margins & Wide <b>Acclaim</b>: Valuing Zorka") in full_text
    assert "AT&TPictures" in full_text
    assert "AT&T;" not in full_text
    assert squash("<$1,000,000 USD (Production + minimal P&A).") in full_text
    assert squash("Cost avoidance < 5% of budget.") in full_text


def test_rich_text_runs_use_the_bold_and_italic_faces(full_pdf: bytes) -> None:
    fonts = set()
    for page in read(full_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    assert {"OpenSans-Regular", "OpenSans-Bold", "OpenSans-Italic"} <= fonts, fonts


def test_a_section_without_data_is_left_out() -> None:
    case = minimal_case()
    labels = Wording(case).labels
    pdf = render(case)
    text = squash("\n".join(page_texts(pdf)))
    for heading in (
        labels.executive_summary,
        labels.the_film,
        labels.strategic_analysis,
        labels.directors_ledger,
        labels.stakeholder_balance_sheet,
        labels.warnings,
    ):
        assert squash(heading) not in text, heading
    assert squash(labels.sources) in text
    assert set(outline_titles(read(pdf))) == {labels.contents, labels.sources}


def test_a_case_with_no_sections_has_no_contents_page() -> None:
    case = minimal_case().model_copy(update={"sources": []})
    pdf = render(case)
    texts = page_texts(pdf)
    assert len(texts) == 1
    assert squash(Wording(case).labels.contents) not in squash(texts[0])
    assert squash(case.title) in squash(texts[0])


def test_empty_parts_leave_no_heading(full_text: str) -> None:
    assert "AnEmptySection" not in full_text
    assert "NothingHere" not in full_text


def test_page_of_in_the_footer_except_on_the_cover(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    texts = page_texts(full_pdf)
    total = len(texts)
    assert total >= 4
    assert squash(labels.page_of(1, total)) not in squash(texts[0])
    for number, page in enumerate(texts[1:], start=2):
        assert squash(labels.page_of(number, total)) in squash(page), number


def long_case(entries: int = 40) -> Case:
    """A case whose ledger runs over many pages, with headings landing all over them."""
    sentence = "The gamble paid off in ways nobody had priced in, and the ledger shows it. "
    base = full_case()
    assert base.ledger is not None
    ledger = base.ledger.model_copy(
        update={
            "entries": [
                LedgerEntry(
                    number=n,
                    title=f"Entry number {n}",
                    subtitle="A subtitle" if n % 3 else None,
                    paragraphs=[para(sentence * (1 + (n * 7) % 13), line=n) for _ in range(1 + n % 2)],
                    source=ref("S2", n),
                )
                for n in range(1, entries + 1)
            ]
        }
    )
    return base.model_copy(update={"ledger": ledger})


def test_no_heading_ends_a_page() -> None:
    pdf = render(long_case())
    styles_sizes = {19.0, 12.5, 10.5}  # h1, h2, h3; body 10 pt, tables 9, running head and foot 8
    pages = read(pdf).pages
    assert len(pages) > 8
    for number, page in enumerate(pages[2:], start=3):
        lines: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip() and size > 8.2:
                lines.append((tm[5] * cm[3] + cm[5], size, text))  # noqa: B023

        page.extract_text(visitor_text=visit)
        assert lines, number
        lowest = min(lines, key=lambda item: item[0])
        assert round(lowest[1], 1) not in styles_sizes, (number, lowest)


# --- navigation and metadata ------------------------------------------------------------------------


def test_outline_has_an_entry_for_each_section(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    titles = outline_titles(read(full_pdf))
    for heading in (
        labels.contents,
        labels.executive_summary,
        labels.the_film,
        labels.strategic_analysis,
        labels.directors_ledger,
        labels.stakeholder_balance_sheet,
        labels.sources,
        labels.warnings,
        "Introduction: The Fulcrum",
        BODY_HEADING,
        "The Cannes Currency Exchange",
        "1. The Balance Sheet",
    ):
        assert heading in titles, heading


def test_headings_with_markup_show_literally_in_the_contents(full_pdf: bytes) -> None:
    assert squash(BODY_HEADING) in squash(page_texts(full_pdf)[1])


def test_outline_entries_point_at_the_page_of_their_heading(full_pdf: bytes) -> None:
    reader = read(full_pdf)
    texts = [squash(t) for t in page_texts(full_pdf)]
    labels = Wording(full_case()).labels
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert len(top) >= 7
    for item in top:
        page = reader.get_destination_page_number(item)
        assert squash(item.title) in texts[page], (item.title, page)
    contents = next(i for i in top if i.title == labels.contents)
    assert reader.get_destination_page_number(contents) == 1


def test_contents_lists_the_sections_with_their_page_numbers(full_pdf: bytes) -> None:
    reader = read(full_pdf)
    contents_label = Wording(full_case()).labels.contents
    expected: list[tuple[str, int]] = []  # outline levels 0 and 1 are the contents lines
    for item in reader.outline:
        if isinstance(item, list):
            subs = [sub for sub in item if not isinstance(sub, list)]
            expected.extend((sub.title, reader.get_destination_page_number(sub) + 1) for sub in subs)
        elif item.title != contents_label:
            expected.append((item.title, reader.get_destination_page_number(item) + 1))
    contents = page_texts(full_pdf)[1]
    body = contents.split(contents_label, 1)[1]
    for title, _ in expected:
        assert title in body, title
    numbers = [int(n) for n in re.findall(r"(?:\.\s*)+(\d+)", body)]  # the page number after each dot leader
    assert numbers == [page for _, page in expected]
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert sum(1 for a in links if a["/Subtype"] == "/Link") >= len(expected)


def test_metadata(full_pdf: bytes) -> None:
    meta = read(full_pdf).metadata
    assert meta is not None
    assert meta.title == "Thin Margins & Wide <b>Acclaim</b>: Valuing Zorka"
    assert meta.author == "Élodie Márquez"
    assert "Zorka" in (meta.subject or "")
    assert "Zorka" in str(meta.get("/Keywords"))
    assert read(full_pdf).trailer["/Root"].get("/Lang")


def test_author_falls_back_to_the_product_name() -> None:
    case = minimal_case()
    meta = read(render(case)).metadata
    assert meta is not None
    assert meta.author == Wording(case).labels.product


# --- bytes, fonts, size -----------------------------------------------------------------------------


def test_two_renders_give_identical_bytes(full_pdf: bytes) -> None:
    assert render(full_case()) == full_pdf


def test_identical_bytes_across_processes(full_pdf: bytes, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_render_pdf import full_case, render\n"
        "sys.stdout.buffer.write(render(full_case()))\n"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert other == full_pdf


def test_the_case_is_not_changed() -> None:
    case = full_case()
    before = case.model_dump_json()
    render(case)
    assert case.model_dump_json() == before


def test_only_embedded_open_sans(full_pdf: bytes) -> None:
    seen = 0
    for page in read(full_pdf).pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            seen += 1
            assert font["/Subtype"] != "/Type1", font["/BaseFont"]
            assert "OpenSans" in font["/BaseFont"], font["/BaseFont"]
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    assert seen


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_sees_only_embedded_open_sans_subsets(full_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "case.pdf"
    path.write_bytes(full_pdf)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = lines[2:]
    assert rows
    for row in rows:
        assert "OpenSans" in row and "Helvetica" not in row, row
        assert row.split()[-5:-3] == ["yes", "yes"], row  # emb, sub


def test_small(full_pdf: bytes) -> None:
    assert len(full_pdf) < 300_000


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_finds_no_errors(full_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "case.pdf"
    path.write_bytes(full_pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- hostile text -----------------------------------------------------------------------------------


def test_markup_and_control_characters_cannot_reach_reportlab() -> None:
    hostile = '<a href="javascript:alert(1)">x</a> <img src="/etc/passwd"/> <font size=5000>big</font> \x00\x1b\ud800'
    case = full_case().model_copy(update={"title": hostile})
    pdf = render(case)
    text = squash("\n".join(page_texts(pdf)))
    assert squash('<img src="/etc/passwd"/>') in text
    assert squash("<font size=5000>big</font>") in text
    for page in read(pdf).pages:
        for annot in page.get("/Annots", []):
            assert "/URI" not in str(annot.get_object().get("/A", {})), annot


def test_a_heading_taller_than_a_page_does_not_break_the_build() -> None:
    case = full_case()
    assert case.analysis is not None
    giant = AnalysisPart(
        kind="other",
        heading="Heading " * 700,
        title="Heading",
        paragraphs=[para("What follows the giant heading.")],
        source=ref(),
    )
    pdf = render(case.model_copy(update={"analysis": Analysis(parts=[*case.analysis.parts, giant])}))
    assert "Whatfollowsthegiantheading." in squash("".join(page_texts(pdf)))
    assert all(len(title) < 200 for title in outline_titles(read(pdf)))


# --- the seed case and the second example --------------------------------------------------------


def check_real_case(case: Case) -> None:
    pdf = render(case)
    reader = read(pdf)
    text = squash("\n".join(page_texts(pdf)))
    labels = Wording(case).labels
    assert squash(case.title) in text
    for heading in (labels.executive_summary, labels.strategic_analysis, labels.stakeholder_balance_sheet):
        assert squash(heading) in text, heading
    for stakeholder in case.stakeholders:
        assert squash(stakeholder.name) in text, stakeholder.name
        assert squash(stakeholder.outcome.plain) in text, stakeholder.outcome.plain
    if case.ledger is not None:
        titles = outline_titles(reader)
        for entry in case.ledger.entries:
            assert labels.ledger_entry(entry) in titles
    assert len(pdf) < 300_000
    assert render(case) == pdf


def test_seed_case_renders(closeness: Case) -> None:
    check_real_case(closeness)


def test_beanpole_example_renders(beanpole: Case) -> None:
    check_real_case(beanpole)
