"""The API a reader can use (issue 13 item 12): a page's summary, published text,
themes and proposals with their public status; ``?fields=`` accepts them; ``?search=``
is the project's own Norwegian search with public results only."""

import pytest
from wagtail.models import PageViewRestriction

from consultations.models import ConsultationResponsePage
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(home_page, django_capture_on_commit_callbacks):
    """Publish a standard page, running the after-commit search indexing."""

    def make(title, intro, body_text=""):
        body = [("paragraph", f"<p>{body_text}</p><p>Andre avsnitt.</p>")] if body_text else []
        with django_capture_on_commit_callbacks(execute=True):
            return StandardPageFactory(parent=home_page, title=title, intro=intro, body=body)

    return make


def test_a_page_gives_its_summary_and_published_text_as_plain_text(client, publish):
    page = publish("Om avlastning", "Kort om avlastning.", "Pårørende trenger <b>avlastning</b>.")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["summary"] == "Kort om avlastning."
    assert "Pårørende trenger avlastning." in data["body_text"]
    assert "Andre avsnitt." in data["body_text"]
    assert "<" not in data["body_text"]


def test_a_draft_change_is_never_in_the_api(client, publish):
    page = publish("Om avlastning", "Publisert ingress.", "Publisert tekst.")
    page.intro = "Hemmelig utkast."
    page.body = [("paragraph", "<p>Hemmelig utkasttekst.</p>")]
    page.save_revision()
    body = client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    assert "Publisert ingress." in body
    assert "Hemmelig" not in body


def test_the_listing_accepts_the_reader_fields(client, publish):
    publish("Om avlastning", "Kort om avlastning.")
    response = client.get("/api/v2/pages/?fields=summary,body_text,themes,proposals")
    assert response.status_code == 200
    item = next(i for i in response.json()["items"] if i["title"] == "Om avlastning")
    assert item["summary"] == "Kort om avlastning."
    assert item["themes"] == [] and item["proposals"] == []


def test_the_reader_fields_are_not_filters(client, publish):
    publish("Om avlastning", "Kort om avlastning.")
    response = client.get("/api/v2/pages/?proposals=1")
    assert response.status_code == 400
    assert response.json()["message"] == "Ukjent parameter: proposals."


def test_a_response_gives_its_letter_facts_themes_and_proposals_with_status(client, demo_site):
    page = ConsultationResponsePage.objects.live().filter(proposals__isnull=False).first()
    assert page is not None, "the demo has a response with proposals"
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["summary"] == page.summary
    assert data["body_text"]
    assert data["authority"] == page.consultation.authority.name
    assert data["letter_date"] == (page.letter_date.isoformat() if page.letter_date else None)
    assert {theme["slug"] for theme in data["themes"]} == {
        theme.slug for theme in page.consultation.themes.all()
    }
    for proposal in data["proposals"]:
        assert proposal["status"]["label"]
        assert proposal["detail_url"].endswith(f"/api/v2/proposals/{proposal['id']}/")
        assert client.get(f"/api/v2/proposals/{proposal['id']}/").status_code == 200


def test_the_api_never_shows_a_staff_note(client, demo_site):
    from advocacy.models import OutcomeEvent

    event = OutcomeEvent.objects.filter(proposal__source_page__live=True).first()
    assert event is not None, "the demo has outcome events"
    OutcomeEvent.objects.filter(pk=event.pk).update(staff_note="INTERNMERKNAD-123")
    pages = client.get(f"/api/v2/pages/{event.proposal.source_page_id}/").content.decode()
    proposals = client.get("/api/v2/proposals/?fields=*&limit=100").content.decode()
    assert "INTERNMERKNAD-123" not in pages + proposals


def test_search_finds_public_pages_with_the_norwegian_search(client, publish):
    publish("Om avlastning", "Pårørende trenger avlastningstilbud i kommunen.")
    publish("Om bolig", "Noe helt annet.")
    response = client.get("/api/v2/pages/?search=avlastning")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Om avlastning"]


def test_search_leaves_out_a_page_restricted_after_it_was_indexed(client, publish):
    page = publish("Om avlastning", "Pårørende trenger avlastning.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    body = client.get("/api/v2/pages/?search=avlastning").json()
    assert body["items"] == [] and body["meta"]["total_count"] == 0


def test_search_without_words_finds_nothing(client, publish):
    publish("Om avlastning", "Pårørende trenger avlastning.")
    assert client.get("/api/v2/pages/?search=").json()["items"] == []


def test_search_works_on_proposals_too(client, demo_site):
    from search import indexer

    indexer.rebuild()
    response = client.get("/api/v2/proposals/?search=pårørende&fields=text")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all("pårørende" in item["text"].lower() for item in items[:3])
