from django import forms

from base.admin_widgets import DateInput
from base.single_line import SingleLineCharField

from ..models import OutcomeEvent
from ..models.outcomes import STAFF_ONLY_EVENT_FIELDS, can_see_staff_notes
from . import EVENT_FIELDS


class OutcomeEventForm(forms.ModelForm):
    """The one short form for recording (or correcting) an outcome event. With an
    instance whose ``proposal`` is set, every rule of
    :func:`advocacy.models.outcomes.validate_event` is checked here; the bulk view checks
    each proposal when it records."""

    class Meta:
        model = OutcomeEvent
        fields = EVENT_FIELDS
        widgets = {
            "date": DateInput,
            "evidence_quote": forms.Textarea(attrs={"rows": 3}),
            "public_note": forms.Textarea(attrs={"rows": 3}),
            "staff_note": forms.Textarea(attrs={"rows": 2}),
            "evidence_url": forms.URLInput(attrs={"placeholder": "https://"}),
        }
        field_classes = {
            "evidence_title": SingleLineCharField,
            "evidence_chapter": SingleLineCharField,
        }
        error_messages = {
            "kind": {"required": "Velg hva som skjedde."},
            "date": {"required": "Oppgi datoen.", "invalid": "Skriv datoen som dd.mm.åååå."},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Someone who may record events but not read staff notes neither sees nor
        # writes them (a correction keeps the original's note: CorrectEventView).
        if user is not None and not can_see_staff_notes(user):
            for name in STAFF_ONLY_EVENT_FIELDS:
                self.fields.pop(name, None)

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
