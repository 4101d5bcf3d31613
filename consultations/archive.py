"""Filters of the public archive of responses."""

from django import forms

from advocacy.models import Authority, Theme
from lpp.params import IdChoiceField


class ArchiveFilterForm(forms.Form):
    aar = forms.TypedChoiceField(label="År", required=False, coerce=int, empty_value=None)
    tema = forms.ModelChoiceField(
        label="Tema",
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Alle temaer",
        error_messages={"invalid_choice": "Fant ikke dette temaet. Velg et tema fra listen."},
    )
    myndighet = IdChoiceField(
        label="Myndighet",
        queryset=Authority.objects.none(),
        required=False,
        empty_label="Alle myndigheter",
        error_messages={
            "invalid_choice": "Fant ikke denne myndigheten. Velg en myndighet fra listen."
        },
    )

    def __init__(self, *args, responses, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted(
            {d.year for d in responses.order_by().dates("letter_date", "year")}, reverse=True
        )
        self.fields["aar"].choices = [("", "Alle år")] + [(y, str(y)) for y in years]
        self.fields["aar"].error_messages["invalid_choice"] = (
            "Det finnes ingen høringssvar fra dette året. Velg et år fra listen."
        )
        self.fields["myndighet"].queryset = (
            Authority.objects.filter(consultations__response__in=responses.order_by().values("pk"))
            .distinct()
            .order_by("name")
        )

    def filter(self, responses):
        data = self.cleaned_data
        if data.get("aar"):
            responses = responses.filter(letter_date__year=data["aar"])
        if data.get("tema"):
            responses = responses.filter(consultation__themes=data["tema"])
        if data.get("myndighet"):
            responses = responses.filter(consultation__authority=data["myndighet"])
        return responses

    @property
    def is_filtered(self):
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())
