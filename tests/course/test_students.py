"""Per-student copies: ``casebook build --roster``: a case study and a deck for each student, named on every page and
slide and in the metadata, built in parallel and cached copy by copy."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from casebook.cli import cli
from casebook.render.text.fallback import fallback_file

pytestmark = pytest.mark.slow  # roster builds of the seed, one to 200 students

#: an accented, a Cyrillic and a Chinese name, with the slugs of their folders
STUDENTS = [("Zoë Ångström-Núñez", "zoe@example.org", "zoe-angstrom-nunez"),
            ("Анна Иванова", "anna@example.org", "anna-ivanova"),
            ("张伟", "zhang.wei@example.cn", "zhang-wei")]


def stamp(name: str) -> str:
    return f"Prepared for {name}; do not distribute"


def build(*args: str):
    return CliRunner().invoke(cli, ["build", *[str(a) for a in args]])


def write_roster(path: Path, students=STUDENTS) -> Path:
    path.write_text("name,email\n" + "".join(f"{name},{email}\n" for name, email, *_ in students), encoding="utf-8")
    return path


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, its line breaks dropped (pypdf breaks the line where a fallback font's run starts)."""
    return [page.extract_text().replace("\n", "") for page in PdfReader(path).pages]


def deck_footers(path: Path) -> list[list[str]]:
    deck = Presentation(io.BytesIO(path.read_bytes()))
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name == "Footer"] for slide in deck.slides]


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
            and ".casebook-cache" not in p.parts}


@pytest.fixture(scope="module")
def built(tmp_path_factory, closeness_dir):
    """The seed case built with a roster of three students (accented, Cyrillic, Chinese)."""
    root = tmp_path_factory.mktemp("students")
    roster = write_roster(root / "roster.csv")
    result = build(closeness_dir, "--roster", roster, "--out", root / "out")
    assert result.exit_code == 0, result.output
    return root / "out" / "closeness", result


def test_each_student_gets_the_case_study_and_the_deck_only(built):
    case, result = built
    assert sorted(p.name for p in (case / "students").iterdir()) == sorted(slug for *_, slug in STUDENTS)
    for *_, slug in STUDENTS:  # the case study in both editions, and the deck
        assert sorted(p.name for p in (case / "students" / slug).iterdir()) == ["closeness-case-study.html",
                                                                                "closeness-case-study.pdf",
                                                                                "closeness-deck.pptx"]
    assert not list((case / "students").rglob("*teaching*"))
    # the case's own build comes beside them, teaching note and all
    assert sorted(p.name for p in case.iterdir()) == ["case.json", "closeness-case-study.html", "closeness-case-study.pdf",
                                                      "closeness-deck.pptx", "closeness-teaching-note.html",
                                                      "closeness-teaching-note.pdf", "students"]
    assert result.output.count("wrote ") == 6 + 3 * len(STUDENTS)


@pytest.mark.parametrize(("name", "slug"), [(name, slug) for name, _, slug in STUDENTS])
def test_every_pdf_page_and_its_metadata_name_the_student(built, name, slug):
    case, _ = built
    path = case / "students" / slug / "closeness-case-study.pdf"
    pages = pdf_pages(path)
    if not name.isascii() and fallback_file(name[0]) is None and name[0] > "\u3000":
        pytest.skip("no TrueType CJK font on this machine to draw the name (CI installs fonts-droid-fallback)")
    assert len(pages) > 5
    for number, text in enumerate(pages, start=1):
        assert stamp(name) in text, f"{path.name} page {number} lacks the stamp"
    assert PdfReader(path).metadata.subject.endswith(stamp(name))
    assert not any("Prepared for" in text for text in pdf_pages(case / "closeness-case-study.pdf"))


@pytest.mark.parametrize(("name", "slug"), [(name, slug) for name, _, slug in STUDENTS])
def test_every_slide_and_the_deck_properties_name_the_student(built, name, slug):
    case, _ = built
    path = case / "students" / slug / "closeness-deck.pptx"
    footers = deck_footers(path)
    assert len(footers) > 5
    for number, slide in enumerate(footers, start=1):
        assert slide == [stamp(name)], f"slide {number}: {slide}"
    props = Presentation(str(path)).core_properties
    assert props.comments == stamp(name) and props.subject.endswith(stamp(name))
    assert not any(stamp(name) in footer for slide in deck_footers(case / "closeness-deck.pptx") for footer in slide)


