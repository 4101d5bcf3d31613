"""The sitemap lists every public page in the same few queries, whatever the number of
pages and page types (issue 19: ≤ 12 for every public page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreement.models import AgreementPage
from consultations.models import ConsultationResponseIndexPage
from home.models import StandardPage

pytestmark = pytest.mark.django_db
# Four today: the site, the pages, the themes and the paginator's count.
MAX_QUERIES = 4


def queries(client):
    assert client.get("/sitemap.xml").status_code == 200  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/sitemap.xml")
    return len(captured), response.content.decode()


def test_the_sitemap_uses_few_queries_whatever_the_pages(client, home_page):
    home_page.add_child(instance=StandardPage(title="Om LPP", slug="om-lpp"))
    small, _ = queries(client)
    for n in range(5):
        home_page.add_child(instance=StandardPage(title=f"Side {n}", slug=f"side-{n}"))
    home_page.add_child(instance=AgreementPage(title="Avtale", slug="avtale", version="0.1"))
    home_page.add_child(instance=ConsultationResponseIndexPage(title="Svar", slug="svar"))
    large, xml = queries(client)
    assert "/side-4/" in xml and "/avtale/" in xml and "/svar/" in xml
    assert large == small <= MAX_QUERIES
