from django import template
from django.urls import reverse
from wagtail.models import Site

from advocacy.visibility import restrict_to_public
from lpp import cache as lpp_cache

register = template.Library()


def _menu_pages(site, request):
    pages = restrict_to_public(site.root_page.get_children()).in_menu()
    return [
        (page.title, page.get_url(request), page.url_path)
        for page in pages.only("title", "url_path", "path", "depth")
    ]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's top-level pages shown in menus, plus the themes, with the current
    section marked for screen readers (aria-current)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "url_path", "")
    items = []
    if site:
        # Kept until public content changes (lpp.cache.remember): the menu is on every
        # page and changes only when a page is published, moved or unpublished.
        menu = lpp_cache.remember(
            f"main-menu:{site.pk}:{request.get_host()}", lambda: _menu_pages(site, request)
        )
        items = [
            {"title": title, "url": url, "current": current_path.startswith(url_path)}
            for title, url, url_path in menu
        ]
    path = request.path if request else ""
    # Sections served by views rather than pages: the themes, what became of the
    # proposals, and the search.
    links = []
    for label, name in (
        ("Temaer", "advocacy:theme_index"),
        ("Resultater", "advocacy:outcomes"),
        ("Søk", "search:search"),
    ):
        url = reverse(name)
        links.append({"label": label, "url": url, "current": path.startswith(url)})
    return {"items": items, "links": links}
