"""The redis:// path (CACHE_URL): the client is installed, the page cache works through a
real Redis, and when Redis stops the site keeps answering — uncached — while the health
endpoint names the cache. Needs redis-server (.ci/run installs it from Debian)."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import caches

from base.cache import HEADER
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_server(tmp_path):
    if REDIS_SERVER is None:
        pytest.skip("redis-server er ikke installert (apt-get install redis-server)")
    port = _free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_cache(redis_server, settings):
    process, port = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "base.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.LPP_PAGE_CACHE_ENABLED = True
    caches.close_all()
    yield process
    caches.close_all()


@pytest.fixture
def page(home_page):
    from wagtail.models import Site

    from home.models import OrganisationSettings

    OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    return StandardPageFactory(parent=home_page, title="Om oss", slug="om-oss", intro="Om LPP")


def test_a_redis_cache_url_gives_the_shared_redis_cache():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.core.cache import caches; c = caches['default']; "
            "print(type(c).__name__, c._cache.get_client().__class__.__module__)",
        ],
        cwd=ROOT,
        env={**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["ResilientRedisCache", "redis.client"]


def test_pages_are_cached_in_redis(client, page, redis_cache):
    assert client.get("/om-oss/")[HEADER] == "miss"
    assert client.get("/om-oss/")[HEADER] == "hit"


def test_with_redis_down_the_site_answers_uncached(client, page, redis_cache):
    client.get("/om-oss/")
    redis_cache.terminate()
    redis_cache.wait(timeout=10)
    response = client.get("/om-oss/")
    assert response.status_code == 200
    assert "Om LPP" in response.content.decode()
    assert response.get(HEADER) == "miss"


def test_with_redis_down_the_health_endpoint_names_the_cache(client, page, redis_cache, make_user):
    client.force_login(make_user("Sekretariat"))
    assert client.get("/helse/").status_code == 200
    redis_cache.terminate()
    redis_cache.wait(timeout=10)
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["deler"]["cache"]["ok"] is False
    assert response.json()["deler"]["database"]["ok"] is True
