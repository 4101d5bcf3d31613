from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Nettsted"

    def ready(self):
        from base import roles

        # Roles exist wherever the schema does: after every migrate, in tests too.
        post_migrate.connect(roles.ensure_roles_after_migrate, sender=self)
