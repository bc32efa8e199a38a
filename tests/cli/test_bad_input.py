"""Bad input is normal input: a clear one-line error naming the place, a non-zero exit, nothing lost."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import etree

from casebook import pipeline
from casebook.cli import cli
from casebook.errors import CaseError
from casebook.ingest.document import MAX_BYTES, MAX_LINE_CHARS
from casebook.pipeline import load_case
from tests.conftest import FIXTURES

BUSINESS = "---\nmovieId: 7\nmovieTitle: {title}\ncategoryName: BUSINESS\n---\n\n**Title: {heading}**\n"


def _check(folder: Path):
    return CliRunner().invoke(cli, ["check", str(folder)])


# --- encodings --------------------------------------------------------------------------------------


FRENCH = "Café – “Économie” d’été, façade, naïve, cœur"
RUSSIAN = ("Теснота: экономика дебюта. Режиссёр снял фильм в Нальчике, на родине, почти без денег; "
           "прокат в России был ограниченным, зато фестивальная судьба оказалась счастливой.")


@pytest.mark.parametrize(
    ("encoding", "heading", "newline"),
    [
        ("utf-8", FRENCH, "\n"),
        ("utf-8-sig", FRENCH, "\n"),
        ("utf-16", RUSSIAN, "\n"),
        ("utf-8", FRENCH, "\r\n"),
        ("utf-8", RUSSIAN, "\r"),
        ("cp1252", FRENCH, "\r\n"),
        ("cp1251", RUSSIAN, "\n"),
    ],
)
def test_encodings_and_line_ends_are_read(tmp_path, encoding, heading, newline):
    text = BUSINESS.format(title="Enc", heading=heading) + "\n### I. Executive Summary\n\n**Group**\n* **Label:** value\n"
    (tmp_path / "a.txt").write_bytes(text.replace("\n", newline).encode(encoding))
    case = load_case(tmp_path)
    assert case.title == heading
    assert case.id == "7"
    assert case.executive_summary[0].facts[0].source.first_line == 12


def test_undecodable_bytes_are_an_error_naming_the_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3)  # UTF-16 with lone surrogates
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'a.txt'}:1: is not valid UTF-16-LE after its byte-order mark (byte offset 2)\n"


@pytest.mark.parametrize(
    ("data", "line", "offset", "byte"),
    [
        # UTF-8 accents, then one Latin-1 byte on line 3: damaged, not another encoding
        ("Café au lait\nDeuxième ligne\nune erreur ".encode() + b"\xe9" + b" ici\n", 3, 41, "E9"),
        # Cyrillic in UTF-8 cut in the middle of a letter on line 2
        ("Первая строка\nвто".encode() + b"\xd1" + b"\n", 2, 32, "D1"),
    ],
)
def test_utf8_with_a_few_broken_bytes_is_an_error_with_the_byte_offset(tmp_path, data, line, offset, byte):
    (tmp_path / "kit.txt").write_bytes(data)
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path / 'kit.txt'}:{line}: byte 0x{byte} at byte offset {offset} is not valid UTF-8, "
                             "in a file that is otherwise UTF-8: the file is damaged\n")


def test_bytes_no_encoding_reads_with_confidence_are_an_error(tmp_path):
    (tmp_path / "kit.txt").write_bytes(b"SYNOPSIS\n" + bytes(range(0x80, 0x100)) + b"\n")
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path / 'kit.txt'}:2: is not UTF-8 (byte 0x80 at byte offset 9) and its encoding "
                             "cannot be told with confidence; save it as UTF-8\n")


@pytest.mark.parametrize(("encoding", "heading"), [("cp1252", FRENCH), ("cp1251", RUSSIAN)])
def test_a_whole_file_in_a_legacy_encoding_is_read_with_a_warning(tmp_path, encoding, heading):
    text = BUSINESS.format(title="Enc", heading=heading)
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    case = load_case(tmp_path)
    assert case.title == heading
    assert [(w.file, w.params) for w in case.warnings if w.code == "legacy_encoding"] == [("a.txt", {"encoding": encoding})]
    assert f"{tmp_path / 'a.txt'}: warning: not UTF-8: read as {encoding}, the encoding charset-normalizer found" in (
        pipeline.warning_lines(case, tmp_path))


def test_a_legacy_file_with_a_byte_pair_that_happens_to_be_utf8_is_still_read(tmp_path):
    heading = RUSSIAN + " Агентство «ТАСС» сообщило о премьере."  # "С»" in cp1251 is D1 BB, well-formed UTF-8
    assert "С»".encode("cp1251") == b"\xd1\xbb"
    (tmp_path / "a.txt").write_bytes(BUSINESS.format(title="Enc", heading=heading).encode("cp1251"))
    case = load_case(tmp_path)
    assert case.title == heading


def test_utf8_files_have_no_encoding_warning(tmp_path):
    (tmp_path / "a.txt").write_text(BUSINESS.format(title="Enc", heading=FRENCH), encoding="utf-8-sig")
    assert not [w for w in load_case(tmp_path).warnings if w.code == "legacy_encoding"]


# --- a case's identity is never guessed -------------------------------------------------------------

LEDGER = "---\nmovieId: 7\n{title_line}categoryName: LEDGER\n---\n\n**The Director's Ledger: {heading}**\n"


@pytest.mark.parametrize(
    ("title_line", "line", "what"),
    [("", 2, "is missing"), ("movieTitle: \"\"\n", 3, "is empty"), ("movieTitle:   \n", 3, "is empty")],
)
def test_a_case_without_a_movie_title_is_an_error(tmp_path, title_line, line, what):
    (tmp_path / "ledger.md").write_text(LEDGER.format(title_line=title_line, heading="Notes on a Film"))
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path / 'ledger.md'}:{line}: movieTitle {what} in the frontmatter: the case's title "
                             "is never guessed\n")


def test_a_movie_title_another_document_gives_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(BUSINESS.format(title="Harbour Lights", heading="T"))
    (tmp_path / "b.md").write_text(LEDGER.format(title_line="", heading="Harbour Lights"))
    case = load_case(tmp_path)
    assert case.film.title == "Harbour Lights" and case.slug == "harbour-lights"
    assert [(w.file, w.params) for w in case.warnings if w.code == "title_from_other_document"] == [
        ("b.md", {"state": "missing", "title": "Harbour Lights", "file": "a.txt"})]
    assert (f"{tmp_path / 'b.md'}: warning: movieTitle is missing; the case takes its title, “Harbour Lights”, from "
            "a.txt") in pipeline.warning_lines(case, tmp_path)


def test_two_documents_of_one_category_are_an_error_naming_both(tmp_path):
    (tmp_path / "business.md").write_text(BUSINESS.format(title="Harbour Lights", heading="Final"))
    (tmp_path / "business-draft.md").write_text(BUSINESS.format(title="Harbour Lights", heading="Draft"))
    (tmp_path / "ledger.md").write_text(LEDGER.format(title_line="movieTitle: Harbour Lights\n", heading="X"))
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path / 'business.md'}:4: categoryName BUSINESS again: business-draft.md is this "
                             "case's document of that category already; keep one of them\n")


def test_two_plain_text_press_releases_are_a_warning_not_an_error(tmp_path):
    # what kind a document without frontmatter is, casebook decides from its text: not a declared category
    (tmp_path / "a.txt").write_text(BUSINESS.format(title="Harbour Lights", heading="T"))
    for name, day in (("r1.txt", "2 May 2022"), ("r2.txt", "9 June 2022")):
        (tmp_path / name).write_text(f"FOR IMMEDIATE RELEASE\n\nHARBOUR LIGHTS GOES ON TOUR\n\nOSLO, {day} — The film "
                                     "opens in ten cities.\n\nPress contact: press@example.org\n")
    case = load_case(tmp_path)
    assert [s.kind for s in case.sources] == ["business", "press_release", "press_release"]
    assert [(w.file, w.params) for w in case.warnings if w.code == "second_document"] == [
        ("r2.txt", {"kind": "press_release", "used": "r1.txt"})]
    assert (f"{tmp_path / 'r2.txt'}: warning: read as a second press release, beside r1.txt: the case's press release "
            "is r1.txt") in pipeline.warning_lines(case, tmp_path)


@pytest.mark.parametrize(
    ("first", "second"),
    [("The Salt Road", "the  salt  road"), ("“Harbour Lights”", "'Harbour Lights'"), ("Amélie’s Winter", "AMÉLIE'S WINTER")],
)
def test_titles_that_differ_only_in_case_space_and_quotes_agree(tmp_path, first, second):
    (tmp_path / "a.txt").write_text(BUSINESS.format(title=first, heading="T"))
    (tmp_path / "b.md").write_text(LEDGER.format(title_line=f"movieTitle: {second}\n", heading="X"))
    case = load_case(tmp_path)
    assert case.film.title == first


@pytest.mark.parametrize(("first", "second"), [("Salt Road", "The Salt Road"), ("Harbour Lights", "Harbour Light")])
def test_documents_giving_different_titles_are_an_error_naming_both(tmp_path, first, second):
    (tmp_path / "a.txt").write_text(BUSINESS.format(title=first, heading="T"))
    (tmp_path / "b.md").write_text(LEDGER.format(title_line=f"movieTitle: {second}\n", heading="X"))
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'b.md'}:3: movieTitle “{second}” differs from “{first}” in a.txt:3\n"


def test_every_identity_problem_at_once_and_nothing_written(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    (case / "a_business.md").write_text(BUSINESS.format(title="Harbour Lights", heading="Final"))
    (case / "b_business-draft.md").write_text(BUSINESS.format(title="Harbour Light", heading="Draft"))
    (case / "c_ledger.md").write_bytes(LEDGER.format(title_line="", heading="X").encode() + "Кадр ".encode() + b"\xff\n")
    (case / "d_notes.md").write_text("---\nmovieId: 7\nmovieTitle: ''\ncategoryName: NOTES\n---\nnotes\n")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "casebook", "build", str(case), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{case / 'c_ledger.md'}:7: byte 0xFF at byte offset 79 is not valid UTF-8, in a file that is otherwise UTF-8: "
        "the file is damaged",
        f"{case / 'b_business-draft.md'}:3: movieTitle “Harbour Light” differs from “Harbour Lights” in a_business.md:3",
        f"{case / 'b_business-draft.md'}:4: categoryName BUSINESS again: a_business.md is this case's document of that "
        "category already; keep one of them",
    ]
    assert result.stdout == ""
    assert not out.exists()


# --- not a document ---------------------------------------------------------------------------------


def test_files_that_are_not_documents_are_refused_together(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with open(tmp_path / "huge.txt", "wb") as handle:  # 50 MB, sparse: refused by its size, never read
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "long.txt").write_text("x" * (MAX_LINE_CHARS + 1) + "\n")
    (tmp_path / "one_line.txt").write_text("y" * (5 * 1024 * 1024))
    started = time.monotonic()
    result = _check(tmp_path)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'binary.txt'}: is a binary file, not a text document",
        f"{tmp_path / 'empty.txt'}: is empty",
        f"{tmp_path / 'folder.txt'}: is a folder, not a document",
        f"{tmp_path / 'huge.txt'}: is 50.0 MB; a document may be at most {MAX_BYTES // 1024 // 1024} MB",
        f"{tmp_path / 'long.txt'}:1: line is 20,001 characters long; a line may be at most 20,000",
        f"{tmp_path / 'one_line.txt'}: is 5.0 MB; a document may be at most {MAX_BYTES // 1024 // 1024} MB",
    ]


# --- broken structure -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("unclosed.txt", "1: frontmatter opened with '---' is never closed"),
        ("not_yaml.txt", "2: frontmatter is not valid YAML: expected ',' or ']', but got '<stream end>'"),
        ("python_tag.txt", "2: frontmatter is not valid YAML: the tag tag:yaml.org,2002:python/object/apply:os.system "
                           "is not allowed in frontmatter"),
        ("alias_bomb.txt", "3: frontmatter is not valid YAML: aliases (*name) are not allowed in frontmatter"),
        ("duplicate_key.txt", "3: frontmatter is not valid YAML: duplicate key 'movieId'"),
        ("list_id.txt", "2: movieId must be a single value, not list"),
    ],
)
def test_broken_frontmatter(tmp_path, name, message):
    shutil.copy(FIXTURES / "bad" / name, tmp_path / name)
    result = _check(tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / name}:{message}\n"
    assert "Traceback" not in result.output


def test_yaml_values_stay_as_written(tmp_path):
    (tmp_path / "a.txt").write_text("---\nmovieId: 0755\nmovieTitle: NO\ncategoryName: BUSINESS\n---\n**Title: T**\n")
    case = load_case(tmp_path)
    assert (case.id, case.film.title) == ("0755", "NO")


def test_a_case_with_no_business_analysis_is_a_warning(tmp_path):
    shutil.copy(FIXTURES / "variant" / "b_ledger.md", tmp_path)
    case = load_case(tmp_path)
    assert ("missing_document", {"kind": "business"}) in [(w.code, w.params) for w in case.warnings]
    assert f"{tmp_path}: warning: the case has no business analysis (categoryName: BUSINESS)" in (
        pipeline.warning_lines(case, tmp_path))
    assert case.executive_summary == [] and case.ledger is not None


def test_symlink_out_of_the_case_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("---\nmovieId: 1\ncategoryName: BUSINESS\n---\n**Title: secret**\n")
    case = tmp_path / "case"
    case.mkdir()
    (case / "link.txt").symlink_to(outside)
    result = _check(case)
    assert result.exit_code == 1
    assert result.stderr == f"{case / 'link.txt'}: is a symbolic link to {outside}, outside the case folder: not followed\n"


# --- text is text -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["build", str(FIXTURES / "hostile"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [folder] = [p for p in out.iterdir() if not p.name.startswith(".")]  # .casebook-cache is the build cache
    return folder


def test_hostile_names_make_safe_paths(hostile_build):
    assert hostile_build.name == "etc-evil-b"
    assert sorted(p.name for p in hostile_build.iterdir()) == ["case.json", "etc-evil-b-case-study.html",
                                                                  "etc-evil-b-case-study.pdf", "etc-evil-b-deck.pptx",
                                                                  "etc-evil-b-teaching-note.html", "etc-evil-b-teaching-note.pdf"]


def test_markup_in_documents_shows_literally_in_the_pdf(hostile_build):
    reader = pypdf.PdfReader(io.BytesIO((hostile_build / "etc-evil-b-case-study.pdf").read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "AT&T < Profit & <b>Loss" in text
    assert '<a href="javascript:alert(1)">click</a>' in text
    assert '<img src="/etc/passwd">' in text
    assert "<script>alert(1)</script>" in text
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            assert action.get("/S") not in ("/URI", "/Launch", "/JavaScript")
    assert "root:" not in text  # no file was read into the document


def test_markup_and_control_characters_in_the_deck(hostile_build):
    with zipfile.ZipFile(hostile_build / "etc-evil-b-deck.pptx") as deck:
        texts = []
        for name in deck.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(deck.read(name))  # every part is well-formed XML
                texts.extend(t.text or "" for t in root.iter("{*}t"))
    joined = " ".join(texts)
    assert "<script>alert(1)</script>" in joined
    assert '<a href="javascript:alert(2)">link</a>' in joined
    assert "\x1b" not in joined and "_x001B_" not in joined


def test_lone_surrogates_and_nul_from_yaml_escapes(tmp_path):
    (tmp_path / "a.txt").write_text('---\nmovieId: 5\nmovieTitle: "Bad \\ud800 \\0 title"\ncategoryName: BUSINESS\n---\n'
                                    "**Title: T**\n\n### III. Stakeholders\n\n**Role: Name**\n* **Outcome:** ok\n")
    case = load_case(tmp_path)
    assert case.film.title == "Bad \ufffd  title"
    for fmt in ("pdf", "pptx"):
        assert pipeline.render(case, fmt)[:2] in (b"%P", b"PK")


@pytest.mark.parametrize(
    ("title", "slug"),
    [("../../etc/evil", "etc-evil"), ("CON", "con-case"), ("x" * 500, "x" * 80), ("a/b\\u0000c", "a-bc"), ("...", "case")],
)
def test_titles_never_leave_the_out_folder(tmp_path, title, slug):
    case_dir = tmp_path / "case"
    case_dir.mkdir()
    (case_dir / "a.txt").write_text(BUSINESS.format(title=f'"{title}"', heading="T"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(case_dir), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir() if p.name != ".casebook-cache"] == [slug]
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))


# --- nothing lost -----------------------------------------------------------------------------------


@pytest.fixture()
def built(tmp_path, closeness_dir):
    case = tmp_path / "closeness"
    shutil.copytree(closeness_dir, case)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(case), "--out", str(out)])
    assert result.exit_code == 0, result.output
    before = {p.name: p.read_bytes() for p in (out / "closeness").iterdir()}
    return case, out, before


def test_a_failed_build_leaves_the_previous_outputs(built):
    case, out, before = built
    (case / "000_cf48b7e9300d090a.txt").write_bytes(b"---\nmovieId: [broken\n---\n")
    result = CliRunner().invoke(cli, ["build", str(case), "--out", str(out)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in (out / "closeness").iterdir()} == before


def test_an_interrupt_while_writing_leaves_no_partial_file(built, monkeypatch):
    case, out, before = built
    (case / "002_b52015972eff3ee8.txt").write_text("A new headline\n\nA changed press release.\n")
    real_replace = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(pipeline.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(load_case(case), ("pdf", "pptx", "json"), out)
    assert {p.name: p.read_bytes() for p in (out / "closeness").iterdir()} == before


def _many_cases(tmp_path: Path, closeness_dir: Path, count: int) -> Path:
    """A folder of ``count`` cases, each the bundled one under a title of its own (and so a slug of its own)."""
    cases = tmp_path / "cases"
    for n in range(count):
        folder = cases / f"c{n:02d}"
        shutil.copytree(closeness_dir, folder)
        for path in folder.iterdir():
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^movieTitle:.*$", f"movieTitle: Closeness {n}", text), encoding="utf-8")
    return cases


def _signal_after_first_output(command: list[str]) -> tuple[subprocess.Popen, str, str, str]:
    """Run ``command``, send SIGTERM once it has written its first output; (process, seen, rest, stderr)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    seen = ""
    while "wrote" not in seen:  # one case is written; the others are still to come
        line = process.stdout.readline()
        assert line, "the build ended before writing anything"
        seen += line
    process.send_signal(signal.SIGTERM)
    rest, stderr = process.communicate(timeout=120)
    return process, seen, rest, stderr


