"""The rules of outcome tracking: what counts as a proposal's status and freshness, what
an acceptable event is, and how events are recorded, corrected and published.

* **Status** is the latest *decisive* published event (adopted, partly adopted,
  rejected, not addressed, implemented); before there is one, the latest published
  event of any kind (submitted, acknowledged, …) shows how far it has come.
* **Freshness** is kept apart: ``final`` when the status closes the matter
  (implemented, rejected, not addressed), ``stale`` when nothing has been published
  for :attr:`OutcomeSettings.stale_after_months` months, otherwise ``active``.
* Status lives in denormalised columns on :class:`~advocacy.models.Proposal`, updated
  here in a constant number of UPDATE statements, so lists and figures over thousands
  of proposals aggregate in SQL. Freshness depends on today's date, so it is an SQL
  annotation (:func:`with_freshness`).
"""

import datetime
from calendar import monthrange

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from base.personal_data import find_personal_data, warning_text

from ..models import OutcomeEvent, OutcomeKind, OutcomeSettings, Proposal
from ..models.outcomes import PUBLIC_EVENT_DETAILS, STAFF_ONLY_EVENT_FIELDS

K = OutcomeKind
DECISIVE = (K.ADOPTED, K.PARTLY_ADOPTED, K.REJECTED, K.NOT_ADDRESSED, K.IMPLEMENTED)
PROGRESS = (K.SUBMITTED, K.ACKNOWLEDGED, K.DIALOGUE, K.CONSIDERATION)
# "Helt eller delvis tatt til følge": implemented counts, it was adopted first.
ADOPTED = (K.ADOPTED, K.PARTLY_ADOPTED, K.IMPLEMENTED)
FINAL = (K.IMPLEMENTED, K.REJECTED, K.NOT_ADDRESSED)


class Freshness(models.TextChoices):
    ACTIVE = "active", "Aktiv"
    STALE = "stale", "Uten nytt"
    FINAL = "final", "Avsluttet"


# The outcome categories of the public figures, in the order charts and tables show them.
# "pending" gathers every proposal without a decisive outcome.
CATEGORIES = [
    ("implemented", "Gjennomført", (K.IMPLEMENTED,)),
    ("adopted", "Tatt til følge", (K.ADOPTED,)),
    ("partly_adopted", "Delvis tatt til følge", (K.PARTLY_ADOPTED,)),
    ("rejected", "Ikke tatt til følge", (K.REJECTED,)),
    ("not_addressed", "Ikke omtalt", (K.NOT_ADDRESSED,)),
    ("pending", "Venter på svar", ("", *PROGRESS)),
]
CATEGORY_STATUSES = {key: statuses for key, _label, statuses in CATEGORIES}


def today():
    return timezone.localdate()


def months_before(day, months):
    """The same day ``months`` calendar months earlier (clamped to the month's end)."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, monthrange(year, month)[1]))


def stale_after_months():
    return OutcomeSettings.load().stale_after_months


def freshness_expression(on=None, months=None):
    cutoff = months_before(on or today(), months or stale_after_months())
    return Case(
        When(outcome_status__in=FINAL, then=Value(Freshness.FINAL.value)),
        When(
            Q(outcome_last_event_on__lt=cutoff)
            | Q(outcome_last_event_on__isnull=True, submitted_on__lt=cutoff),
            then=Value(Freshness.STALE.value),
        ),
        default=Value(Freshness.ACTIVE.value),
        output_field=models.CharField(),
    )


def with_freshness(queryset, on=None, months=None):
    """Annotate ``freshness`` (active / stale / final) in SQL, as of ``on`` (today)."""
    return queryset.annotate(freshness=freshness_expression(on, months))


def status_event(events):
    """The event that set the proposal's status, from its published current events
    ordered newest first: the latest decisive one, else the latest (as
    :func:`refresh_outcomes` decides). Its evidence is what a status is shown with —
    never a later, less decisive event's."""
    events = list(events)
    for event in events:
        if event.kind in DECISIVE:
            return event
    return events[0] if events else None


def freshness_label(value):
    return Freshness(value).label if value else ""


