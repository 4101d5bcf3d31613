"""The approved letter is not stamped «UTKAST» (issue 13, item 1), in a real browser:

1. a response has been written and reviewed by the working group (set up through Django);
2. the board member opens it and exports it to Word: the file is marked «UTKAST»;
3. she approves it, and exports it again: the letter is final (no «UTKAST»), with the
   approval date in the file's properties;
4. staff try to record the submission with the «UTKAST» file and are told why it is
   refused; with the approved file the submission is recorded and the response published.
"""

import io

import pytest
from docx import Document

from .conftest import ACCOUNTS, footer_action, last_json, log_in, success_message

pytestmark = pytest.mark.browser

CONSULTATION = "Høring – godkjent brev uten utkastmerke (nettlesertest)"
TITLE = "Høringssvar om brevet som godkjennes"

SETUP = f"""{ACCOUNTS}
import datetime, json
from django.utils import timezone
from wagtail.rich_text import RichText
from advocacy.models import Authority
from consultations.models import Consultation, ConsultationResponseIndexPage, ConsultationResponsePage
from base import roles

writer = user("brevskriver", roles.RESPONSES_GROUP)
reader = user("brevleser", roles.RESPONSES_GROUP)
user("brevstyre", roles.BOARD)
user("brevsekretariat", roles.STAFF)
today = timezone.localdate()
consultation = Consultation(
    title={CONSULTATION!r},
    authority=Authority.objects.get(name="Helse- og omsorgsdepartementet"),
    case_number="26/9555 (nettlesertest)",
    announced_on=today - datetime.timedelta(days=5),
    deadline=today + datetime.timedelta(days=40),
)
consultation.full_clean()
consultation.save()
index = ConsultationResponseIndexPage.objects.get()
page = ConsultationResponsePage(
    title={TITLE!r},
    slug="brevet-som-godkjennes",
    consultation=consultation,
    summary="LPP støtter forslaget.",
    letter_date=today,
    body=[("paragraph", RichText("<p>Vi takker for høringen.</p>"))],
    live=False,
)
index.add_child(instance=page)
page.save_revision(user=writer)
page.get_workflow().start(page, writer)
page = ConsultationResponsePage.objects.get(pk=page.pk)
page.current_workflow_task_state.approve(user=reader)
print(json.dumps({{"page_id": page.pk, "consultation_id": consultation.pk}}))
"""

STATE = f"""
import json
from consultations.models import Consultation
consultation = Consultation.objects.get(title={CONSULTATION!r})
print(json.dumps({{
    "status": consultation.get_status_display(),
    "live": consultation.get_response().live,
    "sent": hasattr(consultation, "submission"),
}}))
"""


def export_to_word(page, base, page_id):
    page.goto(base + f"/admin/pages/{page_id}/edit/")
    page.locator("header").get_by_role("button", name="Handlinger").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Eksporter til Word").click()
    return open(download.value.path(), "rb").read()


def header_text(data):
    document = Document(io.BytesIO(data))
    return " ".join(
        paragraph.text
        for section in document.sections
        for header in (section.header, section.first_page_header)
        for paragraph in header.paragraphs
    )


def record_submission(staff, base, consultation_id, data, filename):
    staff.goto(base + f"/admin/horinger/{consultation_id}/innsending/")
    staff.get_by_label("E-post").check()
    staff.get_by_label("Mottaker").fill("postmottak@hod.dep.no")
    staff.get_by_label("Filen som ble sendt").set_input_files(
        files=[
            {
                "name": filename,
                "mimeType": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "buffer": data,
            }
        ]
    )
    with staff.expect_navigation():
        staff.get_by_role("button", name="Registrer innsending og publiser").click()


def test_the_board_approved_response_exports_without_utkast(site_server, open_page):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    state = lambda: last_json(site_server.python(STATE))  # noqa: E731

    board = open_page()
    log_in(board, base, "brevstyre")
    draft = export_to_word(board, base, info["page_id"])
    assert header_text(draft).startswith("UTKAST"), header_text(draft)

    board.goto(base + f"/admin/pages/{info['page_id']}/edit/")
    footer_action(board, "Godkjenn")
    assert state()["status"] == "Godkjent av landsstyret"
    final = export_to_word(board, base, info["page_id"])
    assert "UTKAST" not in header_text(final)
    assert Document(io.BytesIO(final)).core_properties.comments.startswith("Godkjent ")

    staff = open_page()
    log_in(staff, base, "brevsekretariat")
    record_submission(staff, base, info["consultation_id"], draft, "utkast.docx")
    expect_text = staff.locator("form[enctype='multipart/form-data']").inner_text()
    assert "merket «UTKAST»" in expect_text
    assert state() == {"status": "Godkjent av landsstyret", "live": False, "sent": False}

    record_submission(staff, base, info["consultation_id"], final, "horingssvar.docx")
    assert "høringssvaret er publisert" in success_message(staff)
    assert state() == {"status": "Sendt", "live": True, "sent": True}
