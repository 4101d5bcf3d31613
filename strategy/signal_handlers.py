"""Approval of a half-year review: Wagtail publishes the review when landsstyret approves
its workflow; from then on it carries who approved it and when, and is locked."""

from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import published

from .models import Review


def _approver(review, revision):
    states = WorkflowState.objects.for_instance(review).filter(status=WorkflowState.STATUS_APPROVED)
    task_state = (
        TaskState.objects.filter(workflow_state__in=states, status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state and task_state.finished_by_id:
        return task_state.finished_by_id
    return getattr(revision, "user_id", None)


@receiver(published, sender=Review)
def review_approved(sender, instance, revision=None, **kwargs):
    if instance.approved_at is not None:
        return
    now = timezone.now()
    approver = _approver(instance, revision)
    # update(), not save(): the review's own clean() refuses changes once approved.
    Review.objects.filter(pk=instance.pk).update(
        approved_at=now, approved_by_id=approver, locked=True, locked_at=now, locked_by_id=approver
    )
    instance.approved_at = now
    instance.approved_by_id = approver
