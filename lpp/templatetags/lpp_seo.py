"""Canonical addresses and Open Graph tags for every public page (templates/base.html)."""

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator

register = template.Library()


def _absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def canonical_for(context):
    """The page's address on the public host, without query string: a filtered or
    paginated list has one canonical address."""
    page = context.get("page")
    if page is not None and getattr(page, "url", None):
        return _absolute(page.url)
    request = context.get("request")
    if request is not None:
        return _absolute(request.path)
    return _absolute("/")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return canonical_for(context)


def _description(context):
    page = context.get("page")
    if page is not None:
        text = getattr(page, "search_description", "") or str(getattr(page, "intro", "") or "")
    elif context.get("theme") is not None:
        text = context["theme"].description
    else:
        text = context.get("og_description", "")
    return Truncator(strip_tags(text).strip()).chars(300)


def _title(context):
    page = context.get("page")
    if page is not None:
        return page.seo_title or page.title
    if context.get("og_title"):
        return context["og_title"]
    if context.get("theme") is not None:
        return context["theme"].name
    return settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("lpp/open_graph.html", takes_context=True)
def open_graph_tags(context):
    page = context.get("page")
    is_home = page is not None and page.depth <= 2
    return {
        "url": canonical_for(context),
        "title": _title(context),
        "description": _description(context),
        "type": "website" if page is None or is_home else "article",
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
