"""Recording what LPP sent holds under a double click, a file that is not what its name
says and a draft («UTKAST») file; a consultation with a response cannot be deleted, and
its title stays on one line. Bad input: a Norwegian message, and nothing saved."""

import io
import threading
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from base import roles
from base.admin_urls import snippet_url
from consultations.models import Consultation, ConsultationResponsePage, Submission
from consultations.status import Status
from consultations.submission import archive_submission

from . import factories

pytestmark = pytest.mark.django_db
EDIT = "wagtailsnippets_consultations_consultation:edit"
DELETE = "wagtailsnippets_consultations_consultation:delete"


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, first_name="Siri", last_name="Sekretær")


@pytest.fixture
def approved(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    record = factories.ConsultationFactory(title="Godkjent høring")
    page = factories.ResponsePageFactory(
        parent=index, consultation=record, body=[factories.proposal_block("Et forslag")]
    )
    factories.approve(record, page)
    return record, page


def _archive_storage():
    # The field's own storage: `storages["private"]` is a new object after a test that
    # changes settings.STORAGES, while the field keeps the one it was built with.
    return Submission._meta.get_field("file").storage


def _all_private_files():
    storage = _archive_storage()

    def walk(path):
        folders, files = storage.listdir(path)
        found = [f"{path}/{name}".lstrip("/") for name in files]
        for folder in folders:
            found += walk(f"{path}/{folder}".lstrip("/"))
        return found

    return set(walk(""))


@pytest.fixture(autouse=True)
def archived_files():
    """The files archived during this test. The in-memory storage outlives a test, and an
    earlier test may have archived a file under the same name: start from an empty one."""
    storage = _archive_storage()
    for name in _all_private_files():
        storage.delete(name)
    return lambda: sorted(_all_private_files())


def post(client, record, upload=None):
    data = {
        "submitted_on": timezone.localdate().isoformat(),
        "channel": "epost",
        "recipient": "postmottak@hod.dep.no",
        "file": upload or SimpleUploadedFile("svar.pdf", b"%PDF-1.4 det som ble sendt"),
    }
    return client.post(snippet_url(record, "submit"), data)


def zipped(entries, compression=zipfile.ZIP_DEFLATED):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return output.getvalue()


def zip_bomb():
    return zipped(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": b"<w:document>" + b"0" * (120 * 1024 * 1024),
        }
    )


FAKES = {
    "an .exe renamed .docx": ("svar.docx", b"MZ\x90\x00\x03" + b"\x00" * 200),
    "a .docx that is not a zip": ("svar.docx", b"Dette er bare tekst, ikke Word."),
    "a zip that is not Word": ("svar.docx", zipped({"readme.txt": "hei"})),
    "a zip bomb named .docx": ("svar.docx", None),
    "a .pdf without %PDF": ("svar.pdf", b"<html>ikke en pdf</html>"),
    "an .odt that is another zip": (
        "svar.odt",
        zipped({"mimetype": "application/zip", "content.xml": "<x/>"}),
    ),
}


