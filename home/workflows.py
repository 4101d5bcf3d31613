"""LPP's document workflows: a working group's review by a second reader, then the
board's approval. One builder for every section (responses, platform, agreement), so
every LPP workflow has the same shape."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Task, WorkflowPage, WorkflowState, WorkflowTask

from base import roles

from .models import SecondReaderTask


def ensure_task(name, group_name, second_reader):
    task = SecondReaderTask.objects.filter(name=name).first()
    if task is None:
        task = SecondReaderTask.objects.create(name=name, second_reader=second_reader)
        task.groups.set([Group.objects.get(name=group_name)])
    return task


@transaction.atomic
def ensure_review_workflow(workflow, page, review_task, working_group):
    """``workflow`` (a Workflow) gets a second reader from ``working_group`` and then the
    board's approval, and applies to ``page`` and below. A workflow built earlier with
    Wagtail's plain group approval is brought up to date while no page is in it, so a
    review in progress is never cut short."""
    wanted = [
        ensure_task(review_task, working_group, second_reader=True),
        ensure_task(f"Godkjenning i {roles.BOARD}", roles.BOARD, second_reader=False),
    ]
    current = [task.specific for task in workflow.tasks]
    in_progress = WorkflowState.objects.filter(
        workflow=workflow, status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    if not current or (
        not in_progress and any(not isinstance(t, SecondReaderTask) for t in current)
    ):
        WorkflowTask.objects.filter(workflow=workflow).delete()
        for order, task in enumerate(wanted):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        # Plain tasks left without a workflow are switched off (kept for their history).
        Task.objects.filter(
            pk__in=[t.pk for t in current if not isinstance(t, SecondReaderTask)],
            workflow_tasks__isnull=True,
        ).update(active=False)
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow
