"""Staff forms under crafted input (issue 12, base/admin_inputs.py): a chooser given no id
is the form again with its Norwegian error, and text no database can store (a lone
surrogate, NUL in a table) is cleaned before it is saved – never a server error."""

import json

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.models import Authority
from advocacy.tests.factories import AuthorityFactory
from base.admin_urls import snippet_url
from consultations.models import Consultation
from home.models import StandardPage
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Values a chooser's hidden input can be given that are no id of any row.
NOT_AN_ID = ["abc", "1\x00", "1.5", "[1]"]


def chooser_errors(response):
    """The names of the form's fields that came back with an error."""
    form = response.context["form"]
    return {name for name in form.errors if form.errors[name]}


@pytest.fixture
def admin(client, make_user, home_page):
    client.raise_request_exception = False
    client.force_login(make_user(superuser=True))
    return client


def consultation_form(authority):
    return {
        "title": "Høring om pårørendes rettigheter",
        "authority": authority,
        "status": "registrert",
        "deadline": "01.06.2027",
        "themes": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("value", NOT_AN_ID)
def test_a_snippet_chooser_given_no_id_is_a_form_error(admin, value):
    AuthorityFactory()
    response = admin.post(snippet_url(Consultation, "add"), consultation_form(value), follow=False)
    assert response.status_code == 200
    assert "authority" in chooser_errors(response)
    assert not Consultation.objects.exists()


@pytest.mark.parametrize("value", NOT_AN_ID)
def test_a_page_chooser_given_no_id_is_a_form_error(admin, value):
    response = admin.post(
        reverse("wagtailredirects:add"),
        {"old_path": "/gammel/", "site": "", "is_permanent": "on", "redirect_page": value},
    )
    assert response.status_code == 200
    assert "redirect_page" in chooser_errors(response)
    assert not Redirect.objects.exists()


def test_a_chooser_given_a_real_id_still_shows_the_choice(admin):
    authority = AuthorityFactory(name="Helsedirektoratet")
    data = consultation_form(str(authority.pk))
    data["title"] = ""  # keep the form coming back, with the authority chosen
    response = admin.post(snippet_url(Consultation, "add"), data)
    assert response.status_code == 200
    assert "Helsedirektoratet" in response.content.decode()
    assert Authority.objects.count() == 1


# --- text that arrives as JSON (rich text, tables) -------------------------------------


def standard_page_form(page, *blocks):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(list(blocks)),
            "comments": inline_formset([]),
        }
    )


def with_json_escape(data, marker, escape):
    """``data`` with ``marker`` inside a JSON value replaced by a JSON escape (``\\ud800``):
    the way a crafted request, not a browser's form encoding, gets such text in."""
    return {
        key: value.replace(marker, escape) if isinstance(value, str) else value
        for key, value in data.items()
    }


def test_a_lone_surrogate_in_rich_text_is_saved_as_a_replacement_character(admin, home_page):
    page = StandardPageFactory(parent=home_page, title="Om LPP", slug="om-lpp")
    data = standard_page_form(page, ("paragraph", rich_text("<p>Før MARKER etter</p>")))
    response = admin.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        with_json_escape(data, "MARKER", "a\\ud800b"),
    )
    assert response.status_code == 302
    body = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    assert "a\ufffdb" in str(body[0].value)


def test_nul_and_a_lone_surrogate_in_a_table_cell_are_not_stored(admin, home_page):
    page = StandardPageFactory(parent=home_page, title="Om LPP", slug="om-lpp")
    table = {"data": [["MARKØR", "2026"]], "first_row_is_table_header": False}
    data = standard_page_form(
        page, ("table", {"caption": "Tall", "table": json.dumps(table, ensure_ascii=False)})
    )
    response = admin.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        with_json_escape(data, "MARKØR", "a\\u0000b\\udfffc"),
    )
    assert response.status_code == 302
    body = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    assert body[0].value["table"]["data"][0][0] == "ab\ufffdc"
