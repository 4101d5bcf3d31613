from django.core.management.base import BaseCommand, CommandError

from sources import conf
from sources.radar import send_daily_digest
from sources.watch import run_all


class Command(BaseCommand):
    help = (
        "Leser de overvåkede kildene (regjeringen.no, Stortinget, Helsedirektoratet), tar "
        "vare på nye høringer, sjekker koblede stortingssaker og sender dagens e-postvarsel."
    )

    def add_arguments(self, parser):
        parser.add_argument("kilder", nargs="*", help=f"Bare disse: {', '.join(conf.SOURCES)}")
        parser.add_argument("--uten-epost", action="store_true", help="Ikke send e-postvarsel.")
        parser.add_argument("--i-koen", action="store_true", help="Legg jobben i oppgavekøen.")

    def handle(self, *args, **options):
        names = options["kilder"] or None
        unknown = [n for n in names or [] if n not in conf.SOURCES]
        if unknown:
            raise CommandError(
                f"Ukjent kilde: {', '.join(unknown)}. Kjente: {', '.join(conf.SOURCES)}."
            )
        if options["i_koen"]:
            from sources.tasks import watch_sources_task

            watch_sources_task.enqueue(names, not options["uten_epost"])
            self.stdout.write("Lagt i køen.")
            return
        failed = False
        for status in run_all(names):
            line = f"{conf.label(status.name)}: {status.get_state_display()}"
            if status.state == status.State.OK:
                line += f" ({status.items_new} nye av {status.items_read})"
            elif status.last_error:
                line += f" – {status.last_error}"
                failed = status.state != status.State.DISABLED
            self.stdout.write(line)
        if not options["uten_epost"]:
            self.stdout.write(f"E-postvarsel: {send_daily_digest()} høringer.")
        if failed:
            raise CommandError("Minst én kilde kunne ikke leses (se over).")
