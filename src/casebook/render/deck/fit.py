"""Measuring and fitting text for the deck: no text may run outside its shape.

PowerPoint and LibreOffice do not shrink text written by a program (autofit is only a flag), so the
deck renderer decides every font size and every line break itself. It measures with Pillow, using the
same TrueType files the deck names (the theme's family, per style; Open Sans by default), wraps words into
the frame's width the way a viewer does (greedy, a word wider than the line is broken between
characters), and adds up line heights as the viewers draw them: 1.2 x the size in text boxes, the font's
own height in table cells (both measured on LibreOffice's PDF of a deck: 1.362 em for Open Sans, read
from each family's metrics), plus room for the descenders of the last line.

Nothing here imports python-pptx except :func:`frame_paragraphs`, which reads a written text frame back
so that tests can check what the deck really holds.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from PIL import ImageFont

from casebook.model.case import RichText
from casebook.render.text.fonts import FontFiles, open_sans

EMU_PER_PT = 12700

# Measuring is done a little narrower than the frame: renderers differ by a few per cent in how
# they space glyphs (kerning, hinting), and a line that almost fits must not spill in one of them.
WIDTH_SAFETY = 0.96
# A little air below the last line, in points, for the same reason.
HEIGHT_SAFETY_PT = 2.0
# Single-spaced lines are 1.2 x the font size apart: PowerPoint's rule, and what LibreOffice draws for
# a pptx (measured on its PDF: 22.8 pt between baselines at 19 pt Open Sans).
LINE_FACTOR = 1.2
# In table cells LibreOffice spaces lines by the font's own height, ascender to descender (1.362 em
# for Open Sans; measured 16.3 pt at 12 pt): cells are measured with this factor.
FONT_LINE_FACTOR = 1.362


def overhang(line_factor: float, font_factor: float = FONT_LINE_FACTOR) -> float:
    """How far (in ems) the glyphs of the last line hang below its line box: lines closer than the
    font's own height (``font_factor``) leave its descenders below the last line."""
    return max(0.01, font_factor + 0.01 - line_factor)


_REFERENCE_SIZE = 1000  # measure at 1000 px and scale: widths are then exact to 1/1000 em
_MASK_SIZE = 48  # size used to tell a missing glyph from a real one

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_TOKEN = re.compile(r"\S+[ \t]*|[ \t]+")


def clean(text: str) -> str:
    """Text safe for a pptx text frame.

    Control characters (except tab and newline), U+FFFE, U+FFFF and lone surrogates are dropped;
    carriage returns become newlines, vertical tabs and form feeds newlines too, tabs become spaces
    (a tab in a text frame jumps to a tab stop, which cannot be measured reliably).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = text.replace("\t", " ")
    return _CONTROL.sub("", text)


# --- what gets measured ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of text in one style. ``color`` is an RGB hex string or None for the default."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None
    link: str | None = None  # the anchor of a slide this text jumps to (see DeckWriter.anchor)


def spans_of(text: RichText) -> tuple[Span, ...]:
    """The spans of rich text as the deck writes them: each run cleaned, its italics kept, empty runs left out."""
    return tuple(Span(clean(run.text), italic=run.italic) for run in text.runs if clean(run.text))


@dataclass(frozen=True)
class Para:
    """A paragraph as the deck writes it.

    ``scale`` multiplies the frame's base size (a heading at 1.15 of the body, say), so that one number
    sizes a whole frame. ``space_before``/``space_after`` are in units of the paragraph's own size
    (0.5 = half a line of text). ``bullet`` is the bullet character or None; bulleted paragraphs hang
    at ``indent`` (in units of the size). ``keep_with_next`` keeps a heading on the page of what follows.
    ``source`` carries what the notes of the slide that shows the paragraph should cite.
    """

    spans: tuple[Span, ...]
    scale: float = 1.0
    space_before: float = 0.0
    space_after: float = 0.0
    bullet: str | None = None
    indent: float = 1.1
    keep_with_next: bool = False
    align: str = "left"
    source: object = None
    key: object = None
    fragment: bool = False  # a piece of a paragraph split across slides

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    def size(self, base: float) -> float:
        """The font size in points at frame base size ``base`` (rounded to half points)."""
        return max(1.0, round(base * self.scale * 2) / 2)

    def slice(self, start: int, end: int) -> Para:
        """The paragraph's characters ``start:end``, styles kept."""
        spans: list[Span] = []
        pos = 0
        for span in self.spans:
            lo, hi = max(start, pos), min(end, pos + len(span.text))
            if lo < hi:
                spans.append(replace(span, text=span.text[lo - pos : hi - pos]))
            pos += len(span.text)
        return replace(self, spans=tuple(spans))


