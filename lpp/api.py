"""The read-only JSON API of published content (Wagtail API v2), at /api/v2/.

* ``pages/``: live pages without view restrictions, on this site (Wagtail's own
  endpoint; a page type exposes only what it names in ``api_fields``).
* ``themes/``: LPP's policy themes.
* ``proposals/``: proposals in public documents that are not retired, with their public
  status and their published outcome events. Staff-only fields (internal notes, who
  recorded what, drafts, superseded corrections) are never part of the output: the
  serializers below name every field they show.

Everything is GET only; there is no authentication, so a logged-in editor sees exactly
what the public sees.
"""

from django.conf import settings
from django.db.models import Prefetch
from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page

from advocacy.models import Proposal, Theme


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


class ThemeURLField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, theme):
        return absolute(theme.get_absolute_url())


class ThemesAPIViewSet(BaseAPIViewSet):
    name = "themes"
    model = Theme
    # Filtering and ordering by the fields shown, and only those (?slug=tvang).
    filter_backends = [FieldsFilter, OrderingFilter]
    body_fields = BaseAPIViewSet.body_fields + [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("html_url", serializer=ThemeURLField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "slug", "html_url"]
    nested_default_fields = ["id", "name", "slug"]

    def get_queryset(self):
        return Theme.objects.order_by("name", "pk")


class ThemeListField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        return [
            {
                "name": item.tag.name,
                "slug": item.tag.slug,
                "html_url": absolute(item.tag.get_absolute_url()),
            }
            for item in proposal.theme_items.all()
        ]


class AuthorityField(Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, authority):
        if authority is None:
            return None
        return {
            "name": authority.name,
            "short_name": authority.short_name,
            "kind": authority.kind,
            "website": authority.website,
        }


class SourceDocumentField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        page = proposal.source_page
        url = page.get_url() if page else None
        return {
            "id": proposal.source_page_id,
            "title": proposal.document_title,
            "html_url": absolute(f"{url}#{proposal.anchor}") if url else None,
        }


class StatusField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        status = getattr(proposal, "outcome_status", "")
        return {
            "code": status or None,
            "label": proposal.public_status_label
            if hasattr(proposal, "public_status_label")
            else "Ikke vurdert ennå",
            "since": getattr(proposal, "outcome_date", None),
        }


class PublicEventSerializer(serializers.Serializer):
    """A published, current outcome event as the public sees it: no staff note, no
    names of who recorded or published it."""

    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    date = serializers.DateField()
    evidence_kind = serializers.CharField()
    evidence_title = serializers.CharField()
    evidence_chapter = serializers.CharField()
    evidence_url = serializers.CharField()
    evidence_quote = serializers.CharField()
    lpp_named = serializers.BooleanField()
    public_note = serializers.CharField()


class EventsField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        events = getattr(proposal, "public_events", None)
        if events is None:
            return []
        return PublicEventSerializer(events, many=True).data


def public_pages():
    return Page.objects.live().public()


def public_proposals():
    queryset = Proposal.objects.public().filter(source_page__in=public_pages().values("pk"))
    prefetches = [Prefetch("theme_items", queryset=_theme_items())]
    try:
        from advocacy.models import OutcomeEvent
    except ImportError:  # outcome tracking not installed
        OutcomeEvent = None
    if OutcomeEvent is not None:
        prefetches.append(
            Prefetch(
                "outcome_events",
                queryset=OutcomeEvent.objects.current().published().order_by("date", "pk"),
                to_attr="public_events",
            )
        )
    return (
        queryset.select_related("target_authority", "source_page")
        .prefetch_related(*prefetches)
        .order_by("pk")
    )


def _theme_items():
    from advocacy.models import ProposalTheme

    return ProposalTheme.objects.select_related("tag").order_by("tag__name")


class ProposalsAPIViewSet(BaseAPIViewSet):
    name = "proposals"
    model = Proposal
    # ?kind=krav, ?order=-first_published_at; a field not shown can't be filtered on.
    filter_backends = [FieldsFilter, OrderingFilter]
    body_fields = BaseAPIViewSet.body_fields + [
        APIField("kind"),
        APIField("position"),
        APIField("text"),
        APIField("rationale"),
        APIField("first_published_at"),
        APIField("document", serializer=SourceDocumentField()),
        APIField("target_authority", serializer=AuthorityField()),
        APIField("themes", serializer=ThemeListField()),
        APIField("status", serializer=StatusField()),
        APIField("events", serializer=EventsField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "kind",
        "text",
        "document",
        "status",
    ]
    nested_default_fields = ["id", "text"]

    def get_queryset(self):
        return public_proposals()


api_router = WagtailAPIRouter("lpp_api")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("proposals", ProposalsAPIViewSet)
