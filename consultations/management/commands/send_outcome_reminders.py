"""Daily: remind the responsible staff member to follow up proposals that have had no
outcome for N months after their consultation's deadline. Each proposal is reminded of
once per quiet spell, however often the command runs."""

import smtplib

from django.core.management.base import BaseCommand, CommandError

from base.dates import run_date
from consultations.follow_up import send_follow_up_reminders
from consultations.management.commands.send_deadline_reminders import reminders


class Command(BaseCommand):
    help = (
        "Sender e-post til den ansvarlige når en høring er over fristen og forslagene ikke "
        "har fått noe utfall på N måneder. Kjøres daglig; samme påminnelse sendes aldri to ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--maaneder",
            type=int,
            default=None,
            dest="months",
            help="Antall måneder uten utfall (standard: innstillingen «Oppfølging av forslag»).",
        )
        parser.add_argument(
            "--dato",
            dest="today",
            default=None,
            help="Kjør som om det var denne datoen (ÅÅÅÅ-MM-DD). For testing.",
        )

    def handle(self, *args, months, today, **options):
        if months is not None and not 1 <= months <= 60:
            raise CommandError("--maaneder må være mellom 1 og 60.")
        today = run_date(today)
        try:
            sent, covered, unassigned = send_follow_up_reminders(on=today, months=months)
        except (OSError, smtplib.SMTPException) as error:
            raise CommandError(f"E-posten kunne ikke sendes: {error}") from error
        self.stdout.write(f"Sendte {reminders(sent)} om {covered} forslag.")
        if unassigned:
            self.stdout.write(
                f"{unassigned} {'høring' if unassigned == 1 else 'høringer'} har forslag å følge "
                "opp, men ingen ansvarlig med "
                "e-postadresse. De vises under «Følg opp» på forsiden i administrasjonen."
            )
