"""The admin views: the secretariat uses them; the board does not; bad input gives a
Norwegian message and changes nothing."""

import datetime

import pytest
from django.urls import reverse

from advocacy.models import OutcomeEvent
from consultations.models import Consultation
from sources import radar
from sources.connectors.base import Item
from sources.models import Candidate, CaseLink, SourcedEvent

from .factories import answered_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user, signals):
    client.force_login(make_user("Sekretariat"))
    return client


def candidate():
    item = Item(
        source="regjeringen",
        external_id="77",
        title="Høring – tvang i psykisk helsevern",
        url="https://www.regjeringen.no/no/dokumenter/x/id77/",
        authority_name="Helse- og omsorgsdepartementet",
        deadline=datetime.date(2027, 3, 1),
        published_on=datetime.date(2026, 11, 1),
    )
    return radar.store_item(item, radar.load_signals())


def test_radar_lists_candidates_with_their_matched_words(staff_client):
    c = candidate()
    response = staff_client.get(reverse("sources_radar:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert c.title in html and "tvang" in html and "1. mars 2027" in html


def test_board_member_cannot_use_the_radar(client, make_user, signals):
    candidate()
    client.force_login(make_user("Landsstyret"))
    assert client.get(reverse("sources_radar:index")).status_code in (302, 403)


def test_accept_in_the_admin_creates_the_consultation(staff_client):
    c = candidate()
    response = staff_client.post(
        reverse("sources_radar:accept", args=[c.pk]), {"authority": c.authority_id}
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.deadline == datetime.date(2027, 3, 1)


def test_dismiss_without_reason_shows_an_error_and_changes_nothing(staff_client):
    c = candidate()
    response = staff_client.post(reverse("sources_radar:dismiss", args=[c.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "Skriv hvorfor høringen ikke er aktuell." in response.content.decode()
    c.refresh_from_db()
    assert c.status == Candidate.Status.NEW


def test_snooze_with_a_bad_date_shows_an_error(staff_client):
    c = candidate()
    response = staff_client.post(reverse("sources_radar:snooze", args=[c.pk]), {"until": "i går"})
    assert response.status_code == 200 and "gyldig dato" in response.content.decode()


def test_unknown_candidate_is_not_found(staff_client):
    assert staff_client.get(reverse("sources_radar:accept", args=[999999])).status_code == 404


def test_run_now_reads_the_sources(staff_client, sample_server):
    response = staff_client.post(reverse("sources_radar:run"))
    assert response.status_code == 302
    assert Candidate.objects.filter(source="stortinget").count() == 3


def test_linking_a_case_proposes_draft_events_to_confirm(staff_client, sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    staff_client.post(
        reverse("sources_cases:index"),
        {
            "case": "https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p=104567",
            "consultation": consultation.pk,
        },
    )
    assert CaseLink.objects.get().case_id == "104567"
    event = SourcedEvent.objects.first().event
    page = staff_client.get(reverse("sources_events:index")).content.decode()
    assert "Innst. 210 L (2026–2027)" in page
    staff_client.post(reverse("sources_events:action", args=[event.pk, "bekreft"]))
    event.refresh_from_db()
    assert event.published_at is not None


def test_bad_case_id_shows_an_error(staff_client, home_page):
    consultation, _ = answered_consultation(home_page)
    response = staff_client.post(
        reverse("sources_cases:index"), {"case": "Prop. 45 L", "consultation": consultation.pk}
    )
    assert response.status_code == 200 and "sakens ID" in response.content.decode()
    assert not CaseLink.objects.exists()


def test_evidence_form_refuses_a_link_elsewhere(staff_client, home_page):
    consultation, _ = answered_consultation(home_page)
    response = staff_client.post(
        reverse("sources_evidence:index"),
        {"consultation": consultation.pk, "url": "https://example.org/x"},
    )
    assert (
        response.status_code == 200
        and "regjeringen.no eller stortinget.no" in response.content.decode()
    )


def test_evidence_passage_accepted_from_the_admin(staff_client, sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    url = "https://www.regjeringen.no/no/dokumenter/prop.-45-l-20262027/id3100100/?ch=6"
    response = staff_client.post(
        reverse("sources_evidence:index"), {"consultation": consultation.pk, "url": url}
    )
    document_url = response.headers["Location"]
    page = staff_client.get(document_url).content.decode()
    assert "LPP nevnt ved navn" in page
    from sources.models import EvidencePassage

    passage = EvidencePassage.objects.get(link=url + "#p6-3-1")
    staff_client.post(
        reverse("sources_evidence:passage", args=[passage.pk, "ta-inn"]),
        {f"p{passage.pk}-proposal": proposals[0].pk, f"p{passage.pk}-kind": "adopted"},
    )
    event = OutcomeEvent.objects.get()
    assert event.kind == "adopted" and event.published_at is None


def test_health_panel_on_the_dashboard_names_a_broken_source(staff_client, sample_server):
    from sources.watch import run_source

    sample_server.mode = "broken"
    run_source("helsedirektoratet")
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Overvåkede kilder: 1 med feil" in html and "Svarer ikke" in html


def test_signal_words_are_edited_in_the_admin(staff_client):
    response = staff_client.get(reverse("sources_signals:index") + "?q=tvang")
    assert response.status_code == 200 and "tvang" in response.content.decode()


def test_radar_list_queries_do_not_grow_with_candidates(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            staff_client.get(reverse("sources_radar:index"))
        return len(queries)

    signals_ = radar.load_signals()
    for n in range(2):
        radar.store_item(
            Item(
                source="helsedirektoratet",
                external_id=f"a{n}",
                title=f"Høring om tvang {n}",
                url="https://www.helsedirektoratet.no/a",
            ),
            signals_,
        )
    count()  # the first request fills per-session caches
    few = count()
    for n in range(10):
        radar.store_item(
            Item(
                source="helsedirektoratet",
                external_id=f"b{n}",
                title=f"Høring om rus {n}",
                url="https://www.helsedirektoratet.no/b",
            ),
            signals_,
        )
    assert count() == few


def test_a_case_stortinget_does_not_have_is_refused_and_not_linked(
    staff_client, sample_server, home_page
):
    consultation, _ = answered_consultation(home_page)
    response = staff_client.post(
        reverse("sources_cases:index"), {"case": "999999", "consultation": consultation.pk}
    )
    assert response.status_code == 200
    assert "Fant ikke sak 999999 hos Stortinget." in response.content.decode()
    assert not CaseLink.objects.exists()


@pytest.mark.parametrize(
    "case",
    [
        "https://example.org/?p=104567",
        "https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/",
        "104 567",
        "<script>alert(1)</script>",
        "http://[::1/?p=104567",
    ],
)
def test_case_address_elsewhere_or_without_an_id_shows_an_error(staff_client, home_page, case):
    consultation, _ = answered_consultation(home_page)
    response = staff_client.post(
        reverse("sources_cases:index"), {"case": case, "consultation": consultation.pk}
    )
    assert response.status_code == 200 and "sakens ID" in response.content.decode()
    assert not CaseLink.objects.exists()


def test_case_address_from_the_open_data_export_is_understood():
    from sources.followup import parse_case_id

    assert parse_case_id("https://data.stortinget.no/eksport/sak?sakid=104567") == "104567"
    assert parse_case_id("stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p=104567#x") == (
        "104567"
    )


def test_unknown_action_on_a_proposed_event_does_not_discard_it(
    staff_client, sample_server, home_page
):
    consultation, _ = answered_consultation(home_page)
    staff_client.post(
        reverse("sources_cases:index"), {"case": "104567", "consultation": consultation.pk}
    )
    event = SourcedEvent.objects.first().event
    response = staff_client.post(reverse("sources_events:action", args=[event.pk, "slett"]))
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.superseded_at is None and event.published_at is None
