"""PostgreSQL in production: the Norwegian text search config and the GIN indexes the
search needs (migration search/0002). Run in the PostgreSQL CI run; skipped on SQLite."""

import pytest
from django.conf import settings
from django.db import connection

from search import engines

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="Trenger PostgreSQL (sett DATABASE_URL); CI kjører denne i PostgreSQL-runden.",
    ),
]


def _indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes")
        return dict(cursor.fetchall())


@pytest.mark.django_db
def test_migration_created_the_gin_indexes():
    indexes = _indexes()
    assert "USING gin (search_vector)" in indexes["search_document_vector_gin"]
    assert "USING gin (autocomplete_vector)" in indexes["search_document_autocomplete_gin"]
    assert "(title || body)" in indexes["search_wagtail_title_body_gin"]


def test_wagtail_backend_uses_the_norwegian_config():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "norwegian"


@pytest.mark.django_db
def test_norwegian_config_exists_and_stems():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('norwegian', 'kommunen') @@ to_tsquery('norwegian', 'kommune')"
        )
        assert cursor.fetchone()[0] is True


@pytest.mark.django_db
def test_wagtail_admin_search_finds_inflected_forms(make_page):
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage

    page = make_page("Kommunen og barnehagene", "Om kommunen.")
    backend = get_search_backend()
    backend.add(page)
    assert page in list(backend.search("kommune", StandardPage.objects.all()))


@pytest.mark.django_db
def test_public_index_vectors_are_written_and_searched_through_the_gin_index(make_page):
    make_page("Høringssvarene om tvang", "Pårørende og taushetsplikten.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdocument WHERE search_vector IS NULL")
        assert cursor.fetchone()[0] == 0
    outcome = engines.DatabaseIndex().search(engines.SearchQuery(text="høringssvar"))
    assert [d.title for d in outcome.documents] == ["Høringssvarene om tvang"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM search_searchdocument d "
            "WHERE d.search_vector @@ to_tsquery('simple', 'horingssv')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_document_vector_gin" in plan