@pytest.mark.slow
def test_sigterm_ends_a_running_build_with_143_and_no_partial_file(tmp_path, closeness_dir):
    count = 12  # twelve full builds one after another: the build is certainly still running at the signal
    cases, out = _many_cases(tmp_path, closeness_dir, count), tmp_path / "out"
    last = cases / f"c{count - 1:02d}"
    assert CliRunner().invoke(cli, ["build", str(last), "--out", str(out), "--format", "pdf"]).exit_code == 0
    [folder] = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    process, seen, rest, stderr = _signal_after_first_output(
        [sys.executable, "-m", "casebook", "build", str(cases), "--out", str(out), "--format", "pdf", "-j", "1",
         "--force"])
    assert process.returncode == 143, stderr
    assert stderr.strip().endswith("casebook: interrupted; earlier outputs are unchanged")
    assert (seen + rest).count("wrote") < count  # it stopped early
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before  # the last case untouched
    assert not [p for p in out.rglob("*.part")]  # no temporary file left behind


@pytest.mark.slow
def test_sigterm_stops_a_parallel_batch_without_starting_its_other_jobs(tmp_path, closeness_dir):
    count = 12
    cases, out = _many_cases(tmp_path, closeness_dir, count), tmp_path / "out"
    process, _, _, stderr = _signal_after_first_output(
        [sys.executable, "-m", "casebook", "build", str(cases), "--out", str(out), "--format", "pdf", "-j", "2"])
    assert process.returncode == 143, stderr
    built = list(out.glob("*/*-case-study.pdf"))
    assert len(built) < count  # the queued cases never started: the pool stopped, it did not build on
    assert not list(out.rglob("*.part"))


