from django.apps import AppConfig


class LppConfig(AppConfig):
    """The project package as an app: the security pages' templates, Open Graph tags and the
    backup commands. Nothing imports it."""

    name = "lpp"
    verbose_name = "LPP"
