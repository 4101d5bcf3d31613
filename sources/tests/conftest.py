import pytest

from .server import start


@pytest.fixture
def sample_server(settings):
    server = start()
    settings.LPP_SOURCES = {
        name: {"enabled": True, "base_url": server.url(name)}
        for name in ("regjeringen", "stortinget", "helsedirektoratet")
    }
    settings.LPP_SOURCES_FETCH = {
        "timeout": 2.0,
        "retries": 3,
        "backoff": 0.01,
        "min_interval": 0.0,
    }
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def signals(db):
    from advocacy.demo import load as load_advocacy
    from sources.signals import ensure_default_signals

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    load_advocacy(Quiet())
    ensure_default_signals()
