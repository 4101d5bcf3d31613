"""The full-text indexes, which differ by database.

SQLite: two FTS5 tables whose rowid is the SearchDocument's id: (title, body) for
search, ranked by bm25 with the title weighted; (autocomplete) with prefix indexes.
Kept apart because a column filter on a shared table makes FTS5 read every position
list, which is several times slower on common words.

PostgreSQL: GIN indexes on the SearchDocument vectors, and on ``title || body`` of
Wagtail's own index table: the expression Wagtail's PostgreSQL backend searches (with
SEARCH_CONFIG "norwegian"), which its own per-column GIN indexes cannot serve.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_document_fts USING fts5("
    "title, body, tokenize = 'unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_autocomplete_fts USING fts5("
    "autocomplete, tokenize = 'unicode61', prefix = '2 3 4')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS search_document_fts",
    "DROP TABLE IF EXISTS search_autocomplete_fts",
]

POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin "
    "ON search_searchdocument USING GIN (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_document_autocomplete_gin "
    "ON search_searchdocument USING GIN (autocomplete_vector)",
    "CREATE INDEX IF NOT EXISTS search_wagtail_title_body_gin "
    "ON wagtailsearch_indexentry USING GIN ((title || body))",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "DROP INDEX IF EXISTS search_document_autocomplete_gin",
    "DROP INDEX IF EXISTS search_wagtail_title_body_gin",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
