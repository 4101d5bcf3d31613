"""The health endpoint for the load balancer and the operator: ``/helse/``.

Checks the parts a public page or a publish depends on — the database, the shared cache,
search, and the task queue (the age of the oldest task waiting for ``db_worker``) — and
answers 200 when all are well, 503 when one is not. Anonymous callers (the load balancer,
anyone on the internet) learn only "ok" or "feil"; staff see each part with its reason.
Never cached, by the page cache or the edge.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from sources import health as sources_health

logger = logging.getLogger("lpp.health")

CHECK_KEY = "lpp:health:"


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return False, f"Databasen svarer ikke: {type(error).__name__}"
    return True, "Svarer"


def check_cache():
    """A write and a read through the cache every process shares (a Redis outage makes
    it behave as an empty cache: base/cache_backends.py)."""
    cache = caches["default"]
    key = CHECK_KEY + uuid.uuid4().hex
    token = uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    ok = cache.get(key) == token
    cache.delete(key)
    if not ok:
        return False, "Cachen svarer ikke (sidene vises uten cache)"
    return True, "Svarer"


def check_search():
    from search import health as search_health

    name = search_health.engine_name()
    if name is None:
        return True, "Databasesøk"
    ok, message = search_health.check(name)
    if not ok:
        return False, f"Søkemotoren svarer ikke (søket bruker databasen): {message}"
    return True, message


def check_task_queue():
    """The age of the oldest task waiting for ``manage.py db_worker``: tasks that wait
    longer than LPP_HEALTH_TASK_MAX_AGE seconds mean the worker is stopped or stuck."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_tasks_db"):
        return True, "Oppgaver kjøres med en gang (ingen kø)"
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    if oldest is None:
        return True, "Køen er tom"
    age = (timezone.now() - oldest.enqueued_at).total_seconds()
    limit = settings.LPP_HEALTH_TASK_MAX_AGE
    if age > limit:
        return False, (
            f"Eldste oppgave har ventet i {age:.0f} sekunder (grense {limit}): kjører db_worker?"
        )
    return True, f"Eldste oppgave har ventet i {age:.0f} sekunder"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "søk": check_search,
    "oppgavekø": check_task_queue,
}


def run_checks():
    """{part: (ok, message, milliseconds)} for every part."""
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            ok, message = check()
        except Exception as error:  # noqa: BLE001 - a failing check is a red part, not a 500
            logger.exception("Helsesjekken %s feilet", name)
            ok, message = False, f"Sjekken feilet: {type(error).__name__}"
        results[name] = (ok, message, round((time.monotonic() - started) * 1000, 1))
    return results


@require_safe
@never_cache
def health(request):
    results = run_checks()
    healthy = all(ok for ok, _message, _ms in results.values())
    body = {"status": "ok" if healthy else "feil"}
    user = getattr(request, "user", None)
    if user is not None and user.has_perm("wagtailadmin.access_admin"):
        body["deler"] = {
            name: {"ok": ok, "melding": message, "ms": ms}
            for name, (ok, message, ms) in results.items()
        }
        # The watched public sources (sources/): reported to staff, never a reason for a
        # 503 – another site being down must not take this one out of the load balancer.
        body["kilder"] = sources_health.status()
    for name, (ok, message, _ms) in results.items():
        if not ok:
            logger.warning("Helsesjekk: %s er ikke i orden: %s", name, message)
    return JsonResponse(
        body, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False}
    )
