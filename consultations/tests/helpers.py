"""Builders for the consultation tests."""

import datetime
import itertools

from django.utils import timezone
from wagtail.rich_text import RichText

from advocacy.models import Authority, Theme
from consultations import lifecycle
from consultations.models import (
    Consultation,
    ConsultationResponseIndexPage,
    ConsultationResponsePage,
)
from consultations.status import Status
from consultations.submission import archive_submission  # noqa: F401 (used by tests)

_numbers = itertools.count(1)


def authority(name="Helse- og omsorgsdepartementet", **fields):
    fields.setdefault("kind", Authority.Kind.MINISTRY)
    return Authority.objects.get_or_create(name=name, defaults=fields)[0]


def theme(name="Tvang", slug=None):
    from advocacy.text import norwegian_slugify

    return Theme.objects.get_or_create(
        slug=slug or norwegian_slugify(name), defaults={"name": name}
    )[0]


def consultation(**fields):
    n = next(_numbers)
    today = timezone.localdate()
    fields.setdefault("title", f"Høring nummer {n}")
    fields.setdefault("authority", authority())
    fields.setdefault("case_number", f"26/{1000 + n}")
    fields.setdefault("announced_on", today - datetime.timedelta(days=10))
    fields.setdefault("deadline", today + datetime.timedelta(days=30))
    themes = fields.pop("themes", [])
    record = Consultation(**fields)
    record.full_clean()
    record.save()
    if themes:
        record.themes.set(themes)
        record.save()
    return record


def archive_index(home_page):
    existing = ConsultationResponseIndexPage.objects.first()
    if existing:
        return existing
    index = ConsultationResponseIndexPage(title="Høringssvar", slug="horingssvar")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def proposal_block(text, rationale="", themes=(), target_authority=None, block_id=None):
    block = {
        "type": "proposal",
        "value": {
            "text": text,
            "rationale": rationale,
            "themes": [t.pk for t in themes],
            "target_authority": target_authority.pk if target_authority else None,
        },
    }
    if block_id:
        block["id"] = block_id
    return block


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def response_page(index, consultation, body=(), **fields):
    fields.setdefault("title", f"Høringssvar: {consultation.title}")
    fields.setdefault("slug", f"svar-{consultation.pk}")
    fields.setdefault("summary", "Kort sammendrag i klarspråk.")
    fields.setdefault("letter_date", timezone.localdate())
    page = ConsultationResponsePage(
        consultation=consultation, live=False, body=list(body), **fields
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


def awaiting_board(index, writer):
    """A new response the working group has reviewed: it waits for the board."""
    page = response_page(index, consultation())
    page.get_workflow().start(page, writer)
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=writer)  # the working group's review
    return ConsultationResponsePage.objects.get(pk=page.pk)


def approve(consultation, page):
    consultation.refresh_from_db()
    lifecycle.follow(consultation, Status.IN_REVIEW, via=lifecycle.WORKFLOW)
    lifecycle.follow(consultation, Status.APPROVED, via=lifecycle.WORKFLOW)
    consultation.approved_revision = page.get_latest_revision()
    consultation.save(update_fields=["approved_revision"])
    return consultation


def send(consultation, page, content=b"%PDF-1.4 brevet slik det ble sendt", user=None):
    approve(consultation, page)
    submission = archive_submission(
        consultation,
        content=content,
        filename="horingssvar.pdf",
        submitted_on=timezone.localdate(),
        channel="epost",
        recipient="postmottak@hod.dep.no",
        user=user,
    )
    page.refresh_from_db()
    consultation.refresh_from_db()
    return submission


def published_response(index, body=(), **consultation_fields):
    record = consultation(**consultation_fields)
    page = response_page(index, record, body)
    send(record, page)
    return record, ConsultationResponsePage.objects.get(pk=page.pk)


def rich(text):
    return RichText(f"<p>{text}</p>")
