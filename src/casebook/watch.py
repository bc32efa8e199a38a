"""``casebook watch``: rebuild a case when its sources, the templates or the theme change.

The process stays warm: libraries are imported once and each rebuild only loads, renders and writes.
A change to a template or the theme rebuilds every watched case; a change inside a case folder
rebuilds that case. Problems are reported and watching goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from casebook import batch


def affected(changes: set[Path], jobs: Sequence[batch.Job], shared: Sequence[Path]) -> list[batch.Job]:
    """The jobs a set of changed paths calls for."""
    if any(path == root or path.is_relative_to(root) for path in changes for root in shared):
        return list(jobs)
    return [job for job in jobs if any(path.is_relative_to(job.folder.resolve()) for path in changes)]


def watch(jobs: Sequence[batch.Job], shared: Sequence[Path], on_result: Callable[[batch.Result], None],
          stop_event: object | None = None) -> None:
    """Build every job once, then rebuild the affected ones on each change until interrupted."""
    from watchfiles import watch as watch_changes

    for job in jobs:
        on_result(batch.build_one(job))
    roots = [job.folder.resolve() for job in jobs] + [Path(p).resolve() for p in shared]
    for changes in watch_changes(*roots, stop_event=stop_event, debounce=300):
        changed = {Path(path).resolve() for _, path in changes}
        for job in affected(changed, jobs, [Path(p).resolve() for p in shared]):
            job.shared = None  # templates or theme may have changed: hash them again
            on_result(batch.build_one(job))
