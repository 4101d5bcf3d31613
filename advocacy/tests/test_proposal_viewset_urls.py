"""The outcome event views belong to the proposal viewset: their links come from it, and the
addresses from before (/admin/utfall/…) send bookmarks and open forms on."""

import datetime

import pytest

from advocacy.models import OutcomeEvent, Proposal
from advocacy.outcomes import record_event
from base import roles
from base.admin_urls import snippet_url

from .factories import DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


@pytest.fixture
def proposal(home_page):
    return ProposalFactory(
        source_page=DocumentFactory(parent=home_page), submitted_on=datetime.date(2025, 3, 1)
    )


@pytest.fixture
def draft(proposal, make_user):
    return record_event(proposal, event_data(), make_user(roles.STAFF))


def test_the_event_views_live_under_the_proposal_viewset(proposal, draft):
    base = snippet_url(Proposal, "list")
    for view_name, pk in [
        ("record", proposal.pk),
        ("correct", draft.pk),
        ("publish", draft.pk),
        ("discard", draft.pk),
    ]:
        assert snippet_url(Proposal, view_name, pk).startswith(base), view_name


def test_the_timeline_links_to_the_viewsets_event_views(staff_client, proposal, draft):
    html = staff_client.get(snippet_url(proposal, "inspect")).content.decode()
    assert snippet_url(proposal, "record") in html
    for view_name in ("correct", "publish", "discard"):
        assert snippet_url(Proposal, view_name, draft.pk) in html, view_name


def test_the_list_rows_lead_to_record_an_event(staff_client, proposal):
    html = staff_client.get(snippet_url(Proposal, "list")).content.decode()
    assert snippet_url(proposal, "record") in html


def test_an_old_record_address_is_sent_on_to_the_viewset(staff_client, proposal):
    response = staff_client.get(f"/admin/utfall/forslag/{proposal.pk}/registrer/")
    assert response.status_code == 308
    assert response["Location"] == snippet_url(proposal, "record")


def test_a_form_posted_to_an_old_address_keeps_its_method(staff_client, draft):
    response = staff_client.post(f"/admin/utfall/hendelse/{draft.pk}/forkast/", follow=True)
    assert response.redirect_chain[0] == (snippet_url(Proposal, "discard", draft.pk), 308)
    assert not OutcomeEvent.objects.filter(pk=draft.pk).exists()
