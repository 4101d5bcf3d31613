"""Following a proposal's fate in Stortinget: each linked case's progress in the open
export becomes *draft* outcome events (with the evidence link) for staff to confirm or
discard. Nothing is published here; a step is proposed once, even if staff discard it."""

import logging
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from advocacy.models import OutcomeKind
from advocacy.outcomes import record_events

from .connectors.stortinget import StortingetConnector
from .http import FormatChanged, SourceError, SourceUnavailable
from .models import CaseLink, CaseStep, SourcedEvent

logger = logging.getLogger("lpp.sources")
CASE_ID_RE = re.compile(r"(?:[?&]p=|^)(\d{3,9})(?:$|&|#)", re.IGNORECASE)
CASE_HOSTS = {"stortinget.no", "www.stortinget.no", "data.stortinget.no"}
CASE_ID_MESSAGE = (
    "Skriv sakens ID (bare tall) eller lim inn adressen til saken på stortinget.no "
    "(den slutter med «?p=» og et tall)."
)


class CaseNotFound(SourceError):
    """Stortinget answered, but has no case with this id."""


def parse_case_id(value):
    """A case id from «104567» or a stortinget.no case address («…/Sak/?p=104567», also
    data.stortinget.no's ``…/sak?sakid=104567``)."""
    value = " ".join((value or "").split())
    if value.isdigit():
        match = CASE_ID_RE.search(value)
    else:
        try:
            parts = urlsplit(value if "://" in value else f"https://{value}")
            host = (parts.hostname or "").lower()
        except ValueError:  # «http://[» and other addresses urllib cannot split
            host = ""
        if host not in CASE_HOSTS:
            raise ValidationError(CASE_ID_MESSAGE)
        query = parts.query.replace("sakid=", "p=").replace("SakId=", "p=")
        match = CASE_ID_RE.search("?" + query)
    if not match:
        raise ValidationError(CASE_ID_MESSAGE)
    return match.group(1)


def check_link(link, connector=None, user=None):
    """Read one case and propose draft events for its new steps. Returns how many
    events were proposed. Raises SourceError when Stortinget cannot be read."""
    connector = connector or StortingetConnector()
    try:
        case = connector.read_case(link.case_id)
    except (FormatChanged, SourceUnavailable) as error:
        # A new link whose case Stortinget does not know (no «detaljert_sak», or 404):
        # a typo in the id. A case read before that fails now is the source's fault.
        missing = isinstance(error, FormatChanged) or getattr(error, "status", None) in (400, 404)
        if link.last_checked_at is None and missing:
            raise CaseNotFound(f"Fant ikke sak {link.case_id} hos Stortinget.") from error
        raise
    proposals = list(link.proposals())
    created = 0
    with transaction.atomic():
        link.title = case["title"][:500] or link.title
        link.status = case["status"][:60]
        link.last_checked_at = timezone.now()
        link.save()
        known = set(link.steps.values_list("key", flat=True))
        for key, label, evidence_kind, title, url in case["steps"]:
            if key[:80] in known:
                continue
            step = CaseStep.objects.create(link=link, key=key[:80], label=label[:200])
            if not proposals:
                continue
            data = {
                "kind": OutcomeKind.CONSIDERATION,
                "date": timezone.localdate(),
                "evidence_kind": evidence_kind,
                "evidence_title": (title or label)[:300],
                "evidence_url": url[:500],
                "staff_note": f"Foreslått fra Stortingets saksgang: {label}. Sjekk og sett riktig utfall "
                "før du bekrefter.",
            }
            try:
                with transaction.atomic():
                    events = record_events(proposals, data, user=user, publish=False)
            except (ValidationError, IntegrityError) as error:
                logger.warning("Kunne ikke foreslå hendelse for sak %s: %s", link.case_id, error)
                continue
            SourcedEvent.objects.bulk_create(
                [
                    SourcedEvent(event=e, origin=SourcedEvent.Origin.STORTINGET, step=step)
                    for e in events
                ]
            )
            created += len(events)
    return created


def check_case_links(connector=None):
    """Every linked case; a case that cannot be read is logged and the rest go on."""
    total = 0
    for link in CaseLink.objects.all():
        try:
            total += check_link(link, connector=connector)
        except SourceError as error:
            logger.warning("Stortingssak %s kunne ikke leses: %s", link.case_id, error)
    return total
