"""Word export of a consultation response (høringssvar): a Norwegian business letter after
NS 4129 — letter head (sender's name, address, organisation number), addressee with postal
address, the reference line "Deres ref. / Vår ref. / Dato", the subject in bold, the body,
"Med hilsen", the signatory and "Vedlegg:". Registered with the Word library in
wagtail_hooks.py; :func:`render_response_letter` makes the file archived as sent."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from home.docx import LetterHeadLayout
from wordexport.engine import DocxWriter, numeric_date
from wordexport.errors import DocxExportError
from wordexport.layouts import ExportOptions
from wordexport.pages import APPROVED
from wordexport.styles import TEXT_WIDTH

from .models import ConsultationResponsePage


@dataclass
class Sender:
    name: str
    street_address: str = ""
    postal_line: str = ""
    org_number: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    logo: object = None  # a Wagtail image

    @classmethod
    def from_settings(cls, organisation):
        return cls(
            name=organisation.name,
            street_address=organisation.street_address,
            postal_line=organisation.postal_line,
            org_number=organisation.org_number,
            email=organisation.email,
            phone=organisation.phone,
            website=organisation.website,
            logo=organisation.logo,
        )


@dataclass
class LetterData:
    sender: Sender
    subject: str
    addressee_name: str = ""
    addressee_address: str = ""
    their_ref: str = ""
    our_ref: str = ""
    date: datetime.date | None = None
    body: object = None  # a StreamValue
    body_html: str = ""  # rich text before the body, e.g. an introduction
    signatory_name: str = ""
    signatory_title: str = ""
    attachments: list = field(default_factory=list)


# A consultation's title usually starts with the word «Høring» itself («Høring – forslag til
# …», «Høring om …», «Høringsnotat: …»), sometimes after a label such as «Eksempel:».
_LEADING_CONSULTATION_WORD = re.compile(
    r"^(?P<label>[^\W\d_]+:\s+)?(?:høringsnotat|høring)(?:\s*[–—:,-]\s*|\s+(?=om\b))",
    re.IGNORECASE,
)


def response_subject(consultation_title):
    """The letter's subject: «Høringssvar – <the consultation>», without saying «høring»
    twice: «Høring – forslag til X» gives «Høringssvar – forslag til X», «Høring om X»
    gives «Høringssvar om X», and a title that already says «Høringssvar» is kept."""
    title = " ".join((consultation_title or "").split())
    if re.match(r"høringssvar\b", title, re.IGNORECASE):
        return title[:1].upper() + title[1:]
    match = _LEADING_CONSULTATION_WORD.match(title)
    if match is None:
        return f"Høringssvar – {title}" if title else "Høringssvar"
    rest = title[match.end() :]
    label = match.group("label") or ""
    if not label and rest[:3].lower() == "om ":
        return f"Høringssvar {rest}"
    return f"Høringssvar – {label}{rest}"


def format_org_number(value):
    digits = (value or "").replace(" ", "")
    if len(digits) == 9 and digits.isdigit():
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return value or ""


def write_letter(letter, *, draft_label=None, base_url=None):
    writer = DocxWriter(
        base_url=base_url,
        title=letter.subject,
        subject="Høringssvar",
        draft_label=draft_label,
        header_text="",
        h2_level=1,
    )
    sender = letter.sender
    if sender.logo is not None:
        writer.image(sender.logo, alt=sender.name, max_width_cm=4.5)
    writer.paragraph(sender.name, "LetterHeadName")
    address = " · ".join(part for part in [sender.street_address, sender.postal_line] if part)
    if address:
        writer.paragraph(address, "LetterHead")
    contact = [
        part
        for part in [sender.phone and f"Telefon {sender.phone}", sender.email, sender.website]
        if part
    ]
    if contact:
        writer.paragraph(" · ".join(contact), "LetterHead")
    if sender.org_number:
        writer.paragraph(f"Org.nr. {format_org_number(sender.org_number)}", "LetterHead")
    writer.paragraph(style="Rule")

    # the addressee, where a window envelope shows it
    writer.paragraph(style="Address")
    if letter.addressee_name:
        writer.paragraph(letter.addressee_name, "Address")
    for line in (letter.addressee_address or "").splitlines():
        if line.strip():
            writer.paragraph(line.strip(), "Address")
    writer.paragraph(style="Address")
    writer.paragraph(style="Address")

    widths = [TEXT_WIDTH * 35 // 100, TEXT_WIDTH * 35 // 100]
    widths.append(TEXT_WIDTH - sum(widths))
    _table, add_row = writer.layout_table(widths)
    labels = add_row()
    values = add_row()
    letter_date = numeric_date(letter.date) if letter.date else ""
    for cell, label in zip(labels, ["Deres ref.", "Vår ref.", "Dato"], strict=True):
        with writer.cell_container(cell):
            writer.paragraph(label, "RefLabel")
    for cell, value in zip(values, [letter.their_ref, letter.our_ref, letter_date], strict=True):
        with writer.cell_container(cell):
            writer.paragraph(value or "", "RefValue")

    writer.paragraph(letter.subject, "Subject")
    if letter.body_html:
        writer.rich_text(letter.body_html)
    writer.stream(letter.body)

    writer.paragraph("Med hilsen", "Closing")
    if letter.signatory_name:
        writer.paragraph(letter.signatory_name, "Signature", bold=True)
    if letter.signatory_title:
        writer.paragraph(letter.signatory_title, "Signature")
    writer.paragraph(sender.name, "Signature")
    if letter.attachments:
        writer.paragraph("Vedlegg:", "Subject")
        for index, attachment in enumerate(letter.attachments, start=1):
            writer.paragraph(f"{index}. {attachment}")
    return writer.to_bytes()


# -- the page --------------------------------------------------------------------------------


def split_signatory(text):
    """«Kari Nordmann, styreleder» -> ("Kari Nordmann", "Styreleder")."""
    name, _sep, title = (text or "").partition(",")
    title = title.strip()
    return name.strip(), title[:1].upper() + title[1:]


def letter_data(page, organisation):
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


class ResponseLayout(LetterHeadLayout):
    """The letter; the board's approval may be recorded on the consultation as well as by
    the page's workflow."""

    def write(self, options):
        return write_letter(
            letter_data(self.page, self.organisation), draft_label=options.draft_label
        )

    def approved_revisions(self):
        consultation = getattr(self.page, "consultation", None)
        if consultation is not None and consultation.approved_revision is not None:
            return [(consultation.approved_revision, APPROVED)]
        return []


def page_layouts():
    return {ConsultationResponsePage: ResponseLayout}


def render_response_letter(page, *, revision=None, draft_label=None):
    """The letter of a consultation response, as bytes of a .docx file, for archiving the
    exact file sent (hash it with SHA-256). ``revision``: a Revision of the page to render
    (default: the page as given). No "UTKAST" mark unless ``draft_label`` is given."""
    if revision is not None:
        page = revision.as_object()
    page = page.specific
    if not isinstance(page, ConsultationResponsePage):
        raise DocxExportError("Siden er ikke et høringssvar.")
    return ResponseLayout(page).write(ExportOptions(draft_label=draft_label))
