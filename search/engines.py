"""Answering a public search.

:class:`DatabaseIndex` queries the project's own Norwegian index in the database (FTS5
on SQLite, tsvector + GIN on PostgreSQL) with one ranked query: this is the embedded
default, and the fallback whenever an engine is configured but does not answer.
:class:`EngineIndex` asks Wagtail's Elasticsearch/OpenSearch backend. :func:`run_search`
picks one and falls back.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Q

from . import analysis, health, registry
from .models import SearchDocument

logger = logging.getLogger("lpp.search")

FTS_TABLE = "search_document_fts"
AUTOCOMPLETE_TABLE = "search_autocomplete_fts"
TITLE_WEIGHT = 10.0

FACETS = ("type", "tema", "ar", "myndighet", "status")


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # FACETS -> value
    page: int = 1
    per_page: int = 10

    @property
    def terms(self):
        """One tuple of terms per word (analysis.query_words)."""
        return analysis.query_words(self.text)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class SearchOutcome:
    documents: list
    total: int
    facets: dict
    any_terms: bool = False  # no document had every word: showing those with some
    backend: str = "database"
    fell_back: bool = False


def _boolean(words, any_terms, quote, and_, or_):
    """A full-text query string in FTS5 or tsquery syntax (the quoting and operators)."""
    if any_terms:
        flat = dict.fromkeys(term for word in words for term in word)
        return or_.join(quote.format(term) for term in flat)
    clauses = []
    for own, *parts in words:
        clause = quote.format(own)
        if parts:
            clause = f"({clause}{or_}({and_.join(quote.format(p) for p in parts)}))"
        clauses.append(clause)
    return and_.join(clauses)


def _filter_sql(filters, alias="d"):
    """WHERE fragments and parameters for the facet filters.

    Visibility is not re-checked per matching row here (on 20,000 documents that would
    cost more than the search): documents exist only while public, and the documents a
    page shows are read through :func:`public_documents`, which checks that their page
    is live."""
    where = ["1 = 1"]
    params = []
    if filters.get("type"):
        where.append(f"{alias}.kind = %s")
        params.append(filters["type"])
    if filters.get("ar"):
        where.append(f"{alias}.year = %s")
        params.append(filters["ar"])
    if filters.get("myndighet"):
        where.append(f"{alias}.authority_id = %s")
        params.append(filters["myndighet"])
    if filters.get("status"):
        where.append(f"{alias}.status = %s")
        params.append(filters["status"])
    if filters.get("tema"):
        where.append(
            f"{alias}.id IN (SELECT searchdocument_id FROM search_searchdocument_themes "
            "WHERE theme_id = %s)"
        )
        params.append(filters["tema"])
    return " AND ".join(where), params


class DatabaseIndex:
    """The public index in the database."""

    name = "database"

    def __init__(self):
        self.vendor = connection.vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise ImproperlyConfigured(
                f"Offentlig søk støtter SQLite og PostgreSQL, ikke {self.vendor}."
            )

    # -- the match clause

    # ``words`` are SearchQuery.terms: per word its own term, then its compound parts.
    # Every word must match (its term, or all of its parts); with ``any_terms`` any term will.

    def _fts_expression(self, words, any_terms):
        return _boolean(words, any_terms, '"{}"', " AND ", " OR ")

    def _tsquery(self, words, any_terms):
        return _boolean(words, any_terms, "'{}'", " & ", " | ")

    def _matching_ids_sql(self, terms, any_terms):
        """A subquery of the ids of the documents matching ``terms``."""
        if self.vendor == "sqlite":
            return (
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [self._fts_expression(terms, any_terms)],
            )
        return (
            "SELECT id FROM search_searchdocument WHERE search_vector @@ to_tsquery('simple', %s)",
            [self._tsquery(terms, any_terms)],
        )

    def _run(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ranked_ids(self, terms, filters, offset, limit, any_terms=False):
        where, where_params = _filter_sql(filters)
        if self.vendor == "sqlite":
            expression = self._fts_expression(terms, any_terms)
            rank = f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)"
            if not where_params:
                # Unfiltered: FTS5 ranks on its own, without touching the documents.
                sql = (
                    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                    f"ORDER BY {rank}, rowid LIMIT %s OFFSET %s"
                )
                params = [expression, limit, offset]
            else:
                sql = (
                    f"SELECT d.id FROM {FTS_TABLE} f JOIN search_searchdocument d "
                    f"ON d.id = f.rowid WHERE {FTS_TABLE} MATCH %s AND {where} "
                    f"ORDER BY {rank}, d.id LIMIT %s OFFSET %s"
                )
                params = [expression, *where_params, limit, offset]
        else:
            tsquery = self._tsquery(terms, any_terms)
            sql = (
                "SELECT d.id FROM search_searchdocument d, to_tsquery('simple', %s) q "
                f"WHERE d.search_vector @@ q AND {where} "
                "ORDER BY ts_rank(d.search_vector, q) DESC, d.id LIMIT %s OFFSET %s"
            )
            params = [tsquery, *where_params, limit, offset]
        return [row[0] for row in self._run(sql, params)]

    def count(self, terms, filters, any_terms=False):
        where, where_params = _filter_sql(filters)
        if self.vendor == "sqlite" and not where_params:
            sql = f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            return self._run(sql, [self._fts_expression(terms, any_terms)])[0][0]
        if not where_params:
            sql = (
                "SELECT COUNT(*) FROM search_searchdocument "
                "WHERE search_vector @@ to_tsquery('simple', %s)"
            )
            return self._run(sql, [self._tsquery(terms, any_terms)])[0][0]
        ids_sql, ids_params = self._matching_ids_sql(terms, any_terms)
        sql = f"SELECT COUNT(*) FROM search_searchdocument d WHERE d.id IN ({ids_sql}) AND {where}"
        return self._run(sql, [*ids_params, *where_params])[0][0]

    def facets(self, terms, filters, any_terms=False):
        """{facet: [(value, label, count), …]} for the documents matching ``terms`` and
        ``filters``: five grouped queries, whatever the number of documents."""
        ids_sql, ids_params = self._matching_ids_sql(terms, any_terms)
        where, where_params = _filter_sql(filters)
        base = f"FROM search_searchdocument d WHERE d.id IN ({ids_sql}) AND {where}"
        params = [*ids_params, *where_params]
        labels = registry.kind_labels()
        result = {}
        result["type"] = [
            (kind, label or labels.get(kind, kind), count)
            for kind, label, count in self._run(
                f"SELECT d.kind, MAX(d.kind_label), COUNT(*) {base} GROUP BY d.kind "
                "ORDER BY COUNT(*) DESC, d.kind",
                params,
            )
        ]
        result["tema"] = [
            (str(pk), name, count)
            for pk, name, count in self._run(
                "SELECT t.id, t.name, COUNT(*) FROM search_searchdocument_themes dt "
                "JOIN advocacy_theme t ON t.id = dt.theme_id "
                f"WHERE dt.searchdocument_id IN (SELECT d.id {base}) "
                "GROUP BY t.id, t.name ORDER BY COUNT(*) DESC, t.name",
                params,
            )
        ]
        result["ar"] = [
            (str(year), str(year), count)
            for year, count in self._run(
                f"SELECT d.year, COUNT(*) {base} AND d.year IS NOT NULL "
                "GROUP BY d.year ORDER BY d.year DESC",
                params,
            )
        ]
        result["myndighet"] = [
            (str(pk), name, count)
            for pk, name, count in self._run(
                "SELECT a.id, a.name, COUNT(*) FROM search_searchdocument d2 "
                "JOIN advocacy_authority a ON a.id = d2.authority_id "
                f"WHERE d2.id IN (SELECT d.id {base}) "
                "GROUP BY a.id, a.name ORDER BY COUNT(*) DESC, a.name",
                params,
            )
        ]
        result["status"] = [
            (status, label or status, count)
            for status, label, count in self._run(
                f"SELECT d.status, MAX(d.status_label), COUNT(*) {base} AND d.status <> '' "
                "GROUP BY d.status ORDER BY COUNT(*) DESC, d.status",
                params,
            )
        ]
        return result

    def autocomplete(self, prefixes, limit=8):
        """Titles whose words start with the typed words: [(title, url, type label)]."""
        if not prefixes:
            return []
        if self.vendor == "sqlite":
            expression = " AND ".join(f'"{p}"*' for p in prefixes)
            rows = self._run(
                f"SELECT rowid FROM {AUTOCOMPLETE_TABLE} WHERE {AUTOCOMPLETE_TABLE} MATCH %s "
                "ORDER BY rank, rowid LIMIT %s",
                [expression, limit * 2],
            )
        else:
            tsquery = " & ".join(f"'{p}':*" for p in prefixes)
            rows = self._run(
                "SELECT id FROM search_searchdocument "
                "WHERE autocomplete_vector @@ to_tsquery('simple', %s) "
                "ORDER BY length(title), id LIMIT %s",
                [tsquery, limit * 2],
            )
        found = public_documents().filter(pk__in=[row[0] for row in rows])
        by_id = {doc.pk: doc for doc in found.only("title", "url", "kind_label", "page_id")}
        ordered = [by_id[row[0]] for row in rows if row[0] in by_id][:limit]
        return [(doc.title, doc.url, doc.kind_label) for doc in ordered]

    def search(self, query, with_facets=True):
        terms = query.terms
        if not terms:
            return SearchOutcome(documents=[], total=0, facets={})
        any_terms = False
        total = self.count(terms, query.filters)
        if total == 0 and len(terms) > 1:
            any_terms = True
            total = self.count(terms, query.filters, any_terms=True)
        ids = (
            self.ranked_ids(terms, query.filters, query.offset, query.per_page, any_terms)
            if total
            else []
        )
        return SearchOutcome(
            documents=load_documents(ids),
            total=total,
            facets=self.facets(terms, query.filters, any_terms) if with_facets and total else {},
            any_terms=any_terms,
        )


def load_documents(ids):
    """The documents with ``ids``, in that order, with what a result shows: two queries."""
    if not ids:
        return []
    by_id = public_documents().select_related("authority").prefetch_related("themes")
    found = {doc.pk: doc for doc in by_id.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


class EngineIndex:
    """Elasticsearch/OpenSearch through Wagtail's backend. Facets come from the
    database index, which analyses text the same way."""

    def __init__(self, name):
        self.name = name
        self.backend = health.get_engine(name)

    def _queryset(self, filters):
        queryset = SearchDocument.objects.all()
        if filters.get("type"):
            queryset = queryset.filter(kind=filters["type"])
        if filters.get("ar"):
            queryset = queryset.filter(year=filters["ar"])
        if filters.get("myndighet"):
            queryset = queryset.filter(authority_id=filters["myndighet"])
        if filters.get("status"):
            queryset = queryset.filter(status=filters["status"])
        if filters.get("tema"):
            ids = list(
                SearchDocument.themes.through.objects.filter(theme_id=filters["tema"]).values_list(
                    "searchdocument_id", flat=True
                )
            )
            queryset = queryset.filter(pk__in=ids)
        return queryset

    def search(self, query, with_facets=True):
        words = " ".join(w for w in analysis.words(query.text) if w not in analysis.OPERATOR_WORDS)
        if not query.terms:
            return SearchOutcome(documents=[], total=0, facets={}, backend=self.name)
        queryset = self._queryset(query.filters)
        any_terms = False
        results = self.backend.search(words, queryset, operator="and")
        total = results.count()
        if total == 0 and len(query.terms) > 1:
            any_terms = True
            results = self.backend.search(words, queryset, operator="or")
            total = results.count()
        page = list(results[query.offset : query.offset + query.per_page])
        visible = load_documents([doc.pk for doc in page])
        facets = (
            DatabaseIndex().facets(query.terms, query.filters, any_terms)
            if with_facets and total
            else {}
        )
        return SearchOutcome(
            documents=visible, total=total, facets=facets, any_terms=any_terms, backend=self.name
        )

    def autocomplete(self, prefixes, limit=8):
        if not prefixes:
            return []
        results = self.backend.autocomplete(" ".join(prefixes), SearchDocument.objects.all())
        return [(doc.title, doc.url, doc.kind_label) for doc in results[:limit]]


def _engine_or_database(method, *args, **kwargs):
    name = health.engine_name()
    if name:
        if health.is_tripped(name):
            health.record_fallback(name)
        else:
            try:
                result = getattr(EngineIndex(name), method)(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - any engine failure: the database answers
                health.record_failure(name, error, fallback=True)
            else:
                health.note_answer(name)
                return result, False
        return getattr(DatabaseIndex(), method)(*args, **kwargs), True
    return getattr(DatabaseIndex(), method)(*args, **kwargs), False


def run_search(query, with_facets=True):
    outcome, fell_back = _engine_or_database("search", query, with_facets=with_facets)
    outcome.fell_back = fell_back
    return outcome


def autocomplete(text, limit=8):
    suggestions, _fell_back = _engine_or_database(
        "autocomplete", analysis.query_prefixes(text)[:6], limit=limit
    )
    return suggestions


def public_documents():
    """All documents the public may see (for tests and the health panel)."""
    return SearchDocument.objects.filter(Q(page__isnull=True) | Q(page__live=True))
