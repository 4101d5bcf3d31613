"""A response's proposals count as submitted on the day its submission was recorded,
whether they were first published before or after it, and in whatever order the
``page_published`` receivers run: the page answers the date
(ConsultationResponsePage.proposals_sent_on) each time it is published
(advocacy.tracking.apply_submission_dates, the one path)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.signals import page_published

from advocacy.models import Proposal
from advocacy.outcomes import record_event
from consultations.models import ConsultationResponsePage
from consultations.submission import archive_submission

from .factories import (
    ConsultationFactory,
    ResponseIndexPageFactory,
    ResponsePageFactory,
    approve,
    proposal_block,
)

pytestmark = pytest.mark.django_db

SENT_DAY = timezone.localdate() - datetime.timedelta(days=5)


@pytest.fixture(params=["as registered", "reversed"])
def receiver_order(request):
    """Run each test with the page_published receivers in their registered order and
    reversed: the submission date may not depend on it."""
    registered = list(page_published.receivers)
    if request.param == "reversed":
        page_published.receivers.reverse()
        page_published.sender_receivers_cache.clear()
    yield request.param
    page_published.receivers[:] = registered
    page_published.sender_receivers_cache.clear()


@pytest.fixture
def draft(home_page):
    index = ResponseIndexPageFactory(parent=home_page)
    consultation = ConsultationFactory()
    page = ResponsePageFactory(
        parent=index,
        consultation=consultation,
        body=[proposal_block("Forslag 1"), proposal_block("Forslag 2")],
    )
    return consultation, page


def record_submission(consultation, page, day=SENT_DAY):
    approve(consultation, page)
    return archive_submission(
        consultation,
        content=b"%PDF-1.4 brevet slik det ble sendt",
        filename="horingssvar.pdf",
        submitted_on=day,
        channel="epost",
        recipient="postmottak@hod.dep.no",
    )


def submission_dates(page):
    return list(
        Proposal.objects.filter(source_page=page)
        .order_by("position")
        .values_list("text", "submitted_on")
    )


def test_recording_the_submission_dates_the_proposals_it_published(receiver_order, draft):
    consultation, page = draft
    record_submission(consultation, page)
    assert submission_dates(page) == [("Forslag 1", SENT_DAY), ("Forslag 2", SENT_DAY)]


def test_proposals_published_before_the_submission_take_its_date(receiver_order, draft):
    consultation, page = draft
    # Published before it was sent (a bulk action, say): consultations undoes the
    # publication, but the proposals were recorded with today's date.
    page.get_latest_revision().publish()
    assert not ConsultationResponsePage.objects.get(pk=page.pk).live
    assert {day for _text, day in submission_dates(page)} == {timezone.localdate()}
    record_submission(consultation, page)
    assert submission_dates(page) == [("Forslag 1", SENT_DAY), ("Forslag 2", SENT_DAY)]


def test_a_proposal_added_in_a_republished_response_takes_the_submission_date(
    receiver_order, draft
):
    consultation, page = draft
    record_submission(consultation, page)
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.body = [*page.body.raw_data, proposal_block("Forslag 3")]
    page.save_revision().publish()
    assert submission_dates(page) == [
        ("Forslag 1", SENT_DAY),
        ("Forslag 2", SENT_DAY),
        ("Forslag 3", SENT_DAY),
    ]


def test_a_submitted_event_of_its_own_outlasts_republishing(receiver_order, draft):
    consultation, page = draft
    record_submission(consultation, page)
    first = Proposal.objects.get(source_page=page, text="Forslag 1")
    own_day = SENT_DAY + datetime.timedelta(days=2)
    record_event(first, {"kind": "submitted", "date": own_day}, publish=True)
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    assert submission_dates(page) == [("Forslag 1", own_day), ("Forslag 2", SENT_DAY)]
