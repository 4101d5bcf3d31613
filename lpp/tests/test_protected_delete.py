"""Deleting a record others depend on (base/protected_delete.py): a Norwegian explanation
and nothing deleted, for every snippet list of the admin, single and bulk."""

import pytest
from django.urls import reverse

from advocacy.models import Authority
from advocacy.tests.factories import AuthorityFactory
from consultations.tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(superuser=True))
    return client


@pytest.fixture
def addressed():
    authority = AuthorityFactory(name="Helsedirektoratet", kind=Authority.Kind.DIRECTORATE)
    for n in range(5):
        ConsultationFactory(title=f"Høring {n}", authority=authority)
    return authority


def test_an_authority_with_consultations_is_not_deleted_and_staff_are_told_why(
    admin_client, addressed
):
    url = reverse("wagtailsnippets_advocacy_authority:delete", args=[addressed.pk])
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    (message,) = [str(m) for m in response.context["messages"]]
    assert message.startswith("«Helsedirektoratet» (myndighet) kan ikke slettes.")
    assert "høring «Høring 0»" in message and "2 til" in message
    assert "Ingenting er slettet." in message and "Rett opp navnet" in message
    assert Authority.objects.filter(pk=addressed.pk).exists()


def test_bulk_delete_refuses_the_whole_selection_when_one_is_protected(admin_client, addressed):
    unused = AuthorityFactory(name="Ubrukt myndighet", kind=Authority.Kind.OTHER)
    url = reverse("wagtail_bulk_action", args=["advocacy", "authority", "delete"])
    response = admin_client.post(f"{url}?id={addressed.pk}&id={unused.pk}", follow=True)
    assert response.status_code == 200
    assert any("Helsedirektoratet" in str(m) for m in response.context["messages"])
    assert Authority.objects.count() == 2


def test_an_unused_authority_is_deleted(admin_client):
    unused = AuthorityFactory(name="Ubrukt myndighet", kind=Authority.Kind.OTHER)
    url = reverse("wagtailsnippets_advocacy_authority:delete", args=[unused.pk])
    assert admin_client.post(url).status_code == 302
    assert not Authority.objects.exists()
