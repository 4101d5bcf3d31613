"""Shared pieces of the admin lists: filters and columns."""

from django import forms
from wagtail.admin.ui.tables import Column


class YesNoSelect(forms.Select):
    """A yes/no filter as a select with "Alle" first, so no choice means no filtering."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", "Alle"), ("true", "Ja"), ("false", "Nei")])


class DayColumn(Column):
    """A calendar day as "24. november 2026". Wagtail's DateColumn gives the time since
    ("13 timer siden"), which misreads a day such as the one a response was sent."""

    cell_template_name = "base/admin/day_cell.html"
