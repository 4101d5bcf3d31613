"""Starting the one response a consultation has, without letting an abandoned attempt
block it (what counts as an abandoned stub: consultations.stubs)."""

from django.db import transaction

from .models import ConsultationResponseIndexPage, ConsultationResponsePage
from .stubs import is_abandoned_stub


def stub_consultation_ids(user=None, exclude_page=None):
    """Consultations whose response is an abandoned stub."""
    candidates = ConsultationResponsePage.objects.filter(
        live=False,
        first_published_at__isnull=True,
        summary="",
        consultation__isnull=False,
    )
    if exclude_page is not None:
        candidates = candidates.exclude(pk=exclude_page)
    return [page.consultation_id for page in candidates if is_abandoned_stub(page, user)]


def response_index():
    return ConsultationResponseIndexPage.objects.first()


def can_start_response(user, index):
    if index is None:
        return False
    return index.permissions_for_user(user).can_add_subpage()


@transaction.atomic
def start_response(consultation, user):
    """The consultation's response page: its existing one, or a new draft linked to it.
    Returns (page, created)."""
    existing = consultation.get_response()
    if existing is not None:
        return existing, False
    index = response_index()
    page = ConsultationResponsePage(
        title=f"Høringssvar: {consultation.title}"[:255],
        consultation=consultation,
        owner=user,
        live=False,
        summary="",
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)  # like Wagtail's own draft save
    return page, True
