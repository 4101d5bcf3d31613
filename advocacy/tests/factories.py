"""Factories for the shared vocabulary and tracking: themes, authorities, the documents
proposals live in, proposals and their outcome events. Every app's tests build these
records here (tools/layers.py lets apps at or above advocacy import this module).

Proposals are made directly, as :func:`advocacy.tracking.sync_proposals` records them when a
document is published; outcome events go through the tracking rules
(:func:`advocacy.outcomes.record_event`), as staff record them."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from advocacy.models import Authority, OutcomeEvent, Proposal, Theme
from base.text import norwegian_slugify

# Short names of the authorities tests use by name, so a record reads as in the demo site.
SHORT_NAMES = {
    "Helse- og omsorgsdepartementet": "HOD",
    "Helsedirektoratet": "Hdir",
    "Barne- og familiedepartementet": "BFD",
}

# The evidence of an outcome event, as staff type it: the rules and the admin form read it.
EVIDENCE = {
    "evidence_kind": "bill",
    "evidence_title": "Prop. 85 L (2024–2025)",
    "evidence_chapter": "kap. 6.4",
    "evidence_url": "https://www.regjeringen.no/no/dokumenter/prop.-85-l-20242025/id1",
    "evidence_quote": "Departementet slutter seg til LPPs forslag.",
    "public_note": "",
    "staff_note": "",
}


class ThemeFactory(DjangoModelFactory):
    """A theme, found by its slug when it exists. ``ThemeFactory(name="Tvang")`` takes its
    slug from the name; ``ThemeFactory(slug="tvang")`` its name from the slug."""

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = "Tvang"
    slug = factory.LazyAttribute(lambda theme: norwegian_slugify(theme.name))

    @classmethod
    def create(cls, **kwargs):
        if "slug" in kwargs and "name" not in kwargs:
            kwargs["name"] = kwargs["slug"].title()
        return super().create(**kwargs)


class AuthorityFactory(DjangoModelFactory):
    """An authority, found by its name when it exists."""

    class Meta:
        model = Authority
        django_get_or_create = ("name",)

    name = "Helse- og omsorgsdepartementet"
    short_name = factory.LazyAttribute(lambda authority: SHORT_NAMES.get(authority.name, ""))
    kind = Authority.Kind.MINISTRY


def site_root():
    """The default site's root page (the home page): where test pages go by default."""
    return Site.objects.get(is_default_site=True).root_page


class DocumentFactory(wagtail_factories.PageFactory):
    """A document proposals are written in: a page under the home page, published through
    a revision unless ``live=False`` (then a draft that never was public). Any page type
    can hold proposals, so it is a plain page; for another type,
    ``factory.create(PageModel, FACTORY_CLASS=DocumentFactory, ...)``."""

    class Meta:
        model = Page
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Høringssvar om pårørendes rettigheter"
    slug = factory.Sequence(lambda n: f"dok-{n + 1}")
    live = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        if create and page.live:
            page.save_revision().publish()


def _noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _next_position(proposal):
    return Proposal.objects.filter(source_page=proposal.source_page).count() + 1


class ProposalFactory(DjangoModelFactory):
    """A proposal in a document, submitted (and published) on ``submitted_on``."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    source_page = factory.SubFactory(DocumentFactory)
    document_title = factory.LazyAttribute(lambda proposal: proposal.source_page.title)
    text = "Pårørende må få rett til informasjon."
    kind = Proposal.Kind.PROPOSAL
    position = factory.LazyAttribute(_next_position)
    block_id = factory.LazyAttribute(lambda p: f"b{p.source_page.pk}-{_next_position(p)}")
    target_authority = None
    submitted_on = datetime.date(2025, 3, 1)
    first_published_at = factory.LazyAttribute(lambda proposal: _noon(proposal.submitted_on))
    last_published_at = factory.SelfAttribute("first_published_at")

    @factory.post_generation
    def themes(proposal, create, extracted, **kwargs):
        if create and extracted:
            proposal.themes.set(extracted)


def event_data(kind="adopted", date=datetime.date(2025, 6, 1), **extra):
    """What staff enter for an outcome event, as the tracking rules take it."""
    return {
        "kind": kind,
        "date": date,
        **EVIDENCE,
        "lpp_named": True,
        **extra,
    }


def event_form_data(kind="adopted", date="01.06.2025", action="draft", **extra):
    """The same event as posted from the admin's outcome form (a draft unless ``action``)."""
    return {
        "kind": kind,
        "date": date,
        **EVIDENCE,
        "action": action,
        **extra,
    }


class OutcomeEventFactory(DjangoModelFactory):
    """An outcome event recorded through the tracking rules (a draft unless
    ``publish=True``), so the proposal's status follows as it does for staff."""

    class Meta:
        model = OutcomeEvent

    proposal = factory.SubFactory(ProposalFactory)
    kind = "adopted"
    date = datetime.date(2025, 6, 1)
    recorded_by = None
    publish = False

    @classmethod
    def _create(cls, model_class, proposal, recorded_by=None, publish=False, **fields):
        from advocacy.outcomes import record_event

        data = event_data(**fields)
        return record_event(proposal, data, user=recorded_by, publish=publish)
