"""The class deck (python-pptx): :func:`render_deck` gives the .pptx bytes of a case.

:mod:`.reading` builds the full reading deck and :mod:`.teaching` the short teaching deck (the theme's
``deck.style`` chooses); both lay their slides out as :mod:`.spec` slide specs, fitted with :mod:`.fit`, their
exhibits from :mod:`.exhibits` and :mod:`.charts`, and written by :mod:`.draw`. :mod:`.template` reads a user's
.pptx template.
"""

from casebook.render.deck.reading import render_deck

__all__ = ["render_deck"]
