"""Drafting together: the review → board approval workflow, the status that follows it,
and the personal-data warning before a response goes on towards publication."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from base import roles
from consultations.demo import ensure_workflow
from consultations.models import Consultation, ConsultationResponsePage
from consultations.status import Status
from home.models import StandardPage

from . import factories
from .test_personal_data import valid_fnr

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_workflow(index)
    return index


@pytest.fixture
def writer(make_user):
    return make_user(roles.RESPONSES_GROUP)


@pytest.fixture
def board(make_user):
    return make_user(roles.BOARD)


def edit_data(page, paragraph="Vi takker for høringen.", **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "consultation": page.consultation_id,
        "summary": page.summary,
        "letter_date": "",
        "signatory": "Kari Nordmann, styreleder",
        "body": streamfield(
            [
                ("paragraph", rich_text(f"<p>{paragraph}</p>")),
                (
                    "proposal",
                    {
                        "text": "Pårørende skal få informasjon.",
                        "rationale": rich_text(""),
                        "themes": [],
                        "target_authority": "",
                    },
                ),
            ]
        ),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def post_edit(client, page, data, action=None):
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def status_of(record):
    return Consultation.objects.get(pk=record.pk).status


def test_review_and_board_approval_move_the_consultation_along(client, index, writer, board):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    assert status_of(record) == Status.DRAFTING

    client.force_login(writer)
    response = post_edit(client, page, edit_data(page), "action-submit")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert status_of(record) == Status.IN_REVIEW

    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=writer)  # the working group's review
    assert status_of(record) == Status.IN_REVIEW
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    assert page.current_workflow_task.name == "Godkjenning i Landsstyret"
    page.current_workflow_task_state.approve(user=board)

    record.refresh_from_db()
    assert record.status == Status.APPROVED
    assert record.approved_revision_id == page.latest_revision_id
    # Approval does not publish: the response goes public when it is sent.
    assert not Page.objects.get(pk=page.pk).live


def test_a_rejected_response_goes_back_to_drafting(client, index, writer, board):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(writer)
    post_edit(client, page, edit_data(page), "action-submit")
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_task_state.reject(user=writer)
    assert status_of(record) == Status.DRAFTING


def test_personal_data_must_be_confirmed_before_review(client, index, writer):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(writer)
    fnr = valid_fnr()
    text = f"Sønnen min ({fnr}) kan nås på 912 34 567."

    # Saving a draft is fine: the warning is about publication.
    response = post_edit(client, page, edit_data(page, paragraph=text))
    assert response.status_code == 302

    response = post_edit(client, page, edit_data(page, paragraph=text), "action-submit")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Teksten ser ut til å inneholde personopplysninger" in html
    assert "fødselsnummer" in html and "912 34 567" in html
    assert status_of(record) == Status.DRAFTING
    assert ConsultationResponsePage.objects.get(pk=page.pk).current_workflow_state is None

    response = post_edit(
        client, page, edit_data(page, paragraph=text, confirm_personal_data="on"), "action-submit"
    )
    assert response.status_code == 302
    assert status_of(record) == Status.IN_REVIEW
    assert ConsultationResponsePage.objects.get(pk=page.pk).personal_data_fingerprint


def test_a_new_finding_after_confirmation_needs_a_new_confirmation(client, index, writer):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(writer)
    post_edit(
        client, page, edit_data(page, paragraph="Ring 912 34 567", confirm_personal_data="on")
    )
    # The same finding stays confirmed …
    response = post_edit(
        client, page, edit_data(page, paragraph="Ring 912 34 567"), "action-submit"
    )
    assert response.status_code == 302
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_state.cancel(user=writer)
    # … a new one is not.
    response = post_edit(
        client,
        page,
        edit_data(page, paragraph="Ring 912 34 567 eller 22 33 44 55"),
        "action-submit",
    )
    assert response.status_code == 200
    assert "22 33 44 55" in response.content.decode()


def test_staff_cannot_publish_a_response_that_has_not_been_sent(client, index, make_user):
    staff = make_user(roles.STAFF)
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(staff)
    response = post_edit(client, page, edit_data(page), "action-publish")
    assert response.status_code == 200
    assert "publiseres når innsendingen er registrert" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).live


def test_staff_can_publish_corrections_after_the_response_was_sent(client, index, make_user):
    staff = make_user(roles.STAFF)
    record, page = factories.published_response(index)
    client.force_login(staff)
    response = post_edit(
        client, page, edit_data(page, paragraph="Rettet skrivefeil."), "action-publish"
    )
    assert response.status_code == 302
    assert "Rettet skrivefeil." in client.get(page.url).content.decode()
    record.submission.refresh_from_db()
    assert record.submission.is_intact()


def test_a_declined_consultation_cannot_get_a_response(client, index, writer):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    other = factories.ConsultationFactory(status=Status.DECLINED, decline_reason="Ikke relevant")
    client.force_login(writer)
    response = post_edit(client, page, edit_data(page, consultation=other.pk))
    assert response.status_code == 200
    assert "LPP har avstått fra å svare på denne høringen" in response.content.decode()


def test_one_consultation_has_exactly_one_response(client, index, writer):
    record = factories.ConsultationFactory()
    factories.ResponsePageFactory(parent=index, consultation=record)
    other = factories.ResponsePageFactory(
        parent=index, consultation=factories.ConsultationFactory(), slug="andre"
    )
    client.force_login(writer)
    response = post_edit(client, other, edit_data(other, consultation=record.pk))
    assert response.status_code == 200
    assert "Denne høringen har allerede et høringssvar." in response.content.decode()


@pytest.fixture
def other_page_in_review(home_page, index, board):
    """An ordinary page sent through the responses' workflow (by the board member)."""
    from wagtail.models import Workflow, WorkflowPage

    page = StandardPage(title="Vanlig side", slug="vanlig", live=False)
    home_page.add_child(instance=page)
    page.save_revision()
    workflow = Workflow.objects.get(name="Høringssvar: gjennomgang og godkjenning")
    WorkflowPage.objects.get_or_create(page=home_page, defaults={"workflow": workflow})
    workflow.start(page, board)
    return StandardPage.objects.get(pk=page.pk)


