"""What a file really is (base/file_checks.py): each kind the submission archive takes is
checked by its content, bounded against zip bombs, and the export's «UTKAST» mark is found."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from base.file_checks import check_content, has_draft_mark


def zipped(entries):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return output.getvalue()


DOCX_PARTS = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.mark.parametrize(
    "name, content",
    [
        ("brev.docx", zipped(DOCX_PARTS)),
        ("brev.odt", ODT),
        ("brev.pdf", b"%PDF-1.7\n..."),
        ("brev.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("brev.rtf", b"{\\rtf1\\ansi Brev}"),
        ("brev.txt", "Brev fra LPP – pårørende".encode()),
    ],
)
def test_a_file_that_is_what_its_name_says_passes(name, content):
    check_content(name, content)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("brev.docx", b"MZ\x90\x00", "ikke en ekte Word"),
        ("brev.docx", zipped({"word/document.xml": "<w:document/>"}), "ikke et Word-dokument"),
        ("brev.odt", zipped(DOCX_PARTS), "ikke et OpenDocument"),
        ("brev.pdf", b"MZ\x90\x00", "ikke en PDF"),
        ("brev.doc", b"%PDF-1.4", "ikke et Word 97"),
        ("brev.rtf", b"MZ", "ikke en RTF"),
        ("brev.txt", b"MZ\x00\x00", "ikke en tekstfil"),
        ("brev.exe", b"MZ", "Filtypen støttes ikke"),
        ("brev.pdf", b"", "Filen er tom"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check_content(name, content)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zipped({**DOCX_PARTS, "word/media/fylling.bin": b"\x00" * (150 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ValidationError, match="pakker seg ut"):
        check_content("brev.docx", bomb)


def test_a_zip_with_too_many_entries_is_refused():
    many = zipped({**DOCX_PARTS, **{f"word/del{n}.xml": "" for n in range(1001)}})
    with pytest.raises(ValidationError, match="for mange deler"):
        check_content("brev.docx", many)


def test_the_draft_mark_of_the_export_is_found_in_the_header():
    header = '<w:hdr><w:p><w:pPr><w:pStyle w:val="DraftMark"/></w:pPr></w:p></w:hdr>'
    assert has_draft_mark("brev.docx", zipped({**DOCX_PARTS, "word/header1.xml": header}))
    typed = "<w:hdr><w:p><w:r><w:t>UTKAST</w:t></w:r></w:p></w:hdr>"
    assert has_draft_mark("brev.docx", zipped({**DOCX_PARTS, "word/header2.xml": typed}))


def test_the_draft_mark_is_found_in_the_document_properties():
    custom = (
        '<Properties><property name="Status"><vt:lpwstr>UTKAST</vt:lpwstr></property></Properties>'
    )
    assert has_draft_mark("brev.docx", zipped({**DOCX_PARTS, "docProps/custom.xml": custom}))


def test_the_word_utkast_in_the_letter_text_is_not_a_draft_mark():
    body = "<w:document><w:p><w:r><w:t>Vi viser til UTKAST til forskrift.</w:t></w:r></w:p></w:document>"
    assert not has_draft_mark("brev.docx", zipped({**DOCX_PARTS, "word/document.xml": body}))
