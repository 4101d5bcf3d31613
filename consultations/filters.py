"""The filter form of the public archive of responses (year, theme, authority)."""

from urllib.parse import urlencode

from django import forms

from advocacy.models import Authority, Theme
from base.params import IdChoiceField

# The year is ?ar= on every public page (the archive, search, «Hva skjedde?»). The archive
# once spelled it ?aar=: links with the old spelling are sent on to the new one.
OLD_PARAMETERS = {"aar": "ar"}


def renamed_parameters_url(request):
    """The request's address with the old parameter names renamed, or None when it uses
    none of them. A name already given in its new spelling wins."""
    if not any(old in request.GET for old in OLD_PARAMETERS):
        return None
    query = request.GET.copy()
    for old, new in OLD_PARAMETERS.items():
        values = query.pop(old, [])
        if new not in query:
            query.setlist(new, values)
    items = [(name, value) for name, values in query.lists() for value in values]
    return request.path + (f"?{urlencode(items)}" if items else "")


class ArchiveFilterForm(forms.Form):
    ar = forms.TypedChoiceField(label="År", required=False, coerce=int, empty_value=None)
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
        self.fields["ar"].choices = [("", "Alle år")] + [(y, str(y)) for y in years]
        self.fields["ar"].error_messages["invalid_choice"] = (
            "Det finnes ingen høringssvar fra dette året. Velg et år fra listen."
        )
        self.fields["myndighet"].queryset = (
            Authority.objects.filter(consultations__response__in=responses.order_by().values("pk"))
            .distinct()
            .order_by("name")
        )

    def filter(self, responses):
        data = self.cleaned_data
        if data.get("ar"):
            responses = responses.filter(letter_date__year=data["ar"])
        if data.get("tema"):
            responses = responses.filter(consultation__themes=data["tema"])
        if data.get("myndighet"):
            responses = responses.filter(consultation__authority=data["myndighet"])
        return responses

    @property
    def is_filtered(self):
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())
