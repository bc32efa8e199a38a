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

A paragraph is laid out in *logical* order (:func:`shaped`: joined letters, nothing moved), broken into
lines, and only then is each line put in display order (:func:`reorder_line`, rules L1 to L4 with the
paragraph's direction, as UAX #9 says: reordering comes after line breaking), so that a right-to-left
paragraph of several lines reads from its top line down. A single line (a running head) is put in display
order whole (:func:`visual`).

Marks (harakat, niqqud) stay after their letters and, once the line is reversed, are drawn just before them, each
as a glyph of its own with no advance: a font whose marks reach to the right of the pen (DejaVu Sans) puts them on
the letter drawn next, their letter, but where the font puts every mark, not where the letter's anchor is (there
is no OpenType mark positioning here), so a mark on a narrow letter sits off to one side.

The PDF writes what each presentation form stands for (its base letters) into the font's ToUnicode map
(see :mod:`casebook.render.pdf.style`), so copying or ``pdftotext`` gives the letters as the source wrote
them, in logical order. This module imports neither reportlab nor python-pptx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic
# supplements and extensions, Hebrew and Arabic presentation forms, and the historic RTL blocks.
_RTL_RANGES = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_CHAR = re.compile(f"[{_RTL_RANGES}]")
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

    # keep diacritics (the default deletes them); the lam-alef ligatures are joined forms a reader expects and
    # every Arabic font draws; the word ligature of "Allah" (U+FDF2), on by default, is one many fonts lack (DejaVu
    # Sans does), which would leave the word's letters unjoined: its letters are joined one by one instead
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True,
                                                         "ARABIC LIGATURE ALLAH": False})


def shaped(text: str) -> str:
    """``text`` with Arabic letters in their joined forms, still in logical order (for a paragraph that is
    broken into lines before each line is reordered); a text with no right-to-left letter as it is."""
    return _reshaper().reshape(text) if has_rtl(text) else text


def visual(text: str) -> str:
    """``text`` in display order with joined Arabic letters, each of its lines as one line of a left-to-right
    layout engine; a text with no right-to-left letter is returned as it is."""
    if not has_rtl(text):
        return text
    return "\n".join(_CONTROLS.sub("", _display(line)) for line in shaped(text).split("\n"))


def starts_rtl(text: str) -> bool:
    """Whether the first strong letter of ``text`` is right-to-left: a paragraph whose direction is right to
    left (UAX #9, rules P2 and P3)."""
    strong = _strong(text) if has_rtl(text) else []
    return bool(strong) and strong[0] in ("R", "AL")


# What stands in for a piece of a line that is no text (an image, an anchor) while the line is reordered.
_OBJECT = "\ufffc"


def reorder_line(pieces: Sequence[str | None], rtl: bool) -> list[tuple[int, str]]:
    """One laid-out line in display order. ``pieces`` are the line's texts in logical order as the layout
    engine holds them (None for a piece that is no text); ``rtl`` is the paragraph's direction. Gives
    (index of the piece, its text in display order) from left to right, a piece cut where the order cuts
    it, the invisible direction marks left out (a piece of no text keeps its place, with "")."""
    chars: list[str] = []
    owner: list[int] = []
    for index, piece in enumerate(pieces):
        text = _OBJECT if piece is None else piece
        chars.extend(text)
        owner.extend([index] * len(text))
    shown, order = _order("".join(chars), "R" if rtl else "L")
    out: list[tuple[int, str]] = []
    for position in order:
        index, char = owner[position], shown[position]
        if pieces[index] is None:
            out.append((index, ""))
            continue
        if _CONTROLS.match(char):
            continue
        if out and out[-1][0] == index:
            out[-1] = (index, out[-1][1] + char)
        else:
            out.append((index, char))
    return out


def _levels(line: str, base_dir: str | None = None) -> tuple[int, list[int]] | None:
    """The paragraph level and the embedding level of each character of ``line`` as the Unicode bidirectional
    algorithm resolves them (rules P to I, bracket pairs included), the paragraph's direction ``base_dir`` ("L"
    or "R") or that of its first strong letter: python-bidi's reading, which gives them by UTF-8 byte; None if
    they cannot be read."""
    from bidi import get_base_level, get_display

    info = str(get_display(line, base_dir=base_dir, debug=True))
    found = re.search(r"levels:\s*\[(.*?)\]", info, re.DOTALL)
    by_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", found.group(1))] if found else []
    if len(by_byte) != len(line.encode("utf-8")):
        return None
    levels, offset = [], 0
    for char in line:
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return (int(get_base_level(line)) if base_dir is None else int(base_dir == "R")), levels


def _display(line: str) -> str:
    """One line in display order (see :func:`_order`)."""
    shown, order = _order(line)
    return "".join(shown[i] for i in order)


