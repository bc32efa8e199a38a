"""The PDF case study: read it back with pypdf and check what a reader would see.

The cases here are built by hand, so the renderer is tested on its own; the seed cases are rendered
too once ``casebook.pipeline.load_case`` exists.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from casebook.model.case import (
    Analysis,
    AnalysisPart,
    Case,
    Claim,
    Conflict,
    LedgerEntry,
    Mention,
    Person,
    Reading,
)
from casebook.render.pdf import render_pdf
from casebook.render.pdf.notes import Notes
from casebook.theme import default_theme, load_theme
from casebook.wording import Wording
from tests.builder import BODY_HEADING, BORN, LONG_IMPACT, minimal_case, para, ref, sample_case
from tests.conftest import ROOT

# --- the case built by hand (tests/builder.py) ---------------------------------------------------------


def full_case() -> Case:
    """The hand-built case with every section but the exhibits, its long texts included."""
    return sample_case(exhibits=False)


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
        labels.in_their_words,
        labels.cast_and_crew,
        labels.timeline,
        labels.disagreements,
        labels.sources,
        labels.notes_heading,
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
        labels.in_their_words,
        labels.cast_and_crew,
        labels.timeline,
        labels.disagreements,
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
        "The press kit has no synopsis of the film (003_kit.txt)",  # warnings.j2's words for the reader
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
        labels.in_their_words,
        labels.cast_and_crew,
        labels.timeline,
        labels.disagreements,
        labels.notes_heading,
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


@pytest.mark.slow
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
        labels.in_their_words,
        labels.cast_and_crew,
        labels.timeline,
        labels.disagreements,
        labels.conflict_title(full_case().conflicts[0]),
        labels.conflict_title(full_case().conflicts[1]),
        labels.sources,
        labels.notes_heading,
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
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.render.pdf.test_render_pdf import full_case, render\n"
        "sys.stdout.buffer.write(render(full_case()))\n"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert other == full_pdf


def test_the_case_is_not_changed() -> None:
    case = full_case()
    before = case.model_dump()  # (not JSON: the case holds a lone surrogate, as text may)
    render(case)
    assert case.model_dump() == before


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


@pytest.mark.slow
def test_a_reference_to_a_source_the_case_lacks_still_renders() -> None:
    case = full_case()
    stray = ref("S9", 5)
    conflict = Conflict(
        attribute="runtime",
        claims=[
            Claim(value="104 min", reading=Reading(kind="duration", amount=104, unit="minute"), source=ref("S4", 9)),
            Claim(value="110 <min>", reading=Reading(kind="duration", amount=110, unit="minute"), source=stray),
        ],
    )
    person = Person(name="Stray", mentions=[Mention(name="Stray", source=stray)])
    case = case.model_copy(update={"conflicts": [conflict], "people": [*case.people, person]})
    labels = Wording(case).labels
    pdf = render(case)
    assert squash(f"110 <min> 110 min {labels.source_ref(stray)}") in section_text(pdf, labels.disagreements)
    assert squash("Stray S9") in section_text(pdf, labels.cast_and_crew)


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


# --- sections by outline, links -------------------------------------------------------------------


def top_outline(reader: PdfReader) -> list:  # type: ignore[type-arg]
    return [item for item in reader.outline if not isinstance(item, list)]


def children(reader: PdfReader, title: str) -> list[str]:
    """Titles of the outline entries under the top-level entry ``title``."""
    items = list(reader.outline)
    for k, item in enumerate(items):
        if not isinstance(item, list) and item.title == title:
            following = items[k + 1] if k + 1 < len(items) else None
            return [sub.title for sub in following if not isinstance(sub, list)] if isinstance(following, list) else []
    raise AssertionError(f"no outline entry {title!r}")


def section_text(pdf: bytes, title: str) -> str:
    """The squashed text of the section ``title``: from its heading to the heading of the next section."""
    reader = read(pdf)
    texts = [squash(t) for t in page_texts(pdf)]
    top = top_outline(reader)
    k = next(k for k, item in enumerate(top) if item.title == title)
    start = reader.get_destination_page_number(top[k])
    first = texts[start].index(squash(title))
    if k + 1 == len(top):
        return "".join([texts[start][first:], *texts[start + 1 :]])
    following = top[k + 1]
    end = reader.get_destination_page_number(following)
    if end == start:
        cut = texts[start].index(squash(following.title), first + len(squash(title)))
        return texts[start][first:cut]
    cut = texts[end].index(squash(following.title))
    return "".join([texts[start][first:], *texts[start + 1 : end], texts[end][:cut]])


def internal_links(reader: PdfReader) -> list[tuple[int, int]]:
    """(page of the link, page it leads to) for every link annotation; a link to a URI fails the test."""
    numbers = {page.indirect_reference.idnum: k for k, page in enumerate(reader.pages)}
    links: list[tuple[int, int]] = []
    for k, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            assert action is None or "/URI" not in action, annot
            dest = annot["/Dest"] if "/Dest" in annot else action["/D"]
            assert action is None or action["/S"] == "/GoTo", annot
            links.append((k, numbers[dest[0].idnum]))
    return links


# --- provenance notes -------------------------------------------------------------------------------


def test_notes_are_numbered_in_order_of_first_use_and_shared() -> None:
    notes = Notes(size=6, rise=3, color="#000000")
    assert notes.mark(None) == ""
    a = notes.mark(ref("S1", 3), "first")
    b = notes.mark(ref("S2", 1, 4), "second")
    again = notes.mark(ref("S1", 3), "other text")
    assert ">1</a>" in a and ">2</a>" in b and again == a
    assert [(n.number, n.ref.label(), n.text) for n in notes] == [(1, "S1:3", "first"), (2, "S2:1-4", "second")]
    assert notes.number(ref("S1", 3, 4)) == 3  # other lines, another note
    assert 'href="#cbnote2"' in b


def notes_text(pdf: bytes, labels: object) -> str:
    """The squashed text of the notes under Sources (after their introduction)."""
    text = section_text(pdf, labels.sources)  # type: ignore[attr-defined]
    return text.split(squash(labels.pdf_notes_intro), 1)[1]  # type: ignore[attr-defined]


def test_notes_list_each_reference_once_with_file_lines_and_text(full_pdf: bytes) -> None:
    case = full_case()
    labels = Wording(case).labels
    notes = notes_text(full_pdf, labels)
    # the first fact of the body is note 1: number, file and line, the fact's own text in quotes
    assert squash("1 000_business.txt, line 9 “Estimated Budget: <$1,000,000 USD (Production + minimal P&A).”") in notes
    found = re.findall(r"(\d+)(?:000_business|001_ledger|002_press|003_kit)\.txt,lines?\d", notes)
    numbers = [int(n) for n in found]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    # the premiere of the film and the timeline's premiere come from the same lines: one note
    premiere = squash(labels.note_ref(case, ref("S3", 2)))
    assert notes.count(premiere) == 1
    # distinct references used in the body, each listed once
    assert len(numbers) == len({m for m in re.findall(r"(\d+)(\d{3}_\w+\.txt,lines?[\d–]+)", notes)})
    assert squash(labels.note_ref(case, ref("S3", 4, 5))) in notes  # a quote's lines


def test_a_long_statement_is_shortened_in_its_note(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    notes = notes_text(full_pdf, labels)
    assert squash("“The Director: Élodie Márquez. Maximum Asset Appreciation. Le réalisateur a prouvé") in notes
    assert squash(LONG_IMPACT.strip()) not in notes
    start = notes.index(squash("“The Director: Élodie Márquez."))
    quoted = notes[start : notes.index("”", start) + 1]
    assert quoted.endswith("…”") and len(quoted) < 200, quoted  # whitespace squashed: about 200 characters less spaces


def test_note_numbers_link_to_their_notes(full_pdf: bytes) -> None:
    reader = read(full_pdf)
    labels = Wording(full_case()).labels
    top = {item.title: reader.get_destination_page_number(item) for item in top_outline(reader)}
    sources_page, summary_page = top[labels.sources], top[labels.executive_summary]
    links = internal_links(reader)
    body = [(page, target) for page, target in links if page >= summary_page]
    assert len(body) >= 20
    for page, target in body:
        assert target >= sources_page, (page, target)
    texts = [squash(t) for t in page_texts(full_pdf)]
    first_fact = squash(labels.note_ref(full_case(), ref(first=9)))
    summary_links = [target for page, target in body if page == summary_page]
    assert summary_links and first_fact in texts[summary_links[0]]


@pytest.mark.slow
def test_every_fact_in_the_body_carries_a_note_number(full_pdf: bytes) -> None:
    text = squash("\n".join(page_texts(full_pdf)))
    # a note number follows the text of facts, paragraphs, points, particulars, quotes and events
    for fact in (
        "(Production+minimalP&A).",
        "Nobodycallsthepolice–theyneverdo.",
        "Costavoidance<5%ofbudget.",
        "Thegamblewaslessfinancialthansocio-political.",
        "—ÉlodieMárquez,director",
        "ShootingbeganinNovember2020.",
        "104minutes",
    ):
        assert re.search(re.escape(fact) + r"\d+", text), fact


# --- in their words, cast and crew, timeline, disagreements ----------------------------------------


def test_quotes_show_their_words_and_speakers(full_pdf: bytes) -> None:
    case = full_case()
    labels = Wording(case).labels
    text = section_text(full_pdf, labels.in_their_words)
    assert squash("We shot it in <b>nine</b> days & nights.") in text
    assert squash("Nobody believed us – Нальчик did.") in text
    assert squash(labels.pdf_quote_attribution(case.press.quotes[0])) in text
    assert squash(labels.quote_speaker(case.press.quotes[1])) in text  # no speaker: the template's wording
    assert "Nobody," not in text and not text.endswith("Nobody")


def test_cast_and_crew_table(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    text = section_text(full_pdf, labels.cast_and_crew)
    assert squash(f"{labels.person_name} {labels.person_roles} {labels.person_sources}") in text
    assert squash("Élodie Márquez") in text and squash(labels.pdf_aliases(["Elodie Marquez"])) in text
    assert squash("Director, Writer S1, S3") in text  # roles once each, ids in the order of the sources
    assert squash("Дарья Жовнер actress S4") in text
    assert squash("AT&T <Pictures> distributor S2") in text


def test_timeline_table(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    text = section_text(full_pdf, labels.timeline)
    assert squash("4 March 1990 Born, Studied") + squash(BORN) in text  # one row for both kinds
    assert text.count(squash(BORN)) == 1
    assert squash("2015 Released 2015 – SHORT <ONE>, 15 min") in text
    assert squash("November 2020 Shot") in text
    assert squash("20 May 2021 Premiered World premiere.") in text


def test_disagreements_section(full_pdf: bytes) -> None:
    case = full_case()
    labels = Wording(case).labels
    text = section_text(full_pdf, labels.disagreements)
    assert squash(labels.disagreements_intro) in text
    header = squash(f"{labels.claim_value} {labels.claim_normalized} {labels.claim_source}")
    assert text.count(header) >= len(case.conflicts)
    for conflict in case.conflicts:
        assert squash(labels.conflict_title(conflict)) in text
        for claim in conflict.claims:
            row = squash(f"{claim.value} {labels.claim_reading(claim)} {labels.note_ref(case, claim.source)}")
            assert row in text, row
    assert squash("Year of a film: Зорька") in text
    assert children(read(full_pdf), labels.disagreements) == [labels.conflict_title(c) for c in case.conflicts]


def test_sources_section_keeps_the_documents_and_adds_notes(full_pdf: bytes) -> None:
    labels = Wording(full_case()).labels
    text = section_text(full_pdf, labels.sources)
    for value in ("000_business.txt", "Thin Margins", "abababababab", labels.notes_heading, labels.pdf_note_where):
        assert squash(value) in text, value
    assert text.index("003_kit.txt") < text.index(squash(labels.notes_heading))
    assert children(read(full_pdf), labels.sources) == [labels.notes_heading]


def test_cast_ids_link_to_the_documents(full_pdf: bytes) -> None:
    reader = read(full_pdf)
    labels = Wording(full_case()).labels
    top = {item.title: reader.get_destination_page_number(item) for item in top_outline(reader)}
    cast_page = top[labels.cast_and_crew]
    targets = {target for page, target in internal_links(reader) if page == cast_page}
    assert top[labels.sources] in targets


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


def check_issue_3_sections(case: Case, pdf: bytes) -> None:
    """What every real case shows of quotes, people, timeline and disagreements, and the notes' links."""
    reader = read(pdf)
    labels = Wording(case).labels
    titles = outline_titles(reader)
    for heading in (labels.in_their_words, labels.cast_and_crew, labels.timeline, labels.disagreements, labels.notes_heading):
        assert heading in titles, heading
    quotes = section_text(pdf, labels.in_their_words)
    for quote in case.press.quotes:
        assert squash(labels.quote_speaker(quote)) in quotes, quote.speaker
    cast = section_text(pdf, labels.cast_and_crew)
    for person in case.people:
        assert squash(person.name) in cast, person.name
    disagreements = section_text(pdf, labels.disagreements)
    for conflict in case.conflicts:
        assert squash(labels.conflict_title(conflict)) in disagreements
        for claim in conflict.claims:
            assert squash(claim.value) in disagreements, claim.value
            assert squash(labels.note_ref(case, claim.source)) in disagreements, claim.source
    assert children(reader, labels.disagreements) == [labels.conflict_title(c) for c in case.conflicts]
    # every link is internal; the body's lead to Sources
    top = {item.title: reader.get_destination_page_number(item) for item in top_outline(reader)}
    body = [(page, target) for page, target in internal_links(reader) if page >= top[labels.executive_summary]]
    assert len(body) >= 30
    assert all(target >= top[labels.sources] for _, target in body)
    assert any(page == top[labels.executive_summary] for page, _ in body)  # the summary's facts have notes
    # the notes run over pages: each repeats the table's header
    header = squash(f"{labels.pdf_note_number} {labels.pdf_note_where} {labels.pdf_note_text}")
    texts = [squash(t) for t in page_texts(pdf)]
    notes_pages = [k for k in range(top[labels.sources], len(texts)) if re.search(r"\.txt,lines?\d+“", texts[k])]
    assert len(notes_pages) >= 2
    assert all(header in texts[k] for k in notes_pages)


