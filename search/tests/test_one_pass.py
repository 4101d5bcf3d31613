"""Search runs its full-text match once per request and counts the facets from that
result (issue 19), on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import engines

pytestmark = pytest.mark.django_db


def full_text_matches(queries):
    marker = " MATCH " if connection.vendor == "sqlite" else "@@"
    return [q["sql"] for q in queries if marker in q["sql"]]


def test_a_search_with_facets_matches_the_text_once(indexed_site):
    with CaptureQueriesContext(connection) as queries:
        outcome = engines.DatabaseIndex().search(engines.SearchQuery(text="pårørende"))
    assert outcome.total > 0 and outcome.facets["type"]
    assert len(full_text_matches(queries)) == 1


def test_facet_counts_add_up_to_the_total(indexed_site):
    outcome = engines.DatabaseIndex().search(engines.SearchQuery(text="pårørende"))
    assert sum(count for _value, _label, count in outcome.facets["type"]) == outcome.total


def test_the_page_of_hits_is_the_ranked_slice_of_all_matches(indexed_site):
    index = engines.DatabaseIndex()
    everything = index.search(engines.SearchQuery(text="pårørende", per_page=100))
    second = index.search(engines.SearchQuery(text="pårørende", page=2, per_page=3))
    assert [d.pk for d in second.documents] == [d.pk for d in everything.documents[3:6]]
