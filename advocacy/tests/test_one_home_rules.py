"""Rules written once and read everywhere: what of an outcome event the public may see, a
proposal's status label, and the half-year report's queries (shared by the report page
and its Word file)."""

import datetime

import pytest

from advocacy.models import PUBLIC_EVENT_DETAILS, PUBLIC_EVENT_FIELDS, OutcomeEvent, Proposal
from advocacy.models.outcomes import STATUS_CHOICES, status_label
from advocacy.outcomes import record_event
from advocacy.outcomes.queries import HalfYear, previous_half_year
from advocacy.outcomes.reports import HalfYearReport

from .factories import AuthorityFactory, DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def event(home_page):
    document = DocumentFactory(parent=home_page, title="Høringssvar om taushetsplikt")
    proposal = ProposalFactory(
        source_page=document,
        target_authority=AuthorityFactory(name="Helse- og omsorgsdepartementet"),
    )
    return record_event(
        proposal,
        event_data("adopted", D(2025, 8, 1), public_note="Offentlig", staff_note="Intern"),
        publish=True,
    )


def test_public_events_load_only_the_public_fields(event):
    public = OutcomeEvent.objects.public().get(pk=event.pk)
    loaded = {field.attname for field in OutcomeEvent._meta.concrete_fields}
    assert loaded - public.get_deferred_fields() == set(PUBLIC_EVENT_FIELDS)
    assert "staff_note" in public.get_deferred_fields()


def test_the_api_shows_exactly_the_public_details_of_an_event(event):
    from lpp.api import PublicEventSerializer

    data = PublicEventSerializer(OutcomeEvent.objects.public().get(pk=event.pk)).data
    assert list(data) == ["kind", "kind_label", *(n for n in PUBLIC_EVENT_DETAILS if n != "kind")]
    assert data["public_note"] == "Offentlig" and "staff_note" not in data


def test_the_half_year_export_lists_only_public_details():
    event_columns = [name for name in HalfYearReport.list_export if "." not in name]
    assert sorted(event_columns) == sorted(PUBLIC_EVENT_DETAILS)


def test_status_labels_come_from_the_status_choices():
    assert Proposal._meta.get_field("outcome_status").choices == STATUS_CHOICES
    assert status_label("") == "Ikke vurdert ennå"
    assert status_label("partly_adopted") == "Delvis tatt til følge"


def test_the_half_year_is_read_from_the_report_query_string():
    authority = AuthorityFactory(name="Statsforvalteren")
    half_year = HalfYear.from_query(
        {"date_from": "2025-07-01", "date_to": "2025-12-31", "authority": str(authority.pk)}
    )
    assert half_year == HalfYear(D(2025, 7, 1), D(2025, 12, 31), authority)


@pytest.mark.parametrize(
    "query",
    [{"date_from": "1. juli"}, {"authority": "999999"}, {"authority": "x"}],
)
def test_a_bad_query_string_gives_the_previous_half_year_for_everyone(query):
    assert HalfYear.from_query(query) == HalfYear(*previous_half_year())


def test_the_half_year_counts_the_chosen_authoritys_events_only(event):
    other = ProposalFactory(
        source_page=event.proposal.source_page,
        target_authority=AuthorityFactory(name="Helsedirektoratet"),
    )
    record_event(other, event_data("rejected", D(2025, 9, 1)), publish=True)
    everyone = HalfYear(D(2025, 7, 1), D(2025, 12, 31))
    chosen = HalfYear(D(2025, 7, 1), D(2025, 12, 31), event.proposal.target_authority)
    assert [e.pk for e in everyone.events()] == [event.pk, other.outcome_events.get().pk]
    assert [e.pk for e in chosen.events()] == [event.pk]
    assert (everyone.summary()["decided"], chosen.summary()["decided"]) == (2, 1)
