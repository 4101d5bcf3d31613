"""The DOCX engine: rich text and StreamField blocks become real Word structure."""

import io
import zipfile

import docx
import pytest
from lxml import etree

from home.blocks import ContentBlock
from tools.build_word_template import build as build_template
from tools.word_readback import read_docx
from wordexport.blocks import write_block
from wordexport.checks import check_template, template_problems
from wordexport.engine import DocxWriter
from wordexport.errors import UnknownBlockError
from wordexport.links import safe_href

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(*raw_blocks, html=None, **writer_options):
    writer_options.setdefault("title", "Test")
    writer = DocxWriter(**writer_options)
    if html is not None:
        writer.rich_text(html)
    if raw_blocks:
        writer.stream(ContentBlock().to_python(list(raw_blocks)))
    data = writer.to_bytes()
    docx.Document(io.BytesIO(data))  # opens in python-docx
    return data


def rich(html, **options):
    return read_docx(export(html=html, **options))


def document_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def list_items(report):
    return [(p.text, p.num_id, p.ilvl) for p in report.paragraphs if p.num_id]


def test_headings_use_word_heading_styles():
    report = read_docx(
        export(
            {"type": "heading", "value": {"text": "Pårørendes rettigheter", "level": "h2"}},
            {"type": "heading", "value": {"text": "Barn som pårørende", "level": "h3"}},
            {"type": "paragraph", "value": "<h3>Del</h3><h4>Underdel</h4><p>Tekst</p>"},
        )
    )
    assert report.headings == [
        (1, "Pårørendes rettigheter"),
        (2, "Barn som pårørende"),
        (2, "Del"),
        (3, "Underdel"),
    ]
    assert report.language == "nb-NO"
    assert report.page_size == (11906, 16838)  # A4


def test_bold_italic_and_line_breaks_are_real_formatting():
    data = export(html="<p>Vi <b>krever</b> at <i>alle</i> får svar.<br/>Ny linje</p>")
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[0]
    runs = {run.text: run for run in paragraph.runs}
    assert runs["krever"].bold and not runs["alle"].bold
    assert runs["alle"].italic
    assert paragraph.text == "Vi krever at alle får svar.\nNy linje"


def test_every_numbered_list_restarts_at_one_and_nests_to_three_levels():
    report = rich(
        "<ol><li>En<ol><li>En-a<ul><li>Punkt<ul><li>Dypere</li></ul></li></ul></li></ol></li>"
        "<li>To</li></ol><p>Mellomtekst</p><ol><li>Ny liste</li><li>Andre</li></ol>"
    )
    items = list_items(report)
    texts = [text for text, _num, _lvl in items]
    assert texts == ["En", "En-a", "Punkt", "Dypere", "To", "Ny liste", "Andre"]
    levels = {text: level for text, _num, level in items}
    assert levels == {
        "En": 0,
        "En-a": 1,
        "Punkt": 2,
        "Dypere": 2,
        "To": 0,
        "Ny liste": 0,
        "Andre": 0,
    }
    nums = {text: num for text, num, _level in items}
    assert nums["En"] == nums["To"]  # one list
    assert nums["Ny liste"] != nums["En"]  # the second list is its own instance …
    assert report.ordered_lists == 3  # outer, nested and second ordered list
    assert report.ordered_lists_starting_at_1 == 3  # … and each starts at 1
    assert report.max_list_level == 2


