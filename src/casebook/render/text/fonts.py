"""The fonts both renderers use: Open Sans from the ``ttf-opensans`` package (Latin, Greek, Cyrillic).

Fonts come with ``pip install`` alone, never from the system, so every machine draws the same glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ttf_opensans

FAMILY = "Open Sans"


@dataclass(frozen=True)
class FontFiles:
    """The TrueType files of one family, by style."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def for_style(self, bold: bool, italic: bool) -> Path:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        if italic:
            return self.italic
        return self.regular


@cache
def open_sans() -> FontFiles:
    folder = Path(ttf_opensans.__file__).resolve().parent / "ttf"
    return FontFiles(
        family=FAMILY,
        regular=folder / "OpenSans-Regular.ttf",
        bold=folder / "OpenSans-Bold.ttf",
        italic=folder / "OpenSans-Italic.ttf",
        bold_italic=folder / "OpenSans-BoldItalic.ttf",
    )
