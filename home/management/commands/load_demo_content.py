from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo module has load(stdout); order follows what each builds on.
DEMO_LOADERS = [
    "advocacy.demo",
    "home.demo",
    "political_platform.demo",
    "agreement.demo",
    "consultations.demo",
    "advocacy.outcomes.demo",
    "sources.demo",
    "strategy.demo",
]


class Command(BaseCommand):
    help = "Bygger demonettstedet fra LPPs egne tekster. Kan kjøres flere ganger."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in DEMO_LOADERS:
                self.stdout.write(f"Laster {module_name} …")
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demoinnholdet er på plass."))
