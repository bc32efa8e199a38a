"""The HTML edition: the case study and the teaching note as one self-contained, accessible HTML file each.

Built from the same :class:`~casebook.model.case.Case` as the PDF and in the same outline
(:mod:`casebook.render.outline`): cover, contents, every section, the exhibits (inline SVG with their data as
tables), quotations, cast and crew, timeline, where the sources disagree, sources and notes. Styles are inline,
there are no scripts and no requests to any other host; colours are the theme's where they reach 4.5:1 contrast
(:mod:`casebook.render.html.colors`). Markup and wording are jinja2 templates (``templates/html/``, autoescaped).

Importing this package is cheap: the renderer (and reportlab, for the charts) load only when a page is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casebook.model.case import Case
    from casebook.theme import Theme
    from casebook.wording import Wording


def render_html(case: Case, wording: Wording, theme: Theme | None = None) -> bytes:
    """The case study as an HTML file (UTF-8 bytes); the same input always gives the same bytes."""
    from casebook.render.html.page import build_case_study
    from casebook.theme import default_theme

    return build_case_study(case, wording, theme or default_theme())


def render_html_teaching_note(case: Case, wording: Wording, theme: Theme | None = None) -> bytes:
    """The teaching note as an HTML file (UTF-8 bytes), deterministic like :func:`render_html`."""
    from casebook.render.html.page import build_teaching_note
    from casebook.theme import default_theme

    return build_teaching_note(case, wording, theme or default_theme())
