"""Optional two-factor login for admin accounts, on django-otp's TOTP devices.

A user turns it on by scanning a QR code (or typing the secret) into an authenticator
app and confirming with a code; only a confirmed device counts. From then on, a correct
password alone only gets them to the "Skriv inn koden fra appen" page
(accounts/middleware.py). Wrong codes are throttled by django-otp: after n wrong codes in
a row the next attempt waits 2^(n-1) seconds.
"""

import base64
import math

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

DEVICE_NAME = "Autentiseringsapp"
WRONG_CODE = "Koden stemmer ikke. Skriv inn koden appen viser nå – den skifter hvert 30. sekund."


def is_enabled(user):
    """True when the user has a confirmed device, so logging in needs a code."""
    return user_has_device(user, confirmed=True)


def awaiting_code(user):
    """True for a user who gave the right password but not yet the code."""
    return user.is_authenticated and not user.is_verified() and is_enabled(user)


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def unconfirmed_device(user):
    """The device being set up: the same secret on every visit until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def check_code(device, code):
    """Verify ``code`` against ``device`` under django-otp's throttling.

    Returns ``(device, error)``: the device as saved after the attempt (its last used
    time step and failure count change, so callers must go on with this instance) and
    ``None`` or a Norwegian message."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return device, throttled_message(details["locked_until"])
        if device.verify_token(code):
            return device, None
    return device, WRONG_CODE


def throttled_message(locked_until):
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    if seconds < 120:
        wait = "1 sekund" if seconds == 1 else f"{seconds} sekunder"
    else:
        wait = f"{math.ceil(seconds / 60)} minutter"
    return f"For mange feil koder på rad. Vent {wait} før du prøver igjen."


def confirm(device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One app per user: drop any other device left over from earlier set-ups.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    log(instance=device.user, action="lpp.twofactor.on", user=device.user)


def turn_off(user, by=None, reset=False):
    """Remove every device of the user (any django-otp device type), noting in Wagtail's
    history who did it (``by``: the user themselves, a superuser, or None for the
    command line). Returns whether two-factor login was on."""
    was_on = is_enabled(user)
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    if was_on:
        log(instance=user, action="lpp.twofactor.reset" if reset else "lpp.twofactor.off", user=by)
    return was_on


def secret(device):
    """The key in base32, in groups of four, as authenticator apps take it typed in."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_data_uri(device):
    """The otpauth:// address as a QR code: an SVG (on white, so it scans in the dark
    theme too) in a data: URI, which the admin's img-src allows."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()
