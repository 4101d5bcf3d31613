from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import twofactor


class Command(BaseCommand):
    help = (
        "Nullstiller tofaktorinnlogging for en bruker som har mistet telefonen: brukeren "
        "logger inn med passordet alene og kan slå tofaktorinnlogging på igjen."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Brukernavnet")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"Fant ingen bruker med brukernavnet «{username}».") from error
        if twofactor.turn_off(user, reset=True):
            self.stdout.write(
                f"Tofaktorinnlogging er nullstilt for «{username}». Brukeren logger inn med "
                "passordet og kan slå den på igjen under Konto."
            )
        else:
            self.stdout.write(f"«{username}» hadde ikke tofaktorinnlogging. Ingenting er endret.")