@pytest.mark.parametrize("case", sorted(FAKES))
def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_saved(
    client, staff, approved, archived_files, case
):
    record, page = approved
    name, content = FAKES[case]
    content = zip_bomb() if content is None else content
    client.force_login(staff)
    response = post(client, record, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ikke" in html and ("selv om navnet sier det" in html or "ekte" in html or "MB" in html)
    record.refresh_from_db()
    assert record.status == Status.APPROVED
    assert not Submission.objects.exists()
    assert archived_files() == []
    page.refresh_from_db()
    assert not page.live


def test_a_file_marked_utkast_is_refused_with_an_explanation(
    client, staff, approved, archived_files
):
    from wordexport import export_page

    record, page = approved
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.summary = "Endret etter godkjenning."
    page.save_revision()  # a revision the board has not approved: exported as UTKAST
    draft = export_page(ConsultationResponsePage.objects.get(pk=page.pk), draft=True)
    client.force_login(staff)
    response = post(client, record, SimpleUploadedFile("svar.docx", draft))
    assert response.status_code == 200
    assert "merket «UTKAST»" in response.content.decode()
    assert not Submission.objects.exists()
    assert archived_files() == []


def test_a_second_click_is_told_the_submission_is_recorded(client, staff, approved, archived_files):
    record, _page = approved
    client.force_login(staff)
    assert post(client, record).status_code == 302
    again = post(client, record)
    assert again.status_code == 302 and again["Location"] == reverse(EDIT, args=[record.pk])
    assert "Innsendingen er allerede registrert." in [
        str(m) for m in get_messages(again.wsgi_request)
    ]
    assert Submission.objects.filter(consultation=record).count() == 1
    assert len(archived_files()) == 1


def test_no_archived_file_is_left_when_recording_fails_after_it_was_written(
    approved, monkeypatch, archived_files
):
    from wagtail.models import Revision

    record, page = approved

    def broken_publish(self, *args, **kwargs):
        raise RuntimeError("publiseringen feilet")

    monkeypatch.setattr(Revision, "publish", broken_publish)
    with pytest.raises(RuntimeError):
        archive_submission(
            record,
            content=b"%PDF-1.4 brevet",
            filename="svar.pdf",
            submitted_on=timezone.localdate(),
            channel="epost",
            recipient="postmottak@hod.dep.no",
        )
    assert not Submission.objects.exists()
    assert archived_files() == []
    record.refresh_from_db()
    assert record.status == Status.APPROVED


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL (CI runs the suite on it)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_three_simultaneous_clicks_record_one_submission(client, staff, approved, archived_files):
    from django.db import connections
    from django.test import Client

    record, _page = approved
    barrier = threading.Barrier(3)
    results = []

    def click():
        try:
            browser = Client()
            browser.force_login(staff)
            barrier.wait()
            response = post(browser, record)
            results.append(
                (response.status_code, [str(m) for m in response.wsgi_request._messages])
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _messages in results] == [302, 302, 302]
    told = [messages for _status, messages in results if messages]
    assert sum("Innsendingen er allerede registrert." in m for m in told) == 2
    assert Submission.objects.filter(consultation=record).count() == 1
    assert len(archived_files()) == 1


# --- deleting a consultation that has a response -----------------------------------


def test_a_consultation_with_a_response_cannot_be_deleted_and_staff_are_told_why(
    client, make_user, approved
):
    record, page = approved
    client.force_login(make_user(superuser=True))
    for method in (client.get, client.post):
        response = method(reverse(DELETE, args=[record.pk]), follow=True)
        assert response.redirect_chain[0] == (reverse(EDIT, args=[record.pk]), 302)
        (message,) = [str(m) for m in response.context["messages"]]
        assert "kan ikke slettes" in message and "Avstått" in message
        assert page.title in message
    assert Consultation.objects.filter(pk=record.pk).exists()


def test_a_sent_consultation_cannot_be_bulk_deleted(client, make_user, approved):
    record, page = approved
    factories.send(record, page)
    other = factories.ConsultationFactory(title="Kan slettes")
    client.force_login(make_user(superuser=True))
    url = (
        reverse("wagtail_bulk_action", args=["consultations", "consultation", "delete"])
        + f"?id={record.pk}&id={other.pk}"
    )
    response = client.post(url)
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("innsending" in m and "Godkjent høring" in m for m in messages)
    assert Consultation.objects.filter(pk__in=[record.pk, other.pk]).count() == 2


def test_a_consultation_nothing_depends_on_can_still_be_deleted(client, make_user):
    record = factories.ConsultationFactory(title="Registrert ved en feil")
    client.force_login(make_user(superuser=True))
    response = client.post(reverse(DELETE, args=[record.pk]))
    assert response.status_code == 302
    assert not Consultation.objects.filter(pk=record.pk).exists()


# --- single-line text ----------------------------------------------------------------


def test_a_line_break_in_a_consultation_title_becomes_a_space(client, staff):
    from .test_admin import form_data

    client.force_login(staff)
    response = client.post(
        snippet_url("consultations.consultation", "add"),
        form_data(title="Høring om\r\npårørendes\nrettigheter", case_number="26/7\n"),
    )
    assert response.status_code == 302
    record = Consultation.objects.get()
    assert record.title == "Høring om pårørendes rettigheter"
    assert record.case_number == "26/7"


def test_the_recipient_of_a_submission_stays_on_one_line(client, staff, approved):
    record, _page = approved
    client.force_login(staff)
    data = {
        "submitted_on": timezone.localdate().isoformat(),
        "channel": "epost",
        "recipient": "Helse- og omsorgsdepartementet\r\npostmottak@hod.dep.no",
        "file": SimpleUploadedFile("svar.pdf", b"%PDF-1.4 brevet"),
    }
    assert client.post(snippet_url(record, "submit"), data).status_code == 302
    assert Submission.objects.get().recipient == (
        "Helse- og omsorgsdepartementet postmottak@hod.dep.no"
    )
