"""The timer's entry points (command, task) and how each source is switched on."""

import pytest
from django.core.management import CommandError, call_command

from sources import conf, health
from sources.models import Candidate
from sources.watch import run_source

pytestmark = pytest.mark.django_db


def test_production_reads_no_source_until_switched_on():
    configured = conf.sources_from_env({}, production=True)
    assert not any(c["enabled"] for c in configured.values())
    assert configured["stortinget"]["base_url"] == "https://data.stortinget.no/"


def test_each_source_is_switched_on_and_pointed_from_the_environment():
    configured = conf.sources_from_env(
        {"SOURCES_REGJERINGEN": "on", "SOURCES_STORTINGET_URL": "https://proxy.example/"},
        production=True,
    )
    assert configured["regjeringen"]["enabled"] and not configured["helsedirektoratet"]["enabled"]
    assert configured["stortinget"]["base_url"] == "https://proxy.example/"


def test_locally_the_sources_are_the_recorded_samples():
    configured = conf.sources_from_env({})
    assert all(c["enabled"] and c["base_url"].startswith("file://") for c in configured.values())


def test_command_reads_the_sources_and_reports(sample_server, signals, capsys):
    call_command("watch_sources", "--uten-epost")
    out = capsys.readouterr().out
    assert "regjeringen.no: I orden (3 nye av 3)" in out
    assert Candidate.objects.count() == 9


def test_command_fails_loudly_when_a_source_is_down(sample_server, signals):
    sample_server.mode = "broken"
    with pytest.raises(CommandError, match="kunne ikke leses"):
        call_command(
            "watch_sources", "helsedirektoratet", "--uten-epost", stdout=open("/dev/null", "w")
        )
    assert health.status()["ok"] is False


def test_command_refuses_an_unknown_source(db):
    with pytest.raises(CommandError, match="Ukjent kilde"):
        call_command("watch_sources", "nrk")


def test_task_runs_the_watch(sample_server, signals):
    from sources.tasks import watch_sources_task

    result = watch_sources_task.call(["helsedirektoratet"], False)
    assert result["sources"] == {"helsedirektoratet": "ok"}


def test_health_status_is_json_ready(sample_server, signals):
    import json

    call_command("watch_sources", "stortinget", "--uten-epost", stdout=open("/dev/null", "w"))
    status = health.status()
    assert json.loads(json.dumps(status)) == status
    row = next(r for r in status["sources"] if r["name"] == "stortinget")
    assert row["state"] == "ok" and row["last_success_at"]


def test_health_endpoint_shows_staff_a_broken_source_without_failing(
    sample_server, signals, client, make_user
):
    sample_server.mode = "broken"
    run_source("regjeringen")
    assert "kilder" not in client.get("/helse/").json()
    client.force_login(make_user("Sekretariat"))
    response = client.get("/helse/")
    sources = {row["name"]: row for row in response.json()["kilder"]["sources"]}
    assert sources["regjeringen"]["state"] == "unavailable"
    assert response.json()["status"] == "ok"
