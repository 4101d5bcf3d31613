"""Start-up check: the shipped template defines every style and numbering the engine uses."""

import io
import zipfile

from django.core.checks import Error
from lxml import etree

from .styles import REQUIRED_ABSTRACT_NUMS, REQUIRED_STYLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def template_problems(data):
    """Norwegian descriptions of what the template (bytes of a .docx) lacks."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
            numbering = etree.fromstring(archive.read("word/numbering.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        return [f"Malen er ikke en lesbar Word-fil: {error}"]
    found = {style.get(f"{W}styleId"): style.get(f"{W}type") for style in styles.iter(f"{W}style")}
    problems = [
        f"Stilen «{name}» (id {style_id}, {kind}) mangler i malen."
        for style_id, (kind, name) in REQUIRED_STYLES.items()
        if found.get(style_id) != kind
    ]
    abstract_ids = {
        int(element.get(f"{W}abstractNumId")) for element in numbering.iter(f"{W}abstractNum")
    }
    problems += [
        f"Nummereringsdefinisjon {number} mangler i malen."
        for number in REQUIRED_ABSTRACT_NUMS
        if number not in abstract_ids
    ]
    return problems


def check_template(app_configs=None, **kwargs):
    from .package import TEMPLATE_PATH

    try:
        data = TEMPLATE_PATH.read_bytes()
    except OSError as error:
        return [Error(f"Fant ikke Word-malen {TEMPLATE_PATH}: {error}", id="lpp_docx.E001")]
    return [
        Error(
            problem,
            hint="Kjør .venv/bin/python -m tools.build_word_template.",
            obj=str(TEMPLATE_PATH),
            id="lpp_docx.E002",
        )
        for problem in template_problems(data)
    ]
