from django.apps import AppConfig


class BaseConfig(AppConfig):
    """The shared layer every app may use and that imports none of them: roles, Norwegian
    dates, bounded parameters, file checks, personal-data checks, the page cache, admin
    widgets and the admin's Norwegian texts."""

    name = "base"
    verbose_name = "Felles"

    def ready(self):
        from . import (
            admin_dates,
            admin_inputs,
            admin_texts,
            cache,  # noqa: F401  (connects the invalidation signals)
            exports,
            roles,
        )

        exports.install()  # every admin CSV/XLSX escapes formulas and opens in Excel
        admin_dates.install()  # Wagtail's inspect views and exports show Oslo time
        admin_texts.install()  # Wagtail labels no catalogue reaches, in bokmål
        roles.install()  # a user prints as their full name everywhere
        admin_inputs.install()  # crafted chooser ids, surrogates and NUL: no server error
