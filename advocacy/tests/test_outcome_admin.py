"""Staff record, correct and publish outcomes in the admin."""

import datetime

import pytest
from django.urls import reverse

from advocacy.models import OutcomeEvent, Proposal
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
D = datetime.date
LIST_URL = "wagtailsnippets_advocacy_proposal:list"


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def document(home_page):
    return DocumentFactory(parent=home_page, title="Høringssvar: endringer i helsepersonelloven")


@pytest.fixture
def proposal(document):
    return ProposalFactory(
        source_page=document,
        text="Pårørende skal få informasjon.",
        submitted_on=D(2025, 3, 1),
        target_authority=AuthorityFactory(),
    )


def record_url(proposal):
    return proposal_url("record", proposal.pk)


def timeline_url(proposal):
    return snippet_url("advocacy.proposal", "inspect", proposal.pk)


def test_staff_record_a_draft_then_publish_it(staff_client, proposal, staff):
    response = staff_client.get(record_url(proposal))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lagre som utkast" in html and "Lagre og publiser" in html
    response = staff_client.post(record_url(proposal), event_form_data(staff_note="Ring HOD"))
    assert response.status_code == 302 and response["Location"] == timeline_url(proposal)
    event = OutcomeEvent.objects.get()
    assert event.recorded_by == staff and not event.is_published
    proposal.refresh_from_db()
    assert proposal.outcome_status == ""
    timeline = staff_client.get(timeline_url(proposal)).content.decode()
    assert "Utkast" in timeline and "Ring HOD" in timeline
    response = staff_client.post(proposal_url("publish", event.pk))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.outcome_status == "adopted"


def test_record_and_publish_in_one_go(staff_client, proposal):
    staff_client.post(record_url(proposal), event_form_data(kind="rejected", action="publish"))
    proposal.refresh_from_db()
    assert proposal.outcome_status == "rejected"


