"""The edge cache (Varnish) forgets what the page cache forgets (base/cache.py): Wagtail's
frontend cache sends one HTTP PURGE per committed change, never before the commit."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from advocacy.models import Theme
from base.cache import _purge_edge
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def varnish(settings):
    """A stand-in for Varnish on loopback that records the PURGE requests it gets."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    yield received
    server.shutdown()
    server.server_close()


def test_publishing_a_page_purges_the_whole_site_at_the_edge(
    home_page, varnish, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Om oss", slug="om-oss", intro="Tekst")
    with django_capture_on_commit_callbacks(execute=True):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    assert set(varnish) == {("localhost", "/")}


def test_unpublishing_purges_the_edge(home_page, varnish, django_capture_on_commit_callbacks):
    page = StandardPage(title="Om oss", slug="om-oss", intro="Tekst")
    with django_capture_on_commit_callbacks(execute=True):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    varnish.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert set(varnish) == {("localhost", "/")}


def test_editing_a_theme_purges_the_edge(home_page, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Theme.objects.create(name="Tvang", slug="tvang", description="Tekst")
    assert set(varnish) == {("localhost", "/")}


def test_many_changes_in_one_transaction_send_one_purge_after_the_commit(
    home_page, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for number in range(5):
            Theme.objects.create(name=f"Tema {number}", slug=f"tema-{number}")
    assert varnish == []  # nothing leaves before the commit
    assert [callback for callback in callbacks if callback is _purge_edge] == [_purge_edge]
    _purge_edge()
    assert varnish == [("localhost", "/")]


def test_a_rolled_back_change_purges_nothing(
    home_page, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                Theme.objects.create(name="Tvang", slug="tvang")
                raise RuntimeError("avbrutt")
        except RuntimeError:
            pass
    assert varnish == []


def test_without_an_edge_cache_nothing_is_sent(
    home_page, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Theme.objects.create(name="Tvang", slug="tvang")
    assert _purge_edge not in callbacks
