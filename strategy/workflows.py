"""The review's workflow: the secretariat prepares and submits, landsstyret approves.
Approval publishes the review (Wagtail's own behaviour for snippets), which locks it
(signal_handlers.review_approved)."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from base import roles

from .models import Review

WORKFLOW_NAME = "Strategi: halvårsgjennomgang"
APPROVAL_TASK = "Godkjenning i Landsstyret"


def ensure_workflow():
    """Idempotent: the workflow, its one task (the board's approval) and its assignment to
    the review model."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
        task.groups.set([Group.objects.get(name=roles.BOARD)])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Review), defaults={"workflow": workflow}
    )
    return workflow
