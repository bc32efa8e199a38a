"""The case study as a PDF: cover, contents, executive summary, the film, strategic analysis,
director's ledger, stakeholder balance sheet, the press quotes ("in their words"), cast and crew,
timeline, where the sources disagree, sources (documents and numbered notes) and, when the case
has any, its gaps.

Every fact in the body carries a small note number, a link to its note under Sources: the file and
lines it comes from (see :mod:`casebook.render.pdf_notes`).

Importing this module is cheap: reportlab is imported only when :func:`render_pdf` runs
(the work is done in :mod:`casebook.render.pdf_build` and :mod:`casebook.render.pdf_style`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casebook.model.case import Case
    from casebook.render.wording import Wording


def render_pdf(case: Case, wording: Wording) -> bytes:
    """Render ``case`` as a PDF and return the whole file as bytes.

    The same case and wording always give the same bytes. Fonts (Open Sans) are embedded as
    subsets; every heading and label comes from ``wording``. The case is read, never changed.
    A section the case has no data for is left out, heading and all.
    """
    from casebook.render.pdf_build import build_pdf

    return build_pdf(case, wording)
