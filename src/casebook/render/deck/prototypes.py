"""The XML prototypes the writer copies (a line break, a notes line, python-pptx's rectangle and text box)
and the element helpers that read a shape tree as python-pptx would (placeholder, shape id, text).
"""

from __future__ import annotations

from functools import cache

from lxml import etree
from pptx.oxml import parse_xml

from casebook.render.deck.drawingml import _A, _BR, _P, _R, _T
from casebook.render.deck.grid import Rect, pt

_BR_PROTOTYPE = parse_xml(f'<a:br xmlns:a="{_A[1:-1]}"/>')
_NOTES_LINE = parse_xml(f'<a:p xmlns:a="{_A[1:-1]}"><a:r><a:t/></a:r></a:p>')
_NOTES_EMPTY_LINE = parse_xml(f'<a:p xmlns:a="{_A[1:-1]}"/>')
_NS_AP = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_IDS = etree.XPath("//@id")
_PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_EXT_LST, _SP, _SP_PR, _P_TX_BODY = (_PML + t for t in ("extLst", "sp", "spPr", "txBody"))
_NV_PR, _PH, _C_NV_PR, _SLD_ID = (_PML + t for t in ("nvPr", "ph", "cNvPr", "sldId"))
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAX_SLIDE_ID = 2147483647
# What python-pptx counts as shapes in a shape tree.
_SHAPES = frozenset(_PML + t for t in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart"))
_XFRM, _OFF, _EXT, _FLD = (_A + t for t in ("xfrm", "off", "ext", "fld"))


def _rect_prototype():
    """python-pptx's rectangle auto shape, its fill solid (no colour yet), no outline, no shadow."""
    return parse_xml(
        f'<p:sp {_NS_AP}><p:nvSpPr><p:cNvPr id="0" name=""/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "<a:solidFill/><a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>"
        '<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3"><a:schemeClr val="accent1"/>'
        '</a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor">'
        '<a:schemeClr val="lt1"/></a:fontRef></p:style>'
        '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody></p:sp>'
    )


@cache
def _textbox_prototype():
    """python-pptx's new text box."""
    return parse_xml(
        f'<p:sp {_NS_AP}><p:nvSpPr><p:cNvPr id="0" name=""/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none"><a:spAutoFit/></a:bodyPr><a:lstStyle/><a:p/></p:txBody></p:sp>'
    )


def _new_shape(tree, prototype, rect: Rect, name: str, default_name: str):
    """A copy of the ``p:sp`` ``prototype`` added to the shape tree ``tree`` at ``rect`` (points), with
    the id python-pptx would give it (one more than the largest id of the slide) and ``name`` (else
    ``default_name`` % (id - 1))."""
    shape_id = max((int(value) for value in _IDS(tree) if value.isdigit()), default=0) + 1
    sp = _copy(prototype)
    c_nv_pr = sp[0][0]
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name or default_name % (shape_id - 1))
    xfrm = sp[1][0]
    left, top, width, height = (str(pt(v)) for v in rect)
    off, ext = xfrm[0], xfrm[1]
    off.set("x", left)
    off.set("y", top)
    ext.set("cx", width)
    ext.set("cy", height)
    ext_lst = tree.find(_EXT_LST)
    if ext_lst is None:
        tree.append(sp)
    else:
        ext_lst.addprevious(sp)
    return sp


def _ph(element):
    """The ``p:ph`` of the shape element ``element`` (python-pptx's ``element.ph``), or None."""
    if element.tag not in _SHAPES or not len(element):
        return None
    nv_pr = element[0].find(_NV_PR)
    return None if nv_pr is None else nv_pr.find(_PH)


def _shape_id(element) -> int:
    """python-pptx's ``shape_id`` of the shape element ``element``: its ``p:cNvPr``'s id."""
    return int(element[0].find(_C_NV_PR).get("id"))


def _frame_text(body) -> str:
    """python-pptx's ``text_frame.text`` of the text body ``body`` (None: none, so no text)."""
    if body is None:
        return ""
    lines = []
    for p in body.iterchildren(_P):
        pieces = []
        for child in p:
            if child.tag == _R or child.tag == _FLD:
                pieces.append(child.findtext(_T) or "")
            elif child.tag == _BR:
                pieces.append("\v")
        lines.append("".join(pieces))
    return "\n".join(lines)


def _copy(element):
    """A copy of ``element`` and everything in it (lxml's copy is deep)."""
    return element.__copy__()


def _reparsed(element: etree._Element):
    """``element`` parsed again by python-pptx's parser, so that its copies have python-pptx's element
    classes wherever they go."""
    return parse_xml(etree.tostring(element))


def _path_to(element) -> list[int]:
    """The child indices leading from the root of ``element``'s tree down to it."""
    path = []
    parent = element.getparent()
    while parent is not None:
        path.insert(0, parent.index(element))
        element, parent = parent, parent.getparent()
    return path


def _is_placeholder(frame) -> bool:
    return frame._parent is not None and getattr(frame._parent, "is_placeholder", False)
