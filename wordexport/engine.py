"""The DOCX engine: StreamField blocks and Draftail rich text written as real Word structure.

Built on python-docx, but the body is written straight into the document's XML with lxml and
every style is set by its style id: python-docx's ``add_paragraph(style=name)`` looks styles
up by name and is an order of magnitude slower on a 50-page document.

What a reader of the exported file gets:
* headings in Word's Heading 1–3 styles (navigation pane, table of contents);
* lists as Word numbering, nested to three levels, each list its own numbering instance
  (``w:num`` with ``startOverride``) so every numbered list starts at 1 (lists.py);
* links as ``w:hyperlink`` with absolute targets: Wagtail page and document links and
  relative hrefs are made absolute with ``settings.PUBLIC_BASE_URL``; ``javascript:`` and
  other schemes are dropped (the text stays) (links.py);
* tables with a repeated header row, boxes as bordered single-cell tables (tables.py),
  quotes, content controls for fill-in fields, a table of contents field (fields.py),
  images (images.py), "Side X av Y" footer, A4 and Norwegian (nb-NO) language from the
  template (package.py).

:class:`DocxWriter` composes those parts; rich text is read in html.py; which StreamField
block is written how is looked up in blocks.py, where content apps register their writers.
"""

import io
from datetime import UTC, datetime

import docx
from django.conf import settings
from lxml import etree

from .blocks import block_writers
from .fields import FieldsMixin
from .html import RichTextMixin
from .images import ImagesMixin
from .links import LinksMixin
from .lists import ListsMixin
from .package import DOCX_CONTENT_TYPE, TEMPLATE_PATH, save_package, template_bytes
from .tables import TablesMixin
from .text import norwegian_date, numeric_date
from .xml import (
    PLAIN,
    R_NS,
    W_BOOKMARKEND,
    W_BOOKMARKSTART,
    W_BR,
    W_ID,
    W_KEEPNEXT,
    W_NAME,
    W_NS,
    W_NUM,
    W_NUMID,
    W_P,
    W_PGBREAKBEFORE,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_SECTPR,
    W_T,
    W_TAB,
    W_TYPE,
    W_VAL,
    XML_SPACE,
    clean_text,
    run_properties,
    run_prototype,
    set_style,
    w,
)

__all__ = [
    "DOCX_CONTENT_TYPE",
    "TEMPLATE_PATH",
    "DocxWriter",
    "norwegian_date",
    "numeric_date",
    "template_bytes",
]


