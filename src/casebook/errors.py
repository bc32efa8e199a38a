"""The errors a user can cause, each naming the place: ``path:line: what is wrong``.

A problem is a code and its parameters; ``templates/errors.j2`` words it (see :mod:`casebook.messages`).
A :class:`CaseError` carries every problem found in a case, so that a user sees them all at once; a
:class:`UserError` carries the one problem that stops a command (a theme, a roster, the mail server).
Anything else that escapes is a bug in casebook and keeps its traceback (with ``--debug``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, eq=False)
class Problem:
    """One problem with one place: a file and, when known, a line (1-based).

    ``code`` names its macro in ``templates/errors.j2``, which words it with ``params``; a code with no macro
    there is a bug and fails at once (:class:`casebook.messages.UnknownErrorCode`).
    ``path`` is None for a message that already names its place (a theme or template error).
    """

    path: Path | str | None
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None

    def __post_init__(self) -> None:
        from casebook.messages import check_error_code  # jinja2 is loaded when a problem is found, not before

        check_error_code(self.code)

    @property
    def message(self) -> str:
        """What is wrong, worded by errors.j2 (without the place)."""
        from casebook.messages import error_text

        return error_text(self.code, self.params)

    def _key(self) -> tuple[Path | str | None, str, int | None, str]:
        return (self.path, self.code, self.line, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

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


class UserError(CasebookError):
    """One problem that stops a command (a theme, a roster, the mail server), worded by errors.j2."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def user_error(path: Path | str | None, code: str, line: int | None = None, **params: Any) -> UserError:
    """The error of one problem: ``code`` worded by errors.j2 with ``params``, at ``path`` (and ``line``)."""
    return UserError(Problem(path, code, params, line))


def case_error(path: Path | str | None, code: str, line: int | None = None, **params: Any) -> CaseError:
    """A case's error of one problem, worded as :func:`user_error`'s."""
    return CaseError([Problem(path, code, params, line)])


def problems_of(exc: CasebookError) -> list[Problem]:
    """The problems an error reports, each as it is printed; an error raised with its text alone (none in casebook
    itself) is shown as written."""
    if isinstance(exc, CaseError):
        return list(exc.problems)
    if isinstance(exc, UserError):
        return [exc.problem]
    return [Problem(None, "worded_elsewhere", {"text": str(exc)})]
