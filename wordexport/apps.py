from django.apps import AppConfig


class WordExportConfig(AppConfig):
    """The Word export library: engine, registries, admin action and public download."""

    name = "wordexport"
    # the label the app had as advocacy.docx: templates (lpp_docx/), the template tag library
    # and the start-up check ids use it
    label = "lpp_docx"
    verbose_name = "Word-eksport"

    def ready(self):
        from django.core import checks

        from .checks import check_template

        checks.register(check_template, checks.Tags.compatibility)
