import pytest

from advocacy.models import Authority, Theme
from base import roles
from base.admin_urls import snippet_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


def theme_add_url():
    return snippet_url("advocacy.theme", "add")


def test_staff_adds_a_theme_and_its_slug_is_made_from_the_name(staff_client, home_page):
    response = staff_client.post(
        theme_add_url(), {"name": "Søsken som pårørende", "slug": "", "description": "Søsken."}
    )
    assert response.status_code == 302
    theme = Theme.objects.get(name="Søsken som pårørende")
    assert theme.slug == "sosken-som-parorende"
    page = staff_client.get("/tema/sosken-som-parorende/")
    assert page.status_code == 200 and "Søsken som pårørende" in page.content.decode()


def test_a_theme_slug_that_collides_is_refused_in_norwegian(staff_client, home_page):
    Theme.objects.create(name="Tvang", slug="tvang")
    response = staff_client.post(theme_add_url(), {"name": "Tvangsbruk", "slug": "tvang"})
    assert response.status_code == 200
    assert "brukes allerede av et annet tema" in response.content.decode()
    assert Theme.objects.count() == 1


def test_a_theme_name_that_differs_only_in_case_is_refused(staff_client, home_page):
    Theme.objects.create(name="Tvang", slug="tvang")
    response = staff_client.post(theme_add_url(), {"name": "  tvang ", "slug": "tvang-2"})
    assert "finnes allerede et tema med dette navnet" in response.content.decode()
    assert Theme.objects.count() == 1


def test_a_slug_with_other_characters_is_refused(staff_client, home_page):
    response = staff_client.post(theme_add_url(), {"name": "Barn", "slug": "barn som pårørende"})
    assert "små bokstaver a–z" in response.content.decode()
    assert not Theme.objects.exists()


def test_themes_are_a_controlled_vocabulary():
    from advocacy.models import Proposal

    assert Theme.free_tagging is False
    assert Proposal._meta.get_field("themes").remote_field.model is Theme


def test_an_authority_without_a_name_is_refused(staff_client, home_page):
    url = snippet_url("advocacy.authority", "add")
    response = staff_client.post(url, {"name": "", "kind": "departement"})
    assert response.status_code == 200
    # Norwegian "required" message (wording differs between Django and DRF catalogues).
    assert "Dette feltet er påkrev" in response.content.decode()
    assert not Authority.objects.exists()


def test_an_authority_name_used_twice_is_refused(staff_client, home_page):
    Authority.objects.create(name="Helsedirektoratet", kind="direktorat")
    url = snippet_url("advocacy.authority", "add")
    response = staff_client.post(url, {"name": "Helsedirektoratet", "kind": "direktorat"})
    assert "finnes allerede en myndighet med dette navnet" in response.content.decode()
    assert Authority.objects.count() == 1


def test_authority_list_filters_by_kind(staff_client, home_page):
    Authority.objects.create(name="Helse- og omsorgsdepartementet", kind="departement")
    Authority.objects.create(name="Oslo kommune", kind="kommune")
    url = snippet_url("advocacy.authority", "list")
    html = staff_client.get(url, {"kind": "kommune"}).content.decode()
    assert "Oslo kommune" in html
    assert "Helse- og omsorgsdepartementet" not in html


def test_theme_page_lists_themes_and_404s_for_unknown(client, home_page):
    Theme.objects.create(name="Barn som pårørende", slug="barn-som-parorende", description="Barna")
    assert "Barn som pårørende" in client.get("/tema/").content.decode()
    assert client.get("/tema/barn-som-parorende/").status_code == 200
    assert client.get("/tema/ukjent/").status_code == 404
