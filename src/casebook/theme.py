"""Themes: institution name, logo, colours and fonts, from a validated TOML file.

One theme styles both the PDF and the deck. The bundled default lives in ``casebook/themes/default.toml``;
a user's theme file is read the same way, and any key it leaves out keeps the default's value.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from casebook.errors import user_error
from casebook.messages import error_text

BUILTIN_FONT = "builtin:open-sans"
_DEFAULT = Path(__file__).resolve().parent / "themes" / "default.toml"
Hex = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Colors(_Part):
    primary: str = Hex
    accent: str = Hex
    text: str = Hex
    muted: str = Hex
    rule: str = Hex
    background: str = Hex
    panel: str = Hex


class Fonts(_Part):
    family: str = Field(min_length=1)
    regular: str
    bold: str
    italic: str
    bold_italic: str


class PdfSettings(_Part):
    page_size: Literal["A4", "Letter"]
    body_size: float = Field(ge=7, le=14)


class DeckSettings(_Part):
    template: Path | None = Field(default=None, description="a .pptx whose slide master and layouts the deck uses")
    body_max: int = Field(ge=10, le=40)
    body_min: int = Field(ge=8, le=40)
    table_max: int = Field(ge=8, le=28)
    table_min: int = Field(ge=8, le=28)
    style: Literal["teaching", "full"] = Field(
        default="teaching", description="teaching: short slides, the full text in the notes; full: the reading deck")
    max_words_per_slide: int = Field(default=45, ge=20, le=200, description="words on a teaching slide, footer excluded")
    max_points: int = Field(default=5, ge=1, le=10, description="points on a teaching slide")

    @model_validator(mode="after")
    def _ranges(self) -> DeckSettings:
        if self.body_min > self.body_max or self.table_min > self.table_max:
            raise ValueError(error_text("theme_minimum_over_maximum", {}))
        return self


class Theme(_Part):
    institution: str = Field(min_length=1, max_length=120)
    logo: Path | None = None
    colors: Colors
    fonts: Fonts
    pdf: PdfSettings
    deck: DeckSettings
    folder: Path = Field(description="the folder of the theme file: relative paths start here")
    file: Path | None = Field(default=None, description="the user's theme file (None for the bundled theme)")

    @field_validator("logo")
    @classmethod
    def _logo_kind(cls, value: Path | None) -> Path | None:
        if value is not None and value.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise ValueError(error_text("theme_logo_format", {}))
        return value

    def font_path(self, style: Literal["regular", "bold", "italic", "bold_italic"]) -> Path | None:
        """The TrueType file of a style; None for the bundled Open Sans."""
        value = getattr(self.fonts, style)
        return None if value == BUILTIN_FONT else (self.folder / value)

    @property
    def logo_path(self) -> Path | None:
        return None if self.logo is None else self.folder / self.logo

    @property
    def deck_template(self) -> Path | None:
        return None if self.deck.template is None else self.folder / self.deck.template


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise user_error(path, "theme_not_toml", reason=exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise user_error(path, "file_unreadable", reason=getattr(exc, "strerror", None) or exc) from None


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


@cache
def default_theme() -> Theme:
    return Theme.model_validate(_read(_DEFAULT) | {"folder": _DEFAULT.parent})


def load_theme(path: Path | None) -> Theme:
    """The theme in ``path`` over the default one; the default when ``path`` is None.

    Raises :class:`CasebookError` naming the file and the key for anything invalid or missing.
    """
    if path is None:
        return default_theme()
    if path.suffix.lower() == ".pptx":  # a PowerPoint template: the default theme, with its slide master
        _check_pptx(path, path)
        return default_theme().model_copy(update={"deck": default_theme().deck.model_copy(
            update={"template": path.resolve()})})
    data = _merge(_read(_DEFAULT), _read(path))
    try:
        theme = Theme.model_validate(data | {"folder": path.resolve().parent, "file": path})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise user_error(path, "theme_invalid", key=where, reason=first["msg"]) from None
    for style in ("regular", "bold", "italic", "bold_italic"):
        font = theme.font_path(style)
        if font is not None and not font.is_file():
            raise user_error(path, "theme_no_font", style=style, font=font)
    if theme.logo_path is not None and not theme.logo_path.is_file():
        raise user_error(path, "theme_no_logo", logo=theme.logo_path)
    if theme.deck_template is not None:
        _check_pptx(theme.deck_template, path)
    return theme


def _check_pptx(template: Path, named_in: Path) -> None:
    """A deck template must be a PowerPoint file; what it must contain is checked by the deck renderer."""
    import zipfile

    key = "deck.template" if named_in != template else None  # a theme names it at this key; else it is the file given
    if not template.is_file():
        raise user_error(named_in, "deck_template_missing", key=key, template=template)
    try:
        with zipfile.ZipFile(template) as archive:
            if "ppt/presentation.xml" not in archive.namelist():
                raise user_error(named_in, "deck_template_not_presentation", key=key)
    except zipfile.BadZipFile:
        raise user_error(named_in, "deck_template_not_zip", key=key) from None
