from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = "Påvirkning"

    def ready(self):
        from taggit.managers import TaggableManager
        from wagtail.admin.forms.models import register_form_field_override

        from . import signal_handlers  # noqa: F401
        from .forms import controlled_tag_field_override

        # Every tag field on the themes refuses an unknown theme instead of dropping it.
        register_form_field_override(TaggableManager, override=controlled_tag_field_override)
