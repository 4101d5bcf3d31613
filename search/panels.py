"""The search health in the admin: a dashboard panel and a settings menu item, both for
those who may see it (search.permissions). Registered in search/wagtail_hooks.py."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import health
from .models import SearchDocument
from .permissions import can_see_search_health

HEALTH_URL_NAME = "search_health"


class SearchHealthPanel(Component):
    """Dashboard panel: which engine answers public search and whether it is up."""

    name = "search_health"
    order = 200
    template_name = "search/admin/health_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {
            "engines": health.statuses(),
            "documents": SearchDocument.objects.count(),
            "now": timezone.now(),
            "detail_url": reverse(HEALTH_URL_NAME),
        }


class SearchHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_search_health(request.user)


def search_health_menu_item():
    return SearchHealthMenuItem(
        "Søkehelse", reverse(HEALTH_URL_NAME), icon_name="search", order=900
    )
