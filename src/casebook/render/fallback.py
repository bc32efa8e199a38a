"""Fallback fonts: a TrueType font of this machine for the characters the theme's fonts cannot draw.

Open Sans draws Latin, Greek and Cyrillic; a student's name in Chinese, say, needs another font. The
machine's fonts are asked through fontconfig (``fc-list``) for one that has the character, and only
TrueType outlines are taken (a font reportlab can embed as a subset). With no such font the character
stays undrawable and ``casebook check`` warns about it (see :mod:`casebook.render.glyphs`).

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
    """TrueType files fontconfig says have ``char``, sorted by path."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        done = subprocess.run(
            ["fc-list", "--format", "%{file}\n", f":charset={ord(char):x}"],
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    files = {Path(line.strip()) for line in done.stdout.splitlines() if line.strip().lower().endswith(_TRUETYPE)}
    return tuple(sorted(files))


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
