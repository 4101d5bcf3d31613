"""The files in deploy/ and .env.example agree with each other and with the app (make
prod-check runs them for real; these catch a broken file without starting the stack)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from consultations import submission
from consultations.word_import import service as word_import
from sources import evidence

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = ROOT / ".env.example"


def _systemd_values(text):
    """What systemd's EnvironmentFile= gives each key (surrounding quotes removed)."""
    values = {}
    for line in text.splitlines():
        match = re.match(r"^(\w+)=(.*)$", line)
        if match:
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            values[match.group(1)] = value
    return values


@pytest.mark.skipif(shutil.which("sh") is None, reason="trenger sh")
def test_env_example_reads_the_same_in_the_shell_as_in_systemd():
    # The README's commands read it with `set -a; . /etc/lpp/lpp.env`; the units with
    # EnvironmentFile=. A value with < > or spaces unquoted breaks the first.
    result = subprocess.run(
        ["sh", "-c", 'set -a; . "$1"; exec env -0', "sh", str(ENV_EXAMPLE)],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    shell = dict(item.split("=", 1) for item in result.stdout.split("\0") if "=" in item)
    expected = _systemd_values(ENV_EXAMPLE.read_text())
    assert {key: shell.get(key) for key in expected} == expected


def test_every_timer_catches_up_after_downtime_and_runs_a_job_lpp_command_knows():
    script = (DEPLOY / "bin" / "lpp-command").read_text()
    known = set(re.findall(r"^\s+([a-z_| ]+)\)$", script, re.M)[0].replace(" ", "").split("|"))
    known |= {"prune_db_task_results", "backup"}
    timers = sorted((DEPLOY / "systemd").glob("lpp-*.timer"))
    assert len(timers) == 7
    for timer in timers:
        text = timer.read_text()
        assert "Persistent=true" in text, timer.name
        job = re.search(r"^Unit=lpp-command@(\w+)\.service$", text, re.M).group(1)
        assert job in known, f"{timer.name}: lpp-command kjenner ikke {job}"
        assert f"`{timer.stem}`" in (ROOT / "README.md").read_text(), timer.name


def test_the_nightly_backup_keeps_fourteen_by_default():
    script = (DEPLOY / "bin" / "lpp-command").read_text()
    assert "KEEP=${BACKUP_KEEP:-14}" in script
    assert _systemd_values(ENV_EXAMPLE.read_text())["BACKUP_KEEP"] == "14"


def _megabytes(value):
    number, unit = re.fullmatch(r"(\d+)([kmg]?)", value.lower()).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


def test_nginx_lets_through_every_upload_the_app_answers_itself():
    # Larger than the app's own limit, so the app's Norwegian message answers a file that is
    # too big instead of nginx's bare 413.
    largest = max(
        submission.MAX_SIZE,
        word_import.MAX_IMPORT_SIZE,
        evidence.MAX_UPLOAD_BYTES,
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
    )
    sizes = re.findall(
        r"client_max_body_size\s+(\w+);", (DEPLOY / "nginx" / "lpp.conf").read_text()
    )
    assert len(sizes) == 2  # the front door and the origin
    assert all(_megabytes(size) > largest for size in sizes)


def test_nginx_refuses_purge_at_the_front_door():
    site = (DEPLOY / "nginx" / "lpp.conf").read_text()
    front = site[site.index("proxy_pass http://lpp_varnish") - 400 :]
    allowed = re.search(r"\$request_method !~ \^\(([A-Z|]+)\)\$", front).group(1).split("|")
    assert "PURGE" not in allowed and "BAN" not in allowed and "GET" in allowed
