from django.apps import AppConfig


class LppConfig(AppConfig):
    """The project package as an app: the page cache's signal handlers, the security
    pages' templates and the backup commands."""

    name = "lpp"
    verbose_name = "LPP"

    def ready(self):
        from . import cache  # noqa: F401  (connects the invalidation signals)
