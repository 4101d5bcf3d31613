from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lpp.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Gjenoppretter nettstedet fra en sikkerhetskopi laget med backup_site. Kjør migrate "
        "på den nye databasen først."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Sikkerhetskopien (.tar.gz).")
        parser.add_argument(
            "--erstatt", action="store_true", dest="replace",
            help="Erstatt alt innhold i en database som ikke er tom.",
        )

    def handle(self, *args, backup, replace=False, **options):
        try:
            manifest = restore(backup, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        total = sum(manifest["objects"].values())
        self.stdout.write(
            f"Gjenopprettet {total} objekter og {len(manifest['media'])} mediefiler fra "
            f"sikkerhetskopien laget {manifest['created_at']}."
        )
        if connection.vendor == "sqlite":
            self.stdout.write("Kjør `manage.py update_index` for å bygge søkeindeksen i SQLite på nytt.")
