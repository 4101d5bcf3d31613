"""Registers the site-wide publishing rules: a second reader for review steps and the
personal-data check on every way a page is published (home.models, base.personal_data)."""

from wagtail import hooks

from . import governance

hooks.register("before_edit_page", governance.refuse_self_approval)
hooks.register("after_edit_page", governance.warn_about_personal_data)
hooks.register("after_create_page", governance.warn_about_personal_data)
hooks.register("before_bulk_action", governance.check_bulk_publish)

# Word export (home/docx.py): how home's blocks are written; the letter head for apps below
# home that export a document (advocacy's half-year report).
from . import docx  # noqa: E402

hooks.register("register_docx_block_writers", docx.block_writers)
hooks.register("register_docx_letter_head", docx.letter_head)
