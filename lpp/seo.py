"""What search engines and other systems read: sitemap.xml (every live, public page
from Wagtail's own sitemap, plus the public pages that are views: the themes, «Hva
skjedde?» and the strategy follow-up) and robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page, get_page_models

from advocacy.models import Theme
from base.visibility import restrict_to_public


class PageSitemap(WagtailSitemap):
    """The site's public pages (base.visibility), in tree order."""

    def items(self):
        pages = restrict_to_public(
            self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        ).order_by("path")
        # Each page's entry needs its specific type only if a page type writes its own
        # entries; otherwise one query lists them all instead of one per page type.
        if any(model.get_sitemap_urls is not Page.get_sitemap_urls for model in get_page_models()):
            return pages.defer_streamfields().specific()
        return pages


# Public pages that are views, not Wagtail pages: (URL name, kwargs).
VIEW_PAGES = [
    ("advocacy:theme_index", {}),
    ("advocacy:outcomes", {}),
    ("strategy:follow_up", {}),
]


class ViewSitemap(Sitemap):
    """The public views of VIEW_PAGES and each theme's page."""

    def __init__(self, request=None):
        self.request = request

    def items(self):
        themes = Theme.objects.order_by("name").values_list("slug", flat=True)
        return [*VIEW_PAGES, *(("advocacy:theme", {"slug": slug}) for slug in themes)]

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)

    def get_urls(self, page=1, site=None, protocol=None):
        # Absolute on the Wagtail site's own root URL, exactly like the pages' entries.
        root_url = PageSitemap(self.request).get_wagtail_site().root_url.rstrip("/")
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            path = url["location"].split("://", 1)[-1]
            url["location"] = root_url + path[path.find("/") :]
        return urls


@require_safe
def sitemap(request):
    return wagtail_sitemap_view(
        request,
        sitemaps={"sider": PageSitemap(request), "visninger": ViewSitemap(request)},
    )


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        # Keeps crawlers out of endless search and filter combinations.
        "Disallow: /*?",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
