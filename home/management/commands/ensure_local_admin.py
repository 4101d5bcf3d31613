from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Oppretter en lokal administrator (admin/admin) for demonettstedet."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Den lokale administratoren lages bare med DEBUG slått på.")
        User = get_user_model()
        url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Administratoren «{USERNAME}» finnes allerede. Logg inn på {url}")
            return
        User.objects.create_superuser(
            USERNAME, "admin@example.org", PASSWORD, first_name="Lokal", last_name="Administrator"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Logg inn på {url} med brukernavn «{USERNAME}» og passord «{PASSWORD}»."
            )
        )
