"""Personal copies at the speed of copying: the case is rendered once, each reader's copy is stamped.

A personal copy differs from every other copy of its case only in the line that names its reader
("Prepared for …; do not distribute") and in its metadata. So the case study and the deck are rendered
once as a *base* (with :data:`BASE_RECIPIENT` as the reader), and each reader's copy is made from it:

- **PDF.** The base is rendered with no running foot (and no stamp on the cover). A small PDF made with
  reportlab (:func:`casebook.render.pdf.overlay.stamp_overlay`) holds the reader's line twice: as the cover
  draws it and as a body page's foot draws it, in the same font, size, colour and place, its fonts
  subsets with the line's glyphs (fallback fonts included). Each of its two pages becomes one form
  XObject, shared by every page it is drawn on (the cover, the body pages), and the Subject is set, in an
  incremental update appended to the base's bytes (:class:`PdfStamp`): the pages' own content is not touched
  or written again. pikepdf reads the base (once) and the overlay. Measured on the bundled case
  (``benchmarks/bench.py``, a loaded 2-core machine): this update about 1 ms a copy, pikepdf's own overlay and
  save about 23 ms, pypdf's ``merge_page`` and write about 76 ms; so pikepdf, as the reader.
- **Deck.** The base names :data:`BASE_RECIPIENT` in the footer of every slide (the cover too) and in the
  core properties. Each footer paragraph is rewritten with the reader's text and the font size a full
  build fits it to (:meth:`casebook.render.deck.reading._DeckBuilder.personal_texts`), the core properties with
  the reader's subject and comments; every other entry of the package is copied byte for byte, compressed
  as it was. A slide is deflated once, in pieces cut at its footers, so that a copy deflates only its own
  footer paragraphs (a few hundred bytes a slide) and splices them in; the XML of every part is that of a full
  personal build.

Anything of the base this module cannot account for (the base's reader named in a part it does not
rewrite, a footer it cannot find) is a :class:`StampError`: the caller then renders that copy in full.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from casebook.render import BASE_RECIPIENT

if TYPE_CHECKING:
    from casebook.model.case import Case
    from casebook.theme import Theme
    from casebook.wording import Wording

__all__ = ["BASE_RECIPIENT", "DeckStamp", "HtmlStamp", "PdfStamp", "StampError", "Stamper"]

_CORE = "docProps/core.xml"
_PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"


class StampError(Exception):
    """A base render that cannot be stamped: render the copy in full instead."""


def _xml_text(text: str) -> bytes:
    """``text`` as lxml writes it in an element's text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


# --- PDF ------------------------------------------------------------------------------------------


def _pdf_value(value: Any, refs: Any) -> bytes:
    """A PDF object as PDF syntax; an indirect object as a reference, its number given by ``refs(obj)``."""
    import pikepdf

    if isinstance(value, bool):
        return b"true" if value else b"false"
    if value is None:
        return b"null"
    if isinstance(value, int):
        return str(value).encode()
    if isinstance(value, (float, Decimal)):
        return _decimal(Decimal(repr(value)) if isinstance(value, float) else value)
    if value.is_indirect:
        return refs(value)
    if isinstance(value, pikepdf.Dictionary):
        return b"<<" + b"".join(bytes(key.unparse()) + b" " + _pdf_value(value[key], refs) + b" " for key in _keys(value)) + b">>"
    if isinstance(value, pikepdf.Array):
        return b"[" + b" ".join(_pdf_value(item, refs) for item in value) + b"]"
    return bytes(value.unparse())


def _keys(dictionary: Any) -> list[Any]:
    import pikepdf

    return [pikepdf.Name(key) for key in sorted(dictionary.keys())]


def _decimal(value: Decimal) -> bytes:
    text = format(value, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text).encode() or b"0"