def _order(line: str, base_dir: str | None = None) -> tuple[str, list[int]]:
    """One line's characters, each as it is shown, and the order in which they are shown: the levels resolved,
    then rules L1 (trailing spaces at the paragraph's level), L2 (runs reversed from the highest level down) and
    L4 (a mirrored character at a right-to-left level shows its mirror: "(" as ")"). python-bidi's own
    ``get_display`` applies no mirroring, so it is done here."""
    from bidi.mirror import MIRRORED

    resolved = _levels(line, base_dir)
    if resolved is None:  # not as expected from this version of python-bidi: its runs reversed by their letters
        base = 1 if (base_dir == "R" if base_dir else starts_rtl(line)) else 0
        resolved = base, [_guessed_level(c, base) for c in line]
    base, levels = resolved
    k = len(line)
    while k > 0 and (line[k - 1].isspace() or _CONTROLS.match(line[k - 1])):  # L1: trailing white space
        k -= 1
        levels[k] = base
    shown = "".join(MIRRORED.get(c, c) if level % 2 else c for c, level in zip(line, levels, strict=True))
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
    return shown, order


def _guessed_level(char: str, base: int) -> int:
    kind = unicodedata.bidirectional(char)
    return 1 if kind in ("R", "AL") else (2 if base else 0) if kind == "L" else base


# The invisible marks of direction (isolates, embeddings, overrides, marks): they order, and are not drawn.
_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def isolate(text: str, always: bool = False) -> str:
    """``text`` as a unit of its own in the text around it (first-strong isolate, UAX #9), when it holds a
    right-to-left letter or ``always``: two Arabic names in a list keep their order. A text without one is
    returned as it is."""
    return f"\u2068{text}\u2069" if always or has_rtl(text) else text


# Scripts of right-to-left runs, for a run's language: Hebrew, and Arabic (its supplements and presentation forms).
_HEBREW = "\u0590-\u05ff\ufb1d-\ufb4f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_SCRIPT_RUN = re.compile(f"(?P<he>[{_HEBREW}](?:[ \u00a0]*[{_HEBREW}])*)|(?P<ar>[{_ARABIC}](?:[ \u00a0]*[{_ARABIC}])*)"
                         f"|(?P<rtl>[{_RTL_RANGES}](?:[ \u00a0]*[{_RTL_RANGES}])*)")
# Letters Persian writes and Arabic does not (peh, tcheh, jeh, gaf, keheh, Farsi yeh), and letters Arabic writes
# where Persian writes those (Arabic yeh, kaf, alef maksura, teh marbuta).
_PERSIAN_ONLY = frozenset("\u067e\u0686\u0698\u06af\u06a9\u06cc")
_ARABIC_ONLY = frozenset("\u064a\u0643\u0649\u0629")
# The Arabic letters both write (U+0621 to U+064A) and their marks; a letter outside these and the Persian ones
# (Urdu, Pashto, Kurdish, Sindhi, ...) belongs to another language.
_SHARED_ARABIC = re.compile("[\u0621-\u065f\u0670\u060c\u061b\u061f\u0640\u0660-\u0669\u06f0-\u06f9 \u00a0]")
# Yiddish's ligatures (double vav, vav yod, double yod): a Hebrew-script run that may not be Hebrew.
_YIDDISH = frozenset("\u05f0\u05f1\u05f2\ufb1f")
# The language a run is tagged with: the locale Office gives each language by default.
LANGUAGES = {"he": "he-IL", "ar": "ar-SA", "fa": "fa-IR"}


def script_runs(text: str) -> list[tuple[str, bool, str | None]]:
    """``text`` cut into runs of one script: (text, whether it is right to left, its language as a locale
    (``he-IL``, ``ar-SA``, ``fa-IR``) or None). Hebrew letters are Hebrew (but for Yiddish's ligatures); an
    Arabic-script run is Persian by the letters only Persian writes, Arabic by those only Arabic writes, and
    untold when it has neither, both, or a letter of another language (precision first). The runs joined
    are ``text``."""
    if not has_rtl(text):
        return [(text, False, None)]
    runs: list[tuple[str, bool, str | None]] = []
    at = 0
    for m in _SCRIPT_RUN.finditer(text):
        if m.start() > at:
            runs.append((text[at:m.start()], False, None))
        runs.append((m.group(), True, _language(m.group(), m.lastgroup)))
        at = m.end()
    if at < len(text):
        runs.append((text[at:], False, None))
    return runs


def _language(run: str, script: str | None) -> str | None:
    letters = set(unicodedata.normalize("NFKC", run))  # presentation forms as their letters
    if script == "he":
        return None if letters & _YIDDISH else LANGUAGES["he"]
    if script != "ar" or any(not _SHARED_ARABIC.match(c) and c not in _PERSIAN_ONLY for c in letters):
        return None
    persian, arabic = bool(letters & _PERSIAN_ONLY), bool(letters & _ARABIC_ONLY)
    return LANGUAGES["fa"] if persian and not arabic else LANGUAGES["ar"] if arabic and not persian else None


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
