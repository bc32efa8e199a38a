"""Building many cases: in parallel over all cores, skipping what has not changed, with progress.

Each case is built in a worker process (forked after the heavy libraries are imported, so every worker
starts warm). A case whose inputs have not changed since its last build is skipped through the cache
(:mod:`casebook.cache`) before anything heavy is imported. Results come back in the order of the cases.

A job may be a personal copy of a case for one reader (a student of a roster): its outputs go to
``OUT/<slug>/students/<student>/`` and it is cached apart from the case's own build. Copies are not rendered
one by one: the case is rendered once as a *base* (cached apart too, see :func:`base_key`), and each copy is
stamped from it (:mod:`casebook.render.stamp`) in processes forked after the stamper is made, so that they
share it. A copy whose base cannot be stamped is rendered in full.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casebook import cache
from casebook.errors import CasebookError, CaseError, Problem, problems_of


@dataclass
class Job:
    folder: Path
    formats: tuple[str, ...]
    out_root: Path
    template_dirs: tuple[Path, ...] = ()
    theme_path: Path | None = None
    force: bool = False
    parallel_formats: bool = False  # render the deck beside the PDFs in a second process
    shared: str | None = None  # the cache key part every job of one build shares; computed when None
    recipient: str | None = None  # a personal copy for this reader (a student's name): in every footer and the metadata
    student: str | None = None  # with ``recipient``: the folder of the copy, OUT/<slug>/students/<student>/
    deck: str | None = None  # "teaching" or "full": the deck's style over the theme's (``--deck``); None keeps the theme's

    def __post_init__(self) -> None:
        if (self.recipient is None) != (self.student is None):
            raise ValueError("a personal copy needs both its recipient and its student folder")


@dataclass
class Result:
    folder: Path
    outputs: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False
    recipient: str | None = None  # the reader of a personal copy


def _documents(folder: Path) -> list[Path]:
    from casebook.discover import document_paths

    return [p for p in document_paths(folder) if p.is_file()]


def _theme_files(theme_path: Path | None) -> list[Path]:
    """The theme file and the files it names (fonts, logo, deck template), as far as they exist."""
    if not theme_path:
        return []
    files = [theme_path]
    if theme_path.suffix.lower() == ".toml" and theme_path.is_file():
        for name in re.findall(r'"([^"]+\.(?:ttf|otf|png|jpe?g|pptx))"', theme_path.read_text(errors="replace")):
            candidate = theme_path.parent / name
            if candidate.is_file():
                files.append(candidate)
    return files


def shared_key(job: Job) -> str:
    formats = (*job.formats, f"deck={job.deck}") if job.deck and "pptx" in job.formats else job.formats
    return cache.shared_key(formats, job.template_dirs, _theme_files(job.theme_path))


def key_of(job: Job) -> str:
    return cache.fingerprint(job.shared or shared_key(job), _documents(job.folder), job.recipient)


def cached(job: Job) -> Result | None:
    """The result of a case that needs no build, or None."""
    if job.force:
        return None
    try:
        entry = cache.lookup(job.out_root, job.folder, key_of(job), job.student)
    except OSError:
        return None
    if entry is None:
        return None
    return Result(job.folder, [Path(o["path"]) for o in entry.outputs], entry.messages, skipped=True, recipient=job.recipient)


#: the cases this process loaded lately, by folder and the bytes of its documents: the copies of one case
#: a worker builds one after another share one load (a small LRU, so a long batch does not keep every case)
_LOADED: OrderedDict[tuple[str, str], Any] = OrderedDict()


def _load(folder: Path) -> Any:
    """The case in ``folder``, loaded once per process while its documents stay the same."""
    from casebook.pipeline import load_case

    memo = (str(folder.resolve()), cache.fingerprint("", _documents(folder)))
    if memo not in _LOADED:
        try:
            _LOADED[memo] = load_case(folder)
        except CaseError as exc:  # a case that cannot be loaded fails every copy alike, at once
            _LOADED[memo] = exc
        while len(_LOADED) > 4:
            _LOADED.popitem(last=False)
    _LOADED.move_to_end(memo)
    loaded = _LOADED[memo]
    if isinstance(loaded, CaseError):
        raise CaseError(loaded.problems)
    return loaded


def build_one(job: Job) -> Result:
    """Load, render and write one case; problems come back in the result, never as an exception."""
    from casebook.pipeline import build, load_case, warning_lines
    from casebook.theme import load_theme

    result = Result(job.folder, recipient=job.recipient)
    try:
        key = key_of(job)
        theme = load_theme(job.theme_path)
        if job.deck is not None:
            theme = theme.model_copy(update={"deck": theme.deck.model_copy(update={"style": job.deck})})
        if job.recipient is None:
            case = load_case(job.folder)
            messages = warning_lines(case, job.folder, job.formats, theme, job.template_dirs)  # before rendering
            folder = None
        else:  # a personal copy: the case's warnings are the case build's to tell, once
            case = _load(job.folder)
            messages = []
            folder = job.out_root / case.slug / "students" / str(job.student)
        outputs = build(case, job.formats, job.out_root, job.template_dirs, theme, parallel=job.parallel_formats,
                        recipient=job.recipient, folder=folder)
    except CaseError as exc:
        result.problems.extend(exc.problems)
        return result
    except CasebookError as exc:
        result.problems.extend(problems_of(exc))  # theme and template errors name their own file
        return result
    result.outputs = [o.path for o in outputs]
    result.messages = messages
    cache.store(job.out_root, job.folder, key, result.outputs, result.messages, job.student)
    return result


# --- personal copies: one base render per case, each copy stamped from it ----------------------------


def base_key(job: Job) -> str:
    """The key of the base render a personal copy ``job`` is stamped from (the same for every reader)."""
    return cache.fingerprint((job.shared or shared_key(job)) + "\0base", _documents(job.folder))


def _base_cached(job: Job, key: str) -> list[Path] | None:
    if job.force:
        return None
    try:
        entry = cache.lookup(job.out_root, job.folder, key, cache.BASE_VARIANT)
    except OSError:
        return None
    return None if entry is None else [Path(o["path"]) for o in entry.outputs]


def _base_formats(job: Job) -> tuple[str, ...]:
    """The formats of ``job`` a copy is stamped from a base render of (the HTML edition is rendered for each reader)."""
    return tuple(fmt for fmt in job.formats if fmt in ("pdf", "pptx"))


def build_base(job: Job, parallel: bool) -> tuple[list[Path], list[Problem]]:
    """Render the base of the copies ``job`` stands for and keep it in the cache: (its files, problems)."""
    from casebook.pipeline import output_names, render_base, write_all
    from casebook.theme import load_theme

    try:
        key = base_key(job)
        theme = load_theme(job.theme_path)
        case = _load(job.folder)
        formats = _base_formats(job)
        rendered = render_base(case, formats, job.template_dirs, theme, parallel)
        folder = cache.base_folder(job.out_root, job.folder)
        files = [(folder / output_names(case)[fmt], rendered[fmt]) for fmt in formats]
        write_all(files)
    except CaseError as exc:
        return [], list(exc.problems)
    except CasebookError as exc:
        return [], problems_of(exc)
    paths = [path for path, _ in files]
    cache.store(job.out_root, job.folder, key, paths, [], cache.BASE_VARIANT)
    return paths, []


#: the stampers this process made, by base key (a few: one per case of a roster build)
_STAMPERS: OrderedDict[str, Any] = OrderedDict()


def _stamper(job: Job, key: str, base: Sequence[Path]) -> Any:
    from casebook.pipeline import stamper
    from casebook.theme import load_theme

    if key not in _STAMPERS:
        bases = {fmt: path.read_bytes() for fmt, path in zip(_base_formats(job), base, strict=True)}
        _STAMPERS[key] = stamper(_load(job.folder), bases, job.template_dirs, load_theme(job.theme_path))
        while len(_STAMPERS) > 4:
            _STAMPERS.popitem(last=False)
    _STAMPERS.move_to_end(key)
    return _STAMPERS[key]


def stamp_one(job: Job, key: str, base: Sequence[Path]) -> Result:
    """The copy ``job`` stamped from the base render ``base`` (its files, in the job's formats), or, where the
    base cannot be stamped, rendered in full; problems come back in the result."""
    from casebook.pipeline import build_stamped, stamp_error

    cannot_stamp = stamp_error()

    result = Result(job.folder, recipient=job.recipient)
    try:
        copy_key = key_of(job)
        stamps = _stamper(job, key, base)
        folder = job.out_root / stamps.case.slug / "students" / str(job.student)
        outputs = build_stamped(stamps.case, stamps, job.formats, str(job.recipient), folder)
    except cannot_stamp:
        return build_one(job)
    except CaseError as exc:
        result.problems.extend(exc.problems)
        return result
    except CasebookError as exc:
        result.problems.extend(problems_of(exc))
        return result
    result.outputs = [o.path for o in outputs]
    cache.store(job.out_root, job.folder, copy_key, result.outputs, [], job.student)
    return result


def _stamp_many(tasks: Sequence[tuple[int, Job, str, Sequence[Path]]]) -> list[tuple[int, Result]]:
    return [(index, stamp_one(job, key, base)) for index, job, key, base in tasks]


def _warm_up(formats: Sequence[str]) -> None:
    """Import what every worker needs once, before forking."""
    from casebook.pipeline import warm_up

    warm_up(formats)


def run(jobs: Sequence[Job], workers: int, on_result: Callable[[Result], None]) -> list[Result]:
    """Build every job with ``workers`` processes; ``on_result`` sees each result as it arrives."""
    results: dict[int, Result] = {}
    todo: list[int] = []
    keys: dict[tuple[object, ...], str] = {}
    for job in jobs:  # templates and theme are hashed once per build, not once per case
        group = (job.formats, job.template_dirs, job.theme_path, job.deck)
        if group not in keys:
            keys[group] = shared_key(job)
        job.shared = keys[group]
    for index, job in enumerate(jobs):
        hit = cached(job)
        if hit is not None:
            results[index] = hit
            on_result(hit)
        else:
            todo.append(index)
    copies = [i for i in todo if jobs[i].recipient is not None and set(jobs[i].formats) <= {"pdf", "pptx", "html"}]
    full = [i for i in todo if i not in set(copies)]
    bases: dict[str, list[Path]] = {}  # base key -> its files
    failed: dict[str, list[Problem]] = {}  # base key -> why it could not be rendered
    to_render: dict[str, Job] = {}
    for index in copies:
        key = base_key(jobs[index])
        if key not in bases and key not in to_render:
            hit = _base_cached(jobs[index], key)
            if hit is not None:
                bases[key] = hit
            else:
                to_render[key] = jobs[index]
    _build(jobs, full, workers, results, on_result, to_render, bases, failed)
    if copies:
        _stamp(jobs, copies, workers, results, on_result, bases, failed)
    return [results[i] for i in range(len(jobs))]


def _build(jobs: Sequence[Job], todo: Sequence[int], workers: int, results: dict[int, Result],
           on_result: Callable[[Result], None], to_render: dict[str, Job], bases: dict[str, list[Path]],
           failed: dict[str, list[Problem]]) -> None:
    """Build the jobs ``todo`` in full, with ``workers`` processes, and render the bases ``to_render`` in this
    process meanwhile (their copies are then stamped from this process's memory, forked)."""
    if not todo:
        _render_bases(to_render, workers > 1, bases, failed)
        return
    pool_workers = max(1, min(workers - (1 if to_render else 0), len(todo)))  # this process renders the bases
    if workers == 1 or (pool_workers == 1 and not to_render):
        for index in todo:
            jobs[index].parallel_formats = workers > len(todo)  # one case and two cores: its formats side by side
            results[index] = build_one(jobs[index])
            on_result(results[index])
        _render_bases(to_render, False, bases, failed)
        return
    _warm_up(jobs[todo[0]].formats)
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=pool_workers, mp_context=context) as pool:
        futures = {pool.submit(build_one, jobs[i]): i for i in todo}
        try:
            _render_bases(to_render, False, bases, failed)
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                on_result(results[futures[future]])
        except BaseException:  # Ctrl-C, SIGTERM, a failure: no job starts any more; the running ones end whole
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _render_bases(to_render: dict[str, Job], parallel: bool, bases: dict[str, list[Path]],
                  failed: dict[str, list[Problem]]) -> None:
    for key, job in to_render.items():
        paths, problems = build_base(job, parallel)
        if problems:
            failed[key] = problems
        else:
            bases[key] = paths


def _stamp(jobs: Sequence[Job], copies: Sequence[int], workers: int, results: dict[int, Result],
           on_result: Callable[[Result], None], bases: dict[str, list[Path]], failed: dict[str, list[Problem]]) -> None:
    """Stamp the copies ``copies`` from their bases, in ``workers`` processes forked from this one (which
    makes each case's stamper first, so that the workers share it)."""
    tasks = []
    for index in copies:
        job = jobs[index]
        key = base_key(job)
        if key in failed:  # a case that cannot be rendered fails every copy alike
            results[index] = Result(job.folder, problems=list(failed[key]), recipient=job.recipient)
            on_result(results[index])
        else:
            tasks.append((index, job, key, bases[key]))
    if not tasks:
        return
    for _, job, key, base in {task[2]: task for task in tasks}.values():
        try:
            _stamper(job, key, base).prepare([str(t[1].recipient) for t in tasks if t[2] == key], job.formats)
        except (CaseError, CasebookError):
            pass  # each copy tells it
    workers = max(1, min(workers, len(tasks)))
    if workers == 1:
        for index, result in _stamp_many(tasks):
            results[index] = result
            on_result(result)
        return
    size = max(1, min(16, len(tasks) // (workers * 4)))  # small chunks: progress is seen, cores stay busy
    chunks = [tasks[at:at + size] for at in range(0, len(tasks), size)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for future in as_completed([pool.submit(_stamp_many, chunk) for chunk in chunks]):
                for index, result in future.result():
                    results[index] = result
                    on_result(result)
        except BaseException:  # as above: no chunk starts any more
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
