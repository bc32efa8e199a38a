"""The class deck: reopen the .pptx with python-pptx and check what a presenter and a class would see.

The cases here are built by hand, so the renderer is tested on its own; the seed cases (and the
beanpole example, when ../shared has it) are rendered through ``casebook.pipeline.load_case`` too.
When LibreOffice is installed the deck is also converted to PDF, and every word it draws must lie
inside a shape of its slide.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from casebook.model.case import (
    Case,
    Claim,
    Conflict,
    Film,
    Press,
    Reading,
)
from casebook.render.deck import render_deck as _render_deck
from casebook.render.deck.fit import EMU_PER_PT, FONT_LINE_FACTOR, Box, Para, Span, clean, frame_height, measure
from casebook.wording import Wording
from tests.builder import (
    BORN,
    BUSINESS,
    CAST_IMPACT,
    KIT,
    LEDGER,
    LONG_QUOTE,
    LONG_TEXT,
    PRESS,
    SENTENCE,
    para,
    ref,
    sample_case,
)
from tests.conftest import ROOT

# --- the case built by hand (tests/builder.py), shown as the reading deck -------------------------


def render_deck(case, wording, theme=None):
    """The reading deck (``--deck full``): these tests are about its slides; the teaching deck, the default, is
    tested in tests/render/deck/test_deck_teach.py."""
    from casebook.theme import default_theme

    theme = theme or default_theme()
    return _render_deck(case, wording, theme.model_copy(update={"deck": theme.deck.model_copy(update={"style": "full"})}))


@pytest.fixture(scope="module")
def case() -> Case:
    return sample_case()


@pytest.fixture(scope="module")
def deck_bytes(case) -> bytes:
    return render_deck(case, Wording(case))


@pytest.fixture(scope="module")
def deck(deck_bytes):
    return Presentation(BytesIO(deck_bytes))


# --- reading the deck back ------------------------------------------------------------------------


def titles(prs) -> list[str]:
    return [slide.shapes.title.text_frame.text for slide in prs.slides]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def all_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def runs(slide):
    for shape in slide.shapes:
        frames = []
        if shape.has_text_frame:
            frames.append(shape.text_frame)
        if shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
        for frame in frames:
            for paragraph in frame.paragraphs:
                yield from paragraph.runs


def tables(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                yield slide, shape


def cells(table) -> list[list[str]]:
    return [[cell.text_frame.text for cell in row.cells] for row in table.rows]


# --- what the slides say --------------------------------------------------------------------------


def test_slide_titles_in_order(deck, case):
    labels = Wording(case).labels
    got = titles(deck)
    assert got[0] == case.title
    assert got[1] == str(labels.agenda)
    assert got[2] == "Investment Profile"  # the outline: the executive summary first, the film after it
    expected_order = [
        "Investment Profile",
        "Strategic Verdict",
        str(labels.the_film),
        "Introduction: The Fulcrum",
        "The Cannes Currency Exchange",
        "Conclusion: The Industrial Lesson",
        case.ledger.title,
        str(labels.ledger_entry(case.ledger.entries[0])),
        str(labels.ledger_entry(case.ledger.entries[1])),
        str(labels.stakeholder_balance_sheet),
        *(str(labels.exhibit_caption(e)) for e in case.exhibits),
        str(labels.in_their_words),
        str(labels.timeline),
        str(labels.disagreements),
        *question_titles(case),
        str(labels.sources),
    ]
    positions = []
    for title in expected_order:
        found = [i for i, t in enumerate(got) if t == title or t.startswith(title + " (")]
        assert found, f"no slide titled {title!r} in {got}"
        positions.append(found[0])
    assert positions == sorted(positions), got


def test_agenda_lists_the_sections(deck, case):
    labels = Wording(case).labels
    agenda = all_text(deck.slides[1])
    for label in (
        "executive_summary",
        "strategic_verdict",
        "strategic_analysis",
        "directors_ledger",
        "stakeholder_balance_sheet",
        "the_film",
        "in_their_words",
        "timeline",
        "disagreements",
        "sources",
        "exhibits",
    ):
        assert str(getattr(labels, label)) in agenda
    assert str(Wording(case).teaching.questions_heading) in agenda


def question_titles(case) -> list[str]:
    wording = Wording(case)
    count = len(wording.teaching.questions)
    return [str(wording.labels.deck_question_title(n, count)) for n in range(1, count + 1)]


def test_verdict_group_has_its_own_slide(deck, case):
    got = titles(deck)
    verdict = deck.slides[got.index("Strategic Verdict")]
    assert "Prestige capital." in all_text(verdict)
    summary = deck.slides[got.index("Investment Profile")]
    assert "Prestige capital." not in all_text(summary)


def test_verdict_slide_skipped_when_absent(case):
    groups = [g for g in case.executive_summary if g.role != "verdict"]
    other = case.model_copy(update={"executive_summary": groups})
    prs = Presentation(BytesIO(render_deck(other, Wording(other))))
    assert "Strategic Verdict" not in titles(prs)
    assert "Strategic Verdict" not in all_text(prs.slides[1])  # nor in the agenda


def test_verdict_is_found_by_role_not_by_title(case):
    """The group whose role is "verdict" gets the verdict slide whatever it is called; a group that is
    only called "Strategic Verdict" stays in the executive summary."""
    profile, verdict = case.executive_summary
    renamed = verdict.model_copy(update={"title": "The Bottom Line"})
    impostor = profile.model_copy(update={"title": "Strategic Verdict"})
    other = case.model_copy(update={"executive_summary": [impostor, renamed]})
    labels = Wording(other).labels
    prs = Presentation(BytesIO(render_deck(other, Wording(other))))
    got = titles(prs)
    assert got.index("Strategic Verdict") < got.index("The Bottom Line")
    assert "Prestige capital." in all_text(prs.slides[got.index("The Bottom Line")])
    assert "Prestige capital." not in all_text(prs.slides[got.index("Strategic Verdict")])
    groups = [profile.model_copy(update={"title": None}), verdict.model_copy(update={"title": None})]
    untitled = case.model_copy(update={"executive_summary": groups})
    got = titles(Presentation(BytesIO(render_deck(untitled, Wording(untitled)))))
    # after the cover and the agenda (the outline: the executive summary first)
    assert got[2:4] == [str(labels.executive_summary), str(labels.strategic_verdict)]


def test_stakeholder_table_cells(deck, case):
    labels = Wording(case).labels
    found = [(s, t) for s, t in tables(deck) if cells(t.table)[0][-1] == str(labels.stakeholder_impact)]
    assert found
    header = cells(found[0][1].table)[0]
    assert header == [
        str(labels.stakeholder_role),
        str(labels.stakeholder_name),
        str(labels.stakeholder_outcome),
        str(labels.stakeholder_impact),
    ]
    body = [row for _, t in found for row in cells(t.table)[1:]]
    names = [row[1] for row in body]
    outcomes = [row[2] for row in body]
    for person in case.stakeholders:
        assert person.name in names
        assert person.outcome.plain in outcomes
    # every continuation slide repeats the header row
    for _, t in found:
        assert cells(t.table)[0] == header


def test_long_table_row_continues_with_repeated_header(deck, case):
    labels = Wording(case).labels
    found = [t for _, t in tables(deck) if cells(t.table)[0][-1] == str(labels.stakeholder_impact)]
    assert len(found) >= 2, "the very long impact should not fit one slide"
    impact = " ".join(row[3] for t in found for row in cells(t.table)[1:] if row[1] == "Дарья Жовнер")
    assert impact.split() == CAST_IMPACT.split()


def test_sources_table_names_every_file(deck, case):
    labels = Wording(case).labels
    found = [t for _, t in tables(deck) if cells(t.table)[0][0] == str(labels.source_id)]
    files = [row[2] for t in found for row in cells(t.table)[1:]]
    assert files == [s.file for s in case.sources]


def test_notes_on_every_slide_name_source_files(deck, case):
    files = {s.file for s in case.sources}
    for number, slide in enumerate(deck.slides, start=1):
        text = notes(slide)
        assert text.strip(), f"slide {number} has no notes"
        assert any(f in text for f in files), f"slide {number}'s notes name no source file:\n{text}"


def test_notes_cite_lines(deck):
    got = titles(deck)
    text = notes(deck.slides[got.index("Investment Profile")])
    assert BUSINESS in text
    assert "lines 8–11" in text  # the group (line 8) and its facts (9, 10, 11), merged
    entry = notes(deck.slides[[i for i, t in enumerate(got) if t.startswith("1.")][0]])
    assert LEDGER in entry and BUSINESS not in entry


def test_bold_and_italic_runs_follow_the_model(deck):
    got = titles(deck)
    slide = deck.slides[got.index("Investment Profile")]
    by_text = {r.text: r for r in runs(slide)}
    assert by_text["Asset Class: "].font.bold is True
    assert by_text["auteur"].font.italic is True
    assert by_text["auteur"].font.bold is False
    assert by_text["no"].font.bold is True
    assert by_text["Micro-budget "].font.bold is False
    verdict = deck.slides[got.index("Strategic Verdict")]
    assert any(r.text == "strategic" and r.font.italic and not r.font.bold for r in runs(verdict))


def test_no_asterisks_or_markup_written(deck):
    for slide in deck.slides:
        assert "**" not in all_text(slide)


def test_special_characters_survive(deck):
    got = titles(deck)
    summary = all_text(deck.slides[got.index("Investment Profile")])
    assert "Micro-budget auteur debut & no café “débuts” …" in summary
    assert "<$1,000,000 USD (Production + minimal P&A)." in summary
    assert "Студия «Пример интонации», AT&T Pictures" in summary
    analysis = "\n".join(all_text(s) for s in deck.slides)
    assert "<b>no</b> & moved on…" in analysis
    assert "Москва, Paris, São Paulo" in analysis


def test_control_characters_are_removed(deck):
    got = titles(deck)
    text = all_text(deck.slides[got.index("Introduction: The Fulcrum")])
    assert "Tab here, bell, escape, nonchar, surrogate end" in text
    assert "_x00" not in text
    with zipfile.ZipFile(BytesIO(render_deck(sample_case(), Wording(sample_case())))) as z:
        for name in z.namelist():
            assert b"_x001B_" not in z.read(name)


def test_clean():
    assert clean("a\x00b\x07c\x1bd\ufffee\uffff\ud800f\tg\r\nh\x0bi") == "abcdef g\nh\ni"


def test_long_text_continues_on_numbered_slides(deck, case):
    labels = Wording(case).labels
    got = titles(deck)
    parts = [t for t in got if t.startswith("The Cannes Currency Exchange")]
    assert len(parts) >= 3, got
    n = len(parts)
    assert parts == [str(labels.continued("The Cannes Currency Exchange", i, n)) for i in range(1, n + 1)]
    shown = "".join(all_text(s) for s in deck.slides if s.shapes.title.text_frame.text in parts)
    assert shown.count("Москва") == LONG_TEXT.count("Москва")


def test_short_case_needs_no_continuation():
    small = sample_case(long=False)
    prs = Presentation(BytesIO(render_deck(small, Wording(small))))
    assert not [t for t in titles(prs) if t.endswith("/2)")]


NOTHING = {
    "ledger": None,
    "stakeholders": [],
    "analysis": None,
    "executive_summary": [],
    "press": Press(),
    "timeline": [],
    "conflicts": [],
    "exhibits": [],
}


def test_sections_without_data_are_skipped(case):
    bare = case.model_copy(update={**NOTHING, "film": Film(title=case.film.title)})
    prs = Presentation(BytesIO(render_deck(bare, Wording(bare))))
    got = titles(prs)
    labels = Wording(bare).labels
    assert got == [bare.title, str(labels.agenda), str(labels.sources)]
    for slide in prs.slides:
        assert notes(slide).strip()


def test_nothing_but_the_title_when_the_case_is_empty(case):
    empty = case.model_copy(update={**NOTHING, "film": Film(title=case.film.title), "sources": []})
    prs = Presentation(BytesIO(render_deck(empty, Wording(empty))))
    assert titles(prs) == [empty.title]


def test_no_empty_slides(deck):
    for number, slide in enumerate(deck.slides, start=1):
        body = [s for s in slide.shapes if s.name == "Body" or s.has_table or s.has_chart]
        if number > 1:
            assert body, f"slide {number} shows nothing but its title"
            for shape in body:
                text = all_text_of(shape)
                assert text.strip(), f"slide {number} has an empty body"


def all_text_of(shape) -> str:
    if shape.has_chart:
        return " ".join(shape.chart.plots[0].categories)
    if shape.has_table:
        return "".join(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
    return shape.text_frame.text


def test_slides_are_16_9(deck):
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_case_is_not_modified(case):
    before = case.model_dump()
    render_deck(case, Wording(case))
    assert case.model_dump() == before


def test_core_properties(deck, case):
    props = deck.core_properties
    assert props.title == case.title
    assert props.subject == str(Wording(case).labels.cover_subtitle(case))
    assert props.author
    assert props.revision == 1


def test_long_title_is_cut_to_255_in_properties(case):
    long = case.model_copy(update={"title": "Очень длинное название " * 30})
    data = render_deck(long, Wording(long))
    prs = Presentation(BytesIO(data))
    assert len(prs.core_properties.title) <= 255
    assert_text_fits(prs)


def test_identical_bytes(case, deck_bytes):
    again = render_deck(sample_case(), Wording(sample_case()))
    assert again == deck_bytes
    with zipfile.ZipFile(BytesIO(deck_bytes)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- the film, the press, the timeline, the disagreements ----------------------------------------


def slides_of(prs, title: str) -> list:
    """The slides titled ``title``, continuation slides included."""
    return [s for s in prs.slides if _is_title(s.shapes.title.text_frame.text, title)]


def _is_title(text: str, title: str) -> bool:
    import re

    return text == title or re.fullmatch(re.escape(title) + r" \(\d+/\d+\)", text) is not None


def test_film_slide(deck, case):
    labels = Wording(case).labels
    (slide,) = slides_of(deck, str(labels.the_film))
    shown = all_text(slide)
    film = case.film
    for value in (
        film.director.value,
        str(film.year),
        str(labels.minutes(film.runtime.minutes)),
        str(labels.premiere(film.premiere)),
        "Зорька",  # the alternative title
        "1998, Нальчик. Ilana works in her father’s garage… until the night. Nobody calls the police – they never do.",
        str(labels.synopsis),
    ):
        assert value in shown, value
    text = notes(slide)
    assert f"{LEDGER}, line 5" in text  # the director
    assert f"{PRESS}, line 2" in text  # the premiere
    assert f"{KIT}, lines 3, 9." in text  # the synopsis, the running time
    assert film.director.value in text


def test_long_synopsis_continues_in_one_column(case):
    film = case.film.model_copy(update={"synopsis": [para(LONG_TEXT, source="S4", line=3)]})
    other = case.model_copy(update={"film": film})
    labels = Wording(other).labels
    prs = Presentation(BytesIO(render_deck(other, Wording(other))))
    slides = slides_of(prs, str(labels.the_film))
    assert len(slides) >= 2
    shown = "\n".join(all_text(s) for s in slides)
    assert shown.count("Москва") == LONG_TEXT.count("Москва")
    assert str(labels.minutes(104)) in all_text(slides[0])
    assert_text_fits(prs)


def test_film_slide_skipped_without_particulars(case):
    other = case.model_copy(update={"film": Film(title=case.film.title)})
    prs = Presentation(BytesIO(render_deck(other, Wording(other))))
    assert str(Wording(other).labels.the_film) not in titles(prs)


def test_quotes_with_their_speakers(deck, case):
    labels = Wording(case).labels
    slides = slides_of(deck, str(labels.in_their_words))
    assert len(slides) >= 2, "the long quote continues on a second slide"
    shown = "\n".join(all_text(s) for s in slides)
    for quote in case.press.quotes[:2]:  # the third has no words to show
        assert str(labels.quote_speaker(quote)) in shown
    assert "Unattributed" in shown  # the quote without a speaker
    assert "We shot it in <b>nine</b> days & nights." in shown  # as text, not markup
    assert shown.split().count("month,") == LONG_QUOTE.split().count("month,")
    for slide in slides:
        assert f"{PRESS}, line" in notes(slide)
    assert "Élodie Márquez" in notes(slides[1])  # the long quote continued names its speaker


def test_quotes_are_not_split_when_they_fit_a_slide(closeness, closeness_deck):
    labels = Wording(closeness).labels
    prs = Presentation(BytesIO(closeness_deck))
    slides = slides_of(prs, str(labels.in_their_words))
    for quote in closeness.press.quotes:
        holders = [s for s in slides if quote.paragraphs[-1][-30:] in all_text(s).replace("\n", " ")]
        first = [s for s in slides if quote.paragraphs[0][:30] in all_text(s)]
        assert holders and first and holders[0] is first[0], str(labels.quote_speaker(quote))


def test_timeline_table_continues_with_its_header(deck, case):
    labels = Wording(case).labels
    slides = slides_of(deck, str(labels.timeline))
    assert len(slides) >= 2
    header = [str(labels.event_when), str(labels.event_kind), str(labels.event_what)]
    body = []
    for slide in slides:
        (table,) = [s for s in slide.shapes if s.has_table]
        rows = cells(table.table)
        assert rows[0] == header
        body.extend(rows[1:])
    kinds = labels.event_kinds
    assert ["20 May 2021", str(kinds["premiered"]), "World premiere."] in body
    # two events told by the same lines are one row
    assert ["4 March 1990", f"{kinds['born']}, {kinds['studied']}", BORN] in body
    texts = " ".join(row[2] for row in body)
    for event in case.timeline:
        assert " ".join(event.text.split()) in " ".join(texts.split())
    said = notes(slides[0]).splitlines()
    assert f"{PRESS}, line" in notes(slides[0])
    # one paragraph of the notes per row
    assert "20 May 2021 (Premiered): World premiere." in said


def disagreement_text(prs, case) -> tuple[str, str]:
    labels = Wording(case).labels
    slides = slides_of(prs, str(labels.disagreements))
    assert slides
    return "\n".join(all_text(s) for s in slides), "\n".join(notes(s) for s in slides)


def test_disagreements_slide(deck, case):
    labels = Wording(case).labels
    shown, said = disagreement_text(deck, case)
    assert str(labels.disagreements_intro) in shown
    for conflict in case.conflicts:
        assert str(labels.conflict_title(conflict)) in shown
        for claim in conflict.claims:
            assert claim.value in shown
            where = str(labels.note_ref(case, claim.source))
            assert where in shown and where in said
    assert "teaching point" in said


def test_closeness_disagreements(closeness, closeness_deck):
    labels = Wording(closeness).labels
    prs = Presentation(BytesIO(closeness_deck))
    shown, said = disagreement_text(prs, closeness)
    assert len(closeness.conflicts) == 4
    for conflict in closeness.conflicts:
        title = str(labels.conflict_title(conflict))
        assert title in shown
        # a conflict that fits one slide is not split from its heading
        holders = [s for s in slides_of(prs, str(labels.disagreements)) if title in all_text(s)]
        assert len(holders) == 1, title
        for claim in conflict.claims:
            where = str(labels.note_ref(closeness, claim.source))
            assert closeness.source(claim.source.source).file in where
            assert where in all_text(holders[0])
            assert " ".join(claim.value.split()) in " ".join(all_text(holders[0]).split())
            assert where in said


def test_beanpole_disagreements(beanpole):
    labels = Wording(beanpole).labels
    prs = Presentation(BytesIO(render_deck(beanpole, Wording(beanpole))))
    shown, said = disagreement_text(prs, beanpole)
    assert len(beanpole.conflicts) == 3
    for conflict in beanpole.conflicts:
        assert str(labels.conflict_title(conflict)) in shown
        for claim in conflict.claims:
            assert str(labels.note_ref(beanpole, claim.source)) in shown


def test_a_conflict_taller_than_a_slide_repeats_its_heading(case):
    claims = [Claim(value=f"Claim {i}: " + SENTENCE * 3, reading=Reading(kind="count", value=i), source=ref("S1", 10 + i))
              for i in range(14)]
    big = Conflict(attribute="box_office", subject="Зорька", claims=claims)
    other = case.model_copy(update={"conflicts": [case.conflicts[0], big, case.conflicts[1]]})
    labels = Wording(other).labels
    prs = Presentation(BytesIO(render_deck(other, Wording(other))))
    slides = slides_of(prs, str(labels.disagreements))
    assert len(slides) >= 3
    title = str(labels.conflict_title(big))
    for slide in slides:
        (table,) = [s for s in slide.shapes if s.has_table]
        rows = cells(table.table)
        assert rows[0] == [str(labels.claim_value), str(labels.claim_source)]
        # every slide starts with a group heading: its first cell spans the table
        assert table.table.cell(1, 0).span_width == 2
        assert rows[1][0] in [str(labels.conflict_title(c)) for c in other.conflicts]
        if rows[1][0] == title:
            assert any(f"Claim {i}:" in all_text(slide) for i in range(14))
    shown = "\n".join(all_text(s) for s in slides)
    for i in range(14):
        assert f"Claim {i}:" in shown
    assert_text_fits(prs)


def test_untitled_source_shows_its_kind_and_file(deck, case):
    labels = Wording(case).labels
    found = [t for _, t in tables(deck) if cells(t.table)[0][0] == str(labels.source_id)]
    rows = {row[0]: row for t in found for row in cells(t.table)[1:]}
    assert rows["S4"] == ["S4", str(labels.kind_names["press_kit"]), KIT, str(labels.deck_untitled)]
    assert "None" not in "".join(rows["S4"])
    said = notes(deck.slides[-1]).splitlines()
    assert any(line.startswith(f"S4: {labels.kind_names['press_kit']}, file {KIT}") for line in said), said
    assert "None" not in notes(deck.slides[-1])


# --- links and alternative text -------------------------------------------------------------------


def agenda_links(prs) -> list[tuple[str, int]]:
    """(entry text, index of the slide it jumps to) for each entry of the agenda slide."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml.ns import qn

    agenda = prs.slides[1]
    index = {id(s.part): i for i, s in enumerate(prs.slides)}
    out = []
    for shape in agenda.shapes:
        if shape.name != "Body":
            continue
        for paragraph in shape.text_frame.paragraphs:
            targets = set()
            for run in paragraph.runs:
                link = run._r.find(qn("a:rPr") + "/" + qn("a:hlinkClick"))
                assert link is not None, f"agenda run {run.text!r} is not a link"
                assert link.get("action") == "ppaction://hlinksldjump"
                rel = agenda.part.rels[link.get(qn("r:id"))]
                assert rel.reltype == RT.SLIDE and not rel.is_external
                targets.add(index[id(rel.target_part)])
            assert len(targets) == 1, paragraph.text
            out.append((paragraph.text, targets.pop()))
    return out


