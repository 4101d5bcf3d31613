"""Daily: e-mail the responsible staff member N days before a consultation's internal
draft deadline and its høringsfrist. Each reminder is recorded (SentReminder, unique per
consultation, kind and date) before it is sent, in one transaction, so a reminder goes
out once however often the command runs."""

import datetime
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from base.admin_urls import snippet_url
from base.dates import long_date, run_date
from base.roles import user_label
from consultations.models import Consultation, SentReminder
from consultations.status import DRAFT_STATUSES, OPEN_STATUSES

DEFAULT_DAYS = 7


def reminders(count):
    """«1 påminnelse», «3 påminnelser»."""
    return f"{count} påminnelse" if count == 1 else f"{count} påminnelser"


def due_reminders(today, days):
    """(consultation, kind, due date) for every reminder that should go out today, whether
    or not someone can receive it (:func:`why_unreachable`)."""
    horizon = today + datetime.timedelta(days=days)
    base = Consultation.objects.select_related("responsible", "authority")
    for consultation in base.filter(
        status__in=DRAFT_STATUSES, draft_deadline__gte=today, draft_deadline__lte=horizon
    ).order_by("draft_deadline", "pk"):
        yield consultation, SentReminder.Kind.DRAFT_DEADLINE, consultation.draft_deadline
    for consultation in base.filter(
        status__in=OPEN_STATUSES, deadline__gte=today, deadline__lte=horizon
    ).order_by("deadline", "pk"):
        yield consultation, SentReminder.Kind.DEADLINE, consultation.deadline


def why_unreachable(consultation):
    """Why nobody can be reminded about ``consultation`` (Norwegian), or None."""
    user = consultation.responsible
    if user is None:
        return "ingen ansvarlig er valgt. Velg «Ansvarlig» på høringen."
    if not user.is_active:
        return f"den ansvarlige ({user_label(user)}) er deaktivert. Velg en ny ansvarlig."
    if not user.email:
        return (
            f"den ansvarlige ({user_label(user)}) har ingen e-postadresse. Legg den inn "
            "under «Brukere»."
        )
    return None


def send_reminder(consultation, kind, due_on, today):
    """Record and send one reminder. Returns False if it was already sent."""
    user = consultation.responsible
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + snippet_url(consultation, "edit")
    context = {
        "consultation": consultation,
        "kind_label": SentReminder.Kind(kind).label.lower(),
        "due_on": due_on,
        "days_left": (due_on - today).days,
        "edit_url": edit_url,
        "user": user,
    }
    subject = render_to_string("consultations/email/reminder_subject.txt", context)
    body = render_to_string("consultations/email/reminder.txt", context)
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                consultation=consultation,
                kind=kind,
                due_on=due_on,
                recipient=user,
                email=user.email,
            )
            send_mail(" ".join(subject.split()), body, None, [user.email])
    except IntegrityError:
        return False
    return True


class Command(BaseCommand):
    help = (
        "Sender e-post til den ansvarlige N dager før intern frist og høringsfrist. "
        "Kjøres daglig; samme påminnelse sendes aldri to ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dager",
            type=int,
            default=DEFAULT_DAYS,
            dest="days",
            help=f"Hvor mange dager før fristen (standard {DEFAULT_DAYS}).",
        )
        parser.add_argument(
            "--dato",
            dest="today",
            default=None,
            help="Kjør som om det var denne datoen (ÅÅÅÅ-MM-DD). For testing.",
        )

    def handle(self, *args, days, today, **options):
        if days < 0 or days > 365:
            raise CommandError("--dager må være mellom 0 og 365.")
        today = run_date(today)
        sent = skipped = 0
        failed = []
        unreachable = []
        for consultation, kind, due_on in list(due_reminders(today, days)):
            reason = why_unreachable(consultation)
            if reason is not None:
                unreachable.append(
                    f"«{consultation.title}» ({SentReminder.Kind(kind).label.lower()} "
                    f"{long_date(due_on)}): {reason}"
                )
                continue
            try:
                was_sent = send_reminder(consultation, kind, due_on, today)
            except (OSError, smtplib.SMTPException) as error:
                # Not recorded as sent (the transaction rolled back): tomorrow's run retries.
                failed.append(f"{consultation} ({consultation.responsible.email}): {error}")
                continue
            if was_sent:
                sent += 1
            else:
                skipped += 1
        self.stdout.write(f"Sendte {reminders(sent)} ({skipped} var sendt fra før).")
        if unreachable:
            self.stdout.write(
                f"{reminders(len(unreachable))} ble ikke sendt fordi ingen kan få dem:\n"
                + "\n".join(f"– {line}" for line in unreachable)
            )
        if failed:
            raise CommandError(f"{reminders(len(failed))} kunne ikke sendes:\n" + "\n".join(failed))
