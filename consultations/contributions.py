"""What the consultations contribute to advocacy: the published responses on a theme's
public page (the ``lpp_theme_sections`` hook) and which responses advocacy's «sendt inn»
does not count yet (``lpp_unsent_proposal_pages``)."""

from base.visibility import restrict_to_public

from .models import ConsultationResponsePage
from .status import SENT_STATUSES


def theme_responses(theme, request):
    """The published responses on a theme, for the theme's public page."""
    items = list(
        restrict_to_public(ConsultationResponsePage.objects.all())
        .filter(consultation__themes=theme, consultation__status__in=SENT_STATUSES)
        .select_related("consultation__authority")
        .order_by("-letter_date", "-pk")
        .distinct()[:20]
    )
    if not items:
        return None
    return {
        "title": "Høringssvar",
        "items": items,
        "template": "consultations/includes/theme_responses.html",
    }


def unsent_response_pages():
    """advocacy's «sendt inn»: a response's proposals count as sent once its submission
    is recorded, not when the page is published."""
    return ConsultationResponsePage.objects.filter(consultation__submission__isnull=True).values(
        "pk"
    )
