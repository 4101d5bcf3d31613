"""Word round trip of a draft response: export, edit the file as Word would (python-docx),
upload it back. Edits keep the block's identity, deletions leave the draft (and retire the
proposal on publish, with its history), new proposal-like paragraphs are offered; bad or
foreign files are refused with nothing saved; the result is a draft revision, shown in
Wagtail's comparison."""

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from wagtail.models import PageLogEntry

from advocacy.models import Proposal, ProposalVersion
from base import roles
from consultations.docx import render_response_letter
from consultations.models import ConsultationResponsePage
from consultations.word_import import roundtrip
from wordexport import export_page, published_export

from . import factories

pytestmark = pytest.mark.django_db

A, B, C, D = (
    "aaaaaaaa-0000-4000-8000-000000000001",
    "bbbbbbbb-0000-4000-8000-000000000002",
    "cccccccc-0000-4000-8000-000000000003",
    "dddddddd-0000-4000-8000-000000000004",
)
URL = "consultations_admin:word_round_trip"


@pytest.fixture
def editor(make_user):
    return make_user(superuser=True, first_name="Siri", last_name="Sekretær")


@pytest.fixture
def page(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    return factories.ResponsePageFactory(
        parent=index,
        body=[
            factories.paragraph("Innledningen til høringssvaret."),
            factories.proposal_block(
                "Pårørende skal få en fast kontaktperson.",
                rationale="<p>Det gir trygghet.</p>",
                block_id=A,
            ),
            factories.paragraph("Mer argumentasjon."),
            factories.proposal_block("Barn som pårørende skal få samtale.", block_id=B),
            factories.proposal_block("Kommunene skal ha avlastningstilbud.", block_id=C),
        ],
    )


# -- editing a file as Word would ------------------------------------------------------


def _document(data):
    return Document(io.BytesIO(data))


def _bytes(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _block(document, block_id):
    for sdt in document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == f"lpp:block:{block_id}":
            return sdt
    raise AssertionError(f"no content control for {block_id}")


def _field(block, name):
    for sdt in block.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == f"lpp:field:{name}":
            return sdt.find(qn("w:sdtContent"))
    raise AssertionError(f"no field {name}")


def _set_text(paragraph, text):
    for run in paragraph.findall(qn("w:r")):
        paragraph.remove(run)
    run = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = text


def reword(data, block_id, text, field="text"):
    document = _document(data)
    paragraphs = _field(_block(document, block_id), field).findall(qn("w:p"))
    _set_text(paragraphs[0], text)
    for extra in paragraphs[1:]:
        extra.getparent().remove(extra)
    return _bytes(document)


def delete(data, block_id):
    document = _document(data)
    block = _block(document, block_id)
    block.getparent().remove(block)
    return _bytes(document)


def type_after(data, block_id, text):
    """A new paragraph typed in Word right after a block."""
    document = _document(data)
    block = _block(document, block_id)
    paragraph = etree.Element(qn("w:p"))
    _set_text(paragraph, text)
    block.addnext(paragraph)
    return _bytes(document)


def export(page):
    return export_page(ConsultationResponsePage.objects.get(pk=page.pk), draft=True)


def read(page, data, name="svar.docx"):
    return roundtrip.read_file(ConsultationResponsePage.objects.get(pk=page.pk), name, data)


def statuses(plan):
    return {change.block_id: change.status for change in plan.changes}


def body_of_latest(page):
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    return page.get_latest_revision_as_object().body


# -- the export ------------------------------------------------------------------------


def test_export_marks_each_proposal_with_its_block_id_and_the_page_revision(page):
    data = export(page)
    document = _document(data)
    for block_id in (A, B, C):
        assert _block(document, block_id) is not None
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    assert f'name="lpp:page"><vt:lpwstr>{page.pk}<' in custom
    revision = ConsultationResponsePage.objects.get(pk=page.pk).latest_revision_id
    assert f'name="lpp:revision"><vt:lpwstr>{revision}<' in custom
    assert f'name="lpp:block:{A}"' in custom and 'name="lpp:signature"' in custom


def test_the_public_download_and_the_letter_sent_carry_no_marks(page):
    _, page = factories.published_response(
        page.get_parent(), body=[factories.proposal_block("Barn som pårørende skal få samtale.")]
    )
    for data in (published_export(page), render_response_letter(page)):
        body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert "lpp:block:" not in body and "<w:sdt>" not in body
        assert "Barn som pårørende skal få samtale." in body


# -- reading a file back ---------------------------------------------------------------


def test_an_unedited_file_changes_nothing(page):
    plan = read(page, export(page))
    assert statuses(plan) == {A: "unchanged", B: "unchanged", C: "unchanged"}
    assert not plan.has_changes and not plan.older and plan.new_paragraphs == []


def test_a_reworded_proposal_is_an_edit_of_the_same_block(page):
    data = reword(export(page), A, "Pårørende skal få en fast kontaktperson innen en uke.")
    plan = read(page, data)
    assert statuses(plan) == {A: "edited", B: "unchanged", C: "unchanged"}
    change = plan.changes[0]
    assert change.new_text == "Pårørende skal få en fast kontaktperson innen en uke."
    assert change.rationale_html is None  # the rationale was not touched


def test_a_reworded_rationale_is_read_back_as_rich_text(page):
    data = reword(export(page), A, "Det gir trygghet og færre kriser.", field="rationale")
    plan = read(page, data)
    change = plan.changes[0]
    assert change.status == "edited"
    assert change.new_text == "Pårørende skal få en fast kontaktperson."
    assert change.rationale_html == "<p>Det gir trygghet og færre kriser.</p>"


def test_a_removed_content_control_is_a_deletion(page):
    plan = read(page, delete(export(page), B))
    assert statuses(plan) == {A: "unchanged", B: "deleted", C: "unchanged"}


def test_an_emptied_proposal_is_a_deletion(page):
    plan = read(page, reword(export(page), C, "  "))
    assert statuses(plan)[C] == "deleted"


def test_a_new_paragraph_that_reads_as_a_proposal_is_offered_preselected(page):
    data = type_after(export(page), A, "LPP foreslår at fastlegen skal spørre om pårørende.")
    data = type_after(data, C, "Dette er en vanlig setning.")
    plan = read(page, data)
    offered = {p.text: p.suggested for p in plan.new_paragraphs}
    assert offered == {
        "LPP foreslår at fastlegen skal spørre om pårørende.": "proposal",
        "Dette er en vanlig setning.": "",
    }
    assert plan.new_paragraphs[0].after == A


def test_exported_text_outside_proposals_is_not_offered_as_new(page):
    plan = read(page, export(page))
    assert plan.new_paragraphs == []


# -- saving ----------------------------------------------------------------------------


def test_saving_makes_a_draft_revision_and_never_publishes(page, editor):
    page.save_revision().publish()
    before = ConsultationResponsePage.objects.get(pk=page.pk)
    data = reword(export(page), A, "Ny ordlyd.")
    previous, revision = roundtrip.save(read(page, data), {}, editor, "svar.docx")
    after = ConsultationResponsePage.objects.get(pk=page.pk)
    assert previous.pk == before.latest_revision_id
    assert after.latest_revision_id == revision.pk
    assert after.live_revision_id == before.live_revision_id  # not published
    assert after.has_unpublished_changes
    live_texts = [b.value["text"] for b in after.body if b.block_type == "proposal"]
    assert "Ny ordlyd." not in live_texts


def test_saved_revision_has_the_edit_under_the_same_id_and_the_deletion_gone(page, editor):
    data = delete(reword(export(page), A, "Ny ordlyd."), B)
    roundtrip.save(read(page, data), {}, editor, "svar.docx")
    proposals = {
        str(b.id): b.value["text"] for b in body_of_latest(page) if b.block_type == "proposal"
    }
    assert proposals == {A: "Ny ordlyd.", C: "Kommunene skal ha avlastningstilbud."}


def test_a_chosen_new_paragraph_becomes_a_proposal_after_its_neighbour(page, editor):
    data = type_after(export(page), A, "LPP foreslår at fastlegen skal spørre om pårørende.")
    plan = read(page, data)
    key = plan.new_paragraphs[0].key
    roundtrip.save(plan, {key: "proposal"}, editor, "svar.docx")
    kinds = [(b.block_type, str(b.id)) for b in body_of_latest(page)]
    types = [t for t, _ in kinds]
    assert types == ["paragraph", "proposal", "proposal", "paragraph", "proposal", "proposal"]
    assert kinds[1][1] == A
    new = body_of_latest(page)[2]
    assert new.value["text"] == "LPP foreslår at fastlegen skal spørre om pårørende."


def test_an_edit_and_a_retirement_are_kept_in_the_proposals_history(page, editor):
    # The response was published once: its proposals are tracked records.
    page.save_revision().publish()
    a = Proposal.objects.get(source_page=page, block_id=A)
    data = delete(reword(export(page), A, "Pårørende skal få kontaktperson innen en uke."), B)
    _previous, revision = roundtrip.save(read(page, data), {}, editor, "svar.docx")
    # The draft is published later, as editors do; tracking runs on publish.
    revision.publish(user=editor)

    a.refresh_from_db()
    assert a.retired_at is None and a.text == "Pårørende skal få kontaktperson innen en uke."
    wordings = list(
        ProposalVersion.objects.filter(proposal=a).order_by("pk").values_list("text", flat=True)
    )
    assert wordings == [
        "Pårørende skal få en fast kontaktperson.",
        "Pårørende skal få kontaktperson innen en uke.",
    ]
    b = Proposal.objects.get(source_page=page, block_id=B)  # retired, not deleted
    assert b.retired_at is not None
    assert ProposalVersion.objects.filter(proposal=b).count() == 1
    entry = PageLogEntry.objects.get(page=page, action=roundtrip.LOG_ACTION)
    assert entry.revision_id == revision.pk and entry.user_id == editor.pk
    assert entry.data["edited"] == 1 and entry.data["deleted"] == 1
    assert entry.message == "Ny kladd fra Word-filen «svar.docx»: 1 endret, 1 fjernet."


def test_a_page_saved_again_after_the_upload_refuses_the_stale_plan(page, editor):
    plan = read(page, reword(export(page), A, "Ny ordlyd."))
    ConsultationResponsePage.objects.get(pk=page.pk).save_revision()
    count = page.revisions.count()
    with pytest.raises(Exception, match="lagret på nytt"):
        roundtrip.save(plan, {}, editor, "svar.docx")
    assert page.revisions.count() == count


# -- an older export -------------------------------------------------------------------


def test_a_file_from_an_older_revision_is_merged_with_a_warning(page):
    data = reword(export(page), A, "Ordlyd fra Word.")
    later = ConsultationResponsePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    later.body[1].value["text"] = "Ordlyd fra Wagtail."
    later.save_revision()
    plan = read(page, data)
    assert plan.older
    change = plan.changes[0]
    assert change.status == "edited" and "Endret i Wagtail etter eksporten" in change.conflict


def test_a_proposal_added_in_wagtail_after_the_export_is_kept(page, editor):
    data = delete(export(page), B)
    later = ConsultationResponsePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    later.body = list(later.body.raw_data) + [
        factories.proposal_block("Et forslag skrevet etter eksporten.", block_id=D)
    ]
    later.save_revision()
    plan = read(page, data)
    assert "lagt til i Wagtail etter eksporten" in " ".join(plan.notices)
    roundtrip.save(plan, {}, editor, "svar.docx")
    ids = [str(b.id) for b in body_of_latest(page) if b.block_type == "proposal"]
    assert ids == [A, C, D]


def test_the_same_file_uploaded_again_has_nothing_left_to_save(page, editor):
    data = delete(reword(export(page), A, "Ny ordlyd."), B)
    roundtrip.save(read(page, data), {}, editor, "svar.docx")
    plan = read(page, data)
    assert plan.older and not plan.has_changes
    assert statuses(plan) == {A: "done", B: "done", C: "unchanged"}


# -- bad files -------------------------------------------------------------------------


def _refused(page, data, name="svar.docx"):
    count = page.revisions.count()
    with pytest.raises(Exception) as error:
        read(page, data, name)
    assert page.revisions.count() == count
    return " ".join(error.value.messages)


def test_a_file_from_another_page_is_refused(page, home_page):
    other = factories.ResponsePageFactory(
        parent=page.get_parent(),
        body=[factories.proposal_block("Et annet forslag.", block_id=A)],
    )
    message = _refused(page, export(other))
    assert "eksportert fra en annen side" in message and other.title in message


def test_a_word_file_without_the_export_marks_is_refused(page):
    document = Document()
    document.add_paragraph("LPP foreslår noe helt annet.")
    assert "mangler sidens kjennemerker" in _refused(page, _bytes(document))


def test_a_changed_checksum_is_refused(page):
    data = export(page)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "docProps/custom.xml":
                content = re.sub(
                    rb'(name="lpp:block:' + A.encode() + rb'"><vt:lpwstr>)[0-9a-f]',
                    rb"\g<1>x",
                    content,
                )
            target.writestr(item, content)
    assert "Kjennemerkene i filen" in _refused(page, out.getvalue())


def test_a_proposal_cut_out_of_its_content_control_is_refused_not_retired(page):
    document = _document(export(page))
    block = _block(document, B)
    for paragraph in list(block.iter(qn("w:p"))):
        block.addprevious(paragraph)
    block.getparent().remove(block)
    assert "Merkene rundt 1 av forslagene" in _refused(page, _bytes(document))


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) er ikke installert: apt-get install libreoffice-writer "
    "(.ci/run gjør det i CI).",
)
def test_an_export_saved_by_libreoffice_is_refused_not_read_as_deletions(page, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    (tmp_path / "ut").mkdir()
    (tmp_path / "ut" / "svar.docx").write_bytes(export(page))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "inn"),
            str(tmp_path / "ut" / "svar.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    message = _refused(page, (tmp_path / "inn" / "svar.docx").read_bytes())
    assert "LibreOffice" in message and "Ingenting er endret" in message


def test_a_file_that_is_not_docx_is_refused(page):
    assert "Word-filen (.docx)" in _refused(page, b"%PDF-1.4 ikke Word", name="svar.pdf")
    assert "ikke en ekte Word" in _refused(page, b"dette er ikke en zip", name="svar.docx")


def test_a_zip_bomb_is_refused(page):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    assert "komprimert" in _refused(page, out.getvalue())


def test_an_empty_file_is_refused(page):
    assert "tom" in _refused(page, b"")


# -- the admin screens -----------------------------------------------------------------


def _upload(client, page, data, name="svar.docx"):
    return client.post(reverse(URL, args=[page.pk]), {"file": SimpleUploadedFile(name, data)})


def test_upload_shows_the_changes_and_confirm_leads_to_the_revision_comparison(
    client, page, editor
):
    client.force_login(editor)
    data = delete(reword(export(page), A, "Ny ordlyd fra Word."), B)
    response = _upload(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ny ordlyd fra Word." in html and "Fjernes" in html
    previous = ConsultationResponsePage.objects.get(pk=page.pk).latest_revision_id
    token = response.context["form"].initial["token"]
    response = client.post(reverse(URL, args=[page.pk]), {"token": token})
    latest = ConsultationResponsePage.objects.get(pk=page.pk).latest_revision_id
    assert latest != previous
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, previous, latest]
    )
    comparison = client.get(response["Location"])
    assert comparison.status_code == 200
    assert "Ny ordlyd fra Word." in comparison.content.decode()


