"""Abandoned response stubs: when a started response does not hold its consultation.

The rules read only the page and its consultation, so the page's own form can use them
(consultations.responses starts responses and finds stubs among the pages).

Wagtail 8 saves a new page as soon as the editor starts typing (autosave), so opening
«Nytt høringssvar», choosing a consultation and walking away leaves a page that holds the
consultation. Such a page is an *abandoned stub* when nobody wrote anything in it (no
summary, no letter text), it was never sent for approval or published, and it has lain
untouched for :data:`ABANDONED_AFTER` (its own author may take it over at once). A stub
does not block the consultation: the chooser still offers it, and choosing the
consultation for another page deletes the empty stub (there is nothing in it to lose);
«Skriv høringssvar» on the consultation reuses the stub instead of making a second page.
"""

import datetime

from django.utils import timezone
from wagtail.models import WorkflowState

ABANDONED_AFTER = datetime.timedelta(hours=1)


def is_empty_draft(page):
    """Never published, never sent for approval, nothing written."""
    if page.live or page.first_published_at is not None:
        return False
    if (page.summary or "").strip() or len(page.body):
        return False
    return not WorkflowState.objects.for_instance(page).exists()


def is_abandoned_stub(page, user=None):
    """An empty draft its author left (or that ``user`` wrote themselves)."""
    if not is_empty_draft(page):
        return False
    if user is not None and user.pk and page.owner_id == user.pk:
        return True
    touched = page.latest_revision_created_at or page.last_published_at
    return touched is None or touched < timezone.now() - ABANDONED_AFTER


def replaceable_stub(consultation, page=None, user=None):
    """The abandoned stub that holds ``consultation`` for another page than ``page``."""
    existing = consultation.get_response()
    if existing is None or (page is not None and existing.pk == page.pk):
        return None
    return existing if is_abandoned_stub(existing, user) else None
