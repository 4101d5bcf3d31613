from django import template
from django.urls import reverse
from wagtail.models import Site

from base import cache as page_cache
from base.routing import breadcrumb_ancestors as _breadcrumb_ancestors
from base.visibility import restrict_to_public
from home.models import OrganisationSettings

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
        # Kept until public content changes (base.cache.remember): the menu is on every
        # page and changes only when a page is published, moved or unpublished.
        menu = page_cache.remember(
            f"main-menu:{site.pk}:{request.get_host()}", lambda: _menu_pages(site, request)
        )
        items = [
            {"title": title, "url": url, "current": current_path.startswith(url_path)}
            for title, url, url_path in menu
        ]
    path = request.path if request else ""
    # Sections served by views rather than pages: the themes, what became of the
    # proposals, how the strategy is followed up, and the search.
    links = []
    for label, name in (
        ("Temaer", "advocacy:theme_index"),
        ("Resultater", "advocacy:outcomes"),
        ("Strategien", "strategy:follow_up"),
        ("Søk", "search:search"),
    ):
        url = reverse(name)
        links.append({"label": label, "url": url, "current": path.startswith(url)})
    return {"items": items, "links": links}


@register.simple_tag
def breadcrumb_ancestors(page):
    """The pages above ``page``, from the home page down (base.routing: no query when
    the page was just routed)."""
    return _breadcrumb_ancestors(page)


@register.simple_tag(takes_context=True)
def organisation_settings(context):
    """LPP's details for the header and footer (``home.OrganisationSettings``), kept until
    public content changes (base.cache.remember; saving the settings is such a change)
    rather than read on every page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return page_cache.remember(f"organisation-settings:{site.pk}", lambda: _organisation(site))


def _organisation(site):
    # Read, never created, by a public view (Wagtail's for_site() would write the row, and
    # a write is a content change that empties the page cache): until staff save the
    # settings, the model's defaults.
    return OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings(site=site)
