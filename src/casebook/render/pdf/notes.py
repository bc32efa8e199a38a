"""Provenance notes of the PDF case study: the small numbers in the text and the list they lead to.

Every fact the PDF shows carries a :class:`~casebook.model.case.SourceRef`. :class:`Notes` gives each
reference a number, in the order the references are first used; equal references share a number.
The number is set as a superscript link to the note, which the Sources section lists with the file,
the lines and the statement (the fact's own text: the model keeps no raw lines).

No reportlab here: this module only makes paragraph markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.model.case import SourceRef

NOTE_ANCHOR = "cbnote"


def note_anchor(number: int) -> str:
    """The name of the destination of note ``number`` (internal to the PDF)."""
    return f"{NOTE_ANCHOR}{number}"


@dataclass(frozen=True)
class Note:
    number: int
    ref: SourceRef
    text: str = ""


class Notes:
    """Numbers for source references, in order of first use; the first text given for a reference is kept."""

    def __init__(self, *, size: float, rise: float, color: str) -> None:
        self._size, self._rise, self._color = size, rise, color
        self._numbers: dict[tuple[str, int, int], int] = {}
        self._notes: list[Note] = []

    def __len__(self) -> int:
        return len(self._notes)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._notes)

    def number(self, ref: SourceRef, text: str = "") -> int:
        """The number of ``ref``, given it if it has none yet (``text`` is what the note will quote)."""
        key = (ref.source, ref.first_line, ref.last_line)
        found = self._numbers.get(key)
        if found is not None:
            if not self._notes[found - 1].text and text.strip():
                self._notes[found - 1] = Note(found, ref, text)
            return found
        number = len(self._notes) + 1
        self._numbers[key] = number
        self._notes.append(Note(number, ref, text))
        return number

    def mark(self, ref: SourceRef | None, text: str = "", *, scale: float = 1.0) -> str:
        """Paragraph markup of the note number of ``ref``: a superscript link; empty without a reference.

        ``scale`` sizes the number for text smaller or larger than the body's.
        """
        if ref is None:
            return ""
        number = self.number(ref, text)
        return (
            f'<super size="{self._size * scale:.2f}" rise="{self._rise * scale:.2f}">'
            f'<a href="#{note_anchor(number)}" color="{self._color}">{number}</a></super>'
        )
