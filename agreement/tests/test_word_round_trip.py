"""Word round trip of the agreement's draft: the editor's export tags each clause (title,
text, sub-clauses) with its block id; a file edited as Word would (python-docx) comes back
as a new draft revision where an edited clause is the same block, a deleted clause is gone
and a paragraph typed in Word becomes a clause only by choice. Foreign, altered and
unmarked files are refused with nothing saved."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from agreement.models import AgreementPage
from consultations.models import ConsultationResponsePage
from consultations.tests import factories as response_factories
from consultations.word_import import roundtrip
from wordexport import content_controls, export_page, published_export

from .factories import AgreementPageFactory, clause

pytestmark = pytest.mark.django_db

URL = "consultations_admin:word_round_trip"


@pytest.fixture
def agreement(home_page):
    return AgreementPageFactory(
        parent=home_page,
        live=False,
        clauses=[
            clause(
                "Formål",
                "Avtalen sikrer at [[Pårørende]] får informasjon.",
                subclauses=["Første underpunkt.", "Andre underpunkt."],
                guidance="Tilpass teksten til tjenesten.",
            ),
            clause("Taushetsplikt", "Tjenesten avklarer samtykke med [[Pasient]]."),
            clause("Evaluering", "Avtalen evalueres etter ett år."),
        ],
    )


@pytest.fixture
def editor(make_user):
    return make_user(superuser=True)


def fresh(page):
    return AgreementPage.objects.get(pk=page.pk)


def ids(page):
    return [child.id for child in fresh(page).clauses]


def export(page):
    return export_page(fresh(page), draft=True)


def read(page, data, name="avtale.docx"):
    return roundtrip.read_file(fresh(page), name, data)


def latest_clauses(page):
    return fresh(page).get_latest_revision_as_object().clauses


# -- editing the file as Word would ----------------------------------------------------


def _tagged(root, tag):
    for sdt in root.iter(qn("w:sdt")):
        found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if found is not None and found.get(qn("w:val")) == tag:
            return sdt
    raise AssertionError(f"no content control {tag}")


def _edit(data, change):
    document = Document(io.BytesIO(data))
    change(document.element.body)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def reword(data, block_id, field, text):
    def change(body):
        content = _tagged(_tagged(body, f"lpp:block:{block_id}"), f"lpp:field:{field}")
        paragraphs = content.find(qn("w:sdtContent")).findall(qn("w:p"))
        for child in list(paragraphs[0]):  # runs and fill-in fields alike, as Word does
            if child.tag != qn("w:pPr"):
                paragraphs[0].remove(child)
        run = etree.SubElement(paragraphs[0], qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        for extra in paragraphs[1:]:
            extra.getparent().remove(extra)

    return _edit(data, change)


def delete(data, block_id):
    def change(body):
        block = _tagged(body, f"lpp:block:{block_id}")
        block.getparent().remove(block)

    return _edit(data, change)


def type_after(data, block_id, text):
    def change(body):
        paragraph = etree.Element(qn("w:p"))
        run = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        _tagged(body, f"lpp:block:{block_id}").addnext(paragraph)

    return _edit(data, change)


def refusal(page, data):
    count = fresh(page).revisions.count()
    with pytest.raises(ValidationError) as error:
        read(page, data)
    assert fresh(page).revisions.count() == count
    return " ".join(error.value.messages)


# -- the export ------------------------------------------------------------------------


def test_the_editors_export_tags_each_clause_with_its_block_id(agreement):
    data = export(agreement)
    body = Document(io.BytesIO(data)).element.body
    for block_id in ids(agreement):
        block = _tagged(body, f"lpp:block:{block_id}")
        for field in ("title", "text"):
            assert _tagged(block, f"lpp:field:{field}") is not None
    first = _tagged(body, f"lpp:block:{ids(agreement)[0]}")
    assert _tagged(first, "lpp:field:subclause:1") is not None


def test_the_public_download_carries_no_marks(home_page):
    page = AgreementPageFactory(parent=home_page, clauses=[clause("Formål", "Innen [[Dato]].")])
    body = zipfile.ZipFile(io.BytesIO(published_export(fresh(page)))).read("word/document.xml")
    assert b"lpp:block:" not in body and b"lpp:field:" not in body
    assert b"<w:date " in body or b"<w:date>" in body  # the fill-in date stays a date picker


def test_an_unedited_file_changes_nothing(agreement):
    plan = read(agreement, export(agreement))
    assert not plan.has_changes and not plan.new_paragraphs
    assert {c.status for c in plan.changes} == {"unchanged"}


# -- reading and saving ----------------------------------------------------------------


def test_an_edited_clause_is_saved_as_a_draft_edit_of_the_same_block(agreement, editor):
    first, second, third = ids(agreement)
    data = reword(export(agreement), second, "text", "Tjenesten avklarer samtykke skriftlig.")
    plan = read(agreement, data)
    assert {c.block_id: c.status for c in plan.changes} == {
        first: "unchanged",
        second: "edited",
        third: "unchanged",
    }
    previous, revision = roundtrip.save(plan, {}, editor, "avtale.docx")
    page = fresh(agreement)
    assert page.latest_revision_id == revision.pk != previous.pk
    assert not page.live and page.has_unpublished_changes
    clauses = {child.id: child.value for child in latest_clauses(agreement)}
    assert list(clauses) == [first, second, third]
    assert "Tjenesten avklarer samtykke skriftlig." in clauses[second]["text"].source
    assert clauses[second]["title"] == "Taushetsplikt"


def test_fill_in_fields_of_an_edited_clause_come_back_as_markers(agreement, editor):
    first = ids(agreement)[0]
    data = reword(export(agreement), first, "title", "Avtalens formål")
    assert "[Pårørende]" in "".join(Document(io.BytesIO(data)).element.body.itertext())
    roundtrip.save(read(agreement, data), {}, editor, "avtale.docx")
    text = latest_clauses(agreement)[0].value["text"].source
    assert text == "<p>Avtalen sikrer at [[Pårørende]] får informasjon.</p>"


def test_an_edited_title_keeps_the_guidance_and_the_sub_clauses(agreement, editor):
    first = ids(agreement)[0]
    plan = read(agreement, reword(export(agreement), first, "title", "Avtalens formål"))
    roundtrip.save(plan, {}, editor, "avtale.docx")
    value = latest_clauses(agreement)[0].value
    assert value["title"] == "Avtalens formål"
    assert "Tilpass teksten til tjenesten." in value["guidance"].source
    assert [item.source for item in value["subclauses"]] == [
        "<p>Første underpunkt.</p>",
        "<p>Andre underpunkt.</p>",
    ]


def test_an_edited_sub_clause_stays_the_same_list_item(agreement, editor):
    first = ids(agreement)[0]
    before = fresh(agreement).clauses[0].value["subclauses"].bound_blocks[1].id
    data = reword(export(agreement), first, "subclause:1", "Andre underpunkt, endret i Word.")
    roundtrip.save(read(agreement, data), {}, editor, "avtale.docx")
    subclauses = latest_clauses(agreement)[0].value["subclauses"]
    assert subclauses.bound_blocks[1].id == before
    assert subclauses[1].source == "<p>Andre underpunkt, endret i Word.</p>"


def test_a_sub_clause_deleted_in_word_leaves_the_other_its_id(agreement, editor):
    first = ids(agreement)[0]
    kept = fresh(agreement).clauses[0].value["subclauses"].bound_blocks[1].id

    def change(body):
        sub = _tagged(_tagged(body, f"lpp:block:{first}"), "lpp:field:subclause:0")
        sub.getparent().remove(sub)

    roundtrip.save(read(agreement, _edit(export(agreement), change)), {}, editor, "a.docx")
    subclauses = latest_clauses(agreement)[0].value["subclauses"]
    assert [item.id for item in subclauses.bound_blocks] == [kept]
    assert subclauses[0].source == "<p>Andre underpunkt.</p>"


def test_a_deleted_clause_is_gone_from_the_draft(agreement, editor):
    first, second, third = ids(agreement)
    plan = read(agreement, delete(export(agreement), second))
    change = next(c for c in plan.changes if c.block_id == second)
    assert change.status == "deleted"
    assert "ingen egen historikk" in change.remark
    roundtrip.save(plan, {}, editor, "avtale.docx")
    assert [child.id for child in latest_clauses(agreement)] == [first, third]
    assert [child.id for child in fresh(agreement).clauses] == [first, second, third]  # live row


def test_a_clause_whose_text_alone_was_emptied_is_refused_not_deleted(agreement):
    data = reword(export(agreement), ids(agreement)[1], "text", "")
    assert "Punktet «Taushetsplikt» mangler avtaletekst" in refusal(agreement, data)


def test_a_paragraph_typed_in_word_is_not_taken_unless_chosen(agreement, editor):
    first = ids(agreement)[0]
    data = type_after(export(agreement), first, "Kontaktperson. Tjenesten oppgir en kontakt.")
    plan = read(agreement, data)
    [paragraph] = plan.new_paragraphs
    assert paragraph.suggested == "" and "clause" in plan.kinds
    roundtrip.save(plan, {}, editor, "avtale.docx")
    assert len(latest_clauses(agreement)) == 3


def test_a_paragraph_typed_in_word_becomes_a_clause_where_it_was_typed(agreement, editor):
    first, second, third = ids(agreement)
    data = type_after(export(agreement), first, "Kontaktperson. Tjenesten oppgir en kontakt.")
    plan = read(agreement, data)
    roundtrip.save(plan, {plan.new_paragraphs[0].key: "clause"}, editor, "avtale.docx")
    clauses = list(latest_clauses(agreement))
    assert [c.id for c in clauses][0::2] == [first, second]
    assert clauses[1].value["title"] == "Kontaktperson"
    assert "Tjenesten oppgir en kontakt." in clauses[1].value["text"].source


# -- refused files ---------------------------------------------------------------------


def test_a_file_exported_from_a_response_page_is_refused(agreement, home_page):
    index = response_factories.ResponseIndexPageFactory(parent=home_page)
    response = response_factories.ResponsePageFactory(
        parent=index, body=[response_factories.proposal_block("Pårørende skal få en kontakt.")]
    )
    data = export_page(ConsultationResponsePage.objects.get(pk=response.pk), draft=True)
    message = refusal(agreement, data)
    assert "annen side" in message and response.title in message


def test_a_file_whose_marks_were_altered_is_refused(agreement):
    # someone rewrites the page id in the file's properties to send it elsewhere
    document = Document(io.BytesIO(export(agreement)))
    for rel in document.part.package.rels.values():
        if rel.reltype == content_controls.CUSTOM_REL:
            part = rel.target_part
            part._blob = part.blob.replace(
                f"<vt:lpwstr>{agreement.pk}<".encode(), f"<vt:lpwstr>{agreement.pk}0<".encode()
            )
    out = io.BytesIO()
    document.save(out)
    assert "endret etter eksporten" in refusal(agreement, out.getvalue())


def test_a_file_without_the_marks_is_refused(agreement):
    document = Document()
    document.add_paragraph("Avtalen sikrer at pårørende får informasjon.")
    out = io.BytesIO()
    document.save(out)
    assert "mangler sidens kjennemerker" in refusal(agreement, out.getvalue())


def test_a_file_from_an_older_revision_is_flagged(agreement):
    data = reword(export(agreement), ids(agreement)[2], "text", "Evalueres etter to år.")
    fresh(agreement).save_revision()
    assert read(agreement, data).older


# -- the admin screens -----------------------------------------------------------------


def test_the_agreement_editor_offers_the_upload(client, agreement, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[agreement.pk]))
    assert "Last opp redigert Word-fil" in response.content.decode()


def test_upload_by_an_admin_leads_to_the_revision_comparison(client, agreement, editor):
    client.force_login(editor)
    first, second, third = ids(agreement)
    data = delete(reword(export(agreement), first, "text", "Ny avtaletekst fra Word."), third)
    url = reverse(URL, args=[agreement.pk])
    response = client.post(url, {"file": SimpleUploadedFile("avtale.docx", data)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Avtalepunkter" in html and "Ny avtaletekst fra Word." in html
    assert "ingen egen historikk" in html
    previous = fresh(agreement).latest_revision_id
    response = client.post(url, {"token": response.context["form"].initial["token"]})
    latest = fresh(agreement).latest_revision_id
    assert response.status_code == 302 and latest != previous
    assert response["Location"] == reverse(
        "wagtailadmin_pages:revisions_compare", args=[agreement.pk, previous, latest]
    )
    comparison = client.get(response["Location"])
    assert comparison.status_code == 200
    assert "Ny avtaletekst fra Word." in comparison.content.decode()
    assert not fresh(agreement).live
