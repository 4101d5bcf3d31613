"""Recording what LPP sent. :func:`archive_submission` is the one way a consultation
becomes «Sendt»: it archives the exact bytes sent (with their SHA-256), publishes the
approved response and moves the consultation on. The DOCX engine calls it with the
letter it generates; staff call it through the admin form with the file they uploaded."""

import hashlib
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from base import file_checks
from base.personal_data import unconfirmed_findings

from . import lifecycle
from .status import Status

ALLOWED_EXTENSIONS = {".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt"}
MAX_SIZE = 50 * 1024 * 1024
ALREADY_RECORDED = "Innsendingen er allerede registrert."
DRAFT_FILE = (
    "Filen er merket «UTKAST»: den er eksportert fra en versjon landsstyret ikke har godkjent. "
    "Eksporter den godkjente versjonen til Word på nytt (den får ikke utkastmerket), send den, "
    "og last opp akkurat den filen – eller la feltet stå tomt for å arkivere LPPs brev."
)


def revision_to_publish(consultation):
    """The revision the board approved, or the page's latest if no approval is on record."""
    page = consultation.get_response()
    if page is None:
        return None
    revision = consultation.approved_revision
    if revision is None or revision.object_id != str(page.pk):
        revision = page.get_latest_revision()
    return revision


def check_can_submit(consultation):
    """Raise ValidationError (Norwegian) unless the consultation can be recorded as sent."""
    lifecycle.check(consultation, Status.SUBMITTED, via=lifecycle.SUBMISSION)
    page = consultation.get_response()
    if page is None:
        raise ValidationError("Høringen har ikke noe høringssvar å sende.")
    revision = revision_to_publish(consultation)
    if revision is None:
        raise ValidationError("Høringssvaret har ingen lagret versjon ennå.")
    approved = revision.as_object()
    if unconfirmed_findings(approved):
        raise ValidationError(
            "Høringssvaret ser ut til å inneholde personopplysninger som ingen har bekreftet. "
            "Åpne siden, fjern dem eller kryss av for at de kan publiseres, og send det til "
            "godkjenning på nytt."
        )
    return page, revision


def clean_filename(filename):
    name = os.path.basename((filename or "").replace("\\", "/")).strip()
    if not name:
        raise ValidationError("Filen mangler navn.")
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            "Filtypen støttes ikke. Last opp filen slik den ble sendt: "
            + ", ".join(sorted(ext.lstrip(".") for ext in ALLOWED_EXTENSIONS))
            + "."
        )
    return name


def archive_submission(
    consultation, *, content, filename, submitted_on, channel, recipient, user=None
):
    """Archive ``content`` (the exact bytes sent) and publish the approved response.

    Returns the :class:`~consultations.models.Submission`. Raises ValidationError with a
    Norwegian message, and changes nothing, when the consultation cannot be sent."""
    from .models import Consultation, Submission

    if not content:
        raise ValidationError("Filen er tom.")
    if len(content) > MAX_SIZE:
        raise ValidationError("Filen er for stor (høyst 50 MB).")
    name = clean_filename(filename)
    file_checks.check_content(name, content)
    if file_checks.has_draft_mark(name, content):
        raise ValidationError(DRAFT_FILE, code="draft")
    if channel not in Submission.Channel.values:
        raise ValidationError("Velg hvordan høringssvaret ble sendt.")
    if not (recipient or "").strip():
        raise ValidationError("Skriv hvem høringssvaret ble sendt til.")
    submission = Submission(
        submitted_on=submitted_on,
        channel=channel,
        recipient=recipient.strip(),
        filename=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        recorded_by=user,
    )
    try:
        with transaction.atomic():
            # The row lock makes a double click wait here; it then finds the submission.
            consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
            if Submission.objects.filter(consultation=consultation).exists():
                raise ValidationError(ALREADY_RECORDED, code="already_recorded")
            page, revision = check_can_submit(consultation)
            submission.consultation = consultation
            submission.revision = revision
            # Written only once the lock is held, and removed again below if anything
            # after it fails: no archived file without its row.
            submission.file.save(name, ContentFile(content), save=False)
            submission.save()
            lifecycle.transition(consultation, Status.SUBMITTED, via=lifecycle.SUBMISSION)
            # The board's approval is the authority to publish; recording the submission
            # (consultations.change_consultation) is staff's part, whoever may publish pages.
            revision.publish(user=user, skip_permission_checks=True)
    except BaseException:
        if submission.file.name:
            submission.file.storage.delete(submission.file.name)
        raise
    return submission


def generated_letter(consultation):
    """The board-approved response rendered as LPP's Word letter: (bytes, filename), for
    staff who send the generated letter rather than upload a file of their own."""
    from .docx import render_response_letter

    page, revision = check_can_submit(consultation)
    return render_response_letter(page, revision=revision), f"{page.slug}.docx"
