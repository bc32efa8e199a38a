"""A user's PowerPoint template for the deck: its slide master, layouts, slide size, fonts and colours.

The template is opened with python-pptx; slides it already holds are removed. Layouts are chosen by
the TYPES of their placeholders, never by their names (which differ between templates and languages):

* title slide: a layout with a title (centred title preferred) and a subtitle placeholder; without one,
  a layout with a centred title, or else the content layout, with the subtitle in a text box under the
  title;
* every other slide: a layout with a title placeholder and as few other placeholders as possible (dates,
  footers and slide numbers do not count: python-pptx does not copy them onto slides).

The deck's geometry comes from the chosen layouts: the title where the layout's title placeholder is,
the body where its body placeholder is or, when it has none, in the space under the title, above the
footer placeholders. The footer and slide number go where the layout's footer and slide-number
placeholders are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from casebook.errors import user_error
from casebook.render.deck.fit import EMU_PER_PT
from casebook.render.deck.grid import Grid, Rect
from casebook.render.deck.palette import DeckLook, Palette
from casebook.render.deck.writer import Layouts

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_NOT_COPIED = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
# Space between the title and a body laid out under it, and above the footers (points).
GAP = 12.0
FOOTER_HEIGHT = 20.0


@dataclass
class Template:
    """An opened template: the presentation to add slides to, its layouts and the look they give."""

    prs: object
    layouts: Layouts
    look: DeckLook


def open_template(path: Path, family: str | None = None) -> Template:
    """Open the template at ``path`` for the deck, or raise :class:`CasebookError` saying what it lacks."""
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises many kinds of errors for a damaged file
        raise user_error(path, "deck_template_unreadable", reason=exc) from None
    _remove_slides(prs)
    choices = list(prs.slide_layouts)
    content = _content_layout(choices)
    if content is None:
        raise user_error(path, "deck_template_no_title_layout")
    cover = _cover_layout(choices)
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    grid = _grid(content, cover, width, height)
    look = DeckLook(grid=grid, palette=Palette.of_template(), family=None, template=True)
    has_subtitle = cover is not None and PP_PLACEHOLDER.SUBTITLE in _kinds(cover)
    layouts = Layouts(cover=cover or content, content=content, cover_has_subtitle=has_subtitle)
    return Template(prs=prs, layouts=layouts, look=look)


# --- choosing layouts -----------------------------------------------------------------------------


def _kinds(layout) -> list:
    return [p.placeholder_format.type for p in layout.placeholders]


def _title(layout):
    return next((p for p in layout.placeholders if p.placeholder_format.type in _TITLES), None)


def _others(layout) -> int:
    return sum(1 for k in _kinds(layout) if k not in _TITLES and k not in _NOT_COPIED)


def _content_layout(layouts: list):
    """The layout with a title placeholder and the fewest others; a plain title before a centred one,
    a title wider than tall before a vertical one, then the template's order."""
    candidates = []
    for index, layout in enumerate(layouts):
        title = _title(layout)
        if title is None:
            continue
        kind = title.placeholder_format.type
        upright = (title.width or 0) >= (title.height or 0)
        candidates.append(((_others(layout), kind != PP_PLACEHOLDER.TITLE, not upright, index), layout))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _cover_layout(layouts: list):
    """A layout with a title and a subtitle placeholder (a centred title first, then the fewest others);
    else one with a centred title; else None."""
    candidates = []
    for index, layout in enumerate(layouts):
        kinds = _kinds(layout)
        if not any(k in kinds for k in _TITLES):
            continue
        if PP_PLACEHOLDER.SUBTITLE not in kinds and PP_PLACEHOLDER.CENTER_TITLE not in kinds:
            continue
        key = (PP_PLACEHOLDER.SUBTITLE not in kinds, PP_PLACEHOLDER.CENTER_TITLE not in kinds, _others(layout), index)
        candidates.append((key, layout))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


# --- the grid -------------------------------------------------------------------------------------


