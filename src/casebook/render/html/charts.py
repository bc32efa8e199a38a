"""The exhibits' drawings as inline SVG for the HTML edition.

The drawings are the PDF's own (:mod:`casebook.render.pdf.charts`), written as SVG by reportlab, so both
editions show the same chart. The SVG is then made fit to sit inside an HTML page: no XML prolog, ids of its own
(a page holds several charts), ``role="img"`` named by its ``<title>`` and described by its ``<desc>``, the
page's fonts instead of the PDF's, and a size that follows the width of the page.
"""

from __future__ import annotations

import re
from html import escape

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

_FONT = re.compile(r"font-family: ([^;]+);")


def inline_svg(drawing: Drawing, key: str, title: str, desc: str, bold_font: str) -> str:
    """``drawing`` as an ``<svg>`` element with ``role="img"``, ``title`` and ``desc`` (plain text, escaped here),
    its ids prefixed with ``key``. Identical for identical input."""
    svg = renderSVG.drawToString(drawing)
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<title>\.\.\.</title>\s*<desc>\.\.\.</desc>", "", svg, count=1)
    svg = svg.replace('id="clip"', f'id="{key}-clip"').replace("url(#clip)", f"url(#{key}-clip)")
    svg = svg.replace('id="group"', f'id="{key}-group"')

    def font(match: re.Match[str]) -> str:
        weight = " font-weight: 700;" if match.group(1).strip() == bold_font else ""
        return f"font-family: inherit;{weight}"

    svg = _FONT.sub(font, svg)
    head_end = svg.index(">")
    head = svg[:head_end]
    head = re.sub(r' (width|height)="[^"]*"', "", head, count=2)
    head = head.replace(" version=\"1.0\"", "")
    labels = (f' role="img" aria-labelledby="{key}-title {key}-desc" class="chart" focusable="false"')
    inner = f'\n<title id="{key}-title">{escape(title)}</title>\n<desc id="{key}-desc">{escape(desc)}</desc>'
    svg = head + labels + ">" + inner + svg[head_end + 1:]
    return "\n".join(line.strip() for line in svg.splitlines() if line.strip())
