"""Every character of a case checked against the fonts that will draw it, before anything is rendered.

A character the theme's fonts have no glyph for would be drawn as an empty box (or nothing at all), so
each text field of the case is read, character by character, against the character map of the regular,
bold, italic and bold italic faces; a character a fallback font of this machine draws is not missing
(see :mod:`casebook.render.text.fallback`). Each field with missing glyphs gives one warning (code
``missing_glyphs``) naming the field (``stakeholders[1].name``) and the place in the sources it comes from:
the nearest ``source`` of the field or of the part of the case that holds it.

Whitespace and control characters are not glyphs: they are never drawn (the renderers turn controls
into spaces), so they are not checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from casebook.model.case import Case, CaseWarning, Person, RichText, Source, SourceRef
from casebook.render.text.fallback import fallback_file
from casebook.render.text.fonts import open_sans
from casebook.theme import Theme

_FACES = ("regular", "bold", "italic", "bold_italic")


@cache
def _cmap(path: Path) -> frozenset[int]:
    """The code points the TrueType file at ``path`` has a glyph for (read with fontTools: neither
    reportlab nor python-pptx is loaded, so ``casebook check`` stays light)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def _drawn(char: str) -> bool:
    """Whether ``char`` is drawn as a glyph (not whitespace, a control, a surrogate or a non-character)."""
    if char.isspace():
        return False
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cs") or (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return False
    return True


def _fields(node: object, path: str, where: SourceRef | str | None) -> Iterator[tuple[str, str, SourceRef | str | None]]:
    """(field path, text, nearest source) for every text field under ``node``.

    The nearest source is a :class:`SourceRef`, a file name (a document's own fields), or None.
    Rich text is one field: its runs together.
    """
    if isinstance(node, str):
        yield path, node, where
    elif isinstance(node, RichText):
        yield path, node.plain, where
    elif isinstance(node, list | tuple):
        for k, item in enumerate(node):
            yield from _fields(item, f"{path}[{k}]", where)
    elif isinstance(node, BaseModel):
        own = getattr(node, "source", None)
        if isinstance(own, SourceRef):
            where = own
        elif isinstance(node, Person) and node.mentions:
            where = node.mentions[0].source
        elif isinstance(node, Source):
            where = node.file
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, SourceRef):
                continue  # ids and line numbers, not text
            yield from _fields(value, f"{path}.{name}" if path else name, where)


# Words that open a character's Unicode name before its script's ("EXTENDED ARABIC-INDIC DIGIT ONE").
_NOT_SCRIPT = {"EXTENDED", "FULLWIDTH", "HALFWIDTH", "SMALL", "COMBINING", "MODIFIER", "CIRCLED", "PARENTHESIZED"}


def script_of(char: str) -> str:
    """The script of ``char`` as its Unicode name tells it ("Hebrew", "Arabic", "CJK", "Hangul"), or "" when the
    name tells none."""
    words = [w for w in unicodedata.name(char, "").split() if w not in _NOT_SCRIPT]
    if not words or not char.isalpha():
        return ""
    word = words[0].split("-")[0]
    return word if len(word) <= 3 else word.title()


def _scripts(chars: list[str]) -> list[str]:
    return list(dict.fromkeys(s for s in map(script_of, chars) if s))


def glyph_warnings(case: Case, theme: Theme, font_files: dict[str, Path]) -> list[CaseWarning]:
    """One warning for each text field of ``case`` with characters the fonts ``font_files`` cannot draw.

    ``font_files`` maps each style (regular, bold, italic, bold_italic) to its TrueType file.
    """
    maps = {face: _cmap(font_files[face]) for face in _FACES}
    known = {src.id for src in case.sources}
    warnings: list[CaseWarning] = []
    for path, text, where in _fields(case, "", None):
        missing: dict[tuple[str, ...], list[str]] = {}
        for char in dict.fromkeys(text):  # each character once, in order
            if not _drawn(char):
                continue
            faces = [face for face in _FACES if ord(char) not in maps[face]]
            if faces and fallback_file(char) is None:
                missing.setdefault(tuple(faces), []).append(char)
        for faces, chars in missing.items():
            # faces: the styles that lack them, none named when every style does; scripts: the fallback fonts
            # were asked too, so no font of this machine covers these
            params = {"field": path, "family": theme.fonts.family, "faces": [] if faces == _FACES else list(faces),
                      "chars": chars, "code_points": [ord(c) for c in chars], "scripts": _scripts(chars)}
            if isinstance(where, SourceRef) and where.source in known:
                warnings.append(CaseWarning(code="missing_glyphs", params=params, source=where))
            elif isinstance(where, str):
                warnings.append(CaseWarning(code="missing_glyphs", params=params, file=where))
            else:
                warnings.append(CaseWarning(code="missing_glyphs", params=params))
    return warnings


def font_files(theme: Theme) -> dict[str, Path]:
    """The TrueType file of each style of ``theme``: its own file, or the bundled Open Sans face."""
    bundled = open_sans()
    builtin = {"regular": bundled.regular, "bold": bundled.bold, "italic": bundled.italic, "bold_italic": bundled.bold_italic}
    files: dict[str, Path] = {}
    for style in _FACES:
        path = theme.font_path(style)  # type: ignore[arg-type]
        files[style] = builtin[style] if path is None else path
    return files


def check_glyphs(case: Case, theme: Theme) -> list[CaseWarning]:
    """The glyph warnings of ``case`` with the fonts of ``theme`` (the bundled Open Sans by default)."""
    return glyph_warnings(case, theme, font_files(theme))
