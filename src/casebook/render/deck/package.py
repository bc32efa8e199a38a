"""The .pptx package, byte-stable: fixed dates (or SOURCE_DATE_EPOCH), extended properties true of the
deck, and a zip with fixed timestamps and attributes, so identical parts give identical bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from casebook.render.deck.fit import clean


# Fixed document dates: the same input gives the same bytes.
def build_time() -> dt.datetime:
    """The deck's dates: fixed (2000-01-01) for identical bytes, or SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(2000, 1, 1, 0, 0, 0)


def zip_time() -> tuple[int, int, int, int, int, int]:
    """Zip entry times: 1980-01-01 (the zip format's first day), or SOURCE_DATE_EPOCH when it is set."""
    stamp = build_time() if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit() else dt.datetime(1980, 1, 1)
    stamp = max(stamp, dt.datetime(1980, 1, 1))
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)


APP_PART = "docProps/app.xml"
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def presentation_format(width: int, height: int) -> str:
    """How PowerPoint names a slide size in the extended properties."""
    for name, (w, h) in {"16:9": (16, 9), "4:3": (4, 3), "16:10": (16, 10)}.items():
        if abs(width * h - height * w) <= max(width, height) // 500:
            return f"On-screen Show ({name})"
    return "Custom"


def app_properties(xml: bytes, application: str, slides: int, fmt: str = "On-screen Show (16:9)") -> bytes:
    """The template's extended properties made true of this deck (it says 4:3, no slides, and Office)."""
    root = etree.fromstring(xml)
    values = {
        "Application": clean(application),
        "PresentationFormat": fmt,
        "Slides": str(slides),
        "Notes": str(slides),
    }
    for name, value in values.items():
        element = root.find(_EXTENDED + name)
        if element is not None:
            element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stable_zip(data: bytes, transforms: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same zip with fixed timestamps and attributes: identical parts give identical bytes.

    ``transforms`` maps a member's name to a function that rewrites its bytes.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _stable_members(((info.filename, src.read(info.filename)) for info in src.infolist()), transforms)


def _stable_members(members: Iterable[tuple[str, bytes]], transforms: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """A zip of ``members`` (name, bytes) in order, with fixed timestamps and attributes (see :func:`stable_zip`)."""
    transforms = transforms or {}
    stamp = zip_time()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in members:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            if name in transforms:
                content = transforms[name](content)
            dst.writestr(entry, content)
    return out.getvalue()


class _Members:
    """Stands in for python-pptx's zip writer: keeps what it is given to write, in order."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


def _package_members(package) -> list[tuple[str, bytes]] | None:
    """The members python-pptx's ``save`` would zip, in its order, without zipping them (the deck is
    zipped once, by :func:`_stable_members`); None if this python-pptx does not work so."""
    try:
        from pptx.opc.serialized import PackageWriter

        writer = PackageWriter(None, package._rels, tuple(package.iter_parts()))
        sink = _Members()
        writer._write_content_types_stream(sink)
        writer._write_pkg_rels(sink)
        writer._write_parts(sink)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another python-pptx
        return None
    return sink.members
