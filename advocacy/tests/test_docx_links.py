import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    "page_type",
    ["consultationresponsepage", "platformpage", "platformchapterpage", "agreementpage"],
)
def test_each_published_document_offers_its_word_file(client, demo_site, page_type):
    page = Page.objects.live().public().filter(content_type__model=page_type).first()
    html = client.get(page.url).content.decode()
    links = re.findall(r'<a href="([^"]+)" download>Last ned som Word-fil', html)
    assert links, f"no Word download on {page.url}"
    for href in links:
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 200
        assert response["Content-Type"] == DOCX
