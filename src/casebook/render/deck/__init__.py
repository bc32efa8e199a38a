"""The class deck (python-pptx): :func:`render_deck` gives the .pptx bytes of a case.

:mod:`.reading` builds the full reading deck and :mod:`.teaching` the short teaching deck (the theme's
``deck.style`` chooses); both follow the case's outline (:mod:`casebook.render.outline`), lay their slides out as
:mod:`.spec` slide specs, fitted with :mod:`.fit`, their exhibits from :mod:`.exhibits` and :mod:`.charts`, and
write them with :mod:`.writer` (the slide grid in :mod:`.grid`, colours in :mod:`.palette`, DrawingML in
:mod:`.drawingml` and :mod:`.prototypes`, the byte-stable file in :mod:`.package`). :mod:`.template` reads a
user's .pptx template.
"""

from __future__ import annotations

from casebook.model.case import Case
from casebook.render.deck.reading import _DeckBuilder
from casebook.theme import Theme, default_theme
from casebook.wording import Wording

__all__ = ["render_deck"]


def render_deck(case: Case, wording: Wording, theme: Theme | None = None) -> bytes:
    """The class deck for ``case`` as .pptx bytes, in the look of ``theme`` (the bundled default when
    None); the case is not changed. The theme's ``deck.style`` chooses the teaching deck (short slides,
    the full text in the speaker notes; :mod:`casebook.render.deck.teaching`) or the full reading deck.
    Raises :class:`~casebook.errors.CasebookError` when the theme's template lacks a layout the deck needs."""
    theme = theme or default_theme()
    if theme.deck.style == "teaching":
        from casebook.render.deck.teaching import TeachingDeckBuilder

        return TeachingDeckBuilder(case, wording, theme).build()
    return _DeckBuilder(case, wording, theme).build()
