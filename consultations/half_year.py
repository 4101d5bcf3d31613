"""The consultations in the board's half-year report (advocacy's ``lpp_half_year_sections``
hook): what LPP answered, declined and missed in the period.

* **besvart** – a submission was recorded with its sent date in the period;
* **avstått** – LPP decided to decline (status «Avstår») in the period;
* **ikke besvart** (missed) – the høringsfrist fell in the period and has passed, with no
  submission and without declining.

A consultation counts once, under the first rule that holds."""

import datetime

from django.db.models import Q
from django.utils import timezone

from advocacy.outcomes.report_sections import ReportRow, ReportSection
from base.admin_urls import snippet_url
from base.dates import long_date

from .models import Consultation
from .status import Status

ANSWERED, DECLINED, MISSED = "Besvart", "Avstått", "Ikke besvart innen fristen"


def _start_of(day):
    """The first moment of a day in Oslo, so a decision at 00.30 counts on its own day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def consultations_in_period(start, end, authority=None, today=None):
    """[(outcome label, consultation)] for the period, sorted by date within each outcome."""
    today = today or timezone.localdate()
    base = Consultation.objects.select_related("authority", "submission")
    if authority is not None:
        base = base.filter(authority=authority)
    answered = base.filter(
        submission__submitted_on__gte=start, submission__submitted_on__lte=end
    ).order_by("submission__submitted_on", "pk")
    declined = base.filter(
        status=Status.DECLINED,
        status_changed_at__gte=_start_of(start),
        status_changed_at__lt=_start_of(end + datetime.timedelta(days=1)),
    ).order_by("status_changed_at", "pk")
    missed = (
        base.filter(deadline__gte=start, deadline__lte=min(end, today - datetime.timedelta(days=1)))
        .filter(Q(submission__isnull=True))
        .exclude(status=Status.DECLINED)
        .order_by("deadline", "pk")
    )
    return (
        [(ANSWERED, c) for c in answered]
        + [(DECLINED, c) for c in declined]
        + [(MISSED, c) for c in missed]
    )


def _what_happened(outcome, consultation):
    if outcome == ANSWERED:
        submission = consultation.submission
        return f"Sendt {long_date(submission.submitted_on)} ({submission.get_channel_display().lower()})"
    if outcome == DECLINED:
        reason = consultation.decline_reason.strip()
        decided = f"Avstått {long_date(consultation.status_changed_at)}"
        return f"{decided}: {reason}" if reason else decided
    return f"Status: {consultation.get_status_display()}"


def half_year_section(start, end, authority=None):
    rows = consultations_in_period(start, end, authority)
    counts = {label: 0 for label in (ANSWERED, DECLINED, MISSED)}
    for outcome, _consultation in rows:
        counts[outcome] += 1
    return ReportSection(
        key="horinger",
        heading="Høringer i perioden",
        counts=list(counts.items()),
        columns=["Høring", "Høringsinstans", "Høringsfrist", "Utfall", "Hva skjedde"],
        rows=[
            ReportRow(
                cells=[
                    consultation.title,
                    consultation.authority.name,
                    long_date(consultation.deadline),
                    outcome,
                    _what_happened(outcome, consultation),
                ],
                url=snippet_url(consultation, "edit"),
            )
            for outcome, consultation in rows
        ],
        empty="Ingen høringer ble besvart, avstått eller gikk ut i perioden.",
        sheet_title="Høringer",
    )
