"""The organisation's details in every page's header and footer are kept between requests
(home.templatetags.navigation) and never outlive a change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def test_the_details_are_read_once_until_content_changes(client, site, settings):
    settings.LPP_FIGURES_CACHE_ENABLED = True
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    assert not any("home_organisationsettings" in q["sql"] for q in captured.captured_queries)


def test_saved_details_show_at_once(client, site, settings):
    settings.LPP_FIGURES_CACHE_ENABLED = True
    client.get("/")
    details = OrganisationSettings.for_site(site)
    details.name = "Landsforeningen med nytt navn"
    details.phone = "22 33 44 55"
    details.save()
    html = client.get("/").content.decode()
    assert "Landsforeningen med nytt navn" in html and "Telefon 22 33 44 55" in html
