"""Secure by default: security headers, the Content-Security-Policy, login throttling
on the Wagtail login form, upload limits with Norwegian errors, and production's
static files (compressed, hashed names, far-future cache headers)."""

import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .test_settings import PRODUCTION_ENV, ROOT

pytestmark = pytest.mark.django_db


def test_public_pages_get_a_strict_policy_and_the_admin_its_own(client, home_page):
    public = client.get("/")
    policy = public["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert public["X-Content-Type-Options"] == "nosniff"
    assert public["Referrer-Policy"] == "strict-origin-when-cross-origin"
    admin_policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin_policy


def login(client, password):
    return client.post(
        "/admin/login/", {"username": "redaktor", "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_five_wrong_passwords_lock_the_account_out_with_a_norwegian_message(client, make_user):
    make_user("Sekretariat", username="redaktor")
    for _attempt in range(4):
        response = login(client, "feil-passord")
        assert response.status_code == 200  # the login form again, with its error
    locked = login(client, "feil-passord")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "For mange innloggingsforsøk" in text
    assert "30 minutter" in text
    # Even the right password is refused while the lock lasts.
    again = login(client, "passord-123")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_login_resets_the_count(client, make_user):
    make_user("Sekretariat", username="redaktor")
    for _attempt in range(3):
        login(client, "feil-passord")
    assert login(client, "passord-123").status_code == 302
    client.logout()
    for _attempt in range(3):
        assert login(client, "feil-passord").status_code == 200


def test_logins_without_a_web_request_still_work(make_user, client):
    """Management commands and the test client log in without a request to throttle."""
    make_user(username="skript")
    assert client.login(username="skript", password="passord-123")


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user(superuser=True))
    return client


def test_a_document_of_a_forbidden_type_is_refused_in_norwegian(editor_client):
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = editor_client.post(
        "/admin/documents/add/", {"title": "Program", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "er ikke tillatt. Tillatte filendelser er: pdf" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_too_large_image_is_refused_in_norwegian(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("stort.png", _tiny_png(4096), content_type="image/png")
    response = editor_client.post(
        "/admin/images/add/", {"title": "Stort bilde", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "for stor" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_svg_image_is_refused(editor_client):
    upload = SimpleUploadedFile(
        "logo.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        content_type="image/svg+xml",
    )
    response = editor_client.post(
        "/admin/images/add/", {"title": "Logo", "file": upload, "collection": 1}
    )
    assert "Ikke et støttet bildeformat" in response.content.decode()
    assert not get_image_model().objects.exists()


def _tiny_png(size):
    """A valid PNG padded with a text chunk to about ``size`` bytes."""
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"c\x00" + b"x" * size)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def test_production_static_files_are_compressed_hashed_and_cached_for_a_year(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="lpp.settings.production")
    env["STATIC_ROOT"] = str(tmp_path)
    script = (
        "import django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
        "from django.test import Client\n"
        "from django.templatetags.static import static\n"
        "from whitenoise.middleware import WhiteNoiseMiddleware\n"
        "url = static('css/site.css')\n"
        "print(url)\n"
        "middleware = WhiteNoiseMiddleware(lambda request: None)\n"
        "from django.test import RequestFactory\n"
        "request = RequestFactory().get(url, HTTP_ACCEPT_ENCODING='gzip', secure=True)\n"
        "response = middleware(request)\n"
        "print(response.status_code, response['Cache-Control'], response.get('Content-Encoding'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    url, served = result.stdout.strip().splitlines()[-2:]
    assert (
        url.startswith("/static/css/site.")
        and url.endswith(".css")
        and url != "/static/css/site.css"
    )
    assert served.startswith("200 max-age=315360000")
    assert "immutable" in served
    assert served.endswith("gzip")
    assert list(tmp_path.glob("css/site.*.css.gz"))
