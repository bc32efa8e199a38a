"""The whole job for one case, step by step: load it, render it, write the files (finding cases: discover).

Renderers are imported only when their format is asked for, so ``--format pdf`` never loads
python-pptx and ``check`` loads neither.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casebook.errors import user_error
from casebook.ingest.folder import read_folder
from casebook.model.builder import build_case
from casebook.model.case import Case, CaseWarning
from casebook.theme import Theme, default_theme

if TYPE_CHECKING:
    from casebook.wording import Wording

FORMATS = ("pdf", "teaching-note", "pptx", "json", "html", "html-teaching-note")


def load_case(folder: Path) -> Case:
    """Read, extract and validate the case in ``folder``."""
    return build_case(read_folder(folder))


@dataclass(frozen=True)
class Output:
    format: str
    path: Path


def output_names(case: Case) -> dict[str, str]:
    return {
        "pdf": f"{case.slug}-case-study.pdf",
        "teaching-note": f"{case.slug}-teaching-note.pdf",
        "pptx": f"{case.slug}-deck.pptx",
        "json": "case.json",
        "html": f"{case.slug}-case-study.html",
        "html-teaching-note": f"{case.slug}-teaching-note.html",
    }


def _renderer(fmt: str) -> Callable[..., bytes]:
    if fmt == "pdf":
        from casebook.render.pdf import render_pdf

        return render_pdf
    if fmt == "teaching-note":
        from casebook.render.pdf import render_teaching_note

        return render_teaching_note
    if fmt == "pptx":
        from casebook.render.deck import render_deck

        return render_deck
    if fmt == "html":
        from casebook.render.html import render_html

        return render_html
    if fmt == "html-teaching-note":
        from casebook.render.html import render_html_teaching_note

        return render_html_teaching_note
    raise ValueError(fmt)


def warm_up(formats: Sequence[str]) -> None:
    """Import the renderers of ``formats`` now: a parent process does it once, before forking its workers."""
    if "pdf" in formats or "teaching-note" in formats:
        import casebook.render.pdf.build  # noqa: F401
    if "pptx" in formats:
        import casebook.render.deck  # noqa: F401
    if "html" in formats or "html-teaching-note" in formats:
        import casebook.render.html.page  # noqa: F401


def render(case: Case, fmt: str, template_dirs: Sequence[Path] = (), theme: Theme | None = None,
           wording: Wording | None = None, recipient: str | None = None) -> bytes:
    """The bytes of one output of ``case``, in the look of ``theme`` (the bundled default when None).

    ``wording`` may be shared by the formats of one build; it is made from ``template_dirs`` when None.
    ``recipient`` names the one reader a personal copy is prepared for (in its footers and metadata);
    it is ignored when ``wording`` is given, which carries its own.
    """
    if fmt == "json":
        return (case.model_dump_json(indent=2) + "\n").encode("utf-8")
    from casebook.wording import Wording

    wording = wording or Wording(case, template_dirs, recipient=recipient)
    return _renderer(fmt)(case, wording, theme or default_theme())


def warning_line(case: Case, folder: Path, warning: CaseWarning, wording: Wording) -> str:
    """One warning as the instructor reads it at the command line: ``path:line: warning: message``, the message
    worded by ``warnings.j2``."""
    message = wording.warning(warning, "instructor")
    if warning.source is not None:
        source = case.source(warning.source.source)
        return f"{folder / source.file}:{warning.source.first_line}: warning: {message}"
    if warning.file:
        return f"{folder / warning.file}: warning: {message}"
    return f"{folder}: warning: {message}"


def warning_lines(case: Case, folder: Path, formats: Sequence[str] = (), theme: Theme | None = None,
                  template_dirs: Sequence[Path] = ()) -> list[str]:
    """Every warning of ``case`` (and, for rendered formats, the glyphs its fonts lack and, for the HTML edition,
    the theme's colours that lack contrast), one line each."""
    from casebook.wording import Wording

    wording = Wording(case, template_dirs)
    lines = [warning_line(case, folder, w, wording) for w in [*case.warnings, *glyph_warnings(case, formats, theme)]]
    return [*lines, *contrast_warnings(formats, theme, template_dirs)]


def contrast_warnings(formats: Sequence[str], theme: Theme | None, template_dirs: Sequence[Path] = ()) -> list[str]:
    """One line per text colour of a user's theme under the 4.5:1 contrast the HTML edition needs (it uses a
    colour that passes instead); none unless an HTML format is built."""
    if theme is None or not any(fmt in ("html", "html-teaching-note") for fmt in formats):
        return []
    from casebook.render.html.colors import contrast_problems

    problems = contrast_problems(theme)
    if not problems:
        return []
    from casebook.wording import environment, template_errors

    with template_errors("html/wording.j2"):
        wording = environment(tuple(str(d) for d in template_dirs)).get_template("html/wording.j2").make_module({"case": None})
        return [f"{theme.file or theme.folder}: warning: {' '.join(str(wording.contrast_warning(p)).split())}" for p in problems]


def glyph_warnings(case: Case, formats: Sequence[str], theme: Theme | None = None) -> list[CaseWarning]:
    """Characters of ``case`` the theme's fonts cannot draw, one warning per field; none for JSON alone."""
    if all(fmt == "json" for fmt in formats):
        return []
    from casebook.render.text.glyphs import check_glyphs

    return check_glyphs(case, theme or default_theme())


def _temporary(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path``, readable as any new file would be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; an output is shared like any new file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_all(files: Iterable[tuple[Path, bytes]]) -> None:
    """Write every file or none: all go to temporary files first, then each is renamed into place.

    ``files`` may be a generator, so that the bytes of one file at a time are in memory. A failure is a
    :class:`CasebookError` naming the file that could not be written (never its temporary file).
    A failure or an interrupt while writing leaves the previous files as they were and no partial file;
    two builds into one folder at once each rename whole files, so no file is ever a mix of both.
    """
    commit_all(stage_all(files))


def stage_all(files: Iterable[tuple[Path, bytes]]) -> list[tuple[Path, Path]]:
    """The first half of :func:`write_all`: every file written to a temporary file beside its place, nothing
    renamed yet; (temporary file, place) each. :func:`commit_all` renames them, :func:`discard_all` drops them."""
    written: list[tuple[Path, Path]] = []
    path: Path | None = None
    try:
        for path, data in files:
            written.append((_temporary(path, data), path))
    except OSError as exc:
        _discard(written)
        raise user_error(path or exc.filename, "cannot_write", reason=exc.strerror or exc) from None
    except BaseException:
        _discard(written)
        raise
    return written


def commit_all(written: Sequence[tuple[Path, Path]]) -> None:
    """Rename every file staged by :func:`stage_all` into place (all are dropped if one cannot be)."""
    path: Path | None = None
    try:
        for _, path in written:  # what would stop a rename, found before the first one
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        for tmp, path in written:
            os.replace(tmp, path)
    except OSError as exc:
        _discard(written)
        raise user_error(path or exc.filename, "cannot_write", reason=exc.strerror or exc) from None
    except BaseException:
        _discard(written)
        raise


def discard_all(written: Sequence[tuple[Path, Path]]) -> None:
    """Drop the temporary files of :func:`stage_all`: the places keep what they held."""
    _discard(written)


def _discard(written: Sequence[tuple[Path, Path]]) -> None:
    for tmp, _ in written:
        tmp.unlink(missing_ok=True)


def _render_deck_apart(case: Case, template_dirs: Sequence[Path], theme: Theme | None, recipient: str | None) -> bytes:
    return render(case, "pptx", template_dirs, theme, recipient=recipient)


def _render_all(case: Case, formats: Sequence[str], template_dirs: Sequence[Path], theme: Theme | None,
                parallel: bool, recipient: str | None = None) -> dict[str, bytes]:
    """The bytes of every format. With ``parallel``, the deck renders in a forked process beside the PDFs
    (python-pptx and reportlab then load and work on two cores at once)."""
    wording = None
    if any(fmt != "json" for fmt in formats):
        from casebook.wording import Wording

        wording = Wording(case, template_dirs, recipient=recipient)
    others = [fmt for fmt in formats if fmt != "pptx"]
    if not (parallel and "pptx" in formats and any(fmt != "json" for fmt in others)):
        return {fmt: render(case, fmt, template_dirs, theme, wording) for fmt in formats}
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        deck = pool.submit(_render_deck_apart, case, template_dirs, theme, recipient)
        rendered = {fmt: render(case, fmt, template_dirs, theme, wording) for fmt in others}
        rendered["pptx"] = deck.result()
    return rendered


def build(
    case: Case, formats: Sequence[str], out_root: Path, template_dirs: Sequence[Path] = (), theme: Theme | None = None,
    parallel: bool = False, recipient: str | None = None, folder: Path | None = None,
) -> list[Output]:
    """Render ``case`` in every format, then write all the files: nothing is written if a render fails.

    ``parallel`` renders the deck in a second process (for a single case on a machine with cores to spare).
    ``recipient`` makes a personal copy for one named reader; ``folder`` replaces ``out_root/<slug>``.
    """
    names = output_names(case)
    parallel = parallel and "fork" in multiprocessing.get_all_start_methods()
    by_format = _render_all(case, formats, template_dirs, theme, parallel, recipient)
    rendered = [(fmt, by_format[fmt]) for fmt in formats]
    folder = folder or out_root / case.slug
    files = [(folder / names[fmt], data) for fmt, data in rendered]
    write_all(files)
    return [Output(fmt, path) for (fmt, _), (path, _) in zip(rendered, files, strict=True)]


# --- personal copies, stamped from one base render (see casebook.render.stamp) -----------------------


def render_base(case: Case, formats: Sequence[str], template_dirs: Sequence[Path] = (), theme: Theme | None = None,
                parallel: bool = False) -> dict[str, bytes]:
    """The base render of ``case`` in ``formats`` ("pdf", "pptx"): what every reader's copy is stamped from."""
    from casebook.render import BASE_RECIPIENT

    parallel = parallel and "fork" in multiprocessing.get_all_start_methods()
    return _render_all(case, formats, template_dirs, theme, parallel, recipient=BASE_RECIPIENT)


def stamper(case: Case, bases: dict[str, bytes], template_dirs: Sequence[Path] = (), theme: Theme | None = None) -> Any:
    """What stamps copies of ``case`` for its readers from ``bases`` (format -> base render)."""
    from casebook.render.stamp import Stamper
    from casebook.wording import Wording

    return Stamper(case, Wording(case, template_dirs), theme or default_theme(), bases)


def stamp_error() -> type[Exception]:
    """The exception of a base that cannot be stamped (:class:`casebook.render.stamp.StampError`): the caller
    then renders that copy in full."""
    from casebook.render.stamp import StampError

    return StampError


def build_stamped(case: Case, stamps: Any, formats: Sequence[str], recipient: str, folder: Path) -> list[Output]:
    """Stamp the copy of ``case`` for ``recipient`` in every format, then write the files into ``folder``.

    Every format is stamped before anything is written; a base that cannot be stamped raises
    :class:`casebook.render.stamp.StampError` with nothing written (the copy is then rendered in full).
    """
    names = output_names(case)
    files = [(folder / names[fmt], stamps.render(fmt, recipient)) for fmt in formats]
    write_all(files)
    return [Output(fmt, path) for fmt, (path, _) in zip(formats, files, strict=True)]
