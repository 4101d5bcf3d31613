"""Importing a past høringssvar: check the file, read it, and save the consultation, its
published response and the original file as the (imported) submission in one
transaction. Bad files are refused with a Norwegian message before anything is stored."""

import hashlib
import io
import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify

from base import file_checks, personal_data
from base.admin_urls import snippet_url

from .docx_reader import ReadError, read_docx
from .letter import read_letter, stream_data
from .pdf_reader import PdfError, read_pdf

IMPORT_EXTENSIONS = {".docx", ".pdf"}
MAX_IMPORT_SIZE = 20 * 1024 * 1024
MACRO_PARTS = ("word/vbaProject.bin", "word/vbaData.xml")
MACRO_CONTENT_TYPE = b"macroEnabled"
ENCRYPTED_PARTS = ("EncryptionInfo", "EncryptedPackage")
PDF_ERRORS = {
    "encrypted": "PDF-filen er passordbeskyttet. Lagre den uten passord og last den opp på nytt.",
    "corrupt": "Filen er skadet: PDF-en kan ikke leses.",
    "no_text": "PDF-filen har ingen tekst (den er kanskje skannet). Last opp Word-filen, eller "
    "en PDF med tekst.",
    "too_many_pages": "PDF-filen har for mange sider til å være et høringssvar (høyst 200).",
}


def refuse(message, code="invalid"):
    raise ValidationError(message, code=code)


def check_file(filename, content):
    """Raise ValidationError (Norwegian) unless ``content`` is a .docx the importer can
    read safely. Returns the cleaned file name."""
    name = os.path.basename((filename or "").replace("\\", "/")).strip()
    extension = os.path.splitext(name)[1].lower()
    if not content:
        refuse("Filen er tom.", "empty")
    if len(content) > MAX_IMPORT_SIZE:
        refuse(
            f"Filen er for stor til å importeres (høyst {MAX_IMPORT_SIZE // (1024 * 1024)} MB).",
            "too_large",
        )
    if content.startswith(file_checks.OLE2_SIGNATURE):
        # An encrypted .docx is an OLE2 container, like a Word 97–2003 file.
        if any(part.encode("utf-16-le") in content for part in ENCRYPTED_PARTS):
            refuse(
                "Filen er passordbeskyttet. Åpne den i Word, fjern passordet "
                "(Fil → Info → Beskytt dokument) og last den opp på nytt.",
                "encrypted",
            )
        refuse(
            "Filen er et gammelt Word-dokument (.doc, Word 97–2003). Åpne den i Word eller "
            "LibreOffice, lagre den som .docx og last den opp på nytt.",
            "doc",
        )
    if extension in {".docm", ".dotm"}:
        refuse(
            "Filen inneholder makroer (.docm), og blir ikke tatt imot. Lagre den som et vanlig "
            "Word-dokument (.docx) uten makroer og last den opp på nytt.",
            "macros",
        )
    if extension == ".doc":
        refuse(
            "Filen er et gammelt Word-dokument (.doc). Lagre den som .docx og last den opp på nytt.",
            "doc",
        )
    if extension not in IMPORT_EXTENSIONS:
        refuse("Bare Word-dokumenter (.docx) og PDF kan importeres.", "extension")
    file_checks.check_content(name, content)
    if extension == ".pdf":
        return name
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    types = file_checks.read_entry(archive, "[Content_Types].xml")
    if names & set(MACRO_PARTS) or MACRO_CONTENT_TYPE in types:
        refuse(
            "Filen inneholder makroer, og blir ikke tatt imot. Lagre den som et vanlig "
            "Word-dokument (.docx) uten makroer og last den opp på nytt.",
            "macros",
        )
    return name


def first_import(sha256):
    from ..models import Submission

    return (
        Submission.objects.filter(sha256=sha256)
        .select_related("consultation__response")
        .order_by("pk")
        .first()
    )


def duplicate_message(submission):
    page = submission.consultation.get_response()
    url = (
        reverse("wagtailadmin_pages:edit", args=[page.pk])
        if page
        else snippet_url("consultations.consultation", "edit", submission.consultation_id)
    )
    return format_html(
        'Denne filen er allerede importert: <a href="{}">{}</a>.',
        url,
        page.title if page else submission.consultation.title,
    )


def check_not_imported(sha256):
    existing = first_import(sha256)
    if existing is not None:
        raise ValidationError(duplicate_message(existing), code="duplicate")


def read_upload(filename, content):
    """Check and read an uploaded file: (clean name, sha256, Letter)."""
    from advocacy.models import Authority

    name = check_file(filename, content)
    sha256 = hashlib.sha256(content).hexdigest()
    check_not_imported(sha256)
    if name.lower().endswith(".pdf"):
        try:
            document = read_pdf(content)
        except PdfError as error:
            refuse(PDF_ERRORS[error.code], error.code)
    else:
        try:
            document = read_docx(content)
        except ReadError:
            refuse("Filen er skadet: Word-innholdet i den kan ikke leses.", "corrupt")
    names = [
        value
        for pair in Authority.objects.values_list("name", "short_name")
        for value in pair
        if value
    ]
    letter = read_letter(document, authority_names=names)
    if not letter.body and not letter.head.title:
        refuse("Filen har ingen tekst å importere.", "no_text")
    return name, sha256, letter


