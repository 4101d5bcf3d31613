"""How the review → board approval workflow ends for a response.

Wagtail publishes a page when its workflow is approved. A høringssvar must not be public
before it has been sent, so for response pages approval only marks the consultation
«Godkjent»; publishing happens when the submission is recorded
(:func:`consultations.submission.archive_submission`). Every other page type keeps
Wagtail's behaviour."""

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state, user=None):
    from .models import ConsultationResponsePage

    content = workflow_state.content_object
    specific_class = getattr(content, "specific_class", None)
    if specific_class is not None and issubclass(specific_class, ConsultationResponsePage):
        return None
    return publish_workflow_state(workflow_state, user=user)
