"""Review needs a second reader; Wagtail's dead-end default moderation is gone; every
page type has an LPP workflow."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, TaskState, Workflow, WorkflowPage, WorkflowState, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from base import roles
from home.models import SecondReaderTask, StandardPage
from home.models.workflows import SELF_APPROVAL_MESSAGE
from home.workflows import ensure_review_workflow

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

GROUP = roles.PLATFORM_GROUP


@pytest.fixture
def section(home_page):
    roles.grant_site_permissions(home_page)  # the board publishes on the whole site
    page = StandardPageFactory(parent=home_page, title="Arbeidsrom", slug="arbeidsrom")
    roles.grant_section(GROUP, page, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    workflow, _ = Workflow.objects.get_or_create(name="Test: gjennomgang og godkjenning")
    ensure_review_workflow(workflow, page, f"Gjennomgang i {GROUP}", GROUP)
    return page


@pytest.fixture
def draft(section):
    return StandardPageFactory(parent=section, title="Kapittelutkast", slug="utkast", live=False)


@pytest.fixture
def author(make_user):
    return make_user(GROUP, first_name="Kari", last_name="Nordmann")


@pytest.fixture
def colleague(make_user):
    return make_user(GROUP, first_name="Ola", last_name="Hansen")


def form_data(page, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": "",
        "body": streamfield([("paragraph", rich_text("<p>Tekst.</p>"))]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def submit(client, user, page):
    client.force_login(user)
    data = form_data(page)
    data["action-submit"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(pk=page.pk)


def approve_via_editor(client, page):
    data = form_data(page)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def test_the_submitter_cannot_approve_their_own_review(client, draft, author):
    page = submit(client, author, draft)
    task_state = page.current_workflow_task_state

    response = approve_via_editor(client, page)

    assert SELF_APPROVAL_MESSAGE in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_submitter_is_offered_no_approve_button(client, draft, author):
    page = submit(client, author, draft)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-workflow-action-name="approve"' not in html
    assert SELF_APPROVAL_MESSAGE in html


def test_the_submitter_cannot_approve_through_the_workflow_action_view(client, draft, author):
    page = submit(client, author, draft)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_another_member_of_the_group_approves_the_review(client, draft, author, colleague):
    page = submit(client, author, draft)
    client.force_login(colleague)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-workflow-action-name="approve"' in html

    approve_via_editor(client, page)

    page = StandardPage.objects.get(pk=page.pk)
    assert page.current_workflow_task.name == f"Godkjenning i {roles.BOARD}"


def test_the_submitter_does_not_see_their_own_review_as_waiting_for_them(draft, author, colleague):
    draft.get_workflow().start(draft, author)
    task = SecondReaderTask.objects.get(name=f"Gjennomgang i {GROUP}")
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert task.get_task_states_user_can_moderate(colleague).exists()


def test_the_board_step_is_approved_by_any_board_member(
    client, draft, author, colleague, make_user
):
    page = submit(client, author, draft)
    client.force_login(colleague)
    approve_via_editor(client, page)
    board_member = make_user(roles.BOARD)
    client.force_login(board_member)

    approve_via_editor(client, StandardPage.objects.get(pk=page.pk))

    page = StandardPage.objects.get(pk=page.pk)
    assert page.live
    assert page.current_workflow_state is None


def test_wagtail_default_groups_and_workflow_are_gone_after_migrate(db):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    first = workflow.tasks.first().specific
    assert isinstance(first, SecondReaderTask) and first.second_reader
    assert set(first.groups.values_list("name", flat=True)) == {roles.STAFF, roles.BOARD}


def test_every_page_type_has_an_lpp_workflow_with_a_second_reader(demo_site):
    types_seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        workflow = page.get_workflow()
        assert workflow is not None, page
        review = workflow.tasks.first().specific
        assert isinstance(review, SecondReaderTask) and review.second_reader, (page, review)
        assert "Moderators" not in workflow.name
        types_seen.add(type(page))
    page_types = {model for model in get_page_models() if model is not Page}
    assert page_types <= types_seen, page_types - types_seen


def test_no_workflow_is_stuck_on_wagtails_default_task(demo_site):
    assert not WorkflowState.objects.filter(workflow__name="Moderators approval").exists()
    page_workflows = Workflow.objects.filter(workflow_pages__isnull=False).distinct()
    for workflow in page_workflows:
        for task in workflow.tasks:
            assert isinstance(task.specific, SecondReaderTask), (workflow, task)
