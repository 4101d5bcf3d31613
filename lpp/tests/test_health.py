"""The health endpoint (lpp/health.py): green when every part answers, red (503) naming
the part to staff, and nothing but ok/feil to anonymous callers."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LPP_HEALTH_TASK_MAX_AGE = 60


def _enqueue_task(age_seconds):
    from django_tasks_db.models import DBTaskResult

    result = DBTaskResult.objects.create(
        task_path="lpp.tests.test_health._never_run",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() - timedelta(seconds=age_seconds),
    )
    DBTaskResult.objects.filter(pk=result.pk).update(
        enqueued_at=timezone.now() - timedelta(seconds=age_seconds)
    )


def test_all_parts_well_answers_200_ok(client):
    response = client.get("/helse/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_anonymous_callers_learn_only_ok_or_not(client, queued_tasks):
    _enqueue_task(age_seconds=3600)
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json() == {"status": "feil"}


def test_staff_see_which_part_is_red_and_why(client, make_user, queued_tasks):
    _enqueue_task(age_seconds=3600)
    client.force_login(make_user("Sekretariat"))
    body = client.get("/helse/").json()
    assert body["status"] == "feil"
    assert body["deler"]["oppgavekø"]["ok"] is False
    assert "db_worker" in body["deler"]["oppgavekø"]["melding"]
    assert all(body["deler"][part]["ok"] for part in ("database", "cache", "søk"))


def test_a_fresh_task_in_the_queue_is_green(client, queued_tasks):
    _enqueue_task(age_seconds=5)
    assert client.get("/helse/").status_code == 200


def test_a_cache_that_drops_writes_turns_the_cache_red(client, settings, make_user):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    caches.close_all()
    client.force_login(make_user("Sekretariat"))
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["deler"]["cache"]["ok"] is False


def test_the_health_answer_is_never_cached(client):
    response = client.get("/helse/")
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_posting_to_the_health_endpoint_is_refused(client):
    assert client.post("/helse/").status_code == 405
