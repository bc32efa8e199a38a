"""The flowables the PDF builders add to a story beyond reportlab's: a paragraph laid out once per width, a
heading that marks its place (bookmark, outline entry, contents line), and the rule that no heading, subtitle
or caption ends a page (:func:`keep_headings_with_text`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus import Paragraph as _ReportlabParagraph

from casebook.render.pdf.markup import clean, esc
from casebook.render.pdf.style import Look

# --- paragraphs laid out once per width ---------------------------------------------------------------


class Paragraph(_ReportlabParagraph):
    """reportlab's paragraph, whose lines are broken once for each width it is given.

    A table measures its cells, splits and draws them; the frame, ``KeepTogether`` and the contents measure
    what they hold: the same paragraph is wrapped at the same width three or four times, and each wrap
    breaks all its lines anew (most of the time a case study takes to lay out). The lines depend on the
    width alone, so the last layout is kept and given back while the width stays the same. A split makes
    new paragraphs, laid out afresh.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self.__dict__.get("_casebook_layout")
        if kept is not None and kept[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = kept
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__ and self.width == availWidth:  # a width too narrow lays nothing out
            self._casebook_layout = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


# --- headings: bookmark, outline entry, contents line ------------------------------------------------


class Heading(Paragraph):
    """A heading that marks its place: a bookmark, an outline entry and, if ``toc``, a contents line.

    ``level`` is the outline level (0 sections, 1 their parts, 2 sub-sections). A heading never
    splits, and :func:`keep_headings_with_text` sees that it never ends a page.
    """

    casebook_keep = True

    def __init__(
        self,
        title: str,
        style: Any,
        *,
        key: str,
        level: int,
        toc: bool,
        look: Look,
        rule: bool = False,
        markup: str | None = None,
    ) -> None:
        super().__init__(esc(title) if markup is None else markup, style)
        self.casebook_title = " ".join(clean(title).split())
        self.casebook_key = key
        self.casebook_level = level
        self.casebook_toc = toc
        self._look = look
        self._rule = rule

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.height <= self._look.frame_height / 2:
            return []  # moves to the next page whole
        # A heading taller than half a page (a parsing accident upstream) splits like a paragraph;
        # its first part keeps the bookmark.
        parts: list[Flowable] = Paragraph(self.text, self.style).split(availWidth, availHeight)
        if parts:
            for name in ("casebook_title", "casebook_key", "casebook_level", "casebook_toc"):
                setattr(parts[0], name, getattr(self, name))
        return parts

    def draw(self) -> None:
        super().draw()
        if self._rule:
            canv = self.canv
            canv.saveState()
            canv.setStrokeColor(self._look.rule)
            canv.setLineWidth(0.6)
            canv.line(0, -7, self.width, -7)
            canv.setStrokeColor(self._look.accent)
            canv.setLineWidth(2.2)
            canv.line(0, -7, 1.6 * cm, -7)
            canv.restoreState()


# --- no heading at the foot of a page ---------------------------------------------------------------


def scratch_canvas(look: Look) -> Canvas:
    """A canvas to measure flowables on before the build; it is never saved."""
    return Canvas(io.BytesIO(), pagesize=look.page_size, initialFontName=look.regular)


def keep(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a subtitle, a byline, a caption) as belonging with what follows, like a heading."""
    flowable.casebook_keep = True  # type: ignore[attr-defined]
    return flowable


def flowable_height(flowable: Flowable, canv: Canvas, look: Look, *, opening: bool = False) -> float:
    """Height of ``flowable`` in the body frame with its spacing; with ``opening``, only of its start
    (three lines of body text: what must fit below a heading).

    An indexing flowable (the contents) is only measured once the document is being built: 0 here.
    A flowable marked ``casebook_whole`` (a chart) has no start of its own: all of it must fit.
    """
    if flowable.isIndexing():
        return 0.0
    _, height = flowable.wrapOn(canv, look.frame_width, look.page_height)
    if opening and not getattr(flowable, "casebook_whole", False):
        height = min(height, 3 * look.body_leading)
    return height + flowable.getSpaceBefore() + (0 if opening else flowable.getSpaceAfter())


def _contents_headings(flowables: Sequence[Flowable]) -> Iterator[Flowable]:
    """The headings marked for the contents, in order, also those inside a container (``KeepTogether``)."""
    for flowable in flowables:
        if getattr(flowable, "casebook_toc", False):
            yield flowable
        inner = getattr(flowable, "_content", None)
        if isinstance(inner, list | tuple):
            yield from _contents_headings(inner)


def keep_headings_with_text(story: Sequence[Flowable], look: Look) -> list[Flowable]:
    """Put a conditional page break before each run of headings (and subtitles, bylines, captions).

    The break fires unless the run and the first lines of what follows fit on the page, so a heading
    never ends a page. Unlike ``keepWithNext``, which keeps a heading with the whole next paragraph
    and leaves a gap when that paragraph is long, the text after the heading may still split.
    """
    scratch = scratch_canvas(look)
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        if not getattr(story[i], "casebook_keep", False):
            out.append(story[i])
            i += 1
            continue
        j = i
        while j < len(story) and getattr(story[j], "casebook_keep", False):
            j += 1
        need = sum(flowable_height(f, scratch, look) for f in story[i:j])
        if j < len(story):
            need += flowable_height(story[j], scratch, look, opening=True)
        out.append(CondPageBreak(need))
        out.extend(story[i:j])
        i = j
    return out
