"""The board's approval button on a response says what it does: approving a response
does not publish it (it goes public when the submission is recorded)."""

import re

import pytest
from django.urls import reverse

from consultations.demo import ensure_workflow
from consultations.models import ConsultationResponsePage
from home.models import StandardPage
from lpp import roles

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = helpers.archive_index(home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_workflow(index)
    return index


def approve_buttons(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(
            r'<button[^>]*data-workflow-action-name="approve"[^>]*>(.*?)</button>', html, re.S
        )
    ]


def test_the_board_approves_a_response_without_being_told_it_is_published(client, index, make_user):
    writer, board = make_user(roles.RESPONSES_GROUP), make_user(roles.BOARD)
    page = helpers.response_page(index, helpers.consultation())
    page.get_workflow().start(page, writer)
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=writer)  # the working group's review

    client.force_login(board)
    labels = approve_buttons(client, ConsultationResponsePage.objects.get(pk=page.pk))
    assert "Godkjenn" in labels
    assert not [label for label in labels if "ublis" in label], labels


def test_other_pages_in_the_workflow_still_say_approval_publishes(
    home_page, index, client, make_user
):
    from wagtail.models import Workflow, WorkflowPage

    board = make_user(roles.BOARD)
    page = StandardPage(title="Vanlig side", slug="vanlig", live=False)
    home_page.add_child(instance=page)
    page.save_revision()
    workflow = Workflow.objects.get(name="Høringssvar: gjennomgang og godkjenning")
    WorkflowPage.objects.get_or_create(page=home_page, defaults={"workflow": workflow})
    workflow.start(page, board)
    StandardPage.objects.get(pk=page.pk).current_workflow_task_state.approve(user=board)

    client.force_login(board)
    labels = approve_buttons(client, StandardPage.objects.get(pk=page.pk))
    assert any("ublis" in label for label in labels), labels
