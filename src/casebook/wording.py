"""All the wording a reader sees, from jinja2 templates.

Templates are looked up in the user's ``--templates`` folders first, then in the built-in
``templates/`` folder, so a user can override any single template by giving a file of the same name.
Templates run in jinja2's sandbox: a template from a colleague cannot reach Python internals or files.
Document text reaches templates as data only, never as template source.

Two kinds of template:

* ``labels.j2`` sets one variable or macro per heading, label and caption; renderers read them as
  attributes (``wording.labels.executive_summary``).
* every other template renders a block of plain text (speaker notes, the opening of the case),
  through :meth:`Wording.render`. Paragraphs are separated by blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from jinja2 import TemplateError, TemplateSyntaxError

from casebook.errors import user_error
from casebook.messages import environment
from casebook.model.case import Case, CaseWarning

__all__ = ["Wording", "environment", "template_errors"]  # environment lives in casebook.messages (no model there)


class Wording:
    """The templates of one build, bound to one case."""

    def __init__(self, case: Case, template_dirs: Sequence[Path] = (), recipient: str | None = None) -> None:
        self.template_dirs = tuple(str(d) for d in template_dirs)
        self._env = environment(self.template_dirs)
        self.case = case
        self.recipient = recipient  # the one reader a personal copy is prepared for, or None
        self._modules: dict[str, Any] = {}
        with template_errors("labels.j2"):
            chosen = self._env.get_template("labels.j2").make_module({"case": case})
            builtin = environment().get_template("labels.j2").make_module({"case": case}) if template_dirs else chosen
            self.labels: Any = _Labels(chosen, builtin)

    @property
    def warnings(self) -> Any:
        """The wording of every warning (``warnings.j2``); a macro a user's file lacks comes from the built-in one."""
        if "warnings.j2#both" not in self._modules:
            chosen = self.module("warnings.j2")
            with template_errors("warnings.j2"):
                builtin = (environment().get_template("warnings.j2").make_module({"case": self.case})
                           if self.template_dirs else chosen)
            self._modules["warnings.j2#both"] = _Labels(chosen, builtin)
        return self._modules["warnings.j2#both"]

    def warning(self, warning: CaseWarning, audience: Literal["instructor", "reader"]) -> str:
        """``warning`` worded for ``audience``: "instructor" (the command line) or "reader" (the case study's
        gaps in the sources); "" when that audience is not told of it."""
        with template_errors("warnings.j2"):
            return str(getattr(self.warnings, f"{audience}_{warning.code}")(warning.params)).strip()

    @property
    def teaching(self) -> Any:
        """The teaching note's wording and content (``teaching.j2``): objectives, questions, board plan."""
        return self.module("teaching.j2")

    def module(self, name: str) -> Any:
        """The variables and macros a template exports, bound to the case (computed once)."""
        if name not in self._modules:
            with template_errors(name):
                self._modules[name] = self._env.get_template(name).make_module({"case": self.case})
        return self._modules[name]

    def template(self, name: str) -> Any:
        """The compiled template ``name`` (the same object until its file changes)."""
        with template_errors(name):
            return self._env.get_template(name)

    def render(self, name: str, **context: Any) -> str:
        """Render the template ``name`` with the case and ``context``; returns stripped text."""
        with template_errors(name):
            return self._env.get_template(name).render(case=self.case, **context).strip()

    def paragraphs(self, name: str, **context: Any) -> list[str]:
        """Render ``name`` and split it into paragraphs at blank lines, each on one line."""
        text = self.render(name, **context)
        blocks = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
        return [b for b in blocks if b.strip()]


class _Labels:
    """A user's ``labels.j2`` first; any label it lacks comes from the built-in one."""

    def __init__(self, chosen: Any, builtin: Any) -> None:
        self._chosen, self._builtin = chosen, builtin

    def __getattr__(self, name: str) -> Any:
        try:
            return getattr(self._chosen, name)
        except AttributeError:
            return getattr(self._builtin, name)


@contextmanager
def template_errors(name: str) -> Iterator[None]:
    """A broken or unsafe template becomes a user error naming the template (and line, when known)."""
    try:
        yield
    except TemplateSyntaxError as exc:
        raise user_error(exc.filename or name, "template_syntax", exc.lineno, reason=exc.message) from None
    except TemplateError as exc:
        raise user_error(name, "template_error", reason=exc) from None
