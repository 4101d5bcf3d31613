from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from lpp.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Gjenoppretter nettstedet fra en sikkerhetskopi laget med backup_site. Kjør migrate "
        "på den nye databasen først."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Sikkerhetskopien (.tar.gz).")
        parser.add_argument(
            "--erstatt",
            action="store_true",
            dest="replace",
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
        # The search indexes are not in the backup: build them from the restored content.
        self.stdout.write("Bygger søkeindeksene på nytt …")
        rebuild_admin_search_index()
        call_command("search_rebuild", stdout=self.stdout)


def rebuild_admin_search_index():
    """Fill Wagtail's own index (the admin's search) in the freshly restored database.

    Model by model, leaving out the public search index, which is itself an indexed model
    (for Elasticsearch/OpenSearch) that search_rebuild fills."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.index import get_indexed_models

    backend = get_search_backend("default")
    for model in get_indexed_models():
        if model._meta.app_label == "search":
            continue
        index = backend.get_index_for_model(model)
        objects = list(model.get_indexed_objects())
        for start in range(0, len(objects), 500):
            index.add_items(model, objects[start : start + 500])
