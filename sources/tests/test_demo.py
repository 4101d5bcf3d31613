"""The demo site's sources: the recorded samples, read without the internet."""

import pytest
from django.core.management import call_command

from advocacy.models import OutcomeEvent
from sources.models import Candidate, CaseLink, EvidenceDocument, SourcedEvent, SourceStatus

pytestmark = pytest.mark.django_db


def test_demo_fills_the_radar_from_the_recorded_samples(demo_site):
    assert Candidate.objects.filter(source="regjeringen").count() == 3
    assert Candidate.objects.filter(source="stortinget").count() == 3
    assert Candidate.objects.filter(source="helsedirektoratet").count() == 3
    assert set(SourceStatus.objects.values_list("state", flat=True)) == {"ok"}


def test_demo_proposes_drafts_and_publishes_nothing(demo_site):
    assert CaseLink.objects.get().status == "behandlet"
    assert EvidenceDocument.objects.get().passages.filter(lpp_named=True).exists()
    sourced = OutcomeEvent.objects.filter(source_origin__isnull=False)
    assert sourced.exists() and not sourced.filter(published_at__isnull=False).exists()


def test_demo_loader_runs_again_without_doubling(demo_site):
    counts = (
        Candidate.objects.count(),
        SourcedEvent.objects.count(),
        EvidenceDocument.objects.count(),
    )
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (
        Candidate.objects.count(),
        SourcedEvent.objects.count(),
        EvidenceDocument.objects.count(),
    ) == counts
