"""Admin widgets shared by the apps' own forms."""

from django import forms
from wagtail.admin.widgets import AdminDateInput


class DateInput(AdminDateInput):
    """Wagtail's date picker that gets out of the way: it closes as soon as a day is
    picked (Wagtail asks for that only on screens that load its editor translations) and
    as soon as the date is typed (static/js/admin-date-input.js). On the apps' own forms
    (recording a submission, an outcome event) it stayed open over the fields below it,
    such as «Kanal», and took their clicks."""

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs={"data-lpp-date-input": "", **(attrs or {})}, format=format)

    def get_config(self):
        return {**super().get_config(), "closeOnDateSelect": True}

    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-date-input.js"])