def category_counts(prefix=""):
    """Count(...) aggregates, one per outcome category, plus ``total``, ``decided`` and
    ``adopted_total``. ``prefix`` reaches the proposal through a relation
    (``"content_object__"`` from a theme link)."""
    status = f"{prefix}outcome_status__in"
    aggregates = {
        key: Count("pk", filter=Q(**{status: statuses})) for key, _label, statuses in CATEGORIES
    }
    aggregates["total"] = Count("pk")
    aggregates["decided"] = Count("pk", filter=Q(**{status: DECISIVE}))
    aggregates["adopted_total"] = Count("pk", filter=Q(**{status: ADOPTED}))
    return aggregates


def adoption_rate(adopted, decided):
    """Share of decided proposals that were wholly or partly adopted, in whole percent;
    None while nothing is decided."""
    if not decided:
        return None
    return round(100 * adopted / decided)


def summary_text(adopted, total):
    if not total:
        return "Ingen forslag ennå"
    noun = "forslag"
    return f"{adopted} av {total} {noun} helt eller delvis tatt til følge"


def outcome_summary(proposals):
    """The roll-up of a set of proposals (e.g. one consultation response's), in one query:
    ``{"adopted": 3, "total": 7, "decided": 5, "text": "3 av 7 forslag helt eller delvis
    tatt til følge"}``."""
    figures = proposals.aggregate(
        total=Count("pk"),
        adopted=Count("pk", filter=Q(outcome_status__in=ADOPTED)),
        decided=Count("pk", filter=Q(outcome_status__in=DECISIVE)),
    )
    figures["text"] = summary_text(figures["adopted"], figures["total"])
    return figures


# Validation of an event (its date, evidence and corrections) is the model's own:
# advocacy.models.outcomes.validate_event, run by OutcomeEvent.clean().


# --- keeping the proposal's status in step ----------------------------------------------


def refresh_outcomes(proposal_ids):
    """Recompute the status columns of the given proposals from their current events:
    one UPDATE per 500 proposals, whatever the number of events."""
    ids = sorted({int(pk) for pk in proposal_ids})
    current = OutcomeEvent.objects.filter(proposal=OuterRef("pk"), superseded_at__isnull=True)
    published = current.filter(published_at__isnull=False).order_by("-date", "-recorded_at", "-pk")
    decisive = published.filter(kind__in=DECISIVE)
    submitted = current.filter(kind=K.SUBMITTED).order_by("date", "pk")
    for start in range(0, len(ids), 500):
        Proposal.objects.filter(pk__in=ids[start : start + 500]).update(
            outcome_status=Coalesce(
                Subquery(decisive.values("kind")[:1]),
                Subquery(published.values("kind")[:1]),
                Value(""),
            ),
            outcome_date=Coalesce(
                Subquery(decisive.values("date")[:1]), Subquery(published.values("date")[:1])
            ),
            outcome_last_event_on=Subquery(published.values("date")[:1]),
            submitted_on=Coalesce(Subquery(submitted.values("date")[:1]), F("submitted_on")),
        )


# --- recording, correcting, publishing ----------------------------------------------------

# What staff enter for an event: what the public may see of it and the staff-only note.
EVENT_FIELDS = [*PUBLIC_EVENT_DETAILS, *STAFF_ONLY_EVENT_FIELDS]
# The same event recorded again this soon by the same person is a double click, not news.
DOUBLE_CLICK = datetime.timedelta(minutes=2)


EXCLUDE_FROM_CLEAN = ["proposal", "recorded_by", "published_by", "corrects"]


def _new_event(proposal, data, user, corrects=None):
    fields = {name: data[name] for name in EVENT_FIELDS if name in data}
    return OutcomeEvent(proposal=proposal, recorded_by=user, corrects=corrects, **fields)


def check_public_notes(events):
    """Raise ValidationError (on ``public_note``) when an event about to go public has a
    public note that looks like personal data (base.personal_data). A public note says what
    an authority did; it never needs a relative's name, number or diagnosis, so there is
    nothing to confirm: the text must change. Drafts may hold it (staff are warned)."""
    for event in events:
        findings = find_personal_data(event.public_note)
        if findings:
            raise ValidationError(
                {
                    "public_note": "Den offentlige merknaden kan ikke publiseres: "
                    + warning_text(findings).replace(" eller bekreft at de kan publiseres", "")
                }
            )


