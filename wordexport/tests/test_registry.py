"""Content apps plug their blocks, page layouts and letter head into the library through
Wagtail hooks; the library imports none of them."""

import ast
from pathlib import Path

import pytest
from wagtail import blocks, hooks

from tools.word_readback import read_docx
from wordexport.engine import DocxWriter
from wordexport.errors import UnknownBlockError
from wordexport.layouts import letter_head, page_layouts

LIBRARY = Path(__file__).resolve().parent.parent
CONTENT_APPS = {
    "advocacy",
    "home",
    "consultations",
    "political_platform",
    "agreement",
    "strategy",
    "sources",
    "search",
    "accounts",
    "lpp",
}


class BannerBlock(blocks.StructBlock):
    text = blocks.CharBlock()


class UnwrittenBlock(blocks.StructBlock):
    text = blocks.CharBlock()


def _stream(block_class, text):
    stream = blocks.StreamBlock([("item", block_class())])
    return stream.to_python([{"type": "item", "value": {"text": text}}])


def _write_banner(writer, block, value, block_id):
    writer.paragraph(f"Banner: {value['text']}", "Quote")


def test_a_block_writer_registered_with_the_hook_writes_its_block():
    writer = DocxWriter(title="T", base_url="https://lpp.example")
    with hooks.register_temporarily(
        "register_docx_block_writers", lambda: {BannerBlock: _write_banner}
    ):
        writer.stream(_stream(BannerBlock, "Pårørende først"))
    report = read_docx(writer.to_bytes())
    assert [(p.style_id, p.text) for p in report.paragraphs if p.style_id == "Quote"] == [
        ("Quote", "Banner: Pårørende først")
    ]


def test_a_block_without_a_registered_writer_is_refused_in_norwegian():
    writer = DocxWriter(title="T", base_url="https://lpp.example")
    with pytest.raises(UnknownBlockError) as error:
        writer.stream(_stream(UnwrittenBlock, "tekst"))
    assert "kjenner ikke blokktypen" in str(error.value)
    assert "register_docx_block_writers" in str(error.value)


def test_every_lpp_document_page_type_has_a_registered_layout():
    names = {f"{model._meta.app_label}.{model.__name__}" for model in page_layouts()}
    assert names == {
        "consultations.ConsultationResponsePage",
        "political_platform.PlatformPage",
        "political_platform.PlatformChapterPage",
        "agreement.AgreementPage",
    }


@pytest.mark.django_db
def test_the_letter_head_comes_from_the_app_that_registers_it(home_page):
    from wagtail.models import Site

    organisation = letter_head(Site.objects.get(is_default_site=True))
    assert type(organisation).__name__ == "OrganisationSettings"
    assert organisation.name


def _imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module.split(".")[0]


def test_the_library_imports_no_content_app():
    found = {
        (str(path.relative_to(LIBRARY)), app)
        for path in LIBRARY.rglob("*.py")
        if "tests" not in path.parts
        for app in _imported_apps(path)
        if app in CONTENT_APPS
    }
    assert found == set()
