"""A content-addressed build cache: a case whose inputs have not changed is not built again.

The key of a case hashes everything its outputs depend on: the bytes of its source documents, the
templates (built-in and the user's), the theme file with its fonts and logo, the formats asked for,
and casebook itself (its version and its code). The cache lives in ``OUT/.casebook-cache/``, one small
JSON file per case folder (and one per personal copy: each student's copy of a case is cached apart; and
one for the base render that students' copies are stamped from, kept with its files in a folder beside it),
naming the outputs with their sizes and modification times and keeping the warnings the build printed,
so that a skipped case reports the same warnings.

This module imports nothing heavy: a no-op rebuild never loads pydantic, reportlab or python-pptx.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casebook import __version__

CACHE_FOLDER = ".casebook-cache"
_PACKAGE = Path(__file__).resolve().parent


def _hash_tree(digest: hashlib._Hash, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())


@cache
def _code() -> str:
    """casebook itself: its version and the state of its code (fixed for the life of a process)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def shared_key(formats: Sequence[str], template_dirs: Sequence[Path] = (), theme_files: Sequence[Path] = ()) -> str:
    """What every case of one build shares: casebook, the formats, the templates and the theme.

    Read afresh on every call, so that a long-running ``casebook watch`` sees template edits.
    """
    from casebook.resources import templates_dir

    digest = hashlib.sha256(_code().encode())
    digest.update(",".join(formats).encode())
    for folder in (*template_dirs, templates_dir()):
        _hash_tree(digest, folder)
    for path in theme_files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(shared: str, documents: Iterable[Path], recipient: str | None = None) -> str:
    """The key of one case build: the shared key, the bytes of the case's documents, and the reader of a personal copy."""
    digest = hashlib.sha256(shared.encode())
    if recipient is not None:
        digest.update(b"recipient\0" + recipient.encode("utf-8", "surrogatepass") + b"\0")
    for path in sorted(documents):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


#: the cache variant of a case's base render, from which its personal copies are stamped
BASE_VARIANT = "\0base"


def base_folder(out_root: Path, folder: Path) -> Path:
    """Where the base render of the case in ``folder`` is kept (the files its copies are stamped from)."""
    return _index(out_root, folder, BASE_VARIANT).with_suffix(".base")


@dataclass(frozen=True)
class Entry:
    key: str
    outputs: list[dict]  # {"path", "size", "mtime_ns"}
    messages: list[str]


def _index(out_root: Path, folder: Path, variant: str | None = None) -> Path:
    """The index file of one case folder; ``variant`` (a student's slug) names a personal copy's own index."""
    place = str(folder.resolve()) if variant is None else f"{folder.resolve()}\0{variant}"
    name = hashlib.sha1(place.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return out_root / CACHE_FOLDER / f"{name}.json"


def lookup(out_root: Path, folder: Path, key: str, variant: str | None = None) -> Entry | None:
    """The cached build of ``folder`` when its key matches and every output is still as it was written."""
    try:
        data = json.loads(_index(out_root, folder, variant).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != key:
        return None
    for output in data.get("outputs", []):
        try:
            stat = Path(output["path"]).stat()
        except OSError:
            return None
        if stat.st_size != output["size"] or stat.st_mtime_ns != output["mtime_ns"]:
            return None
    return Entry(key, data["outputs"], data.get("messages", []))


def store(out_root: Path, folder: Path, key: str, outputs: Sequence[Path], messages: Sequence[str],
          variant: str | None = None) -> None:
    """Remember a finished build; a cache that cannot be written only costs a rebuild next time."""
    index = _index(out_root, folder, variant)
    entries = []
    for path in outputs:
        stat = path.stat()
        entries.append({"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        tmp = index.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "outputs": entries, "messages": list(messages)}), encoding="utf-8")
        os.replace(tmp, index)
    except OSError:
        pass
