"""Finding case folders and their documents, with nothing heavy imported (the no-op rebuild starts here)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casebook.errors import case_error

#: file name endings that can hold a source document
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


def document_paths(folder: Path) -> list[Path]:
    """The entries of ``folder`` named like source documents, in name order (hidden files skipped).

    Entries that are folders or symbolic links are listed too, so that reading them reports why they
    are refused.
    """
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith("."))


def find_cases(paths: Sequence[Path], default_root: Path) -> list[Path]:
    """The case folders to work on.

    A folder that holds documents is a case; a folder of such folders is a set of cases. With no
    paths, every case under ``default_root``.
    """
    roots = list(paths) or [default_root]
    cases: list[Path] = []
    for root in roots:
        if not root.exists():
            raise case_error(root, "no_such_folder")
        if not root.is_dir():
            raise case_error(root, "case_path_not_folder")
        if document_paths(root):
            cases.append(root)
            continue
        found = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and document_paths(p))
        if not found:
            raise case_error(root, "no_case_in_folder")
        cases.extend(found)
    return cases
