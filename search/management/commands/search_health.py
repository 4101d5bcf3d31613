from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search import engines, health
from search.models import SearchDocument


class Command(BaseCommand):
    help = "Sjekker søket: databaseindeksen og eventuell Elasticsearch/OpenSearch."

    def handle(self, *args, **options):
        documents = SearchDocument.objects.count()
        self.stdout.write(f"Databaseindeks ({connection.vendor}): {documents} dokumenter.")
        outcome = engines.DatabaseIndex().search(
            engines.SearchQuery(text="pårørende"), with_facets=False
        )
        self.stdout.write(f"Prøvesøk i databasen på «pårørende»: {outcome.total} treff.")
        failed = False
        names = health.engine_names()
        if not names:
            self.stdout.write("Ingen søkemotor er satt opp: databasen svarer på alle søk.")
        for name in names:
            ok, message = health.check(name)
            line = f"Søkemotor «{name}»: {message}"
            if ok:
                self.stdout.write(self.style.SUCCESS(line))
            else:
                failed = True
                self.stdout.write(self.style.ERROR(line))
                self.stdout.write("  Offentlig søk svarer fra databasen så lenge dette varer.")
        if failed:
            raise CommandError("Minst én søkemotor svarer ikke.")
