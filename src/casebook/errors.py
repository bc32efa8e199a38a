"""The errors a user can cause, each naming the place: ``path:line: what is wrong``.

A :class:`CaseError` carries every problem found in a case, so that a user sees them all at once.
Anything else that escapes is a bug in casebook and keeps its traceback (with ``--debug``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem with one place: a file and, when known, a line (1-based).

    ``path`` is None for a message that already names its place (a theme or template error).
    """

    path: Path | str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class CasebookError(Exception):
    """A problem the user can fix: bad input, bad usage, a missing file."""


class CaseError(CasebookError):
    """One or more problems that stop a case from being built."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
