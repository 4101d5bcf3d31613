"""Contract tests of the Elasticsearch/OpenSearch path.

By default they run against **osmem-server, an in-memory OpenSearch-compatible
EMULATOR** (PyPI ``osmem-server``; `.ci/run` starts one and sets ``TEST_OSMEM_URL``;
without it the tests start their own). An emulator is not OpenSearch: passing here
proves the backend's requests, index creation, mappings and query shapes are accepted
and behave plausibly, not that a real cluster analyses Norwegian the same way. Known
limits of the emulator: it ignores an index-level ``default`` analyzer (so the mapping
names the analyzer on every text field), and whether its snowball/asciifolding filters
match Lucene's exactly is not proven — the stemming assertions are checked against a
real server only.

With ``TEST_OPENSEARCH_URL`` / ``TEST_ELASTICSEARCH_URL`` set, the same tests run
against that real server too, including the Norwegian stemming assertions; without
them those runs are skipped with a reason.
"""

import os
import uuid
from urllib.parse import quote

import pytest
from django.test import override_settings

from search import conf, engines, health, indexer
from search.models import SearchDocument
from search.tests.factories import HOSTILE_QUERIES


def _osmem_url():
    url = os.environ.get("TEST_OSMEM_URL")
    if url:
        return url
    try:
        from osmem_server import OsmemServer
    except ImportError:
        return None
    server = OsmemServer.start(japanese=False)
    _started.append(server)
    return server.url


_started = []


@pytest.fixture(scope="module")
def osmem_url():
    url = _osmem_url()
    if not url:
        pytest.skip("osmem-server er ikke installert (pip install osmem-server).")
    yield url
    for server in _started:
        server.process.terminate()
    _started.clear()


TARGETS = [
    pytest.param(("osmem", "opensearch"), id="osmem-emulator"),
    pytest.param(("TEST_OPENSEARCH_URL", "opensearch"), id="real-opensearch"),
    pytest.param(("TEST_ELASTICSEARCH_URL", "elasticsearch"), id="real-elasticsearch"),
]


@pytest.fixture(params=TARGETS)
def engine(request, osmem_url):
    source, kind = request.param
    if source == "osmem":
        url, real = osmem_url, False
    else:
        url = os.environ.get(source)
        if not url:
            pytest.skip(f"{source} er ikke satt: ingen ekte server å teste mot.")
        real = True
    prefix = f"lpp-test-{uuid.uuid4().hex[:8]}-"
    backends = {
        "default": conf.engine_backend(kind, url, prefix=prefix, timeout=10),
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = health.get_engine("default")
        yield {"backend": backend, "real": real, "name": "default"}
        backend.get_index_for_model(SearchDocument).delete()


def _index_everything(backend):
    index = backend.get_index_for_model(SearchDocument)
    index.delete()
    index.put()
    index.add_model(SearchDocument)
    index.add_items(SearchDocument, list(SearchDocument.objects.all()))
    index.refresh()
    return index


@pytest.fixture
def documents(make_page):
    make_page("Pårørendes rettigheter i kommunen", "Pårørende skal bli hørt av kommunen.")
    make_page("Høringssvar om barnehager", "Høringssvaret handler om barnehager og barn.")
    make_page("Taushetsplikt", "Taushetsplikten og informasjon til pårørende.")
    indexer.rebuild()


@pytest.mark.django_db
def test_index_is_created_with_norwegian_settings_and_mapping(engine, documents):
    index = _index_everything(engine["backend"])
    assert index.name.startswith(engine["backend"].index_prefix)
    assert engine["backend"].es.indices.exists(index=index.name)
    mapping = engine["backend"].es.indices.get_mapping(index=index.name)
    properties = mapping[index.name]["mappings"]["properties"]
    assert properties["title"]["analyzer"] == conf.TEXT_ANALYZER


@pytest.mark.django_db
def test_search_through_the_engine(engine, documents):
    _index_everything(engine["backend"])
    outcome = engines.EngineIndex("default").search(engines.SearchQuery(text="taushetsplikt"))
    assert [d.title for d in outcome.documents][:1] == ["Taushetsplikt"]
    assert outcome.backend == "default" and not outcome.fell_back


@pytest.mark.django_db
def test_public_search_uses_the_engine_and_filters(client, engine, documents):
    _index_everything(engine["backend"])
    response = client.get("/sok/", {"q": "taushetsplikt", "type": "home.standardpage"})
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert not outcome.fell_back and outcome.backend == "default"
    assert "Taushetsplikt" in [d.title for d in outcome.documents]
    assert (
        client.get("/sok/", {"q": "taushetsplikt", "type": "advocacy.theme"})
        .context["outcome"]
        .total
        == 0
    )


@pytest.mark.django_db
def test_any_query_is_safe_on_the_engine(client, engine, documents):
    _index_everything(engine["backend"])
    client.raise_request_exception = False
    for query in HOSTILE_QUERIES:
        response = client.get("/sok/?q=" + quote(query, safe="", errors="surrogatepass"))
        assert response.status_code == 200, query[:40]
        outcome = response.context.get("outcome")
        # The engine answered: no payload is passed on as its own query syntax.
        assert outcome is None or not outcome.fell_back, query[:40]


@pytest.mark.django_db
def test_engine_updates_go_through_the_task(engine, documents):
    _index_everything(engine["backend"])
    document = SearchDocument.objects.get(title="Taushetsplikt")
    document.title = "Taushetsplikt og samtykke"
    document.save()
    assert health.get_engine("default") is not None
    from search import tasks

    assert tasks.sync_engine.call("add", [document.pk], "default", 1) == "ok"
    engine["backend"].get_index_for_model(SearchDocument).refresh()
    outcome = engines.EngineIndex("default").search(engines.SearchQuery(text="samtykke"))
    assert [d.title for d in outcome.documents] == ["Taushetsplikt og samtykke"]
    assert tasks.sync_engine.call("delete", [document.pk], "default", 1) == "ok"


@pytest.mark.django_db
def test_autocomplete_with_norwegian_letters_on_the_engine(engine, documents):
    _index_everything(engine["backend"])
    titles = [t for t, _u, _k in engines.EngineIndex("default").autocomplete(["pårø"])]
    assert "Pårørendes rettigheter i kommunen" in titles


@pytest.mark.django_db
def test_norwegian_stemming_on_a_real_server(engine, documents):
    if not engine["real"]:
        pytest.skip(
            "Emulatoren (osmem) beviser ikke Lucenes snowball-stemming; sjekkes bare mot "
            "en ekte server (TEST_OPENSEARCH_URL / TEST_ELASTICSEARCH_URL)."
        )
    _index_everything(engine["backend"])
    index = engines.EngineIndex("default")
    for query, title in [
        ("høringssvarene", "Høringssvar om barnehager"),
        ("barnehage", "Høringssvar om barnehager"),
        ("parorende", "Pårørendes rettigheter i kommunen"),
        ("kommune", "Pårørendes rettigheter i kommunen"),
    ]:
        found = [d.title for d in index.search(engines.SearchQuery(text=query)).documents]
        assert title in found, query
