"""Right-to-left text (Arabic, Persian, Hebrew, …) for renderers that only lay text out left to right.

reportlab draws the characters of a string one after the other, left to right, each in its isolated
form: an Arabic name comes out unjoined and backwards. Before a string reaches it, :func:`visual` gives
it in *visual* order with Arabic letters in their joined forms:

1. Arabic-script letters become their contextual presentation forms (initial, medial, final, isolated;
   the lam-alef ligatures), Persian letters included: ``arabic-reshaper``. Diacritics are kept.
2. The Unicode bidirectional algorithm (UAX #9, ``python-bidi``, a wrapper of the Rust ``unicode-bidi``
   crate) puts every run in display order; the paragraph's direction is that of its first strong letter.

Measured against reportlab's own support (5.1): its shaping (``uharfbuzz``) shapes word by word but its
reordering needs ``rlbidi``, which no package index here has, so a two-word Arabic name came out with
its words swapped; the two small libraries above give joined letters in the right order, pure strings in
and out, and are imported only when a text holds a right-to-left letter (about 60 ms, once).

A right-to-left run of a few words is one unbreakable unit (its spaces become no-break spaces): were it
wrapped after being put in visual order, its first line would show its last words. A longer run keeps its
spaces and may wrap; a paragraph that is one long right-to-left run of several lines is shown with its
lines in left-to-right order (a known limit).

The PDF writes what each presentation form stands for (its base letters) into the font's ToUnicode map
(see :mod:`casebook.render.pdf.style`), so copying or ``pdftotext`` gives the letters as the source wrote
them, in logical order. This module imports neither reportlab nor python-pptx.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic
# supplements and extensions, Hebrew and Arabic presentation forms, and the historic RTL blocks.
_RTL_RANGES = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_CHAR = re.compile(f"[{_RTL_RANGES}]")
# A right-to-left run: RTL characters with spaces between them.
_RTL_RUN = re.compile(f"[{_RTL_RANGES}](?:[ \u00a0]*[{_RTL_RANGES}])*")
# A run up to this many characters is kept on one line.
UNBROKEN_RUN = 60
# Presentation forms: Arabic A and B, Hebrew (what a font's ToUnicode map should read back as base letters).
PRESENTATION_FORMS = ((0xFB1D, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Hebrew, Arabic, …)."""
    return not text.isascii() and _RTL_CHAR.search(text) is not None


def _strong(text: str) -> list[str]:
    return [c for c in (unicodedata.bidirectional(ch) for ch in text) if c in ("L", "R", "AL")]


def wholly_rtl(text: str) -> bool:
    """Whether every strong letter of ``text`` is right-to-left (and there is one): a paragraph that reads
    right to left as a whole. Digits, punctuation and spaces are neutral."""
    if not has_rtl(text):
        return False
    strong = _strong(text)
    return bool(strong) and all(c in ("R", "AL") for c in strong)


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    # keep diacritics (the default deletes them); the lam-alef ligatures are joined forms a reader expects
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def _keep_runs(text: str) -> str:
    """``text`` with the spaces of each short right-to-left run made no-break spaces."""
    return _RTL_RUN.sub(lambda m: m.group().replace(" ", "\u00a0") if len(m.group()) <= UNBROKEN_RUN else m.group(),
                        text)


def visual(text: str) -> str:
    """``text`` in display order with joined Arabic letters, for a left-to-right layout engine; a text with
    no right-to-left letter is returned as it is."""
    if not has_rtl(text):
        return text
    shaped = _reshaper().reshape(_keep_runs(text))
    return "\n".join(_CONTROLS.sub("", _display(line)) for line in shaped.split("\n"))


def _levels(line: str) -> tuple[int, list[int]] | None:
    """The paragraph level and the embedding level of each character of ``line`` as the Unicode bidirectional
    algorithm resolves them (rules P to I, bracket pairs included): python-bidi's reading, which gives them by
    UTF-8 byte; None if they cannot be read."""
    from bidi import get_base_level, get_display

    info = str(get_display(line, debug=True))
    found = re.search(r"levels:\s*\[(.*?)\]", info, re.DOTALL)
    by_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", found.group(1))] if found else []
    if len(by_byte) != len(line.encode("utf-8")):
        return None
    levels, offset = [], 0
    for char in line:
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return int(get_base_level(line)), levels


def _display(line: str) -> str:
    """One line in display order: its levels resolved, then rules L1 (trailing spaces at the paragraph's level),
    L2 (runs reversed from the highest level down) and L4 (a mirrored character at a right-to-left level shows its
    mirror: "(" as ")"). python-bidi's own ``get_display`` applies no mirroring, so it is done here."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    resolved = _levels(line)
    if resolved is None:  # not as expected from this version of python-bidi: its own order, unmirrored
        return str(get_display(line))
    base, levels = resolved
    k = len(line)
    while k > 0 and (line[k - 1].isspace() or _CONTROLS.match(line[k - 1])):  # L1: trailing white space
        k -= 1
        levels[k] = base
    chars = [MIRRORED.get(c, c) if level % 2 else c for c, level in zip(line, levels, strict=True)]
    order = list(range(len(line)))
    odd = [level for level in levels if level % 2]
    for level in range(max(levels, default=0), min(odd, default=1) - 1, -1):  # L2
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars[i] for i in order)


# The invisible marks of direction (isolates, embeddings, overrides, marks): they order, and are not drawn.
_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def isolate(text: str) -> str:
    """``text`` as a unit of its own in the text around it (first-strong isolate, UAX #9), when it holds a
    right-to-left letter: two Arabic names in a list keep their order. A text without one is returned as it is."""
    return f"\u2068{text}\u2069" if has_rtl(text) else text


def base_letters(char: str) -> str:
    """What a presentation form stands for (``ﻧ`` → ``ن``, ``ﻻ`` → ``لا``); any other character as it is."""
    code = ord(char)
    if any(low <= code <= high for low, high in PRESENTATION_FORMS):
        decomposed = unicodedata.normalize("NFKC", char)
        return decomposed or char
    return char


def script_family(text: str) -> str | None:
    """The family name of a font of this machine (fontconfig, see :mod:`casebook.render.text.fallback`) that draws
    the first right-to-left letter of ``text``, or None."""
    from casebook.render.text.fallback import fallback_file

    m = _RTL_CHAR.search(text)
    path = fallback_file(m.group()) if m else None
    return None if path is None else _family(path)


@cache
def _family(path: Path) -> str | None:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            name = font["name"]
            family = name.getDebugName(16) or name.getDebugName(1)  # the typographic family, else the family
    except (OSError, TTLibError, KeyError, ValueError):
        return None
    return family or None
