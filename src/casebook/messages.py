"""The one jinja2 environment over the templates, and the wording of a user's errors (``templates/errors.j2``).

Imports neither the model nor the renderers: ingest raises errors worded here. :mod:`casebook.wording` binds
this environment to a case for everything else a reader sees.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from casebook.resources import templates_dir

#: the template that words every user error, one macro per code
ERRORS_TEMPLATE = "errors.j2"


class UnknownErrorCode(LookupError):
    """An error code with no macro in errors.j2: a bug in casebook, not a user's error."""


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between runs (``$XDG_CACHE_HOME/casebook/jinja``): a cold start skips compiling.

    Jinja checks each template's source against its cached code, so an edited template is compiled anew.
    """
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "casebook" / "jinja"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(root)) if os.access(root, os.W_OK) else None


@cache
def environment(template_dirs: tuple[str, ...] = ()) -> SandboxedEnvironment:
    """One sandboxed environment per set of template folders, for the life of the process.

    The user's folders come first, the built-in templates last. Templates are compiled once and reloaded
    when their file changes.
    """
    loaders = [FileSystemLoader(d) for d in template_dirs]
    loaders.append(FileSystemLoader(str(templates_dir())))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["repr"] = repr  # a value shown as Python writes it, quotes and escapes included
    return env


def _errors() -> Any:
    """The macros of the built-in errors.j2 (compiled once, reloaded when the file changes)."""
    return environment().get_template(ERRORS_TEMPLATE).module


def error_codes() -> list[str]:
    """Every code errors.j2 words, in its order of definition."""
    module = _errors()
    return [name for name in dir(module) if not name.startswith("_") and callable(getattr(module, name))]


def check_error_code(code: str) -> None:
    """Raise :class:`UnknownErrorCode` unless errors.j2 has a macro for ``code``."""
    if not callable(getattr(_errors(), code, None)):
        raise UnknownErrorCode(f"{ERRORS_TEMPLATE} has no macro {code!r}: every error code needs its wording there")


def error_text(code: str, params: Mapping[str, Any]) -> str:
    """The user error ``code`` worded with ``params`` by its macro in errors.j2 (no place: the caller adds it)."""
    check_error_code(code)
    return str(getattr(_errors(), code)(params)).strip()