def section_starts(prs, case) -> dict[str, int]:
    """The first slide of each agenda section, found from the slide titles the case should give."""
    labels = Wording(case).labels
    got = titles(prs)
    verdict = next(g for g in case.executive_summary if g.role == "verdict")
    first_group = next(g for g in case.executive_summary if g.role != "verdict")
    first_part = case.analysis.parts[0]
    firsts = {
        str(labels.the_film): str(labels.the_film),
        str(labels.executive_summary): first_group.title,
        str(labels.strategic_verdict): verdict.title,
        str(labels.strategic_analysis): first_part.heading,
        str(labels.directors_ledger): case.ledger.title,
        str(labels.stakeholder_balance_sheet): str(labels.stakeholder_balance_sheet),
        str(labels.in_their_words): str(labels.in_their_words),
        str(labels.timeline): str(labels.timeline),
        str(labels.disagreements): str(labels.disagreements),
        str(labels.exhibits): str(labels.exhibit_caption(case.exhibits[0])),
        str(Wording(case).teaching.questions_heading): question_titles(case)[0],
        str(labels.sources): str(labels.sources),
    }
    return {section: next(i for i, t in enumerate(got) if _is_title(t, title)) for section, title in firsts.items()}


@pytest.mark.parametrize("which", ["sample", "closeness"])
def test_agenda_links_jump_to_the_first_slide_of_each_section(which, deck, case, closeness, closeness_deck):
    prs, model = (deck, case) if which == "sample" else (Presentation(BytesIO(closeness_deck)), closeness)
    links = agenda_links(prs)
    starts = section_starts(prs, model)
    assert len(links) == len(starts)
    for text, target in links:
        section = text.split("   ", 1)[1]
        assert target == starts[section], (text, titles(prs)[target])
    assert links[0][1] == 2  # the slide after the agenda
    assert [t for _, t in links] == sorted(t for _, t in links)


