import sys
import time

from django.core.management.base import BaseCommand

from search import health, indexer


def _bar(done, total, label, width=30):
    filled = int(width * done / total) if total else width
    percent = 100 * done / total if total else 100
    return f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({percent:.0f} %) {label}"


class Command(BaseCommand):
    help = (
        "Bygger søkeindeksen på nytt: den offentlige søkeindeksen i databasen og, når "
        "Elasticsearch/OpenSearch er satt opp, søkemotorens indeks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-only",
            action="store_true",
            help="Bygg bare databaseindeksen, ikke søkemotorens.",
        )

    def handle(self, *args, database_only=False, **options):
        started = time.monotonic()
        interactive = getattr(self.stdout, "isatty", lambda: False)()

        def progress(done, total, label):
            line = _bar(done, total, label)
            if interactive:
                self.stdout.write(line, ending="")
                self.stdout.flush()
            else:
                self.stdout.write(line.lstrip("\r"))

        count = indexer.rebuild(progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Databaseindeksen har {count} dokumenter ({time.monotonic() - started:.1f} s)."
            )
        )
        if database_only:
            return
        from search.models import SearchDocument

        for name in health.engine_names():
            backend = health.get_engine(name)
            self.stdout.write(f"Bygger indeksen i søkemotoren «{name}» …")
            try:
                index = backend.get_index_for_model(SearchDocument)
                rebuilder = backend.rebuilder_class(index)
                new_index = rebuilder.start()
                new_index.add_model(SearchDocument)
                documents = list(SearchDocument.objects.all())
                for start in range(0, len(documents), 500):
                    new_index.add_items(SearchDocument, documents[start : start + 500])
                    progress(min(start + 500, len(documents)), len(documents), name)
                rebuilder.finish()
            except Exception as error:  # noqa: BLE001 - report any engine failure plainly
                health.record_failure(name, error)
                self.stderr.write(
                    f"Søkemotoren «{name}» svarte ikke: {error}. Databaseindeksen er "
                    "bygget og svarer på søk i mellomtiden."
                )
                sys.exit(1)
            if interactive:
                self.stdout.write("")
            health.record_success(name)
            self.stdout.write(self.style.SUCCESS(f"Søkemotoren «{name}» er oppdatert."))
        if health.engine_names():
            self.stdout.write(
                "Wagtails egen indeks for adminsøk bygges med `manage.py update_index`."
            )
