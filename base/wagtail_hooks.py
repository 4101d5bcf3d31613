"""The project's admin-wide registrations: refused deletes explained (base/protected_delete.py)
and single-line text fields (base/single_line.py)."""

from django.db import models
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override

from .protected_delete import before_delete_snippet
from .single_line import SingleLineCharField

hooks.register("before_delete_snippet", before_delete_snippet)

# Exactly CharField: its subclasses (URL, e-mail, slug) have their own form fields.
register_form_field_override(
    models.CharField, override={"form_class": SingleLineCharField}, exact_class=True
)
