"""Every demo document through LibreOffice (docx -> LibreOffice -> docx): LibreOffice opens
each file and what it writes back still has the headings, lists, links and tables.

Needs ``soffice`` (Debian: libreoffice-writer, installed by .ci/run); skipped without it."""

import shutil
import subprocess

import pytest

from tools.word_readback import read_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) er ikke installert: apt-get install libreoffice-writer "
        "(.ci/run gjør det i CI).",
    ),
]


def test_every_demo_document_round_trips_through_libreoffice(demo_site, tmp_path):
    from wagtail.models import Page

    from wordexport.pages import export_page, filename_for, is_exportable

    source, converted = tmp_path / "ut", tmp_path / "inn"
    source.mkdir()
    converted.mkdir()
    originals = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        if is_exportable(page):
            name = f"{page.pk}-{filename_for(page)}"
            data = export_page(page, draft=True)
            (source / name).write_bytes(data)
            originals[name] = read_docx(data)
    assert len(originals) >= 4
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(converted),
            *sorted(str(path) for path in source.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for name, original in originals.items():
        path = converted / name
        assert path.exists(), f"LibreOffice kunne ikke åpne {name}: {result.stdout}"
        back = read_docx(path.read_bytes())
        assert [text for _level, text in back.headings] == [
            text for _level, text in original.headings
        ], name
        assert back.tables == original.tables, name
        assert sorted(t for t, _ in back.hyperlinks) == sorted(t for t, _ in original.hyperlinks)
        assert back.ordered_lists_starting_at_1 == back.ordered_lists, name
        assert [p.text for p in back.paragraphs if p.num_id] == [
            p.text for p in original.paragraphs if p.num_id
        ], name


def test_every_ordered_list_still_starts_at_1_after_libreoffice(tmp_path):
    from wordexport.engine import DocxWriter

    writer = DocxWriter(title="Lister")
    writer.rich_text(
        "<ol><li>En<ol><li>En-a</li><li>En-b</li></ol></li><li>To</li></ol>"
        "<h2>Mellom</h2><ol><li>Ny liste</li><li>Andre</li></ol>"
        "<ul><li>Punkt<ol><li>Nummer under punkt</li></ol></li></ul>"
    )
    (tmp_path / "lister.docx").write_bytes(writer.to_bytes())
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "inn"),
            str(tmp_path / "lister.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    back = read_docx((tmp_path / "inn" / "lister.docx").read_bytes())
    # outer, nested, the list after the heading and the numbered list under a bullet
    assert back.ordered_lists == back.ordered_lists_starting_at_1 == 4
