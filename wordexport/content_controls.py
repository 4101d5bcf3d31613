"""Block identity through a round trip in Word: content controls and custom properties.

A draft is exported, edited in Word and read back as a new revision of the same page. For
the reader to tell an edited proposal from a new one, the export marks what it tracks:

* :func:`tagged_block` wraps what a block writer writes in a block-level content control
  (``w:sdt``) tagged ``lpp:block:<stream block id>``; :func:`tagged_field` marks the parts
  of it that are read back (``lpp:field:text``, ``lpp:field:rationale``). Word and
  LibreOffice keep both through editing; deleting the block in Word deletes the control.
* :func:`stamp` writes the document's custom properties (``docProps/custom.xml``): the
  page id, the revision id, a checksum per tagged block (of its text as exported), short
  digests of every other paragraph (so a paragraph typed in Word is known to be new) and a
  signature over all of them, so a file whose marks were altered is refused, not trusted.

The read side (:func:`read_round_trip`) gives the properties, the tagged blocks with
their current text and checksum, and the untagged paragraphs in document order. Knows
Word, not LPP's page types: which blocks are tagged is the exporters' choice."""

import hashlib
import hmac
import io
import re
import zipfile
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.utils.crypto import salted_hmac
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties

# Only an editor's export is marked (see :func:`marked`): the public download and the letter
# LPP sends are the same document without content controls.
_marking = ContextVar("lpp_round_trip_marks", default=False)

BLOCK_TAG = "lpp:block:"
FIELD_TAG = "lpp:field:"
PROP_PAGE = "lpp:page"
PROP_REVISION = "lpp:revision"
PROP_BLOCK = "lpp:block:"
PROP_PARAGRAPHS = "lpp:paragraphs"
PROP_SIGNATURE = "lpp:signature"
SIGNATURE_SALT = "wordexport.content_controls.round-trip"
DIGEST_LENGTH = 12


def _w(tag):
    return f"{{{W_NS}}}{tag}"


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


# -- writing ---------------------------------------------------------------------------


def _next_sdt_id(writer):
    writer._sdt_id = getattr(writer, "_sdt_id", 100) + 1
    return writer._sdt_id


def _new_sdt(writer, tag, label):
    sdt = etree.Element(_w("sdt"))
    pr = etree.SubElement(sdt, _w("sdtPr"))
    etree.SubElement(pr, _w("alias")).set(_w("val"), label[:255])
    etree.SubElement(pr, _w("tag")).set(_w("val"), tag[:255])
    etree.SubElement(pr, _w("id")).set(_w("val"), str(_next_sdt_id(writer)))
    return sdt, etree.SubElement(sdt, _w("sdtContent"))


def _open_sdt(writer, tag, label):
    sdt, content = _new_sdt(writer, tag, label)
    writer.container.append(sdt)
    return sdt, content


@contextmanager
def _inside(writer, content):
    previous = writer.container
    writer.container = content
    try:
        yield content
    finally:
        writer.container = previous


@contextmanager
def marked():
    """Exports written inside carry the round trip's marks."""
    token = _marking.set(True)
    try:
        yield
    finally:
        _marking.reset(token)


@contextmanager
def tagged_block(writer, block_id, label):
    """Everything written inside goes into a content control tagged with the block's id.
    Without a block id (a value outside a StreamField), or outside :func:`marked`, nothing
    is tagged."""
    if not block_id or not _marking.get():
        yield None
        return
    _sdt, content = _open_sdt(writer, BLOCK_TAG + str(block_id), label)
    previous = writer.inside_tagged_block
    writer.inside_tagged_block = True  # read by wordexport.html: no date pickers inside
    try:
        with _inside(writer, content):
            yield content
    finally:
        writer.inside_tagged_block = previous


@contextmanager
def tagged_field(writer, name, label):
    """A part of a tagged block that is read back (``text``, ``rationale``). It always
    holds a paragraph, so there is somewhere to type in Word even when it is empty."""
    if not _marking.get():
        yield None
        return
    _sdt, content = _open_sdt(writer, FIELD_TAG + name, label)
    with _inside(writer, content):
        yield content
        if content.find(_w("p")) is None and content.find(_w("tbl")) is None:
            writer.paragraph()


def tag_paragraph(writer, p, block_id, label):
    """Mark a paragraph already written (a position in a list, numbered with the others)
    as a tagged block whose text is that paragraph. Without a block id nothing changes."""
    if not block_id or not _marking.get():
        return
    parent = p.getparent()
    index = parent.index(p)
    sdt, content = _new_sdt(writer, BLOCK_TAG + str(block_id), label)
    field_sdt, field_content = _new_sdt(writer, FIELD_TAG + "text", label)
    content.append(field_sdt)
    field_content.append(p)  # moves the paragraph out of its parent
    parent.insert(index, sdt)


