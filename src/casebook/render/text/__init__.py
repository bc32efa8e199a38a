"""What the PDF, the deck and the HTML edition share about drawing text.

:mod:`.fonts` (the bundled Open Sans and a theme's font files), :mod:`.fallback` (this machine's font for a
character the theme's fonts lack), :mod:`.glyphs` (the check that every character of a case can be drawn) and
:mod:`.rtl` (right-to-left runs: which script, its visual order, the font that shapes it). Each edition measures
its lines with its own library (reportlab's metrics for the PDF, Pillow for the deck); what they measure with,
the font files, comes from here. Nothing here imports reportlab or python-pptx.
"""
