"""Wagtail's document and image uploads under hostile files (issue 12): a file whose bytes
are not what its extension says – a program renamed .pdf, a zip bomb named .docx, text
named .xlsx – is refused with a Norwegian form error, in the single and the multiple
uploader and when a document's file is replaced, and nothing is stored
(base/upload_forms.py with base/file_checks.py); so is a small PNG that declares a canvas
of tens of megapixels (WAGTAILIMAGES_MAX_IMAGE_PIXELS)."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db
Document = get_document_model()


def zipped(entries):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return output.getvalue()


def docx_bomb():
    return zipped(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": b"<w:document>" + b"0" * (120 * 1024 * 1024),
        }
    )


FAKES = {
    "a program renamed .pdf": ("rapport.pdf", lambda: b"MZ\x90\x00\x03" + b"\x00" * 200),
    "a zip bomb named .docx": ("svar.docx", docx_bomb),
    "text named .xlsx": ("tall.xlsx", lambda: b"aar;antall\n2026;3\n"),
    "a zip named .docx that is no Word file": ("svar.docx", lambda: zipped({"a.txt": "hei"})),
    "binary named .csv": ("tall.csv", lambda: b"\x00\x01\x02binary"),
}


@pytest.fixture
def editor(client, make_user, home_page):
    client.raise_request_exception = False
    client.force_login(make_user(superuser=True))
    return client


def form_errors(response):
    return " ".join(
        " ".join(e.split())
        for e in re.findall(r'class="error-message"[^>]*>(.*?)</', response.content.decode(), re.S)
    )


def stored_files():
    storage = Document._meta.get_field("file").storage
    try:
        return storage.listdir("documents")[1]
    except FileNotFoundError:
        return []


@pytest.mark.parametrize("case", sorted(FAKES))
def test_a_document_that_is_not_what_its_name_says_is_refused(editor, case):
    name, content = FAKES[case]
    before = set(stored_files())
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Vedlegg", "file": SimpleUploadedFile(name, content())},
    )
    assert response.status_code == 200
    assert "selv om navnet sier det" in form_errors(response) or "Filen" in form_errors(response)
    assert "Filendelsen" not in form_errors(response)
    assert not Document.objects.exists()
    assert set(stored_files()) == before


def test_the_multiple_uploader_refuses_a_renamed_program(editor):
    name, content = FAKES["a program renamed .pdf"]
    response = editor.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content())},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Filen er ikke en PDF" in response.json()["error_message"]
    assert not Document.objects.exists()


def test_replacing_a_document_with_a_renamed_program_keeps_the_old_file(editor):
    document = Document.objects.create(
        title="Årsrapport", file=SimpleUploadedFile("aarsrapport.pdf", b"%PDF-1.4 ekte")
    )
    original = document.file.name
    name, content = FAKES["a program renamed .pdf"]
    response = editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Årsrapport",
            "collection": document.collection_id,
            "file": SimpleUploadedFile(name, content()),
        },
    )
    assert response.status_code == 200
    assert "Filen er ikke en PDF" in form_errors(response)
    document.refresh_from_db()
    assert document.file.name == original
    assert document.file.read() == b"%PDF-1.4 ekte"


@pytest.mark.parametrize(
    "name, content",
    [
        ("rapport.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 innhold"),
        ("tall.csv", "år;antall\n2026;3\n".encode()),
        ("notat.txt", "Pårørende".encode("cp1252")),
    ],
)
def test_a_document_that_is_what_its_name_says_is_stored(editor, name, content):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Vedlegg", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302
    assert Document.objects.get().file.read() == content


def pixel_bomb():
    """A PNG of a few kilobytes that unpacks to 64 megapixels."""
    output = io.BytesIO()
    PILImage.new("1", (8000, 8000)).save(output, "PNG")
    return output.getvalue()


def test_an_image_with_a_huge_canvas_is_refused_before_it_is_decoded(editor):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Bombe", "file": SimpleUploadedFile("bombe.png", pixel_bomb())},
    )
    assert response.status_code == 200
    assert "for mange piksler" in form_errors(response)
    assert not get_image_model().objects.exists()


def test_the_multiple_image_uploader_refuses_a_huge_canvas(editor):
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bombe.png", pixel_bomb())},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "for mange piksler" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
