"""The PDF documents: the case study for students and the teaching note for instructors.

The case study: cover, contents, executive summary, the film, strategic analysis, director's ledger,
stakeholder balance sheet, exhibits, the press quotes ("in their words"), cast and crew, timeline,
where the sources disagree, sources (documents and numbered notes) and, when the case has any, its gaps.
Every fact in the body carries a small note number, a link to its note under Sources: the file and
lines it comes from (see :mod:`casebook.render.pdf.notes`).

The teaching note: synopsis, learning objectives, discussion questions tied to sections and exhibits
with suggested lines of answer, a board plan, and the sources' disagreements as a teaching point.

Both take their look from a :class:`~casebook.theme.Theme` (the bundled default when none is given).
Importing this module is cheap: reportlab is imported only when a PDF is rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casebook.model.case import Case
    from casebook.theme import Theme
    from casebook.wording import Wording


def render_pdf(case: Case, wording: Wording, theme: Theme | None = None) -> bytes:
    """Render ``case`` as a PDF case study and return the whole file as bytes.

    The same case, wording and theme always give the same bytes. Fonts are embedded as subsets;
    every heading and label comes from ``wording``. The case is read, never changed.
    A section the case has no data for is left out, heading and all.
    """
    from casebook.render.pdf.build import build_pdf
    from casebook.render.pdf.style import make_look
    from casebook.theme import default_theme

    return build_pdf(case, wording, make_look(theme or default_theme()))


def render_teaching_note(case: Case, wording: Wording, theme: Theme | None = None) -> bytes:
    """Render the instructor's teaching note of ``case`` as PDF bytes (deterministic, like :func:`render_pdf`)."""
    from casebook.render.pdf.style import make_look
    from casebook.render.pdf.teaching import build_teaching_note
    from casebook.theme import default_theme

    return build_teaching_note(case, wording, make_look(theme or default_theme()))
