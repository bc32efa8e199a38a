"""``casebook watch``: rebuild a case when its sources, the templates or the theme change.

The process stays warm: libraries are imported once and each rebuild only loads, renders and writes.
A change to a template or the theme rebuilds every watched case; a change inside a case folder
rebuilds that case. Problems are reported and watching goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casebook.cli.common import CASE_DIRS, DECK, FORMAT, OUT, QUIET, TEMPLATES, THEME, Reporter, build_jobs, say, user_errors

if TYPE_CHECKING:
    from casebook import batch


def affected(changes: set[Path], jobs: Sequence[batch.Job], shared: Sequence[Path]) -> list[batch.Job]:
    """The jobs a set of changed paths calls for."""
    if any(path == root or path.is_relative_to(root) for path in changes for root in shared):
        return list(jobs)
    return [job for job in jobs if any(path.is_relative_to(job.folder.resolve()) for path in changes)]


def watch_jobs(jobs: Sequence[batch.Job], shared: Sequence[Path], on_result: Callable[[batch.Result], None],
               stop_event: object | None = None) -> None:
    """Build every job once, then rebuild the affected ones on each change until interrupted."""
    from watchfiles import watch as watch_changes

    from casebook import batch

    for job in jobs:
        on_result(batch.build_one(job))
    roots = [job.folder.resolve() for job in jobs] + [Path(p).resolve() for p in shared]
    for changes in watch_changes(*roots, stop_event=stop_event, debounce=300):
        changed = {Path(path).resolve() for _, path in changes}
        for job in affected(changed, jobs, [Path(p).resolve() for p in shared]):
            job.shared = None  # templates or theme may have changed: hash them again
            on_result(batch.build_one(job))


@click.command()
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
    jobs = build_jobs(case_dirs, fmt, out_dir, template_dirs, theme_file, force=True)
    shared = [*template_dirs, *([theme_file] if theme_file else [])]
    reporter = Reporter(0, quiet)
    click.echo(say("watching", count=len(jobs)), err=True)

    def report(result: Any) -> None:
        reporter.report(result)
        for problem in result.problems:
            click.echo(str(problem), err=True)

    watch_jobs(jobs, shared, report)


COMMANDS: tuple[click.Command, ...] = (watch,)
