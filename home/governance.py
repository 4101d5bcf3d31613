"""The admin side of LPP's publishing rules, as Wagtail hook functions (registered in
home.wagtail_hooks): the review step refuses its submitter with a message, a draft with
personal data is saved with a warning, and bulk publishing refuses pages whose personal
data nobody has confirmed. The rules themselves live in home.models (the task and the
page's publish gate) and base.personal_data."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from base.personal_data import unconfirmed_findings, warning_text

from .models import SecondReaderTask
from .models.workflows import SELF_APPROVAL_MESSAGE


def _review_task(page):
    task = page.current_workflow_task
    task = task.specific if task is not None else None
    return task if isinstance(task, SecondReaderTask) else None


def refuse_self_approval(request, page):
    """The submitter's «Godkjenn» is refused with a message (the button is hidden for
    them, but an old tab or a crafted request may still send it); on opening the page
    they are told why the button is missing."""
    task = _review_task(page)
    if task is None or not task.is_submitter(page, request.user):
        return None
    if request.method == "POST":
        approving = (
            request.POST.get("action-workflow-action")
            and request.POST.get("workflow-action-name") == "approve"
        )
        if approving:
            messages.error(request, SELF_APPROVAL_MESSAGE)
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        return None
    messages.info(request, SELF_APPROVAL_MESSAGE)
    return None


def warn_about_personal_data(request, page):
    """Saving a draft is never blocked, but the editor hears about personal data at once,
    not only when publishing. Autosave (a JSON request every few seconds) stays quiet:
    the warning comes with the editor's own «Lagre kladd»."""
    if not request.accepts("text/html"):
        return
    findings = unconfirmed_findings(page.get_latest_revision_as_object())
    if findings:
        messages.warning(request, warning_text(findings) + " Kladden er lagret.")


def check_bulk_publish(request, action_type, objects, action_view):
    if action_type != "publish":
        return None
    pages = list(objects)
    form = getattr(action_view, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in list(pages):
            pages.extend(page.get_descendants().not_live().specific())
    refused = []
    for page in pages:
        draft = page.specific.get_latest_revision_as_object()
        findings = unconfirmed_findings(draft)
        if findings:
            refused.append(f"«{draft.title}»: {warning_text(findings)}")
    if not refused:
        return None
    messages.error(
        request,
        "Ingen sider ble publisert. Disse sidene ser ut til å inneholde personopplysninger "
        "som ingen har bekreftet – åpne dem og fjern opplysningene eller bekreft dem: "
        + " ".join(refused),
    )
    return redirect(action_view.next_url)
