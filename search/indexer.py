"""Keeps the public search index (:class:`search.models.SearchDocument` and its
full-text table) in step with what is public.

The database index is written synchronously, after the saving transaction commits:
it is the database itself, fast, and what public search always falls back to. A
configured Elasticsearch/OpenSearch engine is updated by a background task
(:mod:`search.tasks`), so publishing never waits on it.
"""

import datetime
import html
import logging
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.html import strip_tags
from modelsearch.index import RelatedFields, SearchField

from base import analysis

from . import registry
from .models import SearchDocument

logger = logging.getLogger("lpp.search")

TEXT_LIMIT = 100_000
FTS_TABLE = "search_document_fts"
AUTOCOMPLETE_TABLE = "search_autocomplete_fts"


# ---------------------------------------------------------------- building a document


BLOCK_END_RE = re.compile(r"</(?:p|h[1-6]|li|blockquote|div|tr|td|th)>|<br\s*/?>", re.IGNORECASE)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    text = str(value)
    if "<" in text:
        # Each paragraph, heading and list item on a line of its own, not run together.
        text = strip_tags(BLOCK_END_RE.sub("\n", text))
    return html.unescape(text)


def _field_texts(obj, fields):
    texts = []
    for field in fields:
        if isinstance(field, SearchField):
            if field.field_name == "title":
                continue
            texts.append(_plain(field.get_value(obj)))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                texts.extend(
                    _plain(sub.get_value(item))
                    for sub in field.fields
                    if isinstance(sub, SearchField)
                )
    return "\n".join(text for text in texts if text.strip())


def _convention(obj, *names):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _status(obj):
    """A ``public_status`` of (key, label), or nothing: a model's own ``status`` field is
    often an editorial or staff state and is never read by convention."""
    public_status = getattr(obj, "public_status", None)
    if isinstance(public_status, (tuple, list)) and len(public_status) == 2:
        return str(public_status[0] or ""), str(public_status[1] or "")
    return "", ""


def build_document(obj):
    """The fields of ``obj``'s SearchDocument (a dict), from its ``search_document()``
    where it has one and the conventions of :mod:`search.registry` otherwise."""
    from wagtail.models import Page

    model = type(obj)
    custom = obj.search_document() if callable(getattr(obj, "search_document", None)) else {}
    is_page = isinstance(obj, Page)

    title = custom.get("title") or getattr(obj, "title", None) or str(obj)
    text = custom["text"] if "text" in custom else _field_texts(obj, obj.get_search_fields())
    if "url" in custom:
        url = custom["url"]
    elif is_page:
        url = obj.get_url() or obj.url_path
    else:
        url = obj.get_absolute_url()
    date = custom.get("date") or _convention(obj, "first_published_at", "date")
    if isinstance(date, datetime.datetime):
        date = date.date()
    if "themes" in custom:
        themes = list(custom["themes"])
    else:
        value = getattr(obj, "themes", None)
        if isinstance(value, (list, tuple)):
            themes = list(value)
        elif value is not None and hasattr(value, "all"):
            themes = list(value.all())
        else:
            themes = []
    authority = (
        custom.get("authority")
        if "authority" in custom
        else _convention(obj, "authority", "target_authority")
    )
    if "status" in custom:
        status, status_label = custom["status"] or "", custom.get("status_label") or ""
    else:
        status, status_label = _status(obj)
    page = custom.get("page") if "page" in custom else (obj if is_page else None)

    return {
        "content_type": ContentType.objects.get_for_model(model),
        "source_id": str(obj.pk),
        "page_id": page.pk if page is not None else None,
        "kind": registry.kind_key(model),
        "kind_label": custom.get("kind_label") or registry.kind_label(model),
        "title": str(title)[:255],
        "url": url or "",
        "text": _plain(text)[:TEXT_LIMIT],
        "date": date,
        "year": date.year if date else None,
        "authority_id": getattr(authority, "pk", None),
        "status": status[:50],
        "status_label": status_label[:100],
        "themes": themes,
    }


# ---------------------------------------------------------------- full-text rows


def _fts_values(document):
    return (
        analysis.index_text(document.title),
        analysis.index_text(document.text),
        analysis.autocomplete_words(document.title),
    )


def write_fulltext(documents):
    """Write the analysed text of ``documents`` into the vendor's full-text index."""
    if not documents:
        return
    rows = [(doc.pk, *_fts_values(doc)) for doc in documents]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            ids = [(row[0],) for row in rows]
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", ids)
            cursor.executemany(f"DELETE FROM {AUTOCOMPLETE_TABLE} WHERE rowid = %s", ids)
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, title, body) for pk, title, body, _auto in rows],
            )
            cursor.executemany(
                f"INSERT INTO {AUTOCOMPLETE_TABLE} (rowid, autocomplete) VALUES (%s, %s)",
                [(pk, auto) for pk, _title, _body, auto in rows],
            )
        elif connection.vendor == "postgresql":
            cursor.executemany(
                "UPDATE search_searchdocument SET "
                "search_vector = setweight(to_tsvector('simple', %s), 'A') "
                "|| setweight(to_tsvector('simple', %s), 'B'), "
                "autocomplete_vector = to_tsvector('simple', %s) WHERE id = %s",
                [(title, body, auto, pk) for pk, title, body, auto in rows],
            )


