"""Keeps a user who has turned on two-factor login out of the admin until they have
given a code from their app. Placed after django-otp's OTPMiddleware, which tells
whether this session has been verified (``request.user.is_verified()``)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from base.security import is_admin_path

from . import twofactor

# Admin URLs a user waiting for their code may still open.
OPEN_URL_NAMES = {
    "twofactor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Without a session cookie nobody is logged in: leave the request (and the
        # public page cache) alone without touching the session.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        if not twofactor.awaiting_code(request.user):
            return None
        if not is_admin_path(request.path_info):
            # The password alone must not open pages and documents kept for logged-in
            # users either: until the code is given, the public site sees a visitor.
            request.user = AnonymousUser()
            return None
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if url_name in OPEN_URL_NAMES or (url_name or "").startswith("wagtailadmin_password_reset"):
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('twofactor_verify')}?{query}")
