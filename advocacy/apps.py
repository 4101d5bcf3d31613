from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = "Påvirkning"

    def ready(self):
        from . import signal_handlers  # noqa: F401