class PdfStamp:
    """A base PDF, read once, ready to be stamped for many readers as an incremental update.

    A stamped copy is the base's bytes, unchanged, and after them an update (as a PDF editor saves one):
    every page again, its content between ``q`` and ``Q`` and then the stamp's form drawn, the form's
    objects (copied from the overlay with their fonts), the document information with the reader's
    Subject, and a cross-reference section for these. The pages' own content streams are not touched.
    """

    def __init__(self, base: bytes) -> None:
        import pikepdf

        self.base = base
        with pikepdf.open(io.BytesIO(base)) as pdf:
            if pdf.is_encrypted or not len(pdf.pages):
                raise StampError("a base PDF that cannot be stamped")
            trailer = pdf.trailer
            self._size = int(trailer.Size)
            self._root = _pdf_value(trailer.Root, self._base_ref)
            info = trailer.get(pikepdf.Name.Info)
            if info is None or not info.is_indirect:
                raise StampError("a base PDF without its document information")
            self._info_objgen = info.objgen
            self._info = {key: info[key] for key in _keys(info) if key != pikepdf.Name.Subject}
            ids = trailer.get(pikepdf.Name.ID)
            self._first_id = bytes(ids[0]) if ids is not None and len(ids) else hashlib.md5(base).digest()
            # the fixed numbers of the new objects every copy has: "q", the cover's and the body's "Q … Do",
            # the cover's and the body's form (the forms' fonts and the like follow them)
            self._q, self._cover_do, self._body_do, self._cover_form, self._body_form = range(self._size, self._size + 5)
            self._pages = [self._page(page, number == 0) for number, page in enumerate(pdf.pages)]
        self._startxref = int(base[base.rindex(b"startxref") + 9:].split()[0])

    @staticmethod
    def _base_ref(obj: Any) -> bytes:
        num, gen = obj.objgen
        return f"{num} {gen} R".encode()

    def _page(self, page: Any, cover: bool) -> tuple[tuple[int, int], bytes]:
        """A page of the base as the update writes it: its objgen and its dictionary."""
        import pikepdf

        obj = page.obj
        name = b"/CasebookStampCover" if cover else b"/CasebookStamp"
        entries = []
        for key in _keys(obj):
            value = obj[key]
            if key == pikepdf.Name.Contents:
                old = value if isinstance(value, pikepdf.Array) and not value.is_indirect else [value]
                contents = [self._base_ref(c) if c.is_indirect else b"" for c in old]
                if not all(contents):
                    raise StampError("a page content that is not a stream of its own")
                do = self._cover_do if cover else self._body_do
                value_bytes = b"[" + b" ".join([f"{self._q} 0 R".encode(), *contents, f"{do} 0 R".encode()]) + b"]"
            elif key == pikepdf.Name.Resources:
                resources = value
                items = [(k, _pdf_value(resources[k], self._base_ref)) for k in _keys(resources) if k != pikepdf.Name.XObject]
                xobjects = resources.get(pikepdf.Name.XObject)
                forms = [(k, _pdf_value(xobjects[k], self._base_ref)) for k in _keys(xobjects)] if xobjects is not None else []
                if any(bytes(k.unparse()) == name for k, _ in forms):
                    raise StampError("a base page that is stamped already")
                form = self._cover_form if cover else self._body_form
                forms.append((pikepdf.Name(name.decode()), f"{form} 0 R".encode()))
                listed = b"".join(bytes(k.unparse()) + b" " + v + b" " for k, v in forms)
                items.append((pikepdf.Name.XObject, b"<<" + listed + b">>"))
                value_bytes = b"<<" + b"".join(bytes(k.unparse()) + b" " + v + b" " for k, v in items) + b">>"
            else:
                value_bytes = _pdf_value(value, self._base_ref)
            entries.append(bytes(key.unparse()) + b" " + value_bytes)
        if not any(e.startswith(b"/Resources ") for e in entries):
            raise StampError("a page without resources of its own")
        return obj.objgen, b"<<" + b"\n".join(entries) + b">>"

    def stamp(self, overlay: bytes, subject: str) -> bytes:
        """The base with ``overlay``'s first page drawn on its cover and its second on every other page, and
        ``subject`` as its Subject."""
        import pikepdf

        objects: dict[tuple[int, int], bytes] = {}  # objgen -> the object's body
        with pikepdf.open(io.BytesIO(overlay)) as over:
            if len(over.pages) != 2:
                raise StampError("an overlay has two pages")
            numbers: dict[tuple[int, int], int] = {}
            todo: list[Any] = []

            def ref(obj: Any) -> bytes:
                if obj.objgen not in numbers:
                    numbers[obj.objgen] = self._size + 5 + len(numbers)
                    todo.append(obj)
                return f"{numbers[obj.objgen]} 0 R".encode()

            for number, page in ((self._cover_form, over.pages[0]), (self._body_form, over.pages[1])):
                box = _pdf_value(page.obj.MediaBox, ref)
                content = page.obj.Contents
                if content.is_indirect is False or isinstance(content, pikepdf.Array):
                    raise StampError("an overlay page with more than one content stream")
                raw = content.read_raw_bytes()
                head = b"/Type /XObject /Subtype /Form /BBox " + box + b" /Resources " + _pdf_value(page.obj.Resources, ref)
                if pikepdf.Name.Filter in content:
                    head += b" /Filter " + _pdf_value(content.Filter, ref)
                objects[(number, 0)] = self._stream(head, raw)
            while todo:
                obj = todo.pop(0)
                number = numbers[obj.objgen]
                if isinstance(obj, pikepdf.Stream):
                    head = b" ".join(bytes(k.unparse()) + b" " + _pdf_value(obj[k], ref)
                                     for k in _keys(obj) if k != pikepdf.Name.Length)
                    objects[(number, 0)] = self._stream(head, obj.read_raw_bytes())
                else:
                    objects[(number, 0)] = _pdf_value(obj, ref) if not isinstance(obj, pikepdf.Dictionary) else \
                        b"<<" + b" ".join(bytes(k.unparse()) + b" " + _pdf_value(obj[k], ref) for k in _keys(obj)) + b">>"
            size = self._size + 5 + len(numbers)
        objects[(self._q, 0)] = self._stream(b"", b"q\n")
        objects[(self._cover_do, 0)] = self._stream(b"", b"\nQ\nq /CasebookStampCover Do Q\n")
        objects[(self._body_do, 0)] = self._stream(b"", b"\nQ\nq /CasebookStamp Do Q\n")
        for objgen, body in self._pages:
            objects[objgen] = body
        info = dict(self._info)
        info[pikepdf.Name.Subject] = pikepdf.String(subject)
        objects[self._info_objgen] = b"<<" + b"\n".join(
            bytes(k.unparse()) + b" " + _pdf_value(info[k], self._base_ref) for k in sorted(info, key=str)) + b">>"
        return self._update(objects, size)

    @staticmethod
    def _stream(head: bytes, data: bytes) -> bytes:
        return b"<<" + head + b" /Length " + str(len(data)).encode() + b">>\nstream\n" + data + b"\nendstream"

    def _update(self, objects: dict[tuple[int, int], bytes], size: int) -> bytes:
        out = io.BytesIO()
        out.write(self.base)
        if not self.base.endswith(b"\n"):
            out.write(b"\n")
        offsets: dict[int, tuple[int, int]] = {}
        for (num, gen), body in sorted(objects.items()):
            offsets[num] = (out.tell(), gen)
            out.write(f"{num} {gen} obj\n".encode() + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n")
        numbers = sorted(offsets)
        runs: list[list[int]] = []
        for num in numbers:
            if runs and runs[-1][-1] == num - 1:
                runs[-1].append(num)
            else:
                runs.append([num])
        for run in runs:
            out.write(f"{run[0]} {len(run)}\n".encode())
            for num in run:
                offset, gen = offsets[num]
                out.write(f"{offset:010d} {gen:05d} n \n".encode())
        update = hashlib.md5(out.getbuffer()[len(self.base):]).hexdigest()
        info = f" /Info {self._info_objgen[0]} {self._info_objgen[1]} R".encode()
        out.write(f"trailer\n<< /Size {size} /Root ".encode() + self._root + info
                  + f" /Prev {self._startxref} /ID [<{self._first_id.hex()}> <{update}>] >>\n".encode())
        out.write(f"startxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


# --- deck -----------------------------------------------------------------------------------------


class DeckStamp:
    """A base deck, taken apart once, ready to be stamped for many readers.

    ``base_texts`` are :meth:`~casebook.render.deck.reading._DeckBuilder.personal_texts` of :data:`BASE_RECIPIENT`.
    """

    def __init__(self, base: bytes, base_texts: dict[str, Any]) -> None:
        self._base_texts = base_texts
        self._members: list[tuple[zipfile.ZipInfo, bytes]] = []  # every entry with its raw local record
        self._slides: dict[str, list[tuple[bytes, str]]] = {}  # a slide's footer paragraphs: (bytes, "cover"|"slide")
        self._texts: dict[str, bytes] = {}  # the XML of the entries to rewrite
        self._cut: dict[str, list[Any]] = {}  # a slide's pieces (see _pieces)
        with zipfile.ZipFile(io.BytesIO(base)) as package:
            infos = package.infolist()
            cover = self._cover_name(package)
            for info in infos:
                if info.flag_bits & 0x08 or info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
                    raise StampError(f"{info.filename}: an entry that cannot be copied as it is")
                start = info.header_offset
                name_length, extra_length = struct.unpack("<HH", base[start + 26:start + 30])
                self._members.append((copy.copy(info), base[start:start + 30 + name_length + extra_length + info.compress_size]))
                data = package.read(info.filename)
                if info.filename == _CORE:
                    self._core_slots(data)
                    self._texts[_CORE] = data
                elif info.filename.startswith("ppt/slides/") and info.filename.endswith(".xml"):
                    kind = "cover" if info.filename == cover else "slide"
                    found = self._footers(data, kind)
                    if not found:
                        raise StampError(f"{info.filename}: no footer naming the reader")
                    self._slides[info.filename] = found
                    self._texts[info.filename] = data
                elif BASE_RECIPIENT.encode() in data:
                    raise StampError(f"{info.filename}: names the reader where a stamp cannot")
        if cover not in self._slides or _CORE not in self._texts:
            raise StampError("no cover slide or core properties")

    @staticmethod
    def _cover_name(package: zipfile.ZipFile) -> str:
        """The part name of the first slide of the presentation (the cover)."""
        presentation = package.read("ppt/presentation.xml")
        first = re.search(rb"<p:sldId [^>]*r:id=\"([^\"]+)\"", presentation)
        rels = package.read(_PRESENTATION_RELS)
        if first is None:
            raise StampError("a deck without slides")
        for rel in re.finditer(rb"<Relationship [^>]*>", rels):
            if re.search(rb'Id="' + re.escape(first.group(1)) + rb'"', rel.group(0)):
                target = re.search(rb'Target="([^"]+)"', rel.group(0))
                if target is not None:
                    return "ppt/" + target.group(1).decode().lstrip("/").removeprefix("ppt/")
        raise StampError("the cover slide is not found")

    def _footers(self, data: bytes, kind: str) -> list[tuple[bytes, str]]:
        """The footer paragraphs of a slide that name the base's reader, each as its bytes."""
        runs = self._base_texts[kind][0]
        if runs is None or len(runs) != 1:
            raise StampError("the base's footer is not one run")
        text = b"<a:t>" + _xml_text(runs[0]) + b"</a:t>"
        found, at = [], 0
        while (at := data.find(text, at)) >= 0:
            start, end = data.rfind(b"<a:p>", 0, at), data.find(b"</a:p>", at)
            if start < 0 or end < 0 or data[start:end].count(b"<a:r>") != 1:
                raise StampError("a footer that is not a paragraph of one run")
            found.append((data[start:end + 6], kind))
            at = end
        rest = data
        for paragraph, _ in found:
            rest = rest.replace(paragraph, b"")
        if BASE_RECIPIENT.encode() in rest:
            raise StampError("the reader named outside a footer")
        return found

    def _core_slots(self, data: bytes) -> None:
        for tag, key in (("dc:subject", "subject"), ("dc:description", "comments")):
            element = f"<{tag}>".encode() + _xml_text(self._base_texts[key]) + f"</{tag}>".encode()
            if data.count(element) != 1:
                raise StampError(f"{_CORE}: no {tag} naming the reader")
            data = data.replace(element, b"")
        if BASE_RECIPIENT.encode() in data:
            raise StampError(f"{_CORE}: the reader named where a stamp cannot")

    def _paragraph(self, paragraph: bytes, kind: str, texts: dict[str, Any]) -> bytes:
        """A footer paragraph of the base with the reader's runs (each like the base's one run) at their size;
        right-to-left text in runs of their own with their language and font, as a full build writes them
        (:func:`casebook.render.deck.drawingml.script_run`)."""
        from lxml import etree

        from casebook.render.deck.drawingml import _centipoints, script_run
        from casebook.render.text.rtl import script_runs

        base_runs, base_size = self._base_texts[kind]
        runs, size = texts[kind]
        if runs is None or any("\n" in run for run in runs):
            raise StampError("a footer whose runs differ in style, or break the line")
        paragraph = paragraph.replace(f' sz="{_centipoints(base_size)}"'.encode(), f' sz="{_centipoints(size)}"'.encode())
        start, end = paragraph.index(b"<a:r>"), paragraph.index(b"</a:r>") + 6
        before, after = paragraph[start:end].split(b"<a:t>" + _xml_text(base_runs[0]) + b"</a:t>")
        declared = b'<a:r xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'

        def run_of(text: str, rtl: bool, lang: str | None) -> bytes:
            head = before
            if rtl:  # the base's run properties, parsed, given what a full build gives this run, written back
                run = etree.fromstring(declared + before.removeprefix(b"<a:r>") + b"<a:t/>" + after)
                script_run(run[0], text, lang)
                head = b"<a:r>" + etree.tostring(run).removeprefix(declared).split(b"<a:t/>")[0]
            return head + b"<a:t>" + _xml_text(text) + b"</a:t>" + after

        new = b"".join(run_of(*piece) for run in runs if run for piece in script_runs(run))
        return paragraph[:start] + new + paragraph[end:]

    def _pieces(self, name: str) -> list[Any]:
        """A slide cut at its footer paragraphs: the parts between them deflated once (each ended with a full
        flush, so that the reader's paragraphs, deflated apart, are spliced between them), with their text."""
        if name not in self._cut:
            pieces: list[Any] = []
            rest = self._texts[name]
            for paragraph, kind in self._slides[name]:
                before, rest = rest.split(paragraph, 1)
                pieces.extend([(before, _deflate(before)), (paragraph, kind)])
            pieces.append((rest, _deflate(rest, last=True)))
            self._cut[name] = pieces
        return self._cut[name]

    def stamp(self, texts: dict[str, Any]) -> bytes:
        """The deck for the reader whose :meth:`~casebook.render.deck.reading._DeckBuilder.personal_texts` are ``texts``."""
        changed: dict[str, tuple[bytes, int, int]] = {}  # name -> (deflated, CRC-32, size)
        for name in self._slides:
            parts, crc, size = [], 0, 0
            for data, packed in self._pieces(name):
                if isinstance(packed, str):  # a footer paragraph, of the cover or of another slide
                    data = self._paragraph(data, packed, texts)
                    packed = _deflate(data)
                parts.append(packed)
                crc, size = zlib.crc32(data, crc), size + len(data)
            changed[name] = (b"".join(parts), crc, size)
        core = self._texts[_CORE]
        for tag, key in (("dc:subject", "subject"), ("dc:description", "comments")):
            core = core.replace(f"<{tag}>".encode() + _xml_text(self._base_texts[key]) + f"</{tag}>".encode(),
                                f"<{tag}>".encode() + _xml_text(texts[key]) + f"</{tag}>".encode(), 1)
        changed[_CORE] = (_deflate(core, last=True), zlib.crc32(core), len(core))
        return _zip_copy(self._members, changed)


def _deflate(data: bytes, last: bool = False) -> bytes:
    """``data`` deflated as zipfile deflates (raw, the default level), ended with a full flush (the stream goes
    on, byte-aligned, and nothing after refers back into it) or, when ``last``, finished."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def _zip_copy(members: list[tuple[zipfile.ZipInfo, bytes]], changed: dict[str, tuple[bytes, int, int]]) -> bytes:
    """The zip of ``members`` in order: those in ``changed`` (deflated bytes, CRC-32, size) with new contents
    under the base's local header (the same time and attributes), the others copied as they were, compressed
    bytes and all."""
    out = io.BytesIO()
    try:
        _append_records(out, members, changed)
    except AttributeError as exc:  # a zipfile whose writer keeps its entries another way: render in full
        raise StampError(f"zipfile cannot take entries as they are: {exc}") from None
    return out.getvalue()


def _append_records(out: io.BytesIO, members: list[tuple[zipfile.ZipInfo, bytes]],
                    changed: dict[str, tuple[bytes, int, int]]) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        # zipfile has no call to add an entry already compressed: each record is appended as it is and
        # listed in the central directory, as zipfile's own writing does
        for entry, raw in members:  # each entry a copy of the base's, made once (see DeckStamp)
            entry.header_offset = dst.fp.tell()
            if entry.filename in changed:
                if entry.compress_type != zipfile.ZIP_DEFLATED:
                    raise StampError(f"{entry.filename}: not deflated in the base")
                packed, entry.CRC, entry.file_size = changed[entry.filename]
                entry.compress_size = len(packed)
                dst.fp.write(entry.FileHeader())
                dst.fp.write(packed)
            else:
                dst.fp.write(raw)
            dst.filelist.append(entry)
            dst.NameToInfo[entry.filename] = entry
            dst.start_dir = dst.fp.tell()
            dst._didModify = True


# --- HTML -----------------------------------------------------------------------------------------


class HtmlStamp:
    """Copies of the HTML edition from its base: the base's reader line and personal subject, as the page escapes
    them, replaced by the reader's.

    Only what the page is given as its reader's line (``stamp``) and subject is replaced, so the copy is the page a
    full build writes for that reader as long as the templates show those two as given. Anything else that names
    the base's reader (a template that changes the line's case, or names the reader in another way), a line
    break in the reader's texts (the page's lines are trimmed) or a base that does not show them is a
    :class:`StampError`: that copy is rendered in full.
    """

    def __init__(self, base: bytes, texts: tuple[str, ...]) -> None:
        self.base = base.decode("utf-8")
        # the longest first: the reader's line is part of the personal subject
        self.texts = sorted(((_html_text(t), i) for i, t in enumerate(texts)), key=lambda item: -len(item[0]))
        for text, _ in self.texts:
            if text not in self.base:
                raise StampError("the HTML edition does not show the reader's line as given")
        if _names_base(self._replace(["" for _ in texts])):
            raise StampError("the HTML edition names its reader beyond the reader's line and subject")

    def _replace(self, new: Sequence[str]) -> str:
        out = self.base
        for text, index in self.texts:
            out = out.replace(text, new[index])
        return out

    def stamp(self, texts: tuple[str, ...]) -> bytes:
        if any("\n" in t or "\r" in t for t in texts) or _names_base("".join(texts)):
            raise StampError("the reader's line cannot be put in place as it is")
        return self._replace([_html_text(t) for t in texts]).encode("utf-8")


def _html_text(text: str) -> str:
    """``text`` as the page's templates write it (jinja2 autoescaping)."""
    from markupsafe import escape

    return str(escape(text))


