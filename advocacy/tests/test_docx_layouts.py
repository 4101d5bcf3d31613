"""The three layouts (letter, platform, agreement), on test documents and on every exported
demo document."""

import datetime
import io

import docx
import pytest

from advocacy.docx.agreement import AgreementData, Clause, write_agreement
from advocacy.docx.letter import LetterData, Sender, response_subject, write_letter
from advocacy.docx.platform_document import Chapter, PlatformData, Statement, write_platform
from advocacy.docx.readback import read_docx
from advocacy.docx.styles import NUM_CLAUSES
from home.blocks import ContentBlock

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


def platform(**fields):
    chapters = [
        Chapter(
            title=f"Kapittel {n}",
            intro="Kort ingress.",
            body=ContentBlock().to_python(BODY),
            positions=[Statement("pårørende skal få informasjon."), "barn skal bli sett."],
            demands=[Statement("en pårørendelov.", "<p>Fordi det trengs.</p>")],
        )
        for n in (1, 2)
    ]
    data = dict(
        organisation=SENDER.name,
        title="Politisk plattform",
        edition="2027–2031",
        adopted=datetime.date(2027, 6, 12),
        intro_html="<p>Om plattformen.</p>",
        chapters=chapters,
    )
    data.update(fields)
    return PlatformData(**data)


def test_platform_title_page_toc_and_chapters():
    data = write_platform(platform())
    report = read_docx(data)
    paragraphs = styled(report)
    assert paragraphs[:4] == [
        ("TitlePageOrg", SENDER.name),
        ("Title", "Politisk plattform"),
        ("Subtitle", "2027–2031"),
        ("TitlePageMeta", "Vedtatt av landsmøtet 12. juni 2027"),
    ]
    assert any(field.startswith("TOC ") for field in report.fields)
    assert report.settings_update_fields  # Word fills in the TOC when the file is opened
    assert ("TOC1", "Kapittel 1") in paragraphs
    assert [h for h in report.headings if h[0] == 1] == [
        (1, "Innledning"),
        (1, "Kapittel 1"),
        (1, "Kapittel 2"),
    ]
    document = docx.Document(io.BytesIO(data))
    chapter = [p for p in document.paragraphs if p.text == "Kapittel 2"][-1]
    assert chapter.paragraph_format.page_break_before
    # positions and demands are set apart in boxes
    boxed = [p.text for p in report.paragraphs if p.in_table and p.text]
    assert boxed[:5] == [
        "LPP mener at",
        "pårørende skal få informasjon.",
        "barn skal bli sett.",
        "LPP vil",
        "en pårørendelov.",
    ]
    assert report.ordered_lists == report.ordered_lists_starting_at_1 == 4
    # no header on the title page, the edition on the others
    assert "Politisk plattform 2027–2031" in report.header_text


def test_platform_not_adopted_says_so():
    report = read_docx(write_platform(platform(adopted=None)))
    assert ("TitlePageMeta", "Ikke vedtatt") in styled(report)


def agreement(**fields):
    data = dict(
        title="Pårørendeavtale",
        version="1.0",
        version_date=datetime.date(2026, 11, 24),
        organisation="LPP",
        intro_html="<p>En mal.</p>",
        clauses=[
            Clause(
                "Formål",
                "<p>[[Pårørende]] får informasjon fra [[Enhet]].</p>",
                ["<p>Første underpunkt.</p>", "<p>Andre underpunkt.</p><p>Forts.</p>"],
                "<p>Tilpass teksten.</p>",
            ),
            Clause(
                "Evaluering",
                "<p>Avtalen evalueres innen [[Dato for evaluering]].</p>",
                ["<p>Ett underpunkt.</p>"],
                "<p>Sett en dato.</p>",
            ),
        ],
        change_log=[("1.0", datetime.date(2026, 11, 24), "Første versjon")],
    )
    data.update(fields)
    return AgreementData(**data)


def test_agreement_clauses_are_numbered_by_word_with_sub_clauses():
    report = read_docx(write_agreement(agreement()))
    clauses = [(p.text, p.num_id, p.ilvl) for p in report.paragraphs if p.style_id == "Clause"]
    assert clauses == [("Formål", NUM_CLAUSES, 0), ("Evaluering", NUM_CLAUSES, 0)]
    subclauses = [(p.text, p.ilvl) for p in report.paragraphs if p.style_id == "SubClause"]
    assert subclauses == [
        ("Første underpunkt.", 1),
        ("Andre underpunkt.", 1),
        ("Ett underpunkt.", 1),
    ]
    # a sub-clause's second paragraph is not a new number
    assert [p for p in report.paragraphs if p.text == "Forts."][0].num_id is None
    with open_numbering(write_agreement(agreement())) as numbering:
        assert "§\u00a0%1" in numbering and "%1.%2" in numbering