def test_a_foreign_file_gets_a_norwegian_message_in_the_form(client, page, editor):
    client.force_login(editor)
    count = page.revisions.count()
    response = _upload(client, page, b"%PDF-1.4", name="svar.pdf")
    assert response.status_code == 400
    assert "Ingenting er endret" in response.content.decode()
    assert page.revisions.count() == count


def test_an_older_file_needs_the_warning_confirmed(client, page, editor):
    client.force_login(editor)
    data = reword(export(page), A, "Ny ordlyd.")
    ConsultationResponsePage.objects.get(pk=page.pk).save_revision()
    response = _upload(client, page, data)
    assert "eldre versjon" in response.content.decode()
    token = response.context["form"].initial["token"]
    count = page.revisions.count()
    response = client.post(reverse(URL, args=[page.pk]), {"token": token})
    assert response.status_code == 400 and page.revisions.count() == count
    response = client.post(reverse(URL, args=[page.pk]), {"token": token, "confirm_older": "on"})
    assert response.status_code == 302 and page.revisions.count() == count + 1


def test_new_text_that_looks_like_personal_data_is_warned_about(client, page, editor):
    client.force_login(editor)
    data = type_after(export(page), A, "Kari Hansen har schizofreni og trenger hjelp.")
    response = _upload(client, page, data)
    assert response.status_code == 200
    assert "ser ut til å inneholde personopplysninger" in response.content.decode()


def test_only_users_who_may_edit_the_page_may_upload(client, page, make_user):
    client.force_login(make_user(roles.PLATFORM_GROUP))
    count = page.revisions.count()
    # Wagtail answers a refused admin view by sending the user to the dashboard.
    for response in (client.get(reverse(URL, args=[page.pk])), _upload(client, page, export(page))):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert page.revisions.count() == count


def test_the_page_header_offers_the_upload_to_editors(client, page, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "Last opp redigert Word-fil" in response.content.decode()
