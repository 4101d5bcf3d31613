"""The Word package: the shipped styles template every export starts from, and writing the
finished package as a zip file.

``save_package`` is the one place that uses python-docx internals: ``document.save()`` deflates
at zlib's default level, which costs about as much as writing the whole body of a 50-page
document; level 1 compresses the XML nearly as well in a fraction of the time. It calls
python-docx 1.2's ``PackageWriter`` steps with a zip writer of ours.
``wordexport/tests/test_python_docx_seam.py`` fails loudly when python-docx changes them.
"""

import zipfile
from functools import lru_cache
from pathlib import Path

from docx.opc.pkgwriter import PackageWriter

TEMPLATE_PATH = Path(__file__).with_name("template.docx")
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@lru_cache(maxsize=1)
def template_bytes():
    return TEMPLATE_PATH.read_bytes()


class FastZipWriter:
    """python-docx's physical package writer interface (``write(pack_uri, blob)``,
    ``close()``) over a zip file with the fastest deflate level."""

    def __init__(self, stream):
        self._zipf = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)

    def write(self, pack_uri, blob):
        self._zipf.writestr(pack_uri.membername, blob)

    def close(self):
        self._zipf.close()


def save_package(package, stream):
    """``OpcPackage.save()`` (python-docx 1.2) with :class:`FastZipWriter`."""
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    writer = FastZipWriter(stream)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