@pytest.mark.slow
def test_seed_case_renders(closeness: Case) -> None:
    check_real_case(closeness)


@pytest.mark.slow
def test_seed_case_issue_3_sections(closeness: Case) -> None:
    pdf = render(closeness)
    check_issue_3_sections(closeness, pdf)
    labels = Wording(closeness).labels
    assert len(closeness.conflicts) == 4
    disagreements = section_text(pdf, labels.disagreements)
    assert squash("001_35d35ebf1792311c.txt, line 13") in disagreements
    assert squash("2015 – FIRST I (Pervyj ja), 15 min") in disagreements
    assert squash("24 May 2017") in section_text(pdf, labels.timeline)


@pytest.mark.slow
def test_beanpole_example_renders(beanpole: Case) -> None:
    check_real_case(beanpole)


@pytest.mark.slow
def test_beanpole_example_issue_3_sections(beanpole: Case) -> None:
    pdf = render(beanpole)
    check_issue_3_sections(beanpole, pdf)
    labels = Wording(beanpole).labels
    assert len(children(read(pdf), labels.disagreements)) == 3


# --- exhibits -----------------------------------------------------------------------------------------


def exhibit_case() -> Case:
    """The hand-built case with its three exhibits: every kind of amount, and events that crowd one year."""
    return sample_case(long=False)


