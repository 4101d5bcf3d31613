"""What the platform contributes to advocacy: its sections on a theme's public page (the
``lpp_theme_sections`` hook) and which of its pages advocacy's figures count
(``lpp_unsent_proposal_pages``, ``lpp_platform_demand_pages``)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from advocacy.models import Proposal
from base.visibility import restrict_to_public

from .models import PlatformChapterPage, PlatformPage, Position


def _current_edition(request):
    """The current edition, looked up once per request."""
    if not hasattr(request, "_lpp_current_edition"):
        request._lpp_current_edition = PlatformPage.current()
    return request._lpp_current_edition


def _platform_chapter_ids(edition):
    return restrict_to_public(PlatformChapterPage.objects.child_of(edition)).values_list(
        "pk", flat=True
    )


def platform_positions_section(theme, request):
    """The current platform edition's positions on the theme."""
    edition = _current_edition(request)
    if edition is None:
        return None
    positions = list(
        Position.objects.public()
        .filter(chapter_id__in=_platform_chapter_ids(edition), themes=theme)
        .select_related("chapter")
        .order_by("chapter__path", "order")
    )
    return {
        "title": f"LPP mener – {edition.title}",
        "items": positions,
        "edition": edition,
        "template": "political_platform/includes/theme_positions.html",
    }


def platform_demands_section(theme, request):
    """The current platform edition's demands on the theme, with their status."""
    edition = _current_edition(request)
    if edition is None:
        return None
    demands = list(
        Proposal.objects.filter(
            source_page_id__in=_platform_chapter_ids(edition),
            source_page__content_type=ContentType.objects.get_for_model(PlatformChapterPage),
            retired_at__isnull=True,
            themes=theme,
        )
        .select_related("source_page")
        .order_by("source_page__path", "position")
    )
    return {
        "title": f"LPP vil – krav i {edition.title}",
        "items": demands,
        "edition": edition,
        "template": "political_platform/includes/theme_demands.html",
    }


def platform_chapter_pages():
    """advocacy's «sendt inn»: a platform's demands are positions LPP holds; publishing
    the chapter sends nothing (a demand counts once it is sent with evidence)."""
    return PlatformChapterPage.objects.values("pk")


def adopted_chapter_pages():
    """advocacy's «LPP krever»: the chapters of a public, adopted edition."""
    steplen = PlatformChapterPage.steplen
    adopted_parent = restrict_to_public(
        PlatformPage.objects.filter(
            status=PlatformPage.Status.ADOPTED,
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steplen),
        )
    )
    return PlatformChapterPage.objects.filter(Exists(adopted_parent)).values("pk")
