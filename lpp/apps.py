from django.apps import AppConfig


class LppConfig(AppConfig):
    """The project package as an app: the page cache's signal handlers, the security
    pages' templates and the backup commands."""

    name = "lpp"
    verbose_name = "LPP"

    def ready(self):
        from . import (
            admin_dates,
            admin_texts,
            cache,  # noqa: F401  (connects the invalidation signals)
            exports,
        )

        exports.install()  # every admin CSV/XLSX escapes formulas and opens in Excel
        admin_dates.install()  # Wagtail's inspect views and exports show Oslo time
        admin_texts.install()  # Wagtail labels no catalogue reaches, in bokmål
