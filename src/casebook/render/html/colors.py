"""Colours of the HTML edition: the theme's, each text colour checked against the backgrounds it is set on.

WCAG 2.1 AA asks for a contrast ratio of at least 4.5:1 between text and its background (1.4.3). A pair of the
theme that fails is reported (:func:`contrast_problems`) and the HTML uses the nearest colour that passes: the
text colour moved towards black or white, whichever reaches the ratio, by as little as it takes.

No reportlab, no jinja2: plain arithmetic on ``#RRGGBB`` strings.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.theme import Theme

MINIMUM = 4.5  # WCAG 2.1 AA, normal text
_TARGET = 4.6  # what a replaced colour is moved to: a little above the minimum, against rounding in browsers


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2.1 definition)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def passing(fg: str, backgrounds: tuple[str, ...]) -> str:
    """``fg`` when it reaches the minimum on every one of ``backgrounds``; else the colour nearest it that does."""
    if all(contrast(fg, bg) >= MINIMUM for bg in backgrounds):
        return fg.upper()
    found: list[tuple[int, str]] = []  # (how far it moved, the colour), towards black and towards white
    for end in ("#000000", "#FFFFFF"):
        for step in range(1, 101):
            candidate = mix(fg, end, step / 100)
            if all(contrast(candidate, bg) >= _TARGET for bg in backgrounds):
                found.append((step, candidate))
                break
    best = min(found)[1] if found else None
    if best is None:  # no shade of it passes on all backgrounds: the stronger of black and white
        best = max(("#000000", "#FFFFFF"), key=lambda c: min(contrast(c, bg) for bg in backgrounds))
    return best


@dataclass(frozen=True)
class Problem:
    """A text colour of the theme that does not reach the minimum on a background it is set on."""

    text_key: str  # the theme's key of the text colour (``colors.muted``)
    text: str
    # each background it fails on: the theme's key, or "rows" (table rows: background and rule mixed); the
    # background's colour; the contrast ratio
    grounds: tuple[tuple[str, str, float], ...]
    used: str  # the colour the HTML uses instead


@dataclass(frozen=True)
class Palette:
    """The colours the HTML uses (each text colour passes on each background it is set on)."""

    text: str
    muted: str
    primary: str  # headings, links, note numbers
    on_primary: str  # the text of table heads, set on ``primary``
    background: str
    panel: str  # the label column of fact tables, the teaching note's notice
    zebra: str  # every other row of a data table
    rule: str
    accent: str  # the second series of a chart (not text)


def _backgrounds(theme: Theme) -> dict[str, str]:
    c = theme.colors
    return {"colors.background": c.background, "colors.panel": c.panel,
            "rows": mix(c.background, c.rule, 0.2)}


def _check(theme: Theme) -> tuple[Palette, list[Problem]]:
    c = theme.colors
    grounds = _backgrounds(theme)
    problems: list[Problem] = []
    used: dict[str, str] = {}
    for key in ("text", "muted", "primary"):
        fg = getattr(c, key)
        fixed = passing(fg, tuple(grounds.values()))
        used[key] = fixed
        failed = tuple((ground_key, ground.upper(), contrast(fg, ground)) for ground_key, ground in grounds.items()
                       if contrast(fg, ground) < MINIMUM)
        if failed:
            problems.append(Problem(f"colors.{key}", fg.upper(), failed, fixed))
    # the heads' text is the background colour on the primary one: the same pair as primary text on the page,
    # so it passes once the primary does
    on_primary = passing(c.background, (used["primary"],))
    palette = Palette(text=used["text"], muted=used["muted"], primary=used["primary"], on_primary=on_primary,
                      background=c.background.upper(), panel=c.panel.upper(), zebra=grounds[list(grounds)[2]],
                      rule=c.rule.upper(), accent=c.accent.upper())
    return palette, problems


def palette(theme: Theme) -> Palette:
    """The colours of the HTML edition in ``theme``: the theme's own where they pass, the nearest that pass elsewhere."""
    return _check(theme)[0]


def contrast_problems(theme: Theme) -> list[Problem]:
    """The pairs of ``theme`` whose contrast is under 4.5:1, in a fixed order (none for the bundled theme)."""
    return _check(theme)[1]
