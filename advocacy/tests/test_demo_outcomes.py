"""The demo's example outcomes: every status, plausible evidence, marked as examples."""

import pytest
from django.core.management import call_command

from advocacy.models import OutcomeEvent, OutcomeKind, Proposal

pytestmark = pytest.mark.django_db


def test_demo_outcomes_cover_every_kind_and_are_marked_as_examples(demo_site, client):
    events = OutcomeEvent.objects.all()
    assert {e.kind for e in events} == set(OutcomeKind.values)
    for event in events:
        assert event.public_note.startswith("Eksempel")
        if event.evidence_title:
            assert event.evidence_title.endswith("(eksempel)")
        assert not event.evidence_url or event.evidence_url.startswith("https://")
    assert events.drafts().exists()  # one draft shows staff what publishing means
    statuses = set(
        Proposal.objects.exclude(outcome_status="").values_list("outcome_status", flat=True)
    )
    assert {"implemented", "adopted", "partly_adopted", "rejected", "not_addressed"} <= statuses
    html = client.get("/hva-skjedde/").content.decode()
    assert "helt eller delvis tatt til følge" in html


def test_demo_outcomes_load_twice_without_duplicates(demo_site):
    before = OutcomeEvent.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert OutcomeEvent.objects.count() == before