def record_events(proposals, data, user=None, publish=False):
    """Record the same event for each proposal, all or nothing. Raises ValidationError
    naming each proposal the event does not fit."""
    events = [_new_event(proposal, data, user) for proposal in proposals]
    problems = []
    for event in events:
        try:
            event.full_clean(exclude=EXCLUDE_FROM_CLEAN)
        except ValidationError as error:
            if len(events) == 1:
                raise
            messages = [m for field_messages in error.message_dict.values() for m in field_messages]
            problems.append(f"«{event.proposal}»: {' '.join(messages)}")
    if problems:
        raise ValidationError(problems)
    if publish:
        check_public_notes(events[:1])
    with transaction.atomic():
        now = timezone.now()
        if user is not None:
            _refuse_repeats(events, now)
        for event in events:
            event.recorded_at = now
            if publish:
                event.published_at = now
                event.published_by = user
        for event in events:
            # One save each (not bulk_create) so post_save reaches every listener, such
            # as the public page cache.
            event.save()
        refresh_outcomes(p.pk for p in proposals)
    return events


def _refuse_repeats(events, now):
    """Refuse an event identical to one the same user recorded moments ago. The proposal
    rows are locked first, so two simultaneous clicks are checked one after the other."""
    list(Proposal.objects.select_for_update().filter(pk__in=[e.proposal_id for e in events]))
    for event in events:
        same = {name: getattr(event, name) for name in EVENT_FIELDS}
        if OutcomeEvent.objects.filter(
            proposal_id=event.proposal_id,
            recorded_by=event.recorded_by,
            recorded_at__gte=now - DOUBLE_CLICK,
            corrects=None,
            **same,
        ).exists():
            raise ValidationError(
                f"Hendelsen er allerede registrert for «{event.proposal}». Ingenting nytt er lagret."
            )


def record_event(proposal, data, user=None, publish=False):
    return record_events([proposal], data, user=user, publish=publish)[0]


def correct_event(original, data, user=None, publish=False):
    """Record a corrected version of ``original``. The original is kept, marked as
    superseded once the correction counts: at once when the original was never
    published or the correction is published now, otherwise when the correction is."""
    event = _new_event(original.proposal, data, user, corrects=original)
    event.full_clean(exclude=EXCLUDE_FROM_CLEAN)
    if publish:
        check_public_notes([event])
    with transaction.atomic():
        event.save()
        if publish:
            publish_events(OutcomeEvent.objects.filter(pk=event.pk), user)
        elif not original.is_published:
            _supersede([original])
            refresh_outcomes([original.proposal_id])
    event.refresh_from_db()
    return event


def _supersede(events, when=None):
    when = when or timezone.now()
    for event in events:
        if event.superseded_at is None:
            event.superseded_at = when
            event.save(update_fields=["superseded_at"])


def publish_events(events, user=None):
    """Publish the given draft events (current ones only); returns how many."""
    with transaction.atomic():
        drafts = list(
            events.filter(published_at__isnull=True, superseded_at__isnull=True).select_for_update()
        )
        if not drafts:
            return 0
        check_public_notes(drafts)
        now = timezone.now()
        for draft in drafts:
            draft.published_at = now
            draft.published_by = user
            draft.save(update_fields=["published_at", "published_by"])
        originals = OutcomeEvent.objects.filter(
            pk__in=[e.corrects_id for e in drafts if e.corrects_id], superseded_at__isnull=True
        )
        _supersede(list(originals), when=now)
        refresh_outcomes(e.proposal_id for e in drafts)
    return len(drafts)


def discard_draft(event):
    """Delete a draft recorded by mistake: only a current event that was never published.
    A draft correction of another draft gives that draft back. Returns whether anything
    was discarded."""
    with transaction.atomic():
        # Lock only the event row: PostgreSQL refuses FOR UPDATE on an outer join.
        draft = (
            OutcomeEvent.objects.select_for_update(of=("self",))
            .filter(pk=event.pk, published_at__isnull=True, superseded_at__isnull=True)
            .select_related("corrects")
            .first()
        )
        if draft is None:
            return False
        original = draft.corrects
        draft.delete()
        if original is not None and not original.is_published:
            original.superseded_at = None
            original.save(update_fields=["superseded_at"])
        refresh_outcomes([draft.proposal_id])
    return True
