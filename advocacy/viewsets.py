"""The advocacy admin: themes, authorities and the tracked proposals with their outcome
timelines, under one «Påvirkning» menu. Recording, correcting, publishing and discarding
an outcome event are views of the proposal viewset."""

from django.urls import path
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from base.admin_lists import DayColumn

from .forms import ThemeForm
from .models import Authority, Proposal, Theme
from .outcomes import freshness_label
from .outcomes.admin_views import (
    CorrectEventView,
    DiscardDraftView,
    ProposalIndexView,
    ProposalTimelineView,
    PublishEventView,
    RecordEventView,
    proposal_list_queryset,
)
from .outcomes.filters import ProposalFilterSet

EVENT_VIEWS = ("record", "correct", "publish", "discard")


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Temaer"
    menu_name = "themes"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]

    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
        base_form_class=ThemeForm,
    )


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "group"
    menu_label = "Myndigheter"
    menu_name = "authorities"
    list_display = ["name", "short_name", "kind", "website"]
    list_filter = ["kind"]
    list_export = ["name", "short_name", "kind", "website", "email"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "pick"
    menu_label = "Forslag og utfall"
    menu_name = "proposals"
    index_view_class = ProposalIndexView
    inspect_view_enabled = True
    inspect_view_class = ProposalTimelineView
    filterset_class = ProposalFilterSet
    search_fields = ["text", "document_title"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    list_display = [
        "text",
        Column("document_title", label="Dokument"),
        Column("target_authority", label="Rettet mot"),
        Column("outcome_status", label="Status", accessor="get_outcome_status_display"),
        Column("freshness", label="Ferskhet", accessor=lambda p: freshness_label(p.freshness)),
        DayColumn("submitted_on", label="Sendt inn"),
        DayColumn("outcome_last_event_on", label="Siste hendelse"),
    ]
    list_export = [
        "pk",
        "text",
        "kind",
        "document_title",
        "target_authority",
        "submitted_on",
        "outcome_status",
        "freshness",
        "outcome_date",
        "outcome_last_event_on",
        "retired_at",
    ]
    export_headings = {
        "pk": "ID",
        "text": "Forslag",
        "kind": "Type",
        "document_title": "Dokument",
        "target_authority": "Rettet mot",
        "submitted_on": "Sendt inn",
        "outcome_status": "Status",
        "freshness": "Ferskhet",
        "outcome_date": "Status fra",
        "outcome_last_event_on": "Siste hendelse",
        "retired_at": "Trukket tilbake",
    }
    export_filename = "forslag-og-utfall"

    def get_queryset(self, request):
        return proposal_list_queryset(request)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": self.get_url_name(name) for name in EVENT_VIEWS},
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/registrer/", self.construct_view(RecordEventView), name="record"),
            path(
                "hendelse/<int:event_pk>/rett/",
                self.construct_view(CorrectEventView),
                name="correct",
            ),
            path(
                "hendelse/<int:event_pk>/publiser/",
                self.construct_view(PublishEventView),
                name="publish",
            ),
            path(
                "hendelse/<int:event_pk>/forkast/",
                self.construct_view(DiscardDraftView),
                name="discard",
            ),
        ]


class AdvocacyViewSetGroup(ViewSetGroup):
    menu_label = "Påvirkning"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ThemeViewSet, AuthorityViewSet, ProposalViewSet)
