"""The slide grid of the built-in look, in points: where the title, the body, the footers and the cover's
parts go on a 16:9 slide, and table cells' margins; ``pt`` and ``box_of`` turn points into the deck's units.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.util import Emu

from casebook.render.deck.fit import EMU_PER_PT, Box

Rect = tuple[float, float, float, float]  # left, top, width, height in points

# --- the built-in grid, in points (a 16:9 slide is 960 x 540 pt) ---------------------------------

SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN_L, MARGIN_R = 58.0, 58.0
CONTENT_W = SLIDE_W - MARGIN_L - MARGIN_R
BAR_W = 14.0


@dataclass(frozen=True)
class Grid:
    """Where things go on the slides, in points. ``None`` leaves a thing out (a template's slides
    have no accent bar, say)."""

    width: float
    height: float
    title: Rect
    body: Rect
    footer_left: Rect
    footer_right: Rect
    cover_title: Rect
    cover_subtitle: Rect
    logo: Rect  # the box a logo is fitted into, at its top right
    eyebrow: Rect | None = None
    rule: Rect | None = None
    bar_width: float = 0.0
    cover_kind: Rect | None = None
    cover_rule: Rect | None = None
    cover_institution: Rect | None = None  # None: the institution joins the subtitle

    @property
    def content_width(self) -> float:
        return self.body[2]


DEFAULT_GRID = Grid(
    width=SLIDE_W,
    height=SLIDE_H,
    eyebrow=(MARGIN_L, 30.0, CONTENT_W, 24.0),
    title=(MARGIN_L, 54.0, CONTENT_W, 68.0),
    rule=(MARGIN_L, 131.0, 64.0, 3.0),
    body=(MARGIN_L, 150.0, CONTENT_W, 344.0),
    footer_left=(MARGIN_L, 508.0, CONTENT_W - 150.0, 20.0),
    footer_right=(SLIDE_W - MARGIN_R - 140.0, 508.0, 140.0, 20.0),
    bar_width=BAR_W,
    cover_kind=(MARGIN_L + 20, 126.0, CONTENT_W - 40, 26.0),
    cover_title=(MARGIN_L + 20, 156.0, CONTENT_W - 40, 178.0),
    cover_rule=(MARGIN_L + 20, 346.0, 64.0, 3.0),
    cover_subtitle=(MARGIN_L + 20, 362.0, CONTENT_W - 40, 90.0),
    cover_institution=(MARGIN_L + 20, 474.0, CONTENT_W - 200, 28.0),
    logo=(SLIDE_W - MARGIN_R - 150.0, 36.0, 150.0, 64.0),
)

# Room around a logo on its plate (points).
PLATE_PADDING = 8.0

# Table cells: inner margins in points.
CELL_L, CELL_R, CELL_T, CELL_B = 6.0, 6.0, 4.0, 4.0


def pt(value: float) -> Emu:
    return Emu(int(round(value * EMU_PER_PT)))


def box_of(rect: Rect, insets: tuple[float, float, float, float] = (0, 0, 0, 0)) -> Box:
    return Box(rect[2], rect[3], *insets)
