"""Starting a consultation's response: the button on the consultation, abandoned
autosaved stubs that must not block it, reminders that say why they were not sent, full
names for the responsible person, and unknown themes refused."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.tests.factories import ThemeFactory
from base import roles
from base.admin_urls import snippet_url
from consultations.models import Consultation, ConsultationResponsePage
from consultations.responses import stub_consultation_ids
from consultations.status import Status
from consultations.stubs import ABANDONED_AFTER

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    return index


@pytest.fixture
def writer(make_user):
    return make_user(roles.RESPONSES_GROUP, first_name="Kari", last_name="Nordmann")


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, first_name="Siri", last_name="Sekretær")


def start_url(record):
    return snippet_url(Consultation, "start_response", record.pk)


def make_stub(index, record, owner, age=ABANDONED_AFTER + datetime.timedelta(minutes=5)):
    """What autosave leaves when someone picks a consultation and walks away."""
    page = ConsultationResponsePage(
        title="Høringssvar", consultation=record, owner=owner, live=False, summary=""
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=owner, clean=False)
    when = timezone.now() - age
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    ConsultationResponsePage.objects.filter(pk=page.pk).update(latest_revision_created_at=when)
    return ConsultationResponsePage.objects.get(pk=page.pk)


# --- the button -----------------------------------------------------------------------


def test_the_consultation_offers_a_button_that_creates_the_linked_response(client, index, writer):
    record = factories.ConsultationFactory(title="Høring om pårørendeveilederen")
    client.force_login(writer)
    inspect = client.get(snippet_url("consultations.consultation", "inspect", record.pk))
    assert start_url(record) in inspect.content.decode()
    assert "Skriv høringssvar" in inspect.content.decode()

    response = client.post(start_url(record))

    page = ConsultationResponsePage.objects.get(consultation=record)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == index.pk and page.owner == writer and not page.live


def test_the_staff_edit_view_shows_the_button_instead_of_instructions(client, index, staff):
    record = factories.ConsultationFactory()
    client.force_login(staff)
    html = client.get(snippet_url("consultations.consultation", "edit", record.pk)).content.decode()
    assert "Opprett en side under" not in html
    assert start_url(record) in html


def test_the_button_opens_the_existing_response_instead_of_making_a_second(client, index, writer):
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(writer)
    response = client.post(start_url(record))
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert ConsultationResponsePage.objects.filter(consultation=record).count() == 1


def test_someone_who_may_not_write_responses_is_told_so_and_nothing_is_created(
    client, index, make_user
):
    record = factories.ConsultationFactory()
    client.force_login(make_user(roles.BOARD))
    response = client.post(start_url(record))
    assert response.status_code == 403
    assert "Du har ikke tilgang til å skrive høringssvar" in response.content.decode()
    assert not ConsultationResponsePage.objects.filter(consultation=record).exists()


def test_a_declined_consultation_gets_no_response(client, index, writer):
    record = factories.ConsultationFactory()
    Consultation.objects.filter(pk=record.pk).update(status=Status.DECLINED)
    client.force_login(writer)
    response = client.post(start_url(record))
    assert "LPP har avstått" in response.content.decode()
    assert not ConsultationResponsePage.objects.filter(consultation=record).exists()


# --- abandoned autosaved stubs --------------------------------------------------------


def test_an_abandoned_stub_does_not_hide_the_consultation_from_the_chooser(
    client, index, writer, make_user
):
    record = factories.ConsultationFactory(title="Høring som ble forlatt")
    make_stub(index, record, owner=make_user(roles.RESPONSES_GROUP))
    client.force_login(writer)
    chooser = reverse("wagtailsnippetchoosers_consultations_consultation:choose")
    assert "Høring som ble forlatt" in client.get(chooser).json()["html"]


def test_a_stub_someone_is_writing_now_still_holds_the_consultation(index, writer, make_user):
    record = factories.ConsultationFactory()
    make_stub(index, record, owner=make_user(roles.RESPONSES_GROUP), age=datetime.timedelta(0))
    assert record.pk not in stub_consultation_ids(writer)


def test_a_response_with_text_is_never_treated_as_a_stub(index, writer, make_user):
    record = factories.ConsultationFactory()
    page = make_stub(index, record, owner=make_user(roles.RESPONSES_GROUP))
    ConsultationResponsePage.objects.filter(pk=page.pk).update(summary="Vi mener noe.")
    assert record.pk not in stub_consultation_ids(writer)


def test_choosing_a_consultation_held_by_a_stub_replaces_the_stub(client, index, writer, make_user):
    record = factories.ConsultationFactory()
    stub = make_stub(index, record, owner=make_user(roles.RESPONSES_GROUP))
    client.force_login(writer)
    add = reverse(
        "wagtailadmin_pages:add", args=["consultations", "consultationresponsepage", index.pk]
    )
    data = nested_form_data(
        {
            "title": "Svar på høringen",
            "slug": "svar-pa-horingen",
            "consultation": record.pk,
            "summary": "Kort.",
            "letter_date": "",
            "signatory": "",
            "body": streamfield([("paragraph", rich_text("<p>Tekst</p>"))]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConsultationResponsePage.objects.get(consultation=record)
    assert page.slug == "svar-pa-horingen"
    assert not ConsultationResponsePage.objects.filter(pk=stub.pk).exists()


def test_the_button_reuses_an_abandoned_stub(client, index, writer, make_user):
    record = factories.ConsultationFactory()
    stub = make_stub(index, record, owner=make_user(roles.RESPONSES_GROUP))
    client.force_login(writer)
    response = client.post(start_url(record))
    assert response.url == reverse("wagtailadmin_pages:edit", args=[stub.pk])
    assert ConsultationResponsePage.objects.filter(consultation=record).count() == 1


# --- reminders say why ----------------------------------------------------------------


def run_reminders(**options):
    out = io.StringIO()
    call_command("send_deadline_reminders", stdout=out, **options)
    return out.getvalue()


def test_a_reminder_nobody_can_receive_is_explained_per_consultation(make_user):
    soon = timezone.localdate() + datetime.timedelta(days=6)
    factories.ConsultationFactory(title="Høring uten ansvarlig", deadline=soon)
    nameless = make_user(roles.STAFF, first_name="Per", last_name="Hansen", email="")
    factories.ConsultationFactory(title="Høring uten e-post", deadline=soon, responsible=nameless)

    out = run_reminders()

    assert "Sendte 0 påminnelser" in out
    assert "«Høring uten ansvarlig»" in out and "ingen ansvarlig er valgt" in out
    assert "«Høring uten e-post»" in out and "(Per Hansen) har ingen e-postadresse" in out
    assert "2 påminnelser ble ikke sendt fordi ingen kan få dem" in out


def test_one_reminder_nobody_can_receive_is_counted_in_the_singular():
    soon = timezone.localdate() + datetime.timedelta(days=6)
    factories.ConsultationFactory(title="Høring uten ansvarlig", deadline=soon)

    out = run_reminders()

    assert "1 påminnelse ble ikke sendt fordi ingen kan få dem" in out


# --- full names -----------------------------------------------------------------------


def test_ansvarlig_is_chosen_and_listed_by_full_name(client, staff):
    factories.ConsultationFactory(title="Høring med ansvarlig", responsible=staff)
    client.force_login(staff)
    listing = client.get(snippet_url("consultations.consultation", "list"))
    html = listing.content.decode()
    assert "Siri Sekretær" in html
    assert f">{staff.username}<" not in html
    add = client.get(snippet_url("consultations.consultation", "add")).content.decode()
    assert f'<option value="{staff.pk}">Siri Sekretær</option>' in add


# --- themes are a controlled vocabulary -----------------------------------------------


def test_an_unknown_theme_is_refused_with_a_message(client, staff):
    known = ThemeFactory(name="Tvang")
    record = factories.ConsultationFactory(title="Høring med temaer")
    client.force_login(staff)
    edit = snippet_url("consultations.consultation", "edit", record.pk)
    data = nested_form_data(
        {
            "title": record.title,
            "authority": record.authority_id,
            "case_number": record.case_number,
            "our_reference": "",
            "url": "",
            "announced_on": record.announced_on.isoformat(),
            "draft_deadline": "",
            "deadline": record.deadline.isoformat(),
            "responsible": "",
            "working_group": "",
            "themes": f"{known.name}, Rusomsorg",
            "documents": inline_formset([]),
            "status": record.status,
            "decline_reason": "",
            "notes": "",
        }
    )
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "Finnes ikke som tema: «Rusomsorg»" in response.content.decode()
    assert list(Consultation.objects.get(pk=record.pk).themes.all()) == []
