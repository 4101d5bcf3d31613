"""The evidence finder on the recorded bill chapter and committee recommendation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from advocacy.models import OutcomeEvent, OutcomeKind
from sources import evidence
from sources.models import EvidenceDocument, EvidencePassage, SourcedEvent
from sources.names import names_lpp

from .factories import answered_consultation

pytestmark = pytest.mark.django_db

BILL = "https://www.regjeringen.no/no/dokumenter/prop.-45-l-20262027/id3100100/?ch=6"
INNST = "https://www.stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/Stortinget/2026-2027/inns-202627-210l/"


@pytest.mark.parametrize(
    "text",
    [
        "Landsforeningen for Pårørende innen Psykisk helse (LPP) mener",
        "Landsforeningen for pårørende innen psykiatri viser til",
        "viser til LPPs innspill",
        "LPP understreker at",
    ],
)
def test_lpp_is_recognised_by_its_names(text):
    assert names_lpp(text)


def test_other_words_with_the_letters_are_not_lpp():
    assert not names_lpp("LPP-modellen") and not names_lpp("Help LPPX") and not names_lpp("slpp")


def test_every_passage_naming_lpp_in_the_bill_is_found(sample_server, home_page):
    consultation, _ = answered_consultation(home_page)
    document = evidence.find_evidence(consultation, url=BILL)
    named = document.passages.filter(lpp_named=True)
    assert named.count() == 6
    first = named.order_by("position").first()
    assert first.chapter == "6.2 Høringsinstansenes syn"
    assert first.link == BILL + "#p6-2-1"
    assert document.title.startswith("Prop. 45 L") and document.evidence_kind == "bill"


def test_passage_answering_a_proposal_is_linked_to_it(sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    document = evidence.find_evidence(consultation, url=BILL)
    decision = document.passages.get(link=BILL + "#p6-3-1")
    assert decision.proposal == proposals[0]
    assert decision.suggested_kind == OutcomeKind.ADOPTED
    partly = document.passages.get(link=BILL + "#p8-3-1")
    assert partly.proposal == proposals[2] and partly.suggested_kind == OutcomeKind.PARTLY_ADOPTED


def test_committee_recommendation_is_read_from_stortinget(sample_server, home_page):
    consultation, _ = answered_consultation(home_page)
    document = evidence.find_evidence(consultation, url=INNST)
    assert document.evidence_kind == "recommendation"
    assert document.passages.filter(lpp_named=True).count() == 2


def test_accepting_a_passage_records_a_draft_event(sample_server, home_page):
    consultation, proposals = answered_consultation(home_page)
    document = evidence.find_evidence(consultation, url=BILL)
    passage = document.passages.get(link=BILL + "#p6-2-1")
    event = evidence.accept_passage(passage, proposal=proposals[0], kind=OutcomeKind.CONSIDERATION)
    assert event.published_at is None and event.lpp_named
    assert event.evidence_chapter == "6.2 Høringsinstansenes syn"
    assert event.evidence_url == BILL + "#p6-2-1"
    assert SourcedEvent.objects.get(event=event).origin == "evidence"
    with pytest.raises(ValidationError, match="allerede behandlet"):
        evidence.accept_passage(passage, proposal=proposals[0], kind=OutcomeKind.CONSIDERATION)


def test_link_to_another_site_is_refused_and_nothing_stored(home_page):
    consultation, _ = answered_consultation(home_page)
    with pytest.raises(ValidationError, match="regjeringen.no eller stortinget.no"):
        evidence.find_evidence(consultation, url="https://example.org/dokument")
    assert not EvidenceDocument.objects.exists()


def test_source_that_is_down_gives_a_message_and_stores_nothing(sample_server, home_page):
    consultation, _ = answered_consultation(home_page)
    sample_server.mode = "broken"
    with pytest.raises(ValidationError, match="kunne ikke hentes"):
        evidence.find_evidence(consultation, url=BILL)
    assert not EvidenceDocument.objects.exists() and not EvidencePassage.objects.exists()


def test_uploaded_text_file_is_read_with_its_chapters(home_page):
    consultation, proposals = answered_consultation(home_page)
    text = (
        "5.3 Departementets vurderinger\n\n"
        "Departementet foreslår at alle DPS skal ha en fast kontaktperson for pårørende, slik LPP har bedt om.\n"
    )
    upload = SimpleUploadedFile("rapport.txt", text.encode(), content_type="text/plain")
    document = evidence.find_evidence(consultation, upload=upload)
    passage = document.passages.get()
    assert passage.chapter == "5.3 Departementets vurderinger" and passage.lpp_named
    assert passage.proposal == proposals[2]


def test_upload_of_an_unknown_kind_is_refused(home_page):
    consultation, _ = answered_consultation(home_page)
    upload = SimpleUploadedFile("bilde.png", b"\x89PNG", content_type="image/png")
    with pytest.raises(ValidationError, match=r"\.docx"):
        evidence.find_evidence(consultation, upload=upload)
    assert not EvidenceDocument.objects.exists()


def test_broken_word_file_is_refused(home_page):
    consultation, _ = answered_consultation(home_page)
    upload = SimpleUploadedFile(
        "svar.docx", b"ikke en zip", content_type="application/octet-stream"
    )
    with pytest.raises(ValidationError, match="Word"):
        evidence.find_evidence(consultation, upload=upload)
    assert not OutcomeEvent.objects.exists() and not EvidenceDocument.objects.exists()


def test_word_file_that_unpacks_to_a_bomb_is_refused_before_it_is_read(home_page):
    import io
    import zipfile

    consultation, _ = answered_consultation(home_page)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    upload = SimpleUploadedFile("prop.docx", buffer.getvalue())
    with pytest.raises(ValidationError, match="komprimert"):
        evidence.find_evidence(consultation, upload=upload)
    assert not EvidenceDocument.objects.exists()


def test_lpp_alone_in_a_word_table_row_is_found_under_its_chapter(home_page):
    import io

    from docx import Document

    consultation, _ = answered_consultation(home_page)
    word = Document()
    word.add_heading("4.2 Høringsinstansenes syn", level=2)
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "LPP"
    table.rows[0].cells[1].text = "Støtter"
    word.add_heading("4.3 Departementets vurderinger", level=2)
    buffer = io.BytesIO()
    word.save(buffer)
    upload = SimpleUploadedFile("prop.docx", buffer.getvalue())
    passage = evidence.find_evidence(consultation, upload=upload).passages.get()
    assert passage.lpp_named and passage.text == "LPP | Støtter"
    assert passage.chapter == "4.2 Høringsinstansenes syn"


def test_web_page_saved_in_windows_1252_is_read(home_page):
    consultation, _ = answered_consultation(home_page)
    html = "<h2>4.2 Høringsinstansenes syn</h2><p>Landsforeningen for pårørende innen psykisk helse støtter forslaget.</p>"
    upload = SimpleUploadedFile("kapittel.html", html.encode("cp1252"))
    passage = evidence.find_evidence(consultation, upload=upload).passages.get()
    assert passage.lpp_named and passage.chapter == "4.2 Høringsinstansenes syn"
