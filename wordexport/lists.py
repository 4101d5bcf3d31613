"""Lists as Word numbering: every list its own numbering instance (``w:num`` with
``startOverride``) so each numbered list starts at 1, nested to three levels."""

from lxml import etree

from .html import BLOCK_TAGS, tag_of
from .styles import ABSTRACT_BULLET, ABSTRACT_DECIMAL
from .xml import (
    PLAIN,
    W_ABSTRACTNUMID,
    W_ILVL,
    W_IND,
    W_LEFT,
    W_LVLOVERRIDE,
    W_NUM,
    W_NUMID,
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_STARTOVERRIDE,
    W_VAL,
    is_empty_paragraph,
    to_int,
)

MAX_LIST_LEVEL = 2  # ilvl 0..2: three levels, deeper lists stay at the third
LIST_TAGS = ("ul", "ol")


class ListsMixin:
    """The lists of :class:`~wordexport.engine.DocxWriter`."""

    def _new_num(self, ordered, start=1):
        """A numbering instance of its own: every list, and each numbered list starts over."""
        num_id = self._next_num_id
        self._next_num_id += 1
        num = etree.SubElement(self.numbering, W_NUM)
        num.set(W_NUMID, str(num_id))
        etree.SubElement(num, W_ABSTRACTNUMID).set(
            W_VAL, str(ABSTRACT_DECIMAL if ordered else ABSTRACT_BULLET)
        )
        if ordered:
            for level in range(MAX_LIST_LEVEL + 1):
                override = etree.SubElement(num, W_LVLOVERRIDE)
                override.set(W_ILVL, str(level))
                etree.SubElement(override, W_STARTOVERRIDE).set(
                    W_VAL, str(start if level == 0 else 1)
                )
        return num_id

    def _list(self, element, ordered, depth):
        start = to_int(element.get("start")) if ordered else None
        num_id = self._new_num(ordered, start if start and start > 0 else 1)
        level = min(depth, MAX_LIST_LEVEL)
        for child in element:
            tag = tag_of(child)
            if tag in LIST_TAGS:
                self._list(child, tag == "ol", depth + 1)
            elif tag is not None:
                self._list_item(child, num_id, level, depth)

    def simple_list(self, items, ordered=False):
        """A list of plain-text items (its own numbering instance)."""
        num_id = self._new_num(ordered)
        for item in items:
            p = self._list_paragraph(num_id, 0, True)
            self.text(p, item)

    def _list_paragraph(self, num_id, level, numbered):
        p = etree.SubElement(self.container, W_P)
        ppr = etree.SubElement(p, W_PPR)
        etree.SubElement(ppr, W_PSTYLE, {W_VAL: "ListParagraph"})
        if numbered:
            numpr = etree.SubElement(ppr, W_NUMPR)
            etree.SubElement(numpr, W_ILVL, {W_VAL: str(level)})
            etree.SubElement(numpr, W_NUMID, {W_VAL: str(num_id)})
        else:
            etree.SubElement(ppr, W_IND, {W_LEFT: str(720 * (level + 1))})
        return p

    def _list_item(self, item, num_id, level, depth):
        """One <li>: its first paragraph carries the number or bullet, further paragraphs
        are indented under it, nested lists go one level deeper."""
        _ListItem(self, num_id, level, depth).write(item)


class _ListItem:
    """The paragraphs of one <li> being written."""

    __slots__ = ("writer", "num_id", "level", "depth", "p", "p_numbered", "numbered")

    def __init__(self, writer, num_id, level, depth):
        self.writer, self.num_id, self.level, self.depth = writer, num_id, level, depth
        self.p = None
        self.p_numbered = False
        self.numbered = False  # the item's number or bullet is written

    def current(self):
        """The paragraph inline content goes into (the numbered one if none is yet)."""
        if self.p is None:
            self.p = self.writer._list_paragraph(self.num_id, self.level, not self.numbered)
            self.p_numbered = not self.numbered
            self.numbered = True
        return self.p

    def close(self):
        """The next inline content starts a new paragraph; an empty one is dropped (and the
        number goes to the next one when it was the numbered paragraph)."""
        p = self.p
        if p is not None and is_empty_paragraph(p):
            p.getparent().remove(p)
            if self.p_numbered:
                self.numbered = False
        self.p = None

    def text(self, text):
        if text and text.strip():
            self.writer._inline_text(self.current(), text, PLAIN)

    def nested(self, element, tag):
        self.close()
        self.writer._list(element, tag == "ol", self.depth + 1)

    def write(self, item):
        self.text(item.text)
        for child in item:
            tag = tag_of(child)
            if tag in LIST_TAGS:
                self.nested(child, tag)
            elif tag in BLOCK_TAGS:
                self.block(child)
            else:
                self.writer._inline(self.current(), child, PLAIN)
                continue
            self.text(child.tail)
        self.close()

    def block(self, element):
        """A block inside the item (a <p> of Draftail's list items): its own paragraph."""
        self.close()
        self.text(element.text)
        for child in element:
            tag = tag_of(child)
            if tag in LIST_TAGS:
                self.nested(child, tag)
                self.text(child.tail)
            elif tag in BLOCK_TAGS:
                self.close()
                self.writer._inline(self.current(), child, PLAIN)
                self.close()
            else:
                self.writer._inline(self.current(), child, PLAIN)
        self.close()
