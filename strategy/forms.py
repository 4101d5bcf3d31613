"""Forms of the follow-up: starting a period, assessing measures, retiring a measure, and
the two forms reached without an admin account (member survey, local chapter report)."""

from django import forms
from django.core.exceptions import ValidationError

from .models import Half, MeasureStatus, Plan, StatusChoice, SurveyQuestion

TEXT_LIMIT = 2000


class StartReviewForm(forms.Form):
    plan = forms.ModelChoiceField(
        label="Handlingsplan",
        queryset=Plan.objects.all(),
        empty_label=None,
        error_messages={"required": "Velg en handlingsplan.", "invalid_choice": "Velg en plan."},
    )
    year = forms.IntegerField(
        label="År",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Skriv inn året.",
            "invalid": "Året må være et tall, for eksempel 2026.",
            "min_value": "Året må være 2000 eller senere.",
            "max_value": "Året må være 2100 eller tidligere.",
        },
    )
    half = forms.TypedChoiceField(
        label="Halvår",
        choices=Half.choices,
        coerce=int,
        error_messages={"required": "Velg halvår.", "invalid_choice": "Velg 1. eller 2. halvår."},
    )


class StatusForm(forms.ModelForm):
    class Meta:
        model = MeasureStatus
        fields = ["status", "assessment", "next_step", "evidence", "public"]
        widgets = {
            "assessment": forms.Textarea(attrs={"rows": 2}),
            "next_step": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"status": {"invalid_choice": "Velg en av statusene i listen."}}

    def __init__(self, *args, can_mark_public=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the board decides what the public sees.
        self.fields["public"].disabled = not can_mark_public
        for name in ("assessment", "next_step"):
            self.fields[name].max_length = TEXT_LIMIT
            self.fields[name].error_messages["max_length"] = (
                f"Skriv kortere: høyst {TEXT_LIMIT} tegn."
            )


FORGED = (
    "Skjemaet stemmer ikke med tiltakene i denne gjennomgangen, så ingenting ble lagret. "
    "Last siden på nytt og prøv igjen."
)


class BaseStatusFormSet(forms.BaseModelFormSet):
    """The review's own statuses, edited in place. A posted form that is not one of them (a
    forged or stale form count, another review's status) refuses the whole post: a status
    is never created here, and never changed in another review."""

    def __init__(self, *args, can_mark_public=False, **kwargs):
        self.can_mark_public = can_mark_public
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "can_mark_public": self.can_mark_public}

    def clean(self):
        super().clean()
        own = {status.pk for status in self.get_queryset()}
        if self.total_form_count() != len(own) or any(
            form.instance.pk not in own for form in self.forms
        ):
            raise ValidationError(FORGED, code="forged")


StatusFormSet = forms.modelformset_factory(
    MeasureStatus,
    form=StatusForm,
    formset=BaseStatusFormSet,
    extra=0,
    can_delete=False,
    edit_only=True,
)


class RetireForm(forms.Form):
    reason = forms.CharField(
        label="Hvorfor utgår tiltaket?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
        error_messages={"required": "Skriv hvorfor tiltaket utgår."},
    )


class SurveyAnswerForm(forms.Form):
    """One field per question. No name, no e-mail: the member writes only what they
    choose to."""

    SCALE = [(str(n), str(n)) for n in range(1, 6)]

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == SurveyQuestion.Kind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=self.SCALE,
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": "Velg et tall fra 1 til 5."},
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=TEXT_LIMIT,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={"max_length": f"Skriv kortere: høyst {TEXT_LIMIT} tegn."},
                )

    def clean(self):
        data = super().clean()
        if not any(value not in (None, "") for value in data.values()):
            raise ValidationError("Svar på minst ett av spørsmålene før du sender.")
        return data

    def answers(self):
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value in (None, ""):
                continue
            if question.kind == SurveyQuestion.Kind.SCALE:
                yield question, value, ""
            else:
                yield question, None, value.strip()


CHAPTER_STATUSES = [
    (StatusChoice.NOT_STARTED, StatusChoice.NOT_STARTED.label),
    (StatusChoice.ON_TRACK, StatusChoice.ON_TRACK.label),
    (StatusChoice.DELAYED, StatusChoice.DELAYED.label),
    (StatusChoice.DONE, StatusChoice.DONE.label),
    (StatusChoice.CONTINUOUS, StatusChoice.CONTINUOUS.label),
]


class ChapterReportForm(forms.Form):
    """A chapter's report on its «Lokallag» measures: a status and a comment for each."""

    def __init__(self, *args, measures, initial_reports=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.measures = list(measures)
        initial_reports = initial_reports or {}
        for measure in self.measures:
            before = initial_reports.get(measure.pk)
            self.fields[f"status_{measure.pk}"] = forms.ChoiceField(
                label="Status",
                choices=[("", "Ikke rapportert")] + CHAPTER_STATUSES,
                required=False,
                initial=before.status if before else "",
                error_messages={"invalid_choice": "Velg en av statusene i listen."},
            )
            self.fields[f"comment_{measure.pk}"] = forms.CharField(
                label="Hva har lokallaget gjort?",
                required=False,
                max_length=TEXT_LIMIT,
                initial=before.comment if before else "",
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": f"Skriv kortere: høyst {TEXT_LIMIT} tegn."},
            )

    def clean(self):
        data = super().clean()
        reported = False
        for measure in self.measures:
            status = data.get(f"status_{measure.pk}")
            comment = (data.get(f"comment_{measure.pk}") or "").strip()
            if comment and not status:
                self.add_error(f"status_{measure.pk}", "Velg en status for tiltaket du skriver om.")
            reported = reported or bool(status)
        if not reported and not self.errors:
            raise ValidationError("Velg status for minst ett tiltak før du sender.")
        return data

    def reports(self):
        for measure in self.measures:
            status = self.cleaned_data.get(f"status_{measure.pk}")
            if status:
                yield (
                    measure,
                    status,
                    (self.cleaned_data.get(f"comment_{measure.pk}") or "").strip(),
                )

    def rows(self):
        for measure in self.measures:
            yield measure, self[f"status_{measure.pk}"], self[f"comment_{measure.pk}"]
