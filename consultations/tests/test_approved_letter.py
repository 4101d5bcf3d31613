"""«Eksporter til Word» on a response: the revision the board approved is the final
letter (no «UTKAST», the approval date in the file's properties); any other revision is
marked «UTKAST»."""

import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from base import roles
from base.admin_urls import snippet_url
from consultations.demo import ensure_workflow
from consultations.models import Consultation, ConsultationResponsePage
from consultations.status import Status
from tools.word_readback import read_docx
from wordexport.engine import norwegian_date

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_workflow(index)
    return index


@pytest.fixture
def board_approved(index, make_user):
    writer = make_user(roles.RESPONSES_GROUP)
    page = factories.awaiting_board(index, writer)
    page.current_workflow_task_state.approve(user=make_user(roles.BOARD))
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    assert Consultation.objects.get(pk=page.consultation_id).status == Status.APPROVED
    return page


def export(client, make_user, page):
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("lpp_docx_export", args=[page.pk]))
    assert response.status_code == 200
    return response.content


def test_the_board_approved_revision_exports_as_the_final_letter(client, make_user, board_approved):
    data = export(client, make_user, board_approved)
    report = read_docx(data)
    assert "UTKAST" not in report.header_text
    assert "UTKAST" not in report.text
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.comments == f"Godkjent {norwegian_date(timezone.localdate())}"


def test_a_save_after_the_approval_that_changes_nothing_keeps_the_letter_final(
    client, make_user, board_approved
):
    board_approved.get_latest_revision_as_object().save_revision()  # e.g. an autosave
    report = read_docx(export(client, make_user, board_approved))
    assert "UTKAST" not in report.header_text


def test_a_revision_saved_after_the_approval_is_marked_utkast(client, make_user, board_approved):
    draft = board_approved.get_latest_revision_as_object()
    draft.summary = "Endret etter at landsstyret godkjente."
    draft.save_revision()
    report = read_docx(export(client, make_user, board_approved))
    assert report.header_text.startswith("UTKAST")


def test_a_response_waiting_for_the_board_is_marked_utkast(client, make_user, index):
    page = factories.awaiting_board(index, make_user(roles.RESPONSES_GROUP))
    report = read_docx(export(client, make_user, page))
    assert report.header_text.startswith("UTKAST")


def test_the_approved_letter_can_be_uploaded_as_what_was_sent(client, make_user, board_approved):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = export(client, make_user, board_approved)
    response = client.post(
        snippet_url(Consultation, "submit", board_approved.consultation_id),
        {
            "submitted_on": timezone.localdate().isoformat(),
            "channel": "epost",
            "recipient": "postmottak@hod.dep.no",
            "file": SimpleUploadedFile("svar.docx", data),
        },
    )
    assert response.status_code == 302
    assert Consultation.objects.get(pk=board_approved.consultation_id).status == Status.SUBMITTED
