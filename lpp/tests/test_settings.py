import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.utils import formats, translation

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x9!k2m#p4q7r0t3v6y8z1b5d9f2h4j7l0n3p6s8u1w4y7a0c3e5g8i1k4m7o0q2s",
    "ALLOWED_HOSTS": "www.lpp.no",
    "DATABASE_URL": "sqlite:////tmp/lpp-check-deploy.sqlite3",
    "CACHE_URL": "file:///tmp/lpp-check-deploy-cache",
}


def run_manage(*args, env_extra=None, settings="lpp.settings.production"):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env.update(env_extra or {})
    env["DJANGO_SETTINGS_MODULE"] = settings
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env_extra={"ALLOWED_HOSTS": "www.lpp.no"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env_extra={"SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_a_cache_of_its_own_per_process():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CACHE_URL"}
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert "CACHE_URL must name a cache shared by all processes" in result.stderr
    # Without the page cache there is nothing to share.
    assert run_manage("check", env_extra={**env, "PAGE_CACHE": "off"}).returncode == 0


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_dates_are_written_the_norwegian_way(settings):
    with translation.override("nb"):
        assert formats.date_format(datetime.date(2026, 11, 24)) == "24. november 2026"
        assert formats.date_format(datetime.date(2026, 11, 24), "SHORT_DATE_FORMAT") == "24.11.2026"
    assert settings.TIME_ZONE == "Europe/Oslo"
    assert settings.LANGUAGE_CODE == "nb"


def test_no_model_changes_lack_a_migration():
    result = run_manage("makemigrations", "--check", "--dry-run", settings="lpp.settings.test")
    assert result.returncode == 0, result.stdout + result.stderr
