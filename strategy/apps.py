from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signal_handlers  # noqa: F401

        # Every site (not only the demo) sends its reviews to the board's approval.
        post_migrate.connect(ensure_workflow_after_migrate, sender=self)


def ensure_workflow_after_migrate(sender, **kwargs):
    from django.contrib.auth.models import Group

    from base import roles

    from .workflows import ensure_workflow

    # The roles come from home's post_migrate, which runs first (INSTALLED_APPS order).
    if Group.objects.filter(name=roles.BOARD).exists():
        ensure_workflow()