def test_each_copy_is_cached_apart(tmp_path, closeness_dir):
    roster = write_roster(tmp_path / "roster.csv", STUDENTS[:2])
    out = tmp_path / "out"
    assert build(closeness_dir, "--roster", roster, "--out", out, "--format", "pdf").exit_code == 0
    before = mtimes(out)
    again = build(closeness_dir, "--roster", roster, "--out", out, "--format", "pdf")
    assert again.exit_code == 0 and mtimes(out) == before
    assert again.output.splitlines() == [f"up to date: {closeness_dir}",
                                         *[f"up to date: {closeness_dir} (copy for {name})" for name, *_ in STUDENTS[:2]]]
    renamed = [("Zoë Ångström Núñez", "zoe@example.org", "zoe-angstrom-nunez"), STUDENTS[1]]  # same slug, new name
    write_roster(roster, renamed)
    third = build(closeness_dir, "--roster", roster, "--out", out, "--format", "pdf")
    assert third.exit_code == 0
    changed = {name for name, stamp_ in mtimes(out).items() if before[name] != stamp_}
    assert changed == {"closeness/students/zoe-angstrom-nunez/closeness-case-study.pdf"}
    assert stamp("Zoë Ångström Núñez") in pdf_pages(out / "closeness/students/zoe-angstrom-nunez/closeness-case-study.pdf")[0]


def test_a_bad_roster_stops_the_build_before_anything_is_written(tmp_path, closeness_dir):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email\nAda,ada@example.org\n,bea@example.org\nCy,ADA@example.org\n", encoding="utf-8")
    result = build(closeness_dir, "--roster", roster, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{roster}:3: empty name",
                                          f"{roster}:4: duplicate email ADA@example.org (also on line 2)"]
    assert not (tmp_path / "out").exists()
    roster.write_bytes("name,email\nRenée,renee@example.org\n".encode("cp1252"))
    result = build(closeness_dir, "--roster", roster, "--out", tmp_path / "out")
    assert result.exit_code == 1 and f"{roster}:2: not UTF-8: byte 0xe9" in result.stderr
    assert "Traceback" not in result.output


def test_students_never_get_the_teaching_note_alone(tmp_path, closeness_dir):
    roster = write_roster(tmp_path / "roster.csv")
    result = build(closeness_dir, "--roster", roster, "--out", tmp_path / "out", "--format", "teaching-note")
    assert result.exit_code == 2
    assert "--roster writes the students' case study and deck" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_roster_of_200_is_rendered_once_and_stamped_for_each_student(tmp_path, closeness_dir):
    """200 students: the case is rendered once as a base, and each copy is that base with the student's stamp
    after it (speed figures are in benchmarks/, not here; the bound below only catches a copy rendered in full
    for every student, which took 100 s on 2 cores)."""
    scripts = ["Zoë Ångström", "Анна Иванова", "张伟", "Søren Kierkegaard", "Nguyễn Văn An", "Θεόδωρος Παπαδόπουλος",
               "Ólafur Þórsson", "Marie-Noëlle Lefèvre", "李娜", "Jürgen Müller"]
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,id\n" + "".join(f"{scripts[i % 10]},student{i}@example.org,{i}\n" for i in range(200)),
                      encoding="utf-8")
    start = time.perf_counter()
    result = build(closeness_dir, "--roster", roster, "--out", tmp_path / "out", "--quiet")
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    folders = sorted((out / "closeness" / "students").iterdir())
    assert len(folders) == 200  # ten names, twenty students each: told apart by their ids
    assert (out / "closeness" / "students" / "anna-ivanova-1").is_dir()
    assert all(sorted(p.name for p in f.iterdir()) == ["closeness-case-study.html", "closeness-case-study.pdf",
                                                       "closeness-deck.pptx"] for f in folders)
    cache = out / ".casebook-cache"
    bases = [p for p in cache.iterdir() if p.is_dir()]
    assert len(bases) == 1 and len(list(cache.glob("*.json"))) == 1 + 1 + 200  # the case, its base, each student
    base = (bases[0] / "closeness-case-study.pdf").read_bytes()
    assert all((f / "closeness-case-study.pdf").read_bytes().startswith(base) for f in folders)
    for i in range(10):  # one student of each name: their own name on the cover and in the deck's footers
        folder = next(f for f in folders if f.name.endswith(f"-{i}"))  # the student whose id is i
        assert stamp(scripts[i]) in pdf_pages(folder / "closeness-case-study.pdf")[0]
        assert all(stamp(scripts[i]) in footers for footers in deck_footers(folder / "closeness-deck.pptx"))
    assert seconds < 100, f"200 student copies in {seconds:.1f} s"