def delete_fulltext(document_ids):
    if connection.vendor == "sqlite" and document_ids:
        with connection.cursor() as cursor:
            for table in (FTS_TABLE, AUTOCOMPLETE_TABLE):
                cursor.executemany(
                    f"DELETE FROM {table} WHERE rowid = %s", [(pk,) for pk in document_ids]
                )


# ---------------------------------------------------------------- one object


def _save(fields):
    themes = fields.pop("themes")
    document, _created = SearchDocument.objects.update_or_create(
        content_type=fields.pop("content_type"),
        source_id=fields.pop("source_id"),
        defaults=fields,
    )
    document.themes.set(themes)
    write_fulltext([document])
    return document


def index_object(obj):
    """Index ``obj`` if the public may see it, or remove it from the index if not.
    Returns the SearchDocument, or None when the object is not public."""
    model = type(obj)
    if not registry.is_searchable(model):
        return None
    if not registry.is_public(obj):
        remove_object(model, obj.pk)
        return None
    with transaction.atomic():
        document = _save(build_document(obj))
    from . import tasks

    tasks.push_to_engines([document.pk])
    return document


def index_by_key(app_label, model_name, pk):
    """Index (or remove) an object given by model and primary key."""
    from django.apps import apps

    model = apps.get_model(app_label, model_name)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        remove_object(model, pk)
        return None
    if hasattr(obj, "specific"):
        obj = obj.specific
        if type(obj) is not model and not registry.is_searchable(model):
            model = type(obj)
    return index_object(obj)


def remove_object(model, pk):
    content_type = ContentType.objects.get_for_model(model)
    documents = SearchDocument.objects.filter(content_type=content_type, source_id=str(pk))
    ids = list(documents.values_list("pk", flat=True))
    if not ids:
        return 0
    from . import tasks

    tasks.remove_from_engines(ids)
    delete_fulltext(ids)
    SearchDocument.objects.filter(pk__in=ids).delete()
    return len(ids)


def reindex_documents_of_page(page):
    """Re-check everything whose being public depends on ``page`` (the page and, for
    example, the proposals written in it)."""
    for document in SearchDocument.objects.filter(page=page).select_related("content_type"):
        model = document.content_type.model_class()
        if model is not None:
            index_by_key(model._meta.app_label, model._meta.model_name, document.source_id)


def schedule(obj):
    """Index ``obj`` once the current transaction commits (so a proposal's themes,
    saved after the proposal itself, are there)."""
    label = (obj._meta.app_label, obj._meta.model_name, obj.pk)
    transaction.on_commit(lambda: index_by_key(*label), robust=True)


# ---------------------------------------------------------------- everything


def iter_public_objects(model, chunk_size=500):
    queryset = registry.public_queryset(model).order_by("pk")
    last_pk = None
    while True:
        chunk = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        objects = list(chunk[:chunk_size])
        if not objects:
            return
        yield from objects
        last_pk = objects[-1].pk


def rebuild(progress=None, chunk_size=500):
    """Rebuild the public index from scratch: every public object of every searchable
    type. ``progress(done, total, label)`` is called as it goes. Returns the count."""
    models = registry.searchable_models()
    totals = {model: registry.public_queryset(model).count() for model in models}
    total = sum(totals.values())
    done = 0
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
                cursor.execute(f"DELETE FROM {AUTOCOMPLETE_TABLE}")
        SearchDocument.themes.through.objects.all().delete()
        SearchDocument.objects.all().delete()
        for model in models:
            batch = []
            for obj in iter_public_objects(model, chunk_size):
                batch.append(build_document(obj))
                if len(batch) >= chunk_size:
                    done += _bulk_save(batch)
                    batch = []
                    if progress:
                        progress(done, total, registry.kind_label(model))
            done += _bulk_save(batch)
            if progress:
                progress(done, total, registry.kind_label(model))
    return done


def _bulk_save(batch):
    if not batch:
        return 0
    themes_by_index = [fields.pop("themes") for fields in batch]
    documents = SearchDocument.objects.bulk_create([SearchDocument(**fields) for fields in batch])
    if connection.vendor != "postgresql" and any(doc.pk is None for doc in documents):
        # Older SQLite without RETURNING: read the ids back.
        keys = [(doc.content_type_id, doc.source_id) for doc in documents]
        ids = {
            (ct, oid): pk
            for pk, ct, oid in SearchDocument.objects.filter(
                object_id__in=[k[1] for k in keys]
            ).values_list("pk", "content_type_id", "source_id")
        }
        for doc in documents:
            doc.pk = ids[(doc.content_type_id, doc.source_id)]
    through = SearchDocument.themes.through
    through.objects.bulk_create(
        [
            through(searchdocument_id=doc.pk, theme_id=theme.pk)
            for doc, themes in zip(documents, themes_by_index, strict=True)
            for theme in themes
        ]
    )
    write_fulltext(documents)
    return len(documents)
