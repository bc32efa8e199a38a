"""The flowables the PDF builders add to a story beyond reportlab's: a paragraph laid out once per width, a
heading that marks its place (bookmark, outline entry, contents line), and the rule that no heading, subtitle
or caption ends a page (:func:`keep_headings_with_text`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus import Paragraph as _ReportlabParagraph

from casebook.render.pdf.markup import clean, esc
from casebook.render.pdf.style import Look
from casebook.render.text.rtl import has_rtl, isolate, reorder_line, starts_rtl, wholly_rtl

# --- paragraphs laid out once per width ---------------------------------------------------------------


class Paragraph(_ReportlabParagraph):
    """reportlab's paragraph, whose lines are broken once for each width it is given, and drawn in display
    order when it holds right-to-left text.

    A table measures its cells, splits and draws them; the frame, ``KeepTogether`` and the contents measure
    what they hold: the same paragraph is wrapped at the same width three or four times, and each wrap
    breaks all its lines anew (most of the time a case study takes to lay out). The lines depend on the
    width alone, so the last layout is kept and given back while the width stays the same. A split makes
    new paragraphs, laid out afresh.

    Right-to-left text comes in logical order (:func:`casebook.render.pdf.style.markup`) and is broken into
    lines as it is; each line is put in display order only when it is drawn (:func:`_drawn_lines`), with the
    paragraph's direction (that of its first strong letter). A paragraph whose every letter is right-to-left
    is set flush right.
    """

    def __init__(self, text: Any, style: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        plain = "".join(getattr(f, "text", "") for f in self.frags)
        self._casebook_rtl = starts_rtl(plain) if has_rtl(plain) else None
        if self._casebook_rtl is not None and wholly_rtl(plain) and self.style.alignment in (TA_LEFT, TA_JUSTIFY):
            self.style = self.style.clone(self.style.name, alignment=TA_RIGHT)

    def draw(self) -> None:
        if getattr(self, "_casebook_rtl", None) is None:
            return super().draw()
        logical = self.blPara
        self.blPara = _drawn_lines(logical, self._casebook_rtl)
        try:
            return super().draw()
        finally:
            self.blPara = logical

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self.__dict__.get("_casebook_layout")
        if kept is not None and kept[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = kept
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__ and self.width == availWidth:  # a width too narrow lays nothing out
            self._casebook_layout = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


def _drawn_lines(para: Any, rtl: bool) -> Any:
    """A paragraph's broken lines (reportlab's ``blPara``) with each line in display order (see
    :func:`casebook.render.text.rtl.reorder_line`); the room left on a line grows by what the direction marks took."""
    if para.kind == 0:  # one font: each line (room left, words), drawn with a space between words
        lines = []
        for room, words in para.lines:
            text = " ".join(words)
            shown = "".join(piece for _, piece in reorder_line([text], rtl))
            width = stringWidth(text, para.fontName, para.fontSize) - stringWidth(shown, para.fontName, para.fontSize)
            lines.append((room + width, shown.split(" ")))
        return para.clone(lines=lines)
    lines = []
    for line in para.lines:  # many fonts: each line a list of fragments with their own font and text
        frags = line.words
        texts = [f.text if getattr(f, "_fkind", 0) == 0 and not hasattr(f, "cbDefn") else None for f in frags]
        # raised text (a note number) is a unit of its own, as in the HTML edition: it stays where it is written
        # rather than joining a right-to-left run it follows
        pieces = [isolate(t, always=True) if t and getattr(f, "rise", 0) else t for f, t in zip(frags, texts, strict=True)]
        shown = [(frags[i], None if texts[i] is None else text) for i, text in reorder_line(pieces, rtl)]
        width = sum(stringWidth(t, f.fontName, f.fontSize) for f, t in zip(frags, texts, strict=True) if t is not None)
        width -= sum(stringWidth(t, f.fontName, f.fontSize) for f, t in shown if t is not None)
        words = [f if t is None else f.clone(text=t) for f, t in shown]
        lines.append(line.clone(words=words, extraSpace=line.extraSpace + width))
    return para.clone(lines=lines)


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
