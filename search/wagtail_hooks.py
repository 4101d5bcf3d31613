from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from lpp.roles import STAFF

from . import admin_views, health
from .models import SearchDocument


def can_see_search_health(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=STAFF).exists())


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
            "detail_url": reverse("search_health"),
        }


@hooks.register("construct_homepage_panels")
def add_search_health_panel(request, panels):
    if can_see_search_health(request.user):
        panels.append(SearchHealthPanel(request))


@hooks.register("register_admin_urls")
def register_search_health_url():
    return [path("sokehelse/", admin_views.search_health, name="search_health")]


class SearchHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_search_health(request.user)


@hooks.register("register_settings_menu_item")
def register_search_health_menu_item():
    return SearchHealthMenuItem(
        "Søkehelse", reverse("search_health"), icon_name="search", order=900
    )
