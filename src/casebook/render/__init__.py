"""The renderers: the PDF (``pdf/``), the deck (``deck/``), the HTML edition (``html/``), what they share for
drawing text (``text/``), the outline they all follow (``outline.py``) and the stamping of personal copies
(``stamp.py``). Only this package imports reportlab, python-pptx and pikepdf."""

#: the reader named in a base render, which every personal copy is stamped from (see :mod:`casebook.render.stamp`):
#: letters and hyphens only, so that it is written as it is in XML
BASE_RECIPIENT = "casebook-stamp-base-reader"
