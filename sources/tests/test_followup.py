"""Stortinget follow-up: a linked case's progress becomes draft outcome events."""

import pytest
from django.core.exceptions import ValidationError

from advocacy.models import OutcomeEvent
from sources import followup
from sources.models import CaseLink, SourcedEvent
from sources.watch import run_all

from .factories import answered_consultation

pytestmark = pytest.mark.django_db


def test_case_id_is_read_from_a_stortinget_address():
    assert (
        followup.parse_case_id(
            "https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p=104567"
        )
        == "104567"
    )
    assert followup.parse_case_id(" 104567 ") == "104567"


def test_case_id_that_is_not_one_gives_a_norwegian_error():
    with pytest.raises(ValidationError, match="sakens ID"):
        followup.parse_case_id("Prop. 45 L")


def test_progress_becomes_draft_events_with_evidence(sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    link = CaseLink.objects.create(case_id="104567", consultation=consultation)
    created = followup.check_link(link)
    assert created == 5 * len(proposals)
    events = OutcomeEvent.objects.filter(proposal=proposals[0]).order_by("pk")
    assert all(e.published_at is None for e in events)
    innst = events.get(evidence_kind="recommendation")
    assert innst.evidence_title == "Innst. 210 L (2026–2027)"
    assert innst.evidence_url.startswith("https://www.stortinget.no/")
    link.refresh_from_db()
    assert link.status == "behandlet" and link.title.startswith(
        "Endringer i psykisk helsevernloven"
    )


def test_each_step_is_proposed_once_even_after_discarding(sample_server, home_page):
    from advocacy.outcomes import discard_draft

    consultation, _ = answered_consultation(home_page)
    link = CaseLink.objects.create(case_id="104567", consultation=consultation)
    followup.check_link(link)
    for sourced in SourcedEvent.objects.all():
        discard_draft(sourced.event)
    assert followup.check_link(link) == 0
    assert not OutcomeEvent.objects.exists()


def test_proposal_status_is_unchanged_until_staff_confirm(sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    followup.check_link(CaseLink.objects.create(case_id="104567", consultation=consultation))
    proposals[0].refresh_from_db()
    assert proposals[0].outcome_status == ""


def test_timer_checks_linked_cases_and_survives_a_broken_one(sample_server, home_page):
    consultation, _ = answered_consultation(home_page)
    CaseLink.objects.create(case_id="999999", consultation=consultation)  # not in the export
    CaseLink.objects.create(case_id="104640", consultation=consultation)
    run_all(["stortinget"])
    assert CaseLink.objects.get(case_id="104640").status == "til_behandling"
    assert CaseLink.objects.get(case_id="999999").last_checked_at is None


def test_case_link_needs_a_consultation_or_a_proposal():
    with pytest.raises(ValidationError, match="Velg en høring eller et forslag"):
        CaseLink(case_id="1").clean()