def test_a_double_click_on_lagre_og_publiser_records_the_event_once(staff_client, proposal):
    data = event_form_data(kind="rejected", action="publish")
    staff_client.post(record_url(proposal), data)
    response = staff_client.post(record_url(proposal), data)
    assert response.status_code == 200
    assert "Hendelsen er allerede registrert" in response.content.decode()
    assert OutcomeEvent.objects.filter(proposal=proposal).count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"date": "01.02.2025"}, "før forslaget ble sendt inn (1. mars 2025)"),
        (
            {
                "kind": "implemented",
                "evidence_kind": "",
                "evidence_title": "",
                "evidence_url": "",
                "evidence_chapter": "",
                "evidence_quote": "",
            },
            "«Gjennomført» må dokumenteres",
        ),
        ({"evidence_url": "javascript:alert(1)"}, "http:// eller https://"),
        ({"date": "31.02.2025"}, "dd.mm.åååå"),
        ({"kind": ""}, "Velg hva som skjedde."),
    ],
)
def test_bad_input_is_refused_in_norwegian_and_nothing_saved(
    staff_client, proposal, change, message
):
    response = staff_client.post(record_url(proposal), event_form_data(action="publish", **change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutcomeEvent.objects.exists()


def test_correction_keeps_the_earlier_version_for_staff(staff_client, proposal):
    original = record_event(
        proposal, event_data("adopted", staff_note="Første versjon"), publish=True
    )
    url = proposal_url("correct", original.pk)
    form = staff_client.get(url).content.decode()
    assert "Prop. 85 L (2024–2025)" in form  # prefilled from the original
    staff_client.post(
        url,
        event_form_data(kind="partly_adopted", action="publish", staff_note="Rettet: bare delvis"),
    )
    assert OutcomeEvent.objects.count() == 2
    timeline = staff_client.get(timeline_url(proposal)).content.decode()
    assert "Tidligere versjoner (rettet)" in timeline
    assert "Første versjon" in timeline and "Rettet: bare delvis" in timeline
    proposal.refresh_from_db()
    assert proposal.outcome_status == "partly_adopted"


def test_the_proposal_list_filters_by_status_freshness_authority_and_document(
    staff_client, document, home_page
):
    other_doc = DocumentFactory(parent=home_page, title="Høringssvar: tvang")
    hdir = AuthorityFactory(name="Helsedirektoratet", short_name="Hdir")
    adopted = ProposalFactory(
        source_page=document, text="Vedtatt forslag", target_authority=AuthorityFactory()
    )
    record_event(adopted, event_data("adopted"), publish=True)
    ProposalFactory(source_page=other_doc, text="Ubesvart forslag", target_authority=hdir)
    url = reverse(LIST_URL)
    html = staff_client.get(url).content.decode()
    assert "Vedtatt forslag" in html and "Ubesvart forslag" in html
    html = staff_client.get(url, {"status": "adopted"}).content.decode()
    assert "Vedtatt forslag" in html and "Ubesvart forslag" not in html
    html = staff_client.get(url, {"status": "none"}).content.decode()
    assert "Vedtatt forslag" not in html and "Ubesvart forslag" in html
    html = staff_client.get(url, {"authority": hdir.pk}).content.decode()
    assert "Vedtatt forslag" not in html and "Ubesvart forslag" in html
    html = staff_client.get(url, {"document": other_doc.pk}).content.decode()
    assert "Vedtatt forslag" not in html and "Ubesvart forslag" in html
    html = staff_client.get(url, {"freshness": "stale"}).content.decode()
    assert "Ubesvart forslag" in html  # submitted 1 March 2025, nothing since
    html = staff_client.get(url, {"year": "2025"}).content.decode()
    assert "Ubesvart forslag" in html


def test_the_list_renders_with_a_constant_number_of_queries(
    staff_client, document, django_assert_max_num_queries
):
    for number in range(3):
        record_event(
            ProposalFactory(source_page=document, text=f"Forslag {number}"),
            event_data(),
            publish=True,
        )
    url = reverse(LIST_URL)
    staff_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(url).status_code == 200
    for number in range(3, 30):
        record_event(
            ProposalFactory(source_page=document, text=f"Forslag {number}"),
            event_data(),
            publish=True,
        )
    with CaptureQueriesContext(connection) as many:
        staff_client.get(url)
    assert len(many) == len(few)


def test_bulk_record_the_same_event_for_several_proposals(staff_client, document):
    first = ProposalFactory(source_page=document, text="Første")
    second = ProposalFactory(source_page=document, text="Andre")
    url = reverse("wagtail_bulk_action", args=["advocacy", "proposal", "record_outcome"])
    query = f"?id={first.pk}&id={second.pk}&next={reverse(LIST_URL)}"
    page = staff_client.get(url + query)
    assert page.status_code == 200 and "Første" in page.content.decode()
    response = staff_client.post(
        url + query, event_form_data(kind="not_addressed", action="publish")
    )
    assert response.status_code == 302
    assert (
        OutcomeEvent.objects.filter(kind="not_addressed", published_at__isnull=False).count() == 2
    )
    assert set(Proposal.objects.values_list("outcome_status", flat=True)) == {"not_addressed"}


def test_bulk_record_refuses_all_when_one_does_not_fit(staff_client, document):
    first = ProposalFactory(source_page=document, text="Første", submitted_on=D(2025, 1, 1))
    second = ProposalFactory(source_page=document, text="Andre", submitted_on=D(2025, 9, 1))
    url = reverse("wagtail_bulk_action", args=["advocacy", "proposal", "record_outcome"])
    response = staff_client.post(f"{url}?id={first.pk}&id={second.pk}", event_form_data())
    assert response.status_code == 200
    assert "«Andre»" in response.content.decode()
    assert not OutcomeEvent.objects.exists()


def test_bulk_publish_drafts(staff_client, document):
    first = ProposalFactory(source_page=document, text="Første")
    second = ProposalFactory(source_page=document, text="Andre")
    record_event(first, event_data("adopted"))
    record_event(second, event_data("rejected"))
    url = reverse("wagtail_bulk_action", args=["advocacy", "proposal", "publish_outcomes"])
    query = f"?id={first.pk}&id={second.pk}"
    assert "2 upubliserte hendelser" in staff_client.get(url + query).content.decode()
    staff_client.post(url + query)
    assert not OutcomeEvent.objects.drafts().exists()
    assert sorted(Proposal.objects.values_list("outcome_status", flat=True)) == [
        "adopted",
        "rejected",
    ]


def test_the_board_reads_but_does_not_record(client, make_user, proposal):
    client.force_login(make_user(roles.BOARD))
    assert client.get(reverse(LIST_URL)).status_code == 200
    assert client.get(timeline_url(proposal)).status_code == 200
    assert client.get(record_url(proposal)).status_code in (302, 403)
    response = client.post(record_url(proposal), event_form_data(action="publish"))
    assert response.status_code in (302, 403)
    assert not OutcomeEvent.objects.exists()


def test_nobody_adds_or_edits_proposal_records_by_hand(client, make_user, proposal):
    client.force_login(make_user(superuser=True))
    html = client.get(reverse(LIST_URL)).content.decode()
    assert snippet_url("advocacy.proposal", "add") not in html
    edit = client.get(snippet_url("advocacy.proposal", "edit", proposal.pk))
    assert edit.status_code in (302, 403)


def test_the_document_admin_links_to_its_proposals(staff_client, proposal, document, home_page):
    roles.grant_site_permissions(home_page)
    edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[document.pk])).content.decode()
    expected = reverse(LIST_URL) + f"?document={document.pk}"
    assert "Forslag og utfall" in edit and expected in edit
    plain = DocumentFactory(parent=home_page, title="Om LPP")
    edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[plain.pk])).content.decode()
    assert "?document=" not in edit