def unique_slug(index, title):
    base = slugify(title.replace("ø", "o").replace("æ", "ae").replace("å", "a"))[:70] or "svar"
    slug, number = base, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def import_letter(
    letter,
    *,
    content,
    filename,
    title,
    authority,
    case_number,
    our_reference,
    deadline,
    sent_on,
    channel,
    summary,
    themes=(),
    confirmed=None,
    signatory="",
    confirm_personal_data=False,
    user=None,
):
    """Save the import: the consultation (sent, awaiting outcome), its response page,
    published in the archive, and the original file as the imported submission.
    Returns the page. All or nothing; a refused file leaves nothing in storage."""
    from ..models import Consultation, ConsultationResponsePage, Submission
    from ..responses import response_index
    from ..status import Status

    check_file(filename, content)
    sha256 = hashlib.sha256(content).hexdigest()
    index = response_index()
    if index is None:
        refuse("Høringssvararkivet finnes ikke ennå. Opprett det før du importerer.", "no_index")
    submission = Submission(
        submitted_on=sent_on,
        channel=channel,
        recipient=authority.name,
        filename=filename,
        size=len(content),
        sha256=sha256,
        recorded_by=user,
        imported=True,
    )
    try:
        with transaction.atomic():
            check_not_imported(sha256)
            consultation = Consultation(
                title=title,
                authority=authority,
                case_number=case_number,
                our_reference=our_reference,
                announced_on=min(deadline, sent_on),
                deadline=deadline,
                status=Status.AWAITING_OUTCOME,
                notes=f"Importert fra {filename}.",
            )
            consultation.full_clean()
            consultation.save()
            if themes:
                consultation.themes.set(list(themes))
                consultation.save()
            page = ConsultationResponsePage(
                title=f"Høringssvar: {title}"[:255],
                slug=unique_slug(index, title),
                consultation=consultation,
                summary=summary,
                letter_date=sent_on,
                signatory=signatory[:200],
                owner=user,
                body=stream_data(letter, confirmed=confirmed, themes=themes),
            )
            # Publishing is a publishing path like any other: personal data is refused
            # unless staff confirmed it may stand (base.personal_data).
            findings = personal_data.unconfirmed_findings(page)
            if findings and not confirm_personal_data:
                refuse(personal_data.warning_text(findings), "personal_data")
            page.personal_data_fingerprint = personal_data.fingerprint(findings)
            index.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            submission.consultation = consultation
            submission.revision = revision
            submission.file.save(filename, ContentFile(content), save=False)
            submission.save()
            # What LPP sent is public record: publish as archive_submission does.
            revision.publish(user=user, skip_permission_checks=True)
    except IntegrityError:
        if submission.file.name:
            submission.file.storage.delete(submission.file.name)
        existing = first_import(sha256)
        if existing is not None:
            raise ValidationError(duplicate_message(existing), code="duplicate") from None
        raise
    except BaseException:
        if submission.file.name:
            submission.file.storage.delete(submission.file.name)
        raise
    return page


def import_as_read(
    content,
    filename,
    *,
    fallback_authority=None,
    channel="epost",
    with_proposals=False,
    title_prefix="",
    user=None,
):
    """Import without a review (the folder command, the demo): the letter head as read,
    the suggested themes, and every proposal candidate when ``with_proposals``. A letter
    whose authority, date or subject cannot be read is refused, to be imported in the
    admin where staff fill them in."""
    from advocacy.models import Authority, Theme

    from .docx_reader import Paragraph
    from .letter import suggest_themes

    name, _sha, letter = read_upload(filename, content)
    head = letter.head
    authority = fallback_authority
    if head.authority_name:
        authority = (
            Authority.objects.filter(name=head.authority_name).first()
            or Authority.objects.filter(short_name=head.authority_name).first()
            or authority
        )
    if authority is None:
        refuse("Fant ikke myndigheten i brevhodet. Bruk --myndighet, eller importer i adminet.")
    if head.sent_on is None:
        refuse("Fant ikke datoen brevet ble sendt. Importer det i adminet.")
    if not head.title:
        refuse("Fant ikke emnelinjen (tittelen). Importer det i adminet.")
    summary = next((b.text for b in letter.body if isinstance(b, Paragraph)), head.title)
    return import_letter(
        letter,
        content=content,
        filename=name,
        title=f"{title_prefix}{head.title}"[:300],
        authority=authority,
        case_number=head.case_number,
        our_reference=head.our_reference,
        deadline=head.deadline or head.sent_on,
        sent_on=head.sent_on,
        channel=channel,
        summary=summary[:300],
        signatory=head.signatory,
        themes=suggest_themes(letter.text, Theme.objects.all()),
        confirmed={c.key: c.text for c in letter.candidates} if with_proposals else {},
        user=user,
    )
