"""The public page cache: a media spike on one page must not reach the database for
every request.

Anonymous GET requests for public pages are answered from Django's cache, keyed per
host and full URL (query string included, so each search and each filter combination
is its own entry). Every key carries a *version*; publishing, unpublishing, moving or
deleting a page, and saving or deleting any public content (snippets, themes,
proposals, outcome events, settings, images, documents, redirects), bumps the version,
so the next request renders afresh. The version lives in the same cache as the pages,
so every worker process sees a bump at once — which is why production needs a shared
cache (a file-based cache on the host, or Redis), never a per-process memory cache.

Never cached: requests with a session cookie (logged-in editors see userbars, drafts
in preview and the like), the admin, document downloads, responses that set cookies
(a CSRF token in a form), responses marked private or no-store, and anything but 200.

The same rule decides the HTTP headers that shared caches in front of the site (Varnish,
deploy/varnish/lpp.vcl) act on: a page this cache may keep is sent with
``Cache-Control: public, max-age=…, s-maxage=…, stale-while-revalidate=…``; a page for a
logged-in visitor, a restricted page or the admin with ``private, no-store``. And the same
invalidation clears the edge: every bump of the version also asks Wagtail's frontend
cache (``wagtail.contrib.frontend_cache``) to purge each site's root URL, which the VCL
takes as "everything under this host" — so the edge forgets exactly what this cache
forgets, once per transaction and only after it commits (a purge before the commit would
let the edge fetch the old page again).
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from django.dispatch import receiver
from django.utils.cache import cc_delim_re, patch_cache_control
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "lpp:page-cache:version"
HEADER = "X-LPP-Cache"

logger = logging.getLogger("lpp.cache")

# Apps whose records can show on public pages. Saving or deleting any of their models
# invalidates the cached pages.
CONTENT_APPS = {
    "home",
    "advocacy",
    "consultations",
    "political_platform",
    "strategy",
    "search",
    "taggit",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailembeds",
}
# From Wagtail's core app, only these change what the public sees (pages are handled
# through the publishing signals).
CORE_CONTENT_MODELS = {"site", "pageviewrestriction", "collectionviewrestriction", "collection"}


def _cache():
    return caches[getattr(settings, "LPP_PAGE_CACHE_ALIAS", "default")]


def is_enabled():
    return getattr(settings, "LPP_PAGE_CACHE_ENABLED", True)


def current_version():
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock rather than 1: if the version key is ever evicted, the
        # new version can't collide with the keys of pages cached before.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def invalidate():
    """Make every cached page stale at once, here and at the edge."""
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    _schedule_edge_purge()


def edge_purge_urls():
    """The URLs whose PURGE clears the edge cache of everything this cache just forgot:
    each site's root, which the VCL bans as a prefix (all pages of that host)."""
    from wagtail.models import Site

    # Only the two columns Wagtail's first migration made: this also runs while later
    # migrations save content (Site.root_url would load every column).
    return sorted(
        {
            f"{Site(hostname=host, port=port).root_url}/"
            for host, port in Site.objects.order_by().values_list("hostname", "port")
        }
    )


_migrating = False


@receiver(pre_migrate)
def _migration_started(sender, **kwargs):
    global _migrating
    _migrating = True


@receiver(post_migrate)
def _migration_finished(sender, **kwargs):
    # While migrations run, the tables the purge reads may not exist yet; once they are
    # done, one purge covers whatever they changed.
    global _migrating
    if _migrating:
        _migrating = False
        _schedule_edge_purge()


def _schedule_edge_purge():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or _migrating:
        return
    # One purge per transaction, however many rows it saves (a rolled-back transaction
    # drops its callbacks, and with them this one).
    connection = transaction.get_connection()
    pending = getattr(connection, "lpp_edge_purge_pending", False)
    if pending and any(callback is _purge_edge for _, callback, _ in connection.run_on_commit):
        return
    connection.lpp_edge_purge_pending = True
    transaction.on_commit(_purge_edge)


