"""LPP's own workflow task: a group's approval that needs a second reader.

A working-group member who sends a chapter to review must not be the one who approves
it: the review step refuses the person who submitted the workflow and the author of the
revision under review. Every step also refuses approval while the text holds personal
data that nobody has confirmed (base.personal_data), so nothing is published by approval
that the page form would have stopped.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from wagtail.models import AbstractGroupApprovalTask

from base.personal_data import unconfirmed_findings, warning_text

SELF_APPROVAL_MESSAGE = (
    "Du sendte inn denne versjonen selv, så du kan ikke godkjenne gjennomgangen. "
    "En annen i gruppen må lese og godkjenne den."
)


def latest_object(obj):
    """The newest draft of ``obj`` (what approval would publish)."""
    if getattr(obj, "pk", None) and hasattr(obj, "get_latest_revision_as_object"):
        cached = getattr(obj, "_lpp_latest_object", None)
        if cached is None:
            cached = obj.get_latest_revision_as_object()
            obj._lpp_latest_object = cached
        return cached
    return obj


def personal_data_blocks_approval(obj):
    return bool(unconfirmed_findings(latest_object(obj)))


class SecondReaderTask(AbstractGroupApprovalTask):
    """A group approval where the submitter cannot approve their own work."""

    second_reader = models.BooleanField(
        "Krev en annen leser",
        default=True,
        help_text=(
            "Den som sendte inn siden, kan ikke godkjenne dette steget selv. Slå av for steg "
            "der hvem som helst i gruppen kan godkjenne (for eksempel landsstyret)."
        ),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["second_reader"]

    class Meta:
        verbose_name = "godkjenning med en annen leser"
        verbose_name_plural = "godkjenninger med en annen leser"

    @classmethod
    def get_description(cls):
        return (
            "Medlemmer av de valgte gruppene godkjenner steget. Den som sendte inn, kan "
            "ikke godkjenne sitt eget arbeid, og ingenting godkjennes med personopplysninger "
            "som ingen har bekreftet."
        )

    def is_submitter(self, obj, user):
        """True when ``user`` sent ``obj`` into its workflow or wrote the revision this
        step is reviewing (a resubmission after «Be om endringer» counts too)."""
        if not self.second_reader or not getattr(user, "pk", None):
            return False
        workflow_state = getattr(obj, "current_workflow_state", None)
        if workflow_state is None:
            return False
        if workflow_state.requested_by_id == user.pk:
            return True
        task_state = workflow_state.current_task_state
        revision = task_state.revision if task_state else None
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        if self.is_submitter(obj, user) or personal_data_blocks_approval(obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if self.second_reader and getattr(user, "pk", None):
            states = states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)
        return states

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            if self.is_submitter(obj, user):
                raise PermissionDenied(SELF_APPROVAL_MESSAGE)
            findings = unconfirmed_findings(latest_object(obj))
            if findings:
                raise PermissionDenied(warning_text(findings))
        return super().on_action(task_state, user, action_name, **kwargs)
