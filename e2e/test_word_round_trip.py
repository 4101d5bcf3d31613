"""The Word round trip of a draft (issue 18, item 3), in a real browser:

1. a published response with two proposals (set up through Django, so both are tracked
   records);
2. the working-group member exports it to Word from the page's «Handlinger» menu;
3. the file is edited as Word would (python-docx): one proposal reworded, one deleted;
4. she uploads it with «Last opp redigert Word-fil», sees what it changes, saves, and
   lands on Wagtail's comparison of the previous revision and the new draft;
5. when the draft is published, the proposal records show one edit and one retirement,
   and the page history says the revision came from Word.
"""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from .conftest import (
    ACCOUNTS,
    check_accessibility,
    last_json,
    log_in,
    screenshot,
    success_message,
)

pytestmark = pytest.mark.browser

TITLE = "Høringssvar som redigeres i Word (nettlesertest)"
KEPT = "dddddddd-0000-4000-8000-00000000000d"
DROPPED = "eeeeeeee-0000-4000-8000-00000000000e"
REWORDED = "Pårørende skal få en fast kontaktperson innen én uke."

SETUP = f"""{ACCOUNTS}
import datetime, json
from django.utils import timezone
from advocacy.models import Authority
from consultations.models import Consultation, ConsultationResponseIndexPage, ConsultationResponsePage
from base import roles

user("wordskriver", roles.RESPONSES_GROUP, "Wenche", "Word")
today = timezone.localdate()
consultation = Consultation(
    title="Høring om Word-runden (nettlesertest)",
    authority=Authority.objects.get(name="Helse- og omsorgsdepartementet"),
    case_number="26/9777 (nettlesertest)",
    announced_on=today - datetime.timedelta(days=5),
    deadline=today + datetime.timedelta(days=40),
)
consultation.full_clean()
consultation.save()
index = ConsultationResponseIndexPage.objects.get()
page = ConsultationResponsePage(
    title={TITLE!r},
    slug="word-runden",
    consultation=consultation,
    summary="LPP støtter forslaget.",
    letter_date=today,
    body=[
        {{"type": "paragraph", "value": "<p>Vi takker for høringen.</p>"}},
        {{"type": "proposal", "id": {KEPT!r}, "value": {{"text": "Pårørende skal få en fast kontaktperson.",
          "rationale": "", "themes": [], "target_authority": None}}}},
        {{"type": "proposal", "id": {DROPPED!r}, "value": {{"text": "Kommunene skal tilby avlastning.",
          "rationale": "", "themes": [], "target_authority": None}}}},
    ],
    live=False,
)
index.add_child(instance=page)
page.save_revision().publish()
print(json.dumps({{"page_id": page.pk}}))
"""

PUBLISH_AND_STATE = f"""
import json
from advocacy.models import Proposal
from consultations.models import ConsultationResponsePage
page = ConsultationResponsePage.objects.get(title={TITLE!r})
page.get_latest_revision().publish()
records = {{
    p.block_id: {{
        "retired": p.retired_at is not None,
        "text": p.text,
        "versions": list(p.versions.order_by("pk").values_list("text", flat=True)),
    }}
    for p in Proposal.objects.filter(source_page=page)
}}
print(json.dumps(records))
"""


def _block(document, block_id):
    for sdt in document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == f"lpp:block:{block_id}":
            return sdt
    raise AssertionError(f"the export has no content control for {block_id}")


def edit_as_word_would(data):
    """Reword one proposal inside its content control and delete the other one."""
    document = Document(io.BytesIO(data))
    kept = _block(document, KEPT)
    for sdt in kept.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == "lpp:field:text":
            paragraph = sdt.find(f"{qn('w:sdtContent')}/{qn('w:p')}")
            for run in paragraph.findall(qn("w:r")):
                paragraph.remove(run)
            run = etree.SubElement(paragraph, qn("w:r"))
            etree.SubElement(run, qn("w:t")).text = REWORDED
    dropped = _block(document, DROPPED)
    dropped.getparent().remove(dropped)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_draft_goes_to_word_and_comes_back_as_a_compared_revision(site_server, open_page):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    page_id = info["page_id"]

    writer = open_page()
    log_in(writer, base, "wordskriver")
    writer.goto(base + f"/admin/pages/{page_id}/edit/")
    writer.locator("header").get_by_role("button", name="Handlinger").click()
    with writer.expect_download() as download:
        writer.get_by_role("link", name="Eksporter til Word").click()
    edited = edit_as_word_would(open(download.value.path(), "rb").read())

    writer.goto(base + f"/admin/pages/{page_id}/edit/")
    writer.locator("header").get_by_role("button", name="Handlinger").click()
    writer.get_by_role("link", name="Last opp redigert Word-fil").click()
    writer.get_by_label("Redigert Word-fil (.docx)").set_input_files(
        files=[
            {
                "name": "word-runden.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "buffer": edited,
            }
        ]
    )
    writer.get_by_role("button", name="Les filen").click()
    changes = writer.locator("table.listing")
    changes.wait_for()
    text = changes.inner_text()
    assert REWORDED in text and "Endret" in text and "Fjernes" in text, text
    screenshot(writer, "word-runden-endringer")
    check_accessibility(writer, context="main")  # our screen; the admin around it is Wagtail's

    with writer.expect_navigation():
        writer.get_by_role("button", name="Lagre som ny kladd").click()
    assert "/revisions/compare/" in writer.url, writer.url
    assert "lagret som en ny kladd" in success_message(writer)
    # Wagtail's comparison: the new words marked as added, the deleted proposal as deleted.
    added = " ".join(writer.locator("main .addition").all_inner_texts())
    assert "innen én uke." in added, added
    deleted = writer.locator("main .comparison__child-object.deletion").inner_text()
    assert "Kommunene skal tilby avlastning." in deleted, deleted
    screenshot(writer, "word-runden-sammenligning")

    records = last_json(site_server.python(PUBLISH_AND_STATE))
    assert records[KEPT] == {
        "retired": False,
        "text": REWORDED,
        "versions": ["Pårørende skal få en fast kontaktperson.", REWORDED],
    }
    assert records[DROPPED]["retired"] is True
    assert records[DROPPED]["versions"] == ["Kommunene skal tilby avlastning."]

    writer.goto(base + f"/admin/pages/{page_id}/history/")
    assert "Ny kladd fra Word-filen «word-runden.docx»: 1 endret, 1 fjernet." in (
        writer.locator("main").inner_text()
    )
