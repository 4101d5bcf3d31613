from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from lpp import roles

from . import lifecycle
from .personal_data import describe, find_personal_data, fingerprint
from .status import SENT_STATUSES, Status

# Form actions that send the page on towards publication.
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


class ConsultationResponsePageForm(WagtailAdminPageForm):
    confirm_personal_data = forms.BooleanField(
        label="Jeg har sjekket: opplysningene som ser ut som personopplysninger, kan publiseres",
        required=False,
        help_text=(
            "Kreves bare når teksten ser ut til å inneholde fødselsnummer, telefonnumre eller "
            "e-postadresser. Fjern dem helst fra teksten."
        ),
    )

    def _action(self):
        return next((a for a in PUBLISHING_ACTIONS if self.data.get(a)), None)

    def clean(self):
        cleaned = super().clean()
        consultation = cleaned.get("consultation")
        if consultation is not None and consultation.status == Status.DECLINED:
            self.add_error(
                "consultation",
                "LPP har avstått fra å svare på denne høringen. Ta den opp til vurdering igjen "
                "før dere skriver et svar.",
            )
        findings = find_personal_data(
            cleaned.get("title"), cleaned.get("summary"), cleaned.get("body")
        )
        digest = fingerprint(findings)
        action = self._action()
        if not findings:
            self.instance.personal_data_fingerprint = ""
        elif cleaned.get("confirm_personal_data"):
            self.instance.personal_data_fingerprint = digest
        elif action and self.instance.personal_data_fingerprint != digest:
            self.add_error(
                "confirm_personal_data",
                "Teksten ser ut til å inneholde personopplysninger ("
                + describe(findings)
                + "). Fjern dem, eller bekreft at de kan publiseres.",
            )
        if action == "action-publish":
            sent = consultation is not None and consultation.status in SENT_STATUSES
            if not sent:
                self.add_error(
                    None,
                    "Høringssvaret publiseres når innsendingen er registrert. Send det til "
                    "gjennomgang og godkjenning, og registrer innsendingen under «Høringer».",
                )
        return cleaned


class ConsultationForm(WagtailAdminModelForm):
    """The staff form: the status can only move along the lifecycle."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._original_status = self.instance.status if self.instance.pk else Status.REGISTERED
        field = self.fields.get("status")
        if field is not None:
            allowed = [self._original_status, *lifecycle.allowed_targets(self._original_status)]
            field.choices = [(value, label) for value, label in Status.choices if value in allowed]
        if "responsible" in self.fields:
            self.fields["responsible"].queryset = roles.staff_members(
                keep=self.instance.responsible_id
            )
        if "working_group" in self.fields:
            self.fields["working_group"].queryset = roles.working_groups(
                keep=self.instance.working_group_id
            )

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("status")
        if target and target != self._original_status:
            probe = type(self.instance)(status=self._original_status)
            try:
                lifecycle.check(
                    probe,
                    target,
                    reason=cleaned.get("decline_reason", self.instance.decline_reason),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, messages in error.error_dict.items():
                        self.add_error(field if field in self.fields else None, messages)
                else:
                    self.add_error("status", error)
        return cleaned

    def save(self, commit=True):
        if self.instance.status != self._original_status:
            self.instance.status_changed_at = timezone.now()
        return super().save(commit=commit)