def _with_overrides_only_on_deeper_levels(data):
    """The file as LibreOffice writes it back: a nested list's own instance keeps its
    restart only for the level it is used on (an empty override for level 0)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    numbering = etree.fromstring(source.read("word/numbering.xml"))
    for override in numbering.iter(f"{W}lvlOverride"):
        if override.get(f"{W}ilvl") != "1":
            for start in override.findall(f"{W}startOverride"):
                override.remove(start)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/numbering.xml":
                content = etree.tostring(numbering, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, content)
    return output.getvalue()


def test_readback_judges_a_nested_list_at_the_level_it_is_used_on():
    nested = "<ol><li>En<ol><li>En-a</li><li>En-b</li></ol></li></ol>"
    report = read_docx(_with_overrides_only_on_deeper_levels(export(html=nested)))
    # the outer list lost its level-0 override but is the first on its abstract numbering;
    # the nested one restarts through its level-1 override
    assert report.ordered_lists == report.ordered_lists_starting_at_1 == 2


def test_readback_reads_a_list_without_restart_as_continuing_the_previous_one():
    two = "<ol><li>En<ol><li>En-a</li></ol></li></ol><h2>Mellom</h2><ol><li>Ny</li></ol>"
    assert read_docx(export(html=two)).ordered_lists == 3
    report = read_docx(_with_overrides_only_on_deeper_levels(export(html=two)))
    # the second top-level list has no restart left: Word numbers «Ny» 2, one list
    assert (report.ordered_lists, report.ordered_lists_starting_at_1) == (2, 2)


def test_readback_sees_a_list_restarting_at_another_number():
    report = rich('<ol><li>En</li></ol><h2>Mellom</h2><ol start="4"><li>Fire</li></ol>')
    assert (report.ordered_lists, report.ordered_lists_starting_at_1) == (2, 1)


def test_ol_start_attribute_is_kept():
    data = export(html='<ol start="4"><li>Fire</li></ol>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        numbering = etree.fromstring(archive.read("word/numbering.xml"))
    overrides = [o.get(f"{W}val") for o in numbering.iter(f"{W}startOverride")]
    assert "4" in overrides


def test_list_item_with_paragraphs_numbers_only_its_first_paragraph():
    report = rich("<ol><li><p>Første</p><p>Forts.</p></li><li>Andre</li></ol>")
    texts = [(p.text, bool(p.num_id)) for p in report.paragraphs]
    assert texts == [("Første", True), ("Forts.", False), ("Andre", True)]


def test_links_are_hyperlinks_with_absolute_targets(settings):
    settings.PUBLIC_BASE_URL = "https://www.lpp.no"
    report = rich(
        '<p><a href="https://lovdata.no/">Lovdata</a>, <a href="/tema/tvang/">tvang</a>, '
        '<a href="mailto:post@lpp.no">e-post</a>, <a href="javascript:alert(1)">farlig</a>, '
        '<a href=" JaVa\tScRiPt:alert(1)">også farlig</a>, <a>uten href</a>, '
        '<a href="#del">anker</a>, <a href="data:text/html,x">data</a></p>'
    )
    assert report.hyperlinks == [
        ("https://lovdata.no/", "Lovdata"),
        ("https://www.lpp.no/tema/tvang/", "tvang"),
        ("mailto:post@lpp.no", "e-post"),
    ]
    # dropped links keep their text
    assert report.paragraphs[0].text == (
        "Lovdata, tvang, e-post, farlig, også farlig, uten href, anker, data"
    )


@pytest.mark.parametrize(
    "href,expected",
    [
        ("/om-lpp/", "https://www.lpp.no/om-lpp/"),
        ("om-lpp/", "https://www.lpp.no/om-lpp/"),
        ("//example.org/x", "https://example.org/x"),
        ("https:/broken", None),
        ("vbscript:x", None),
        ("", None),
        ("http://[::1", None),
        ("java script:alert(1)", None),
        ("Ja\nva\tScript:x", None),
    ],
)
def test_safe_href(href, expected):
    assert safe_href(href, "https://www.lpp.no") == expected


def test_page_and_document_links_resolve_to_the_public_site(home_page, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from home.models import StandardPage

    settings.PUBLIC_BASE_URL = "https://www.lpp.no"
    live = StandardPage(title="Om LPP", slug="om-lpp")
    home_page.add_child(instance=live)
    hidden = StandardPage(title="Hemmelig", slug="hemmelig", live=False)
    home_page.add_child(instance=hidden)
    document = get_document_model().objects.create(
        title="Rapport", file=ContentFile(b"%PDF-1.4", name="rapport.pdf")
    )
    report = rich(
        f'<p><a linktype="page" id="{live.pk}">Om oss</a> og '
        f'<a linktype="page" id="{hidden.pk}">utkast</a> og '
        f'<a linktype="page" id="999999">slettet</a> og '
        f'<a linktype="document" id="{document.pk}">rapporten</a></p>'
    )
    targets = dict((text, target) for target, text in report.hyperlinks)
    assert targets["Om oss"] == "https://www.lpp.no/om-lpp/"
    assert targets["rapporten"].startswith("https://www.lpp.no/dokumenter/")
    # an unpublished or deleted page is not linked; its text stays
    assert "utkast" not in targets and "slettet" not in targets
    assert "utkast" in report.text and "slettet" in report.text


def test_page_links_cost_one_query_however_many(home_page, django_assert_max_num_queries):
    from home.models import StandardPage

    pages = []
    for index in range(6):
        page = StandardPage(title=f"Side {index}", slug=f"side-{index}")
        home_page.add_child(instance=page)
        pages.append(page)
    html = "".join(f'<p><a linktype="page" id="{p.pk}">{p.title}</a></p>' for p in pages)
    with django_assert_max_num_queries(3):
        report = rich(html)
    assert len(report.hyperlinks) == 6


def test_illegal_xml_characters_are_stripped():
    report = rich("<p>Før\x00\x01\x0b\x1f etter\ufffe\x7f</p>", title="Tittel\x02")
    assert report.paragraphs[0].text == "Før etter"


def test_empty_paragraphs_and_blank_input_are_dropped():
    report = rich('<p data-block-key="a"></p><p> </p><p>Tekst</p><p><br/></p>')
    assert [p.text for p in report.paragraphs if p.text] == ["Tekst"]
    assert rich("").paragraphs == [] and rich("   ").paragraphs == []


def test_malformed_html_does_not_break_the_export():
    report = rich("<p>Uavsluttet <b>fet <i>kursiv</p><li>løst punkt<ul><ul><li>dobbelt</li>")
    assert "Uavsluttet" in report.text and "dobbelt" in report.text


def test_quote_callout_and_proposal_boxes():
    from advocacy.blocks import ProposalBlock

    writer = DocxWriter()
    writer.stream(
        ContentBlock().to_python(
            [
                {"type": "quote", "value": {"text": "Ingen skal stå alene.", "source": "LPP"}},
                {
                    "type": "callout",
                    "value": {"title": "Fakta", "text": "<p>800 000 pårørende.</p>"},
                },
            ]
        )
    )
    block = ProposalBlock()
    write_block(
        writer,
        block,
        block.to_python({"text": "Lovfest pårørendes rett.", "rationale": "<p>Fordi.</p>"}),
    )
    data = writer.to_bytes()
    report = read_docx(data)
    styles = [(p.style_id, p.text) for p in report.paragraphs if p.text]
    assert ("Quote", "Ingen skal stå alene.") in styles
    assert ("QuoteSource", "– LPP") in styles
    assert ("BoxTitle", "Fakta") in styles and ("BoxTitle", "LPP foreslår") in styles
    boxed = [p.text for p in report.paragraphs if p.in_table and p.text]
    assert boxed == [
        "Fakta",
        "800 000 pårørende.",
        "LPP foreslår",
        "Lovfest pårørendes rett.",
        "Fordi.",
    ]
    body = document_xml(data)
    borders = body.findall(f".//{W}tbl/{W}tblPr/{W}tblBorders")
    assert len(borders) == 2  # both boxes have visible borders


def test_table_with_repeated_header_row_and_merged_cells():
    data = export(
        {
            "type": "table",
            "value": {
                "caption": "Tall",
                "table": {
                    "data": [["År", "Antall"], ["2025", None], ["Sum", "x"]],
                    "first_row_is_table_header": True,
                    "mergedCells": [{"row": 2, "col": 0, "rowspan": 1, "colspan": 2}],
                },
            },
        }
    )
    report = read_docx(data)
    assert report.tables == 1 and report.tables_with_repeated_header == 1
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["År", "Antall"]
    assert len(table.rows[2]._tr.findall(f"{W}tc")) == 1  # merged across two columns
    assert ("Caption", "Tall") in [(p.style_id, p.text) for p in report.paragraphs]


def test_two_thousand_row_table():
    rows = [["Nr", "Tekst", "Merknad"]] + [
        [str(i), f"Rad {i} æøå", "" if i % 3 else None] for i in range(2000)
    ]
    data = export(
        {
            "type": "table",
            "value": {"caption": "", "table": {"data": rows, "first_row_is_table_header": True}},
        }
    )
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert len(table.rows) == 2001
    assert table.rows[-1].cells[1].text == "Rad 1999 æøå"


def test_unknown_block_raises_a_clear_error():
    from wagtail import blocks

    class MysteryBlock(blocks.StructBlock):
        note = blocks.CharBlock()

    class Stream(blocks.StreamBlock):
        mystery = MysteryBlock()

    writer = DocxWriter()
    with pytest.raises(UnknownBlockError, match="kjenner ikke blokktypen «mystery»"):
        writer.stream(Stream().to_python([{"type": "mystery", "value": {"note": "x"}}]))


def test_footer_has_page_x_of_y_and_draft_header():
    draft = read_docx(export(html="<p>x</p>", draft_label="Revisjon 24. november 2026 kl. 08.15"))
    assert "PAGE" in draft.fields and "NUMPAGES" in draft.fields
    assert draft.footer_text.startswith("Side ") and " av " in draft.footer_text
    assert draft.header_text.startswith("UTKAST")
    assert "24. november 2026" in draft.header_text
    published = read_docx(export(html="<p>x</p>"))
    assert "UTKAST" not in published.header_text


def test_table_of_contents_field_updates_on_open():
    writer = DocxWriter()
    writer.table_of_contents([(1, "Kapittel 1", "_Toc1")])
    writer.heading("Kapittel 1", 1, anchor="_Toc1")
    report = read_docx(writer.to_bytes())
    assert any(f.startswith("TOC ") for f in report.fields)
    assert report.settings_update_fields
    assert report.internal_links == 1


def test_shipped_template_has_every_style(tmp_path):
    assert check_template() == []
    rebuilt = build_template(tmp_path / "template.docx")
    assert template_problems(rebuilt.read_bytes()) == []


def test_template_check_names_a_missing_style(tmp_path):
    from wordexport.package import template_bytes

    source = zipfile.ZipFile(io.BytesIO(template_bytes()))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/styles.xml":
                content = content.replace(b'w:styleId="Heading2"', b'w:styleId="Heading2x"')
            target.writestr(item, content)
    assert template_problems(broken.getvalue()) == [
        "Stilen «heading 2» (id Heading2, paragraph) mangler i malen."
    ]
    assert template_problems(b"not a zip")[0].startswith("Malen er ikke en lesbar Word-fil")


def _png():
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 60), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_images_are_embedded_with_their_alt_text(settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    from consultations.docx import LetterData, Sender, write_letter

    settings.MEDIA_ROOT = str(tmp_path)
    image = get_image_model().objects.create(
        title="Logo", file=ContentFile(_png(), name="logo.png"), width=120, height=60
    )
    writer = DocxWriter()
    writer.image(image, alt="Pårørende i samtale")
    data = writer.to_bytes()
    body = document_xml(data)
    descriptions = [
        d.get("descr")
        for d in body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert descriptions == ["Pårørende i samtale"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
    letter = write_letter(LetterData(sender=Sender(name="LPP", logo=image), subject="Emne"))
    assert len(docx.Document(io.BytesIO(letter)).inline_shapes) == 1


@pytest.mark.django_db
def test_a_missing_image_file_is_named_in_the_document(settings, tmp_path):
    from django.core.cache import caches
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    for cache in caches.all():  # no rendition remembered from an earlier test's image
        cache.clear()
    settings.MEDIA_ROOT = str(tmp_path)
    image = get_image_model().objects.create(
        title="Borte", file=ContentFile(_png(), name="borte.png"), width=120, height=60
    )
    image.file.storage.delete(image.file.name)
    writer = DocxWriter()
    writer.image(image, alt="Et bilde")
    report = read_docx(writer.to_bytes())
    assert report.paragraphs[0].text == (
        "[Bildet «Borte» kunne ikke tas med i Word-filen. Et bilde]"
    )
