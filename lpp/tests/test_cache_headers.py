"""What shared caches in front of the site are told (base/cache.py): public pages may be
kept by the edge, nothing personal may, and Vary names only what changes a page."""

import pytest
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Om oss", slug="om-oss", intro="Om LPP")


def _directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_public_page_may_be_kept_by_shared_caches(client, page, settings):
    settings.LPP_BROWSER_CACHE_SECONDS = 60
    settings.LPP_PAGE_CACHE_SECONDS = 600
    settings.LPP_STALE_WHILE_REVALIDATE_SECONDS = 30
    response = client.get("/om-oss/")
    assert response.status_code == 200
    assert _directives(response) == {
        "public",
        "max-age=60",
        "s-maxage=600",
        "stale-while-revalidate=30",
    }


@pytest.mark.parametrize("settings_page_cache", [True, False])
def test_the_headers_do_not_depend_on_the_django_page_cache(
    client, page, settings, settings_page_cache
):
    settings.LPP_PAGE_CACHE_ENABLED = settings_page_cache
    assert "public" in _directives(client.get("/om-oss/"))


def test_a_logged_in_visitor_gets_private_no_store(client, page, make_user):
    client.force_login(make_user("Sekretariat"))
    directives = _directives(client.get("/om-oss/"))
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_a_password_protected_page_is_private_no_store(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    response = client.get("/om-oss/")
    assert "Om LPP" not in response.content.decode()
    directives = _directives(response)
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_a_visitor_let_through_a_password_is_private_no_store(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    restriction = PageViewRestriction.objects.get(page=page)
    form_url = f"/_util/authenticate_with_password/{restriction.id}/{page.id}/"
    client.post(form_url, {"password": "hemmelig", "return_url": "/om-oss/"})
    response = client.get("/om-oss/")
    assert "Om LPP" in response.content.decode()
    assert {"private", "no-store"} <= _directives(response)


def test_the_admin_is_private_no_store(client, make_user):
    client.force_login(make_user("Sekretariat"))
    assert {"private", "no-store"} <= _directives(client.get("/admin/"))
    client.logout()
    assert "public" not in _directives(client.get("/admin/login/"))


def test_a_missing_page_is_not_marked_public(client, home_page):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "public" not in _directives(response)


def test_public_pages_do_not_vary_on_the_browser_language(client, page):
    response = client.get("/om-oss/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",")}
    assert "accept-language" not in vary
    # Logged-in editors see another page (the userbar): the cookie still matters.
    assert "cookie" in vary
