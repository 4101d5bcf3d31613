from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from base import roles
from home.forms import PersonalDataPageForm

from . import lifecycle
from .status import SENT_STATUSES, Status
from .stubs import replaceable_stub


class ConsultationResponsePageForm(PersonalDataPageForm):
    def clean(self):
        cleaned = super().clean()
        consultation = cleaned.get("consultation")
        # An abandoned, empty stub (consultations.stubs) does not block the
        # consultation: it is deleted when this page is saved with it.
        self.stub_to_replace = None
        if consultation is not None:
            self.stub_to_replace = replaceable_stub(
                consultation, page=self.instance if self.instance.pk else None, user=self.for_user
            )
        if consultation is not None and consultation.status == Status.DECLINED:
            self.add_error(
                "consultation",
                "LPP har avstått fra å svare på denne høringen. Ta den opp til vurdering igjen "
                "før dere skriver et svar.",
            )
        action = self.publishing_action()
        if action == "action-publish":
            sent = consultation is not None and consultation.status in SENT_STATUSES
            if not sent:
                self.add_error(
                    None,
                    "Høringssvaret publiseres når innsendingen er registrert. Send det til "
                    "gjennomgang og godkjenning, og registrer innsendingen under «Høringer».",
                )
        return cleaned

    def _get_validation_exclusions(self):
        excluded = super()._get_validation_exclusions()
        if getattr(self, "stub_to_replace", None) is not None:
            excluded.add("consultation")
        return excluded

    def save(self, commit=True):
        stub = getattr(self, "stub_to_replace", None)
        if stub is not None:
            stub.delete()
            self.stub_to_replace = None
        return super().save(commit=commit)


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
            self.fields["responsible"].label_from_instance = roles.user_label
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
