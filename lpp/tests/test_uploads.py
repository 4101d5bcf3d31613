"""Wagtail's image and document uploads (base/upload_forms.py): a damaged image or a
refused document gets one clear Norwegian form error, never a server error, and nothing
is saved."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

# A GIF header with a plausible size, then bytes that are no image.
FAKE_GIF = b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + b"ikke et bilde" * 10
BROKEN = "Filen kan ikke leses som et bilde"


@pytest.fixture
def editor(client, make_user, home_page):
    client.raise_request_exception = False
    client.force_login(make_user(superuser=True))
    return client


def png():
    output = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(output, "PNG")
    return output.getvalue()


def errors(response):
    return " ".join(
        re.sub(r"\s+", " ", e)
        for e in re.findall(r'class="error-message"[^>]*>(.*?)</', response.content.decode(), re.S)
    )


def test_a_damaged_image_is_a_form_error(editor):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Bilde", "file": SimpleUploadedFile("x.gif", FAKE_GIF)},
    )
    assert response.status_code == 200
    assert BROKEN in errors(response)
    assert not get_image_model().objects.exists()


def test_a_damaged_image_in_the_multiple_uploader_is_refused(editor):
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("x.gif", FAKE_GIF)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert BROKEN in response.json()["error_message"]
    assert not get_image_model().objects.exists()


def test_replacing_an_image_with_a_damaged_file_keeps_the_old_one(editor):
    editor.post(
        reverse("wagtailimages:add"), {"title": "Bilde", "file": SimpleUploadedFile("a.png", png())}
    )
    image = get_image_model().objects.get()
    response = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Bilde", "file": SimpleUploadedFile("x.gif", FAKE_GIF)},
    )
    assert response.status_code == 200
    assert BROKEN in errors(response)
    image.refresh_from_db()
    assert image.file.name.endswith(".png")


def test_a_real_image_is_still_accepted(editor):
    response = editor.post(
        reverse("wagtailimages:add"), {"title": "Bilde", "file": SimpleUploadedFile("a.png", png())}
    )
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


def test_an_empty_document_is_told_it_is_empty_and_nothing_else(editor):
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Tom", "file": SimpleUploadedFile("tom.pdf", b"")}
    )
    assert response.status_code == 200
    message = errors(response)
    assert "Den innsendte filen er tom." in message
    assert "Filendelsen" not in message
    assert not get_document_model().objects.exists()


def test_an_oversized_document_is_told_the_limit(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    for url, data in [
        (
            reverse("wagtaildocs:add"),
            {"title": "Stor", "file": SimpleUploadedFile("stor.pdf", b"%PDF-" + b"x" * 200)},
        ),
        (
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("stor.pdf", b"%PDF-" + b"x" * 200)},
        ),
    ]:
        response = editor.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        text = response.content.decode("unicode_escape") if "multiple" in url else errors(response)
        assert "Maksimal filstørrelse er 100" in text
        assert "Filendelsen" not in text
    assert not get_document_model().objects.exists()
