"""Where the files that ship with casebook live: templates and the bundled example case.

In a wheel they sit inside the package (``casebook/templates``, ``casebook/seeds``); in a source
checkout they are the repository's top-level ``templates/`` and ``seeds/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"casebook is installed without its {name}/ folder")


def templates_dir() -> Path:
    """The built-in jinja2 templates: all the wording a reader sees."""
    return _find("templates")


def bundled_seeds_dir() -> Path:
    """The example case folders that ship with casebook."""
    return _find("seeds")