@pytest.mark.slow
def test_two_builds_into_one_folder_at_once(tmp_path, closeness_dir):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "casebook", "build", str(closeness_dir), "--out", str(out), "-q"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    folder = out / "closeness"
    assert sorted(p.name for p in folder.iterdir()) == ["case.json", "closeness-case-study.html", "closeness-case-study.pdf",
                                                       "closeness-deck.pptx", "closeness-teaching-note.html",
                                                       "closeness-teaching-note.pdf"]
    assert len(pypdf.PdfReader(folder / "closeness-case-study.pdf").pages) > 3
    assert zipfile.ZipFile(folder / "closeness-deck.pptx").testzip() is None


def test_every_problem_of_a_case_is_reported_at_once(tmp_path):
    for name in ("unclosed.txt", "python_tag.txt", "duplicate_key.txt"):
        shutil.copy(FIXTURES / "bad" / name, tmp_path / name)
    with pytest.raises(CaseError) as caught:
        load_case(tmp_path)
    assert [p.path.name for p in caught.value.problems] == ["duplicate_key.txt", "python_tag.txt", "unclosed.txt"]


def test_a_case_with_no_frontmatter_at_all_says_where_its_title_comes_from(tmp_path):
    case = tmp_path / "harbour-notes"
    case.mkdir()
    (case / "kit.txt").write_text("SYNOPSIS\nA ferry keeps running after the town has gone.\n\nNOTES\nShot in 2020.\n")
    loaded = load_case(case)
    assert (loaded.film.title, loaded.slug) == ("harbour-notes", "harbour-notes")
    assert ("title_not_given", {"title": "harbour-notes", "origin": "folder"}) in [
        (w.code, w.params) for w in loaded.warnings]
    assert (f"{case}: warning: no document gives a movieTitle: the case is titled “harbour-notes”, as the case "
            "folder's name") in pipeline.warning_lines(loaded, case)


def test_a_blank_title_beside_a_given_one_is_not_the_case_title(tmp_path):
    (tmp_path / "a.md").write_text(LEDGER.format(title_line="movieTitle: '   '\n", heading="X"))
    (tmp_path / "b.txt").write_text(BUSINESS.format(title="Harbour Lights", heading="T"))
    case = load_case(tmp_path)
    assert case.film.title == "Harbour Lights"
    assert [(w.file, w.params) for w in case.warnings if w.code == "title_from_other_document"] == [
        ("a.md", {"state": "empty", "title": "Harbour Lights", "file": "b.txt"})]
