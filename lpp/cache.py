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
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "lpp:page-cache:version"
HEADER = "X-LPP-Cache"

# Apps whose records can show on public pages. Saving or deleting any of their models
# invalidates the cached pages.
CONTENT_APPS = {
    "home",
    "advocacy",
    "consultations",
    "political_platform",
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
    """Make every cached page stale at once."""
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cache_key(request, version=None):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"lpp:page:{version or current_version()}:{digest}"


def _request_is_cacheable(request):
    if request.method != "GET" or not is_enabled():
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    excluded = getattr(settings, "LPP_PAGE_CACHE_EXCLUDED_PREFIXES", ())
    return not any(path.startswith(prefix) for prefix in excluded)


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # Set by views that depend on the visitor (a password-protected page's form).
    return not getattr(response, "lpp_no_page_cache", False)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        cache = _cache()
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
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
