"""Factories for consultations and their responses: the records, the archive, the response
pages with their letter body, and the steps that take a response from draft to sent, through
the real lifecycle and submission code. Apps above consultations build these here too."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from advocacy.tests.factories import AuthorityFactory, site_root
from consultations import lifecycle
from consultations.models import (
    Consultation,
    ConsultationResponseIndexPage,
    ConsultationResponsePage,
)
from consultations.status import Status
from consultations.submission import archive_submission


class ConsultationFactory(DjangoModelFactory):
    """A registered consultation, announced ten days ago with a deadline in 30 days;
    validated as the admin form validates it."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Høring nummer {n + 1}")
    authority = factory.SubFactory(AuthorityFactory)
    case_number = factory.Sequence(lambda n: f"26/{1001 + n}")
    announced_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        record = model_class(*args, **kwargs)
        record.full_clean()
        record.save()
        return record

    @factory.post_generation
    def themes(record, create, extracted, **kwargs):
        if create and extracted:
            record.themes.set(extracted)
            record.save()


class ResponseIndexPageFactory(wagtail_factories.PageFactory):
    """«Høringssvar», the public archive under the home page (there is only ever one)."""

    class Meta:
        model = ConsultationResponseIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Høringssvar"
    slug = "horingssvar"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        if existing:
            return existing
        index = super()._create(model_class, *args, **kwargs)
        index.save_revision().publish()
        return index


class ResponsePageFactory(wagtail_factories.PageFactory):
    """A draft response to ``consultation`` in the archive, with one saved revision."""

    class Meta:
        model = ConsultationResponsePage

    parent = factory.SubFactory(ResponseIndexPageFactory)
    consultation = factory.SubFactory(ConsultationFactory)
    title = factory.LazyAttribute(lambda page: f"Høringssvar: {page.consultation.title}")
    slug = factory.LazyAttribute(lambda page: f"svar-{page.consultation.pk}")
    summary = "Kort sammendrag i klarspråk."
    letter_date = factory.LazyFunction(timezone.localdate)
    live = False
    body = ()

    @classmethod
    def _create(cls, model_class, *args, body=(), **kwargs):
        page = super()._create(model_class, *args, body=list(body), **kwargs)
        page.save_revision()
        return page


def proposal_block(text, rationale="", themes=(), target_authority=None, block_id=None):
    """A proposal block of a response's body, as the editor posts it."""
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


def awaiting_board(index, writer):
    """A new response the working group has reviewed: it waits for the board."""
    page = ResponsePageFactory(parent=index)
    page.get_workflow().start(page, writer)
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.current_workflow_task_state.approve(user=writer)  # the working group's review
    return ConsultationResponsePage.objects.get(pk=page.pk)


def approve(consultation, page):
    """The board has approved ``page``'s latest revision as the letter to send."""
    consultation.refresh_from_db()
    lifecycle.follow(consultation, Status.IN_REVIEW, via=lifecycle.WORKFLOW)
    lifecycle.follow(consultation, Status.APPROVED, via=lifecycle.WORKFLOW)
    consultation.approved_revision = page.get_latest_revision()
    consultation.save(update_fields=["approved_revision"])
    return consultation


def send(consultation, page, content=b"%PDF-1.4 brevet slik det ble sendt", user=None):
    """Approve and submit the response today by e-mail, archiving ``content``."""
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
    """A consultation with a response that was sent (and so published) today."""
    record = ConsultationFactory(**consultation_fields)
    page = ResponsePageFactory(parent=index, consultation=record, body=body)
    send(record, page)
    return record, ConsultationResponsePage.objects.get(pk=page.pk)
