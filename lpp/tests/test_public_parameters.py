"""Integers from a URL are range-checked before they reach the database (base/params.py):
an out-of-range filter is the page's own «ukjent …» notice, an API parameter a 400 in
Norwegian, an id in a path a 404 — never a 500. Read-only views answer HEAD."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from advocacy.models import Authority
from advocacy.tests.factories import ThemeFactory
from agreement.models import AgreementPage
from base import roles
from base.params import INT32_MAX, INT64_MAX, IdField, column_max, parse_id, parse_int
from consultations.models import CalendarFeed
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # more than a signed 64-bit integer


@pytest.fixture
def client(client):
    # A 500 is an answer to assert on, not an exception in the test.
    client.raise_request_exception = False
    return client


@pytest.fixture
def public_page(home_page):
    return StandardPageFactory(
        parent=home_page, title="Offentlig side", slug="offentlig", intro="Ingress"
    )


def test_parse_int_takes_ascii_digits_within_the_range_only():
    assert parse_int("42") == 42
    assert parse_int(" 7 ") == 7
    for bad in (HUGE, "-1", "0", "", "abc", "1.5", "٣", "1_000", "4\x002", None):
        assert parse_int(bad) is None, bad
    assert parse_int(str(INT64_MAX)) == INT64_MAX
    assert parse_int(str(INT64_MAX + 1)) is None
    assert parse_int("-5", minimum=-10) == -5


def test_an_id_must_fit_the_primary_key_of_its_model():
    assert column_max(Page) == INT32_MAX  # Wagtail's page table has a 32-bit key
    assert column_max(Authority) == INT64_MAX
    assert parse_id(str(INT32_MAX + 1), Page) is None
    assert parse_id(str(INT32_MAX + 1), Authority) == INT32_MAX + 1


def test_an_id_field_gives_its_one_unknown_message_for_every_bad_value():
    field = IdField(model=Page, required=False, error_messages={"invalid": "Ukjent side."})
    for bad in (HUGE, "-3", "0", "x", str(INT32_MAX + 1)):
        with pytest.raises(ValidationError) as error:
            field.clean(bad)
        assert error.value.messages == ["Ukjent side."], bad
    assert field.clean("12") == 12


@pytest.mark.parametrize("value", [HUGE, "-1", "0", "٣", "1e3"])
def test_an_outcome_list_authority_out_of_range_shows_the_unknown_authority_notice(
    client, db, value
):
    response = client.get(f"/hva-skjedde/forslag/?myndighet={value}")
    assert response.status_code == 200
    assert "Ukjent myndighet. Viser alle myndigheter." in response.content.decode()


@pytest.mark.parametrize("value", [HUGE, "-1", str(INT32_MAX + 1)])
def test_an_outcome_list_document_out_of_range_shows_the_unknown_document_notice(client, db, value):
    response = client.get(f"/hva-skjedde/forslag/?dokument={value}")
    assert response.status_code == 200
    assert "Ukjent dokument. Viser alle dokumenter." in response.content.decode()


def test_the_search_page_ignores_a_theme_filter_out_of_range_with_a_notice(client, db):
    response = client.get(f"/sok/?q=tvang&tema={HUGE}&myndighet=-4&side={HUGE}")
    assert response.status_code == 200
    assert "Et ugyldig filter i adressen ble ignorert." in response.content.decode()


def test_the_archive_refuses_an_authority_out_of_range_like_an_unknown_one(client, demo_site):
    response = client.get(f"/horingssvar/?myndighet={HUGE}")
    assert response.status_code == 200
    assert "Fant ikke denne myndigheten." in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        f"/last-ned/word/{HUGE}/",
        f"/last-ned/word/{INT32_MAX + 1}/",
        f"/hva-skjedde/forslag/{HUGE}/",
        f"/api/v2/pages/{HUGE}/",
        f"/api/v2/proposals/{HUGE}/",
        f"/api/v2/themes/{HUGE}/",
    ],
)
def test_an_id_in_a_path_that_does_not_fit_the_column_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_a_document_id_with_thousands_of_digits_is_not_found(client, db):
    assert client.get(f"/dokumenter/{'9' * 5000}/fil.pdf").status_code == 404
    assert client.get(f"/dokumenter/{HUGE}/fil.pdf").status_code == 404


def test_a_document_keeps_its_address_and_wagtails_view(db):
    from django.core.files.base import ContentFile
    from django.urls import resolve
    from wagtail.documents import get_document_model
    from wagtail.documents.views import serve

    document = get_document_model().objects.create(
        title="Vedlegg", file=ContentFile(b"%PDF-1.4 innhold", name="vedlegg.pdf")
    )
    stored = document.filename  # «vedlegg.pdf», or with a suffix if the name was taken
    assert document.url == f"/dokumenter/{document.pk}/{stored}"
    match = resolve(document.url)
    assert match.func is serve.serve
    assert match.args == (str(document.pk), stored)


@pytest.mark.parametrize(
    "path", ["/strategi/undersokelse/%00/", "/strategi/lokallag/%00/", "/kalender/%00.ics"]
)
def test_a_nul_byte_in_a_token_address_is_not_found(client, db, path):
    # PostgreSQL refuses a NUL byte in a query: it must never reach one.
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("endpoint", ["pages", "proposals", "themes"])
def test_an_api_offset_out_of_range_is_a_norwegian_400(client, home_page, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?offset={HUGE}")
    assert response.status_code == 400
    assert response.json() == {"message": "offset må være et heltall fra 0 til 2147483647."}


@pytest.mark.parametrize("value", [HUGE, "-1", "x", "٣"])
def test_an_api_limit_that_is_not_a_small_number_is_a_norwegian_400(client, home_page, value):
    response = client.get(f"/api/v2/pages/?limit={value}")
    assert response.status_code == 400
    assert response.json()["message"] == "limit må være et heltall fra 0 til 100."


@pytest.mark.parametrize("name", ["child_of", "descendant_of", "ancestor_of"])
def test_an_api_page_filter_out_of_range_is_a_norwegian_400(client, home_page, name):
    response = client.get(f"/api/v2/pages/?{name}={HUGE}")
    assert response.status_code == 400
    assert response.json()["message"] == (
        f"{name} må være et side-ID (et positivt heltall) eller «root»."
    )


@pytest.mark.parametrize("query", [f"id={HUGE}", "id=-2", f"position={HUGE}"])
def test_an_api_filter_on_an_integer_field_out_of_range_is_a_400(client, db, query):
    response = client.get(f"/api/v2/proposals/?{query}")
    assert response.status_code == 400
    assert "må være et heltall fra" in response.json()["message"]


def test_a_filter_out_of_range_on_an_api_detail_view_is_a_400(client, home_page):
    response = client.get(f"/api/v2/pages/{home_page.pk}/?alias_of={HUGE}")
    assert response.status_code == 400
    assert response.json()["message"] == "alias_of må være et heltall fra 0 til 2147483647."


def test_an_id_out_of_range_in_the_api_find_view_is_a_400(client, home_page):
    response = client.get(f"/api/v2/pages/find/?id={HUGE}")
    assert response.status_code == 400
    assert response.json()["message"] == "id må være et heltall fra 0 til 2147483647."


def test_a_nul_byte_in_an_api_parameter_is_a_norwegian_400(client, home_page):
    response = client.get("/api/v2/pages/?locale=%00")
    assert response.status_code == 400
    assert response.json()["message"] == "Nulltegn er ikke tillatt i locale."


# --- HEAD on every read-only view -------------------------------------------------------


def test_head_is_answered_on_robots_txt_and_the_sitemap(client, home_page):
    for path in ("/robots.txt", "/sitemap.xml"):
        assert client.head(path).status_code == 200, path


def test_head_is_answered_on_the_public_word_download(client, demo_site):
    agreement = AgreementPage.objects.live().get()
    response = client.head(f"/last-ned/word/{agreement.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )


def test_head_is_answered_on_the_calendar_feed(client, make_user):
    staff = make_user(roles.STAFF)
    _feed, token = CalendarFeed.create_for(staff)
    assert client.head(f"/kalender/{token}.ics").status_code == 200


def test_head_is_answered_on_the_public_lists_and_search(client, home_page):
    ThemeFactory(name="Tvang", slug="tvang")
    for path in (
        "/tema/",
        "/tema/tvang/",
        "/hva-skjedde/",
        "/hva-skjedde/forslag/",
        "/sok/?q=tvang",
        "/sok/forslag/?q=tv",
        "/api/v2/pages/",
    ):
        assert client.head(path).status_code == 200, path


def test_read_only_views_still_refuse_to_be_posted_to(client, public_page):
    for path in ("/robots.txt", f"/last-ned/word/{public_page.pk}/", "/kalender/x.ics"):
        assert client.post(path).status_code == 405, path
