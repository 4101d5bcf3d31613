"""An outcome event's public note goes public only without personal data: recording and
publishing at once, publishing a draft, and publishing drafts in bulk all check it; a
draft may hold it."""

import datetime

import pytest
from django.urls import reverse

from advocacy.models import OutcomeEvent
from advocacy.outcomes import record_event
from base import roles
from base.admin_urls import snippet_url

from .factories import (
    AuthorityFactory,
    DocumentFactory,
    ProposalFactory,
    event_data,
    event_form_data,
)


def proposal_url(view_name, *args):
    return snippet_url("advocacy.proposal", view_name, *args)


pytestmark = pytest.mark.django_db

NOTE = "Kari Hansen, som har schizofreni, fikk svar fra HOD. Ring 912 34 567."


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


@pytest.fixture
def proposal(home_page):
    document = DocumentFactory(parent=home_page, title="Høringssvar: pårørendeveilederen")
    return ProposalFactory(
        source_page=document,
        text="Pårørende skal få informasjon.",
        submitted_on=datetime.date(2025, 3, 1),
        target_authority=AuthorityFactory(),
    )


def test_recording_and_publishing_a_note_with_personal_data_is_refused(staff_client, proposal):
    url = proposal_url("record", proposal.pk)
    response = staff_client.post(url, event_form_data(action="publish", public_note=NOTE))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Den offentlige merknaden kan ikke publiseres" in html
    assert "navn sammen med en diagnose" in html and "telefonnummer" in html
    assert not OutcomeEvent.objects.exists()


def test_a_draft_may_hold_the_note_but_publishing_it_is_refused(staff_client, proposal):
    url = proposal_url("record", proposal.pk)
    assert staff_client.post(url, event_form_data(public_note=NOTE)).status_code == 302
    event = OutcomeEvent.objects.get()
    response = staff_client.post(proposal_url("publish", event.pk), follow=True)
    assert "Den offentlige merknaden kan ikke publiseres" in response.content.decode()
    event.refresh_from_db()
    assert not event.is_published


def test_bulk_publishing_drafts_with_personal_data_publishes_none(staff_client, proposal):
    record_event(proposal, {**event_data("adopted"), "public_note": NOTE})
    url = reverse("wagtail_bulk_action", args=["advocacy", "proposal", "publish_outcomes"])
    back = snippet_url("advocacy.proposal", "list")
    response = staff_client.post(url + f"?id={proposal.pk}&next={back}", follow=True)
    assert "Ingen hendelser ble publisert" in response.content.decode()
    assert OutcomeEvent.objects.drafts().count() == 1
