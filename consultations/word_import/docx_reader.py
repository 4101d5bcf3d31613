"""Read a .docx into generic blocks: headings, paragraphs (as small safe HTML with bold,
italic and links), lists with their level and number, tables, quotes, footnotes as
endnotes. Knows Word, nothing of LPP.

Word writes the same thing many ways, so the reader accepts each of them:

* headings: a heading style (any language: «Heading 2», «Overskrift 2», an outline level
  in the style or paragraph), or a short paragraph that is bold throughout (direct
  formatting);
* lists: automatic numbering (``w:numPr`` from the paragraph or its style, numbered or
  bulleted per ``numbering.xml``) or typed markers «1.», «a)», «i)», «–»;
* tracked changes are accepted (insertions kept, deletions dropped) and comments
  dropped, each with a notice; text boxes are read where they stand;
* the page header is returned separately (letter heads often live there).

Call :func:`read_docx` with bytes already checked by :mod:`base.file_checks`."""

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from base.file_checks import read_entry

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "mc": MC}


def _w(tag):
    return f"{{{W}}}{tag}"


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    html: str
    text: str
    bold_lead: str = ""  # a bold first sentence followed by ordinary text


@dataclass
class ListItem:
    level: int
    html: str
    text: str
    label: str = ""  # «1.», «a)», «•»


@dataclass
class ListBlock:
    ordered: bool
    items: list = field(default_factory=list)


@dataclass
class Table:
    rows: list  # list of rows, each a list of cell texts


@dataclass
class Quote:
    text: str


@dataclass
class Document:
    blocks: list
    footnotes: list  # texts, numbered from 1 in order of reference
    header_lines: list
    notices: list

    @property
    def text(self):
        parts = list(self.header_lines)
        for block in self.blocks:
            if isinstance(block, ListBlock):
                parts.extend(item.text for item in block.items)
            elif isinstance(block, Table):
                parts.extend(" ".join(row) for row in block.rows)
            else:
                parts.append(block.text)
        return "\n".join(parts + self.footnotes)


class ReadError(Exception):
    """The file is a zip with document.xml, but Word's XML in it cannot be read."""


