from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Høringer"

    def ready(self):
        from . import signal_handlers  # noqa: F401
