"""What the commands of :mod:`casebook.cli` share: options, error reporting, the messages they print,
finding the cases, the jobs of a build and the reporter that shows their progress.

Imports nothing heavy: the commands load what they need when they run.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from casebook.errors import CasebookError

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_CHOICES = {
    "pdf": ("pdf",),
    "teaching-note": ("teaching-note",),
    "pptx": ("pptx",),
    "json": ("json",),
    "html": ("html", "html-teaching-note"),
    "all": ("pdf", "teaching-note", "pptx", "json", "html", "html-teaching-note"),
}


def say(name: str, **context: Any) -> str:
    """The message ``templates/cli/<name>.j2`` filled in with ``context``: every line the commands print, but
    the case's own wording and click's help and usage texts, comes from a template there."""
    from casebook.wording import environment, template_errors

    with template_errors(f"cli/{name}.j2"):
        return environment().get_template(f"cli/{name}.j2").render(**context)


def _fail(message: str) -> None:
    for line in message.splitlines():
        click.echo(line, err=True)


def user_errors(func: F) -> F:
    """Report a user's problem as one line per problem and exit 1; keep bugs' tracebacks for --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.obj and ctx.obj.get("debug"))
        try:
            return func(*args, **kwargs)
        except CasebookError as exc:
            if debug:
                raise
            _fail(str(exc))
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except Exception as exc:
            if debug:
                raise
            _fail(say("internal_error", kind=type(exc).__name__, error=str(exc)))
            ctx.exit(3)

    return wrapper  # type: ignore[return-value]


def case_folders(case_dirs: tuple[Path, ...]) -> list[Path]:
    from casebook.discover import find_cases
    from casebook.resources import bundled_seeds_dir

    default = Path("seeds")
    if not case_dirs and not default.is_dir():
        default = bundled_seeds_dir()
        click.echo(say("bundled_seeds", folder=default), err=True)
    return find_cases(list(case_dirs), default)


CASE_DIRS = click.argument("case_dirs", nargs=-1, type=click.Path(path_type=Path))
TEMPLATES = click.option(
    "--templates", "template_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of templates that override the built-in ones, file by file (repeatable).",
)
THEME = click.option(
    "--theme", "theme_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
    help="Theme file (TOML): institution, logo, colours, fonts, page size. Default: the bundled theme.",
)


def _remember_deck(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta["casebook.deck"] = value


DECK = click.option(
    "--deck", type=click.Choice(["teaching", "full"]), default=None, expose_value=False, callback=_remember_deck,
    help="The deck's style: teaching (short slides, the full text in the speaker notes; the default) or full "
         "(the whole case on the slides, for reading). Default: the theme's deck.style.",
)


def deck_choice() -> str | None:
    """The --deck of the command being run, or None (the theme decides)."""
    ctx = click.get_current_context(silent=True)
    return None if ctx is None else ctx.meta.get("casebook.deck")


def theme_of(path: Path | None) -> Any:
    from casebook.theme import load_theme

    return load_theme(path)


FORMAT = click.option(
    "-f", "--format", "fmt", type=click.Choice(list(FORMAT_CHOICES)), default="all", show_default=True,
    help="What to write: the case study PDF, the instructor's teaching note, the deck, the case model as JSON, "
         "or all of them.",
)
OUT = click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                   show_default=True, help="Folder to write into; each case goes to OUT/<slug>/.")
QUIET = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
JOBS = click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None,
                    help="How many cases (or students' copies) to build at once. Default: one per core.")


class Reporter:
    """What a build tells its user: a progress bar on a terminal, plain lines otherwise, nothing with --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.progress: Any = None
        if not quiet and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(stderr=True))
            self.task = self.progress.add_task(say("progress"), total=total)

    def __enter__(self) -> Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def _say(self, line: str, err: bool = False) -> None:
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=err)

    def report(self, result: Any) -> None:
        if not self.quiet:
            for line in result.messages:
                self._say(line, err=True)
            if result.skipped:
                self._say(say("up_to_date", folder=result.folder, recipient=result.recipient))
            for path in [] if result.skipped else result.outputs:
                self._say(say("wrote", path=path))
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=str(result.recipient or result.folder.name))


#: what a student's copy can hold: the case study and the deck, never the instructor's teaching note
STUDENT_FORMATS = ("pdf", "pptx", "html")


def build_jobs(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...],
          theme_file: Path | None, force: bool, students: Sequence[Any] = (), own: bool = True,
          personal: Sequence[str] | None = None) -> list[Any]:
    """The build of each case (unless not ``own``), then a personal copy of it for each of ``students``: the formats
    of ``fmt`` a student may have, or ``personal``."""
    from casebook import batch

    jobs = []
    personal = tuple(personal) if personal is not None else tuple(f for f in FORMAT_CHOICES[fmt] if f in STUDENT_FORMATS)
    for folder in case_folders(case_dirs):
        if own:
            jobs.append(batch.Job(folder, FORMAT_CHOICES[fmt], out_dir, tuple(template_dirs), theme_file, force,
                                  deck=deck_choice()))
        jobs.extend(batch.Job(folder, personal, out_dir, tuple(template_dirs), theme_file, force,
                              recipient=student.name, student=student.slug, deck=deck_choice()) for student in students)
    return jobs


def students_of(path: Path | None) -> list[Any]:
    if path is None:
        return []
    from casebook.roster import read_roster

    return read_roster(path)
