"""The two steps of «Importer høringssvar fra Word»: the upload, and the review where
staff confirm the letter head, the proposals and the themes."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from advocacy.models import Authority, Theme
from base.admin_widgets import DateInput
from base.single_line import SingleLineCharField

from ..models import Submission


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Word-dokument (.docx) eller PDF",
        help_text="Høringssvaret slik det ble sendt. Filen arkiveres uendret med sjekksum "
        "(SHA-256) som innsendingen.",
        error_messages={
            "required": "Velg filen du vil importere.",
            "empty": "Filen er tom.",
            "invalid": "Velg en fil.",
        },
    )


class ReviewForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    title = SingleLineCharField(
        label="Høringens tittel",
        max_length=300,
        error_messages={"required": "Skriv høringens tittel."},
    )
    authority = forms.ModelChoiceField(
        label="Høringsinstans (avsender)",
        queryset=Authority.objects.order_by("name"),
        empty_label="Velg myndighet",
        error_messages={"required": "Velg hvem som sendte høringen på høring."},
    )
    case_number = SingleLineCharField(label="Deres ref.", max_length=60, required=False)
    our_reference = SingleLineCharField(label="Vår ref.", max_length=60, required=False)
    deadline = forms.DateField(
        label="Høringsfrist",
        required=False,
        help_text="Tomt betyr samme dag som brevet ble sendt.",
        error_messages={"invalid": "Skriv en gyldig dato, for eksempel 15.03.2024."},
    )
    sent_on = forms.DateField(
        label="Sendt dato",
        error_messages={
            "required": "Skriv datoen høringssvaret ble sendt.",
            "invalid": "Skriv en gyldig dato, for eksempel 12.03.2024.",
        },
    )
    channel = forms.ChoiceField(
        label="Kanal",
        choices=Submission.Channel.choices,
        initial=Submission.Channel.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": "Velg hvordan høringssvaret ble sendt."},
    )
    summary = forms.CharField(
        label="Sammendrag",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kort og i klarspråk: vises i arkivet.",
        error_messages={"required": "Skriv et kort sammendrag."},
    )
    signatory = SingleLineCharField(label="Underskrevet av", max_length=200, required=False)
    themes = forms.ModelMultipleChoiceField(
        label="Temaer",
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Forhåndsvalgt ut fra teksten. Kontroller.",
    )

    confirm_personal_data = forms.BooleanField(
        label="Personopplysningene kan publiseres",
        required=False,
        help_text="Kryss av bare hvis teksten var offentlig i brevet og kan stå i arkivet.",
    )

    def __init__(self, *args, candidates=(), personal_data=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data = personal_data
        if not personal_data:
            del self.fields["confirm_personal_data"]
        self.fields["deadline"].widget = DateInput()
        self.fields["sent_on"].widget = DateInput()
        self.candidates = list(candidates)
        for candidate in self.candidates:
            self.fields[f"ok_{candidate.key}"] = forms.BooleanField(
                label="Ta med som forslag", required=False, initial=True
            )
            self.fields[f"text_{candidate.key}"] = forms.CharField(
                label="Forslagets ordlyd",
                initial=candidate.text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def candidate_rows(self):
        return [
            (candidate, self[f"ok_{candidate.key}"], self[f"text_{candidate.key}"])
            for candidate in self.candidates
        ]

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > timezone.localdate():
            raise ValidationError("Sendt dato kan ikke være fram i tid.")
        if day < datetime.date(1990, 1, 1):
            raise ValidationError("Sendt dato er for langt tilbake i tid.")
        return day

    def clean(self):
        cleaned = super().clean()
        for candidate in self.candidates:
            if (
                cleaned.get(f"ok_{candidate.key}")
                and not (cleaned.get(f"text_{candidate.key}") or "").strip()
            ):
                self.add_error(
                    f"text_{candidate.key}",
                    "Et forslag som skal tas med, må ha en ordlyd. Skriv den, eller fjern krysset.",
                )
        if cleaned.get("sent_on") and not cleaned.get("deadline"):
            cleaned["deadline"] = cleaned["sent_on"]
        return cleaned

    def confirmed(self):
        return {
            candidate.key: self.cleaned_data[f"text_{candidate.key}"].strip()
            for candidate in self.candidates
            if self.cleaned_data.get(f"ok_{candidate.key}")
        }


class RoundTripUploadForm(forms.Form):
    file = forms.FileField(
        label="Redigert Word-fil (.docx)",
        help_text="Filen du fikk med «Eksporter til Word» på denne siden, redigert i Word. "
        "Endringene blir en ny kladd; ingenting publiseres.",
        error_messages={
            "required": "Velg Word-filen du vil laste opp.",
            "empty": "Filen er tom.",
            "invalid": "Velg en fil.",
        },
    )


class RoundTripConfirmForm(forms.Form):
    """Confirm the changes a Word file brings: what to do with each new paragraph, and,
    for a file exported from an older revision, that the warning was read."""

    token = forms.CharField(widget=forms.HiddenInput)
    confirm_older = forms.BooleanField(
        label="Jeg har lest advarselen og vil likevel hente inn endringene fra filen",
        required=False,
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not plan.older:
            del self.fields["confirm_older"]
        choices = [("", "Ikke ta med")] + list(plan.kinds.items())
        for paragraph in plan.new_paragraphs:
            self.fields[f"new_{paragraph.key}"] = forms.ChoiceField(
                label="Hva er dette avsnittet?",
                choices=choices,
                required=False,
                initial=paragraph.suggested,
            )

    def new_rows(self):
        return [(p, self[f"new_{p.key}"]) for p in self.plan.new_paragraphs]

    def clean(self):
        cleaned = super().clean()
        if self.plan.older and not cleaned.get("confirm_older"):
            self.add_error(
                "confirm_older",
                "Filen er eksportert fra en eldre versjon av siden. Kryss av for at du har "
                "lest advarselen, eller eksporter siden på nytt.",
            )
        return cleaned

    def choices(self):
        return {
            p.key: self.cleaned_data.get(f"new_{p.key}") or "" for p in self.plan.new_paragraphs
        }
