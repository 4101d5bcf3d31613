"""From page to Word file: the page's layout (registered by its app, see layouts.py), what
content goes in (the published version for the public, the latest revision for editors) and
the cache.

Public API (also re-exported from :mod:`wordexport`):

* :func:`export_page` – bytes of a page's Word file (``draft=True``: latest revision, marked
  "UTKAST" with the revision date when it is not the published content);
* :func:`published_export` – the public download: published content only, cached by
  revision;
* :func:`is_exportable` / :func:`has_guidance_choice` / :func:`filename_for` /
  :func:`public_page`.
"""

import hashlib
import io
import re

from django.core.cache import cache
from django.utils import timezone

from base.text import norwegian_slugify
from base.visibility import public_pages

from .content_controls import marked, stamp
from .errors import DocxExportError
from .layouts import ExportOptions, layout_class
from .text import norwegian_date

ENGINE_VERSION = "2"  # part of the cache key: bump when the output changes
CACHE_SECONDS = 24 * 3600

APPROVED = object()  # approved, with no date on record


def is_exportable(page):
    return layout_class(page) is not None


def has_guidance_choice(page):
    layout = layout_class(page)
    return layout is not None and layout.guidance_choice


def filename_for(page, include_guidance=True):
    slug = norwegian_slugify(page.title)[:80] or "dokument"
    if has_guidance_choice(page) and not include_guidance:
        slug += "-uten-veiledning"
    return f"{slug}.docx"


def layout_for(page):
    """The layout serving one export of ``page`` (a specific page)."""
    layout = layout_class(type(page))
    if layout is None:
        raise DocxExportError(f"Siden «{page.title}» kan ikke eksporteres til Word.")
    return layout(page)


def write_page(page, options):
    page = page.specific
    return layout_for(page).write(options)


def draft_label_for(revision):
    """«Revisjon 24. november 2026 kl. 08.15»"""
    if revision is None:
        return f"Ikke lagret {norwegian_date(timezone.localdate())}"
    created = timezone.localtime(revision.created_at)
    return f"Revisjon {norwegian_date(created)} kl. {created:%H.%M}"


# -- entry points ----------------------------------------------------------------------------


def export_page(page, *, draft=False, include_guidance=True):
    """The Word file of a page.

    ``draft=False``: the published content (what the page row holds for a live page).
    ``draft=True``: the latest revision, as an editor sees it. It is the final document
    (no mark; the approval date in the document properties) when it is the published
    content or the revision the page's workflow approved; otherwise it is marked "UTKAST"
    with the revision's date in the header."""
    page = page.specific
    if not draft:
        return write_page(page, ExportOptions(include_guidance=include_guidance))
    revision = page.latest_revision
    content = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    approved_at = approval_of(page, revision)
    is_published_content = page.live and not page.has_unpublished_changes
    final = (is_published_content or approved_at is not None) and not layout_for(
        page
    ).has_draft_parts()
    with marked():
        data = write_page(
            content,
            ExportOptions(
                draft_label=None if final else draft_label_for(revision),
                include_guidance=include_guidance,
                published_only=False,
            ),
        )
    if final and approved_at is not None:
        data = _with_approval_date(data, approved_at)
    # Page, revision and block checksums for reading an edited file back as a new draft.
    return stamp(data, page.pk, revision.pk if revision is not None else None)


def approval_of(page, revision):
    """When ``revision`` of ``page`` was approved at the end of its workflow (the board's
    step), as a datetime; ``APPROVED`` when the page's own records (its layout's
    ``approved_revisions``) hold the approval without a workflow date; None when it was not
    approved. A revision saved after the approval with the same content (the approver's
    save, an autosave) counts as approved: only a change of content makes the letter a draft
    again."""
    if revision is None:
        return None
    from wagtail.models import WorkflowState

    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED, current_task_state__isnull=False)
        .select_related("current_task_state__revision")
        .order_by("-created_at")
        .first()
    )
    approved = []
    if state is not None and state.current_task_state.revision is not None:
        approved.append(
            (state.current_task_state.revision, state.current_task_state.finished_at or APPROVED)
        )
    layout = layout_class(type(page))
    if layout is not None:
        approved += layout(page).approved_revisions()
    for approved_revision, approved_at in approved:
        if approved_revision.pk == revision.pk or (
            approved_revision.created_at <= revision.created_at
            and _letter_content(approved_revision) == _letter_content(revision)
        ):
            return approved_at
    return None


# Page bookkeeping that changes without changing what the document says.
_NOT_CONTENT = {
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "content_type",
    "draft_title",
    "go_live_at",
    "expire_at",
    "expired",
    "translation_key",
    "locale",
    "alias_of",
    "page_ptr",
    "comments",
    "wagtail_admin_comments",
}


# The rich text editor tags each paragraph with a fresh key when a form is saved.
_BLOCK_KEY = re.compile(r'\s*data-block-key=\\?"\w*\\?"')


def _letter_content(revision):
    return {
        key: _BLOCK_KEY.sub("", value) if isinstance(value, str) else value
        for key, value in revision.content.items()
        if key not in _NOT_CONTENT
    }


def _with_approval_date(data, approved_at):
    """The approval date in the file's properties (Word: File → Info), not on the page."""
    from docx import Document

    if approved_at is APPROVED:
        return data
    document = Document(io.BytesIO(data))
    when = timezone.localtime(approved_at)
    document.core_properties.comments = f"Godkjent {norwegian_date(when)}"
    document.core_properties.content_status = "Godkjent"
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def public_page(page_id):
    """The live, public page with this id that has a Word export, or None."""
    page = public_pages().filter(pk=page_id).first()
    if page is None or not is_exportable(page):
        return None
    return page.specific


def published_export(page, *, include_guidance=True):
    """The public download: the published content, never a draft. Cached, keyed by the
    live revision of the page and what its layout says the file depends on (the live
    revision of each chapter of a platform, the letter head)."""
    page = page.specific
    if not page.live:
        raise DocxExportError("Bare publiserte dokumenter kan lastes ned.")
    layout = layout_for(page)
    parts = [ENGINE_VERSION, str(page.pk), str(page.live_revision_id), str(include_guidance)]
    parts += layout.cache_parts()
    key = "lpp-docx:" + hashlib.sha256("/".join(parts).encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        data = layout.write_published(ExportOptions(include_guidance=include_guidance))
        cache.set(key, data, CACHE_SECONDS)
    return data


__all__ = [
    "export_page",
    "filename_for",
    "has_guidance_choice",
    "is_exportable",
    "public_page",
    "published_export",
]
