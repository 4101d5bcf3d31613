"""Never down: an engine that refuses connections or hangs is answered around by the
database; index updates to the engine run off the request and are retried."""

import logging
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.test import override_settings

from search import conf, engines, health, tasks
from search.models import EngineStatus

URL = "/sok/"


def refused_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def hanging_url():
    """A server on 127.0.0.1 that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for connection in held:
        connection.close()
    server.close()


def engine_settings(url, kind="opensearch", timeout=0.5):
    return {
        "default": conf.engine_backend(kind, url, prefix="lpp-test-", timeout=timeout),
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_refused_engine_falls_back_to_the_database(client, make_page, caplog, kind):
    make_page("Side om molter", "molter")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(refused_url(), kind)):
        with caplog.at_level(logging.WARNING, logger="lpp.search"):
            response = client.get(URL, {"q": "molter"})
    assert response.status_code == 200
    assert response.context["outcome"].fell_back
    assert [d.title for d in response.context["outcome"].documents] == ["Side om molter"]
    assert "svarer ikke" in caplog.text
    status = EngineStatus.objects.get(backend="default")
    assert not status.healthy and status.fallback_count == 1 and status.last_error


@pytest.mark.django_db
def test_hanging_engine_costs_one_timeout_then_none(client, make_page, hanging_url):
    make_page("Side om kirsebær", "kirsebær")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(hanging_url, timeout=0.5)):
        started = time.monotonic()
        first = client.get(URL, {"q": "kirsebær"})
        first_took = time.monotonic() - started
        started = time.monotonic()
        second = client.get(URL, {"q": "kirsebær"})
        second_took = time.monotonic() - started
    assert first.status_code == second.status_code == 200
    assert [d.title for d in second.context["outcome"].documents] == ["Side om kirsebær"]
    assert first.context["outcome"].fell_back and second.context["outcome"].fell_back
    assert first_took < 5
    assert second_took < 0.5 < first_took + 0.01
    assert EngineStatus.objects.get(backend="default").fallback_count == 2


@pytest.mark.django_db
def test_autocomplete_falls_back_too(client, make_page):
    make_page("Pårørendeskolen", "kurs")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(refused_url())):
        found = client.get("/sok/forslag/", {"q": "pårø"}).json()["suggestions"]
    assert [s["title"] for s in found] == ["Pårørendeskolen"]


@pytest.mark.django_db
def test_publishing_never_waits_on_a_hanging_engine_and_updates_are_retried(
    home_page, hanging_url, django_capture_on_commit_callbacks
):
    from home.models import StandardPage

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(hanging_url, timeout=1), TASKS=dummy
    ):
        from django_tasks import default_task_backend

        page = StandardPage(title="Side om bringebær", slug="bringebaer", intro="bringebær")
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            home_page.add_child(instance=page)
            page.save_revision().publish()
        assert time.monotonic() - started < 1, "publiseringen ventet på søkemotoren"
        # The database index answers at once …
        outcome = engines.DatabaseIndex().search(engines.SearchQuery(text="bringebær"))
        assert [d.title for d in outcome.documents] == ["Side om bringebær"]
        # … and the engine update waits in the queue.
        queued = [r for r in default_task_backend.results if r.task.name == "sync_engine"]
        assert queued and queued[0].args[0] == "add"
        assert EngineStatus.objects.get(backend="default").pending_updates >= 1

        # The worker runs it: the engine hangs, so it is retried later, with a pause.
        result = tasks.sync_engine.call(*queued[0].args)
        assert result == "prøver igjen"
        retry = [r for r in default_task_backend.results if r.task.name == "sync_engine"][-1]
        assert retry.args[3] == 2 and retry.task.run_after is not None
        assert not EngineStatus.objects.get(backend="default").healthy


@pytest.mark.django_db
def test_immediate_tasks_do_not_retry_in_the_request(home_page):
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(refused_url())):
        assert tasks.sync_engine.call("add", [1], "default", 1) == "ga opp"


@pytest.mark.django_db
def test_health_panel_shows_the_engine_down(client, make_user, make_page):
    make_page("Side om rips", "rips")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(refused_url())):
        client.get(URL, {"q": "rips"})
        client.force_login(make_user("Sekretariat"))
        dashboard = client.get("/admin/").content.decode()
        assert "Svarer ikke" in dashboard and "offentlig søk bruker databasen" in dashboard
        detail = client.get("/admin/sokehelse/?sjekk=1")
        assert detail.status_code == 200
        assert "Får ikke kontakt" in detail.content.decode()


@pytest.mark.django_db
def test_health_page_is_for_staff_only(client, make_user):
    client.force_login(make_user("Landsstyret"))
    assert client.get("/admin/sokehelse/").status_code in (302, 403)


@pytest.mark.django_db
def test_health_url_hides_credentials():
    url = refused_url().replace("http://", "http://elastic:hemmelig@")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(url)):
        assert "hemmelig" not in str(health.statuses())


@pytest.mark.django_db
def test_search_health_command(make_page):
    from io import StringIO

    from django.core.management.base import CommandError

    out = StringIO()
    call_command("search_health", stdout=out)
    assert "Ingen søkemotor er satt opp" in out.getvalue()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(refused_url())):
        with pytest.raises(CommandError, match="svarer ikke"):
            call_command("search_health", stdout=StringIO())


@pytest.mark.django_db
def test_search_rebuild_command_shows_progress(make_page):
    from io import StringIO

    make_page("Side om hyllebær", "hyllebær")
    out = StringIO()
    call_command("search_rebuild", stdout=out)
    assert "[" in out.getvalue() and "(100 %)" in out.getvalue()
    assert "Databaseindeksen har" in out.getvalue()
    assert engines.DatabaseIndex().search(engines.SearchQuery(text="hyllebær")).total == 1