def graphic_frames_and_pictures(prs):
    """(slide number, cNvPr element) of every graphic frame (tables, charts) and picture."""
    from pptx.oxml.ns import qn

    for number, slide in enumerate(prs.slides, start=1):
        tree = slide.shapes._spTree
        for frame in tree.iter(qn("p:graphicFrame")):
            yield number, frame.find(qn("p:nvGraphicFramePr") + "/" + qn("p:cNvPr"))
        for pic in tree.iter(qn("p:pic")):
            yield number, pic.find(qn("p:nvPicPr") + "/" + qn("p:cNvPr"))


@pytest.mark.parametrize("which", ["sample", "closeness", "beanpole"])
def test_every_graphic_frame_has_alt_text(which, request):
    model = sample_case() if which == "sample" else request.getfixturevalue(which)
    prs = Presentation(BytesIO(render_deck(model, Wording(model))))
    found = list(graphic_frames_and_pictures(prs))
    assert found
    for number, cnvpr in found:
        descr = (cnvpr.get("descr") or "").strip()
        assert descr, f"slide {number}: a graphic frame without alternative text"
        assert prs.slides[number - 1].shapes.title.text_frame.text in descr


# --- openxml-audit --------------------------------------------------------------------------------


def audit_errors(path: Path) -> list[str]:
    """The errors openxml-audit (PyPI) finds in ``path``: its Python API when importable, else its command."""
    try:
        from openxml_audit import validate_pptx
    except ImportError:
        command = shutil.which("openxml-audit")
        if command is None:
            pytest.skip("openxml-audit is neither importable nor on PATH (pip install openxml-audit)")
        result = subprocess.run([command, "-o", "json", "-m", "0", str(path)], capture_output=True, text=True, timeout=300)
        report = json.loads(result.stdout)
        return [e["description"] for entry in report for e in entry["errors"] if e.get("severity", "error") == "error"]
    from openxml_audit import ValidationSeverity

    result = validate_pptx(str(path))
    return [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]


