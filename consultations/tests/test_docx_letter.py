"""The høringssvar letter in Word (consultations/docx.py): letter head, addressee,
references, subject, signature, draft mark."""

import datetime
import io

import docx

from consultations.docx import LetterData, Sender, write_letter
from home.blocks import ContentBlock
from tools.word_readback import read_docx

SENDER = Sender(
    name="Landsforeningen for Pårørende innen Psykisk helse",
    street_address="Storgata 10",
    postal_line="0155 Oslo",
    org_number="971277882",
    email="post@lpp.no",
)
BODY = [
    {"type": "paragraph", "value": "<p>LPP takker for muligheten til å gi innspill.</p>"},
    {"type": "heading", "value": {"text": "Pårørendes rett til informasjon", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<ol><li>Første</li><li>Andre</li></ol><p>Og:</p><ol><li>Igjen fra 1</li></ol>",
    },
]


def styled(report):
    return [(p.style_id, p.text) for p in report.paragraphs if p.text]


def letter(**fields):
    data = dict(
        sender=SENDER,
        subject="Høringssvar – Endringer i pasient- og brukerrettighetsloven",
        addressee_name="Helse- og omsorgsdepartementet",
        addressee_address="Postboks 8011 Dep\n0030 Oslo",
        their_ref="26/1234",
        our_ref="LPP 2026/17",
        date=datetime.date(2026, 11, 24),
        body=ContentBlock().to_python(BODY),
        signatory_name="Kari Nordmann",
        signatory_title="Styreleder",
    )
    data.update(fields)
    return LetterData(**data)


def test_letter_has_letter_head_addressee_references_subject_and_signature():
    data = write_letter(letter(attachments=["Pårørendeundersøkelsen 2026"]))
    report = read_docx(data)
    paragraphs = styled(report)
    assert paragraphs[0] == ("LetterHeadName", SENDER.name)
    assert ("LetterHead", "Storgata 10 · 0155 Oslo") in paragraphs
    assert ("LetterHead", "Org.nr. 971 277 882") in paragraphs
    assert ("Address", "Helse- og omsorgsdepartementet") in paragraphs
    assert ("Address", "Postboks 8011 Dep") in paragraphs and ("Address", "0030 Oslo") in paragraphs
    reference_table = docx.Document(io.BytesIO(data)).tables[0]
    assert [c.text for c in reference_table.rows[0].cells] == ["Deres ref.", "Vår ref.", "Dato"]
    assert [c.text for c in reference_table.rows[1].cells] == [
        "26/1234",
        "LPP 2026/17",
        "24.11.2026",
    ]
    subject = [p for p in report.paragraphs if p.style_id == "Subject"][0]
    assert subject.text == "Høringssvar – Endringer i pasient- og brukerrettighetsloven"
    texts = [text for _style, text in paragraphs]
    closing = texts.index("Med hilsen")
    assert texts[closing + 1 : closing + 4] == ["Kari Nordmann", "Styreleder", SENDER.name]
    assert texts[-2:] == ["Vedlegg:", "1. Pårørendeundersøkelsen 2026"]
    assert report.headings == [(1, "Pårørendes rett til informasjon")]
    assert report.ordered_lists == report.ordered_lists_starting_at_1 == 2
    assert "UTKAST" not in report.header_text
    assert report.footer_text.startswith("Side")


def test_letter_subject_is_bold_and_vedlegg_only_when_there_are_attachments():
    data = write_letter(letter())
    document = docx.Document(io.BytesIO(data))
    subject = [p for p in document.paragraphs if p.style.style_id == "Subject"][0]
    assert subject.style.font.bold
    assert "Vedlegg:" not in [p.text for p in document.paragraphs]


def test_draft_letter_is_marked_utkast_with_revision_date():
    report = read_docx(write_letter(letter(), draft_label="Revisjon 24. november 2026 kl. 08.15"))
    assert report.header_text.startswith("UTKAST")
    assert "Revisjon 24. november 2026" in report.header_text
