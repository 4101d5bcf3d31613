"""A status is shown with the evidence of the event that set it (issue 13, item 11a):
a later receipt or meeting note must not stand as the source of an adoption."""

import datetime

import pytest
from django.urls import reverse

from advocacy.models import OutcomeEvent
from advocacy.outcomes import record_event, status_event

from .factories import AuthorityFactory, DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def adopted_then_acknowledged(home_page):
    document = DocumentFactory(parent=home_page, title="Høringssvar om pårørendes rettigheter")
    proposal = ProposalFactory(
        source_page=document, submitted_on=D(2025, 3, 1), target_authority=AuthorityFactory()
    )
    record_event(
        proposal,
        event_data("adopted", D(2025, 6, 1), evidence_title="Prop. 85 L (2024–2025)"),
        publish=True,
    )
    record_event(
        proposal,
        event_data(
            "acknowledged",
            D(2025, 9, 1),
            evidence_kind="letter",
            evidence_title="Kvittering fra HOD",
            evidence_chapter="",
            evidence_url="",
        ),
        publish=True,
    )
    return proposal


def test_the_outcome_list_shows_the_evidence_of_the_event_that_set_the_status(
    client, adopted_then_acknowledged
):
    adopted_then_acknowledged.refresh_from_db()
    assert adopted_then_acknowledged.outcome_status == "adopted"
    html = client.get(reverse("advocacy:outcome_list")).content.decode()
    assert "Prop. 85 L (2024–2025)" in html
    assert "Kvittering fra HOD" not in html


def test_before_a_decision_the_latest_event_sets_the_status_and_gives_the_evidence(
    client, home_page
):
    document = DocumentFactory(parent=home_page, title="Høringssvar om avlastning")
    proposal = ProposalFactory(
        source_page=document, submitted_on=D(2025, 3, 1), target_authority=AuthorityFactory()
    )
    record_event(proposal, event_data("acknowledged", D(2025, 4, 1)), publish=True)
    latest = record_event(
        proposal, event_data("dialogue", D(2025, 5, 1), evidence_title="Møte i HOD"), publish=True
    )
    events = OutcomeEvent.objects.public().filter(proposal=proposal).order_by("-date")
    assert status_event(events) == latest
    assert "Møte i HOD" in client.get(reverse("advocacy:outcome_list")).content.decode()
