"""Security plumbing: the Content-Security-Policy per part of the site, redirects that never
point visitors to a hidden page, login throttling that leaves non-web logins alone, and the
page shown when a login is locked."""

from urllib.parse import urlparse

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect

from .visibility import is_public_page


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy (``CONTENT_SECURITY_POLICY``, no 'unsafe-inline') everywhere,
    except in the Wagtail admin, whose editor still writes inline scripts and styles and
    gets ``LPP_ADMIN_CONTENT_SECURITY_POLICY`` instead."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.LPP_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PublicRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, except to a page the public may not see: the old address of a
    page since unpublished, moved behind a password or below a hidden section stays a 404
    for visitors, so the redirect does not tell them the page's new address (its slug names
    it). Signed-in users are redirected as before."""

    def process_response(self, request, response):
        if response.status_code == 404 and not request.user.is_authenticated:
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            bare = urlparse(path).path  # Wagtail tries the path without its query string too
            redirect = get_redirect(request, path) or (bare != path and get_redirect(request, bare))
            if (
                redirect
                and redirect.redirect_page_id
                and not is_public_page(redirect.redirect_page_id)
            ):
                return response
        return super().process_response(request, response)


def is_admin_path(path):
    return any(path.startswith(prefix) for prefix in settings.LPP_ADMIN_PATH_PREFIXES)


class ThrottledLoginBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins made through a web request (the Wagtail
    login form). A login without a request (a management command, a test client's
    ``login()``) has no address to throttle and goes straight to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, credentials, *args, **kwargs):
    """Shown instead of the login form when too many attempts failed (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "security/lockout.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
