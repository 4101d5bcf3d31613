"""The archive's year is ?ar=, as on every public page; the old ?aar= links still land."""

import pytest

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return factories.ResponseIndexPageFactory(parent=home_page)


def test_the_old_year_parameter_is_sent_on_to_the_new_one(client, index):
    response = client.get(index.url, {"aar": "2024", "tema": "tvang"})
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}?tema=tvang&ar=2024"


def test_the_new_spelling_wins_over_the_old_one(client, index):
    response = client.get(index.url, {"aar": "2023", "ar": "2024"})
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}?ar=2024"


def test_the_year_filter_field_is_spelled_ar(client, index):
    html = client.get(index.url).content.decode()
    assert 'name="ar"' in html
    assert 'name="aar"' not in html
