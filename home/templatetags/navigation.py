from django import template
from django.urls import reverse
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's top-level pages shown in menus, plus the themes, with the current
    section marked for screen readers (aria-current)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "url_path", "")
    items = []
    if site:
        pages = site.root_page.get_children().live().public().in_menu().only("title", "url_path")
        items = [
            {"page": page, "current": current_path.startswith(page.url_path)} for page in pages
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
