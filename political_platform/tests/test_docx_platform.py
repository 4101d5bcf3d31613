"""The political platform in Word (political_platform/docx.py): title page, table of
contents, chapters with positions and demands."""

import datetime
import io

import docx

from home.blocks import ContentBlock
from political_platform.docx import Chapter, PlatformData, Statement, write_platform
from tools.word_readback import read_docx

ORGANISATION = "Landsforeningen for Pårørende innen Psykisk helse"
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
        organisation=ORGANISATION,
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
        ("TitlePageOrg", ORGANISATION),
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
