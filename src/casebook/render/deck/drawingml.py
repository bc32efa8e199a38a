"""DrawingML names and the text-frame properties written directly with lxml (python-pptx's property
setters are slow): the same attributes python-pptx's setters would write, in the order the schema requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lxml import etree
from lxml.etree import SubElement
from pptx.enum.text import MSO_ANCHOR

from casebook.render.deck.fit import EMU_PER_PT
from casebook.render.text.rtl import script_family

# --- DrawingML written directly with lxml (python-pptx's property setters are slow) ---------------
#
# Text, table cells, rectangles, text boxes, new slides and notes slides are built here with lxml, in
# the order the schema requires and with the attributes python-pptx's setters would write: the same
# bytes, many times faster. What repeats (a paragraph's properties, a run's style, a cell's properties,
# a new slide of a layout) is built once and copied (an lxml copy is one C call).

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P, _PPR, _R, _RPR, _T, _BR, _END_PARA_RPR = (_A + t for t in ("p", "pPr", "r", "rPr", "t", "br", "endParaRPr"))
_LN_SPC, _SPC_BEF, _SPC_AFT, _SPC_PCT, _SPC_PTS = (_A + t for t in ("lnSpc", "spcBef", "spcAft", "spcPct", "spcPts"))
_BU_CLR, _BU_FONT, _BU_CHAR, _BU_NONE = (_A + t for t in ("buClr", "buFont", "buChar", "buNone"))
_SOLID_FILL, _SRGB_CLR, _SCHEME_CLR = (_A + t for t in ("solidFill", "srgbClr", "schemeClr"))
_LUM_MOD, _LUM_OFF = _A + "lumMod", _A + "lumOff"
_LATIN, _EA, _CS = (_A + t for t in ("latin", "ea", "cs"))
_BODY_PR, _NO_AUTOFIT = _A + "bodyPr", _A + "noAutofit"
_AUTOFITS = frozenset(_A + t for t in ("noAutofit", "normAutofit", "spAutoFit"))
_AFTER_AUTOFIT = frozenset(_A + t for t in ("scene3d", "sp3d", "flatTx", "extLst"))
_TC, _TR, _TC_PR, _TX_BODY = (_A + t for t in ("tc", "tr", "tcPr", "txBody"))
_LINES = tuple(_A + t for t in ("lnL", "lnR", "lnT", "lnB"))
_PRST_DASH, _GRID_COL = _A + "prstDash", _A + "gridCol"
_AFTER_CELL_FILL = frozenset(_A + t for t in ("headers", "extLst"))
_FILLS = frozenset(_A + t for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_ALIGN = {"left": "l", "right": "r", "center": "ctr"}
_NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
_NOTES_PREFIX = "/ppt/notesSlides/notesSlide"
# Text frame insets python-pptx leaves out when they equal the schema's defaults (EMU).
_INSETS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))


def _centipoints(points: float) -> str:
    """A length in points as python-pptx writes ``Pt(points)`` in centipoints (truncated twice)."""
    return str(int(points * EMU_PER_PT) // 127)


def _frame_properties(body: etree._Element, anchor, insets: Sequence[float]) -> None:
    """The ``a:bodyPr`` of the text body ``body`` as python-pptx's ``word_wrap = True``, ``auto_size = NONE``,
    ``vertical_anchor = anchor`` (unless ``anchor`` is ``...``: left as it is) and the four margins set it."""
    body_pr = body.find(_BODY_PR)
    body_pr.set("wrap", "square")
    for child in list(body_pr):
        if child.tag in _AUTOFITS:
            body_pr.remove(child)
    successor = next((child for child in body_pr if child.tag in _AFTER_AUTOFIT), None)
    if successor is None:
        SubElement(body_pr, _NO_AUTOFIT)
    else:
        successor.addprevious(etree.Element(_NO_AUTOFIT))
    attrib = body_pr.attrib
    if anchor is None:
        attrib.pop("anchor", None)
    elif anchor is not ...:
        attrib["anchor"] = MSO_ANCHOR.to_xml(anchor)
    for (name, default), value in zip(_INSETS, insets, strict=True):
        emu = int(round(value * EMU_PER_PT))
        if emu == default:
            attrib.pop(name, None)
        else:
            attrib[name] = str(emu)


@cache
def script_run(rpr, text: str, lang: str | None) -> None:
    """The run properties ``rpr`` of a right-to-left run ``text``: its language ``lang`` (see
    :func:`casebook.render.text.rtl.script_runs`), and in ``a:cs`` a font of this machine that draws its letters
    (PowerPoint and LibreOffice set Arabic and Hebrew in a run's complex-script font); with none, the run
    keeps what it had and the presentation program falls back on its own. A stamped footer is made so too
    (:mod:`casebook.render.stamp`)."""
    if lang is not None:
        rpr.set("lang", lang)
    family = script_family(text)
    if family is None:
        return
    cs = rpr.find(_CS)
    if cs is None:
        cs = SubElement(rpr, _CS)
    cs.set("typeface", family)
