"""The one rule for what the public may see (DESIGN.md: "One definition of public, used
everywhere").

A page is public when it is live, its expiry time (if any) has not passed, neither it
nor any of its ancestors has a view restriction (password, login or groups), and every
ancestor is live and unexpired too — Wagtail's ``PageQuerySet.live().public()`` plus the
expiry that Wagtail only applies when the scheduled-publishing command next runs, plus
the section rule: Wagtail would still serve a live page below an unpublished one (with
the hidden parent's title in its breadcrumbs, API ``meta`` and address), but whoever
unpublished a section meant all of it. A record that belongs to a page (a proposal, a
position, an outcome event, a search document) is public only while its page is.

Every way out — pages, search and suggestions and facet counts, feeds, the API, the
sitemap, Word downloads, theme pages, statistics and outcome timelines — reads through
this module. It depends on Wagtail alone, so every app can import it.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page


def hidden_or_restricted():
    """True for a page (the outer query's row) that has a view restriction on itself or on
    an ancestor, or that lies below a page that is not live or is past its expiry time.
    A page's path is a prefix of the path of every page below it, so one lazy SQL
    subquery over the page and its ancestors answers both (Wagtail's own ``public()``
    reads the restrictions in a query of its own when the queryset is built; this costs
    no extra query and is never out of date inside a queryset built earlier). The tree's
    root (depth 1) is never served and does not count."""
    hidden_above = Q(depth__lt=OuterRef("depth")) & (
        Q(live=False) | Q(expire_at__lte=timezone.now())
    )
    return Exists(
        Page.objects.filter(
            Q(view_restrictions__isnull=False) | hidden_above,
            depth__gt=1,
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
    )


def restrict_to_public(pages):
    """``pages`` (any Page queryset) narrowed to what the public may see. An alias is
    left out: it repeats its source page at another address, and the source is the one
    public record of that content (Wagtail serves the alias behind the source's
    restrictions, which are not the alias's own: a password on the source would
    otherwise leave its text readable through the alias in search and the API)."""
    return pages.filter(
        Q(live=True),
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()),
        Q(alias_of__isnull=True),
        ~hidden_or_restricted(),
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


def _is_hidden(page, now):
    return not page.live or (page.expire_at is not None and page.expire_at <= now)


def refuse_expired_page(page, request, serve_args, serve_kwargs):
    """The ``before_serve_page`` hook: a page past its expiry time is gone for the public
    at once, not only when the scheduled-publishing command next unpublishes it; so is a
    page below an unpublished or expired one (Wagtail's routing passes through those).
    The pages above come from the routing chain (base/routing.py) without a query."""
    from django.http import Http404

    now = timezone.now()
    if page.expire_at is not None and page.expire_at <= now:
        raise Http404("Siden er ikke lenger publisert.")
    chain = getattr(page, "lpp_route_chain", None)
    if page.depth <= 2:
        hidden = False  # a site's home page: nothing above it is ever served
    elif chain is None:
        hidden = (
            page.get_ancestors().filter(Q(live=False) | Q(expire_at__lte=now), depth__gt=1).exists()
        )
    else:
        hidden = any(_is_hidden(above, now) for above in chain if above.depth > 1)
    if hidden:
        raise Http404("Siden er ikke lenger publisert.")
