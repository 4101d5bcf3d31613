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
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from advocacy.text import norwegian_slugify

from .agreement import AgreementData, write_agreement
from .blocks import clause_from_value, rich_source
from .engine import DocxWriter, norwegian_date
from .errors import DocxExportError
from .letter import LetterData, Sender, write_letter
from .platform_document import Chapter, PlatformData, write_platform

ENGINE_VERSION = "1"  # part of the cache key: bump when the output changes
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
        subject=f"Høringssvar – {subject_title}",
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
        return list(chapters.live().public())
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
    ``draft=True``: the latest revision, as an editor sees it; marked "UTKAST" with the
    revision's date in the header unless it is exactly the published content."""
    page = page.specific
    if not draft:
        return write_page(page, ExportOptions(include_guidance=include_guidance))
    revision = page.latest_revision
    is_published_content = page.live and not page.has_unpublished_changes
    content = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    label = None
    if not is_published_content or _has_draft_chapters(page):
        label = draft_label_for(revision)
    return write_page(
        content,
        ExportOptions(draft_label=label, include_guidance=include_guidance, published_only=False),
    )


def _has_draft_chapters(page):
    if _label(type(page)) != PLATFORM:
        return False
    from political_platform.models import PlatformChapterPage

    chapters = PlatformChapterPage.objects.child_of(page)
    return (
        chapters.filter(live=False).exists()
        or chapters.filter(has_unpublished_changes=True).exists()
    )


def public_page(page_id):
    """The live, public page with this id that has a Word export, or None."""
    page = Page.objects.live().public().filter(pk=page_id).first()
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
