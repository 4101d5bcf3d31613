"""A consultation's own admin views (recording the submission, its archived file, starting
the response) belong to its viewset; the addresses from before send bookmarks on."""

import pytest

from base import roles
from base.admin_urls import snippet_url
from consultations.models import Consultation

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


def test_the_record_views_live_under_the_consultation_viewset():
    base = snippet_url(Consultation, "list")
    for view_name in ("submit", "submission_file", "start_response"):
        assert snippet_url(Consultation, view_name, 1).startswith(base), view_name


@pytest.mark.parametrize(
    "old, view_name",
    [
        ("innsending/", "submit"),
        ("innsending/fil/", "submission_file"),
        ("horingssvar/", "start_response"),
    ],
)
def test_an_old_address_is_sent_on_to_the_viewset(staff_client, old, view_name):
    consultation = factories.ConsultationFactory()
    response = staff_client.get(f"/admin/horinger/{consultation.pk}/{old}")
    assert response.status_code == 308
    assert response["Location"] == snippet_url(consultation, view_name)


def test_an_old_address_with_a_too_large_id_is_not_found(staff_client):
    assert staff_client.get("/admin/horinger/99999999999999999999/innsending/").status_code == 404
