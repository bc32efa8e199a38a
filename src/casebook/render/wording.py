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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from casebook.model.case import Case
from casebook.resources import templates_dir


class Wording:
    """The templates of one build, bound to one case."""

    def __init__(self, case: Case, template_dirs: Sequence[Path] = ()) -> None:
        loaders = [FileSystemLoader(str(d)) for d in template_dirs]
        loaders.append(FileSystemLoader(str(templates_dir())))
        self._env = SandboxedEnvironment(
            loader=ChoiceLoader(loaders),
            autoescape=False,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.case = case
        self.labels: Any = self._env.get_template("labels.j2").make_module({"case": case})

    def render(self, name: str, **context: Any) -> str:
        """Render the template ``name`` with the case and ``context``; returns stripped text."""
        return self._env.get_template(name).render(case=self.case, **context).strip()

    def paragraphs(self, name: str, **context: Any) -> list[str]:
        """Render ``name`` and split it into paragraphs at blank lines, each on one line."""
        text = self.render(name, **context)
        blocks = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
        return [b for b in blocks if b.strip()]
