"""Operable in production (lpp/settings/production.py): errors reach the people named in
the environment, logs go to stdout for journald, and Sentry is used only when asked for."""

import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured

from lpp.settings.base import parse_admins

from .test_settings import PRODUCTION_ENV, run_manage

PRINT_SETTING = "from django.conf import settings; print(repr(settings.{}))"


def test_admins_are_read_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        PRINT_SETTING.format("ADMINS"),
        env_extra={**PRODUCTION_ENV, "ADMINS": "Kari Drift <kari@lpp.no>, vakt@lpp.no"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "[('Kari Drift', 'kari@lpp.no'), ('vakt@lpp.no', 'vakt@lpp.no')]"
    )


def test_a_malformed_admins_entry_is_refused():
    with pytest.raises(ImproperlyConfigured, match="ADMINS"):
        parse_admins("Kari Drift")


def test_server_errors_are_mailed_to_the_admins():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.LOGGING['loggers']['django.request']['handlers'])",
        env_extra=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "mail_admins" in result.stdout


def test_logs_go_to_stdout_one_line_with_level_and_source():
    result = run_manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('lpp.health').warning('Cachen svarer ikke')",
        env_extra=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING lpp.health: Cachen svarer ikke" in result.stdout


def test_sentry_is_used_only_when_a_dsn_is_set():
    env = {**PRODUCTION_ENV, "SENTRY_DSN": "https://offentlig@o0.ingest.sentry.io/0"}
    check = "import sys; print('sentry_sdk' in sys.modules)"
    if importlib.util.find_spec("sentry_sdk") is None:
        result = run_manage("check", env_extra=env)
        assert result.returncode != 0
        assert 'pip install ".[sentry]"' in result.stderr
    else:
        result = run_manage("shell", "-c", check, env_extra=env)
        assert result.stdout.strip().splitlines()[-1] == "True"
    without = run_manage("shell", "-c", check, env_extra=PRODUCTION_ENV)
    assert without.stdout.strip().splitlines()[-1] == "False"