class open_numbering:
    def __init__(self, data):
        import zipfile

        self.archive = zipfile.ZipFile(io.BytesIO(data))

    def __enter__(self):
        return self.archive.read("word/numbering.xml").decode()

    def __exit__(self, *exc):
        self.archive.close()


def test_agreement_fill_in_fields_are_content_controls():
    report = read_docx(write_agreement(agreement()))
    controls = report.content_controls
    assert ("Pårørende", "felt:Pårørende", "text") in controls
    assert ("Enhet", "felt:Enhet", "text") in controls
    assert ("Dato for evaluering", "felt:Dato for evaluering", "date") in controls
    # the signature table has fields for place/date and name for each party
    assert sum(1 for alias, _tag, _kind in controls if alias.startswith("Sted og dato")) == 2
    assert "[[" not in report.text


def test_agreement_guidance_is_a_choice_at_export():
    with_guidance = read_docx(write_agreement(agreement(), include_guidance=True))
    without = read_docx(write_agreement(agreement(), include_guidance=False))
    assert "Tilpass teksten." in with_guidance.text
    assert [p.style_id for p in with_guidance.paragraphs if p.text == "Tilpass teksten."] == [
        "Guidance"
    ]
    assert "Tilpass teksten." not in without.text and "Sett en dato." not in without.text
    assert "Første underpunkt." in without.text


def test_agreement_has_signature_table_and_change_log():
    data = write_agreement(agreement())
    document = docx.Document(io.BytesIO(data))
    signature = document.tables[0]
    assert [c.text for c in signature.rows[0].cells] == ["For tjenesten", "For pårørende"]
    assert "Underskrift" in signature.rows[2].cells[0].text
    log = document.tables[1]
    assert [c.text for c in log.rows[0].cells] == ["Versjon", "Dato", "Endring"]
    assert [c.text for c in log.rows[1].cells] == ["1.0", "24. november 2026", "Første versjon"]


# -- every demo document -----------------------------------------------------------------------


@pytest.mark.django_db
def test_every_demo_document_exports_with_its_structure(demo_site, settings):
    from wagtail.models import Page

    from advocacy.docx.pages import export_page, is_exportable

    settings.PUBLIC_BASE_URL = "https://www.lpp.no"
    pages = [page for page in Page.objects.filter(depth__gt=1).specific() if is_exportable(page)]
    kinds = {type(page).__name__ for page in pages}
    assert {
        "ConsultationResponsePage",
        "PlatformPage",
        "PlatformChapterPage",
        "AgreementPage",
    } <= kinds
    for page in pages:
        report = read_docx(export_page(page, draft=True))
        name = type(page).__name__
        assert report.language == "nb-NO" and report.page_size == (11906, 16838), page
        # every link absolute to the public site, or an external address
        assert len(report.absolute_links) == len(report.hyperlinks), (page, report.hyperlinks)
        assert report.ordered_lists == report.ordered_lists_starting_at_1, page
        assert {"PAGE", "NUMPAGES"} <= set(report.fields), page
        is_draft = not page.live or page.has_unpublished_changes
        if name == "PlatformPage":
            from political_platform.models import PlatformChapterPage

            chapters = PlatformChapterPage.objects.child_of(page)
            is_draft = (
                is_draft
                or chapters.filter(has_unpublished_changes=True).exists()
                or chapters.filter(live=False).exists()
            )
        assert report.header_text.startswith("UTKAST") == is_draft, page
        published = read_docx(export_page(page)) if page.live else None
        if published is not None:
            assert "UTKAST" not in published.header_text
        if name == "ConsultationResponsePage":
            consultation = page.consultation
            texts = [p.text for p in report.paragraphs]
            assert consultation.authority.name in texts
            assert texts.count(response_subject(consultation.title)) == 1
            assert "Deres ref." in texts and "Vår ref." in texts and "Dato" in texts
            assert consultation.case_number in texts
            assert "Med hilsen" in texts
            assert report.paragraphs[0].style_id == "LetterHeadName"
        elif name == "PlatformPage":
            assert any(f.startswith("TOC ") for f in report.fields)
            chapter_titles = [c.title for c in PlatformChapterPage.objects.child_of(page)]
            assert [t for level, t in report.headings if level == 1][1:] == chapter_titles
        elif name == "AgreementPage":
            assert report.content_controls
            assert "[[" not in report.text
            clause_count = len(page.clauses)
            assert len([p for p in report.paragraphs if p.style_id == "Clause"]) == clause_count
        else:
            assert report.headings[0][1] == page.title or report.headings
