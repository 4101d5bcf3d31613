"""Is an uploaded file what its name says it is? Used wherever staff upload a file that is
kept (the submission archive, Word import, evidence documents, Wagtail's documents): a
renamed program, a broken file or a zip bomb is refused with a Norwegian message before
anything is stored.

* :func:`check_content` – raise ``ValidationError`` unless the bytes match the extension:
  ``.docx`` is an OOXML zip with ``[Content_Types].xml`` and ``word/document.xml``, ``.xlsx``
  one with ``xl/workbook.xml``; ``.odt`` an ODF zip whose ``mimetype`` says text; ``.pdf``
  starts with ``%PDF-``; ``.doc`` is an OLE2 file; ``.rtf`` starts with ``{\\rtf``; ``.txt``
  and ``.csv`` are text. Zips are bounded in entry count and uncompressed size (declared
  and actual), so reading one cannot exhaust memory.
* :func:`has_draft_mark` – whether a ``.docx`` (or the same letter saved as ``.odt`` or
  ``.pdf``) carries the «UTKAST» mark the Word export writes on a revision the board has not
  approved."""

import io
import os
import re
import zipfile

from django.core.exceptions import ValidationError

MAX_ZIP_ENTRIES = 1000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 200  # a text document compresses well, but not a thousandfold

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DRAFT_WORD = "UTKAST"
DRAFT_STYLE = "DraftMark"


def _fail(message):
    raise ValidationError(message, code="invalid_content")


def _open_zip(content, kind):
    if not content.startswith(b"PK\x03\x04"):
        _fail(f"Filen er ikke en ekte {kind}-fil (den er skadet eller har feil filendelse).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        _fail(f"Filen er ikke en ekte {kind}-fil (den er skadet eller har feil filendelse).")
    if len(entries) > MAX_ZIP_ENTRIES:
        _fail(f"Filen inneholder for mange deler til å være en {kind}-fil.")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED or total > MAX_RATIO * max(len(content), 1024):
        _fail(
            f"Filen pakker seg ut til over {MAX_UNCOMPRESSED // (1024 * 1024)} MB eller er "
            "unormalt sterkt komprimert, og blir ikke tatt imot."
        )
    return archive


def read_entry(archive, name):
    """The bytes of one zip entry, never more than its declared size (a bomb that lies
    about its size is cut off and refused)."""
    info = archive.getinfo(name)
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        _fail("Filen er skadet og kan ikke leses.")
    if len(data) > info.file_size:
        _fail("Filen er skadet (en del er større enn den oppgir).")
    return data


def _check_docx(content):
    archive = _open_zip(content, "Word (.docx)")
    names = set(archive.namelist())
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        _fail("Filen er ikke et Word-dokument (.docx), selv om navnet sier det.")
    read_entry(archive, "word/document.xml")


def _check_xlsx(content):
    archive = _open_zip(content, "Excel (.xlsx)")
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= set(archive.namelist()):
        _fail("Filen er ikke et Excel-regneark (.xlsx), selv om navnet sier det.")
    read_entry(archive, "xl/workbook.xml")


def _check_odt(content):
    archive = _open_zip(content, "OpenDocument (.odt)")
    names = archive.namelist()
    if "mimetype" not in names or "content.xml" not in names:
        _fail("Filen er ikke et OpenDocument-tekstdokument (.odt), selv om navnet sier det.")
    if read_entry(archive, "mimetype").strip() != ODT_MIMETYPE:
        _fail("Filen er ikke et OpenDocument-tekstdokument (.odt), selv om navnet sier det.")


def _check_pdf(content):
    if not content.startswith(b"%PDF-"):
        _fail("Filen er ikke en PDF, selv om navnet sier det.")


def _check_doc(content):
    if not content.startswith(OLE2_SIGNATURE):
        _fail("Filen er ikke et Word 97–2003-dokument (.doc), selv om navnet sier det.")


def _check_rtf(content):
    if not content.lstrip().startswith(b"{\\rtf"):
        _fail("Filen er ikke en RTF-fil, selv om navnet sier det.")


def _check_txt(content):
    if b"\x00" in content:
        _fail("Filen er ikke en tekstfil, selv om navnet sier det.")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        try:
            content.decode("cp1252")
        except UnicodeDecodeError:
            _fail("Filen er ikke en tekstfil, selv om navnet sier det.")


CHECKS = {
    ".docx": _check_docx,
    ".odt": _check_odt,
    ".pdf": _check_pdf,
    ".doc": _check_doc,
    ".rtf": _check_rtf,
    ".txt": _check_txt,
    ".csv": _check_txt,
    ".xlsx": _check_xlsx,
}


def check_content(filename, content):
    """Raise ValidationError (Norwegian) unless ``content`` is a well-formed file of the
    kind its extension names. Extensions without a check here are refused."""
    if not content:
        _fail("Filen er tom.")
    extension = os.path.splitext(filename or "")[1].lower()
    check = CHECKS.get(extension)
    if check is None:
        _fail("Filtypen støttes ikke.")
    check(content)


_DRAFT_PARTS = re.compile(r"^word/(header|footer)\d*\.xml$|^docProps/(core|custom)\.xml$")


def has_draft_mark(filename, content):
    """Whether a file carries the draft mark of the Word export. A .docx: the «UTKAST»
    header (the DraftMark style, or the word in a header), or a draft status in the document
    properties. The same letter saved as .odt or .pdf keeps only the header's text:
    «UTKAST», then «Revisjon 24. november 2026 kl. 08.15». Other files: False (call
    :func:`check_content` first)."""
    extension = os.path.splitext(filename or "")[1].lower()
    if extension == ".docx":
        return _docx_has_draft_mark(content)
    if extension == ".odt":
        archive = _open_zip(content, "OpenDocument (.odt)")
        # Headers live in the master pages of styles.xml; a tab is an element there.
        return any(
            _DRAFT_HEADER.search(
                re.sub(r"<[^>]+>", " ", read_entry(archive, name).decode("utf-8", "replace"))
            )
            for name in ("styles.xml", "content.xml")
            if name in archive.namelist()
        )
    if extension == ".pdf":
        return bool(_DRAFT_HEADER.search(_pdf_text(content)))
    return False


# The export's header on an unapproved revision: «UTKAST» followed by the revision's label.
# Body text may well say «UTKAST til forskrift», so the word alone is not enough.
_DRAFT_HEADER = re.compile(r"\bUTKAST\s*(?:Revisjon|Ikke lagret)\b")
PDF_PAGES_READ = 3  # the header is on every page; the first few are enough


def _pdf_text(content):
    import pypdf  # only submissions and imports read PDFs
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            return ""
        return "\n".join(page.extract_text() or "" for page in reader.pages[:PDF_PAGES_READ])
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return ""  # what cannot be read shows no mark; check_content judged the file


def _docx_has_draft_mark(content):
    archive = _open_zip(content, "Word (.docx)")
    for name in archive.namelist():
        if not (_DRAFT_PARTS.match(name) or name == "word/document.xml"):
            continue
        text = read_entry(archive, name).decode("utf-8", errors="replace")
        if f'w:val="{DRAFT_STYLE}"' in text:
            return True
        if name.startswith("docProps/"):
            if re.search(r"<cp:contentStatus>\s*Utkast", text, re.IGNORECASE) or (
                name.endswith("custom.xml") and DRAFT_WORD in text
            ):
                return True
        elif name != "word/document.xml" and DRAFT_WORD in _xml_text(text):
            return True
    return False


def _xml_text(xml):
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