def _names_base(text: str) -> bool:
    return BASE_RECIPIENT.casefold() in text.casefold()


# --- both -----------------------------------------------------------------------------------------


class Stamper:
    """Stamps copies of one case for many readers, from the base renders of its formats."""

    def __init__(self, case: Case, wording: Wording, theme: Theme, bases: dict[str, bytes]) -> None:
        self.case = case
        self.wording = wording
        self.theme = theme
        self.bases = bases
        self._look: Any = None
        self._deck: Any = None
        self._deck_stamp: DeckStamp | None = None
        self._pdf_stamp: PdfStamp | None = None
        self._html_stamp: HtmlStamp | None = None
        self._html_subject = ""

    def prepare(self, recipients: Sequence[str], formats: Sequence[str] = ()) -> None:
        """Find, once, the fallback fonts the stamps of ``recipients`` need, and render the HTML edition's base
        when ``formats`` has it (before workers fork, so that they share what was found and made rather than each
        asking fontconfig, reading the fonts and rendering again)."""
        if "html" in formats:
            try:
                self._html()
            except StampError:
                pass  # each copy is rendered in full
        if "pdf" not in self.bases:
            return
        from casebook.render.pdf.build import personal_texts
        from casebook.render.pdf.style import font_runs

        for recipient in recipients:
            font_runs(personal_texts(self.case, self.wording, recipient)[0])

    def render(self, fmt: str, recipient: str) -> bytes:
        """The copy of format ``fmt`` ("pdf", "pptx" or "html") for ``recipient``."""
        if fmt == "pdf":
            return self.pdf(recipient)
        if fmt == "pptx":
            return self.deck(recipient)
        if fmt == "html":
            return self.html(recipient)
        raise StampError(f"{fmt} is not stamped")

    def html(self, recipient: str) -> bytes:
        """The HTML edition for ``recipient``, from a base rendered once for :data:`BASE_RECIPIENT`."""
        from casebook.render.html.page import personal_texts

        stamp = self._html()
        return stamp.stamp(personal_texts(self.wording, self._html_subject, recipient))

    def _html(self) -> HtmlStamp:
        """The HTML edition's base (rendered here, once: it is a page of text) and what names its reader."""
        if self._html_stamp is None:
            from casebook.render.html import render_html
            from casebook.render.html.page import case_study_subject, personal_texts
            from casebook.wording import Wording

            base = self.bases.get("html") or render_html(
                self.case, Wording(self.case, self.wording.template_dirs, recipient=BASE_RECIPIENT), self.theme)
            self._html_subject = case_study_subject(self.case, self.wording)  # the same for every reader
            self._html_stamp = HtmlStamp(base, personal_texts(self.wording, self._html_subject, BASE_RECIPIENT))
        return self._html_stamp

    def pdf(self, recipient: str) -> bytes:
        from casebook.render.pdf.build import personal_texts
        from casebook.render.pdf.markup import clean, label
        from casebook.render.pdf.overlay import stamp_overlay

        if self._look is None:
            from casebook.render.pdf.style import make_look

            self._look = make_look(self.theme)
        stamp, subject = personal_texts(self.case, self.wording, recipient)
        overlay = stamp_overlay(self._look, stamp, label(self.wording.labels.pdf_ellipsis))
        if self._pdf_stamp is None:
            self._pdf_stamp = PdfStamp(self.bases["pdf"])
        return self._pdf_stamp.stamp(overlay, clean(subject))

    def _deck_builder(self) -> Any:
        """The deck's renderer for this case and theme: it fits a reader's footer as a full build does."""
        if self._deck is None:
            from casebook.render.deck.reading import _DeckBuilder

            self._deck = _DeckBuilder(self.case, self.wording, self.theme)
        return self._deck

    def deck(self, recipient: str) -> bytes:
        if self._deck_stamp is None:
            self._deck_stamp = DeckStamp(self.bases["pptx"], self._deck_builder().personal_texts(BASE_RECIPIENT))
        return self._deck_stamp.stamp(self._deck_builder().personal_texts(recipient))
