"""Shared pieces of the admin lists' filters."""

from django import forms


class YesNoSelect(forms.Select):
    """A yes/no filter as a select with "Alle" first, so no choice means no filtering."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", "Alle"), ("true", "Ja"), ("false", "Nei")])
