"""The deck's colours: an RRGGBB value or a theme colour of the presentation ("@accent1", "@tx1+0.35"),
written as DrawingML or set on python-pptx; the :class:`Palette` of the built-in look or of a template, and
the :class:`DeckLook` (grid, palette, font family) a deck is written in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from lxml import etree
from lxml.etree import SubElement
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml.ns import qn

from casebook.render.deck.drawingml import _LUM_MOD, _LUM_OFF, _SCHEME_CLR, _SRGB_CLR
from casebook.render.deck.grid import DEFAULT_GRID, Grid
from casebook.render.text.fonts import FAMILY

# --- colours --------------------------------------------------------------------------------------
#
# A colour is "RRGGBB", or a theme colour of the presentation: "@accent1", "@tx1+0.35" (35 % lighter),
# "@bg1-0.25" (25 % darker). None leaves the colour to what the text inherits.

_SCHEME = {
    "accent1": MSO_THEME_COLOR.ACCENT_1,
    "accent2": MSO_THEME_COLOR.ACCENT_2,
    "tx1": MSO_THEME_COLOR.TEXT_1,
    "tx2": MSO_THEME_COLOR.TEXT_2,
    "bg1": MSO_THEME_COLOR.BACKGROUND_1,
    "bg2": MSO_THEME_COLOR.BACKGROUND_2,
}
_SCHEME_COLOR = re.compile(r"^@(\w+?)([+-][0-9.]+)?$")


@cache
def _scheme(value: str) -> tuple[str, float] | None:
    match = _SCHEME_COLOR.match(value)
    if match is None:
        return None
    return match.group(1), float(match.group(2) or 0.0)


def color_element(value: str) -> etree._Element:
    """``value`` as an ``a:srgbClr`` or ``a:schemeClr`` element (with lumMod/lumOff for lighter/darker)."""
    scheme = _scheme(value)
    if scheme is None:
        return etree.Element(qn("a:srgbClr"), val=value.upper())
    name, brightness = scheme
    element = etree.Element(qn("a:schemeClr"), val=name)
    if brightness > 0:
        etree.SubElement(element, qn("a:lumMod"), val=str(int(round((1 - brightness) * 100000))))
        etree.SubElement(element, qn("a:lumOff"), val=str(int(round(brightness * 100000))))
    elif brightness < 0:
        etree.SubElement(element, qn("a:lumMod"), val=str(int(round((1 + brightness) * 100000))))
    return element


def add_color(parent: etree._Element, value: str) -> None:
    """Append ``value`` to ``parent`` as :func:`color_element` makes it (what :func:`paint` writes)."""
    scheme = _scheme(value)
    if scheme is None:
        SubElement(parent, _SRGB_CLR).set("val", value.upper())
        return
    name, brightness = scheme
    element = SubElement(parent, _SCHEME_CLR)
    element.set("val", name)
    if brightness > 0:
        SubElement(element, _LUM_MOD).set("val", str(int(round((1 - brightness) * 100000))))
        SubElement(element, _LUM_OFF).set("val", str(int(round(brightness * 100000))))
    elif brightness < 0:
        SubElement(element, _LUM_MOD).set("val", str(int(round((1 + brightness) * 100000))))


def paint(color_format, value: str) -> None:
    """Set a python-pptx ColorFormat to ``value``."""
    scheme = _scheme(value)
    if scheme is None:
        color_format.rgb = RGBColor.from_string(value.upper())
        return
    name, brightness = scheme
    color_format.theme_color = _SCHEME[name]
    if brightness:
        color_format.brightness = brightness


def _mix(a: str, b: str, share: float) -> str:
    """``share`` of colour ``b`` mixed into colour ``a`` (both RRGGBB)."""
    ca = [int(a[i : i + 2], 16) for i in (0, 2, 4)]
    cb = [int(b[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(ca, cb, strict=True))


@dataclass(frozen=True)
class Palette:
    """The colours the deck draws with."""

    ink: str | None  # body text; None: the template's text colour
    muted: str
    accent: str  # eyebrows, bullets, labels, the accent bar and rules
    accent_light: str  # on the cover; the lower bounds of a chart
    table_head: str
    table_head_text: str
    table_band: str
    table_group: str
    table_plain: str
    table_line: str
    chart_light: str  # behind the hatching of an upper bound
    grid_line: str  # chart gridlines
    cover_background: str | None = None  # None: no cover background drawn
    cover_text: str | None = None
    cover_sub: str | None = None
    background: str | None = None  # content slides' background; None: white / the template's

    @classmethod
    def of_theme(cls, colors) -> Palette:
        """The built-in look's colours from a theme's ``colors`` (#RRGGBB strings)."""
        hex_ = {name: getattr(colors, name).lstrip("#").upper() for name in type(colors).model_fields}
        white = "FFFFFF"
        return cls(
            ink=hex_["text"],
            muted=hex_["muted"],
            accent=hex_["primary"],
            accent_light=hex_["accent"],
            table_head=hex_["primary"],
            table_head_text=hex_["background"],
            table_band=hex_["panel"],
            table_group=_mix(hex_["panel"], hex_["primary"], 0.14),
            table_plain=hex_["background"],
            table_line=hex_["rule"],
            chart_light=_mix(hex_["primary"], white, 0.82),
            grid_line=hex_["rule"],
            cover_background=_mix(hex_["primary"], "000000", 0.35),
            cover_text=white,
            cover_sub=_mix(hex_["primary"], white, 0.84),
            background=None if hex_["background"] == white else hex_["background"],
        )

    @classmethod
    def of_template(cls) -> Palette:
        """A template's own theme colours."""
        return cls(
            ink=None,
            muted="@tx1+0.35",
            accent="@accent1",
            accent_light="@accent2",
            table_head="@accent1",
            table_head_text="@bg1",
            table_band="@accent1+0.85",
            table_group="@accent1+0.65",
            table_plain="@bg1",
            table_line="@bg1-0.25",
            chart_light="@accent1+0.8",
            grid_line="@bg1-0.15",
        )


@dataclass(frozen=True)
class DeckLook:
    """How the deck looks: its grid, colours and font family (None: the template's fonts)."""

    grid: Grid = DEFAULT_GRID
    palette: Palette = field(default_factory=lambda: Palette.of_theme(_default_colors()))
    family: str | None = FAMILY
    template: bool = False


def _default_colors():
    from casebook.theme import default_theme

    return default_theme().colors
