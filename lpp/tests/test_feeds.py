"""RSS and Atom feeds for new consultation responses and outcome updates."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "nb"
    return channel.findall("item")


def test_the_responses_feed_lists_published_responses_newest_first(client, demo_site):
    from consultations.models import ConsultationResponsePage

    live = list(ConsultationResponsePage.objects.live().public().order_by("-first_published_at"))
    assert live, "demoinnholdet skal ha publiserte høringssvar"
    items = rss_items(client, "/feed/horingssvar/")
    assert [item.findtext("title") for item in items] == [page.title for page in live][:30]
    assert items[0].findtext("link") == "https://www.lpp.no" + live[0].url
    assert items[0].findtext("description") == live[0].summary

    live[0].unpublish()
    titles = [item.findtext("title") for item in rss_items(client, "/feed/horingssvar/")]
    assert live[0].title not in titles


def test_the_responses_feed_is_also_atom(client, demo_site):
    response = client.get("/feed/horingssvar/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "LPPs høringssvar"
    assert feed.findall(f"{ATOM}entry")


def test_the_outcomes_feed_shows_published_events_and_nothing_internal(client, demo_site):
    from advocacy.models import OutcomeEvent

    published = OutcomeEvent.objects.public().order_by("-published_at").first()
    assert published is not None, "demoinnholdet skal ha publiserte hendelser"
    OutcomeEvent.objects.filter(pk=published.pk).update(staff_note="INTERN-MERKNAD-123")
    draft = OutcomeEvent.objects.get(pk=published.pk)
    draft.pk, draft.published_at, draft.public_note = None, None, "UPUBLISERT-UTKAST-456"
    draft.save()

    response = client.get("/feed/utfall/")
    body = response.content.decode()
    items = rss_items(client, "/feed/utfall/")
    assert len(items) == min(30, OutcomeEvent.objects.public().count())
    assert "INTERN-MERKNAD-123" not in body and "UPUBLISERT-UTKAST-456" not in body
    first = items[0]
    assert first.findtext("title").startswith(published.get_kind_display())
    assert first.findtext("link").endswith(f"/hva-skjedde/forslag/{published.proposal_id}/")
    atom = client.get("/feed/utfall/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")


def test_pages_announce_the_feeds(client, demo_site):
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml" title="LPPs høringssvar" href="/feed/horingssvar/"' in html
