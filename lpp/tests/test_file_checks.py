"""What a file really is (base/file_checks.py): each kind the submission archive takes is
checked by its content, bounded against zip bombs, and the export's «UTKAST» mark is found."""

import io
import shutil
import subprocess
import zipfile

import docx
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


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def saved_as(tmp_path_factory):
    """A draft letter and a final one, each saved by LibreOffice as .pdf and .odt, the way
    someone might turn the exported Word file into what they send."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) er ikke installert: apt-get install libreoffice-writer")
    folder = tmp_path_factory.mktemp("saved-as")
    for name, header in [
        ("utkast", "UTKAST\tRevisjon 1. desember 2026 kl. 18.33"),
        ("endelig", ""),
    ]:
        document = docx.Document()
        document.sections[0].header.paragraphs[0].text = header
        document.add_paragraph("Vi viser til UTKAST til forskrift om pårørendes rettigheter.")
        document.save(folder / f"{name}.docx")
    files = {}
    for extension in ("pdf", "odt"):
        sources = [str(folder / f"{name}.docx") for name in ("utkast", "endelig")]
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless"]
            + ["--convert-to", extension, "--outdir", str(folder), *sources],
            check=True,
            capture_output=True,
            timeout=180,
        )
        for name in ("utkast", "endelig"):
            files[f"{name}.{extension}"] = (folder / f"{name}.{extension}").read_bytes()
    return files


@pytest.mark.parametrize("extension", ["pdf", "odt"])
def test_the_draft_mark_survives_saving_the_letter_as_pdf_or_odt(saved_as, extension):
    assert has_draft_mark(f"brev.{extension}", saved_as[f"utkast.{extension}"])
    assert not has_draft_mark(f"brev.{extension}", saved_as[f"endelig.{extension}"])