# -- reading the body ------------------------------------------------------------------


def _tag(sdt):
    pr = sdt.find(_w("sdtPr"))
    tag = pr.find(_w("tag")) if pr is not None else None
    return tag.get(_w("val"), "") if tag is not None else ""


def _deleted(node):
    return any(
        isinstance(a.tag, str) and etree.QName(a).localname in {"del", "moveFrom"}
        for a in node.iterancestors()
    )


def paragraph_text(p):
    """The accepted text of a paragraph: tracked insertions kept, deletions dropped,
    line breaks as newlines."""
    out = []
    for node in p.iter(_w("t"), _w("tab"), _w("br"), _w("cr")):
        if _deleted(node):
            continue
        if node.tag == _w("t"):
            out.append(node.text or "")
        elif node.tag == _w("tab"):
            out.append(" ")
        else:
            out.append("\n")
    return "".join(out)


def content_text(content):
    """The text of a content control's content: its paragraphs, one per line."""
    return "\n".join(paragraph_text(p) for p in content.iter(_w("p"))).strip()


def normalise(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _fields(block_sdt):
    """{field name: sdtContent} of a tagged block (fields of nested blocks excluded)."""
    found = {}
    for sdt in block_sdt.iter(_w("sdt")):
        tag = _tag(sdt)
        if tag.startswith(FIELD_TAG) and _owner(sdt) is block_sdt:
            found.setdefault(tag[len(FIELD_TAG) :], sdt.find(_w("sdtContent")))
    return found


def _owner(node):
    for ancestor in node.iterancestors(_w("sdt")):
        if _tag(ancestor).startswith(BLOCK_TAG):
            return ancestor
    return None


def field_texts(block_sdt):
    """{field name: text} of a tagged block; without fields, the whole block is ``text``."""
    fields = _fields(block_sdt)
    if not fields:
        content = block_sdt.find(_w("sdtContent"))
        return {"text": content_text(content) if content is not None else ""}
    return {
        name: content_text(content) if content is not None else ""
        for name, content in fields.items()
    }


def checksum(texts):
    """Checksum of a block's fields as Word shows them (whitespace-insensitive)."""
    payload = "\x1e".join(f"{name}\x1f{normalise(texts[name])}" for name in sorted(texts))
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def digest(text):
    return hashlib.sha256(normalise(text).encode()).hexdigest()[:DIGEST_LENGTH]


@dataclass
class TaggedBlock:
    block_id: str
    order: int
    texts: dict
    checksum: str
    fields: dict  # field name -> sdtContent element (for reading formatting)


@dataclass
class LooseParagraph:
    order: int
    text: str
    digest: str
    element: object


def scan(body):
    """(tagged blocks, untagged paragraphs with text), both in document order."""
    blocks, paragraphs = [], []
    order = 0

    def walk(container):
        nonlocal order
        for child in container:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "sdt" and _tag(child).startswith(BLOCK_TAG):
                order += 1
                texts = field_texts(child)
                blocks.append(
                    TaggedBlock(
                        block_id=_tag(child)[len(BLOCK_TAG) :],
                        order=order,
                        texts=texts,
                        checksum=checksum(texts),
                        fields=_fields(child),
                    )
                )
            elif name == "p":
                text = normalise(paragraph_text(child))
                if text:
                    order += 1
                    paragraphs.append(LooseParagraph(order, text, digest(text), child))
            elif name in {"tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo"}:
                walk(child)

    walk(body)
    return blocks, paragraphs


# -- the document's custom properties --------------------------------------------------


def sign(properties):
    """Signature over the round-trip properties (the server's secret key): a file whose
    page, revision or checksums were changed outside the export does not verify."""
    payload = "\n".join(
        f"{key}={properties[key]}" for key in sorted(properties) if key != PROP_SIGNATURE
    )
    return salted_hmac(SIGNATURE_SALT, payload, algorithm="sha256").hexdigest()


def verify(properties):
    expected = sign(properties)
    return hmac.compare_digest(expected, properties.get(PROP_SIGNATURE, ""))


def round_trip_properties(body, page_id, revision_id):
    """The properties for a document body as written: page, revision, one checksum per
    tagged block, the untagged paragraphs' digests and the signature."""
    blocks, paragraphs = scan(body)
    properties = {PROP_PAGE: str(page_id), PROP_REVISION: str(revision_id or "")}
    for block in blocks:
        properties.setdefault(PROP_BLOCK + block.block_id, block.checksum)
    properties[PROP_PARAGRAPHS] = ",".join(sorted({p.digest for p in paragraphs}))
    properties[PROP_SIGNATURE] = sign(properties)
    return properties


def custom_properties_xml(properties, existing=None):
    """docProps/custom.xml with ``properties`` (strings) added to ``existing`` (bytes of a
    custom.xml, whose ``lpp:`` properties are replaced)."""
    if existing:
        root = etree.fromstring(existing, parser=_SAFE_PARSER)
        for prop in list(root):
            if (prop.get("name") or "").startswith("lpp:"):
                root.remove(prop)
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    pid = max((int(p.get("pid", "1")) for p in root), default=1)
    for name, value in properties.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property")
        prop.set("fmtid", CUSTOM_FMTID)
        prop.set("pid", str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_round_trip_properties(document, page_id, revision_id):
    """Stamp a python-docx ``Document`` (already written) with the round-trip properties."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    properties = round_trip_properties(document.element.body, page_id, revision_id)
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == CUSTOM_REL:
            part = rel.target_part
            part._blob = custom_properties_xml(properties, part.blob)
            return
    part = Part(
        PackURI("/docProps/custom.xml"),
        CUSTOM_CONTENT_TYPE,
        custom_properties_xml(properties),
        package,
    )
    package.relate_to(part, CUSTOM_REL)


def stamp(data, page_id, revision_id):
    """The bytes of an exported .docx, stamped for the round trip."""
    from docx import Document

    document = Document(io.BytesIO(data))
    add_round_trip_properties(document, page_id, revision_id)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# -- reading a file --------------------------------------------------------------------


class RoundTripReadError(Exception):
    """The file cannot be read back. ``code``: ``corrupt`` (broken XML), ``unmarked`` (no
    round-trip properties), ``tampered`` (the properties do not verify)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass
class RoundTrip:
    page_id: int
    revision_id: int | None
    checksums: dict  # block id -> checksum at export
    paragraph_digests: set
    blocks: list = field(default_factory=list)  # TaggedBlock, document order
    paragraphs: list = field(default_factory=list)  # LooseParagraph, document order

    def new_paragraphs(self):
        """Untagged paragraphs that were not in the export: typed (or pasted) in Word."""
        return [p for p in self.paragraphs if p.digest not in self.paragraph_digests]


def _read(archive, name, read_entry):
    try:
        return etree.fromstring(read_entry(archive, name), parser=_SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise RoundTripReadError("corrupt") from error


def _custom_part_name(archive, read_entry):
    if "_rels/.rels" in archive.namelist():
        rels = _read(archive, "_rels/.rels", read_entry)
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == CUSTOM_REL:
                return rel.get("Target", "").lstrip("/")
    return "docProps/custom.xml"


def read_properties(archive, read_entry):
    """{name: text} of the document's custom properties ({} when it has none)."""
    name = _custom_part_name(archive, read_entry)
    if name not in archive.namelist():
        return {}
    root = _read(archive, name, read_entry)
    return {
        prop.get("name"): "".join(prop.itertext()).strip()
        for prop in root.iter(f"{{{CUSTOM_NS}}}property")
        if prop.get("name")
    }


def _as_id(value, *, optional=False):
    if optional and value == "":
        return None
    if not re.fullmatch(r"[0-9]{1,18}", value or ""):
        raise RoundTripReadError("tampered")
    return int(value)


def read_round_trip(content, read_entry):
    """Read an edited export. ``content``: bytes of a .docx already checked as a safe zip;
    ``read_entry(archive, name)``: a size-bounded reader (base.file_checks.read_entry).
    Raises :class:`RoundTripReadError`."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    properties = read_properties(archive, read_entry)
    if PROP_PAGE not in properties:
        raise RoundTripReadError("unmarked")
    if not verify(properties):
        raise RoundTripReadError("tampered")
    document = _read(archive, "word/document.xml", read_entry)
    body = document.find(_w("body"))
    if body is None:
        raise RoundTripReadError("corrupt")
    blocks, paragraphs = scan(body)
    digests = properties.get(PROP_PARAGRAPHS, "")
    return RoundTrip(
        page_id=_as_id(properties[PROP_PAGE]),
        revision_id=_as_id(properties.get(PROP_REVISION, ""), optional=True),
        checksums={
            key[len(PROP_BLOCK) :]: value
            for key, value in properties.items()
            if key.startswith(PROP_BLOCK)
        },
        paragraph_digests=set(filter(None, digests.split(","))),
        blocks=blocks,
        paragraphs=paragraphs,
    )