@pytest.mark.slow
def test_openxml_audit_check_can_fail(tmp_path):
    """A chart as python-pptx writes it (negative axis ids) is reported: the check above checks something."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    prs = Presentation()
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Emu(3_000_000), Emu(2_000_000), data)
    path = tmp_path / "chart.pptx"
    prs.save(str(path))
    assert audit_errors(path)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["sample", "closeness", "beanpole"])
def test_openxml_audit_finds_no_errors(which, request, tmp_path):
    model = sample_case() if which == "sample" else request.getfixturevalue(which)
    path = tmp_path / f"{which}.pptx"
    path.write_bytes(render_deck(model, Wording(model)))
    assert audit_errors(path) == []


# --- nothing runs outside its shape ---------------------------------------------------------------


def _frames(slide, cell_factor: float = FONT_LINE_FACTOR):
    """(text frame, Box) for every text of the slide, tables cell by cell (their lines ``cell_factor``
    ems apart)."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            frame = shape.text_frame
            yield (
                shape.name,
                frame,
                Box(
                    shape.width / EMU_PER_PT,
                    shape.height / EMU_PER_PT,
                    frame.margin_left / EMU_PER_PT,
                    frame.margin_right / EMU_PER_PT,
                    frame.margin_top / EMU_PER_PT,
                    frame.margin_bottom / EMU_PER_PT,
                ),
            )
        if shape.has_table:
            table = shape.table
            assert sum(r.height for r in table.rows) <= shape.height + 1
            for row in table.rows:
                for c, cell in enumerate(row.cells):
                    if cell.is_spanned:
                        continue  # covered by the merged cell on its left
                    yield (
                        f"{shape.name} cell",
                        cell.text_frame,
                        Box(
                            sum(table.columns[c + i].width for i in range(cell.span_width)) / EMU_PER_PT,
                            row.height / EMU_PER_PT,
                            cell.margin_left / EMU_PER_PT,
                            cell.margin_right / EMU_PER_PT,
                            cell.margin_top / EMU_PER_PT,
                            cell.margin_bottom / EMU_PER_PT,
                            cell_factor,
                        ),
                    )


