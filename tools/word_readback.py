"""Reading a .docx back: what a Word user would find in it (headings, lists and whether each
numbered list starts at 1, links and where they go, tables, content controls, fields).

Used by the tests and by bench/docx_vs_pandoc.py to compare our output with pandoc's; it
reads any Word file, not only ours. A test tool: it is not part of the runtime package
``wordexport``.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
W = f"{{{W_NS}}}"
NORWEGIAN_LETTERS = re.compile("[æøåÆØÅ]")


@dataclass
class Paragraph:
    style_id: str | None
    style_name: str
    text: str
    num_id: int | None = None
    ilvl: int | None = None
    in_table: bool = False


@dataclass
class DocxReport:
    paragraphs: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # (level, text)
    hyperlinks: list = field(default_factory=list)  # (target, text)
    internal_links: int = 0  # anchors inside the document (TOC)
    tables: int = 0
    tables_with_repeated_header: int = 0
    numbering_instances: int = 0  # distinct w:num used by the body's list paragraphs
    ordered_lists: int = 0  # numbered (non-bullet) lists: where the count (re)starts
    ordered_lists_starting_at_1: int = 0
    max_list_level: int = -1
    content_controls: list = field(default_factory=list)  # (alias, tag, kind)
    fields: list = field(default_factory=list)  # field instructions, body and headers
    header_text: str = ""
    footer_text: str = ""
    settings_update_fields: bool = False
    language: str = ""
    page_size: tuple = (0, 0)
    text: str = ""

    @property
    def norwegian_letters(self):
        return len(NORWEGIAN_LETTERS.findall(self.text))

    @property
    def absolute_links(self):
        return [t for t, _ in self.hyperlinks if re.match(r"^(https?|mailto|tel):", t or "")]


def _xml(archive, name):
    try:
        return etree.fromstring(archive.read(name))
    except KeyError:
        return None


def _rels(archive, part):
    folder, _sep, name = part.rpartition("/")
    root = _xml(archive, f"{folder}/_rels/{name}.rels")
    if root is None:
        return {}
    return {
        rel.get("Id"): (rel.get("Target"), rel.get("Type"))
        for rel in root.iter(f"{{{REL_NS}}}Relationship")
    }


def read_docx(data):
    """A :class:`DocxReport` of the Word file in ``data`` (bytes)."""
    report = DocxReport()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = _rels(archive, "word/document.xml")
        style_names, style_num = _read_styles(_xml(archive, "word/styles.xml"), report)
        nums, abstract_formats = _read_numbering(_xml(archive, "word/numbering.xml"))
        settings = _xml(archive, "word/settings.xml")
        if settings is not None:
            update = settings.find(f"{W}updateFields")
            report.settings_update_fields = update is not None and update.get(
                f"{W}val", "true"
            ) in ("true", "1", "on")

        body = _xml(archive, "word/document.xml").find(f"{W}body")
        used_nums = _read_paragraphs(body, style_names, style_num, report)
        _read_links(body, rels, report)
        for tbl in body.iter(f"{W}tbl"):
            report.tables += 1
            if tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None:
                report.tables_with_repeated_header += 1
        _count_lists(used_nums, nums, abstract_formats, report)
        _read_content_controls(body, report)
        report.fields += [(instr.text or "").strip() for instr in body.iter(f"{W}instrText")] + [
            simple.get(f"{W}instr", "").strip() for simple in body.iter(f"{W}fldSimple")
        ]
        _read_section(archive, body.find(f"{W}sectPr"), rels, report)
    return report


def _val(element, default=None):
    return element.get(f"{W}val") if element is not None else default


def _read_styles(styles, report):
    """{style id: name} and {style id: (numId, ilvl)} of styles that carry numbering."""
    style_names, style_num = {}, {}
    if styles is None:
        return style_names, style_num
    for style in styles.iter(f"{W}style"):
        sid = style.get(f"{W}styleId")
        style_names[sid] = _val(style.find(f"{W}name"), sid)
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None:
            level = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
            style_num[sid] = (int(_val(num)), int(_val(level, 0)))
    report.language = _val(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang"), "")
    return style_names, style_num


def _read_numbering(numbering):
    """{numId: (abstractNumId, {ilvl: startOverride})} and
    {abstractNumId: {ilvl: (numFmt, start)}}."""
    nums, abstract_formats = {}, {}
    if numbering is None:
        return nums, abstract_formats
    for abstract in numbering.iter(f"{W}abstractNum"):
        formats = {}
        for lvl in abstract.iter(f"{W}lvl"):
            start = lvl.find(f"{W}start")
            formats[int(lvl.get(f"{W}ilvl"))] = (
                _val(lvl.find(f"{W}numFmt"), "decimal"),
                int(_val(start)) if start is not None else 0,
            )
        abstract_formats[int(abstract.get(f"{W}abstractNumId"))] = formats
    for num in numbering.iter(f"{W}num"):
        abstract = num.find(f"{W}abstractNumId")
        overrides = {}
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                overrides[int(override.get(f"{W}ilvl"))] = int(_val(start))
        nums[int(num.get(f"{W}numId"))] = (
            int(_val(abstract)) if abstract is not None else None,
            overrides,
        )
    return nums, abstract_formats


def _paragraph_numbering(ppr, sid, style_num):
    """(numId, ilvl) of a paragraph: its own numPr, else its style's."""
    num_el = ppr.find(f"{W}numPr") if ppr is not None else None
    if num_el is not None and num_el.find(f"{W}numId") is not None:
        ilvl_el = num_el.find(f"{W}ilvl")
        return int(_val(num_el.find(f"{W}numId"))), int(_val(ilvl_el, 0))
    return style_num.get(sid, (None, None))


