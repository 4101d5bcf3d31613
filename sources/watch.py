"""Reading the sources: one run per source, its health recorded whatever happens."""

import logging

from django.core.exceptions import ValidationError
from django.utils import timezone

from . import conf
from .connectors import CONNECTORS
from .connectors.base import Rejected
from .http import FormatChanged, SourceError
from .models import Candidate, SourceStatus
from .radar import load_signals, store_item

logger = logging.getLogger("lpp.sources")


def _status(name):
    status, _ = SourceStatus.objects.get_or_create(name=name)
    return status


def run_source(name, base_url=None):
    """Read one source and store its new items. Returns its SourceStatus."""
    status = _status(name)
    status.last_attempt_at = timezone.now()
    if not conf.is_enabled(name) and base_url is None:
        status.state = SourceStatus.State.DISABLED
        status.save()
        return status
    healthy_before = status.state == SourceStatus.State.OK and not status.items_rejected
    connector = CONNECTORS[name](base_url=base_url, conditional=healthy_before)
    known = set(Candidate.objects.filter(source=name).values_list("external_id", flat=True))
    try:
        results = connector.fetch(known_ids=known)
    except FormatChanged as error:
        logger.warning("Kilden %s har endret format: %s", name, error)
        status.state, status.last_error = SourceStatus.State.FORMAT_CHANGED, str(error)
        status.save()
        return status
    except SourceError as error:
        logger.warning("Kilden %s svarer ikke: %s", name, error)
        status.state, status.last_error = SourceStatus.State.UNAVAILABLE, str(error)
        status.save()
        return status
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as error:
        # A format the parser did not foresee: logged with its trace for the developers,
        # reported to staff as a format change – never a failed page or a stopped timer.
        logger.exception("Kilden %s kunne ikke tolkes", name)
        status.state = SourceStatus.State.FORMAT_CHANGED
        status.last_error = f"Kilden kunne ikke tolkes ({type(error).__name__})."
        status.save()
        return status
    signals = load_signals()
    rejected = [r for r in results if isinstance(r, Rejected)]
    new = 0
    for item in results:
        if isinstance(item, Rejected):
            continue
        try:
            if store_item(item, signals) is not None:
                new += 1
        except ValidationError as error:
            rejected.append(Rejected(item.external_id, " ".join(error.messages)))
    status.items_read = len(results)
    status.items_new = new
    status.items_rejected = len(rejected)
    status.last_success_at = timezone.now()
    if rejected:
        status.state = SourceStatus.State.FORMAT_CHANGED
        status.last_error = "; ".join(f"{r.external_id}: {r.reason}" for r in rejected)[:2000]
    else:
        status.state, status.last_error = SourceStatus.State.OK, ""
    status.save()
    return status


def run_all(names=None):
    """Every enabled source (or the given ones), then the Stortinget follow-up."""
    from .followup import check_case_links

    results = [run_source(name) for name in (names or conf.SOURCES)]
    if conf.is_enabled("stortinget") and (not names or "stortinget" in names):
        check_case_links()
    return results
