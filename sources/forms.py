import datetime

from django import forms
from django.utils import timezone

from advocacy.models import Authority, OutcomeKind, Proposal
from consultations.models import Consultation


class AcceptForm(forms.Form):
    authority = forms.ModelChoiceField(
        Authority.objects.all(),
        label="Myndighet (avsender)",
        required=False,
        help_text="Velg myndigheten, eller la feltet stå tomt for å opprette den nye under.",
    )
    new_authority_kind = forms.ChoiceField(
        label="Type for ny myndighet",
        choices=[("", "—"), *Authority.Kind.choices],
        required=False,
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidate = candidate
        if candidate.authority_id:
            self.fields["authority"].initial = candidate.authority_id

    def clean(self):
        data = super().clean()
        if not data.get("authority") and not data.get("new_authority_kind"):
            raise forms.ValidationError(
                f"Velg myndigheten, eller velg type for å opprette «{self.candidate.authority_name}»."
                if self.candidate.authority_name
                else "Velg myndigheten som sendte høringen."
            )
        return data


class DismissForm(forms.Form):
    reason = forms.CharField(
        label="Hvorfor er høringen ikke aktuell?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Skriv hvorfor høringen ikke er aktuell."},
    )


class SnoozeForm(forms.Form):
    until = forms.DateField(
        label="Vis høringen igjen",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Velg en dato.", "invalid": "Skriv en gyldig dato."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["until"].initial = timezone.localdate() + datetime.timedelta(days=7)


class CaseLinkForm(forms.Form):
    case = forms.CharField(
        label="Stortingssak",
        max_length=300,
        help_text="Sakens ID eller adressen til saken på stortinget.no.",
        error_messages={"required": "Oppgi saken."},
    )
    consultation = forms.ModelChoiceField(
        Consultation.objects.all(), label="Høring", required=False
    )
    proposal = forms.ModelChoiceField(
        Proposal.objects.filter(retired_at__isnull=True), label="Forslag", required=False
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("consultation")) == bool(data.get("proposal")):
            raise forms.ValidationError("Velg enten en høring eller et forslag.")
        return data


class EvidenceForm(forms.Form):
    consultation = forms.ModelChoiceField(
        Consultation.objects.all(),
        label="Høring LPP svarte på",
        error_messages={"required": "Velg høringen."},
    )
    url = forms.URLField(
        assume_scheme="https",
        label="Lenke til dokumentet",
        required=False,
        max_length=500,
        help_text="En side på regjeringen.no eller stortinget.no, for eksempel et kapittel i en proposisjon.",
        error_messages={"invalid": "Skriv en gyldig nettadresse."},
    )
    file = forms.FileField(
        label="… eller last opp dokumentet",
        required=False,
        help_text="Word (.docx), nettside (.html) eller tekst (.txt).",
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool(data.get("file")):
            raise forms.ValidationError("Oppgi enten en lenke eller en fil.")
        return data


class AcceptPassageForm(forms.Form):
    proposal = forms.ModelChoiceField(
        Proposal.objects.none(),
        label="Forslaget avsnittet svarer på",
        error_messages={"required": "Velg forslaget."},
    )
    kind = forms.ChoiceField(label="Hva skjedde", choices=OutcomeKind.choices)

    def __init__(self, *args, passage, **kwargs):
        super().__init__(*args, **kwargs)
        response = passage.document.consultation.get_response()
        queryset = Proposal.objects.filter(
            source_page_id=response.pk if response else None, retired_at__isnull=True
        )
        self.fields["proposal"].queryset = queryset
        self.fields["proposal"].initial = passage.proposal_id
        self.fields["kind"].initial = passage.suggested_kind or OutcomeKind.CONSIDERATION
