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

from base import analysis
from base.visibility import public_page_ids, public_page_ids_sql

from . import health, registry
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
    """WHERE fragments and parameters for the facet filters, always with the public
    rule: documents exist only while public, but a restriction or unpublishing that the
    index has not caught up with yet must not show in counts and facets either."""
    public_sql, public_params = public_page_ids_sql()
    where = [f"({alias}.page_id IS NULL OR {alias}.page_id IN ({public_sql}))"]
    params = [*public_params]
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

    def _matched_sql(self, terms, filters, any_terms):
        """The documents matching ``terms`` and ``filters`` with what the facets and the
        ranking need, as the body of a CTE: the full-text match runs once and every count
        reads its result. ``score`` is higher for better matches on both databases."""
        where, where_params = _filter_sql(filters)
        columns = "d.id, d.kind, d.kind_label, d.year, d.authority_id, d.status, d.status_label"
        if self.vendor == "sqlite":
            return (
                f"SELECT {columns}, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score "
                f"FROM {FTS_TABLE} f JOIN search_searchdocument d ON d.id = f.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {where}",
                [self._fts_expression(terms, any_terms), *where_params],
            )
        return (
            f"SELECT {columns}, ts_rank(d.search_vector, q) AS score "
            "FROM search_searchdocument d, to_tsquery('simple', %s) q "
            f"WHERE d.search_vector @@ q AND {where}",
            [self._tsquery(terms, any_terms), *where_params],
        )

    def _one_pass(self, terms, filters, any_terms, offset, limit, with_facets):
        """(total, ranked ids of the page, facets) in one statement: a materialised CTE
        of the matched documents, and a UNION ALL of the page of hits, the total and each
        facet's counts from it. Rows are (part, value, label, count, score)."""
        matched_sql, params = self._matched_sql(terms, filters, any_terms)
        parts = [
            "SELECT * FROM (SELECT 'hit' AS part, CAST(m.id AS TEXT) AS value, "
            "CAST(NULL AS TEXT) AS label, 0 AS n, m.score AS score FROM m "
            "ORDER BY m.score DESC, m.id LIMIT %s OFFSET %s) hits",
            "SELECT 'total', NULL, NULL, COUNT(*), NULL FROM m",
        ]
        params = [*params, limit, offset]
        if with_facets:
            parts += [
                "SELECT 'type', m.kind, MAX(m.kind_label), COUNT(*), NULL FROM m GROUP BY m.kind",
                "SELECT 'tema', CAST(t.id AS TEXT), t.name, COUNT(*), NULL FROM m "
                "JOIN search_searchdocument_themes dt ON dt.searchdocument_id = m.id "
                "JOIN advocacy_theme t ON t.id = dt.theme_id GROUP BY t.id, t.name",
                "SELECT 'ar', CAST(m.year AS TEXT), NULL, COUNT(*), NULL FROM m "
                "WHERE m.year IS NOT NULL GROUP BY m.year",
                "SELECT 'myndighet', CAST(a.id AS TEXT), a.name, COUNT(*), NULL FROM m "
                "JOIN advocacy_authority a ON a.id = m.authority_id GROUP BY a.id, a.name",
                "SELECT 'status', m.status, MAX(m.status_label), COUNT(*), NULL FROM m "
                "WHERE m.status <> '' GROUP BY m.status",
            ]
        sql = f"WITH m AS MATERIALIZED ({matched_sql}) " + " UNION ALL ".join(parts)
        rows = self._run(sql, params)
        hits = sorted(
            ((score, int(value)) for part, value, _l, _n, score in rows if part == "hit"),
            key=lambda hit: (-hit[0], hit[1]),
        )
        total = next(n for part, _v, _l, n, _s in rows if part == "total")
        facets = {}
        if with_facets:
            grouped = {facet: [] for facet in FACETS}
            for part, value, label, count, _score in rows:
                if part in grouped:
                    grouped[part].append((value, label, count))
            labels = registry.kind_labels()
            facets = {
                "type": sorted(
                    ((v, label or labels.get(v, v), n) for v, label, n in grouped["type"]),
                    key=lambda row: (-row[2], row[0]),
                ),
                "tema": sorted(grouped["tema"], key=lambda row: (-row[2], row[1])),
                "ar": sorted(
                    ((v, v, n) for v, _label, n in grouped["ar"]),
                    key=lambda row: -int(row[0]),
                ),
                "myndighet": sorted(grouped["myndighet"], key=lambda row: (-row[2], row[1])),
                "status": sorted(
                    ((v, label or v, n) for v, label, n in grouped["status"]),
                    key=lambda row: (-row[2], row[0]),
                ),
            }
        return total, [pk for _score, pk in hits], facets

    def facets(self, terms, filters, any_terms=False):
        """{facet: [(value, label, count), …]} for the documents matching ``terms`` and
        ``filters``: one statement, whatever the number of documents."""
        return self._one_pass(terms, filters, any_terms, 0, 0, with_facets=True)[2]

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
        total, ids, facets = self._one_pass(
            terms, query.filters, False, query.offset, query.per_page, with_facets
        )
        if total == 0 and len(terms) > 1:
            # No document has every word: those with some of them, in the same one pass.
            any_terms = True
            total, ids, facets = self._one_pass(
                terms, query.filters, True, query.offset, query.per_page, with_facets
            )
        return SearchOutcome(
            documents=load_documents(ids),
            total=total,
            facets=facets if total else {},
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
        found = list(results[: limit * 2])
        # The engine's copy may lag behind a restriction: the public rule decides.
        ids = [doc.pk for doc in found]
        visible = set(public_documents().filter(pk__in=ids).values_list("pk", flat=True))
        ordered = [doc for doc in found if doc.pk in visible][:limit]
        return [(doc.title, doc.url, doc.kind_label) for doc in ordered]


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
    """All documents the public may see: those without a page, and those whose page is
    public (base.visibility: live, not expired, not restricted on it or above)."""
    return SearchDocument.objects.filter(Q(page__isnull=True) | Q(page__in=public_page_ids()))