class DocxWriter(RichTextMixin, LinksMixin, ListsMixin, TablesMixin, FieldsMixin, ImagesMixin):
    """One Word document being written. Layouts call its methods in reading order, then
    :meth:`to_bytes`."""

    def __init__(
        self,
        *,
        base_url=None,
        h2_level=1,
        title="",
        subject="",
        draft_label=None,
        header_text=None,
        different_first_page=False,
    ):
        self.document = docx.Document(io.BytesIO(template_bytes()))
        self.part = self.document.part
        # The body is written into a plain lxml tree (no python-docx element classes: about a
        # third faster to build) and moved into the document in to_bytes().
        self.body = etree.Element(w("body"), nsmap={"w": W_NS, "r": R_NS})
        self.container = self.body
        # Set while writing inside a round-trip content control (content_controls.py).
        self.inside_tagged_block = False
        self.base_url = (base_url or settings.PUBLIC_BASE_URL).rstrip("/")
        self.h2_level = h2_level
        self.title = clean_text(title)
        self.subject = clean_text(subject)
        self.draft_label = clean_text(draft_label)
        self.header_text = clean_text(title if header_text is None else header_text)
        self.different_first_page = different_first_page
        self.default_style = None
        self.in_box = False
        self.headings = []
        self.numbering = self.part.numbering_part.element
        self._next_num_id = 1 + max(
            (int(num.get(W_NUMID)) for num in self.numbering.iter(W_NUM)), default=0
        )
        self._link_rids = {}
        self._next_rid = 1
        self._deferred_links = []
        self._sdt_id = 100
        self._image_id = 5000
        self._block_writers = None
        # agreement texts: "[[Navn på enheten]]" in rich text becomes a content control
        self.fill_in_tokens = False
        # while the body is still empty: python-docx finds sections by searching the body
        self._header_footer()
        self._bookmark_id = 0

    # -- paragraphs and runs -------------------------------------------------------------

    def paragraph(self, text=None, style=None, *, bold=False, italic=False, keep_next=False):
        p = etree.SubElement(self.container, W_P)
        style = style or self.default_style
        if style or keep_next:
            ppr = etree.SubElement(p, W_PPR)
            if style:
                etree.SubElement(ppr, W_PSTYLE).set(W_VAL, style)
            if keep_next:
                etree.SubElement(ppr, W_KEEPNEXT)
        if text:
            self.text(p, text, PLAIN.but(bold=bold, italic=italic))
        return p

    def text(self, target, text, fmt=PLAIN, style=None, clean=True):
        """Runs for ``text`` in a paragraph or hyperlink; newlines become line breaks.
        ``clean=False``: the text is known to be free of XML-illegal characters."""
        if clean:
            text = clean_text(text)
        if not text:
            return None
        if "\n" not in text:
            # a copy of a ready-made <w:r><w:rPr/><w:t/></w:r> per formatting: one C call
            run = run_prototype(fmt, style, text[0] == " " or text[-1] == " ").__copy__()
            run[-1].text = text
            target.append(run)
            return run
        run = None
        for index, line in enumerate(text.split("\n")):
            run = self._run(target, fmt, style)
            if index:
                etree.SubElement(run, W_BR)
            if line:
                t = etree.SubElement(run, W_T)
                t.text = line
                if line[0] == " " or line[-1] == " ":
                    t.set(XML_SPACE, "preserve")
        return run

    def _run(self, target, fmt, style=None):
        run = etree.SubElement(target, W_R)
        if fmt.link or fmt.bold or fmt.italic or fmt.underline or fmt.vert or style:
            run.append(run_properties(fmt, style).__copy__())
        return run

    def line_break(self, target):
        etree.SubElement(etree.SubElement(target, W_R), W_BR)

    def page_break(self):
        p = etree.SubElement(self.container, W_P)
        etree.SubElement(etree.SubElement(p, W_R), W_BR).set(W_TYPE, "page")
        return p

    def heading(self, text, level=1, *, page_break_before=False, bookmark=True, anchor=None):
        level = max(1, min(3, level))
        text = clean_text(text).strip()
        p = etree.SubElement(self.container, W_P)
        ppr = etree.SubElement(p, W_PPR)
        etree.SubElement(ppr, W_PSTYLE).set(W_VAL, "BoxTitle" if self.in_box else f"Heading{level}")
        if page_break_before:
            etree.SubElement(ppr, W_PGBREAKBEFORE)
        if self.in_box:
            self.text(p, text)
            return p
        if bookmark and level <= 2:
            self._bookmark_id += 1
            anchor = anchor or f"_Toc{self._bookmark_id:06d}"
            etree.SubElement(p, W_BOOKMARKSTART, {W_ID: str(self._bookmark_id), W_NAME: anchor})
        self.text(p, text)
        if bookmark and level <= 2:
            etree.SubElement(p, W_BOOKMARKEND, {W_ID: str(self._bookmark_id)})
        self.headings.append((level, text, anchor))
        return p

    # -- streams ---------------------------------------------------------------------------

    def stream(self, value):
        """A StreamField value, block by block."""
        if not value:
            return
        for child in value:
            self.write_block(child.block, child.value, getattr(child, "id", None))

    def write_block(self, block, value, block_id=None):
        """One block, with the writer registered for its class (or a base class)."""
        if self._block_writers is None:
            # collected once per document, so a hook registered in a test is seen
            self._block_writers = block_writers()
        self._block_writers.writer_for(block)(self, block, value, block_id)

    # -- finishing -------------------------------------------------------------------------

    def _header_footer(self):
        section = self.document.sections[0]
        if self.different_first_page:
            section.different_first_page_header_footer = True
        stories = [section.header]
        if self.different_first_page:
            stories.append(section.first_page_header)
        for header in stories:
            p = header.part.element.find(W_P)
            if self.draft_label:
                set_style(p, "DraftMark")
                self.text(p, "UTKAST", PLAIN.but(bold=True))
                etree.SubElement(etree.SubElement(p, W_R), W_TAB)
                self.text(p, self.draft_label)
            elif header is section.header and self.header_text:
                self.text(p, self.header_text)
        footer_p = section.footer.part.element.find(W_P)
        self.text(footer_p, "Side ")
        self.field(footer_p, "PAGE", "1")
        self.text(footer_p, " av ")
        self.field(footer_p, "NUMPAGES", "1")

    def to_bytes(self):
        self._resolve_links()
        body = self.document.element.body
        sect_pr = body.find(W_SECTPR)
        sect_pr.addprevious(self.body)
        for child in list(self.body):
            sect_pr.addprevious(child)
        body.remove(self.body)
        props = self.document.core_properties
        props.title = self.title
        props.subject = self.subject
        props.author = "LPP"
        props.language = "nb-NO"
        # Word stores the time as UTC («…Z»); the process clock runs in Oslo time.
        props.created = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        output = io.BytesIO()
        save_package(self.document.part.package, output)
        return output.getvalue()