@pytest.fixture(scope="module")
def exhibit_pdf() -> bytes:
    return render(exhibit_case())


def image_xobjects(page: object) -> list[str]:
    resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
    return [name for name, obj in (resources.get("/XObject") or {}).items() if obj.get_object().get("/Subtype") == "/Image"]


@pytest.mark.slow
def test_exhibits_section_with_numbered_captions_in_contents_and_outline(exhibit_pdf: bytes) -> None:
    case = exhibit_case()
    labels = Wording(case).labels
    reader = read(exhibit_pdf)
    captions = [labels.exhibit_caption(e) for e in case.exhibits]
    assert captions[0] == "Exhibit 1: Budget against box office (USD)"
    assert children(reader, labels.exhibits) == captions
    contents = squash(page_texts(exhibit_pdf)[1])
    assert all(squash(c) in contents for c in captions)
    text = section_text(exhibit_pdf, labels.exhibits)
    for exhibit, caption in zip(case.exhibits, captions, strict=True):
        assert squash(caption) in text
        assert squash(labels.exhibit_sources(case, exhibit)) in text
    # after the Stakeholder Balance Sheet, before In Their Words
    top = [item.title for item in top_outline(reader)]
    assert top.index(labels.stakeholder_balance_sheet) + 1 == top.index(labels.exhibits) == top.index(labels.in_their_words) - 1


