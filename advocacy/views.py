from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from wagtail import hooks

from .models import Theme


@require_safe
def theme_index(request):
    return render(request, "advocacy/theme_index.html", {"themes": Theme.objects.all()})


@require_safe
def theme_detail(request, slug):
    """A theme's public page: its description and everything published on it. Each app
    contributes a section through the ``lpp_theme_sections`` hook: a callable taking
    (theme, request) and returning a dict with ``title``, ``items`` and ``template``,
    or None when it has nothing published on the theme."""
    theme = get_object_or_404(Theme, slug=slug)
    sections = []
    for section_for in hooks.get_hooks("lpp_theme_sections"):
        section = section_for(theme, request)
        if section and section.get("items"):
            sections.append(section)
    return render(request, "advocacy/theme_detail.html", {"theme": theme, "sections": sections})
