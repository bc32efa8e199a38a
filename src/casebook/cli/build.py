"""``casebook build``: the outputs of each case, and with ``--roster`` each student's own copy of them."""

from __future__ import annotations

from pathlib import Path

import click

from casebook.cli.common import (
    CASE_DIRS,
    DECK,
    FORMAT,
    FORMAT_CHOICES,
    JOBS,
    OUT,
    QUIET,
    STUDENT_FORMATS,
    TEMPLATES,
    THEME,
    Reporter,
    build_jobs,
    say,
    students_of,
    user_errors,
)
from casebook.errors import CaseError

ROSTER = click.option(
    "--roster", "roster_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="CSV of students (name, email, optional id): also write each student a copy of the case study and the deck, "
         "naming them on every page and slide, into OUT/<slug>/students/<student>/.",
)


@click.command()
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
        raise click.UsageError(say("roster_format", fmt=fmt, formats=[f for f in FORMAT_CHOICES
                                                                      if any(s in STUDENT_FORMATS for s in FORMAT_CHOICES[f])]))
    students = students_of(roster_file)
    jobs = build_jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force, students)
    with Reporter(len(jobs), quiet) as reporter:
        results = batch.run(jobs, workers or batch.default_workers(), reporter.report)
    problems = list(dict.fromkeys(p for r in results for p in r.problems))
    if problems:
        raise CaseError(problems)


COMMANDS: tuple[click.Command, ...] = (build,)
