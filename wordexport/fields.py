"""Fields and content controls: fill-in fields (plain text or date), complex fields (PAGE,
NUMPAGES) and the table of contents Word fills in when the file is opened."""

from lxml import etree

from .xml import (
    W_ALIAS,
    W_DIRTY,
    W_FLDCHAR,
    W_FLDCHARTYPE,
    W_HISTORY,
    W_HYPERLINK,
    W_ID,
    W_INSTRTEXT,
    W_PPR,
    W_R,
    W_SDT,
    W_SDTCONTENT,
    W_SDTPR,
    W_SHOWINGPLCHDR,
    W_TAG,
    W_TEXT,
    W_VAL,
    XML_SPACE,
    clean_text,
    w,
)

NO_ENTRIES = [(1, "Innholdsfortegnelsen oppdateres når dokumentet åpnes i Word.", None)]


class FieldsMixin:
    """The fields and content controls of :class:`~wordexport.engine.DocxWriter`."""

    def content_control(self, p, label, *, tag=None, placeholder=None, date_field=False):
        """A fill-in field: a Word content control (plain text or date) showing a
        placeholder until the service fills it in."""
        self._sdt_id += 1
        sdt = etree.SubElement(p, W_SDT)
        sdtpr = etree.SubElement(sdt, W_SDTPR)
        etree.SubElement(sdtpr, W_ALIAS).set(W_VAL, clean_text(label)[:255])
        etree.SubElement(sdtpr, W_TAG).set(W_VAL, clean_text(tag or label)[:64])
        etree.SubElement(sdtpr, W_ID).set(W_VAL, str(self._sdt_id))
        etree.SubElement(sdtpr, W_SHOWINGPLCHDR)
        if date_field:
            date_el = etree.SubElement(sdtpr, w("date"))
            etree.SubElement(date_el, w("dateFormat")).set(W_VAL, "dd.MM.yyyy")
            etree.SubElement(date_el, w("lid")).set(W_VAL, "nb-NO")
            etree.SubElement(date_el, w("storeMappedDataAs")).set(W_VAL, "dateTime")
            etree.SubElement(date_el, w("calendar")).set(W_VAL, "gregorian")
        else:
            etree.SubElement(sdtpr, W_TEXT)
        content = etree.SubElement(sdt, W_SDTCONTENT)
        self.text(content, placeholder or f"[{clean_text(label)}]", style="FillIn")
        return sdt

    def field(self, p, instruction, placeholder=""):
        """A complex field (PAGE, NUMPAGES, TOC …) with its cached result."""
        begin = etree.SubElement(etree.SubElement(p, W_R), W_FLDCHAR)
        begin.set(W_FLDCHARTYPE, "begin")
        instr = etree.SubElement(etree.SubElement(p, W_R), W_INSTRTEXT)
        instr.text = f" {instruction} "
        instr.set(XML_SPACE, "preserve")
        etree.SubElement(etree.SubElement(p, W_R), W_FLDCHAR).set(W_FLDCHARTYPE, "separate")
        if placeholder:
            self.text(p, placeholder)
        etree.SubElement(etree.SubElement(p, W_R), W_FLDCHAR).set(W_FLDCHARTYPE, "end")

    def table_of_contents(self, entries, heading="Innhold"):
        """A TOC field Word fills in when the file is opened (``updateFields``); until then
        it shows ``entries`` (level, text, bookmark) as links to the headings."""
        self.paragraph(heading, "TOCHeading")
        paragraphs = [self._toc_entry(*entry) for entry in entries or NO_ENTRIES]
        first, last = paragraphs[0], paragraphs[-1]
        ppr = first.find(W_PPR)
        begin = etree.Element(W_R)
        etree.SubElement(begin, W_FLDCHAR, {W_FLDCHARTYPE: "begin", W_DIRTY: "true"})
        instr_run = etree.Element(W_R)
        instr = etree.SubElement(instr_run, W_INSTRTEXT)
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        instr.set(XML_SPACE, "preserve")
        separate = etree.Element(W_R)
        etree.SubElement(separate, W_FLDCHAR, {W_FLDCHARTYPE: "separate"})
        for run in (separate, instr_run, begin):
            ppr.addnext(run)
        etree.SubElement(etree.SubElement(last, W_R), W_FLDCHAR).set(W_FLDCHARTYPE, "end")
        settings_el = self.document.settings.element
        update = settings_el.find(w("updateFields"))
        if update is None:
            update = etree.Element(w("updateFields"))
            # schema order: updateFields comes before defaultTabStop
            settings_el.find(w("defaultTabStop")).addprevious(update)
        update.set(W_VAL, "true")

    def _toc_entry(self, level, text, anchor):
        p = self.paragraph(style=f"TOC{min(level, 2)}")
        if anchor:
            link = etree.SubElement(p, W_HYPERLINK)
            link.set(w("anchor"), anchor)
            link.set(W_HISTORY, "1")
            self.text(link, text)
        else:
            self.text(p, text)
        return p
