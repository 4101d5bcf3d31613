from django.urls import path
from wagtail import hooks

from .admin_views import search_health
from .panels import HEALTH_URL_NAME, SearchHealthPanel, search_health_menu_item
from .permissions import can_see_search_health


@hooks.register("construct_homepage_panels")
def add_search_health_panel(request, panels):
    if can_see_search_health(request.user):
        panels.append(SearchHealthPanel(request))


@hooks.register("register_admin_urls")
def register_search_health_url():
    return [path("sokehelse/", search_health, name=HEALTH_URL_NAME)]


hooks.register("register_settings_menu_item", search_health_menu_item)
