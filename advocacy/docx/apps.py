from django.apps import AppConfig


class DocxConfig(AppConfig):
    """The Word export: engine, layouts, admin action and public download."""

    name = "advocacy.docx"
    label = "lpp_docx"
    verbose_name = "Word-eksport"

    def ready(self):
        from django.core import checks

        from .checks import check_template

        checks.register(check_template, checks.Tags.compatibility)
