from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from . import health
from .models import SearchDocument
from .permissions import can_see_search_health


@require_safe
def search_health(request):
    """The search health page in the admin: the panel's content, with a live check of
    each engine when asked (?sjekk=1)."""
    if not can_see_search_health(request.user):
        raise PermissionDenied
    checks = {}
    if request.GET.get("sjekk"):
        for name in health.engine_names():
            checks[name] = health.check(name)
    return TemplateResponse(
        request,
        "search/admin/health.html",
        {
            "engines": health.statuses(),
            "checks": checks,
            "documents": SearchDocument.objects.count(),
            "page_title": "Søkehelse",
        },
    )
