"""What the admin's widgets read from a crafted request: a Norwegian form error or a
cleaned value, never a server error. :func:`install` (run once from ``BaseConfig.ready``)
patches three Wagtail widgets that trusted the browser:

* every chooser (pages, snippets, images, documents, workflow tasks): ``get_instance``
  looks the posted id up to show the choice again on a form with errors, and caught only
  ``DoesNotExist`` – «abc» or «1\\x00» in any chooser field was a server error instead of
  the field's «Velg et gyldig valg»; now it shows as nothing chosen;
* rich text (Draftail) and tables (TableBlock) arrive as JSON, and JSON can spell a lone
  UTF-16 surrogate (``\\ud800``) that no database can store (SQLite and PostgreSQL both
  refused the save with a server error); it becomes U+FFFD, as a browser shows it;
* a table cell can likewise spell NUL (``\\u0000``), which PostgreSQL's jsonb refuses:
  it is dropped (rich text keeps Django's «Null-tegn er ikke tillatt» error)."""

import re

from django.core.exceptions import ValidationError
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.contrib.table_block.blocks import TableBlock

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"

_wagtail_get_instance = BaseChooser.get_instance
_wagtail_draftail_value = DraftailRichTextArea.value_from_datadict
_wagtail_table_value = TableBlock.value_from_form


def storable(text, *, drop_nul=False):
    """``text`` without what no database stores: lone surrogates (as U+FFFD) and, with
    ``drop_nul``, NUL characters."""
    text = LONE_SURROGATE.sub(REPLACEMENT, text)
    return text.replace("\x00", "") if drop_nul else text


def _storable_json(value):
    if isinstance(value, str):
        return storable(value, drop_nul=True)
    if isinstance(value, list):
        return [_storable_json(item) for item in value]
    if isinstance(value, dict):
        return {storable(k, drop_nul=True): _storable_json(v) for k, v in value.items()}
    return value


def get_instance(self, value):
    try:
        return _wagtail_get_instance(self, value)
    except (ValueError, TypeError, OverflowError, ValidationError):
        # Not a primary key of this model at all (the model field refused to convert it).
        return None


def draftail_value_from_datadict(self, data, files, name):
    value = _wagtail_draftail_value(self, data, files, name)
    return storable(value) if isinstance(value, str) else value


def table_value_from_form(self, value):
    return _storable_json(_wagtail_table_value(self, value))


def install():
    """Route the widgets above through this module's versions (idempotent)."""
    BaseChooser.get_instance = get_instance
    DraftailRichTextArea.value_from_datadict = draftail_value_from_datadict
    TableBlock.value_from_form = table_value_from_form
