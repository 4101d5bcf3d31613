from django.apps import AppConfig


class PoliticalPlatformConfig(AppConfig):
    name = "political_platform"
    verbose_name = "Politisk plattform"
