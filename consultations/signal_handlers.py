"""The consultation's status follows its response page's workflow, and a response is
public only once it has been sent."""

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from . import lifecycle
from .models import Consultation, ConsultationResponsePage
from .status import SENT_STATUSES, Status

logger = logging.getLogger("lpp.consultations")


def _consultation_for(workflow_state):
    content = workflow_state.content_object
    specific_class = getattr(content, "specific_class", None)
    if specific_class is None or not issubclass(specific_class, ConsultationResponsePage):
        return None
    consultation_id = (
        ConsultationResponsePage.objects.filter(pk=content.pk)
        .values_list("consultation_id", flat=True)
        .first()
    )
    return Consultation.objects.filter(pk=consultation_id).first() if consultation_id else None


@receiver(workflow_submitted)
def response_submitted_for_review(sender, instance, user=None, **kwargs):
    consultation = _consultation_for(instance)
    if consultation is not None:
        lifecycle.follow(consultation, Status.IN_REVIEW, via=lifecycle.WORKFLOW)


@receiver(workflow_rejected)
@receiver(workflow_cancelled)
def response_sent_back(sender, instance, user=None, **kwargs):
    consultation = _consultation_for(instance)
    if consultation is not None:
        lifecycle.follow(consultation, Status.DRAFTING, via=lifecycle.WORKFLOW)


@receiver(workflow_approved)
def response_approved(sender, instance, user=None, **kwargs):
    consultation = _consultation_for(instance)
    if consultation is None:
        return
    task_state = instance.current_task_state
    if lifecycle.follow(consultation, Status.APPROVED, via=lifecycle.WORKFLOW) or (
        consultation.status == Status.APPROVED
    ):
        consultation.approved_revision = task_state.revision if task_state else None
        consultation.save(update_fields=["approved_revision"])


@receiver(post_save, sender=ConsultationResponsePage)
def response_started(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.consultation_id is None:
        return
    consultation = Consultation.objects.get(pk=instance.consultation_id)
    lifecycle.follow(consultation, Status.DRAFTING, via=lifecycle.WORKFLOW)


@receiver(page_published)
def response_published(sender, instance, revision=None, **kwargs):
    """A response goes public when its submission is recorded
    (:func:`consultations.submission.archive_submission`), and corrections may be
    published after that. Publishing it any other way before it was sent (bulk actions,
    scheduled publishing, the API) is undone at once."""
    if not isinstance(instance, ConsultationResponsePage):
        return
    status = (
        Consultation.objects.filter(pk=instance.consultation_id)
        .values_list("status", flat=True)
        .first()
    )
    if status in SENT_STATUSES:
        return
    logger.warning(
        "Høringssvar %s ble publisert før innsendingen var registrert; publiseringen er "
        "trukket tilbake.",
        instance.pk,
    )
    instance.unpublish(log_action=True)