def assert_text_fits(prs, m=None) -> None:
    """Every shape lies on its slide, and the text of every frame (table cells included) fits its box,
    measured with ``m`` (Open Sans when None) as the renderer measures."""
    m = m or measure()
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= prs.slide_width
            assert shape.top + shape.height <= prs.slide_height
        for name, frame, box in _frames(slide, m.font_factor):
            if not frame.text.strip():
                continue
            assert frame.word_wrap is True, f"slide {number} {name}"
            needed = frame_height(frame, box, m)
            assert needed <= box.height + 0.01, f"slide {number} {name}: needs {needed:.1f} pt of {box.height:.1f}"


def test_every_text_fits_its_shape(deck):
    assert_text_fits(deck)


def test_fit_measure_can_fail():
    m = measure()
    para = Para(spans=(Span("word " * 200),))
    assert not m.fits([para], 20, Box(400, 100))
    assert m.fits([Para(spans=(Span("word"),))], 20, Box(400, 100))


def test_sizes_stay_readable(deck):
    for slide in deck.slides:
        for run in runs(slide):
            assert run.font.size is not None
            assert run.font.size.pt >= 8
        body = [s for s in slide.shapes if s.name == "Body"]
        for shape in body:
            for r in (r for p in shape.text_frame.paragraphs for r in p.runs):
                assert r.font.size.pt >= 14 * 0.75  # headings scale from the body size


def test_fonts_are_named(deck):
    for slide in deck.slides:
        for run in runs(slide):
            assert run.font.name == "Open Sans"


# --- the seeds ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def closeness_deck(closeness):
    return render_deck(closeness, Wording(closeness))


def test_closeness_deck(closeness, closeness_deck):
    prs = Presentation(BytesIO(closeness_deck))
    got = titles(prs)
    labels = Wording(closeness).labels
    assert got[0] == closeness.title
    assert any(t.startswith(str(labels.stakeholder_balance_sheet)) for t in got)
    assert got[-1].startswith(str(labels.sources))
    for person in closeness.stakeholders:
        assert any(person.name in all_text(s) for s in prs.slides)
    files = {s.file for s in closeness.sources}
    for slide in prs.slides:
        assert any(f in notes(slide) for f in files)
    assert_text_fits(prs)
    assert render_deck(closeness, Wording(closeness)) == closeness_deck


def expected_titles(case) -> list[str]:
    """The slide titles the case should give, in order, each once (continuation slides folded in)."""
    labels = Wording(case).labels
    out = [case.title, str(labels.agenda)]
    out += [g.title for g in case.executive_summary if g.role != "verdict"]
    out += [g.title for g in case.executive_summary if g.role == "verdict"]
    out.append(str(labels.the_film))  # the outline: the film after the executive summary
    for part in case.analysis.parts:
        if part.paragraphs or part.points:
            out.append(part.heading)
        out += [s.title for s in part.sections]
    out.append(case.ledger.title)
    out += [str(labels.ledger_entry(e)) for e in case.ledger.entries]
    out += [str(labels.stakeholder_balance_sheet), *(str(labels.exhibit_caption(e)) for e in case.exhibits)]
    out += [str(labels.in_their_words), str(labels.timeline)]
    out += [str(labels.disagreements), *question_titles(case), str(labels.sources)]
    return out