def test_the_chart_is_vector_with_its_labels_as_text(exhibit_pdf: bytes) -> None:
    case = exhibit_case()
    labels = Wording(case).labels
    reader = read(exhibit_pdf)
    top = {item.title: reader.get_destination_page_number(item) for item in top_outline(reader)}
    page = top[labels.exhibits]
    text = squash(page_texts(exhibit_pdf)[page])
    for value in ("under 1,000,000", "1,400,000", "about 130,000", "over 90,000", "between 50,000 and 80,000"):
        assert squash(value) in text, value
    for bar in case.exhibits[0].bars:
        assert squash(labels.bar_label(case, bar)) in text
    assert squash(labels.bound_note) in text and squash(labels.lower_bound_note) in text
    assert squash(labels.measure_names["budget"]) in text and squash(labels.measure_names["box_office"]) in text
    assert "1,000,000" in text and "1,500,000" in text  # the axis, with thousands separators
    assert all(not image_xobjects(p) for p in reader.pages)


def test_the_chart_draws_in_the_theme_colours(exhibit_pdf: bytes) -> None:
    reader = read(exhibit_pdf)
    labels = Wording(exhibit_case()).labels
    top = {item.title: reader.get_destination_page_number(item) for item in top_outline(reader)}
    content = reader.pages[top[labels.exhibits]].get_contents().get_data()
    assert b".478431 .121569 .101961 rg" in content  # primary #7A1F1A: budget
    assert b".721569 .52549 .231373 rg" in content  # accent #B8863B: box office


