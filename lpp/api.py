"""The read-only JSON API of published content (Wagtail API v2), at /api/v2/.

* ``pages/``: live pages without view restrictions, on this site (Wagtail's own
  endpoint), each with its summary, published text, themes and proposals
  (lpp/api_pages.py names every field).
* ``themes/``: LPP's policy themes.
* ``proposals/``: proposals in public documents that are not retired, with their public
  status and their published outcome events. Staff-only fields (internal notes, who
  recorded what, drafts, superseded corrections) are never part of the output: the
  serializers below name every field they show.

``?search=`` uses the project's Norwegian search; parameters are range-checked and
errors are in Norwegian (lpp/api_support.py). Everything is GET only; there is no
authentication, so a logged-in editor sees exactly what the public sees.
"""

from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page

from advocacy.models import PUBLIC_EVENT_DETAILS, OutcomeEvent, Proposal, Theme
from base.templatetags.lpp_links import http_url
from base.visibility import restrict_to_public
from lpp.api_pages import reader_fields
from lpp.api_proposals import StatusField, absolute, public_proposals
from lpp.api_support import NorwegianAPIMixin, PublicSearchFilter


class ThemeURLField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, theme):
        return absolute(theme.get_absolute_url())


class ThemesAPIViewSet(NorwegianAPIMixin, BaseAPIViewSet):
    name = "themes"
    model = Theme
    # Filtering and ordering by the fields shown, and only those (?slug=tvang); ?search=.
    filter_backends = [FieldsFilter, OrderingFilter, PublicSearchFilter]
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
            "website": http_url(authority.website),
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


class PublicEventSerializer(serializers.ModelSerializer):
    """A published, current outcome event as the public sees it: its public details
    (advocacy.models.PUBLIC_EVENT_DETAILS, the one list), no staff note, no names of who
    recorded or published it."""

    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = OutcomeEvent
        fields = ["kind", "kind_label", *(name for name in PUBLIC_EVENT_DETAILS if name != "kind")]

    def to_representation(self, event):
        data = super().to_representation(event)
        if "evidence_url" in data:
            data["evidence_url"] = http_url(data["evidence_url"])  # as the public pages do
        return data


class EventsField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        # ``public_events`` is prefetched by public_proposals(), the endpoint's queryset.
        return PublicEventSerializer(proposal.public_events, many=True).data


class PublicPagesAPIViewSet(NorwegianAPIMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, narrowed by the project's public rule (which also
    leaves out pages whose expiry time has passed), with what a reader needs of each
    page (lpp/api_pages.py) and ?search= through the project's own search."""

    filter_backends = [
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        PublicSearchFilter,  # last: it ranks what the other filters left
    ]
    id_converter = "page_id"

    def get_base_queryset(self):
        return restrict_to_public(super().get_base_queryset())

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + cls._convert_api_fields(reader_fields(model))

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # Computed for the reader, not filters (Page.proposals is also a relation).
            computed = {field.name for field in reader_fields(model)}
            fields = [name for name in fields if name not in computed]
        return fields

    def get_queryset(self):
        queryset = super().get_queryset()
        # A listing of all types serializes each page as its own type (a query per type).
        return queryset.specific() if queryset.model is Page else queryset


class ProposalsAPIViewSet(NorwegianAPIMixin, BaseAPIViewSet):
    name = "proposals"
    model = Proposal
    # ?kind=krav, ?order=-first_published_at, ?search=; a field not shown can't be
    # filtered on.
    filter_backends = [FieldsFilter, OrderingFilter, PublicSearchFilter]
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
        APIField("submitted", serializer=serializers.BooleanField(source="is_submitted")),
        APIField("events", serializer=EventsField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "kind",
        "text",
        "document",
        "status",
        "submitted",
    ]
    nested_default_fields = ["id", "text"]

    def get_queryset(self):
        return public_proposals()


api_router = WagtailAPIRouter("lpp_api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("proposals", ProposalsAPIViewSet)
