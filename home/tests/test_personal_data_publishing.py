"""Personal data is checked on every page type and every way a page goes public; a
draft is saved with a warning."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from base import roles
from home.models import PersonalDataError, StandardPage
from home.workflows import ensure_review_workflow

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PHONE = "Ring meg på 912 34 567."
DIAGNOSIS = "Kari Hansen har schizofreni og ble innlagt i fjor."


def valid_fnr():
    from base.personal_data import is_valid_fnr

    for serial in range(100, 999):
        for controls in range(100):
            candidate = f"010190{serial}{controls:02d}"
            if is_valid_fnr(candidate):
                return candidate
    raise AssertionError("no valid fødselsnummer")


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF)


@pytest.fixture
def page(home_page, staff):
    roles.grant_site_permissions(home_page)
    return StandardPageFactory(
        parent=home_page, title="Pårørende MØTEPLASS", slug="moteplass", live=False
    )


def form_data(page, text, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def post(client, page, data, action=None):
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


@pytest.mark.parametrize(
    "text",
    [f"Fødselsnummeret er {valid_fnr()}.", PHONE, DIAGNOSIS],
    ids=["fødselsnummer", "telefon", "navn-og-diagnose"],
)
def test_publishing_a_standard_page_with_personal_data_is_refused(client, staff, page, text):
    client.force_login(staff)
    response = post(client, page, form_data(page, text), "action-publish")
    assert "Teksten ser ut til å inneholde personopplysninger" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).live


def test_saving_a_draft_with_personal_data_warns_without_blocking(client, staff, page):
    client.force_login(staff)
    response = post(client, page, form_data(page, PHONE))
    html = response.content.decode()
    assert "Teksten ser ut til å inneholde personopplysninger" in html
    assert "Kladden er lagret" in html
    draft = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "912 34 567" in str(draft.body)


def test_confirmed_personal_data_may_be_published(client, staff, page):
    client.force_login(staff)
    data = form_data(page, PHONE, confirm_personal_data="on")
    post(client, page, data, "action-publish")
    assert Page.objects.get(pk=page.pk).live


def test_a_new_finding_needs_a_new_confirmation(client, staff, page):
    client.force_login(staff)
    post(client, page, form_data(page, PHONE, confirm_personal_data="on"))
    response = post(client, page, form_data(page, PHONE + " " + DIAGNOSIS), "action-publish")
    assert "navn sammen med en diagnose" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).live


def test_publishing_a_revision_with_unconfirmed_personal_data_raises(page):
    page.body = [("paragraph", rich_text(f"<p>{DIAGNOSIS}</p>"))]
    revision = page.save_revision()
    with pytest.raises(PersonalDataError):
        revision.publish()
    assert not Page.objects.get(pk=page.pk).live


def test_scheduled_publishing_skips_a_page_with_personal_data(page, home_page):
    clean = StandardPage(title="Ren side", slug="ren", live=False)
    home_page.add_child(instance=clean)
    past = timezone.now() - datetime.timedelta(minutes=5)
    for target, text in ((page, PHONE), (clean, "Ingen personopplysninger her.")):
        target.body = [("paragraph", rich_text(f"<p>{text}</p>"))]
        revision = target.save_revision()
        revision.approved_go_live_at = past
        revision.save()

    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    assert not Page.objects.get(pk=page.pk).live
    latest = StandardPage.objects.get(pk=page.pk).get_latest_revision()
    assert latest.approved_go_live_at is None  # not retried every run
    assert Page.objects.get(pk=clean.pk).live


def test_bulk_publish_refuses_pages_with_personal_data(client, staff, page, home_page):
    page.body = [("paragraph", rich_text(f"<p>{PHONE}</p>"))]
    page.save_revision()
    client.force_login(staff)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={page.pk}&next=/admin/pages/{home_page.pk}/"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert "Ingen sider ble publisert" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).live


def test_workflow_approval_is_refused_while_personal_data_is_unconfirmed(
    client, page, home_page, make_user
):
    workflow, _ = Workflow.objects.get_or_create(name="Test")
    ensure_review_workflow(workflow, home_page, "Gjennomgang i sekretariatet", roles.STAFF)
    author, reader = make_user(roles.STAFF), make_user(roles.STAFF)
    workflow.start(page, author)
    # The reader edits during review and adds a phone number (a draft: allowed).
    client.force_login(reader)
    post(client, page, form_data(page, PHONE))
    page = StandardPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-workflow-action-name="approve"' not in html

    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
