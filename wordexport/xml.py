"""WordprocessingML names and the small XML helpers every part of the writer shares: text
made safe for XML, the run prototypes (one C-level copy per run instead of several
elements) and paragraph styles."""

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag):
    """The Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


W_P, W_PPR, W_PSTYLE, W_R, W_RPR, W_RSTYLE, W_T, W_BR = map(
    w, ["p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "br"]
)
W_B, W_BCS, W_I, W_ICS, W_U, W_VERTALIGN, W_VAL = map(
    w, ["b", "bCs", "i", "iCs", "u", "vertAlign", "val"]
)
W_NUMPR, W_ILVL, W_NUMID, W_IND, W_LEFT, W_KEEPNEXT = map(
    w, ["numPr", "ilvl", "numId", "ind", "left", "keepNext"]
)
W_NUM, W_ABSTRACTNUMID, W_LVLOVERRIDE, W_STARTOVERRIDE = map(
    w, ["num", "abstractNumId", "lvlOverride", "startOverride"]
)
W_HYPERLINK, W_HISTORY, W_FLDCHAR, W_FLDCHARTYPE, W_INSTRTEXT, W_DIRTY = map(
    w, ["hyperlink", "history", "fldChar", "fldCharType", "instrText", "dirty"]
)
W_TBL, W_TBLPR, W_TBLSTYLE, W_TBLW, W_TBLLOOK, W_TBLGRID, W_GRIDCOL = map(
    w, ["tbl", "tblPr", "tblStyle", "tblW", "tblLook", "tblGrid", "gridCol"]
)
W_TR, W_TRPR, W_TBLHEADER, W_CANTSPLIT, W_TC, W_TCPR, W_TCW, W_GRIDSPAN, W_VMERGE = map(
    w, ["tr", "trPr", "tblHeader", "cantSplit", "tc", "tcPr", "tcW", "gridSpan", "vMerge"]
)
W_TBLBORDERS, W_SHD, W_TBLCELLMAR, W_W, W_TYPE = map(
    w, ["tblBorders", "shd", "tblCellMar", "w", "type"]
)
W_SDT, W_SDTPR, W_SDTCONTENT, W_ALIAS, W_TAG, W_ID, W_SHOWINGPLCHDR, W_TEXT = map(
    w, ["sdt", "sdtPr", "sdtContent", "alias", "tag", "id", "showingPlcHdr", "text"]
)
W_SECTPR, W_PGBREAKBEFORE, W_TAB, W_BOOKMARKSTART, W_BOOKMARKEND, W_NAME = map(
    w, ["sectPr", "pageBreakBefore", "tab", "bookmarkStart", "bookmarkEnd", "name"]
)
R_ID = f"{{{R_NS}}}id"

# Characters XML 1.0 forbids (lxml refuses them) plus C1 controls Word chokes on.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text):
    """Text safe for XML: characters XML forbids (and C1 controls) removed."""
    if not text:
        return ""
    return _ILLEGAL_XML.sub("", str(text))


def to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Fmt:
    """Inline formatting of the runs being written."""

    __slots__ = ("bold", "italic", "underline", "vert", "link")

    def __init__(self, bold=False, italic=False, underline=False, vert=None, link=False):
        self.bold, self.italic, self.underline, self.vert, self.link = (
            bold,
            italic,
            underline,
            vert,
            link,
        )

    def but(self, **changes):
        fmt = Fmt(self.bold, self.italic, self.underline, self.vert, self.link)
        for key, value in changes.items():
            setattr(fmt, key, value)
        return fmt


PLAIN = Fmt()

_RPR_CACHE = {}
_RUN_CACHE = {}


def run_prototype(fmt, style, preserve_space):
    """A ready-made ``<w:r><w:rPr/><w:t/></w:r>`` for this formatting, to be copied."""
    key = (fmt.link, fmt.bold, fmt.italic, fmt.underline, fmt.vert, style, preserve_space)
    proto = _RUN_CACHE.get(key)
    if proto is None:
        proto = _RUN_CACHE[key] = etree.Element(W_R)
        if fmt.link or fmt.bold or fmt.italic or fmt.underline or fmt.vert or style:
            proto.append(_run_properties(fmt, style))
        t = etree.SubElement(proto, W_T)
        if preserve_space:
            t.set(XML_SPACE, "preserve")
    return proto


def run_properties(fmt, style):
    """A ready-made ``<w:rPr>`` for this formatting, to be copied."""
    key = (fmt.link, fmt.bold, fmt.italic, fmt.underline, fmt.vert, style)
    proto = _RPR_CACHE.get(key)
    if proto is None:
        proto = _RPR_CACHE[key] = _run_properties(fmt, style)
    return proto


def _run_properties(fmt, style):
    rpr = etree.Element(W_RPR)
    if fmt.link or style:
        etree.SubElement(rpr, W_RSTYLE).set(W_VAL, style or "Hyperlink")
    if fmt.bold:
        etree.SubElement(rpr, W_B)
        etree.SubElement(rpr, W_BCS)
    if fmt.italic:
        etree.SubElement(rpr, W_I)
        etree.SubElement(rpr, W_ICS)
    if fmt.underline:
        etree.SubElement(rpr, W_U).set(W_VAL, "single")
    if fmt.vert:
        etree.SubElement(rpr, W_VERTALIGN).set(W_VAL, fmt.vert)
    return rpr


def is_empty_paragraph(p):
    """Nothing but paragraph properties."""
    return not any(child.tag != W_PPR for child in p)


def ends_with_break(paragraph):
    last = paragraph[-1] if len(paragraph) else None
    return last is not None and last.tag == W_R and len(last) and last[-1].tag == W_BR


def paragraph_style(p):
    ppr = p.find(W_PPR)
    pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
    return pstyle.get(W_VAL) if pstyle is not None else None


def set_paragraph_style(p, style, indent=None):
    set_style(p, style)
    if indent is not None:
        ppr = p.find(W_PPR)
        ind = ppr.find(W_IND)
        if ind is None:
            ind = etree.SubElement(ppr, W_IND)
        ind.set(W_LEFT, str(indent))


def set_style(p, style):
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    pstyle = ppr.find(W_PSTYLE)
    if pstyle is None:
        pstyle = etree.Element(W_PSTYLE)
        ppr.insert(0, pstyle)
    pstyle.set(W_VAL, style)
