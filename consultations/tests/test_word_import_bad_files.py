"""Bad files at «Importer høringssvar fra Word»: each gets a clear Norwegian message, and
nothing is saved – no consultation, no page, no file in storage."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advocacy.tests.factories import AuthorityFactory
from base import roles
from base.file_checks import OLE2_SIGNATURE
from consultations.models import Consultation, ConsultationResponsePage, Submission
from consultations.word_import import service

from . import factories
from .test_word_import import URL, private_files, review_data, sample, upload

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples" / "word"


@pytest.fixture
def staff_client(client, make_user, home_page):
    AuthorityFactory(name="Helse- og omsorgsdepartementet")
    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    client.force_login(make_user(roles.STAFF))
    return client


def rezip(replace=None, add=None, drop=()):
    """The sample letter with parts replaced, added or dropped."""
    source = zipfile.ZipFile(io.BytesIO(sample()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def ole(*stream_names):
    """An OLE2 compound file header with the given stream names in its directory."""
    names = b"".join(name.encode("utf-16-le") + b"\0\0" for name in stream_names)
    return OLE2_SIGNATURE + b"\0" * 504 + names + b"\0" * 1024


def refused(client, content, name, message):
    before = private_files()
    response = upload(client, content, name=name)
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert not Consultation.objects.exists()
    assert not ConsultationResponsePage.objects.exists()
    assert not Submission.objects.exists()
    assert private_files() == before
    return errors


def test_password_protected_docx_is_refused(staff_client):
    refused(
        staff_client,
        ole("EncryptionInfo", "EncryptedPackage"),
        "brev.docx",
        "Filen er passordbeskyttet",
    )


def test_word_97_doc_is_refused_with_how_to_convert(staff_client):
    refused(staff_client, ole("WordDocument", "1Table"), "brev.doc", "lagre den som .docx")


def test_doc_renamed_to_docx_is_recognised_as_doc(staff_client):
    refused(staff_client, ole("WordDocument"), "brev.docx", "gammelt Word-dokument")


def test_truncated_docx_is_refused_as_broken(staff_client):
    content = sample()
    refused(staff_client, content[: len(content) // 2], "brev.docx", "skadet")


def test_docx_with_broken_xml_is_refused_as_broken(staff_client):
    content = rezip(replace={"word/document.xml": b"<w:document><w:body><w:p>"})
    refused(staff_client, content, "brev.docx", "Filen er skadet")


def test_docx_without_document_part_is_refused(staff_client):
    content = rezip(drop={"word/document.xml"})
    refused(staff_client, content, "brev.docx", "ikke et Word-dokument")


def test_huge_file_is_refused(staff_client):
    content = sample() + b"\0" * (service.MAX_IMPORT_SIZE + 1)
    refused(staff_client, content, "brev.docx", "for stor")


def test_zip_bomb_is_refused_before_it_is_unpacked(staff_client):
    bomb = rezip(add={"word/media/bombe.xml": b"A" * (20 * 1024 * 1024)})
    assert len(bomb) < 200 * 1024
    refused(staff_client, bomb, "brev.docx", "unormalt sterkt komprimert")


def test_docm_with_macros_is_refused(staff_client):
    refused(staff_client, sample(), "brev.docm", "makroer")


def test_docx_carrying_a_vba_project_is_refused(staff_client):
    content = rezip(add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 makro"})
    refused(staff_client, content, "brev.docx", "makroer")


def test_empty_file_is_refused(staff_client):
    before = private_files()
    response = staff_client.post(reverse(URL), {"file": SimpleUploadedFile("brev.docx", b"")})
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["Filen er tom."]
    assert not Consultation.objects.exists() and private_files() == before


def test_other_file_types_are_refused(staff_client):
    refused(staff_client, b"{\\rtf1 hei}", "brev.rtf", "Bare Word-dokumenter (.docx) og PDF")


def test_encrypted_pdf_is_refused(staff_client):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("hemmelig")
    out = io.BytesIO()
    writer.write(out)
    refused(staff_client, out.getvalue(), "brev.pdf", "PDF-filen er passordbeskyttet")


def test_corrupt_pdf_is_refused(staff_client):
    refused(staff_client, b"%PDF-1.7\n1 0 obj <<>>\n", "brev.pdf", "PDF-en kan ikke leses")


def test_pdf_without_text_is_refused_as_scanned(staff_client):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    refused(staff_client, out.getvalue(), "skannet.pdf", "kanskje skannet")


def test_failure_while_saving_leaves_no_record_and_no_file(staff_client, monkeypatch):
    response = upload(staff_client, sample())
    data = review_data(response)
    before = private_files()

    def fail(*args, **kwargs):
        raise RuntimeError("publisering feilet")

    monkeypatch.setattr("wagtail.models.Revision.publish", fail)
    with pytest.raises(RuntimeError):
        staff_client.post(reverse(URL), data)
    assert not Consultation.objects.exists() and not Submission.objects.exists()
    assert private_files() == before