def folded(got: list[str], expected: list[str]) -> list[str]:
    """``got`` with each continuation slide folded into the title it continues."""
    out: list[str] = []
    for title in got:
        match = next((e for e in expected if _is_title(title, e)), title)
        if not out or out[-1] != match or match == title:
            out.append(match)
    return out


def test_closeness_slide_titles_in_order(closeness, closeness_deck):
    prs = Presentation(BytesIO(closeness_deck))
    expected = expected_titles(closeness)
    assert folded(titles(prs), expected) == expected
    labels = Wording(closeness).labels
    sections = [
        labels.executive_summary,
        labels.strategic_verdict,
        labels.the_film,
        labels.strategic_analysis,
        labels.directors_ledger,
        labels.stakeholder_balance_sheet,
        labels.exhibits,
        labels.in_their_words,
        labels.timeline,
        labels.disagreements,
        Wording(closeness).teaching.questions_heading,
        labels.sources,
    ]
    assert [text.split("   ", 1)[1] for text, _ in agenda_links(prs)] == [str(s) for s in sections]


def test_beanpole_deck(beanpole):
    data = render_deck(beanpole, Wording(beanpole))
    prs = Presentation(BytesIO(data))
    assert titles(prs)[0] == beanpole.title
    assert_text_fits(prs)
    files = {s.file for s in beanpole.sources}
    for slide in prs.slides:
        assert notes(slide).strip()
        assert any(f in notes(slide) for f in files)


# --- as LibreOffice draws it ----------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def font_config(folder: Path) -> Path:
    """A fontconfig file that shows LibreOffice the Open Sans the deck is measured with.

    The machine's own fonts stay in (for glyphs Open Sans lacks), so the check does not depend on
    Debian's fonts-open-sans being installed.
    """
    from casebook.render.text.fonts import open_sans

    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(open_sans().regular.parent))}</dir>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <cachedir>{escape(str(folder / 'fc-cache'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def to_pdf(data: bytes, folder: Path) -> Path:
    pptx = folder / "deck.pptx"
    pptx.write_bytes(data)
    env = {**os.environ, "FONTCONFIG_FILE": str(font_config(folder))}
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    pdf = folder / "deck.pdf"
    assert pdf.exists(), "LibreOffice made no PDF"
    return pdf


def words_outside_shapes(pdf: Path, prs) -> list[str]:
    """Words LibreOffice drew outside every shape of their slide (pdftotext -bbox, in points)."""
    import re

    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = out.split("<page ")[1:]
    problems = []
    found = 0
    tolerance = 1.5
    for number, (page, slide) in enumerate(zip(pages, prs.slides, strict=True), start=1):
        rects = [
            (s.left / EMU_PER_PT, s.top / EMU_PER_PT, (s.left + s.width) / EMU_PER_PT, (s.top + s.height) / EMU_PER_PT)
            for s in slide.shapes
            if s.has_text_frame or s.has_table or s.has_chart
        ]
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page):
            found += 1
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            # the glyph box of a line reaches a little above and below its 1.2-em line: compare the middle
            mid = (y0 + y1) / 2
            inside = any(
                r[0] - tolerance <= x0 and x1 <= r[2] + tolerance and r[1] <= mid <= r[3] and y1 <= r[3] + 6 for r in rects
            )
            if not inside:
                problems.append(f"slide {number}: {m.group(5)!r} at {x0:.0f},{y0:.0f}-{x1:.0f},{y1:.0f}")
    assert found, "pdftotext found no words: the check would check nothing"
    return problems


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_draws_every_slide_inside_its_shapes(deck_bytes, deck, tmp_path):
    from pypdf import PdfReader

    pdf = to_pdf(deck_bytes, tmp_path)
    assert len(PdfReader(pdf).pages) == len(deck.slides)
    if PDFTOTEXT is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    assert words_outside_shapes(pdf, deck) == []


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_closeness(closeness, closeness_deck, tmp_path):
    from pypdf import PdfReader

    pdf = to_pdf(closeness_deck, tmp_path)
    prs = Presentation(BytesIO(closeness_deck))
    assert len(PdfReader(pdf).pages) == len(prs.slides)
    # The agenda's links survive as links to the pages that start its sections.
    reader = PdfReader(pdf)
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    targets = set()
    for annotation in reader.pages[1].get("/Annots", []):
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Link" and annotation.get("/Dest"):
            targets.add(pages[annotation["/Dest"][0].idnum])
    assert targets == set(section_starts(prs, closeness).values())
    if PDFTOTEXT is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    assert words_outside_shapes(pdf, prs) == []


def test_emu_helper():
    assert Emu(EMU_PER_PT).pt == 1.0


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_beanpole(beanpole, tmp_path):
    from pypdf import PdfReader

    data = render_deck(beanpole, Wording(beanpole))
    pdf = to_pdf(data, tmp_path)
    prs = Presentation(BytesIO(data))
    assert len(PdfReader(pdf).pages) == len(prs.slides)
    if PDFTOTEXT is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    assert words_outside_shapes(pdf, prs) == []


# --- wording comes from templates -----------------------------------------------------------------


def test_notes_and_labels_follow_user_templates(case, tmp_path):
    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "summary.j2").write_text("Parlez de {{ group }}.\n\n{{ sources[0].file }}\n")
    labels = (ROOT / "templates" / "labels.j2").read_text(encoding="utf-8")
    assert '{% set agenda = "Agenda" %}' in labels
    labels = labels.replace('{% set agenda = "Agenda" %}', '{% set agenda = "Ordre du jour" %}')
    (tmp_path / "labels.j2").write_text(labels, encoding="utf-8")
    wording = Wording(case, [tmp_path])
    prs = Presentation(BytesIO(render_deck(case, wording)))
    got = titles(prs)
    assert got[1] == "Ordre du jour"
    summary = prs.slides[got.index("Investment Profile")]
    assert notes(summary) == f"Parlez de Investment Profile.\n{BUSINESS}"


def test_missing_glyphs_are_measured_wide():
    m = measure()
    # Open Sans has no CJK: a viewer borrows a font whose ideographs are one em wide.
    assert m.width("中文", 10) == pytest.approx(20.0)
    assert m.width("ab", 10) < 12


def test_a_word_longer_than_the_line_is_broken_and_fits():
    m = measure()
    para = Para(spans=(Span("x" * 400),))
    lines = m.lines(para, 20, 300)
    assert len(lines) > 1
    assert "".join(para.text[a:b] for a, b in lines) == para.text
    assert m.breaks_words(para, 20, 300)


def test_extended_properties_describe_the_deck(deck_bytes, deck):
    with zipfile.ZipFile(BytesIO(deck_bytes)) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
    assert "16:9" in app and "4:3" not in app
    assert f"<Slides>{len(deck.slides)}</Slides>" in app


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice or pdftotext is not installed")
def test_libreoffice_check_catches_overflow(tmp_path):
    """The check above can fail: a box given more text than it holds is caught."""
    from casebook.render.deck.writer import DeckWriter

    writer = DeckWriter()
    slide = writer.content_slide(None, Para(spans=(Span("Overflow"),)), 28)
    writer.text_box(slide, (58, 150, 300, 40), [Para(spans=(Span("many words " * 60),))], 20, name="Body")
    data = writer.to_bytes(application="test")
    pdf = to_pdf(data, tmp_path)
    assert words_outside_shapes(pdf, Presentation(BytesIO(data)))
    assert not _fits_everywhere(Presentation(BytesIO(data)))


def _fits_everywhere(prs) -> bool:
    try:
        assert_text_fits(prs)
    except AssertionError:
        return False
    return True


# --- exhibits -------------------------------------------------------------------------------------


def exhibit_slides(prs, case, exhibit) -> list:
    return slides_of(prs, str(Wording(case).labels.exhibit_caption(exhibit)))


def charts(prs):
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_chart:
                yield number, slide, shape


@pytest.mark.parametrize("which", ["sample", "closeness", "beanpole"])
def test_every_exhibit_has_its_slides(which, request):
    model = sample_case() if which == "sample" else request.getfixturevalue(which)
    labels = Wording(model).labels
    prs = Presentation(BytesIO(render_deck(model, Wording(model))))
    got = titles(prs)
    starts = []
    for exhibit in model.exhibits:
        slides = exhibit_slides(prs, model, exhibit)
        assert slides, str(labels.exhibit_caption(exhibit))
        starts.append(got.index(slides[0].shapes.title.text_frame.text))
        files = {model.source(ref.source).file for ref in exhibit.sources}
        for slide in slides:
            assert str(labels.exhibit_sources(model, exhibit)) in all_text(slide)
            assert any(f in notes(slide) for f in files)
            assert str(labels.exhibits) in all_text(slide)  # the section, above the title
    # after the stakeholder balance sheet, before In Their Words, in the order of their numbers
    balance = max(i for i, t in enumerate(got) if _is_title(t, str(labels.stakeholder_balance_sheet)))
    words = min(i for i, t in enumerate(got) if _is_title(t, str(labels.in_their_words)))
    assert balance < starts[0] and starts == sorted(starts) and starts[-1] < words


def test_budget_chart_shows_each_amount(deck, case):
    from pptx.enum.chart import XL_CHART_TYPE

    labels = Wording(case).labels
    exhibit = case.exhibits[0]
    (slide,) = exhibit_slides(deck, case, exhibit)
    (chart,) = [s.chart for s in slide.shapes if s.has_chart]
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories) == [str(labels.bar_label(case, bar)) for bar in exhibit.bars]
    series = {s.name: list(s.values) for s in plot.series}
    assert series == {
        str(labels.deck_series_upper): [1_000_000, None, None, None, 80_000],
        str(labels.deck_series_lower): [None, None, None, 90_000, 50_000],
        str(labels.deck_series_amount): [None, 1_400_000, 130_000, None, None],
    }
    # one label per bar, worded as the PDF words it
    texts = []
    for number in range(len(exhibit.bars)):
        for s in plot.series:
            label = s.points[number].data_label
            if label.has_text_frame:
                texts.append(label.text_frame.text)
    assert texts == ["under 1,000,000", "1,400,000", "about 130,000", "over 90,000", "between 50,000 and 80,000"]
    # upper bounds are hatched, the value axis counts in thousands
    upper = next(s for s in plot.series if s.name == str(labels.deck_series_upper))
    assert upper.format.fill._xPr.find(qn("a:pattFill")) is not None
    assert chart.value_axis.tick_labels.number_format == "#,##0"
    assert chart.value_axis.maximum_scale > 1_400_000
    shown = all_text(slide)
    assert str(labels.deck_bound_note) in shown and str(labels.deck_lower_bound_note) in shown
    said = notes(slide)
    assert "“approximately $130,000” (001_ledger.txt, line 22)" in said


