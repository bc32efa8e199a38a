"""Fallback fonts: a TrueType font of this machine for the characters the theme's fonts cannot draw.

Open Sans draws Latin, Greek and Cyrillic; a student's name in Chinese, say, needs another font. The
machine's fonts are asked through fontconfig (``fc-list``) for one that has the character, and only
TrueType outlines are taken (a font reportlab can embed as a subset). With no such font the character
stays undrawable and ``casebook check`` warns about it (see :mod:`casebook.render.text.glyphs`).

The choice is deterministic for one machine: candidates are sorted by path, and a font already chosen
for one character is tried first for the next.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

_TRUETYPE = (".ttf", ".ttc")


@cache
def _usable(path: Path) -> frozenset[int]:
    """The characters of the font at ``path`` if it has TrueType outlines, else nothing."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            if "glyf" not in font:
                return frozenset()
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError, ValueError, AssertionError):
        return frozenset()


@cache
def _candidates(char: str) -> tuple[Path, ...]:
    """TrueType files fontconfig says have ``char``: upright faces of regular weight and proportional width
    first (body text is set in them), then by path."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        done = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{weight}\t%{slant}\t%{width}\t%{spacing}\n", f":charset={ord(char):x}"],
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    ranked: dict[Path, tuple[int, ...]] = {}
    for line in done.stdout.splitlines():
        fields = line.split("\t")
        if not fields[0].strip().lower().endswith(_TRUETYPE):
            continue
        # fontconfig's scales: weight 80 regular, slant 0 roman, width 100 normal, spacing 0 proportional
        numbers = [_number(f) for f in fields[1:5]] + [0] * (5 - len(fields))
        weight, slant, width, spacing = numbers[:4]
        key = (abs(weight - 80), slant, spacing, abs(width - 100))
        path = Path(fields[0].strip())
        ranked[path] = min(ranked.get(path, key), key)
    return tuple(sorted(ranked, key=lambda p: (ranked[p], str(p))))


def _number(text: str) -> int:
    """The first number of a fontconfig value ("80", "[0 200]"), or 0."""
    digits = "".join(c if c.isdigit() else " " for c in text).split()
    return int(digits[0]) if digits else 0


_chosen: list[Path] = []


def fallback_file(char: str) -> Path | None:
    """A TrueType file of this machine that draws ``char``, or None."""
    for path in _chosen:
        if ord(char) in _usable(path):
            return path
    for path in _candidates(char):
        if ord(char) in _usable(path):
            _chosen.append(path)
            return path
    return None
