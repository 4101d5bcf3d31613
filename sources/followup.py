"""Following a proposal's fate in Stortinget: each linked case's progress in the open
export becomes *draft* outcome events (with the evidence link) for staff to confirm or
discard. Nothing is published here; a step is proposed once, even if staff discard it."""

import logging
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from advocacy.models import OutcomeKind
from advocacy.outcomes import record_events

from .connectors.stortinget import StortingetConnector
from .http import SourceError
from .models import CaseLink, CaseStep, SourcedEvent

logger = logging.getLogger("lpp.sources")
CASE_ID_RE = re.compile(r"(?:[?&]p=|^)(\d{3,9})(?:$|&)")


def parse_case_id(value):
    """A case id from «104567» or a stortinget.no case address («…/Sak/?p=104567»)."""
    value = (value or "").strip()
    match = CASE_ID_RE.search(value)
    if not match:
        raise ValidationError(
            "Skriv sakens ID (bare tall) eller lim inn adressen til saken på stortinget.no "
            "(den slutter med «?p=» og et tall)."
        )
    return match.group(1)


def check_link(link, connector=None, user=None):
    """Read one case and propose draft events for its new steps. Returns how many
    events were proposed. Raises SourceError when Stortinget cannot be read."""
    connector = connector or StortingetConnector()
    case = connector.read_case(link.case_id)
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
