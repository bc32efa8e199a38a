"""What a timeline event says, in the wording of ``labels.j2`` (``event_told``), as rich text.

The template marks what it sets in italics (a film's title) with ``em(text)``; the marks become italic runs, so
that the PDF and the deck show the same words the same way. Document text never holds the marks: the
characters used are control characters, removed from every document when it is read.
"""

from __future__ import annotations

import re
from typing import Any

from casebook.model.case import Event, RichText, Run

_OPEN, _CLOSE = "\x0e", "\x0f"


def _em(text: object) -> str:
    return f"{_OPEN}{text}{_CLOSE}"


def event_told(labels: Any, event: Event) -> RichText:
    """The "What" of ``event`` as the templates word it, with the italics they ask for."""
    text = str(labels.event_told(event, _em)).strip()
    runs = [Run(text=part, italic=i % 2 == 1) for i, part in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", text)) if part]
    return RichText(runs=runs)
