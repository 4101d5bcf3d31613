"""The one rule for what the public may see (DESIGN.md: "One definition of public, used
everywhere").

A page is public when it is live, its expiry time (if any) has not passed, and neither it
nor any of its ancestors has a view restriction (password, login or groups) — Wagtail's
``PageQuerySet.live().public()`` plus the expiry that Wagtail only applies when the
scheduled-publishing command next runs. A record that belongs to a page (a proposal, a
position, an outcome event, a search document) is public only while its page is.

Every way out — pages, search and suggestions and facet counts, feeds, the API, the
sitemap, Word downloads, theme pages, statistics and outcome timelines — reads through
this module. It depends on Wagtail alone, so every app can import it.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def restricted():
    """True for a page (the outer query's row) that has a view restriction on itself or
    on an ancestor: a restricted page's path is a prefix of the path of every page below
    it. Wagtail's own ``public()`` reads the restrictions in a query of its own when the
    queryset is built; this stays one lazy SQL subquery, so it costs no extra query and
    is never out of date inside a queryset built earlier."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def restrict_to_public(pages):
    """``pages`` (any Page queryset) narrowed to what the public may see."""
    return pages.filter(
        Q(live=True),
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()),
        ~restricted(),
    )


def public_pages():
    """Every page the public may see."""
    return restrict_to_public(Page.objects.all())


def public_page_ids():
    """A subquery of the ids of :func:`public_pages`, to filter records by their page."""
    return public_pages().values("pk")


def with_public_page(queryset, field):
    """``queryset`` narrowed to records whose page (the foreign key ``field``) is public.
    A record without a page is not public."""
    return queryset.filter(**{f"{field}__in": public_page_ids()})


def is_public_page(page):
    """Whether the public may see ``page`` (a Page or a page id)."""
    if page is None:
        return False
    return public_pages().filter(pk=getattr(page, "pk", page)).exists()


def public_page_ids_sql():
    """:func:`public_page_ids` as SQL with parameters, for the raw SQL of the search
    index: ``(sql, params)`` to use as ``page_id IN (sql)``."""
    return public_pages().order_by().values("pk").query.sql_with_params()


def refuse_expired_page(page, request, serve_args, serve_kwargs):
    """The ``before_serve_page`` hook: a page past its expiry time is gone for the public
    at once, not only when the scheduled-publishing command next unpublishes it."""
    from django.http import Http404

    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404("Siden er ikke lenger publisert.")
