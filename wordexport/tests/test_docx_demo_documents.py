"""Every exportable demo document goes through its registered layout with the structure
its readers expect."""

import pytest

from consultations.docx import response_subject
from tools.word_readback import read_docx


@pytest.mark.django_db
def test_every_demo_document_exports_with_its_structure(demo_site, settings):
    from wagtail.models import Page

    from wordexport.pages import export_page, is_exportable

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
