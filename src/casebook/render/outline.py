"""The outline of each edition: which sections, in which order. The PDF and the HTML edition both follow it.

Each entry names a method of the edition's story (``other_sections:X`` calls ``other_sections("X")``, the parts
of the business analysis that follow section X). The order is also the order in which the stories number their
notes, so ``sources`` comes after every section that cites one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CASE_STUDY = (
    "other_sections:start",
    "executive_summary",
    "other_sections:executive_summary",
    "film",
    "analysis",
    "other_sections:analysis",
    "ledger",
    "stakeholders",
    "other_sections:stakeholders",
    "exhibits_section",
    "quotes",
    "cast",
    "timeline",
    "disagreements",
    "sources",  # after every section that numbers notes
    "warnings",
)

TEACHING_NOTE = ("synopsis", "objectives", "questions", "board_plan", "disagreements")


def build_sections(story: Any, outline: tuple[str, ...]) -> list[Any]:
    """Each section of ``outline`` built by ``story``, in order (each one may be empty)."""
    out = []
    for entry in outline:
        name, _, argument = entry.partition(":")
        method: Callable[..., Any] = getattr(story, name)
        out.append(method(argument) if argument else method())
    return out
