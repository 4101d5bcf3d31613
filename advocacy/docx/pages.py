"""From page to Word file: which layout each page type gets, what content goes in (the
published version for the public, the latest revision for editors) and the cache.

Public API (also re-exported from :mod:`advocacy.docx`):

* :func:`export_page` – bytes of a page's Word file (``draft=True``: latest revision, marked
  "UTKAST" with the revision date when it is not the published content);
* :func:`render_response_letter` – the høringssvar letter of a ConsultationResponsePage
  (optionally of one :class:`wagtail.models.Revision`), for the submission archive;
* :func:`published_export` – the public download: published content only, cached by
  revision;
* :func:`is_exportable` / :func:`filename_for`.
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from advocacy.text import norwegian_slugify
from advocacy.visibility import public_pages, restrict_to_public

from .agreement import AgreementData, write_agreement
from .blocks import clause_from_value, rich_source
from .engine import DocxWriter, norwegian_date
from .errors import DocxExportError
from .letter import LetterData, Sender, response_subject, write_letter
from .platform_document import Chapter, PlatformData, write_platform

ENGINE_VERSION = "2"  # part of the cache key: bump when the output changes
CACHE_SECONDS = 24 * 3600

RESPONSE = "consultations.consultationresponsepage"
PLATFORM = "political_platform.platformpage"
CHAPTER = "political_platform.platformchapterpage"
AGREEMENT = "agreement.agreementpage"
EXPORTABLE = {RESPONSE, PLATFORM, CHAPTER, AGREEMENT}


def _label(page_or_class):
    meta = page_or_class._meta
    return f"{meta.app_label}.{meta.model_name}"


def is_exportable(page):
    return _label(page.specific_class or type(page)) in EXPORTABLE


def has_guidance_choice(page):
    return _label(page.specific_class or type(page)) == AGREEMENT


def filename_for(page, include_guidance=True):
    slug = norwegian_slugify(page.title)[:80] or "dokument"
    if has_guidance_choice(page) and not include_guidance:
        slug += "-uten-veiledning"
    return f"{slug}.docx"


@dataclass
class ExportOptions:
    draft_label: str | None = None
    include_guidance: bool = True
    published_only: bool = True  # chapters of a platform: live ones only


def _organisation(page):
    from home.models import OrganisationSettings

    site = page.get_site()
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site)


def draft_label_for(revision):
    """«Revisjon 24. november 2026 kl. 08.15»"""
    if revision is None:
        return f"Ikke lagret {norwegian_date(timezone.localdate())}"
    created = timezone.localtime(revision.created_at)
    return f"Revisjon {norwegian_date(created)} kl. {created:%H.%M}"


# -- the letter ------------------------------------------------------------------------------


def split_signatory(text):
    """«Kari Nordmann, styreleder» -> ("Kari Nordmann", "Styreleder")."""
    name, _sep, title = (text or "").partition(",")
    title = title.strip()
    return name.strip(), title[:1].upper() + title[1:]


def letter_data(page):
    organisation = _organisation(page)
    consultation = page.consultation if page.consultation_id else None
    authority = consultation.authority if consultation is not None else None
    subject_title = consultation.title if consultation is not None else page.title
    name, title = split_signatory(page.signatory)
    if not name:
        name, title = organisation.signatory_name, organisation.signatory_title
    return LetterData(
        sender=Sender.from_settings(organisation),
        subject=response_subject(subject_title),
        addressee_name=authority.name if authority else "",
        addressee_address=authority.postal_address if authority else "",
        their_ref=consultation.case_number if consultation is not None else "",
        our_ref=consultation.our_reference if consultation is not None else "",
        date=page.letter_date or timezone.localdate(),
        body=page.body,
        signatory_name=name,
        signatory_title=title,
        attachments=list(getattr(page, "letter_attachments", []) or []),
    )


def _write_response(page, options):
    return write_letter(letter_data(page), draft_label=options.draft_label)


def render_response_letter(page, *, revision=None, draft_label=None):
    """The letter of a consultation response, as bytes of a .docx file, for archiving the
    exact file sent (hash it with SHA-256). ``revision``: a Revision of the page to render
    (default: the page as given). No "UTKAST" mark unless ``draft_label`` is given."""
    if revision is not None:
        page = revision.as_object()
    page = page.specific
    if _label(type(page)) != RESPONSE:
        raise DocxExportError("Siden er ikke et høringssvar.")
    return _write_response(page, ExportOptions(draft_label=draft_label))


# -- the platform ----------------------------------------------------------------------------


def _chapter(chapter):
    return Chapter(
        title=chapter.title,
        intro=chapter.intro,
        body=chapter.body,
        positions=[child.value for child in chapter.positions],
        extra_streams=[chapter.demands],
    )


def platform_chapters(platform, published_only):
    from political_platform.models import PlatformChapterPage

    chapters = PlatformChapterPage.objects.child_of(platform).order_by("path")
    if published_only:
        return list(restrict_to_public(chapters))
    return [
        chapter.get_latest_revision_as_object() if chapter.has_unpublished_changes else chapter
        for chapter in chapters
    ]


def platform_data(platform, chapters):
    organisation = _organisation(platform)
    sections = []
    if platform.vision:
        sections.append(("Visjon", f"<p>{_escape(platform.vision)}</p>"))
    if platform.values:
        sections.append(("Verdier", platform.values))
    adopted = platform.adopted_at if platform.is_adopted else None
    return PlatformData(
        organisation=organisation.name,
        title=platform.title,
        edition=platform.edition,
        adopted=adopted,
        adopted_by=(platform.adopted_by or "landsmøtet").strip().lower(),
        intro_html=platform.introduction,
        sections=sections,
        chapters=[_chapter(chapter) for chapter in chapters],
    )


def _write_platform(page, options, chapters=None):
    if chapters is None:
        chapters = platform_chapters(page, options.published_only)
    return write_platform(platform_data(page, chapters), draft_label=options.draft_label)


def _write_chapter(page, options):
    organisation = _organisation(page)
    platform = page.get_parent().specific
    data = PlatformData(
        organisation=organisation.name,
        title=f"{page.title}",
        edition=(
            platform.title
            if platform.edition in platform.title
            else f"{platform.title} {platform.edition}"
        ),
        adopted=platform.adopted_at if platform.is_adopted else None,
        adopted_by=(platform.adopted_by or "landsmøtet").strip().lower(),
        chapters=[_chapter(page)],
    )
    return write_platform(data, draft_label=options.draft_label)


# -- the agreement ---------------------------------------------------------------------------


def agreement_data(page):
    from .agreement import Clause

    organisation = _organisation(page)
    change_log = [
        (
            entry.value.get("version") or "",
            entry.value.get("date"),
            entry.value.get("description") or "",
        )
        for entry in page.change_log
    ]
    status = page.get_status_display()
    return AgreementData(
        title=page.title,
        version=f"{page.version} ({status.lower()})" if not page.is_adopted else page.version,
        version_date=page.adopted_at,
        intro_html=rich_source(page.intro),
        clauses=[clause_from_value(child.value, Clause) for child in page.clauses],
        change_log=change_log,
        organisation=organisation.short_name or organisation.name,
    )


def _write_agreement(page, options):
    return write_agreement(
        agreement_data(page),
        include_guidance=options.include_guidance,
        draft_label=options.draft_label,
    )


WRITERS = {
    RESPONSE: _write_response,
    PLATFORM: _write_platform,
    CHAPTER: _write_chapter,
    AGREEMENT: _write_agreement,
}


def write_page(page, options):
    page = page.specific
    writer = WRITERS.get(_label(type(page)))
    if writer is None:
        raise DocxExportError(f"Siden «{page.title}» kan ikke eksporteres til Word.")
    return writer(page, options)


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
    final = (is_published_content or approved_at is not None) and not _has_draft_chapters(page)
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
    return data


APPROVED = object()  # approved, with no date on record


def approval_of(page, revision):
    """When ``revision`` of ``page`` was approved at the end of its workflow (the board's
    step), as a datetime; ``APPROVED`` when a response's consultation records the approval
    without a workflow date; None when it was not approved. A revision saved after the
    approval with the same content (the approver's save, an autosave) counts as approved:
    only a change of content makes the letter a draft again."""
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
    consultation = getattr(page, "consultation", None) if _label(type(page)) == RESPONSE else None
    if consultation is not None and consultation.approved_revision is not None:
        approved.append((consultation.approved_revision, APPROVED))
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
    import io

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


def _has_draft_chapters(page):
    """A platform whose chapters are not all published or approved is still a draft."""
    if _label(type(page)) != PLATFORM:
        return False
    from political_platform.models import PlatformChapterPage

    for chapter in PlatformChapterPage.objects.child_of(page).filter(
        Q(live=False) | Q(has_unpublished_changes=True)
    ):
        if approval_of(chapter, chapter.latest_revision) is None:
            return True
    return False


def public_page(page_id):
    """The live, public page with this id that has a Word export, or None."""
    page = public_pages().filter(pk=page_id).first()
    if page is None or not is_exportable(page):
        return None
    return page.specific


def published_export(page, *, include_guidance=True):
    """The public download: the published content, never a draft. Cached, keyed by the
    live revision of the page (and of each chapter of a platform) and the letter head."""
    page = page.specific
    if not page.live:
        raise DocxExportError("Bare publiserte dokumenter kan lastes ned.")
    chapters = None
    parts = [ENGINE_VERSION, str(page.pk), str(page.live_revision_id), str(include_guidance)]
    if _label(type(page)) == PLATFORM:
        chapters = platform_chapters(page, published_only=True)
        parts += [f"{c.pk}:{c.live_revision_id}" for c in chapters]
    organisation = _organisation(page)
    parts.append(
        "|".join(str(getattr(organisation, f.attname)) for f in organisation._meta.concrete_fields)
    )
    key = "lpp-docx:" + hashlib.sha256("/".join(parts).encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        options = ExportOptions(include_guidance=include_guidance)
        if chapters is not None:
            data = _write_platform(page, options, chapters)
        else:
            data = write_page(page, options)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _escape(text):
    from django.utils.html import escape

    return escape(text)


__all__ = [
    "DocxWriter",
    "export_page",
    "filename_for",
    "is_exportable",
    "published_export",
    "render_response_letter",
]