@dataclass(frozen=True)
class Box:
    """A text frame: its size and its insets, in points."""

    width: float
    height: float
    inset_left: float = 0.0
    inset_right: float = 0.0
    inset_top: float = 0.0
    inset_bottom: float = 0.0
    line_factor: float = LINE_FACTOR

    @property
    def text_width(self) -> float:
        return self.width - self.inset_left - self.inset_right

    @property
    def text_height(self) -> float:
        return self.height - self.inset_top - self.inset_bottom


# --- the measure ----------------------------------------------------------------------------------


class Measure:
    """Widths and heights of text in one font family, measured with Pillow from the family's TTFs.

    ``width_safety`` is the share of a line's width that text may fill (see :data:`WIDTH_SAFETY`);
    ``font_factor`` is the family's own line height in ems (ascender to descender of the regular
    face), the spacing LibreOffice gives lines in table cells.
    """

    def __init__(self, fonts: FontFiles | None = None, width_safety: float = WIDTH_SAFETY) -> None:
        self.fonts = fonts or open_sans()
        self.width_safety = width_safety
        self._heights: dict[tuple, float] = {}
        self._lines: dict[tuple, list[tuple[int, int]]] = {}
        self._ems: dict[tuple, tuple[float | None, tuple[tuple[float, ...], ...]]] = {}
        ascent, descent = self._font(False, False).getmetrics()
        self.font_factor = round((ascent + descent) / _REFERENCE_SIZE, 3)

    @cache  # noqa: B019 - one Measure lives for the whole process (see measure())
    def _font(self, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.fonts.for_style(bold, italic)), _REFERENCE_SIZE)

    @cache  # noqa: B019
    def _small(self, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.fonts.for_style(bold, italic)), _MASK_SIZE)

    @cache  # noqa: B019
    def _missing(self, char: str, bold: bool, italic: bool) -> bool:
        """True when the font has no glyph for ``char`` (a viewer then borrows another font)."""
        if ord(char) < 0x250:
            return False
        font = self._small(bold, italic)
        notdef = font.getmask("\ue000")
        mask = font.getmask(char)
        return mask.size == notdef.size and bytes(mask) == bytes(notdef)

    @cache  # noqa: B019
    def _em(self, text: str, bold: bool, italic: bool) -> float:
        """Width of ``text`` in ems."""
        font = self._font(bold, italic)
        if text and max(text) < "\u0250":  # Latin: no wide character, no glyph missing (see _missing)
            return font.getlength(text) / _REFERENCE_SIZE
        width = 0.0
        plain: list[str] = []
        for char in text:
            wide = unicodedata.east_asian_width(char) in ("W", "F")
            if wide or self._missing(char, bold, italic):
                # A borrowed glyph: count it as a full em (CJK ideographs are one em wide).
                width += 1.0
            else:
                plain.append(char)
        if plain:
            width += font.getlength("".join(plain)) / _REFERENCE_SIZE
        return width

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        """Width of ``text`` in points at ``size`` points."""
        if not text:
            return 0.0
        return self._em(text, bold, italic) * size

    # --- wrapping ---------------------------------------------------------------------------------

    def lines(self, para: Para, size: float, width: float) -> list[tuple[int, int]]:
        """Wrap ``para`` at ``size`` into ``width`` points; the lines as (start, end) offsets."""
        key = _lines_key(para, size, width)
        cached = self._lines.get(key)
        if cached is None:
            cached = self._lines[key] = self._lines_of(para, size, width)
        return cached

    def _remember(self, para: Para, size: float, width: float, lines: list[tuple[int, int]]) -> None:
        """Record the lines of a piece cut from a wrapped paragraph: wrapping restarts at every line."""
        if len(self._lines) > 20_000:
            self._lines.clear()
        self._lines[_lines_key(para, size, width)] = lines

    def _lines_of(self, para: Para, size: float, width: float) -> list[tuple[int, int]]:
        text = para.text
        usable = width * self.width_safety
        if para.bullet:
            usable -= para.indent * size
        styles = _styles(para)
        lines: list[tuple[int, int]] = []
        for start, end in _hard_lines(text):
            lines.extend(self._wrap(text, styles, start, end, size, usable))
        return lines

    def breaks_words(self, para: Para, size: float, width: float) -> bool:
        """True when a word of ``para`` is wider than the line and must be broken between letters."""
        usable = width * self.width_safety - (para.indent * size if para.bullet is not None else 0.0)
        widest, mixed = self._word_ems(para)
        # A word in one style is as wide as its ems times the size (the widest is the one to check);
        # a word of several styles adds up its stretches at the size, as _span_width does.
        if widest is not None and widest * size > usable:
            return True
        for ems in mixed:
            width_ = 0.0
            for em in ems:
                width_ += em * size
            if width_ > usable:
                return True
        return False

    def _word_ems(self, para: Para) -> tuple[float | None, tuple[tuple[float, ...], ...]]:
        """The widest word of ``para`` that is in one style (in ems; None if none is), and the widths in
        ems of the stretches of each word of several styles."""
        key = para.spans
        cached = self._ems.get(key)
        if cached is None:
            text = para.text
            starts, kinds = _styles(para)
            widest: float | None = None
            mixed: list[tuple[float, ...]] = []
            for start, end in _words(text):
                run = bisect_right(starts, start) - 1
                if run + 1 >= len(starts) or starts[run + 1] >= end:  # one style
                    em = self._em(text[start:end], *kinds[run])
                    widest = em if widest is None else max(widest, em)
                    continue
                ems = []
                pos = start
                while pos < end:
                    run += 1
                    stop = min(starts[run], end) if run < len(starts) else end
                    ems.append(self._em(text[pos:stop], *kinds[run - 1]))
                    pos = stop
                mixed.append(tuple(ems))
            if len(self._ems) > 20_000:
                self._ems.clear()
            cached = self._ems[key] = (widest, tuple(mixed))
        return cached

    def _span_width(self, text: str, styles: _Runs, start: int, end: int, size: float) -> float:
        """Width of ``text[start:end]``: the sum of its stretches of one style, each measured whole."""
        starts, kinds = styles
        if len(starts) == 1:  # one style throughout: one stretch
            if start == end:
                return 0.0
            bold, italic = kinds[0]
            return self.width(text[start:end], size, bold, italic)
        width = 0.0
        run = bisect_right(starts, start) - 1
        pos = start
        while pos < end:
            run += 1
            stop = min(starts[run], end) if run < len(starts) else end
            bold, italic = kinds[run - 1]
            width += self.width(text[pos:stop], size, bold, italic)
            pos = stop
        return width

    def _wrap(self, text: str, styles: _Runs, start: int, end: int, size: float, usable: float) -> list[tuple[int, int]]:
        if start == end:
            return [(start, end)]
        lines: list[tuple[int, int]] = []
        line_start = start
        line_width = 0.0  # width up to the end of the last token, trailing spaces included
        single = len(styles[0]) == 1  # one style throughout: a token is measured whole (as _span_width does)
        em, (bold, italic) = self._em, styles[1][0]
        for match in _TOKEN.finditer(text, start, end):
            t_start, t_end = match.span()
            token = match.group()
            word = token.rstrip(" \t")
            word_end = t_start + len(word)
            if single:
                word_width = em(word, bold, italic) * size if word else 0.0
                full_width = em(token, bold, italic) * size
            else:
                word_width = self._span_width(text, styles, t_start, word_end, size)
                full_width = self._span_width(text, styles, t_start, t_end, size)
            if line_width + word_width <= usable or (word_end == t_start and line_start < t_start):
                line_width += full_width
                continue
            if line_start < t_start:
                lines.append((line_start, t_start))
                line_start, line_width = t_start, 0.0
            if word_width <= usable:
                line_width = full_width
                continue
            # A word wider than the line: break it between characters.
            pos = t_start
            while pos < word_end:
                cut = pos + 1
                while cut < word_end and self._span_width(text, styles, pos, cut + 1, size) <= usable:
                    cut += 1
                if cut < word_end:
                    lines.append((pos, cut))
                    pos = cut
                else:
                    break
            line_start = pos
            line_width = self._span_width(text, styles, pos, t_end, size)
        lines.append((line_start, end))
        return lines

    def para_height(self, para: Para, base: float, width: float, line_factor: float = LINE_FACTOR) -> float:
        key = (para.spans, para.scale, para.space_before, para.space_after, para.bullet, para.indent, base, width, line_factor)
        height = self._heights.get(key)
        if height is None:
            size = para.size(base)
            lines = len(self.lines(para, size, width))
            height = (para.space_before + para.space_after) * size + lines * line_factor * size
            if len(self._heights) > 100_000:
                self._heights.clear()
            self._heights[key] = height
        return height

    def height(self, paras: Sequence[Para], base: float, box: Box) -> float:
        """Height the paragraphs need in ``box`` at base size ``base``, insets included."""
        text = sum(self.para_height(p, base, box.text_width, box.line_factor) for p in paras)
        hang = overhang(box.line_factor, self.font_factor) * max((p.size(base) for p in paras), default=0.0)
        return text + hang + box.inset_top + box.inset_bottom + HEIGHT_SAFETY_PT

    def fits(self, paras: Sequence[Para], base: float, box: Box) -> bool:
        return self.height(paras, base, box) <= box.height

    # --- fitting ----------------------------------------------------------------------------------

    def largest_fit(self, paras: Sequence[Para], box: Box, sizes: Sequence[float]) -> float | None:
        """The first size of ``sizes`` (largest first) at which ``paras`` fit ``box``, or None."""
        for size in sizes:
            if self.fits(paras, size, box):
                return size
        return None

    def paginate(self, paras: Sequence[Para], box: Box, sizes: Sequence[float]) -> tuple[float, list[list[Para]]]:
        """Share ``paras`` out over as few boxes as needed; returns the base size and the pages.

        If everything fits one box at some size of ``sizes`` (largest first), that is the answer.
        Otherwise the paragraphs are packed in order, headings kept with what follows and a paragraph
        taller than a box split between lines: the pages are as few as the smallest size allows, at
        the largest size that needs no more pages than that, so continuation slides share one size.
        """
        listed = list(paras)
        return self._paginate(listed, box, sizes, lambda size: self._pack(listed, box, size))

    def paginate_blocks(
        self, blocks: Sequence[Sequence[Para]], box: Box, sizes: Sequence[float]
    ) -> tuple[float, list[list[Para]]]:
        """Like :meth:`paginate`, but each block (a quotation and its speaker, say) starts a new box
        rather than be split, unless it is too tall for a box of its own."""
        blocks = [list(b) for b in blocks if b]
        return self._paginate([p for b in blocks for p in b], box, sizes, lambda size: self._pack_blocks(blocks, box, size))

    def _paginate(self, paras: list[Para], box: Box, sizes: Sequence[float],
                  pack: Callable[[float], list[list[Para]]]) -> tuple[float, list[list[Para]]]:
        """:meth:`paginate` and :meth:`paginate_blocks`, which differ only in how they ``pack`` the paragraphs
        into boxes at a size."""
        if not paras:
            return sizes[0], []
        # Sizes at which no word is broken between letters come first; the floor is always there.
        sizes = [s for s in sizes[:-1] if not any(self.breaks_words(p, p.size(s), box.text_width) for p in paras)] + [sizes[-1]]
        single = self.largest_fit(paras, box, sizes)
        if single is not None:
            return single, [paras]
        fewest = len(pack(sizes[-1]))
        for size in sizes:
            pages = pack(size)
            if len(pages) <= fewest:
                return size, pages
        return sizes[-1], pack(sizes[-1])  # pragma: no cover - the loop ends there

    def _pack_blocks(self, blocks: list[list[Para]], box: Box, base: float) -> list[list[Para]]:
        pages: list[list[Para]] = []
        page: list[Para] = []
        for block in blocks:
            if self.fits([*page, *block], base, box):
                page.extend(block)
            elif page and self.fits(block, base, box):
                pages.append(page)
                page = list(block)
            else:
                # Too tall for a box of its own: it flows on from where the page stands.
                flowed = self._pack([*page, *block], box, base)
                pages.extend(flowed[:-1])
                page = flowed[-1]
        if page:
            pages.append(page)
        return pages

    def _pack(self, paras: list[Para], box: Box, base: float) -> list[list[Para]]:
        pages: list[list[Para]] = []
        page: list[Para] = []
        queue = list(paras)
        while queue:
            para = queue.pop(0)
            if self.fits([*page, para], base, box):
                page.append(para)
                continue
            # Does not fit: move a trailing heading with it, or split it, or start a new page.
            held: list[Para] = []
            while page and page[-1].keep_with_next and len(page) > 1:
                held.insert(0, page.pop())
            if held:
                pages.append(page)
                page = []
                queue[0:0] = [*held[1:], para]
                para = held[0]
                page.append(para)
                continue
            first, rest = self._split(page, para, base, box)
            if first is not None:
                page.append(first)
                pages.append(page)
                page = []
                queue.insert(0, rest)
                continue
            if page:
                pages.append(page)
                page = []
                queue.insert(0, para)
                continue
            # A single paragraph with nothing that fits on an empty page: cannot happen with a sane
            # box, but never loop: take it as it is.
            page.append(para)  # pragma: no cover
        if page:
            pages.append(page)
        return pages

    def _split(self, page: list[Para], para: Para, base: float, box: Box) -> tuple[Para | None, Para]:
        """Split ``para`` so that its first lines fill what is left of ``page``; (None, para) if none fit.

        A paragraph is split only when it is too tall for an empty box, or when at least three of
        its lines fit where it is (fewer would leave a stub at the foot of the slide).
        """
        size = para.size(base)
        lines = self.lines(para, size, box.text_width)
        alone_fits = self.fits([para], base, box)
        if alone_fits and page:
            min_lines = 3
        elif alone_fits:
            return None, para  # pragma: no cover - it would have fitted the empty page
        else:
            min_lines = 1

        def head(count: int) -> Para:
            cut = lines[count][0]
            first = para.slice(0, cut)
            first = replace(first, spans=_rstrip_spans(first.spans), space_after=0.0, keep_with_next=False, fragment=True)
            length = len(first.text)
            self._remember(first, size, box.text_width, [(a, min(b, length)) for a, b in lines[:count]])
            return first

        # The most lines that still fit: fitting only gets harder with more lines, so search halves.
        lo, hi = min_lines, len(lines) - 1
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.fits([*page, head(mid)], base, box):
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        if best is None:
            return None, para
        cut = lines[best][0]
        rest = replace(para.slice(cut, len(para.text)), space_before=0.0, fragment=True)
        if para.bullet:
            rest = replace(rest, bullet="")  # the rest hangs at the indent, without a second bullet
        self._remember(rest, size, box.text_width, [(a - cut, b - cut) for a, b in lines[best:]])
        return head(best), rest

    # --- one line that must fit -------------------------------------------------------------------

    def shorten(self, para: Para, box: Box, base: float, ellipsis: str) -> Para:
        """``para`` cut at a word and ended with ``ellipsis`` so that it fits ``box`` at ``base``."""
        if self.fits([para], base, box):
            return para
        text = para.text
        cuts = [m.start() for m in re.finditer(r"\s+", text)] or list(range(len(text)))
        for cut in reversed(cuts):
            shorter = para.slice(0, cut)
            spans = [*_rstrip_spans(shorter.spans), Span(ellipsis, *_last_style(shorter))]
            candidate = replace(shorter, spans=tuple(spans))
            if self.fits([candidate], base, box):
                return candidate
        for cut in range(len(text) - 1, 0, -1):
            shorter = para.slice(0, cut)
            candidate = replace(shorter, spans=(*shorter.spans, Span(ellipsis, *_last_style(shorter))))
            if self.fits([candidate], base, box):
                return candidate
        return replace(para, spans=(Span(ellipsis),))


