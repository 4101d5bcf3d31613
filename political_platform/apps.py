from django.apps import AppConfig


class PoliticalPlatformConfig(AppConfig):
    name = "political_platform"
    verbose_name = "Politisk plattform"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
