"""Source health for the admin panel and the site's health endpoint:
``sources.health.status()`` returns ``{"ok": bool, "sources": [...]}``. A source that is
switched off is not a fault; one that does not answer or has changed format is."""

from django.utils import timezone

from . import conf
from .models import SourceStatus

BAD_STATES = {SourceStatus.State.UNAVAILABLE, SourceStatus.State.FORMAT_CHANGED}


def rows():
    stored = {s.name: s for s in SourceStatus.objects.all()}
    result = []
    for name in conf.SOURCES:
        status = stored.get(name) or SourceStatus(name=name)
        enabled = conf.is_enabled(name)
        state = status.state if enabled else SourceStatus.State.DISABLED
        result.append(
            {
                "name": name,
                "label": conf.label(name),
                "enabled": enabled,
                "state": state,
                "state_label": SourceStatus.State(state).label,
                "ok": state not in BAD_STATES,
                "last_success_at": status.last_success_at,
                "last_attempt_at": status.last_attempt_at,
                "last_error": status.last_error,
                "items_read": status.items_read,
                "items_new": status.items_new,
                "items_rejected": status.items_rejected,
            }
        )
    return result


def status():
    """JSON-ready health of every source (times as ISO 8601)."""
    sources = []
    for row in rows():
        sources.append(
            {
                key: (
                    timezone.localtime(value).isoformat() if hasattr(value, "isoformat") else value
                )
                for key, value in row.items()
            }
        )
    return {"ok": all(row["ok"] for row in sources), "sources": sources}
