"""Which search backend runs, from the environment. Imported by the settings, so it
imports nothing from Django's app registry.

* Nothing set: Wagtail's database backend (SQLite FTS5 or PostgreSQL with the
  ``norwegian`` text search config). The public search then uses the project's own
  Norwegian index tables (see :mod:`search.engines`).
* ``ELASTICSEARCH_URL``: Wagtail's ``elasticsearch9`` backend; ``OPENSEARCH_URL``:
  ``opensearch3``. Both with the Norwegian analyzers below, an index prefix per
  environment (``SEARCH_INDEX_PREFIX``, default ``lpp-<environment>-``) and a short
  timeout (``SEARCH_TIMEOUT``, 2.5 s, no client retries), so a hanging engine costs
  the public at most one timeout before the database answers instead.

The database backend stays configured beside an engine as ``"database"``: it keeps
Wagtail's admin search index and is what public search falls back to.
"""

from base import analysis  # no Django imports, so the settings may read it

# The analysis steps of base.analysis, in Elasticsearch/OpenSearch terms: the
# standard tokenizer, lower case, ASCII folding (å → a, ø → o, æ → ae, as fold()
# does), compound parts, bokmål stop words, the Snowball Norwegian stemmer twice.
NORWEGIAN_STOP_WORDS_FILTER = {"type": "stop", "stopwords": "_norwegian_"}
NORWEGIAN_STEMMER_FILTER = {"type": "snowball", "language": "Norwegian"}
# Compound parts, found inside long words after folding, as analysis.compound_parts does.
# In a query the engine takes a word's parts as alternatives (they share its position),
# where the database index asks for all of them: the engine may find a little more.
COMPOUND_FILTER = {
    "type": "dictionary_decompounder",
    "word_list": sorted(analysis.compound_lexicon()),
    "min_word_size": analysis.COMPOUND_MIN_WORD,
    "min_subword_size": analysis.COMPOUND_MIN_PART,
    "max_subword_size": analysis.COMPOUND_MAX_PART,
}

TEXT_ANALYZER = "lpp_norwegian"
AUTOCOMPLETE_INDEX_ANALYZER = "lpp_norwegian_edgengram"
AUTOCOMPLETE_SEARCH_ANALYZER = "lpp_norwegian_prefix"

NORWEGIAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "lpp_norwegian_stop": NORWEGIAN_STOP_WORDS_FILTER,
                "lpp_norwegian_stemmer": NORWEGIAN_STEMMER_FILTER,
                "lpp_compounds": COMPOUND_FILTER,
                "lpp_edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
            },
            "analyzer": {
                TEXT_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        "lpp_compounds",
                        "lpp_norwegian_stop",
                        "lpp_norwegian_stemmer",
                        "lpp_norwegian_stemmer",
                    ],
                },
                # Autocomplete (wagtail#13005): Wagtail's stock mapping folds æøå when it
                # indexes edge n-grams but searches with the "standard" analyzer, which
                # does not, so "pårø" never matches. Both sides fold here.
                AUTOCOMPLETE_INDEX_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "lpp_edgengram"],
                },
                AUTOCOMPLETE_SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                # Wagtail's own analyzer names, redefined with folding on both sides,
                # and the index default for any text field without an explicit one.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "lpp_edgengram"],
                },
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        "lpp_compounds",
                        "lpp_norwegian_stop",
                        "lpp_norwegian_stemmer",
                        "lpp_norwegian_stemmer",
                    ],
                },
            },
        },
        "index": {"max_ngram_diff": 19},
    }
}

DEFAULT_TIMEOUT = 2.5


def _float(environ, name, default):
    value = environ.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError as error:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}") from error


def engine_backend(kind, url, *, prefix, timeout):
    """The WAGTAILSEARCH_BACKENDS entry for an Elasticsearch ("elasticsearch") or
    OpenSearch ("opensearch") server at ``url``."""
    backend = {
        "elasticsearch": "search.backends.elasticsearch9",
        "opensearch": "search.backends.opensearch3",
    }[kind]
    return {
        "BACKEND": backend,
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": timeout,
        # One attempt: the fallback to the database is the retry.
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        "INDEX_SETTINGS": NORWEGIAN_INDEX_SETTINGS,
    }


def search_backends_from_env(environ, environment_name="dev"):
    database = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "norwegian"}
    prefix = environ.get("SEARCH_INDEX_PREFIX") or f"lpp-{environment_name}-"
    timeout = _float(environ, "SEARCH_TIMEOUT", DEFAULT_TIMEOUT)
    if environ.get("ELASTICSEARCH_URL"):
        engine = engine_backend(
            "elasticsearch", environ["ELASTICSEARCH_URL"], prefix=prefix, timeout=timeout
        )
    elif environ.get("OPENSEARCH_URL"):
        engine = engine_backend(
            "opensearch", environ["OPENSEARCH_URL"], prefix=prefix, timeout=timeout
        )
    else:
        return {"default": database}
    return {"default": engine, "database": database}


def tasks_from_env(environ, engine_configured):
    """Background tasks (Wagtail's index updates, the project's search sync).

    ``TASKS_BACKEND=immediate`` runs them right after the saving transaction commits:
    fine for the embedded default, where the index is the database itself.
    ``TASKS_BACKEND=database`` queues them in the database for ``manage.py db_worker``:
    the default when an engine is configured, so publishing never waits on it."""
    choice = environ.get("TASKS_BACKEND") or ("database" if engine_configured else "immediate")
    if choice == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if choice == "immediate":
        return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'immediate' or 'database', not {choice!r}")
