"""The strategy lists in the admin: each row leads with its own action («Vurder tiltak»,
«Tidslinje», «Se svarene»), linked to the row's record through its viewset."""

import pytest
from django.contrib.auth import get_user_model

from base.admin_urls import snippet_url
from strategy.models import Measure, Review, Survey

from .factories import MeasureFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("rot", "rot@example.org", "passord-123")
    client.force_login(user)
    return client


def list_html(client, model):
    response = client.get(snippet_url(model, "list"))
    assert response.status_code == 200
    return response.content.decode()


def test_each_review_row_leads_with_vurder_tiltak(admin_client):
    review = ReviewFactory()
    html = list_html(admin_client, Review)
    assert "Vurder tiltak" in html
    assert snippet_url(review, "assess") in html


def test_each_measure_row_leads_with_its_timeline(admin_client):
    measure = MeasureFactory()
    html = list_html(admin_client, Measure)
    assert "Tidslinje" in html
    assert snippet_url(measure, "inspect") in html


def test_each_survey_row_leads_with_its_answers(admin_client):
    survey = Survey.objects.create(title="Medlemsundersøkelse 2026", review=ReviewFactory())
    html = list_html(admin_client, Survey)
    assert "Se svarene" in html
    assert snippet_url(survey, "results") in html