def test_chart_alt_text_names_the_amounts(deck, case):
    found = list(charts(deck))
    assert found
    for _, slide, shape in found:
        descr = shape._element.nvGraphicFramePr.cNvPr.get("descr")
        assert slide.shapes.title.text_frame.text in descr
        assert "under 1,000,000" in descr and "about 130,000" in descr


@pytest.mark.parametrize("which", ["sample", "closeness"])
def test_chart_axis_ids_are_positive(which, request, deck_bytes):
    import re

    data = deck_bytes if which == "sample" else request.getfixturevalue("closeness_deck")
    with zipfile.ZipFile(BytesIO(data)) as z:
        parts = [n for n in z.namelist() if n.startswith("ppt/charts/chart")]
        assert parts
        for name in parts:
            xml = z.read(name).decode("utf-8")
            ids = re.findall(r'<c:(?:axId|crossAx) val="(-?\d+)"', xml)
            assert ids and all(int(i) > 0 for i in ids), name


def test_embedded_workbook_is_deterministic(deck_bytes):
    with zipfile.ZipFile(BytesIO(deck_bytes)) as z:
        books = [n for n in z.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        assert books
        for name in books:
            with zipfile.ZipFile(BytesIO(z.read(name))) as book:
                assert {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
                core = book.read("docProps/core.xml").decode("utf-8")
                assert "2000-01-01T00:00:00Z" in core
                assert str(dt.date.today().year) + "-" not in core


def test_exhibit_timeline_table(deck, case):
    labels = Wording(case).labels
    exhibit = case.exhibits[1]
    slides = exhibit_slides(deck, case, exhibit)
    assert len(slides) >= 2, "the long timeline continues"
    header = [str(labels.exhibit_event_number), str(labels.event_when), str(labels.event_kind), str(labels.event_what)]
    body = []
    for slide in slides:
        (table,) = [s for s in slide.shapes if s.has_table]
        rows = cells(table.table)
        assert rows[0] == header
        body.extend(rows[1:])
    numbers = [row[0] for row in body if row[0]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert ["1", "4 March 1990", f"{labels.event_kinds['born']}, {labels.event_kinds['studied']}", BORN] in body


def test_exhibit_outcome_table(deck, case):
    labels = Wording(case).labels
    (slide,) = exhibit_slides(deck, case, case.exhibits[2])
    (table,) = [s for s in slide.shapes if s.has_table]
    rows = cells(table.table)
    assert rows[0] == [str(labels.stakeholder_role), str(labels.stakeholder_name), str(labels.stakeholder_outcome)]
    assert rows[1:] == [[o.role, o.name, o.outcome] for o in case.exhibits[2].outcomes]


def test_closeness_exhibits_match_the_case(closeness, closeness_deck):
    prs = Presentation(BytesIO(closeness_deck))
    labels = Wording(closeness).labels
    money = next(e for e in closeness.exhibits if e.kind == "budget_box_office")
    (slide,) = exhibit_slides(prs, closeness, money)
    (chart,) = [s.chart for s in slide.shapes if s.has_chart]
    assert list(chart.plots[0].categories) == [str(labels.bar_label(closeness, b)) for b in money.bars]
    shown = [s.points[i].data_label.text_frame.text for s in chart.plots[0].series for i in range(len(money.bars))
             if s.points[i].data_label.has_text_frame]
    assert sorted(shown) == sorted(str(labels.amount_label(b.amount)) for b in money.bars)


# --- discussion questions -------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["sample", "closeness"])
def test_question_slides(which, request, deck):
    model = sample_case() if which == "sample" else request.getfixturevalue("closeness")
    prs = deck if which == "sample" else Presentation(BytesIO(request.getfixturevalue("closeness_deck")))
    wording = Wording(model)
    teaching, labels = wording.teaching, wording.labels
    questions = teaching.questions
    assert questions
    got = titles(prs)
    disagreements = max(i for i, t in enumerate(got) if _is_title(t, str(labels.disagreements)))
    sources = min(i for i, t in enumerate(got) if _is_title(t, str(labels.sources)))
    for title, q in zip(question_titles(model), questions, strict=True):
        (slide,) = slides_of(prs, title)
        assert disagreements < got.index(title) < sources
        shown = " ".join(all_text(slide).split())
        assert " ".join(str(q["ask"]).split()) in shown
        tied = f"{teaching.tied_to}: {teaching.section_names[q['section']]}"
        assert tied in shown
        exhibit = next((e for e in model.exhibits if e.number == q["exhibit"]), None)
        if exhibit is not None:
            assert str(labels.exhibit_label(exhibit)) in shown
        said = notes(slide)
        assert str(teaching.answer_heading) in said
        for line in q["answer"]:
            assert " ".join(str(line).split()) in " ".join(said.split())
            if len(str(line)) > 25:
                assert " ".join(str(line).split()) not in shown, "an answer is on the slide students see"
        files = {s.file for s in model.sources}
        assert any(f in said for f in files)


# --- the theme ------------------------------------------------------------------------------------

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def table_head_fills(prs) -> set[str]:
    out = set()
    for _, shape in tables(prs):
        for cell in shape.table.rows[0].cells:
            out.add(cell.fill._xPr.find(qn("a:solidFill") + "/" + qn("a:srgbClr")).get("val"))
    return out


def test_default_theme_colours(deck):
    from casebook.theme import default_theme

    assert table_head_fills(deck) == {default_theme().colors.primary.lstrip("#").upper()}


@pytest.fixture(scope="module")
def logo(tmp_path_factory) -> Path:
    from PIL import Image

    path = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.new("RGB", (300, 100), (20, 90, 160)).save(path)
    return path


def write_theme(folder: Path, logo: Path, fonts: str = "") -> Path:
    path = folder / "theme.toml"
    path.write_text(
        f'institution = "Школа кино"\nlogo = "{logo}"\n'
        '[colors]\nprimary = "#1B4F72"\naccent = "#D68910"\ntext = "#111111"\nmuted = "#555555"\n'
        'rule = "#CCCCCC"\nbackground = "#FFFFFF"\npanel = "#EAF2F8"\n'
        f"{fonts}"
        "[deck]\nbody_max = 18\nbody_min = 12\ntable_max = 12\ntable_min = 10\n",
        encoding="utf-8",
    )
    return path


def test_theme_colours_sizes_institution_and_logo(case, logo, tmp_path):
    from casebook.theme import load_theme

    theme = load_theme(write_theme(tmp_path, logo))
    prs = Presentation(BytesIO(render_deck(case, Wording(case), theme)))
    assert table_head_fills(prs) == {"1B4F72"}
    cover = prs.slides[0]
    assert "Школа кино" in all_text(cover)
    (picture,) = [s for s in cover.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert "Школа кино" in picture._element.nvPicPr.cNvPr.get("descr")
    assert picture.left + picture.width <= prs.slide_width and picture.top >= 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Body":
                for r in (r for p in shape.text_frame.paragraphs for r in p.runs):
                    assert r.font.size.pt <= 18 * 1.5
            if shape.has_table:
                sizes_ = {r.font.size.pt for row in shape.table.rows for c in row.cells for p in c.text_frame.paragraphs
                          for r in p.runs}
                assert max(sizes_) <= 12
    assert_text_fits(prs)
    found = list(graphic_frames_and_pictures(prs))
    assert all((cnvpr.get("descr") or "").strip() for _, cnvpr in found)


@pytest.mark.slow
@pytest.mark.skipif(not (DEJAVU / "DejaVuSans.ttf").is_file(), reason="DejaVu Sans is not installed")
def test_theme_fonts_are_named_and_measured(case, logo, tmp_path):
    from casebook.render.deck.fit import Measure
    from casebook.render.deck.reading import theme_fonts
    from casebook.theme import load_theme

    fonts = (
        '[fonts]\nfamily = "DejaVu Sans"\n'
        f'regular = "{DEJAVU / "DejaVuSans.ttf"}"\nbold = "{DEJAVU / "DejaVuSans-Bold.ttf"}"\n'
        f'italic = "{DEJAVU / "DejaVuSans-Oblique.ttf"}"\nbold_italic = "{DEJAVU / "DejaVuSans-BoldOblique.ttf"}"\n'
    )
    theme = load_theme(write_theme(tmp_path, logo, fonts))
    data = render_deck(case, Wording(case), theme)
    prs = Presentation(BytesIO(data))
    for slide in prs.slides:
        for run in runs(slide):
            assert run.font.name == "DejaVu Sans"
    m = Measure(theme_fonts(theme))
    assert m.font_factor != measure().font_factor
    assert m.width("Budget against box office", 20) > measure().width("Budget against box office", 20)
    assert_text_fits(prs, m)
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = to_pdf(data, tmp_path)
    assert words_outside_shapes(pdf, prs) == []
