from django import forms
from wagtail.admin.widgets import AdminDateInput

from ..models import OutcomeEvent
from . import EVENT_FIELDS


class OutcomeEventForm(forms.ModelForm):
    """The one short form for recording (or correcting) an outcome event. With an
    instance whose ``proposal`` is set, every rule of :func:`advocacy.outcomes.validate_event`
    is checked here; the bulk view checks each proposal when it records."""

    class Meta:
        model = OutcomeEvent
        fields = EVENT_FIELDS
        widgets = {
            "date": AdminDateInput,
            "evidence_quote": forms.Textarea(attrs={"rows": 3}),
            "public_note": forms.Textarea(attrs={"rows": 3}),
            "staff_note": forms.Textarea(attrs={"rows": 2}),
            "evidence_url": forms.URLInput(attrs={"placeholder": "https://"}),
        }
        error_messages = {
            "kind": {"required": "Velg hva som skjedde."},
            "date": {"required": "Oppgi datoen.", "invalid": "Skriv datoen som dd.mm.åååå."},
        }

    def clean_evidence_url(self):
        return (self.cleaned_data.get("evidence_url") or "").strip()

    def clean(self):
        cleaned = super().clean()
        for name in (
            "evidence_title",
            "evidence_chapter",
            "evidence_quote",
            "public_note",
            "staff_note",
        ):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = cleaned[name].strip()
        return cleaned


class PublishChoiceMixin:
    """Which submit button was used: «Lagre som utkast» or «Lagre og publiser»."""

    @staticmethod
    def wants_publish(request):
        return request.POST.get("action") == "publish"