def test_nonsense_in_the_list_filters_is_not_an_error(staff_client, proposal):
    url = reverse(LIST_URL)
    params = {"year": "abc", "status": "zzz", "freshness": "x", "document": "999999", "theme": "y"}
    assert staff_client.get(url, params).status_code == 200
    for name in ("status_by_authority", "stale", "adoption", "half_year"):
        report = reverse(f"advocacy_reports:{name}")
        response = staff_client.get(report, {**params, "group": "q", "date_from": "31.02.2025"})
        assert response.status_code == 200, name


def test_correcting_an_already_corrected_event_is_refused_in_norwegian(staff_client, proposal):
    original = record_event(proposal, event_data("adopted"), publish=True)
    url = proposal_url("correct", original.pk)
    staff_client.post(url, event_form_data(kind="rejected", action="publish"))
    response = staff_client.post(url, event_form_data(kind="not_addressed", action="publish"))
    assert response.status_code == 200
    assert "allerede rettet" in response.content.decode()
    assert OutcomeEvent.objects.count() == 2


def test_a_mistaken_draft_is_discarded_and_a_published_event_is_not(staff_client, proposal):
    published = record_event(proposal, event_data("consideration", D(2025, 5, 1)), publish=True)
    draft = record_event(proposal, event_data("rejected", D(2025, 6, 1)))
    timeline = staff_client.get(timeline_url(proposal)).content.decode()
    assert "Forkast utkastet" in timeline
    response = staff_client.post(proposal_url("discard", draft.pk), follow=True)
    assert "Utkastet er forkastet." in response.content.decode()
    assert list(OutcomeEvent.objects.all()) == [published]
    proposal.refresh_from_db()
    assert proposal.outcome_status == "consideration"

    response = staff_client.post(proposal_url("discard", published.pk), follow=True)
    assert "Bare et utkast som aldri er publisert kan forkastes" in response.content.decode()
    assert OutcomeEvent.objects.filter(pk=published.pk).exists()


def test_discarding_a_draft_correction_of_a_draft_gives_the_first_draft_back(proposal):
    from advocacy.outcomes import correct_event, discard_draft

    first = record_event(proposal, event_data("consideration", D(2025, 5, 1)))
    correction = correct_event(first, event_data("rejected", D(2025, 5, 1)))
    first.refresh_from_db()
    assert not first.is_current
    assert discard_draft(correction)
    first.refresh_from_db()
    assert first.is_current and not first.is_published


def test_only_staff_who_record_outcomes_may_discard(client, make_user, proposal):
    draft = record_event(proposal, event_data("rejected", D(2025, 6, 1)))
    client.force_login(make_user(roles.BOARD))
    response = client.post(proposal_url("discard", draft.pk))
    assert response.status_code in (302, 403)
    assert OutcomeEvent.objects.filter(pk=draft.pk).exists()


def test_the_proposal_list_gives_the_day_it_was_sent_not_the_time_since(staff_client, proposal):
    html = staff_client.get(reverse(LIST_URL)).content.decode()
    assert '<time datetime="2025-03-01">1. mars 2025</time>' in html
    assert "siden" not in html.split("<tbody")[1]
