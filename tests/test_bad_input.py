"""Bad input is normal input: a clear one-line error naming the place, a non-zero exit, nothing lost."""

from __future__ import annotations

import io
import os
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

from .conftest import FIXTURES

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
    assert result.stderr == f"{tmp_path / 'a.txt'}: cannot be decoded as text (not UTF-8, UTF-16 or a known 8-bit encoding)\n"


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
    assert "the case has no business analysis (categoryName: BUSINESS)" in [w.message for w in case.warnings]
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


def test_sigterm_leaves_no_partial_file(built):
    case, out, before = built
    process = subprocess.Popen([sys.executable, "-m", "casebook", "build", str(case), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.8)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode in (0, 130), stderr
    names = sorted(p.name for p in (out / "closeness").iterdir())
    assert names == sorted(before)  # no .part files left behind
    if process.returncode == 130:
        assert stderr.strip().endswith("casebook: interrupted; earlier outputs are unchanged")


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
