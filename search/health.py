"""The state of the configured search engines, for the fallback, the admin health
panel and ``manage.py search_health``."""

import logging
import time
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from modelsearch.backends import get_search_backend

from .models import EngineStatus

logger = logging.getLogger("lpp.search")

# After a failure, public search goes straight to the database for this long instead
# of paying the engine's timeout on every request; then it tries the engine again.
RETRY_ENGINE_AFTER = 30.0

_tripped_until = {}
_known_bad = set()


def _is_database_backend(path):
    return path.startswith(("wagtail.search.backends.database", "modelsearch.backends.database"))


def engine_names():
    """Names of the configured backends that are external engines (not the database)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    return [name for name, conf in backends.items() if not _is_database_backend(conf["BACKEND"])]


def engine_name():
    """The engine public search asks first, or None on the embedded default."""
    names = engine_names()
    return names[0] if names else None


def get_engine(name):
    return get_search_backend(name)


def is_tripped(name):
    until = _tripped_until.get(name)
    return until is not None and until > time.monotonic()


def reset():
    _tripped_until.clear()
    _known_bad.clear()


def _status(name):
    status, _created = EngineStatus.objects.get_or_create(backend=name)
    return status


def record_failure(name, error, *, fallback=False):
    _tripped_until[name] = time.monotonic() + RETRY_ENGINE_AFTER
    _known_bad.add(name)
    message = f"{type(error).__name__}: {error}"[:2000]
    logger.warning("Søkemotoren %s svarer ikke (%s); databasen svarer i stedet.", name, message)
    now = timezone.now()
    updates = {"healthy": False, "checked_at": now, "last_failure_at": now, "last_error": message}
    if fallback:
        updates["fallback_count"] = F("fallback_count") + 1
    if not EngineStatus.objects.filter(backend=name).update(**updates):
        EngineStatus.objects.create(
            backend=name,
            healthy=False,
            checked_at=now,
            last_failure_at=now,
            last_error=message,
            fallback_count=1 if fallback else 0,
        )


def record_fallback(name):
    """A search answered by the database because the engine was known to be down."""
    EngineStatus.objects.filter(backend=name).update(fallback_count=F("fallback_count") + 1)


def note_answer(name):
    """The engine answered a search: clear a failure this process recorded."""
    if name in _known_bad:
        record_success(name)


def record_success(name):
    _tripped_until.pop(name, None)
    _known_bad.discard(name)
    now = timezone.now()
    if not EngineStatus.objects.filter(backend=name).update(healthy=True, checked_at=now):
        EngineStatus.objects.create(backend=name, healthy=True, checked_at=now)


def change_pending(name, delta):
    status = _status(name)
    EngineStatus.objects.filter(pk=status.pk).update(
        pending_updates=Greatest(F("pending_updates") + delta, Value(0))
    )


def check(name):
    """Ask the engine whether it is up. Returns (ok, message in Norwegian)."""
    backend = get_engine(name)
    started = time.monotonic()
    try:
        info = backend.es.info()
    except Exception as error:  # noqa: BLE001 - any client or network error means "down"
        record_failure(name, error)
        return False, f"Får ikke kontakt: {type(error).__name__}: {error}"
    elapsed = (time.monotonic() - started) * 1000
    record_success(name)
    version = (info.get("version") or {}).get("number", "?")
    return True, f"Svarer (versjon {version}, {elapsed:.0f} ms)"


def _without_credentials(url):
    parts = urlsplit(url)
    if parts.password or parts.username:
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def statuses():
    """Everything the health panel shows: one dict per configured engine."""
    rows = {status.backend: status for status in EngineStatus.objects.all()}
    result = []
    for name in engine_names():
        conf = settings.WAGTAILSEARCH_BACKENDS[name]
        result.append(
            {
                "name": name,
                "backend": conf["BACKEND"].rsplit(".", 1)[-1],
                "urls": [_without_credentials(url) for url in conf.get("URLS", [])],
                "prefix": conf.get("INDEX_PREFIX", ""),
                "status": rows.get(name),
                "tripped": is_tripped(name),
            }
        )
    return result
