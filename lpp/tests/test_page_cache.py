"""The public page cache (base/cache.py): a second visitor is served without touching
the database, and publishing, unpublishing or editing content shows at once."""

import pytest
from django.core.cache import cache

from advocacy.tests.factories import ThemeFactory
from base.cache import HEADER
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.LPP_PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(home_page):
    from wagtail.models import Site

    from home.models import OrganisationSettings

    # Made on a site's first visit otherwise, which (being content) empties the cache.
    OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    return StandardPageFactory(
        parent=home_page, title="Om oss", slug="om-oss", intro="Første versjon"
    )


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, page, django_assert_num_queries
):
    first = client.get("/om-oss/")
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/om-oss/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    # Security headers are still on the cached answer.
    assert "script-src 'self'" in second["Content-Security-Policy"]


def test_publishing_a_new_version_shows_at_once(client, page):
    client.get("/om-oss/")
    page.intro = "Andre versjon"
    page.save_revision().publish()
    response = client.get("/om-oss/")
    assert response[HEADER] == "miss"
    assert "Andre versjon" in response.content.decode()


def test_saving_a_draft_does_not_change_what_the_public_sees(client, page):
    client.get("/om-oss/")
    page.intro = "Utkast som ikke er publisert"
    page.save_revision()
    response = client.get("/om-oss/")
    assert "Første versjon" in response.content.decode()
    assert "Utkast som ikke er publisert" not in response.content.decode()


def test_unpublishing_removes_the_page_from_the_cache(client, page):
    assert client.get("/om-oss/").status_code == 200
    page.unpublish()
    assert client.get("/om-oss/").status_code == 404


def test_editing_a_snippet_invalidates_pages_that_show_it(client, db, home_page):
    theme = ThemeFactory(name="Tvang", slug="tvang", description="Gammel tekst")
    assert "Gammel tekst" in client.get("/tema/tvang/").content.decode()
    theme.description = "Ny tekst"
    theme.save()
    assert "Ny tekst" in client.get("/tema/tvang/").content.decode()


def test_each_query_string_is_its_own_entry(client, page):
    assert client.get("/om-oss/?a=1")[HEADER] == "miss"
    assert client.get("/om-oss/?a=2")[HEADER] == "miss"
    assert client.get("/om-oss/?a=1")[HEADER] == "hit"


def test_logged_in_editors_are_never_served_from_the_cache(client, page, make_user):
    client.get("/om-oss/")
    client.force_login(make_user(superuser=True))
    response = client.get("/om-oss/")
    assert HEADER not in response


def test_the_admin_and_posts_are_never_cached(client, page):
    assert HEADER not in client.get("/admin/login/")
    assert HEADER not in client.post("/om-oss/")


def test_a_password_protected_page_is_not_cached(client, page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    first = client.get("/om-oss/")
    assert "Første versjon" not in first.content.decode()
    assert HEADER not in client.get("/om-oss/")


def test_the_cache_can_be_turned_off(client, page, settings):
    settings.LPP_PAGE_CACHE_ENABLED = False
    client.get("/om-oss/")
    assert HEADER not in client.get("/om-oss/")
