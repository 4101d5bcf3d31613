"""The site is open to other systems: the JSON API, sitemap.xml, robots.txt, canonical
addresses and Open Graph tags - and none of them shows anything unpublished."""

import json

import pytest
from wagtail.models import PageViewRestriction

from advocacy.models import Proposal
from advocacy.tests.factories import AuthorityFactory, ProposalFactory, ThemeFactory
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    def add(slug, title, publish=True):
        return StandardPageFactory(
            parent=home_page, title=title, slug=slug, intro="Ingress", live=publish
        )

    public = add("offentlig", "Offentlig side")
    draft = add("utkast", "Hemmelig utkast", publish=False)
    unpublished = add("avpublisert", "Avpublisert side")
    unpublished.unpublish()
    private = add("privat", "Privat side")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    return {"public": public, "draft": draft, "unpublished": unpublished, "private": private}


def test_the_pages_api_lists_only_live_public_pages(client, pages):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert "Offentlig side" in titles
    assert not titles & {"Hemmelig utkast", "Avpublisert side", "Privat side"}
    for key in ("draft", "unpublished", "private"):
        assert client.get(f"/api/v2/pages/{pages[key].pk}/").status_code == 404


def test_the_api_is_read_only(client, pages):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{pages['public'].pk}/").status_code == 405


def test_the_themes_api_gives_names_descriptions_and_public_addresses(client, db):
    ThemeFactory(name="Tvang", slug="tvang", description="Om tvang i psykisk helsevern.")
    item = client.get("/api/v2/themes/").json()["items"][0]
    assert item["name"] == "Tvang"
    assert item["html_url"] == "https://www.lpp.no/tema/tvang/"
    detail = client.get(f"/api/v2/themes/{item['id']}/").json()
    assert detail["description"] == "Om tvang i psykisk helsevern."


def test_the_proposals_api_shows_public_proposals_with_status_and_no_staff_fields(client, pages):
    authority = AuthorityFactory(name="Helse- og omsorgsdepartementet", short_name="HOD")
    theme = ThemeFactory(name="Tvang")
    public = ProposalFactory(
        source_page=pages["public"],
        block_id="a1",
        text="Pårørende må få informasjon.",
        target_authority=authority,
    )
    public.themes.add(theme)
    ProposalFactory(source_page=pages["draft"], block_id="b1", text="Forslag i et utkast")
    ProposalFactory(
        source_page=pages["unpublished"], block_id="c1", text="Forslag i en avpublisert side"
    )
    ProposalFactory(source_page=pages["private"], block_id="d1", text="Forslag på en privat side")
    retired = ProposalFactory(source_page=pages["public"], block_id="a2", text="Trukket forslag")
    Proposal.objects.filter(pk=retired.pk).update(retired_at="2026-01-01T00:00:00Z")

    body = client.get("/api/v2/proposals/?fields=*").content.decode()
    data = json.loads(body)
    assert [item["text"] for item in data["items"]] == ["Pårørende må få informasjon."]
    item = data["items"][0]
    assert item["target_authority"]["short_name"] == "HOD"
    assert item["themes"][0]["slug"] == "tvang"
    assert item["document"]["html_url"] == "https://www.lpp.no/offentlig/#forslag-a1"
    assert item["status"]["label"]
    for secret in ("utkast", "avpublisert", "privat", "Trukket", "staff_note", "recorded_by"):
        assert secret not in body
    for key in ("draft", "private"):
        hidden = Proposal.objects.get(source_page=pages[key])
        assert client.get(f"/api/v2/proposals/{hidden.pk}/").status_code == 404


def test_the_api_refuses_to_filter_or_order_by_fields_it_does_not_show(client, pages):
    ProposalFactory(
        source_page=pages["public"], block_id="a1", text="Et forslag", kind=Proposal.Kind.DEMAND
    )
    assert client.get("/api/v2/proposals/?kind=krav").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/proposals/?kind=forslag").json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/proposals/?block_id=a1").status_code == 400
    assert client.get("/api/v2/proposals/?order=retired_at").status_code == 400
    assert client.get("/api/v2/proposals/?order=-first_published_at").status_code == 200


def test_the_sitemap_lists_public_pages_and_themes_only(client, pages):
    ThemeFactory(name="Tvang", slug="tvang")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/offentlig/</loc>" in body
    assert "/tema/tvang/</loc>" in body
    assert "/tema/</loc>" in body
    assert "/hva-skjedde/</loc>" in body and "/strategi/</loc>" in body
    for slug in ("utkast", "avpublisert", "privat"):
        assert f"/{slug}/" not in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_have_a_canonical_address_and_open_graph_tags(client, pages):
    html = client.get("/offentlig/?utm_source=epost").content.decode()
    assert '<link rel="canonical" href="https://www.lpp.no/offentlig/">' in html
    assert '<meta property="og:title" content="Offentlig side">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="Ingress">' in html


def test_theme_pages_have_open_graph_tags_from_the_theme(client, db):
    ThemeFactory(name="Tvang", slug="tvang", description="Om tvang.")
    html = client.get("/tema/tvang/").content.decode()
    assert '<link rel="canonical" href="https://www.lpp.no/tema/tvang/">' in html
    assert '<meta property="og:title" content="Tvang">' in html
    assert '<meta property="og:description" content="Om tvang.">' in html