def test_other_page_types_are_still_published_on_approval(other_page_in_review, board):
    page = other_page_in_review
    page.current_workflow_task_state.approve(user=board)
    page = StandardPage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=board)
    assert StandardPage.objects.get(pk=page.pk).live


def test_the_working_group_writes_responses_in_its_own_section(client, index, writer, home_page):
    client.force_login(writer)
    add = reverse(
        "wagtailadmin_pages:add", args=["consultations", "consultationresponsepage", index.pk]
    )
    response = client.get(add)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jeg har sjekket: opplysningene som ser ut som personopplysninger" in html
    assert "Sammendrag" in html and "Brevtekst" in html
    record = factories.ConsultationFactory(title="Ny høring")
    data = nested_form_data(
        {
            "title": "Svar på ny høring",
            "slug": "svar-ny",
            "consultation": record.pk,
            "summary": "Kort.",
            "letter_date": "",
            "signatory": "",
            "body": streamfield([("paragraph", rich_text("<p>Tekst</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(add, data).status_code == 302
    page = ConsultationResponsePage.objects.get(slug="svar-ny")
    assert not page.live and page.owner == writer
    assert status_of(record) == Status.DRAFTING
    # Nowhere else in the tree.
    elsewhere = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    assert client.get(elsewhere).status_code in (302, 403)


# The board's approval button on a response says what it does: approving a response does
# not publish it (it goes public when the submission is recorded).


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
    page = factories.awaiting_board(index, make_user(roles.RESPONSES_GROUP))

    client.force_login(make_user(roles.BOARD))
    labels = approve_buttons(client, page)
    assert "Godkjenn" in labels
    assert not [label for label in labels if "ublis" in label], labels


def test_other_pages_in_the_workflow_still_say_approval_publishes(
    other_page_in_review, client, board
):
    other_page_in_review.current_workflow_task_state.approve(user=board)

    client.force_login(board)
    labels = approve_buttons(client, StandardPage.objects.get(pk=other_page_in_review.pk))
    assert any("ublis" in label for label in labels), labels


def test_the_board_gets_no_publish_button_until_the_response_is_sent(client, index, make_user):
    board = make_user(roles.BOARD)
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    factories.approve(record, page)
    client.force_login(board)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    factories.send(record, page)
    # Corrections after it was sent are published from the editor as usual.
    assert 'name="action-publish"' in client.get(edit_url).content.decode()
