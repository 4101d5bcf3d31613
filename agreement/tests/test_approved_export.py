"""«Eksporter til Word» on the agreement follows the same rule as a response: the revision
its workflow approved is the final document (here approved for publishing later, so not
live yet), and any other revision is marked «UTKAST»."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask
from wagtail.rich_text import RichText

from agreement.models import AgreementPage
from tools.word_readback import read_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved_for_later(home_page, make_user):
    """An agreement approved by its workflow, scheduled to be published next week."""
    approver = make_user(superuser=True)
    page = AgreementPage(
        title="Pårørendeavtale",
        slug="parorendeavtale",
        version="1.0",
        clauses=[
            (
                "clause",
                {
                    "title": "Formål",
                    "text": RichText("<p>Avtalen sikrer pårørendes rett til informasjon.</p>"),
                    "subclauses": [],
                    "guidance": RichText(""),
                    "themes": [],
                },
            )
        ],
        live=False,
        go_live_at=timezone.now() + datetime.timedelta(days=7),
    )
    home_page.add_child(instance=page)
    page.save_revision(user=approver)
    workflow = Workflow.objects.create(name="Avtalegodkjenning")
    task = GroupApprovalTask.objects.create(name="Landsstyret godkjenner")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(page, approver)
    page = AgreementPage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=approver)
    page = AgreementPage.objects.get(pk=page.pk)
    assert not page.live
    return page, approver


def export(client, user, page):
    client.force_login(user)
    response = client.get(reverse("lpp_docx_export", args=[page.pk]))
    assert response.status_code == 200
    return response.content


def test_the_approved_agreement_exports_without_utkast_before_it_goes_live(
    client, approved_for_later
):
    page, user = approved_for_later
    data = export(client, user, page)
    assert "UTKAST" not in read_docx(data).header_text
    assert docx.Document(io.BytesIO(data)).core_properties.comments.startswith("Godkjent ")


def test_an_agreement_changed_after_its_approval_is_marked_utkast(client, approved_for_later):
    page, user = approved_for_later
    draft = page.get_latest_revision_as_object()
    draft.version = "1.1"
    draft.save_revision(user=user)
    assert read_docx(export(client, user, page)).header_text.startswith("UTKAST")
