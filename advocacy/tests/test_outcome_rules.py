"""Status, freshness and the rules every outcome event obeys."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from advocacy.models import OutcomeEvent, OutcomeSettings, Proposal
from advocacy.outcomes import (
    correct_event,
    months_before,
    outcome_summary,
    publish_events,
    record_event,
    record_events,
    with_freshness,
)

from .factories import DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def document(home_page):
    return DocumentFactory(parent=home_page)


@pytest.fixture
def proposal(document):
    return ProposalFactory(source_page=document, submitted_on=D(2025, 3, 1))


def status_of(proposal):
    proposal.refresh_from_db()
    return proposal.outcome_status


def test_a_proposal_without_events_is_not_assessed_yet(proposal):
    assert status_of(proposal) == ""
    assert proposal.public_status_label == "Ikke vurdert ennå"


def test_status_is_the_latest_decisive_published_event(proposal):
    record_event(proposal, event_data("submitted", D(2025, 3, 1)), publish=True)
    record_event(proposal, event_data("consideration", D(2025, 4, 1)), publish=True)
    assert status_of(proposal) == "consideration"
    record_event(proposal, event_data("partly_adopted", D(2025, 6, 1)), publish=True)
    # A meeting after the decision is progress, not a new status.
    record_event(proposal, event_data("dialogue", D(2025, 9, 1)), publish=True)
    assert status_of(proposal) == "partly_adopted"
    assert proposal.outcome_date == D(2025, 6, 1)
    assert proposal.outcome_last_event_on == D(2025, 9, 1)
    record_event(proposal, event_data("implemented", D(2026, 1, 15)), publish=True)
    assert status_of(proposal) == "implemented"


def test_an_older_decisive_event_recorded_later_does_not_override_a_newer_one(proposal):
    record_event(proposal, event_data("rejected", D(2025, 10, 1)), publish=True)
    record_event(proposal, event_data("adopted", D(2025, 5, 1)), publish=True)
    assert status_of(proposal) == "rejected"


def test_a_draft_does_not_change_the_public_status_until_published(proposal):
    record_event(proposal, event_data("adopted", D(2025, 6, 1)), publish=False)
    assert status_of(proposal) == ""
    publish_events(OutcomeEvent.objects.filter(proposal=proposal))
    assert status_of(proposal) == "adopted"


def test_an_event_dated_before_submission_is_refused_and_nothing_saved(proposal):
    with pytest.raises(ValidationError) as error:
        record_event(proposal, event_data("adopted", D(2025, 2, 1)), publish=True)
    assert "før forslaget ble sendt inn (1. mars 2025)" in str(error.value)
    assert not OutcomeEvent.objects.exists()
    assert status_of(proposal) == ""


def test_a_submitted_event_sets_the_submission_date(proposal):
    record_event(proposal, event_data("submitted", D(2025, 2, 20)), publish=True)
    proposal.refresh_from_db()
    assert proposal.submitted_on == D(2025, 2, 20)
    record_event(proposal, event_data("acknowledged", D(2025, 2, 25)), publish=True)
    assert status_of(proposal) == "acknowledged"


def test_implemented_without_evidence_is_refused(proposal):
    data = event_data(
        "implemented",
        D(2025, 8, 1),
        evidence_kind="",
        evidence_title="",
        evidence_url="",
        evidence_chapter="",
        evidence_quote="",
    )
    with pytest.raises(ValidationError) as error:
        record_event(proposal, data, publish=True)
    assert "«Gjennomført» må dokumenteres" in str(error.value)
    assert not OutcomeEvent.objects.exists()


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "regjeringen.no", "https://"]
)
def test_an_evidence_link_that_is_not_http_is_refused(proposal, url):
    with pytest.raises(ValidationError) as error:
        record_event(proposal, event_data(evidence_url=url), publish=True)
    assert "http:// eller https://" in str(error.value)
    assert not OutcomeEvent.objects.exists()


def test_a_future_date_is_refused(proposal):
    with pytest.raises(ValidationError) as error:
        record_event(proposal, event_data(date=D(2099, 1, 1)))
    assert "frem i tid" in str(error.value)


def test_evidence_details_without_a_kind_are_refused(proposal):
    with pytest.raises(ValidationError) as error:
        record_event(proposal, event_data(evidence_kind=""))
    assert "Velg hva slags kilde" in str(error.value)


def test_bulk_recording_is_all_or_nothing(document):
    early = ProposalFactory(source_page=document, text="A", submitted_on=D(2025, 1, 10))
    late = ProposalFactory(source_page=document, text="B", submitted_on=D(2025, 7, 1))
    with pytest.raises(ValidationError) as error:
        record_events([early, late], event_data("adopted", D(2025, 6, 1)), publish=True)
    assert "«B»" in str(error.value)
    assert not OutcomeEvent.objects.exists()
    events = record_events([early, late], event_data("adopted", D(2025, 7, 2)), publish=True)
    assert len(events) == 2
    assert set(Proposal.objects.values_list("outcome_status", flat=True)) == {"adopted"}


def test_correcting_keeps_the_earlier_version(proposal, make_user):
    user = make_user()
    original = record_event(proposal, event_data("adopted", D(2025, 6, 1)), user, publish=True)
    corrected = correct_event(
        original, event_data("partly_adopted", D(2025, 6, 1)), user, publish=True
    )
    original.refresh_from_db()
    assert original.superseded_at is not None and original.kind == "adopted"
    assert corrected.corrects == original and corrected.is_current
    assert status_of(proposal) == "partly_adopted"
    assert OutcomeEvent.objects.count() == 2
    with pytest.raises(ValidationError) as error:
        correct_event(original, event_data("rejected"), user)
    assert "allerede rettet" in str(error.value)


def test_a_draft_correction_leaves_the_published_version_public_until_published(proposal):
    original = record_event(proposal, event_data("adopted", D(2025, 6, 1)), publish=True)
    draft = correct_event(original, event_data("rejected", D(2025, 6, 1)), publish=False)
    original.refresh_from_db()
    assert original.is_current and status_of(proposal) == "adopted"
    with pytest.raises(ValidationError) as error:
        correct_event(original, event_data("not_addressed", D(2025, 6, 1)))
    assert "venter på publisering" in str(error.value)
    publish_events(OutcomeEvent.objects.filter(pk=draft.pk))
    original.refresh_from_db()
    assert not original.is_current and status_of(proposal) == "rejected"


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(D(2026, 8, 31), 6) == D(2026, 2, 28)
    assert months_before(D(2026, 3, 15), 15) == D(2024, 12, 15)


def test_freshness_is_kept_apart_from_status(document):
    settings = OutcomeSettings.load()
    settings.stale_after_months = 6
    settings.save()
    quiet = ProposalFactory(source_page=document, text="Stille", submitted_on=D(2025, 1, 1))
    recent = ProposalFactory(source_page=document, text="Nylig", submitted_on=D(2025, 1, 1))
    record_event(recent, event_data("consideration", D(2025, 9, 1)), publish=True)
    closed = ProposalFactory(source_page=document, text="Avgjort", submitted_on=D(2025, 1, 1))
    record_event(closed, event_data("rejected", D(2025, 2, 1)), publish=True)
    adopted_long_ago = ProposalFactory(
        source_page=document, text="Vedtatt", submitted_on=D(2025, 1, 1)
    )
    record_event(adopted_long_ago, event_data("adopted", D(2025, 2, 1)), publish=True)
    # A draft is not news to the public: freshness follows published events.
    record_event(quiet, event_data("dialogue", D(2025, 10, 1)), publish=False)

    def freshness(on):
        rows = with_freshness(Proposal.objects.all(), on=on).values_list("text", "freshness")
        return dict(rows)

    assert freshness(D(2025, 6, 30)) == {
        "Stille": "active",
        "Nylig": "active",
        "Avgjort": "final",
        "Vedtatt": "active",
    }
    assert freshness(D(2025, 8, 2)) == {
        "Stille": "stale",
        "Nylig": "active",
        "Avgjort": "final",
        "Vedtatt": "stale",
    }
    assert freshness(D(2026, 3, 2))["Nylig"] == "stale"
    settings.stale_after_months = 12
    settings.save()
    assert (
        dict(
            with_freshness(Proposal.objects.all(), on=D(2025, 7, 2)).values_list(
                "text", "freshness"
            )
        )["Stille"]
        == "active"
    )


def test_outcome_summary_counts_wholly_or_partly_adopted(document):
    kinds = ["adopted", "partly_adopted", "implemented", "rejected", "not_addressed", None, None]
    for number, kind in enumerate(kinds):
        proposal = ProposalFactory(source_page=document, text=f"Forslag {number}")
        if kind:
            record_event(proposal, event_data(kind, D(2025, 6, 1)), publish=True)
    summary = outcome_summary(Proposal.objects.filter(source_page=document))
    assert summary["text"] == "3 av 7 forslag helt eller delvis tatt til følge"
    assert (summary["adopted"], summary["decided"], summary["total"]) == (3, 5, 7)
