"""Background work for the search engines (Elasticsearch/OpenSearch), run by Wagtail's
django-tasks backend (``TASKS`` in the settings): queued in the database for
``manage.py db_worker`` when an engine is configured, so publishing never waits on the
engine. A failed update is retried with growing pauses; the database index, written
when the page was published, answers public search meanwhile."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from . import health
from .models import SearchDocument

logger = logging.getLogger("lpp.search")

MAX_ATTEMPTS = 6
# Seconds before attempt n+1: 10 s, 1 min, 5 min, 15 min, 1 h.
BACKOFF = [10, 60, 300, 900, 3600]


def _enqueue(action, document_ids, name, attempt):
    scheduled = sync_engine
    if attempt > 1:
        delay = BACKOFF[min(attempt - 2, len(BACKOFF) - 1)]
        scheduled = sync_engine.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    scheduled.enqueue(action, list(document_ids), name, attempt)


def can_retry_later():
    """Only a queue that can hold a task until later retries; run immediately, a retry
    would only wait on the engine again."""
    return sync_engine.get_backend().supports_defer


def push_to_engines(document_ids):
    for name in health.engine_names():
        health.change_pending(name, len(document_ids))
        _enqueue("add", document_ids, name, 1)


def remove_from_engines(document_ids):
    for name in health.engine_names():
        health.change_pending(name, len(document_ids))
        _enqueue("delete", document_ids, name, 1)


def _apply(backend, action, document_ids):
    if action == "add":
        documents = list(SearchDocument.objects.filter(pk__in=document_ids))
        if documents:
            backend.add_bulk(SearchDocument, documents)
        gone = set(document_ids) - {doc.pk for doc in documents}
    else:
        gone = set(document_ids)
    for pk in gone:
        backend.delete(SearchDocument(pk=pk))


@task()
def sync_engine(action, document_ids, name, attempt=1):
    """Send documents to (``add``) or remove them from (``delete``) engine ``name``."""
    if name not in health.engine_names():
        return "ikke konfigurert"
    backend = health.get_engine(name)
    try:
        _apply(backend, action, document_ids)
    except Exception as error:  # noqa: BLE001 - any client or network error: retry later
        health.record_failure(name, error)
        if attempt < MAX_ATTEMPTS and can_retry_later():
            logger.warning(
                "Søkeoppdatering %s av %s dokumenter mislyktes (forsøk %s av %s); prøver igjen.",
                action,
                len(document_ids),
                attempt,
                MAX_ATTEMPTS,
            )
            _enqueue(action, document_ids, name, attempt + 1)
            return "prøver igjen"
        logger.error(
            "Søkeoppdatering %s av %s dokumenter ga opp etter %s forsøk; kjør "
            "`manage.py search_rebuild` når søkemotoren svarer igjen.",
            action,
            len(document_ids),
            attempt,
        )
        return "ga opp"
    health.change_pending(name, -len(document_ids))
    health.record_success(name)
    return "ok"