def _rect(shape, width: float, height: float) -> Rect | None:
    """The placeholder's rectangle in points, cut to the slide; None when it has no size."""
    if shape is None or None in (shape.left, shape.top, shape.width, shape.height):
        return None
    left, top = max(0.0, shape.left / EMU_PER_PT), max(0.0, shape.top / EMU_PER_PT)
    right = min(width, (shape.left + shape.width) / EMU_PER_PT)
    bottom = min(height, (shape.top + shape.height) / EMU_PER_PT)
    if right - left < 1 or bottom - top < 1:
        return None
    return (round(left, 2), round(top, 2), round(right - left, 2), round(bottom - top, 2))


def _placeholder(layout, kinds) -> object | None:
    return next((p for p in layout.placeholders if p.placeholder_format.type in kinds), None)


def _union(rects: list[Rect]) -> Rect:
    left = min(r[0] for r in rects)
    top = min(r[1] for r in rects)
    right = max(r[0] + r[2] for r in rects)
    bottom = max(r[1] + r[3] for r in rects)
    return (left, top, right - left, bottom - top)


def _grid(content, cover, width: float, height: float) -> Grid:
    margin = round(max(18.0, min(width, height) * 0.05), 2)
    title = _rect(_title(content), width, height) or (margin, margin, width - 2 * margin, 60.0)
    footer = _rect(_placeholder(content, (PP_PLACEHOLDER.FOOTER,)), width, height)
    number = _rect(_placeholder(content, (PP_PLACEHOLDER.SLIDE_NUMBER,)), width, height)
    date = _rect(_placeholder(content, (PP_PLACEHOLDER.DATE,)), width, height)
    if footer is not None and date is not None and date[0] < footer[0] and abs(date[1] - footer[1]) < 4:
        # The deck writes no date: the footer takes the date's room on its left too.
        footer = _union([date, footer])
    footer_top = min([r[1] for r in (footer, number) if r is not None], default=height - margin - FOOTER_HEIGHT)
    if footer is None:
        footer = (title[0], footer_top, (width - 2 * title[0]) * 0.7, FOOTER_HEIGHT)
    if number is None:
        number = (width - title[0] - 120.0, footer_top, 120.0, FOOTER_HEIGHT)
    bodies = [r for r in (_rect(p, width, height) for p in content.placeholders if p.placeholder_format.type in _BODIES) if r]
    if bodies:
        body = _union(bodies)
    else:
        top = title[1] + title[3] + GAP
        body = (title[0], top, title[2], footer_top - GAP - top)
    # The body ends above the footers.
    if body[1] + body[3] > footer_top - 4:
        body = (body[0], body[1], body[2], max(60.0, footer_top - 4 - body[1]))
    eyebrow = (title[0], title[1] - 26.0, title[2], 22.0) if title[1] >= 30.0 else None
    cover_title = (_rect(_title(cover), width, height) if cover is not None else None) or title
    cover_subtitle = _rect(_placeholder(cover, (PP_PLACEHOLDER.SUBTITLE,)), width, height) if cover is not None else None
    if cover_subtitle is None:  # a text box under the title
        top = cover_title[1] + cover_title[3] + GAP
        room = footer_top - GAP - top
        cover_subtitle = (cover_title[0], top, cover_title[2], room) if room >= 40.0 else body
    logo = (width - margin - 140.0, margin * 0.6, 140.0, 48.0)
    return Grid(
        width=width,
        height=height,
        title=title,
        body=body,
        footer_left=footer,
        footer_right=number,
        cover_title=cover_title,
        cover_subtitle=cover_subtitle,
        logo=logo,
        eyebrow=eyebrow,
    )


# --- the template's own slides --------------------------------------------------------------------


def _remove_slides(prs) -> None:
    """Drop the slides the template holds, and the sections and custom shows that list them."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        rid = slide_id.get(qn("r:id"))
        id_list.remove(slide_id)
        prs.part.drop_rel(rid)
    root = prs.part._element
    for shows in root.findall(qn("p:custShowLst")):
        root.remove(shows)
    ext_list = root.find(qn("p:extLst"))
    if ext_list is not None:
        for ext in list(ext_list):
            if any(child.tag.endswith("}sectionLst") for child in ext):
                ext_list.remove(ext)
        if not len(ext_list):
            root.remove(ext_list)
