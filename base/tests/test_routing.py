"""Routing in one query (base.routing): the same pages, 404s and restrictions as Wagtail's
slug-by-slug walk, at any depth."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from agreement.models import AgreementPage
from base.routing import breadcrumb_ancestors
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def add(parent, title, slug, live=True):
    page = StandardPage(title=title, slug=slug, live=live)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def tree(home_page):
    """home → om-lpp → styret → leder, and a draft page with a live child."""
    about = add(home_page, "Om LPP", "om-lpp")
    board = add(about, "Styret", "styret")
    leader = add(board, "Leder", "leder")
    draft = add(home_page, "Kladd", "kladd", live=False)
    under_draft = add(draft, "Under kladd", "under-kladd")
    return {"about": about, "board": board, "leader": leader, "draft": draft, "under": under_draft}


def routed(home_page, path, rf):
    request = rf.get(path)
    return home_page.specific.route(request, [part for part in path.split("/") if part])


def test_a_deep_page_is_routed_to_its_specific_type(home_page, tree, rf):
    result = routed(home_page, "/om-lpp/styret/leder/", rf)
    assert result.page.pk == tree["leader"].pk
    assert isinstance(result.page, StandardPage)


def test_routing_takes_two_queries_at_any_depth(home_page, tree, rf):
    home = home_page.specific
    for path in ("/om-lpp/", "/om-lpp/styret/leder/"):
        request = rf.get(path)
        with CaptureQueriesContext(connection) as captured:
            home.route(request, [part for part in path.split("/") if part])
        assert len(captured) == 2, path  # the chain, then the page served


@pytest.mark.parametrize("path", ["/finnes-ikke/", "/om-lpp/finnes-ikke/", "/om-lpp/leder/"])
def test_a_missing_level_is_not_found(client, tree, path):
    assert client.get(path).status_code == 404


def test_a_page_that_is_not_live_is_not_found(client, tree):
    assert client.get("/kladd/").status_code == 404


def test_a_live_page_below_a_draft_is_routed_as_wagtail_routes_it(home_page, tree, rf):
    assert routed(home_page, "/kladd/under-kladd/", rf).page.pk == tree["under"].pk


def test_a_live_page_below_a_draft_is_not_served_to_the_public(client, tree):
    # base.visibility: a section that is not published is hidden with everything below it.
    assert client.get("/kladd/under-kladd/").status_code == 404


def test_a_renamed_page_is_found_at_its_new_address_only(client, tree):
    board = tree["board"]
    board.slug = "landsstyret"
    board.save()
    assert client.get("/om-lpp/landsstyret/leder/").status_code == 200
    assert client.get("/om-lpp/styret/leder/").status_code == 404


def test_a_moved_page_is_found_at_its_new_address_only(client, home_page, tree):
    tree["leader"].move(tree["about"], pos="last-child")
    assert client.get("/om-lpp/leder/").status_code == 200
    old = client.get("/om-lpp/styret/leder/")  # Wagtail's redirect to the new address, if any
    assert old.status_code == 404 or old["Location"] == "/om-lpp/leder/"


def test_a_page_type_with_routes_of_its_own_gets_the_rest_of_the_path(
    client, home_page, monkeypatch
):
    agreement = AgreementPage(title="Pårørendeavtale", slug="avtale", version="0.1", live=True)
    home_page.add_child(instance=agreement)
    seen = []
    original = AgreementPage.route

    def spy(self, request, path_components):
        seen.append(list(path_components))
        return original(self, request, path_components)

    monkeypatch.setattr(AgreementPage, "route", spy)
    client.get("/avtale/versjon/1-2/")
    assert seen == [["versjon", "1-2"]]


def test_restrictions_are_those_wagtail_finds_for_the_page_and_its_ancestors(tree):
    PageViewRestriction.objects.create(
        page=tree["about"], restriction_type="password", password="x"
    )
    PageViewRestriction.objects.create(page=tree["draft"], restriction_type="login")
    for page in tree.values():
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours == wagtails, page.slug


def test_a_restriction_on_an_ancestor_asks_for_the_password(client, tree):
    PageViewRestriction.objects.create(
        page=tree["about"], restriction_type="password", password="x"
    )
    response = client.get("/om-lpp/styret/leder/")
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert "Leder" not in response.content.decode().split("<main")[-1].split("</h1>")[0]


def test_an_alias_has_the_restrictions_of_its_source(home_page, tree):
    restriction = PageViewRestriction.objects.create(page=tree["board"], restriction_type="login")
    alias = tree["board"].create_alias(parent=home_page, update_slug="styret-kopi")
    assert list(alias.specific.get_view_restrictions()) == [restriction]


def test_breadcrumbs_from_routing_match_the_tree(home_page, tree, rf):
    served = routed(home_page, "/om-lpp/styret/leder/", rf).page
    fresh = StandardPage.objects.get(pk=served.pk)
    with CaptureQueriesContext(connection) as captured:
        from_route = breadcrumb_ancestors(served)
    assert len(captured) == 0
    assert [p.pk for p in from_route] == [p.pk for p in breadcrumb_ancestors(fresh)]
    assert [p.pk for p in from_route] == [home_page.pk, tree["about"].pk, tree["board"].pk]


@pytest.mark.parametrize("path", ["/om-lpp/%00/", "/" + "a/" * 70])
def test_an_impossible_path_is_not_found(client, tree, path):
    assert client.get(path).status_code == 404