HEADING_STYLE = re.compile(r"^(heading|overskrift|berschrift|titre)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "tittel"}
QUOTE_STYLES = {"quote", "sitat", "intense quote", "sterkt sitat", "block text", "blokktekst"}
BOLD_STYLES = {"strong", "sterk"}
ITALIC_STYLES = {"emphasis", "utheving"}
TYPED_MARKER = re.compile(
    r"^\s*(?:(?P<num>\d{1,2})[.)]|(?P<letter>[a-zæøå])\)|(?P<roman>(?:i|ii|iii|iv|v|vi|vii|viii|ix|x))\)"
    r"|(?P<bullet>[-–•▪·*]))\s+(?=\S)"
)
HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
BULLET_FORMATS = {"bullet", "none"}


def _on(element, tag):
    """Whether a toggle property (w:b, w:i) is on."""
    found = element.find(_w(tag)) if element is not None else None
    if found is None:
        return None
    return found.get(_w("val"), "true").lower() not in {"0", "false", "off"}


class _Styles:
    def __init__(self, xml):
        self.names, self.outline, self.numpr, self.bold, self.italic, self.based = (
            {},
            {},
            {},
            {},
            {},
            {},
        )
        if xml is None:
            return
        for style in xml.iter(_w("style")):
            sid = style.get(_w("styleId"))
            name = style.find(_w("name"))
            self.names[sid] = (name.get(_w("val")) if name is not None else sid or "").lower()
            based = style.find(_w("basedOn"))
            if based is not None:
                self.based[sid] = based.get(_w("val"))
            ppr = style.find(_w("pPr"))
            if ppr is not None:
                outline = ppr.find(_w("outlineLvl"))
                if outline is not None:
                    self.outline[sid] = int(outline.get(_w("val"), "9"))
                numpr = ppr.find(_w("numPr"))
                if numpr is not None:
                    self.numpr[sid] = numpr
            rpr = style.find(_w("rPr"))
            self.bold[sid] = _on(rpr, "b")
            self.italic[sid] = _on(rpr, "i")

    def chain(self, sid):
        seen = []
        while sid and sid not in seen and len(seen) < 10:
            seen.append(sid)
            sid = self.based.get(sid)
        return seen

    def heading_level(self, sid):
        for s in self.chain(sid):
            name = self.names.get(s, s.lower())
            if name in TITLE_STYLES:
                return 1
            match = HEADING_STYLE.match(name) or HEADING_STYLE.match(s)
            if match:
                return int(match.group(2))
            if s in self.outline and self.outline[s] < 9:
                return self.outline[s] + 1
        return None

    def is_quote(self, sid):
        return any(self.names.get(s, "") in QUOTE_STYLES for s in self.chain(sid))

    def inherited(self, sid, table):
        for s in self.chain(sid):
            if table.get(s) is not None:
                return table[s]
        return None


class _Numbering:
    """numbering.xml: per (numId, level) the format and text, and running counters."""

    def __init__(self, xml):
        self.formats = {}
        self.counters = {}
        if xml is None:
            return
        abstract = {}
        for node in xml.findall(_w("abstractNum")):
            levels = {}
            for lvl in node.findall(_w("lvl")):
                fmt = lvl.find(_w("numFmt"))
                text = lvl.find(_w("lvlText"))
                start = lvl.find(_w("start"))
                levels[int(lvl.get(_w("ilvl"), "0"))] = (
                    fmt.get(_w("val")) if fmt is not None else "decimal",
                    text.get(_w("val")) if text is not None else "%1.",
                    int(start.get(_w("val"), "1")) if start is not None else 1,
                )
            abstract[node.get(_w("abstractNumId"))] = levels
        for num in xml.findall(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is not None:
                self.formats[num.get(_w("numId"))] = abstract.get(ref.get(_w("val")), {})

    def is_bullet(self, num_id, level):
        fmt = self.formats.get(num_id, {}).get(level, ("decimal", "", 1))[0]
        return fmt in BULLET_FORMATS

    def next_label(self, num_id, level):
        levels = self.formats.get(num_id, {})
        fmt, text, start = levels.get(level, ("decimal", "%1.", 1))
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt in BULLET_FORMATS:
            return "•"

        def render(match):
            lvl = int(match.group(1)) - 1
            value = counters.get(lvl, levels.get(lvl, ("decimal", "", 1))[2])
            return _format_number(value, levels.get(lvl, (fmt,))[0])

        return re.sub(r"%(\d)", render, text)


def _format_number(value, fmt):
    if fmt in {"lowerLetter", "upperLetter"}:
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"}:
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, rest = "", value
        for amount, numeral in numerals:
            while rest >= amount:
                out, rest = out + numeral, rest - amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def _parse(archive, name):
    if name not in archive.namelist():
        return None
    try:
        return etree.fromstring(
            read_entry(archive, name),
            parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False),
        )
    except etree.XMLSyntaxError as error:
        raise ReadError(str(error)) from error


def _relationships(archive, part):
    rels = _parse(archive, f"word/_rels/{part}.rels")
    if rels is None:
        return {}
    return {
        rel.get("Id"): rel.get("Target")
        for rel in rels.iter(f"{{{REL}}}Relationship")
        if rel.get("TargetMode") == "External"
    }


class _Reader:
    def __init__(self, archive):
        self.styles = _Styles(_parse(archive, "word/styles.xml"))
        self.numbering = _Numbering(_parse(archive, "word/numbering.xml"))
        self.links = _relationships(archive, "document.xml")
        self.footnote_texts = {}
        notes = _parse(archive, "word/footnotes.xml")
        if notes is not None:
            for note in notes.findall(_w("footnote")):
                if note.get(_w("type")) in {"separator", "continuationSeparator"}:
                    continue
                text = " ".join(_plain(p) for p in note.iter(_w("p")) if _plain(p).strip()).strip()
                self.footnote_texts[note.get(_w("id"))] = text
        self.footnotes = []
        self.inserted = self.deleted = 0
        self.blocks = []

    # -- runs ---------------------------------------------------------------------
    def inline(self, paragraph, style_id):
        """(html, text, bold_flags) of a paragraph's runs, in order."""
        pieces = []  # (text, bold, italic, href)
        field_href = None
        in_field_code = False
        style_bold = bool(self.styles.inherited(style_id, self.styles.bold))
        style_italic = bool(self.styles.inherited(style_id, self.styles.italic))

        def walk(node, href):
            nonlocal field_href, in_field_code
            for child in node:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag in {"del", "moveFrom"}:
                    self.deleted += 1
                    continue
                if tag in {"ins", "moveTo"}:
                    self.inserted += 1
                    walk(child, href)
                elif tag == "hyperlink":
                    target = self.links.get(child.get(f"{{{R}}}id"))
                    anchor = child.get(_w("anchor"))
                    walk(child, target or (None if anchor else href))
                elif tag == "fldSimple":
                    match = HYPERLINK_FIELD.search(child.get(_w("instr"), ""))
                    walk(child, match.group(1) if match else href)
                elif tag in {"smartTag", "sdt", "sdtContent", "customXml"}:
                    walk(child, href)
                elif tag == "r":
                    self.run(child, href or field_href, pieces, style_bold, style_italic)
                    for fld in child.findall(_w("fldChar")):
                        kind = fld.get(_w("fldCharType"))
                        if kind == "begin":
                            in_field_code = True
                        elif kind == "separate":
                            in_field_code = False
                        elif kind == "end":
                            field_href = None
                            in_field_code = False
                    for instr in child.findall(_w("instrText")):
                        match = HYPERLINK_FIELD.search(instr.text or "")
                        if match and in_field_code:
                            field_href = match.group(1)

        walk(paragraph, None)
        return pieces

    def run(self, run, href, pieces, style_bold, style_italic):
        rpr = run.find(_w("rPr"))
        char_style = None
        if rpr is not None and rpr.find(_w("rStyle")) is not None:
            char_style = rpr.find(_w("rStyle")).get(_w("val"))
        names = {self.styles.names.get(s, s.lower()) for s in self.styles.chain(char_style)}
        bold = _on(rpr, "b")
        if bold is None:
            bold = (
                bool(names & BOLD_STYLES)
                or bool(self.styles.inherited(char_style, self.styles.bold))
                or style_bold
            )
        italic = _on(rpr, "i")
        if italic is None:
            italic = bool(names & ITALIC_STYLES) or style_italic
        for child in run:
            tag = etree.QName(child).localname
            if tag == "t":
                pieces.append((child.text or "", bold, italic, href))
            elif tag == "tab":
                pieces.append(("\t", False, False, None))
            elif tag in {"br", "cr"}:
                pieces.append(("\n", False, False, None))
            elif tag == "noBreakHyphen":
                pieces.append(("-", bold, italic, href))
            elif tag == "footnoteReference":
                text = self.footnote_texts.get(child.get(_w("id")))
                if text is not None:
                    self.footnotes.append(text)
                    pieces.append((f"[{len(self.footnotes)}]", False, False, None))
            elif tag == "delText":
                continue

    # -- blocks -------------------------------------------------------------------
    def body(self, container):
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag in {"sdt", "sdtContent", "customXml", "ins", "moveTo"}:
                self.body(child)

    def paragraph(self, p):
        ppr = p.find(_w("pPr"))
        style_id = None
        if ppr is not None and ppr.find(_w("pStyle")) is not None:
            style_id = ppr.find(_w("pStyle")).get(_w("val"))
        if ppr is not None and ppr.find(f"{_w('rPr')}/{_w('del')}") is not None and not _plain(p):
            return
        pieces = self.inline(p, style_id)
        text = "".join(piece[0] for piece in pieces).strip()
        boxes = self.text_boxes(p)
        if text:
            self.place(p, ppr, style_id, pieces, text)
        for box in boxes:
            self.body(box)

    def text_boxes(self, p):
        # Word writes a text box twice (DrawingML and a VML fallback): read the first.
        found = []
        for box in p.iter(_w("txbxContent")):
            if any(etree.QName(a).localname == "Fallback" for a in box.iterancestors()):
                continue
            if any(a.tag == _w("txbxContent") for a in box.iterancestors()):
                continue
            found.append(box)
        return found

    def place(self, p, ppr, style_id, pieces, text):
        level = self.styles.heading_level(style_id)
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        if level is None and outline is not None and int(outline.get(_w("val"), "9")) < 9:
            level = int(outline.get(_w("val"))) + 1
        if level is not None:
            self.blocks.append(Heading(level=level, text=_squash(text)))
            return
        if self.styles.is_quote(style_id):
            self.blocks.append(Quote(text=_squash(text)))
            return
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        if numpr is None:
            numpr = self.styles.inherited(style_id, self.styles.numpr)
        if numpr is not None and numpr.find(_w("numId")) is not None:
            num_id = numpr.find(_w("numId")).get(_w("val"))
            ilvl = numpr.find(_w("ilvl"))
            lvl = int(ilvl.get(_w("val"), "0")) if ilvl is not None else 0
            if num_id != "0":
                label = self.numbering.next_label(num_id, lvl)
                self.add_item(not self.numbering.is_bullet(num_id, lvl), lvl, pieces, text, label)
                return
        typed = TYPED_MARKER.match(text)
        if typed:
            self.add_typed_item(typed, pieces, text)
            return
        visible = [piece for piece in pieces if piece[0].strip()]
        if (
            visible
            and all(piece[1] for piece in visible)
            and len(text) <= 120
            and not text.endswith((".", ":", ","))
            and "\n" not in text
        ):
            self.blocks.append(Heading(level=2, text=_squash(text)))
            return
        self.blocks.append(
            Paragraph(html=_html(pieces), text=_squash(text), bold_lead=_bold_lead(pieces))
        )

    def add_item(self, ordered, level, pieces, text, label):
        last = self.blocks[-1] if self.blocks else None
        if not isinstance(last, ListBlock) or (level == 0 and last.ordered != ordered):
            last = ListBlock(ordered=ordered)
            self.blocks.append(last)
        last.items.append(
            ListItem(level=level, html=_html(pieces), text=_squash(text), label=label)
        )

    def add_typed_item(self, match, pieces, text):
        marker = match.group(0)
        last = self.blocks[-1] if self.blocks else None
        in_list = isinstance(last, ListBlock)
        if match.group("num"):
            level, ordered, label = 0, True, marker.strip()
        elif match.group("bullet"):
            level, ordered, label = (1 if in_list and last.ordered else 0), False, "•"
            if in_list and not last.ordered:
                level = 0
        else:
            level, ordered, label = (1 if in_list else 0), True, marker.strip()
            if match.group("roman") and in_list and last.items[-1].level >= 1:
                previous = last.items[-1].label
                # «i)» after «h)» is a letter; after a letter that is not «h» it is a level deeper.
                if previous != "h)":
                    level = last.items[-1].level + (0 if previous[:-1] in _ROMAN else 1)
        stripped = _strip_prefix(pieces, len(marker))
        self.add_item(ordered, level, stripped, text[len(marker) :].strip(), label)

    def table(self, tbl):
        rows = []
        for tr in tbl.findall(_w("tr")):
            cells = []
            for tc in tr.findall(_w("tc")):
                cells.append(
                    "\n".join(_squash(_plain(p)) for p in tc.iter(_w("p")) if _plain(p).strip())
                )
            if any(cells):
                rows.append(cells)
        if rows:
            width = max(len(row) for row in rows)
            self.blocks.append(Table(rows=[row + [""] * (width - len(row)) for row in rows]))


_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def _plain(p):
    """The accepted text of a paragraph (insertions kept, deletions dropped)."""
    out = []
    for node in p.iter(_w("t"), _w("tab"), _w("br")):
        if any(etree.QName(a).localname in {"del", "moveFrom"} for a in node.iterancestors()):
            continue
        out.append(node.text or "" if node.tag == _w("t") else " ")
    return "".join(out)


def _squash(text):
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _strip_prefix(pieces, count):
    out = []
    for text, bold, italic, href in pieces:
        if count > 0:
            cut = min(count, len(text))
            text, count = text[cut:], count - cut
        if text:
            out.append((text, bold, italic, href))
    return out


def _html(pieces):
    """Safe HTML for Wagtail rich text: <b>, <i>, <a href>, <br/>."""
    merged = []
    for text, bold, italic, href in pieces:
        if merged and merged[-1][1:] == (bold, italic, href):
            merged[-1] = (merged[-1][0] + text, bold, italic, href)
        else:
            merged.append((text, bold, italic, href))
    out = []
    for text, bold, italic, href in merged:
        if not text:
            continue
        piece = html.escape(text.replace("\t", " "), quote=False).replace("\n", "<br/>")
        if text.strip():
            if italic:
                piece = f"<i>{piece}</i>"
            if bold:
                piece = f"<b>{piece}</b>"
        if href and href.lower().startswith(("http://", "https://", "mailto:")):
            piece = f'<a href="{html.escape(href)}">{piece}</a>'
        out.append(piece)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _bold_lead(pieces):
    """A bold first sentence followed by ordinary text («LPP ber om X. Begrunnelse …»)."""
    lead = []
    for index, (text, bold, _italic, _href) in enumerate(pieces):
        if not text.strip() and not lead:
            continue
        if not bold:
            rest = "".join(piece[0] for piece in pieces[index:]).strip()
            joined = _squash("".join(lead))
            if rest and len(joined) >= 15 and joined.endswith((".", ":", "!")):
                return joined
            return ""
        lead.append(text)
    return ""


def read_docx(content):
    """Read ``content`` (bytes of a checked .docx) into a :class:`Document`."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    document = _parse(archive, "word/document.xml")
    body = document.find(_w("body")) if document is not None else None
    if body is None:
        raise ReadError("word/document.xml has no body")
    reader = _Reader(archive)
    reader.body(body)
    header_lines = []
    for name in sorted(archive.namelist()):
        if re.match(r"^word/header\d*\.xml$", name):
            header = _parse(archive, name)
            header_lines.extend(
                _squash(_plain(p)) for p in header.iter(_w("p")) if _plain(p).strip()
            )
    notices = []
    if reader.inserted or reader.deleted:
        notices.append(
            "Dokumentet hadde sporede endringer. De er godtatt: innsatt tekst er med, "
            "slettet tekst er utelatt."
        )
    comments = _parse(archive, "word/comments.xml")
    count = len(comments.findall(_w("comment"))) if comments is not None else 0
    if count:
        notices.append(
            f"Dokumentet hadde {count} {'kommentar' if count == 1 else 'kommentarer'}. "
            "Kommentarer blir ikke importert."
        )
    if reader.footnotes:
        notices.append(
            f"{len(reader.footnotes)} fotnoter er flyttet til «Noter» nederst i teksten."
            if len(reader.footnotes) > 1
            else "Fotnoten er flyttet til «Noter» nederst i teksten."
        )
    return Document(
        blocks=reader.blocks,
        footnotes=reader.footnotes,
        header_lines=list(dict.fromkeys(header_lines)),
        notices=notices,
    )
