"""The outline of a case: which sections it has, in what order, with what exhibits; decided once, from the
:class:`~casebook.model.case.Case` alone, by :func:`outline`.

Every edition follows it: the PDF case study and the HTML edition (:func:`by_method`), both decks (the reading
deck and the teaching deck, :meth:`casebook.render.deck.reading._DeckBuilder.sections`), and the teaching note as
a PDF and as HTML (:attr:`Outline.teaching_note`). An edition leaves out, by name, the kinds of section it does
not show (``follow(..., leave_out=...)``, :data:`CASE_STUDY_LEAVES_OUT`, :data:`DECK_LEAVES_OUT`). An edition
that finds nothing to show in a section of the outline leaves it out too, heading and all (the outline lists a
section when the case holds what it is made from; each edition still words and filters that data its own way).

The order is also the order in which the stories number their notes, so ``sources`` comes after every
section that cites one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from casebook.model.case import Case

SectionKind = Literal[
    # the case study
    "business",  # parts of the business analysis that are none of its sections, shown as written
    "executive_summary",
    "film",
    "analysis",
    "ledger",
    "stakeholders",
    "exhibits",
    "quotes",
    "cast",
    "timeline",
    "disagreements",
    "questions",
    "sources",
    "warnings",
    # the teaching note (and "questions", "disagreements")
    "synopsis",
    "objectives",
    "board_plan",
]


@dataclass(frozen=True)
class Section:
    """One section of an edition's outline.

    ``follows``: for the kind ``business``, which part of the business analysis these parts come after (every
    part after it, in the order of the document). ``exhibits``: the numbers of the case's exhibits the section
    shows (the exhibits section) or refers the reader to (the executive summary: the budget against box
    office; the timeline: the exhibit that draws the same dates).
    """

    kind: SectionKind
    follows: str = ""
    exhibits: tuple[int, ...] = ()


@dataclass(frozen=True)
class Outline:
    """The sections of the case study (the PDF, the HTML edition, the decks) and of the teaching note, in order."""

    case_study: tuple[Section, ...]
    teaching_note: tuple[Section, ...]


def outline(case: Case) -> Outline:
    """The outline of ``case``: each section the case has data for, in reading order.

    A section is listed when the case holds what it is made from; the discussion questions, the objectives
    and the board plan, which the templates write, and the sources are always listed.
    """
    money = tuple(e.number for e in case.exhibits if e.kind == "budget_box_office")
    dates = tuple(e.number for e in case.exhibits if e.kind == "timeline")
    film = case.film

    def business(follows: str) -> tuple[Section, bool]:
        told = any(part.follows == follows and part.blocks for part in case.business_sections)
        return Section("business", follows=follows), told

    has: list[tuple[Section, object]] = [
        business("start"),
        (Section("executive_summary", exhibits=money), any(g.facts or g.paragraphs for g in case.executive_summary)),
        business("executive_summary"),
        (Section("film"), any(v is not None for v in (film.director, film.year, film.runtime, film.premiere))
         or film.alternative_titles or film.synopsis),
        (Section("analysis"), case.analysis is not None),
        business("analysis"),
        (Section("ledger"), case.ledger is not None),
        (Section("stakeholders"), case.stakeholders or case.stakeholder_blocks),
        business("stakeholders"),
        (Section("exhibits", exhibits=tuple(e.number for e in case.exhibits)), case.exhibits),
        (Section("quotes"), case.press.quotes),
        (Section("cast"), case.people),
        (Section("timeline", exhibits=dates), case.timeline),
        (Section("disagreements"), case.conflicts),
        (Section("questions"), True),
        (Section("sources"), True),  # after every section that numbers notes
        (Section("warnings"), case.warnings),
    ]
    teaching: list[tuple[Section, object]] = [
        (Section("synopsis"), film.synopsis or any(g.role == "verdict" for g in case.executive_summary)),
        (Section("objectives"), True),
        (Section("questions"), True),
        (Section("board_plan"), True),
        (Section("disagreements"), case.conflicts),
    ]
    return Outline(
        case_study=tuple(section for section, present in has if present),
        teaching_note=tuple(section for section, present in teaching if present),
    )


# What each edition of the case study leaves out: the PDF and the HTML edition leave the discussion questions
# to the teaching note; the decks show neither the cast nor the gaps in the sources.
CASE_STUDY_LEAVES_OUT = frozenset({"questions"})
DECK_LEAVES_OUT = frozenset({"cast", "warnings"})

T = TypeVar("T")


def follow(sections: Sequence[Section], build: Callable[[Section], T], *, leave_out: Collection[str] = ()) -> list[T]:
    """What ``build`` makes of each section, in order, the kinds in ``leave_out`` passed over (each result may
    be empty: the edition found nothing to show)."""
    return [build(section) for section in sections if section.kind not in leave_out]


# The method of a PDF or HTML story that builds a section of each kind, when it is not named as the kind.
_METHODS = {"business": "other_sections", "exhibits": "exhibits_section"}


def by_method(story: Any) -> Callable[[Section], Any]:
    """Build a section with the method of ``story`` named as its kind (``exhibits_section`` for the exhibits),
    the parts of the business analysis with ``other_sections(follows)``: the PDF's and the HTML edition's stories."""

    def build(section: Section) -> Any:
        method = getattr(story, _METHODS.get(section.kind, section.kind))
        return method(section.follows) if section.kind == "business" else method()

    return build
