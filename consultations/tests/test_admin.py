"""The staff side: the consultation list, its filters and export, the form's rules, the
dashboard, the submission step, and who may see any of it."""

import csv
import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from advocacy.tests.factories import AuthorityFactory, ThemeFactory
from base import roles
from base.admin_urls import snippet_url
from consultations.models import Consultation, Submission
from consultations.status import Status
from consultations.submission import archive_submission

from . import factories

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_consultations_consultation:list"
ADD = "wagtailsnippets_consultations_consultation:add"
EDIT = "wagtailsnippets_consultations_consultation:edit"
today = timezone.localdate
days = datetime.timedelta


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, first_name="Siri", last_name="Sekretær")


def form_data(**fields):
    data = {
        "title": "Høring om pårørendes rettigheter",
        "authority": AuthorityFactory().pk,
        "case_number": "26/100",
        "our_reference": "",
        "url": "",
        "announced_on": today().isoformat(),
        "deadline": (today() + days(30)).isoformat(),
        "draft_deadline": "",
        "responsible": "",
        "working_group": "",
        "themes": "",
        "notes": "",
        "status": Status.REGISTERED,
        "decline_reason": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_staff_register_a_consultation(client, staff):
    client.force_login(staff)
    response = client.post(reverse(ADD), form_data(responsible=staff.pk))
    assert response.status_code == 302
    record = Consultation.objects.get()
    assert record.status == Status.REGISTERED and record.responsible == staff


def test_only_staff_and_working_groups_can_be_made_responsible(client, staff, make_user):
    board_member = make_user(roles.BOARD, first_name="Bjørn", last_name="Styremedlem")
    client.force_login(staff)
    form = client.get(reverse(ADD)).context["form"]
    assert list(form.fields["responsible"].queryset) == [staff]
    groups = [group.name for group in form.fields["working_group"].queryset]
    assert groups == sorted(roles.WORKING_GROUPS)

    response = client.post(reverse(ADD), form_data(responsible=board_member.pk))
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Consultation.objects.exists()


def test_a_record_keeps_its_responsible_person_after_they_have_left(client, staff, make_user):
    former = make_user(roles.STAFF, first_name="Tidligere", last_name="Ansatt")
    record = factories.ConsultationFactory(responsible=former)
    former.is_active = False
    former.save()

    client.force_login(staff)
    response = client.post(
        reverse(EDIT, args=[record.pk]),
        form_data(title="Nytt navn", case_number=record.case_number, responsible=former.pk),
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Nytt navn" and record.responsible == former
    new_record = client.get(reverse(ADD)).context["form"]
    assert former not in new_record.fields["responsible"].queryset


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"deadline": "2020-01-01"}, "Høringsfristen kan ikke være før høringen ble kunngjort."),
        ({"status": Status.DECLINED}, "Skriv hvorfor LPP avstår fra å svare på høringen."),
        ({"status": Status.SUBMITTED}, "Velg et gyldig valg"),
    ],
)
def test_bad_input_gets_a_norwegian_message_and_saves_nothing(client, staff, fields, message):
    client.force_login(staff)
    response = client.post(reverse(ADD), form_data(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Consultation.objects.exists()


def test_the_same_case_number_twice_is_refused_in_the_form(client, staff):
    factories.ConsultationFactory(case_number="26/100")
    client.force_login(staff)
    response = client.post(reverse(ADD), form_data(case_number="26/100"))
    assert response.status_code == 200
    assert "allerede en høring med samme saksnummer" in response.content.decode()
    assert Consultation.objects.count() == 1


def test_staff_cannot_jump_to_approved_by_editing_the_status(client, staff):
    record = factories.ConsultationFactory(status=Status.DRAFTING)
    client.force_login(staff)
    response = client.post(
        reverse(EDIT, args=[record.pk]),
        form_data(title=record.title, case_number=record.case_number, status=Status.APPROVED),
    )
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.status == Status.DRAFTING


def test_staff_decline_with_a_reason(client, staff):
    record = factories.ConsultationFactory()
    client.force_login(staff)
    response = client.post(
        reverse(EDIT, args=[record.pk]),
        form_data(
            title=record.title,
            case_number=record.case_number,
            status=Status.DECLINED,
            decline_reason="Utenfor LPPs område.",
        ),
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == Status.DECLINED


def titles_in(html, records):
    return [r.title for r in records if r.title in html]


def test_list_filters_by_status_deadline_authority_theme_and_responsible(client, staff):
    tvang = ThemeFactory(name="Tvang")
    hdir = AuthorityFactory(name="Helsedirektoratet", kind="direktorat")
    soon = factories.ConsultationFactory(
        title="Snart frist", deadline=today() + days(5), themes=[tvang]
    )
    later = factories.ConsultationFactory(
        title="Senere frist", deadline=today() + days(60), authority=hdir, responsible=staff
    )
    past = factories.ConsultationFactory(
        title="Gammel frist",
        announced_on=today() - days(90),
        deadline=today() - days(3),
        status=Status.ASSESSING,
    )
    everything = [soon, later, past]
    client.force_login(staff)

    def shown(**params):
        response = client.get(reverse(LIST), params)
        assert response.status_code == 200
        return titles_in(response.content.decode(), everything)

    assert shown() == ["Snart frist", "Senere frist", "Gammel frist"]
    assert shown(status=Status.ASSESSING) == ["Gammel frist"]
    assert shown(frist="7") == ["Snart frist"]
    assert shown(frist="passert") == ["Gammel frist"]
    assert shown(authority=hdir.pk) == ["Senere frist"]
    assert shown(themes=tvang.pk) == ["Snart frist"]
    assert shown(responsible=staff.pk) == ["Senere frist"]
    assert shown(q="Gammel") == ["Gammel frist"]


def test_the_list_renders_in_constant_queries(client, staff, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff)
    for _ in range(3):
        factories.ConsultationFactory(responsible=staff)
    client.get(reverse(LIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(LIST))
    for i in range(20):
        factories.ConsultationFactory(
            responsible=staff, authority=AuthorityFactory(name=f"Myndighet {i}")
        )
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(LIST))
    assert len(many) == len(few)


def test_export_escapes_spreadsheet_formulas(client, staff):
    factories.ConsultationFactory(
        title='=HYPERLINK("http://evil","klikk")',
        notes="+1+1",
        case_number="-2",
        themes=[ThemeFactory(name="Tvang")],
    )
    factories.ConsultationFactory(title="Vanlig tittel")
    client.force_login(staff)
    response = client.get(reverse(LIST), {"export": "csv"})
    assert response.status_code == 200
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    by_title = {row["Tittel"]: row for row in rows}
    evil = by_title['\'=HYPERLINK("http://evil","klikk")']
    assert evil["Interne notater"] == "'+1+1"
    assert evil["Deres ref."] == "'-2"
    assert evil["Temaer"] == "Tvang"
    assert evil["Myndighet"] == "Helse- og omsorgsdepartementet"
    assert "Vanlig tittel" in by_title


def test_export_to_xlsx_keeps_formulas_as_text(client, staff):
    from openpyxl import load_workbook

    factories.ConsultationFactory(title="=1+2")
    client.force_login(staff)
    response = client.get(reverse(LIST), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'=1+2" in values


def test_dashboard_shows_what_is_due(client, staff):
    factories.ConsultationFactory(
        title="Frist om ti dager", deadline=today() + days(10), status=Status.DRAFTING
    )
    factories.ConsultationFactory(
        title="Frist om to måneder", deadline=today() + days(60), status=Status.DRAFTING
    )
    factories.ConsultationFactory(
        title="Forsinket utkast",
        announced_on=today() - days(20),
        draft_deadline=today() - days(2),
        status=Status.DRAFTING,
        deadline=today() + days(40),
    )
    factories.ConsultationFactory(title="Skal vi svare?", deadline=today() + days(50))
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    upcoming, overdue, undecided = (
        html.split('id="lpp-horinger-frister"')[1].split('id="lpp-horinger-forsinket"')[0],
        html.split('id="lpp-horinger-forsinket"')[1].split('id="lpp-horinger-beslutning"')[0],
        html.split('id="lpp-horinger-beslutning"')[1],
    )
    assert "Frist om ti dager" in upcoming and "Frist om to måneder" not in upcoming
    assert "Forsinket utkast" in overdue and "Frist om ti dager" not in overdue
    assert "Skal vi svare?" in undecided and "Forsinket utkast" not in undecided


@pytest.mark.parametrize(
    "group, can_view, can_change",
    [
        (roles.STAFF, True, True),
        (roles.BOARD, True, False),
        (roles.RESPONSES_GROUP, True, False),
        (roles.PLATFORM_GROUP, False, False),
        (roles.AGREEMENT_GROUP, False, False),
    ],
)
def test_permissions_per_role(client, make_user, group, can_view, can_change):
    record = factories.ConsultationFactory(title="Høringen", notes="Internt notat")
    user = make_user(group)
    client.force_login(user)
    listing = client.get(reverse(LIST))
    assert (listing.status_code == 200) is can_view
    if can_view:
        assert "Høringen" in listing.content.decode()
    assert (client.get(reverse(ADD)).status_code == 200) is can_change
    edit = client.post(reverse(EDIT, args=[record.pk]), form_data(title="Endret"))
    record.refresh_from_db()
    assert (record.title == "Endret") is can_change
    if not can_change:
        assert edit.status_code in (302, 403)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ('id="lpp-horinger-section"' in home) is can_view
    assert (client.get(reverse("consultations_admin:calendar")).status_code == 200) is can_change
    reminders = client.get(reverse("reminders:index"))
    assert (reminders.status_code == 200) is can_change


def test_anonymous_visitors_are_sent_to_the_login(client):
    record = factories.ConsultationFactory()
    for url in [
        reverse(LIST),
        reverse(EDIT, args=[record.pk]),
        snippet_url(Consultation, "submit", record.pk),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- the submission step ------------------------------------------------------------


@pytest.fixture
def approved(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    record = factories.ConsultationFactory(title="Godkjent høring")
    page = factories.ResponsePageFactory(
        parent=index, consultation=record, body=[factories.proposal_block("Et forslag")]
    )
    factories.approve(record, page)
    return record, page


def submit(client, record, **fields):
    data = {
        "submitted_on": today().isoformat(),
        "channel": "epost",
        "recipient": "postmottak@hod.dep.no",
        "file": SimpleUploadedFile("svar.pdf", b"%PDF-1.4 det som ble sendt"),
    }
    data.update(fields)
    return client.post(snippet_url(Consultation, "submit", record.pk), data)


def test_recording_the_submission_archives_the_file_and_publishes(client, staff, approved):
    import hashlib

    record, page = approved
    client.force_login(staff)
    response = submit(client, record)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == Status.SUBMITTED
    submission = Submission.objects.get(consultation=record)
    assert submission.sha256 == hashlib.sha256(b"%PDF-1.4 det som ble sendt").hexdigest()
    assert submission.recorded_by == staff and submission.filename == "svar.pdf"
    page.refresh_from_db()
    assert page.live
    download = client.get(snippet_url(Consultation, "submission_file", record.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 det som ble sendt"
    # Recorded once: a second click is told so and changes nothing.
    again = submit(client, record)
    assert again.status_code == 302
    assert "Innsendingen er allerede registrert." in [
        str(m) for m in get_messages(again.wsgi_request)
    ]
    assert Submission.objects.filter(consultation=record).count() == 1
    # Kept in the private storage, not in the public media folder; the public and
    # staff without the permission get nothing.
    assert submission.file.storage.exists(submission.file.name)
    assert not default_storage.exists(submission.file.name)
    client.logout()
    assert client.get(snippet_url(Consultation, "submission_file", record.pk)).status_code in (
        302,
        403,
    )


def test_without_an_upload_the_generated_word_letter_is_archived(client, staff, approved):
    import hashlib
    import io

    from docx import Document

    record, page = approved
    client.force_login(staff)
    response = submit(client, record, file="")
    assert response.status_code == 302
    submission = Submission.objects.get(consultation=record)
    assert submission.filename == f"{page.slug}.docx"
    download = client.get(snippet_url(Consultation, "submission_file", record.pk))
    content = b"".join(download.streaming_content)
    assert hashlib.sha256(content).hexdigest() == submission.sha256
    # Proposals sit in boxes (table cells), so read all the body's text.
    text = "".join(Document(io.BytesIO(content)).element.body.itertext())
    assert f"Høringssvar – {record.title}" in text
    assert "Et forslag" in text and "UTKAST" not in text


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"file": SimpleUploadedFile("svar.exe", b"MZ")}, "Filtypen støttes ikke"),
        ({"file": SimpleUploadedFile("svar.pdf", b"")}, "Filen er tom."),
        ({"recipient": ""}, "Skriv hvem høringssvaret ble sendt til."),
        ({"submitted_on": "i morgen"}, "Skriv en gyldig dato"),
        ({"submitted_on": "2999-01-01"}, "Sendt dato kan ikke være fram i tid."),
    ],
)
def test_bad_submissions_change_nothing(client, staff, approved, fields, message):
    record, page = approved
    client.force_login(staff)
    response = submit(client, record, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    record.refresh_from_db()
    assert record.status == Status.APPROVED
    assert not Submission.objects.exists()
    page.refresh_from_db()
    assert not page.live


def test_an_unapproved_response_cannot_be_submitted(client, staff, home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    record = factories.ConsultationFactory()
    factories.ResponsePageFactory(parent=index, consultation=record)
    client.force_login(staff)
    response = submit(client, record)
    assert "før landsstyret har godkjent det" in response.content.decode()
    assert not Submission.objects.exists()


def test_unconfirmed_personal_data_blocks_the_submission(client, staff, home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    record = factories.ConsultationFactory()
    page = factories.ResponsePageFactory(
        parent=index, consultation=record, body=[factories.paragraph("Ring 912 34 567")]
    )
    factories.approve(record, page)
    client.force_login(staff)
    response = submit(client, record)
    assert "personopplysninger som ingen har bekreftet" in response.content.decode()
    assert not Submission.objects.exists()


def test_the_archived_submission_cannot_be_changed(approved):
    from django.core.exceptions import ValidationError

    record, page = approved
    submission = archive_submission(
        record,
        content=b"brev",
        filename="brev.txt",
        submitted_on=today(),
        channel="brev",
        recipient="HOD",
    )
    submission.recipient = "Noen andre"
    with pytest.raises(ValidationError, match="kan ikke endres"):
        submission.save()


@pytest.mark.parametrize("group", [roles.BOARD, roles.RESPONSES_GROUP])
def test_board_and_working_group_can_read_a_consultation_and_choose_it(client, make_user, group):
    record = factories.ConsultationFactory(title="Høringen de skal svare på", case_number="26/4242")
    client.force_login(make_user(group))
    inspect = client.get(snippet_url("consultations.consultation", "inspect", record.pk))
    assert inspect.status_code == 200
    assert "26/4242" in inspect.content.decode()
    chooser = client.get(reverse("wagtailsnippetchoosers_consultations_consultation:choose"))
    assert chooser.status_code == 200
    assert "Høringen de skal svare på" in chooser.json()["html"]


def test_the_edit_view_offers_to_record_the_submission_once_approved(client, staff, approved):
    record, _page = approved
    client.force_login(staff)
    html = client.get(reverse(EDIT, args=[record.pk])).content.decode()
    assert snippet_url(Consultation, "submit", record.pk) in html
    assert "Godkjent av landsstyret" in html


@pytest.mark.parametrize("group", [roles.BOARD, roles.RESPONSES_GROUP, roles.PLATFORM_GROUP])
def test_only_staff_record_submissions_and_download_what_was_sent(
    client, make_user, approved, group
):
    record, page = approved
    archive_submission(
        record,
        content=b"brev",
        filename="brev.txt",
        submitted_on=today(),
        channel="brev",
        recipient="HOD",
    )
    client.force_login(make_user(group))
    download = client.get(snippet_url(Consultation, "submission_file", record.pk))
    assert download.status_code in (302, 403)
    other = factories.ConsultationFactory()
    assert submit(client, other).status_code in (302, 403)


def test_the_response_form_offers_only_consultations_still_to_answer(client, staff, home_page):
    open_one = factories.ConsultationFactory(title="Høring om avlastning", case_number="26/501")
    other = factories.ConsultationFactory(title="Høring om tvang", case_number="26/777")
    answered = factories.ConsultationFactory(title="Høring som er besvart")
    factories.ResponsePageFactory(
        parent=factories.ResponseIndexPageFactory(parent=home_page), consultation=answered
    )
    factories.ConsultationFactory(
        title="Høring LPP avstår fra", status=Status.DECLINED, decline_reason="Utenfor vårt område."
    )
    client.force_login(staff)
    url = reverse("wagtailsnippetchoosers_consultations_consultation:choose")
    html = client.get(url).json()["html"]
    assert open_one.title in html and other.title in html
    assert "Høring som er besvart" not in html and "Høring LPP avstår fra" not in html
    results = reverse("wagtailsnippetchoosers_consultations_consultation:choose_results")
    found = client.get(results, {"q": "26/777"}).content.decode()
    assert other.title in found and open_one.title not in found
