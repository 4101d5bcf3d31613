"""Serving a page in a constant number of queries, whatever its depth.

Wagtail routes a request one path level at a time: at each level it looks up the child
by slug and then loads that child's specific page, two queries per level, and its view
restriction check reads the ancestors and then their restrictions. A platform chapter
(three levels below the home page) spent seven queries before its own content.

:class:`OneQueryRouting` keeps Wagtail's routing rules and asks the database once for
the whole chain: every page whose ``url_path`` is a prefix of the requested path, below
the page routing starts from. The walk then goes level by level in memory exactly as
``Page.route`` would — a missing level is a 404, a page that is not live is passed
through on the way down and a 404 at the end — and hands over to a page's own ``route``
wherever a page type changes routing (``RoutablePageMixin`` and the like). Only the page
served is loaded as its specific type.

``url_path`` is Wagtail's own denormalised path (``/home/horingssvar/svar/``), kept up to
date by Wagtail whenever a slug changes or a page moves, so this finds what the slug walk
finds.

:meth:`OneQueryRouting.get_view_restrictions` reads the restrictions of the page and its
ancestors in one query: the ancestors' tree paths are prefixes of the page's own, so they
need no query of their own. Aliases answer with their source page's restrictions, as in
Wagtail.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult


def _routes_like_wagtail(page):
    """Whether ``page``'s type routes its children the default way (so the walk may go
    on in memory) rather than with a ``route`` of its own."""
    page_class = page.specific_class
    return page_class is not None and page_class.route in (Page.route, OneQueryRouting.route)


def _specific(page, parent, chain):
    """``page`` as its own type, knowing its parent and the pages above it."""
    specific = page.specific
    specific._cached_parent_obj = parent
    specific.lpp_route_chain = chain
    return specific


class OneQueryRouting:
    """Mixed into every LPP page type (before ``Page``)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # No page lies deeper than the tree's path column allows, and no slug holds a NUL
        # byte (which PostgreSQL refuses in a query): both are simply not found.
        deepest = Page._meta.get_field("path").max_length // self.steplen
        if self.depth + len(path_components) > deepest or any(
            "\x00" in part for part in path_components
        ):
            raise Http404
        base = self.url_path
        wanted = [
            base + "/".join(path_components[: n + 1]) + "/" for n in range(len(path_components))
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=wanted,
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
            )
        }
        parent = self
        chain = [self]
        for level, url_path in enumerate(wanted):
            page = found.get(url_path)
            if page is None or page.depth != self.depth + level + 1:
                raise Http404
            page._cached_parent_obj = parent  # get_parent() without a query, as Wagtail does
            remaining = path_components[level + 1 :]
            if not _routes_like_wagtail(page):
                return _specific(page, parent, chain).route(request, remaining)
            if not remaining:
                if not page.live:
                    raise Http404
                return RouteResult(_specific(page, parent, chain))
            chain = [*chain, page]
            parent = page
        raise Http404  # not reached: the loop ends at the last level

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
        )


def breadcrumb_ancestors(page):
    """The pages above ``page`` from the site's home page down, for the breadcrumb trail:
    taken from the routing chain when ``page`` was served by :class:`OneQueryRouting`
    from a site root (no query), otherwise read from the tree."""
    chain = getattr(page, "lpp_route_chain", None)
    if chain is not None and chain[0].depth == 2:
        return chain
    return list(page.get_ancestors()[1:])
