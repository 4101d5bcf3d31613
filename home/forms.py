"""The page form every LPP page type uses: it asks the editor to confirm text that looks
like personal data before the page is published or sent for approval (base.personal_data).
Saving a draft is never blocked; the editor is warned instead (home.wagtail_hooks)."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from base.personal_data import find_personal_data, fingerprint, text_field_names, warning_text

# Form actions that send the page on towards publication.
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


class PersonalDataPageForm(WagtailAdminPageForm):
    confirm_personal_data = forms.BooleanField(
        label="Jeg har sjekket: opplysningene som ser ut som personopplysninger, kan publiseres",
        required=False,
        help_text=(
            "Kreves bare når teksten ser ut til å inneholde fødselsnummer, telefonnumre, "
            "e-postadresser eller navn sammen med en diagnose. Fjern dem helst fra teksten."
        ),
    )

    def publishing_action(self):
        return next((a for a in PUBLISHING_ACTIONS if self.data.get(a)), None)

    def _text_values(self, cleaned):
        # The instance is updated from cleaned_data only after clean(): read the submitted
        # value where the form has the field, the stored one otherwise.
        return [
            cleaned[name] if name in cleaned else getattr(self.instance, name)
            for name in text_field_names(type(self.instance))
        ]

    def clean(self):
        cleaned = super().clean()
        findings = find_personal_data(*self._text_values(cleaned))
        digest = fingerprint(findings)
        if not findings:
            self.instance.personal_data_fingerprint = ""
        elif cleaned.get("confirm_personal_data"):
            self.instance.personal_data_fingerprint = digest
        elif self.publishing_action() and self.instance.personal_data_fingerprint != digest:
            self.add_error("confirm_personal_data", warning_text(findings))
        return cleaned