def test_timeline_exhibit_has_markers_and_its_key(exhibit_pdf: bytes) -> None:
    case = exhibit_case()
    labels = Wording(case).labels
    text = section_text(exhibit_pdf, labels.exhibits)
    assert squash(labels.exhibit_event_date(case.timeline[0])) in text  # "4 Mar 1990" on a marker
    assert squash("Born, Studied") in text  # one marker for the events the same lines tell on one day
    assert squash(f"{labels.exhibit_event_number} {labels.event_when} {labels.event_kind} {labels.event_what}") in text
    assert squash("4 20 May 2021 Premiered World premiere.") in text  # the key's last row


@pytest.mark.slow
def test_stakeholder_outcomes_exhibit(exhibit_pdf: bytes) -> None:
    labels = Wording(exhibit_case()).labels
    text = section_text(exhibit_pdf, labels.exhibits)
    assert squash(f"{labels.stakeholder_role} {labels.stakeholder_name} {labels.stakeholder_outcome}") in text
    assert squash("Principal Cast Дарья Жовнер Critical Breakout / Low Financial Yield.") in text


@pytest.mark.slow
def test_the_text_refers_to_the_exhibits(exhibit_pdf: bytes) -> None:
    case = exhibit_case()
    labels = Wording(case).labels
    see = {e.kind: squash(labels.exhibit_see(e)) for e in case.exhibits}
    assert see["budget_box_office"] == squash("See Exhibit 1: Budget against box office.")
    assert see["budget_box_office"] in section_text(exhibit_pdf, labels.executive_summary)
    assert see["stakeholder_outcomes"] in section_text(exhibit_pdf, labels.stakeholder_balance_sheet)
    assert see["timeline"] in section_text(exhibit_pdf, labels.timeline)
    assert "SeeExhibit" not in squash("".join(page_texts(render(full_case()))))  # no exhibits, no references


