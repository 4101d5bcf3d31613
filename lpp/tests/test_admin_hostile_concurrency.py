"""Double clicks on the staff's one-way buttons (issue 12): three simultaneous «Publiser»
on a draft outcome event and three simultaneous «Ta inn» on a radar candidate each do the
work once, answer every click without a server error, and leave no duplicates. Concurrent
writers need PostgreSQL (CI runs the suite on it); recording a submission has its own test
in consultations/tests/test_submission_robustness.py."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from advocacy.models import OutcomeEvent
from advocacy.outcomes import record_event
from advocacy.tests.factories import AuthorityFactory, DocumentFactory, ProposalFactory, event_data
from base import roles
from base.admin_urls import snippet_url
from consultations.models import Consultation
from sources import radar
from sources.connectors.base import Item
from sources.models import Candidate

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need PostgreSQL (CI runs the suite on it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CLICKS = 3


def click_at_once(user, url, data=None):
    """POST ``url`` from CLICKS browsers at the same moment: [(status, what the user was
    told: the messages and, for a form shown again, the page)]."""
    barrier = threading.Barrier(CLICKS)
    results = []

    def click():
        try:
            browser = Client(raise_request_exception=False)
            browser.force_login(user)
            barrier.wait()
            response = browser.post(url, data or {})
            told = " ".join(str(m) for m in getattr(response.wsgi_request, "_messages", []))
            if response.status_code == 200:
                told += response.content.decode()
            results.append((response.status_code, told))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF)


def test_publishing_a_draft_event_three_times_at_once_publishes_it_once(staff, home_page):
    proposal = ProposalFactory(
        source_page=DocumentFactory(parent=home_page),
        submitted_on=datetime.date(2025, 3, 1),
        target_authority=AuthorityFactory(),
    )
    draft = record_event(proposal, event_data("adopted"), user=staff)
    results = click_at_once(staff, snippet_url("advocacy.proposal", "publish", draft.pk))
    assert all(status < 500 for status, _told in results), results
    assert sum("allerede publisert" in told for _status, told in results) == CLICKS - 1
    assert OutcomeEvent.objects.filter(proposal=proposal).count() == 1
    draft.refresh_from_db()
    assert draft.published_at is not None
    proposal.refresh_from_db()
    assert proposal.outcome_status == "adopted"


def test_accepting_a_radar_candidate_three_times_at_once_makes_one_consultation(staff, db):
    from advocacy.demo import load as load_advocacy
    from sources.signals import ensure_default_signals

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    load_advocacy(Quiet())
    ensure_default_signals()
    candidate = radar.store_item(
        Item(
            source="regjeringen",
            external_id="77",
            title="Høring – tvang i psykisk helsevern",
            url="https://www.regjeringen.no/no/dokumenter/x/id77/",
            authority_name="Helse- og omsorgsdepartementet",
            deadline=datetime.date(2027, 3, 1),
            published_on=datetime.date(2026, 11, 1),
        ),
        radar.load_signals(),
    )
    results = click_at_once(
        staff,
        reverse("sources_radar:accept", args=[candidate.pk]),
        {"authority": candidate.authority_id},
    )
    assert all(status < 500 for status, _told in results), results
    assert Consultation.objects.count() == 1
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.ACCEPTED
    assert sum("Denne høringen er allerede tatt inn." in told for _status, told in results) == (
        CLICKS - 1
    )
