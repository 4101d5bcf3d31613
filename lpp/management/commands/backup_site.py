from django.core.management.base import BaseCommand
from django.utils import timezone

from lpp.backup import write_backup


class Command(BaseCommand):
    help = "Tar sikkerhetskopi av hele nettstedet: databasen og alle mediefiler, i én .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Filen som skal skrives (standard: lpp-backup-<tidspunkt>.tar.gz her).",
        )

    def handle(self, *args, output=None, **options):
        output = output or f"lpp-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = write_backup(output)
        total = sum(manifest["objects"].values())
        self.stdout.write(
            f"Sikkerhetskopi skrevet til {output}: {total} objekter, "
            f"{len(manifest['media'])} mediefiler."
        )
