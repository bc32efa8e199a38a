"""The ``casebook`` command: thin, it parses arguments, calls the pipeline and turns problems into exit codes.

Exit codes: 0 success, 1 bad input (a message naming the file and line), 2 bad usage.
Heavy libraries are imported only by the commands that need them.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from casebook import __version__
from casebook.errors import CasebookError, CaseError

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_CHOICES = {
    "pdf": ("pdf",),
    "teaching-note": ("teaching-note",),
    "pptx": ("pptx",),
    "json": ("json",),
    "all": ("pdf", "teaching-note", "pptx", "json"),
}


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
            _fail(f"casebook: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
            ctx.exit(3)

    return wrapper  # type: ignore[return-value]


def _case_folders(case_dirs: tuple[Path, ...]) -> list[Path]:
    from casebook.discover import find_cases
    from casebook.resources import bundled_seeds_dir

    default = Path("seeds")
    if not case_dirs and not default.is_dir():
        default = bundled_seeds_dir()
        click.echo(f"casebook: no ./seeds folder here; using the bundled example cases in {default}", err=True)
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


def _theme(path: Path | None) -> Any:
    from casebook.theme import load_theme

    return load_theme(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="casebook")
@click.option("--debug", is_flag=True, help="Show the full traceback of any error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn a folder of source documents into a business case study PDF and a class deck.

    With no CASE_DIR, every case folder under ./seeds is used.
    """
    ctx.obj = {"debug": debug}


FORMAT = click.option(
    "-f", "--format", "fmt", type=click.Choice(list(FORMAT_CHOICES)), default="all", show_default=True,
    help="What to write: the case study PDF, the instructor's teaching note, the deck, the case model as JSON, "
         "or all of them.",
)
OUT = click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                   show_default=True, help="Folder to write into; each case goes to OUT/<slug>/.")
QUIET = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")


class _Reporter:
    """What a build tells its user: a progress bar on a terminal, plain lines otherwise, nothing with --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.progress: Any = None
        if not quiet and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(stderr=True))
            self.task = self.progress.add_task("building", total=total)

    def __enter__(self) -> _Reporter:
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
                self._say(f"up to date: {result.folder}")
            for path in [] if result.skipped else result.outputs:
                self._say(f"wrote {path}")
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=str(result.folder.name))


def _jobs(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...],
          theme_file: Path | None, force: bool) -> list[Any]:
    from casebook import batch

    return [batch.Job(folder, FORMAT_CHOICES[fmt], out_dir, tuple(template_dirs), theme_file, force)
            for folder in _case_folders(case_dirs)]


@cli.command()
@CASE_DIRS
@FORMAT
@OUT
@TEMPLATES
@THEME
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None,
              help="How many cases to build at once. Default: one per core.")
@click.option("--force", is_flag=True, help="Rebuild every case, even those whose inputs have not changed.")
@QUIET
@user_errors
def build(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
          workers: int | None, force: bool, quiet: bool) -> None:
    """Build the case study PDF, the teaching note and/or the deck of each case.

    A case whose documents, templates and theme have not changed since its last build is skipped.
    """
    from casebook import batch

    jobs = _jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force)
    with _Reporter(len(jobs), quiet) as reporter:
        results = batch.run(jobs, workers or batch.default_workers(), reporter.report)
    problems = list(dict.fromkeys(p for r in results for p in r.problems))
    if problems:
        raise CaseError(problems)


@cli.command()
@CASE_DIRS
@FORMAT
@OUT
@TEMPLATES
@THEME
@QUIET
@user_errors
def watch(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
          quiet: bool) -> None:
    """Build the cases, then rebuild each when its documents, the templates or the theme change (Ctrl-C stops)."""
    from casebook import watch as watching

    jobs = _jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force=True)
    shared = [*template_dirs, *([theme_file] if theme_file else [])]
    reporter = _Reporter(0, quiet)
    click.echo(f"casebook: watching {len(jobs)} case{'s' if len(jobs) != 1 else ''}; Ctrl-C stops", err=True)

    def report(result: Any) -> None:
        reporter.report(result)
        for problem in result.problems:
            click.echo(str(problem), err=True)

    watching.watch(jobs, shared, report)


@cli.command()
@CASE_DIRS
@THEME
@user_errors
def check(case_dirs: tuple[Path, ...], theme_file: Path | None) -> None:
    """Validate the cases: print every warning and error, exit 1 on errors.

    Warnings include the characters the theme's fonts cannot draw.
    """
    from casebook.pipeline import FORMATS, load_case, warning_lines

    theme = _theme(theme_file)
    problems = []
    for folder in _case_folders(case_dirs):
        try:
            case = load_case(folder)
        except CaseError as exc:
            problems.extend(exc.problems)
            continue
        warnings = warning_lines(case, folder, FORMATS, theme)
        for line in warnings:
            click.echo(line)
        if case.conflicts:
            from casebook.render.wording import Wording

            wording = Wording(case)
            for conflict in case.conflicts:
                click.echo(wording.render("cli/conflict.j2", conflict=conflict, folder=folder, labels=wording.labels))
        click.echo(f"{folder}: ok: {case.film.title}, {len(case.sources)} sources, {len(warnings)} warnings, "
                   f"{len(case.conflicts)} conflicts")
    if problems:
        raise CaseError(problems)


@cli.command()
@CASE_DIRS
@click.option("--json", "as_json", is_flag=True, help="Print the whole case model as JSON.")
@TEMPLATES
@user_errors
def show(case_dirs: tuple[Path, ...], as_json: bool, template_dirs: tuple[Path, ...]) -> None:
    """Print the case model of each case: a summary, or all of it with --json."""
    from casebook.pipeline import load_case

    cases = [load_case(folder) for folder in _case_folders(case_dirs)]
    if as_json:
        if len(cases) == 1:
            click.echo(cases[0].model_dump_json(indent=2))
        else:
            click.echo("[" + ",\n".join(c.model_dump_json(indent=2) for c in cases) + "]")
        return
    from casebook.render.wording import Wording

    for case in cases:
        click.echo(Wording(case, template_dirs).render("cli/show.j2"))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the case model."""
    import json

    from casebook.model.case import Case

    click.echo(json.dumps(Case.model_json_schema(), indent=2))


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Run the command; an interrupt (Ctrl-C or SIGTERM) unwinds cleanly, leaving no partial files."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = cli.main(prog_name="casebook", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("casebook: interrupted; earlier outputs are unchanged", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