def _purge_edge():
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    # Wagtail's purge task, run here rather than queued: one PURGE to a Varnish on the
    # same network takes a millisecond, and the public must see a publish at once, not
    # when the worker gets to it (or never, while the worker is down).
    transaction.get_connection().lpp_edge_purge_pending = False
    purge_urls_from_cache_task.call(edge_purge_urls())


def cache_key(request, version=None):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"lpp:page:{version or current_version()}:{digest}"


def _request_is_public(request):
    """An anonymous read of a public address: what a shared cache may answer."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    excluded = getattr(settings, "LPP_PAGE_CACHE_EXCLUDED_PREFIXES", ())
    return not any(path.startswith(prefix) for prefix in excluded)


def _request_is_cacheable(request):
    return request.method == "GET" and is_enabled() and _request_is_public(request)


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # Set by views that depend on the visitor.
    return not getattr(response, "lpp_no_page_cache", False)


def _is_password_form(response):
    template = getattr(response, "template_name", None)
    return template == getattr(
        settings, "WAGTAIL_PASSWORD_REQUIRED_TEMPLATE", "wagtailcore/password_required.html"
    )


def _is_personal(request, response):
    """A response that must never be kept by a shared cache: the admin, a visitor with a
    session (logged in, or let through a page's password), a page's password form."""
    if any(request.path_info.startswith(prefix) for prefix in settings.LPP_ADMIN_PATH_PREFIXES):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or _is_password_form(response):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def set_cache_headers(request, response):
    """The headers shared caches (Varnish) and browsers act on; see the module docstring."""
    if _is_personal(request, response):
        patch_cache_control(response, private=True, no_store=True)
    elif (
        _request_is_public(request)
        and not response.has_header("Cache-Control")
        and _response_is_cacheable(request, response)
    ):
        patch_cache_control(
            response,
            public=True,
            # Browsers are never purged: they keep a page briefly; the edge, purged on
            # every publish, keeps it as long as this cache does.
            max_age=settings.LPP_BROWSER_CACHE_SECONDS,
            s_maxage=settings.LPP_PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.LPP_STALE_WHILE_REVALIDATE_SECONDS,
        )
    if response.has_header("Vary") and len(settings.LANGUAGES) == 1:
        # One language only: LocaleMiddleware's "Vary: Accept-Language" would split every
        # shared cache entry by the visitor's browser language for nothing.
        kept = [
            header
            for header in cc_delim_re.split(response["Vary"])
            if header and header.lower() != "accept-language"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return set_cache_headers(request, self.get_response(request))
        cache = _cache()
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = set_cache_headers(request, self.get_response(request))
        if _response_is_cacheable(request, response):
            timeout = getattr(settings, "LPP_PAGE_CACHE_SECONDS", 600)
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(lambda r: cache.set(key, r, timeout))
            else:
                cache.set(key, response, timeout)
            response[HEADER] = "miss"
        return response


def _is_content_model(model):
    meta = model._meta
    if issubclass(model, AbstractRendition):  # made while pages render; not content
        return False
    if meta.app_label == "wagtailcore":
        return meta.model_name in CORE_CONTENT_MODELS
    return meta.app_label in CONTENT_APPS


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    invalidate()


@receiver(post_save)
def _content_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # A draft save touches a live page's bookkeeping only; publishing is signalled.
        # A direct save of a live page (a script, a demo loader) is content.
        if instance.live and update_fields is None:
            invalidate()
        return
    if _is_content_model(sender):
        invalidate()


@receiver(post_delete)
def _content_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or _is_content_model(sender):
        invalidate()


@receiver(m2m_changed)
def _content_related(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content_model(type(instance)):
        invalidate()


def content_models():
    """The models whose changes invalidate the cache (for tests and the admin)."""
    return [model for model in apps.get_models() if _is_content_model(model)]


def remember(name, compute, timeout=24 * 60 * 60):
    """``compute()``, kept under the current version: figures that change only when
    public content does are computed once per change, not on every uncached view, and
    are forgotten by the same invalidation as the pages (LPP_FIGURES_CACHE_ENABLED)."""
    if not getattr(settings, "LPP_FIGURES_CACHE_ENABLED", True):
        return compute()
    cache = _cache()
    key = f"lpp:figures:{current_version()}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
