from wagtail import hooks

from .panels import SourceHealthPanel
from .permissions import VIEW_HEALTH
from .viewsets import SourcesViewSetGroup


@hooks.register("register_admin_viewset")
def register_sources():
    return SourcesViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_source_health_panel(request, panels):
    if request.user.has_perm(VIEW_HEALTH):
        panels.append(SourceHealthPanel())