def test_exhibits_keep_identical_bytes_and_embedded_fonts(exhibit_pdf: bytes) -> None:
    assert render(exhibit_case()) == exhibit_pdf
    for page in read(exhibit_pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            assert "OpenSans" in font.get_object()["/BaseFont"]
    assert len(exhibit_pdf) < 300_000


def test_too_many_events_for_a_drawing_leave_the_table() -> None:
    from casebook.render.pdf.charts import Mark, timeline_chart
    from casebook.render.pdf.style import make_look

    look = make_look(default_theme())
    crowded = [Mark(str(n), "Premiered, Awarded", "24 May 2017", 2017.4) for n in range(1, 40)]
    assert timeline_chart(crowded, look, look.frame_width) is None
    spread = [Mark(str(n), "Released", str(2000 + n), 2000.5 + n) for n in range(8)]
    assert timeline_chart(spread, look, look.frame_width) is not None


@pytest.mark.slow
def test_seed_case_exhibits(closeness: Case) -> None:
    pdf = render(closeness)
    labels = Wording(closeness).labels
    reader = read(pdf)
    assert children(reader, labels.exhibits) == [labels.exhibit_caption(e) for e in closeness.exhibits]
    text = section_text(pdf, labels.exhibits)
    assert squash("under 1,000,000") in text and squash("under 150,000") in text and squash("about 130,000") in text


@pytest.mark.slow
def test_no_heading_or_caption_ends_a_page_with_exhibits() -> None:
    case = long_case().model_copy(update={"exhibits": exhibit_case().exhibits})
    pdf = render(case)
    reader = read(pdf)
    first = reader.get_destination_page_number(top_outline(reader)[1])  # past the contents (11 pt lines)
    sizes = {19.0, 12.5, 10.5, 11.0}  # h1, h2, h3, exhibit captions
    for number, page in enumerate(reader.pages[first:], start=first + 1):
        lines: list[tuple[float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                lines.append((round(tm[5] * cm[3] + cm[5], 1), size))  # noqa: B023

        page.extract_text(visitor_text=visit)
        foot = min(lines)[0]  # the running foot (page number, product) is the lowest line of every page
        body = [line for line in lines if line[0] > foot]  # a chart's labels and notes (7.5–8 pt) count
        if body:
            assert round(min(body)[1], 1) not in sizes, number


# --- themes ---------------------------------------------------------------------------------------


def test_the_default_theme_is_the_default_look(full_pdf: bytes) -> None:
    case = full_case()
    assert render_pdf(case, Wording(case), default_theme()) == full_pdf
    texts = page_texts(full_pdf)
    assert default_theme().institution in texts[0] and default_theme().institution in texts[1]
    assert {tuple(round(float(v)) for v in p.mediabox) for p in read(full_pdf).pages} == {(0, 0, 595, 842)}


@pytest.mark.slow
def test_a_theme_sets_page_size_colours_institution_and_logo(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (120, 40), "#003366").save(tmp_path / "logo.png")
    (tmp_path / "school.toml").write_text(
        'institution = "Northfield Business School"\nlogo = "logo.png"\n[colors]\nprimary = "#003366"\n'
        '[pdf]\npage_size = "Letter"\nbody_size = 11\n'
    )
    case = exhibit_case()
    pdf = render_pdf(case, Wording(case), load_theme(tmp_path / "school.toml"))
    reader = read(pdf)
    assert {tuple(round(float(v)) for v in p.mediabox) for p in reader.pages} == {(0, 0, 612, 792)}
    assert b"0 .2 .4 rg" in reader.pages[0].get_contents().get_data()  # the cover band in the primary colour
    texts = page_texts(pdf)
    assert "Northfield Business School" in texts[0] and "Northfield Business School" in texts[-1]
    assert image_xobjects(reader.pages[0]) and not any(image_xobjects(p) for p in reader.pages[1:])
    assert render_pdf(case, Wording(case), load_theme(tmp_path / "school.toml")) == pdf


def test_a_theme_font_file_is_embedded(tmp_path: Path) -> None:
    from casebook.render.text.fonts import open_sans

    shutil.copy(open_sans().italic, tmp_path / "Body.ttf")
    (tmp_path / "t.toml").write_text('[fonts]\nfamily = "Body"\nregular = "Body.ttf"\n')
    case = full_case()
    pdf = render_pdf(case, Wording(case), load_theme(tmp_path / "t.toml"))
    fonts = {
        str(f.get_object()["/BaseFont"]).split("+", 1)[-1] for p in read(pdf).pages for f in p["/Resources"]["/Font"].values()
    }
    assert "OpenSans-Italic" in fonts and "OpenSans-Regular" not in fonts  # body text now set in the theme's file


def test_a_paragraph_keeps_its_layout_per_width() -> None:
    """Tables and frames wrap a paragraph at one width several times: the lines are broken once per width,
    and a wrap at another width in between still gives the right lines."""
    from reportlab.lib.styles import ParagraphStyle

    from casebook.render.pdf.flowables import Paragraph

    text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. " * 4
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    para = Paragraph(text, style)
    broken = []
    original = para.breakLines
    para.breakLines = lambda widths: broken.append(widths) or original(widths)  # type: ignore[method-assign]
    wide = para.wrap(400, 800)
    assert para.wrap(400, 800) == wide and para.wrap(400, 100) == wide
    assert len(broken) == 1
    narrow = para.wrap(150, 800)
    assert narrow[1] > wide[1] and len(para.blPara.lines) == narrow[1] / 12
    assert para.wrap(400, 800) == wide and len(para.blPara.lines) == wide[1] / 12
    assert len(broken) == 3
    assert Paragraph(text, style).wrap(150, 800) == narrow  # the same as a fresh layout


def test_the_running_head_does_not_repeat_a_film_title_the_case_title_begins_with():
    from casebook.pipeline import load_case, render
    from tests.conftest import FIXTURES

    case = load_case(FIXTURES / "kit-variant")
    assert case.title.startswith(case.film.title)  # "The Salt Road: Selling Silence in a Streaming Market"
    page = PdfReader(BytesIO(render(case, "pdf"))).pages[2].extract_text()
    assert page.splitlines()[0].strip() == case.title
