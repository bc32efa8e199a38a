"""The ``casebook`` command: thin, it parses arguments, calls the pipeline and turns problems into exit codes.

Exit codes: 0 success, 1 bad input (a message naming the file and line), 2 bad usage.
Heavy libraries are imported only by the commands that need them.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, NoReturn

import click

from casebook import __version__, cli_mail
from casebook.cli_common import (
    CASE_DIRS,
    DECK,
    FORMAT,
    FORMAT_CHOICES,
    JOBS,
    OUT,
    QUIET,
    ROSTER,
    STUDENT_FORMATS,
    TEMPLATES,
    THEME,
    Reporter,
    build_jobs,
    case_folders,
    students_of,
    theme_of,
    user_errors,
)
from casebook.errors import CaseError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="casebook")
@click.option("--debug", is_flag=True, help="Show the full traceback of any error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn a folder of source documents into a business case study PDF and a class deck.

    With no CASE_DIR, every case folder under ./seeds is used.
    """
    ctx.obj = {"debug": debug}


@cli.command()
@CASE_DIRS
@FORMAT
@OUT
@TEMPLATES
@THEME
@DECK
@JOBS
@click.option("--force", is_flag=True, help="Rebuild every case, even those whose inputs have not changed.")
@ROSTER
@QUIET
@user_errors
def build(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
          workers: int | None, force: bool, roster_file: Path | None, quiet: bool) -> None:
    """Build the case study PDF, the teaching note and/or the deck of each case.

    A case whose documents, templates and theme have not changed since its last build is skipped.
    With --roster, each student also gets a copy of the case study and the deck prepared for them.
    """
    from casebook import batch

    if roster_file is not None and not any(f in STUDENT_FORMATS for f in FORMAT_CHOICES[fmt]):
        raise click.UsageError(f"--roster writes the students' case study and deck: use --format pdf, pptx, html or all, "
                               f"not {fmt}")
    students = students_of(roster_file)
    jobs = build_jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force, students)
    with Reporter(len(jobs), quiet) as reporter:
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
@DECK
@QUIET
@user_errors
def watch(case_dirs: tuple[Path, ...], fmt: str, out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
          quiet: bool) -> None:
    """Build the cases, then rebuild each when its documents, the templates or the theme change (Ctrl-C stops)."""
    from casebook import watch as watching

    jobs = build_jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force=True)
    shared = [*template_dirs, *([theme_file] if theme_file else [])]
    reporter = Reporter(0, quiet)
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

    theme = theme_of(theme_file)
    problems = []
    for folder in case_folders(case_dirs):
        try:
            case = load_case(folder)
        except CaseError as exc:
            problems.extend(exc.problems)
            continue
        warnings = warning_lines(case, folder, FORMATS, theme)
        for line in warnings:
            click.echo(line)
        if case.conflicts:
            from casebook.wording import Wording

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

    cases = [load_case(folder) for folder in case_folders(case_dirs)]
    if as_json:
        if len(cases) == 1:
            click.echo(cases[0].model_dump_json(indent=2))
        else:
            click.echo("[" + ",\n".join(c.model_dump_json(indent=2) for c in cases) + "]")
        return
    from casebook.wording import Wording

    for case in cases:
        click.echo(Wording(case, template_dirs).render("cli/show.j2"))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the case model."""
    import json

    from casebook.model.case import Case

    click.echo(json.dumps(Case.model_json_schema(), indent=2))


class Terminated(KeyboardInterrupt):
    """SIGTERM: unwinds like Ctrl-C (no partial files), and the process ends with 143 (128 + 15), not 130."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


def main() -> None:
    """Run the command; an interrupt (Ctrl-C or SIGTERM) unwinds cleanly, leaving no partial files."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = _run()
    except SystemExit as exc:
        code = exc.code
    _exit(code)


def _run() -> Any:
    try:
        code = cli.main(prog_name="casebook", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt) as exc:
        click.echo("casebook: interrupted; earlier outputs are unchanged", err=True)
        terminated = isinstance(exc, Terminated) or isinstance(exc.__cause__, Terminated)  # click wraps it in Abort
        return 128 + signal.SIGTERM if terminated else 128 + signal.SIGINT
    return code if isinstance(code, int) else 0


def _exit(code: Any) -> NoReturn:
    """End the process with ``code`` (an exit status, None for 0, or a message to print and exit 1).

    By now every output is written, closed and renamed into place and every worker has finished, so the
    interpreter's teardown (freeing each module and object, a tenth of a second after a build) is skipped:
    the streams are flushed and the process ends. A tracer, a profiler or coverage, or a thread still
    running, gets the usual exit instead.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    busy = any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate())
    if busy or sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (casebook show | head): nothing more can be said
            pass
    os._exit(code)


for _command in cli_mail.COMMANDS:  # pack and send: email packages of the outputs
    cli.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
