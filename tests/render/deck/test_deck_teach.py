"""The teaching deck (issue 16): short slides whose titles and points come from the source, the full text in the notes.

Checked on every case under ``seeds/``, every example of ``../shared/examples`` (its ``.txt`` files copied) and every
whole-case fixture: no content slide over the theme's word limit (footer excluded), at most ``max_points`` points, and
the notes of every slide hold the full text of what its points summarise.
"""

from __future__ import annotations

import re
import shutil
from io import BytesIO

import pytest
from click.testing import CliRunner
from pptx import Presentation

from casebook.cli import cli
from casebook.pipeline import load_case
from casebook.render.deck import render_deck
from casebook.render.deck.teaching import closed, cut, first_sentence, short_form, words
from casebook.theme import default_theme
from casebook.wording import Wording
from tests.cases.test_coverage import _case_dirs, squash
from tests.conftest import SEEDS

FOOTER = ("Footer", "Slide number")


def styled(**deck):
    theme = default_theme()
    return theme.model_copy(update={"deck": theme.deck.model_copy(update=deck)})


def slide_words(slide) -> int:
    """The words a slide shows, its footer left out; tables cell by cell."""
    n = 0
    for shape in slide.shapes:
        if shape.name in FOOTER:
            continue
        if shape.has_text_frame:
            n += words(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            n += sum(words(cell.text) for row in shape.table.rows for cell in row.cells)
    return n


def body_points(slide) -> list[str]:
    return [p.text for shape in slide.shapes if shape.has_text_frame and shape.name == "Body"
            for p in shape.text_frame.paragraphs if p.text.strip()]


# --- short forms: two phrasings each rule must handle, one it must not ----------------------------------


def test_first_sentence_ends_at_a_full_stop_not_at_an_initial_or_title():
    assert first_sentence("The loan came late. The shoot went ahead anyway.") == "The loan came late."
    assert first_sentence("Dr. Ruiz signed the deal in March. It closed in May.") == "Dr. Ruiz signed the deal in March."
    assert first_sentence("A grant from J. Okafor covered the sound mix. Then came the edit.") == (
        "A grant from J. Okafor covered the sound mix.")
    # a sentence that ends in a short word still ends there
    assert first_sentence("Nobody paid for art. Buyers paid for prizes.") == "Nobody paid for art."
    # no capital after the stop: not a sentence end
    assert first_sentence("It cost 1.5 m. euros in all") == "It cost 1.5 m. euros in all"


def test_short_form_prefers_the_whole_text_then_the_sentence_then_the_clause():
    assert short_form("Sales agents passed on the film.") == ("Sales agents passed on the film.", True)
    long_first = ("The producers kept the budget small: one location, a cast of six, no stunts, no night shoots, "
                  "and a crew that doubled up on every job they could.")
    assert short_form(long_first) == ("The producers kept the budget small", False)
    two = "A streamer bought the rights early. That single sale paid back the cost of the whole production twice."
    assert short_form(two) == ("A streamer bought the rights early.", False)
    # nothing short enough: no short form (the caller cuts with an ellipsis)
    endless = " ".join(["word"] * 30)
    assert short_form(endless) is None
    assert cut(endless, 12, "…") == " ".join(["word"] * 12) + "…"
    assert words(cut("one two three, four five", 3, "…")) == 3
    assert cut("one two three, four five", 3, "…") == "one two three…"


def test_a_shortened_quotation_keeps_its_closing_mark():
    # invented quotations, each wrapped in its language's marks, shortened as a quotation slide shortens them
    english = "“We shot the whole film in nineteen days, in one courtyard, with a borrowed camera and no money.”"
    assert closed(cut(english, 6, "…"), english, "…") == "“We shot the whole film in…”"
    french = "« Le distributeur voulait une fin heureuse. Nous avons refusé, et le film a trouvé son public. »"
    assert closed(first_sentence(french), french, "…") == "« Le distributeur voulait une fin heureuse. »"
    german = "„Die Förderung kam spät, aber sie kam, und ohne sie gäbe es den Film nicht.“"
    assert closed(cut(german, 4, "…"), german, "…") == "„Die Förderung kam spät…“"
    # a clause before a colon stops inside its sentence: the ellipsis says the speaker went on
    clause = "“The story is loosely based on something that happened to my aunt: she never told anyone for years.”"
    head, whole = short_form(clause, 12)
    assert not whole and closed(head, clause, "…") == "“The story is loosely based on something that happened to my aunt…”"
    # a quotation already whole, or shortened with its mark, is left as it is
    assert closed(english, english, "…") == english
    assert closed("“Nineteen days.”", "“Nineteen days.” That was all.", "…") == "“Nineteen days.”"
    # not a quotation in marks: nothing is added
    plain = "We shot the whole film in nineteen days, in one courtyard, with a borrowed camera."
    assert closed(cut(plain, 6, "…"), plain, "…") == "We shot the whole film in…"
    # a text that opens with a mark but does not close with its pair is no quotation in marks
    assert closed("“Nineteen days” was the…", "“Nineteen days” was the schedule they kept to the end", "…") == \
        "“Nineteen days” was the…"


# --- every case -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = []
    for folder in _case_dirs(tmp_path_factory.mktemp("teach")):
        try:
            case = load_case(folder)
        except Exception:  # noqa: BLE001 - a fixture folder of loose documents is no case
            continue
        out.append((folder.name, case, Presentation(BytesIO(render_deck(case, Wording(case))))))
    return out


@pytest.mark.slow
def test_every_case_has_a_teaching_deck(decks):
    names = {name for name, _, _ in decks}
    assert {"closeness", "plain-a", "variant"} <= names


@pytest.mark.slow
def test_a_small_heading_stays_a_heading_not_a_point(decks):
    """The film's "Synopsis" label runs above the synopsis as a heading, as in the reading deck: no bullet."""
    from pptx.oxml.ns import qn

    seen = 0
    for name, case, prs in decks:
        if not case.film.synopsis:
            continue
        for slide in prs.slides:
            for shape in slide.shapes:
                if shape.name != "Body" or not shape.has_text_frame:
                    continue
                for p in shape.text_frame.paragraphs:
                    if p.text.strip() == "Synopsis":
                        ppr = p._p.find(qn("a:pPr"))
                        assert ppr is None or ppr.find(qn("a:buChar")) is None, name
                        seen += 1
    assert seen >= 3  # the seed and the examples with a synopsis


@pytest.mark.slow
def test_no_content_slide_over_the_limits(decks):
    limit, points = default_theme().deck.max_words_per_slide, default_theme().deck.max_points
    over = []
    for name, _, prs in decks:
        for number, slide in enumerate(list(prs.slides)[1:], start=2):
            n, shown = slide_words(slide), body_points(slide)
            figures = [sh for sh in slide.shapes if sh.name == "Key figure"]
            if slide.shapes.title.text == "Agenda":
                shown = []  # the plan of the session: one line per section, links to them
            if n > limit or len(shown) > points or len(figures) > 3:
                over.append(f"{name} slide {number}: {n} words, {len(shown)} points")
    assert not over, "\n".join(over)


@pytest.mark.slow
def test_every_point_is_told_in_full_in_its_slides_notes(decks):
    """A point is the source's words (an ellipsis where it was cut): the notes of its slide hold them, in the full
    text of the paragraph it comes from."""
    missing = []
    for name, _, prs in decks:
        for number, slide in enumerate(list(prs.slides)[1:], start=2):
            notes = squash(slide.notes_slide.notes_text_frame.text)
            if slide.shapes.title.text == "Agenda":
                continue  # the plan of the session summarises no text
            for point in body_points(slide):
                for piece in re.split(r"[…“”()]", point):  # cut here, quoted there, its source beside it
                    if len(squash(piece)) > 1 and squash(piece) not in notes:
                        missing.append(f"{name} slide {number}: {piece!r}")
    assert not missing, "\n".join(missing[:40])


@pytest.mark.slow
def test_every_paragraph_of_the_analysis_and_the_ledger_is_in_the_notes(decks):
    missing = []
    for name, case, prs in decks:
        notes = squash("\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides))
        paragraphs = []
        if case.analysis is not None:
            for part in case.analysis.parts:
                paragraphs += [p.text.plain for p in part.paragraphs] + [p.text.plain for p in part.points]
                for section in part.sections:
                    paragraphs += [p.text.plain for p in section.paragraphs] + [p.text.plain for p in section.points]
        if case.ledger is not None:
            paragraphs += [p.text.plain for e in case.ledger.entries for p in e.paragraphs]
        missing += [f"{name}: {p[:60]!r}" for p in paragraphs if p.strip() and squash(p) not in notes]
    assert not missing, "\n".join(missing[:40])


@pytest.mark.slow
def test_titles_come_from_the_source(decks):
    """On the seed case: a ledger entry's slide is titled by its subtitle; an analysis part by its first sentence."""
    _, case, prs = next(d for d in decks if d[0] == "closeness")
    titles = [s.shapes.title.text for s in prs.slides]
    for entry in case.ledger.entries:
        if entry.subtitle and words(entry.subtitle) <= 12:
            assert entry.subtitle in titles
    intro = case.analysis.parts[0]
    first = first_sentence(intro.paragraphs[0].text.plain)
    assert words(first) <= 12 and first in titles


@pytest.mark.slow
def test_key_figures_are_the_typed_amounts(decks):
    """The seed's business analysis gives the budget as "<$1,000,000 USD" and the box office as "<$150,000 USD": one
    figure of each measure, drawn large, each with its label and the file and line it comes from."""
    _, case, prs = next(d for d in decks if d[0] == "closeness")
    slide = next(s for s in prs.slides if any(sh.name == "Key figure" for sh in s.shapes))
    shown = [sh.text_frame.text.split("\n") for sh in slide.shapes if sh.name == "Key figure"]
    business = next(s.file for s in case.sources if s.kind == "business")
    assert [lines[0] for lines in shown] == ["at most 1 million USD", "at most 150,000 USD"]
    assert [lines[1] for lines in shown] == ["Budget (Business analysis)", "Box office (Business analysis)"]
    assert [lines[2] for lines in shown] == [f"{business}, line 13", f"{business}, line 18"]
    notes = slide.notes_slide.notes_text_frame.text
    assert "<$1,000,000 USD" in notes and "<$150,000 USD" in notes  # the source's own words, in the notes


# --- the limits come from the theme; --deck full keeps the reading deck ------------------------------------


def test_the_theme_sets_the_limits():
    case = load_case(SEEDS / "closeness")
    prs = Presentation(BytesIO(render_deck(case, Wording(case), styled(max_words_per_slide=30, max_points=2))))
    for slide in list(prs.slides)[1:]:
        if not any(sh.name == "Body" and sh.has_text_frame for sh in slide.shapes):
            continue
        if slide.shapes.title.text.startswith(("Agenda", "Question")):
            continue  # never shortened: the plan of the session and the questions, as written
        assert len(body_points(slide)) <= 2


def test_full_deck_and_teaching_deck_from_the_cli(tmp_path):
    runner = CliRunner()
    seed = str(SEEDS / "closeness")
    out = tmp_path / "out"
    deck = out / "closeness" / "closeness-deck.pptx"
    result = runner.invoke(cli, ["build", seed, "--format", "pptx", "--out", str(out), "--deck", "full"])
    assert result.exit_code == 0, result.output
    full = Presentation(str(deck))
    result = runner.invoke(cli, ["build", seed, "--format", "pptx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "up to date" not in result.output  # the deck's style is part of the cache key
    teaching = Presentation(str(deck))
    assert max(slide_words(s) for s in list(full.slides)[1:]) > 100  # the reading deck: whole paragraphs
    assert max(slide_words(s) for s in list(teaching.slides)[1:]) <= 45
    result = runner.invoke(cli, ["build", seed, "--format", "pptx", "--out", str(out)])
    assert "up to date" in result.output
    bad = runner.invoke(cli, ["build", seed, "--deck", "short"])
    assert bad.exit_code == 2


def test_the_teaching_deck_is_byte_identical():
    case = load_case(SEEDS / "closeness")
    assert render_deck(case, Wording(case)) == render_deck(case, Wording(case))


# --- text never overflows its shape -----------------------------------------------------------------------


@pytest.mark.slow
def test_every_text_of_the_teaching_deck_fits_its_shape(decks):
    from tests.render.deck.test_render_deck import assert_text_fits

    for name, _, prs in decks:
        try:
            assert_text_fits(prs)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext is not installed")
def test_libreoffice_draws_every_word_of_the_seed_inside_its_shape(decks, tmp_path):
    from tests.render.deck.test_render_deck import to_pdf, words_outside_shapes

    _, case, prs = next(d for d in decks if d[0] == "closeness")
    data = render_deck(case, Wording(case))
    assert words_outside_shapes(to_pdf(data, tmp_path), Presentation(BytesIO(data))) == []


def test_a_theme_file_chooses_the_style_and_the_limits(tmp_path):
    from casebook.errors import CasebookError
    from casebook.theme import load_theme

    good = tmp_path / "reading.toml"
    good.write_text('[deck]\nstyle = "full"\nmax_words_per_slide = 60\nmax_points = 4\n', encoding="utf-8")
    theme = load_theme(good)
    assert (theme.deck.style, theme.deck.max_words_per_slide, theme.deck.max_points) == ("full", 60, 4)
    assert load_theme(None).deck.style == "teaching"
    bad = tmp_path / "bad.toml"
    bad.write_text('[deck]\nstyle = "slides"\n', encoding="utf-8")
    with pytest.raises(CasebookError, match=r"bad\.toml: deck\.style"):
        load_theme(bad)
