"""Draftail rich text as Word paragraphs: block elements become paragraphs (headings, quotes,
rules, lists, embedded images), inline elements become formatted runs and links."""

import re

from lxml import etree
from lxml import html as lxml_html

from .xml import PLAIN, W_P, W_PPR, W_PSTYLE, W_VAL, clean_text, ends_with_break, is_empty_paragraph

_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# agreement.text.FILL_IN: "[[Label]]", a label of 1–60 characters
FILL_IN_TOKEN = re.compile(r"\[\[\s*([^\[\]<>\"]{1,60}?)\s*\]\]")

BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "embed",
    "dl",
    "dt",
    "dd",
    "address",
    "caption",
}
HEADING_TAGS = {"h1": 0, "h2": 0, "h3": 1, "h4": 2, "h5": 2, "h6": 2}
INLINE_FORMATS = {
    "b": {"bold": True},
    "strong": {"bold": True},
    "i": {"italic": True},
    "em": {"italic": True},
    "cite": {"italic": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "sup": {"vert": "superscript"},
    "sub": {"vert": "subscript"},
}
# runs of spaces or other whitespace, which HTML shows as one space
_ODD_SPACES = re.compile(r"  |[\n\t\r\f\v]")


def tag_of(element):
    """The lower-case tag of an element; None for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else None


class RichTextMixin:
    """The rich text of :class:`~wordexport.engine.DocxWriter`."""

    def rich_text(self, source):
        """Draftail rich text (database format or front-end HTML) as paragraphs."""
        source = clean_text(source)
        if not source or not source.strip():
            return
        try:
            # Draftail's database format is well-formed XML: the XML parser is several times
            # faster than the HTML one, which stays the fallback for anything else.
            root = etree.fromstring(f"<div>{source}</div>", _XML_PARSER)
        except etree.XMLSyntaxError:
            root = None
        try:
            if root is None:
                root = lxml_html.fragment_fromstring(source, create_parent="div")
        except (etree.ParserError, ValueError):
            self.paragraph(_SPACES.sub(" ", source).strip())
            return
        self._block_children(root, self.default_style)

    def _block_children(self, element, style, heading_level=None):
        """Children of a block element: nested blocks as their own paragraphs, inline
        content gathered into paragraphs of ``style``."""
        p = None
        if element.text and element.text.strip():
            p = self._new_inline_paragraph(style, heading_level)
            self._inline_text(p, element.text, PLAIN)
        for child in element:
            tag = tag_of(child)
            if tag is not None and tag in BLOCK_TAGS:
                self._finish_paragraph(p)
                p = None
                self._block(child, tag, style)
                if child.tail and child.tail.strip():
                    p = self._new_inline_paragraph(style, heading_level)
                    self._inline_text(p, child.tail, PLAIN)
            else:
                if p is None:
                    p = self._new_inline_paragraph(style, heading_level)
                self._inline(p, child, PLAIN)
        self._finish_paragraph(p)

    def _new_inline_paragraph(self, style, heading_level):
        if heading_level is not None:
            p = etree.SubElement(self.container, W_P)
            ppr = etree.SubElement(p, W_PPR)
            etree.SubElement(ppr, W_PSTYLE).set(
                W_VAL, "BoxTitle" if self.in_box else f"Heading{heading_level}"
            )
            return p
        return self.paragraph(style=style)

    @staticmethod
    def _finish_paragraph(p):
        """Empty paragraphs (Draftail's blank lines) are dropped."""
        if p is not None and is_empty_paragraph(p):
            p.getparent().remove(p)

    def _block(self, element, tag, style):
        if tag in HEADING_TAGS:
            self._heading_block(element, tag, style)
        elif tag in ("ul", "ol"):
            self._list(element, tag == "ol", 0)
        elif tag == "blockquote":
            self._block_children(element, "Quote")
        elif tag == "hr":
            self.paragraph(style="Rule")
        elif tag == "embed":
            self._embed(element)
        elif tag == "li":
            self._list_item(element, self._new_num(False), 0, 0)
        else:
            self._block_children(element, style)

    def _heading_block(self, element, tag, style):
        level = min(3, self.h2_level + HEADING_TAGS[tag])
        start = len(self.container)
        self._block_children(element, style, heading_level=level)
        if not self.in_box:
            for p in self.container[start:]:
                text = "".join(p.itertext()).strip()
                if text:
                    self.headings.append((level, text, None))

    def _inline(self, target, element, fmt):
        tag = tag_of(element)
        outer = fmt
        if tag == "br":
            self.line_break(target)
        elif tag == "a" and not fmt.link and target.tag == W_P:
            self._anchor(target, element, fmt)
        elif tag is not None:
            changes = INLINE_FORMATS.get(tag)
            if changes:
                fmt = fmt.but(**changes)
            if element.text:
                self._inline_text(target, element.text, fmt)
            for child in element:
                self._inline(target, child, fmt)
        if element.tail:
            self._inline_text(target, element.tail, outer)

    def _inline_text(self, target, text, fmt):
        if _ODD_SPACES.search(text):
            text = _SPACES.sub(" ", text)
        if text[:1] == " " and _at_line_start(target):
            text = text.lstrip()
        if not text:
            return
        if self.fill_in_tokens and target.tag == W_P and "[[" in text:
            self._fill_in_text(target, text, fmt)
            return
        self.text(target, text, fmt, clean=False)

    def _fill_in_text(self, p, text, fmt):
        """Agreement text: each "[[Label]]" becomes a content control (a date field when the
        label says «dato»)."""
        for index, part in enumerate(FILL_IN_TOKEN.split(text)):
            if index % 2:
                label = part.strip()
                self.content_control(
                    p,
                    label,
                    tag=f"felt:{label}",
                    # LibreOffice moves the text around a date picker nested in the round
                    # trip's block controls: a plain fill-in field there.
                    date_field="dato" in label.lower() and not self.inside_tagged_block,
                    placeholder=f"[{label}]",
                )
            elif part:
                self.text(p, part, fmt, clean=False)


def _at_line_start(target):
    """Nothing written yet on the line: a leading space would show as an indent."""
    paragraph = target if target.tag == W_P else target.getparent()
    size = len(paragraph)
    return size == 0 or (size == 1 and paragraph[0].tag == W_PPR) or ends_with_break(paragraph)