def _lines_key(para: Para, size: float, width: float) -> tuple:
    return (para.spans, size, width, para.bullet is not None, para.indent)


def _last_style(para: Para) -> tuple[bool, bool, str | None]:
    if not para.spans:
        return False, False, None
    last = para.spans[-1]
    return last.bold, last.italic, last.color


def _rstrip_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    out = list(spans)
    while out:
        stripped = out[-1].text.rstrip()
        if stripped:
            out[-1] = replace(out[-1], text=stripped)
            break
        out.pop()
    return tuple(out)


# The styles of a paragraph's text: where each stretch of one style (bold, italic) starts, and its style.
_Runs = tuple[list[int], list[tuple[bool, bool]]]


def _styles(para: Para) -> _Runs:
    starts: list[int] = []
    kinds: list[tuple[bool, bool]] = []
    pos = 0
    for span in para.spans:
        if span.text:
            style = (span.bold, span.italic)
            if not kinds or kinds[-1] != style:
                starts.append(pos)
                kinds.append(style)
            pos += len(span.text)
    return (starts or [0]), (kinds or [(False, False)])


_WORD = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of the words of ``text``."""
    return tuple(match.span() for match in _WORD.finditer(text))


def _hard_lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    end = text.find("\n")
    while end >= 0:
        out.append((start, end))
        start = end + 1
        end = text.find("\n", start)
    out.append((start, len(text)))
    return out


@cache
def measure() -> Measure:
    """The process-wide measure for Open Sans."""
    return Measure()


@cache
def measure_for(fonts: FontFiles | None = None, width_safety: float = WIDTH_SAFETY) -> Measure:
    """The process-wide measure for ``fonts`` (Open Sans when None) at ``width_safety``."""
    if (fonts is None or fonts == open_sans()) and width_safety == WIDTH_SAFETY:
        return measure()
    return Measure(fonts, width_safety)


def sizes(largest: float, smallest: float, step: float = 1.0) -> list[float]:
    """Font sizes from ``largest`` down to ``smallest``."""
    out: list[float] = []
    size = largest
    while size >= smallest - 1e-9:
        out.append(round(size, 2))
        size -= step
    return out


# --- reading a written text frame back ------------------------------------------------------------


def frame_paragraphs(text_frame: object) -> list[tuple[Para, float]]:
    """The paragraphs of a python-pptx text frame as (Para, size in pt), for checking what was written.

    Reads sizes, bold/italic, line breaks, spacing (points) and bullet indents from the XML.
    """
    from pptx.oxml.ns import qn

    out: list[tuple[Para, float]] = []
    for p in text_frame._txBody.findall(qn("a:p")):  # type: ignore[attr-defined]
        spans: list[Span] = []
        size = None
        for child in p:
            if child.tag == qn("a:r"):
                rpr = child.find(qn("a:rPr"))
                text = child.findtext(qn("a:t")) or ""
                bold = rpr is not None and rpr.get("b") == "1"
                italic = rpr is not None and rpr.get("i") == "1"
                if rpr is not None and rpr.get("sz"):
                    size = max(size or 0.0, int(rpr.get("sz")) / 100)
                spans.append(Span(text, bold, italic))
            elif child.tag == qn("a:br"):
                spans.append(Span("\n"))
        end = p.find(qn("a:endParaRPr"))
        if size is None and end is not None and end.get("sz"):
            size = int(end.get("sz")) / 100
        size = size or 18.0
        ppr = p.find(qn("a:pPr"))
        before = after = 0.0
        bullet = None
        indent = 0.0
        if ppr is not None:
            pts = ppr.find(qn("a:spcBef") + "/" + qn("a:spcPts"))
            if pts is not None:
                before = int(pts.get("val")) / 100
            pts = ppr.find(qn("a:spcAft") + "/" + qn("a:spcPts"))
            if pts is not None:
                after = int(pts.get("val")) / 100
            if ppr.get("marL"):
                indent = int(ppr.get("marL")) / EMU_PER_PT
                if indent:
                    bullet = "indent"
        para = Para(
            spans=tuple(spans),
            space_before=before / size,
            space_after=after / size,
            bullet=bullet,
            indent=indent / size,
        )
        out.append((para, size))
    return out


def frame_height(text_frame: object, box: Box, m: Measure | None = None) -> float:
    """Height the written text frame needs, measured like the renderer measures (with ``m``, Open Sans
    when None)."""
    m = m or measure()
    paras = frame_paragraphs(text_frame)
    total = box.inset_top + box.inset_bottom + HEIGHT_SAFETY_PT
    total += overhang(box.line_factor, m.font_factor) * max((size for _, size in paras), default=0.0)
    for para, size in paras:
        total += m.para_height(replace(para, scale=1.0), size, box.text_width, box.line_factor)
    return total
