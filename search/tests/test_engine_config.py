"""Unit tests of the generated backend settings, index settings and mappings."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from search import conf
from search.backends.elasticsearch9 import NorwegianElasticsearch9Mapping
from search.backends.opensearch3 import NorwegianOpenSearch3Mapping
from search.models import SearchDocument


def test_embedded_default_is_the_database_with_norwegian_config():
    backends = conf.search_backends_from_env({})
    assert backends == {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "norwegian"}
    }


@pytest.mark.parametrize(
    ("variable", "backend"),
    [
        ("ELASTICSEARCH_URL", "search.backends.elasticsearch9"),
        ("OPENSEARCH_URL", "search.backends.opensearch3"),
    ],
)
def test_engine_url_switches_backend(variable, backend):
    backends = conf.search_backends_from_env({variable: "https://es.example:9200"}, "prod")
    engine = backends["default"]
    assert engine["BACKEND"] == backend
    assert engine["URLS"] == ["https://es.example:9200"]
    assert engine["INDEX_PREFIX"] == "lpp-prod-"
    assert 2 <= engine["TIMEOUT"] <= 3
    assert engine["OPTIONS"]["max_retries"] == 0
    assert engine["INDEX_SETTINGS"] is conf.NORWEGIAN_INDEX_SETTINGS
    assert backends["database"]["BACKEND"] == "wagtail.search.backends.database"


def test_prefix_and_timeout_from_environment():
    engine = conf.search_backends_from_env(
        {
            "OPENSEARCH_URL": "http://x:9200",
            "SEARCH_INDEX_PREFIX": "lpp-stage-",
            "SEARCH_TIMEOUT": "2",
        }
    )["default"]
    assert engine["INDEX_PREFIX"] == "lpp-stage-" and engine["TIMEOUT"] == 2.0
    with pytest.raises(ImproperlyConfigured):
        conf.search_backends_from_env({"OPENSEARCH_URL": "http://x", "SEARCH_TIMEOUT": "kort"})


def test_tasks_are_queued_when_an_engine_is_configured():
    assert "ImmediateBackend" in conf.tasks_from_env({}, False)["default"]["BACKEND"]
    assert conf.tasks_from_env({}, True)["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ImproperlyConfigured):
        conf.tasks_from_env({"TASKS_BACKEND": "celery"}, False)


def test_norwegian_analyzers_fold_split_compounds_stop_and_stem_twice():
    analysis = conf.NORWEGIAN_INDEX_SETTINGS["settings"]["analysis"]
    text = analysis["analyzer"][conf.TEXT_ANALYZER]
    assert text["filter"] == [
        "lowercase",
        "asciifolding",
        "lpp_compounds",
        "lpp_norwegian_stop",
        "lpp_norwegian_stemmer",
        "lpp_norwegian_stemmer",
    ]
    assert analysis["filter"]["lpp_norwegian_stemmer"] == {
        "type": "snowball",
        "language": "Norwegian",
    }
    assert analysis["filter"]["lpp_norwegian_stop"]["stopwords"] == "_norwegian_"
    # The engine splits compounds with the word list and sizes the database index uses.
    compounds = analysis["filter"]["lpp_compounds"]
    assert compounds["type"] == "dictionary_decompounder"
    assert "tvang" in compounds["word_list"] and "parorende" in compounds["word_list"]
    assert (compounds["min_word_size"], compounds["min_subword_size"]) == (8, 3)
    assert analysis["analyzer"]["default"]["filter"] == text["filter"]
    # wagtail#13005: autocomplete folds æøå on the index side AND the search side.
    assert "asciifolding" in analysis["analyzer"][conf.AUTOCOMPLETE_INDEX_ANALYZER]["filter"]
    assert "asciifolding" in analysis["analyzer"][conf.AUTOCOMPLETE_SEARCH_ANALYZER]["filter"]
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]


@pytest.mark.parametrize(
    "mapping_class", [NorwegianElasticsearch9Mapping, NorwegianOpenSearch3Mapping]
)
def test_mapping_sets_analyzers_on_every_text_field(mapping_class):
    properties = mapping_class(SearchDocument).get_mapping()["properties"]
    text_fields = {name: m for name, m in properties.items() if m.get("type") == "text"}
    assert {"title", "text", "_all_text", "_edgengrams", "title_edgengrams"} <= set(text_fields)
    for name, mapping in text_fields.items():
        if "edgengrams" in name:
            assert mapping["analyzer"] == conf.AUTOCOMPLETE_INDEX_ANALYZER, name
            assert mapping["search_analyzer"] == conf.AUTOCOMPLETE_SEARCH_ANALYZER, name
        else:
            assert mapping["analyzer"] == conf.TEXT_ANALYZER, name
    for name in ["kind_filter", "year_filter", "authority_id_filter", "status_filter"]:
        assert name in properties


@pytest.mark.django_db
def test_page_mapping_is_norwegian_too():
    from home.models import StandardPage

    properties = NorwegianOpenSearch3Mapping(StandardPage).get_mapping()["properties"]
    assert properties["title"]["analyzer"] == conf.TEXT_ANALYZER
