"""The staff-only note of an outcome event («Intern merknad», «Bare for sekretariatet»)
reaches the secretariat and administrators only: never the board, although it may read
proposals and their timelines (issue 12, item 5a)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from advocacy.models import OutcomeEvent
from advocacy.models.outcomes import PUBLIC_EVENT_FIELDS, can_see_staff_notes
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
NOTE = "Intern: ring saksbehandler qzxnote"


@pytest.fixture
def proposal(home_page):
    document = DocumentFactory(parent=home_page, title="Høringssvar om taushetsplikt")
    proposal = ProposalFactory(
        source_page=document,
        submitted_on=datetime.date(2025, 3, 1),
        target_authority=AuthorityFactory(),
    )
    record_event(
        proposal, event_data("adopted", public_note="Offentlig", staff_note=NOTE), publish=True
    )
    return proposal


def timeline(client, proposal):
    return client.get(snippet_url("advocacy.proposal", "inspect", proposal.pk))


@pytest.mark.parametrize(
    "role, sees",
    [(roles.STAFF, True), ("administrator", True), (roles.BOARD, False)],
)
def test_only_the_secretariat_and_administrators_see_the_note_on_the_timeline(
    client, make_user, proposal, role, sees
):
    user = make_user(superuser=True) if role == "administrator" else make_user(role)
    client.force_login(user)
    response = timeline(client, proposal)
    assert response.status_code == 200
    assert "Offentlig" in response.content.decode()
    assert (NOTE in response.content.decode()) is sees
    assert can_see_staff_notes(user) is sees


def test_someone_who_records_events_without_the_note_permission_neither_sees_nor_wipes_it(
    client, make_user, proposal
):
    # A board member given «add event» for a campaign: the form has no note field, and a
    # correction keeps the original's note for the secretariat.
    user = make_user(roles.BOARD)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="advocacy", codename="add_outcomeevent")
    )
    client.force_login(user)
    original = OutcomeEvent.objects.get(proposal=proposal)
    form_page = client.get(proposal_url("correct", original.pk))
    assert form_page.status_code == 200
    assert NOTE not in form_page.content.decode()
    assert 'name="staff_note"' not in form_page.content.decode()
    record_page = client.get(proposal_url("record", proposal.pk))
    assert 'name="staff_note"' not in record_page.content.decode()
    response = client.post(
        proposal_url("correct", original.pk),
        event_form_data("rejected", staff_note="overskrevet"),
    )
    assert response.status_code == 302
    correction = OutcomeEvent.objects.get(corrects=original)
    assert correction.staff_note == NOTE


def test_the_secretariat_writes_the_note_through_the_form(client, make_user, proposal):
    client.force_login(make_user(roles.STAFF))
    response = client.post(
        proposal_url("record", proposal.pk),
        event_form_data("rejected", date="02.06.2025", staff_note="Ny intern merknad"),
    )
    assert response.status_code == 302
    assert OutcomeEvent.objects.filter(staff_note="Ny intern merknad").exists()


def test_the_public_field_list_is_one_list_without_the_note():
    assert "staff_note" not in PUBLIC_EVENT_FIELDS
    assert "public_note" in PUBLIC_EVENT_FIELDS


@pytest.mark.parametrize(
    "report",
    ["status_by_authority", "stale", "adoption", "half_year"],
)
def test_no_outcome_report_or_export_shows_the_note_to_the_board(
    client, make_user, proposal, report
):
    client.force_login(make_user(roles.BOARD))
    for suffix in ("", "?export=csv"):
        response = client.get(reverse(f"advocacy_reports:{report}") + suffix)
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert NOTE.encode() not in content


def test_the_proposal_list_and_its_export_do_not_show_the_note_to_the_board(
    client, make_user, proposal
):
    client.force_login(make_user(roles.BOARD))
    for suffix in ("", "?export=csv"):
        response = client.get(snippet_url("advocacy.proposal", "list") + suffix)
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert NOTE.encode() not in content
