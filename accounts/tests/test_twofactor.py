"""Optional two-factor login for admin accounts: turning it on with an authenticator
app, giving the code after the password, wrong codes, throttling, turning it off, and
the reset command for a lost phone."""

import base64
import re
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry, PageViewRestriction

from accounts import twofactor

pytestmark = pytest.mark.django_db

SETUP = "/admin/tofaktor/"
DISABLE = "/admin/tofaktor/skru-av/"
VERIFY = "/admin/tofaktor/kode/"


def code(device, steps_ahead=0):
    """The code the user's app shows (``steps_ahead`` 30-second steps from now)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def wrong_code(device):
    valid = {code(device, offset) for offset in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


def wait_out_throttle(device):
    """As if the user took a while before typing the next code."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(days=1)
    )


def login(client, username):
    response = client.post(
        "/admin/login/",
        {"username": username, "password": "passord-123"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302
    return response


def with_app(user):
    """A user who has turned two-factor login on."""
    return TOTPDevice.objects.create(user=user, name=twofactor.DEVICE_NAME, confirmed=True)


def text(response):
    return response.content.decode()


@pytest.fixture
def editor(make_user):
    return make_user("Sekretariat", username="redaktor")


@pytest.fixture
def editor_client(client, editor):
    login(client, "redaktor")
    return client


# --- Turning it on --------------------------------------------------------------------


def test_the_account_page_links_to_two_factor_login(editor_client):
    page = text(editor_client.get("/admin/account/"))
    assert "Tofaktorinnlogging" in page
    assert "er <strong>av</strong>" in page
    assert f'href="{SETUP}"' in page


def test_setup_shows_a_qr_code_and_the_secret_to_type_in(editor_client, editor):
    response = editor_client.get(SETUP)
    assert response.status_code == 200
    page = text(response)
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown = re.search(r"<code[^>]*>([A-Z2-7 ]+)</code>", page).group(1)
    assert shown.replace(" ", "") == secret
    image = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"[^>]*alt="QR-kode', page)
    assert b"<svg" in base64.b64decode(image.group(1))
    # The app's entry names LPP and the user, with the same secret.
    assert device.config_url.startswith("otpauth://totp/LPP%3Aredaktor?")
    assert f"secret={secret}" in device.config_url
    # An accessible field for the code.
    assert '<label class="w-field__label" for="id_code"' in page
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    # The same secret on a second visit (the user may have scanned it already).
    editor_client.get(SETUP)
    assert TOTPDevice.objects.get(user=editor).key == device.key
    # The admin's Content-Security-Policy lets the data: image through.
    assert "img-src 'self' data:" in response["Content-Security-Policy"]


def test_a_wrong_code_is_refused_and_leaves_it_off(editor_client, editor):
    editor_client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = editor_client.post(SETUP, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Koden stemmer ikke" in text(response)
    device.refresh_from_db()
    assert not device.confirmed
    assert not twofactor.is_enabled(editor)

    response = editor_client.post(SETUP, {"code": "12ab56"})
    assert "Koden består av seks sifre" in text(response)


def test_the_right_code_turns_it_on(editor_client, editor):
    editor_client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = editor_client.post(SETUP, {"code": code(device)}, follow=True)
    page = text(response)
    assert "Tofaktorinnlogging er slått på" in page
    assert "er <strong>på</strong>" in page
    assert "Nøkkel:" not in page  # the secret is not shown again
    device.refresh_from_db()
    assert device.confirmed
    assert ModelLogEntry.objects.filter(
        action="lpp.twofactor.on", object_id=str(editor.pk)
    ).exists()
    # This session has shown the code: the admin stays open.
    assert editor_client.get("/admin/").status_code == 200


# --- Logging in -----------------------------------------------------------------------


def test_the_password_alone_leads_to_the_code_page(client, editor):
    device = with_app(editor)
    login(client, "redaktor")
    for url in ("/admin/", "/admin/pages/", "/admin/account/", SETUP):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{VERIFY}?next=")

    page = client.get(VERIFY + "?next=/admin/pages/")
    html = text(page)
    assert "<h1>Skriv inn koden fra appen</h1>" in html
    assert 'autocomplete="one-time-code"' in html
    assert 'action="/admin/logout/"' in html and "Logg ut" in html

    wrong = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "Koden stemmer ikke" in text(wrong)
    assert client.get("/admin/").status_code == 302

    wait_out_throttle(device)
    right = client.post(VERIFY, {"code": code(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY)["Location"] == "/admin/"


def test_users_without_an_app_go_straight_in(client, editor):
    login(client, "redaktor")
    assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY).status_code == 302


def test_a_code_used_once_is_not_accepted_again(client, editor):
    device = with_app(editor)
    login(client, "redaktor")
    used = code(device)
    assert client.post(VERIFY, {"code": used}).status_code == 302
    client.post("/admin/logout/")
    login(client, "redaktor")
    again = client.post(VERIFY, {"code": used})
    assert "Koden stemmer ikke" in text(again)


def test_repeated_wrong_codes_are_throttled_with_a_norwegian_message(client, editor):
    device = with_app(editor)
    login(client, "redaktor")
    client.post(VERIFY, {"code": wrong_code(device)})
    # The next attempt comes at once: refused without being checked, even the right code.
    throttled = client.post(VERIFY, {"code": code(device)})
    assert "For mange feil koder på rad. Vent 1 sekund før du prøver igjen." in text(throttled)
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=8, throttling_failure_timestamp=timezone.now()
    )
    throttled = client.post(VERIFY, {"code": code(device)})
    assert "Vent 3 minutter" in text(throttled)


def test_the_next_address_must_stay_on_this_site(client, editor):
    device = with_app(editor)
    login(client, "redaktor")
    response = client.post(VERIFY, {"code": code(device), "next": "https://example.com/"})
    assert response["Location"] == "/admin/"


def test_logging_out_from_the_code_page_works(client, editor):
    with_app(editor)
    login(client, "redaktor")
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


# --- Turning it off and resetting -----------------------------------------------------


def test_turning_it_off_takes_a_valid_code(client, editor):
    device = with_app(editor)
    login(client, "redaktor")
    client.post(VERIFY, {"code": code(device)})

    wrong = client.post(DISABLE, {"code": wrong_code(device)})
    assert wrong.status_code == 200
    assert "Koden stemmer ikke" in text(wrong)
    assert twofactor.is_enabled(editor)

    wait_out_throttle(device)
    response = client.post(DISABLE, {"code": code(device, steps_ahead=1)}, follow=True)
    assert "Tofaktorinnlogging er slått av" in text(response)
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not twofactor.is_enabled(editor)
    assert ModelLogEntry.objects.get(action="lpp.twofactor.off").user == editor
    client.post("/admin/logout/")
    login(client, "redaktor")
    assert client.get("/admin/").status_code == 200


def test_the_reset_command_lets_a_user_who_lost_the_phone_in(client, editor):
    with_app(editor)
    login(client, "redaktor")
    assert client.get("/admin/").status_code == 302
    out = StringIO()
    call_command("reset_2fa", "redaktor", stdout=out)
    assert "Tofaktorinnlogging er nullstilt for «redaktor»" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/").status_code == 200

    out = StringIO()
    call_command("reset_2fa", "redaktor", stdout=out)
    assert "hadde ikke tofaktorinnlogging" in out.getvalue()
    with pytest.raises(CommandError, match="Fant ingen bruker med brukernavnet «ingen»"):
        call_command("reset_2fa", "ingen")


# --- The public site ------------------------------------------------------------------


def test_the_public_site_is_unaffected(client, editor, home_page):
    assert client.get("/").status_code == 200
    with_app(editor)
    login(client, "redaktor")
    assert client.get("/").status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200


def test_pages_for_logged_in_users_need_the_code_too(client, editor, home_page):
    device = with_app(editor)
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    login(client, "redaktor")
    assert client.get("/").status_code == 302  # to the login form, as for a visitor
    client.post(VERIFY, {"code": code(device)})
    assert client.get("/").status_code == 200


def test_a_superuser_can_reset_it_from_the_user_list(client, make_user, editor):
    device = with_app(editor)
    client.force_login(make_user(superuser=True, username="admin"))
    reset_url = f"/admin/tofaktor/nullstill/{editor.pk}/"
    assert reset_url in text(client.get("/admin/users/"))
    page = text(client.get(reset_url))
    assert "Har redaktor mistet telefonen" in page
    response = client.post(reset_url, follow=True)
    assert "Tofaktorinnlogging er nullstilt for redaktor" in text(response)
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = ModelLogEntry.objects.get(action="lpp.twofactor.reset")
    assert entry.object_id == str(editor.pk) and entry.user.username == "admin"


def test_the_reset_names_the_person_by_full_name(client, make_user):
    named = make_user("Sekretariat", username="kari", first_name="Kari", last_name="Nordmann")
    with_app(named)
    client.force_login(make_user(superuser=True, username="admin"))
    reset_url = f"/admin/tofaktor/nullstill/{named.pk}/"
    assert "Har Kari Nordmann mistet telefonen" in text(client.get(reset_url))
    response = client.post(reset_url, follow=True)
    assert "Tofaktorinnlogging er nullstilt for Kari Nordmann" in text(response)


def test_only_superusers_may_reset_someone_elses(client, make_user, editor):
    device = with_app(editor)
    colleague = make_user("Sekretariat", username="kollega")
    client.force_login(colleague)
    response = client.post(f"/admin/tofaktor/nullstill/{editor.pk}/")
    # Wagtail answers a refused admin action with a message on the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
