"""The one place the library leans on python-docx internals (wordexport.package.save_package):
these tests fail loudly when a python-docx upgrade changes what it relies on."""

import io
import zipfile

import docx
from docx.opc.pkgwriter import PackageWriter

from wordexport.engine import DocxWriter
from wordexport.package import save_package, template_bytes

PINNED = "python-docx 1.2.0"
STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")


def _members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def test_python_docx_still_has_the_package_writer_steps_save_package_calls():
    missing = [name for name in STEPS if not callable(getattr(PackageWriter, name, None))]
    assert not missing, (
        f"python-docx no longer has PackageWriter.{', '.join(missing)} (written for {PINNED}): "
        "adapt wordexport.package.save_package or use document.save()."
    )


def test_save_package_writes_the_same_parts_as_python_docx_save():
    writer = DocxWriter(title="Sammenligning", base_url="https://lpp.example")
    writer.heading("Overskrift", 1)
    writer.rich_text('<ul><li>Punkt</li></ul><p><a href="https://lovdata.no/">Lovdata</a></p>')
    writer.to_bytes()  # moves the body into the document
    ours, theirs = io.BytesIO(), io.BytesIO()
    save_package(writer.document.part.package, ours)
    writer.document.save(theirs)
    assert _members(ours.getvalue()) == _members(theirs.getvalue()), (
        f"save_package no longer writes what python-docx's save() writes (written for "
        f"{PINNED}): adapt wordexport.package.save_package."
    )


def test_save_package_deflates_at_the_fast_level():
    document = docx.Document(io.BytesIO(template_bytes()))
    output = io.BytesIO()
    save_package(document.part.package, output)
    with zipfile.ZipFile(output) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