def _read_paragraphs(body, style_names, style_num, report):
    """Paragraphs, headings and the text; returns the (numId, ilvl) of list paragraphs in
    document order."""
    texts = []
    used_nums = []
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        sid = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        num_id, ilvl = _paragraph_numbering(ppr, sid, style_num)
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        in_table = any(a.tag == f"{W}tc" for a in p.iterancestors())
        name = style_names.get(sid, sid or "Normal")
        paragraph = Paragraph(sid, name, text, num_id if num_id else None, ilvl, in_table)
        report.paragraphs.append(paragraph)
        texts.append(text)
        match = re.match(r"^heading ([1-9])$", (name or "").lower())
        if match:
            report.headings.append((int(match.group(1)), text))
        if paragraph.num_id:
            used_nums.append((paragraph.num_id, ilvl or 0))
    report.text = "\n".join(texts)
    return used_nums


def _read_links(body, rels, report):
    for link in body.iter(f"{W}hyperlink"):
        rid = link.get(f"{{{R_NS}}}id")
        text = "".join(t.text or "" for t in link.iter(f"{W}t"))
        if rid:
            report.hyperlinks.append((rels.get(rid, (None, None))[0], text))
        elif link.get(f"{W}anchor"):
            report.internal_links += 1


def _count_lists(used_nums, nums, abstract_formats, report):
    """Numbering instances, nesting depth and the numbered lists (and whether each starts
    at 1).

    Word's counting: instances of one abstract numbering share a counter per level; an
    instance's startOverride sets it where the instance is first used; an item restarts the
    levels below it. A list *starts* where the count restarts (an override, or a level not
    counting yet); an instance without an override on a level already counting continues
    the list before it — LibreOffice writes every list back that way (a restarting instance
    for the first item, a continuing one for the rest), and a nested list as an instance
    used only on level 1 or 2."""
    seen = []
    for num_id, ilvl in used_nums:
        report.max_list_level = max(report.max_list_level, ilvl)
        if num_id not in seen:
            seen.append(num_id)
    report.numbering_instances = len(seen)
    counters, started = {}, set()
    for num_id, ilvl in used_nums:
        abstract_id, overrides = nums.get(num_id, (None, {}))
        fmt, start = abstract_formats.get(abstract_id, {}).get(ilvl, ("decimal", 1))
        key = (abstract_id, ilvl)
        restarts = (num_id, ilvl) not in started and ilvl in overrides
        fresh = key not in counters
        if restarts:
            counters[key] = overrides[ilvl]
        elif fresh:
            counters[key] = start
        else:
            counters[key] += 1
        started.add((num_id, ilvl))
        for deeper in [k for k in counters if k[0] == abstract_id and k[1] > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none") or not (restarts or fresh):
            continue
        report.ordered_lists += 1
        if counters[key] == 1:
            report.ordered_lists_starting_at_1 += 1


def _read_content_controls(body, report):
    for sdt in body.iter(f"{W}sdt"):
        pr = sdt.find(f"{W}sdtPr")
        if pr is None:
            report.content_controls.append(("", "", "text"))
            continue
        kind = "date" if pr.find(f"{W}date") is not None else "text"
        report.content_controls.append(
            (_val(pr.find(f"{W}alias"), ""), _val(pr.find(f"{W}tag"), ""), kind)
        )


def _read_section(archive, sect, rels, report):
    """Page size and the text and fields of the headers and footers."""
    if sect is None:
        return
    size = sect.find(f"{W}pgSz")
    if size is not None:
        report.page_size = (int(size.get(f"{W}w")), int(size.get(f"{W}h")))
    headers, footers = [], []
    for ref in sect:
        if ref.tag not in (f"{W}headerReference", f"{W}footerReference"):
            continue
        target = rels.get(ref.get(f"{{{R_NS}}}id"), (None, None))[0]
        root = _xml(archive, f"word/{target}") if target else None
        if root is None:
            continue
        text = "".join(t.text or "" for t in root.iter(f"{W}t"))
        report.fields += [(i.text or "").strip() for i in root.iter(f"{W}instrText")]
        (headers if ref.tag.endswith("headerReference") else footers).append(text)
    report.header_text = " | ".join(headers)
    report.footer_text = " | ".join(footers)
