"""Staff's side of outcome tracking: the proposal list, each proposal's timeline, the
one-form «Registrer hendelse» view, corrections, publishing and the bulk actions."""

import django_filters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from lpp.admin_lists import DayColumn, YesNoSelect

from ..models import Authority, OutcomeEvent, OutcomeKind, Proposal, Theme
from ..models.outcomes import STAFF_ONLY_EVENT_FIELDS, can_see_staff_notes
from . import (
    Freshness,
    check_public_notes,
    correct_event,
    discard_draft,
    freshness_label,
    outcome_summary,
    publish_events,
    record_events,
    stale_after_months,
    with_freshness,
)
from .forms import OutcomeEventForm, PublishChoiceMixin

ADD_EVENT = "advocacy.add_outcomeevent"
PUBLISH_EVENT = "advocacy.publish_outcomeevent"
NO_STATUS = "none"


class ProposalPermissionPolicy(ModelPermissionPolicy):
    """Proposal records are written by the tracking when a document is published: in the
    admin they are looked at and given outcome events, never added, edited or deleted."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action) or user.has_perm(ADD_EVENT)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Proposal, ProposalPermissionPolicy(Proposal), exact_class=True)


def year_choices():
    years = (
        Proposal.objects.exclude(submitted_on__isnull=True)
        .annotate(year=ExtractYear("submitted_on"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [(str(year), str(year)) for year in years]


def document_queryset(request):
    return Page.objects.filter(proposals__isnull=False).distinct().order_by("title")


class ProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        method="filter_status",
        empty_label="Alle",
        choices=[(NO_STATUS, "Ikke vurdert ennå"), *OutcomeKind.choices],
    )
    freshness = django_filters.ChoiceFilter(
        label="Ferskhet",
        method="filter_freshness",
        empty_label="Alle",
        choices=Freshness.choices,
    )
    authority = django_filters.ModelChoiceFilter(
        label="Myndighet",
        field_name="target_authority",
        queryset=Authority.objects.all(),
        empty_label="Alle",
    )
    theme = django_filters.ModelChoiceFilter(
        label="Tema",
        field_name="themes",
        queryset=Theme.objects.all(),
        empty_label="Alle",
        distinct=True,
    )
    year = django_filters.ChoiceFilter(
        label="År sendt inn", method="filter_year", choices=year_choices, empty_label="Alle"
    )
    document = django_filters.ModelChoiceFilter(
        label="Dokument", field_name="source_page", queryset=document_queryset, empty_label="Alle"
    )
    kind = django_filters.ChoiceFilter(
        label="Type", choices=Proposal.Kind.choices, empty_label="Alle"
    )
    drafts = django_filters.BooleanFilter(
        label="Har upubliserte hendelser",
        method="filter_drafts",
        widget=YesNoSelect,
    )
    retired = django_filters.BooleanFilter(
        label="Trukket tilbake",
        field_name="retired_at",
        lookup_expr="isnull",
        exclude=True,
        widget=YesNoSelect,
    )

    class Meta:
        model = Proposal
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(outcome_status="" if value == NO_STATUS else value)

    def filter_freshness(self, queryset, name, value):
        return queryset.filter(freshness=value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(submitted_on__year=int(value))

    def filter_drafts(self, queryset, name, value):
        drafts = OutcomeEvent.objects.filter(
            proposal=OuterRef("pk"), published_at__isnull=True, superseded_at__isnull=True
        )
        return queryset.filter(Exists(drafts) if value else ~Exists(drafts))


def proposal_list_queryset(request=None):
    return with_freshness(
        Proposal.objects.select_related("target_authority", "source_page")
    ).order_by("-submitted_on", "source_page_id", "position")


def _status_label(value):
    return dict(Proposal._meta.get_field("outcome_status").choices).get(value, value)


class ProposalIndexView(IndexView):
    custom_field_preprocess = {
        "outcome_status": {"csv": _status_label, "xlsx": _status_label},
        "freshness": {"csv": freshness_label, "xlsx": freshness_label},
    }

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(ADD_EVENT):
            buttons.insert(
                0,
                Button(
                    "Registrer hendelse",
                    url=reverse("advocacy_outcomes:record", args=[instance.pk]),
                    icon_name="plus",
                    priority=1,
                ),
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stale_after_months"] = stale_after_months()
        return context


class ProposalTimelineView(InspectView):
    """A proposal's page in the admin: where it stands and every event, including drafts
    and the earlier versions of corrected events."""

    template_name = "advocacy/admin/proposal_timeline.html"
    page_title = "Tidslinje"

    def get_object(self, queryset=None):
        return get_object_or_404(
            with_freshness(Proposal.objects.select_related("target_authority", "source_page")),
            pk=self.pk,
        )

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.request.user.has_perm(ADD_EVENT):
            buttons.append(
                Button(
                    "Registrer hendelse",
                    icon_name="plus",
                    priority=10,
                    url=reverse("advocacy_outcomes:record", args=[self.object.pk]),
                )
            )
        return buttons

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        events = list(
            self.object.outcome_events.for_user(user)
            .select_related("recorded_by", "published_by", "corrects")
            .order_by("-date", "-recorded_at", "-pk")
        )
        context.update(
            show_staff_notes=can_see_staff_notes(user),
            proposal=self.object,
            current_events=[e for e in events if e.is_current],
            earlier_versions=[e for e in events if not e.is_current],
            freshness=freshness_label(self.object.freshness),
            document_summary=outcome_summary(
                Proposal.objects.filter(
                    source_page_id=self.object.source_page_id, retired_at__isnull=True
                )
            )
            if self.object.source_page_id
            else None,
            can_record=user.has_perm(ADD_EVENT),
            can_publish=user.has_perm(PUBLISH_EVENT),
            public_url=(
                reverse("advocacy:proposal_outcome", args=[self.object.pk])
                if Proposal.objects.public().filter(pk=self.object.pk).exists()
                else ""
            ),
        )
        return context


class EventFormView(PublishChoiceMixin, WagtailAdminTemplateMixin, FormView):
    form_class = OutcomeEventForm
    template_name = "advocacy/admin/record_event.html"
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_EVENT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_advocacy_proposal:list"),
                "label": "Forslag og utfall",
            },
            {
                "url": reverse(
                    "wagtailsnippets_advocacy_proposal:inspect", args=[self.proposal.pk]
                ),
                "label": str(self.proposal),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            proposal=self.proposal,
            proposals=[self.proposal],
            can_publish=self.request.user.has_perm(PUBLISH_EVENT),
            cancel_url=reverse(
                "wagtailsnippets_advocacy_proposal:inspect", args=[self.proposal.pk]
            ),
        )
        return context

    def publish_requested(self):
        if self.wants_publish(self.request):
            if not self.request.user.has_perm(PUBLISH_EVENT):
                raise PermissionDenied
            return True
        return False

    def get_success_url(self):
        return reverse("wagtailsnippets_advocacy_proposal:inspect", args=[self.proposal.pk])

    def apply_errors(self, form, error):
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(None if field == "__all__" else field, errors)
        else:
            form.add_error(None, error)
        return self.form_invalid(form)


class RecordEventView(EventFormView):
    page_title = "Registrer hendelse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.proposal = get_object_or_404(Proposal, pk=kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = OutcomeEvent(proposal=self.proposal)
        return kwargs

    def form_valid(self, form):
        publish = self.publish_requested()
        try:
            record_events([self.proposal], form.cleaned_data, self.request.user, publish=publish)
        except ValidationError as error:
            return self.apply_errors(form, error)
        messages.success(
            self.request,
            "Hendelsen er registrert og publisert."
            if publish
            else "Hendelsen er lagret som utkast. Den vises ikke offentlig før den publiseres.",
        )
        return HttpResponseRedirect(self.get_success_url())


class CorrectEventView(EventFormView):
    page_title = "Rett hendelse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.original = get_object_or_404(
            OutcomeEvent.objects.select_related("proposal"), pk=kwargs["event_pk"]
        )
        self.proposal = self.original.proposal

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        instance = OutcomeEvent(proposal=self.proposal, corrects=self.original)
        kwargs["instance"] = instance
        if self.request.method == "GET":
            kwargs["initial"] = {
                name: getattr(self.original, name) for name in OutcomeEventForm._meta.fields
            }
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["original"] = self.original
        return context

    def form_valid(self, form):
        publish = self.publish_requested()
        data = dict(form.cleaned_data)
        for name in STAFF_ONLY_EVENT_FIELDS:
            # Not on the form for this user: the correction keeps the original's note.
            data.setdefault(name, getattr(self.original, name))
        try:
            correct_event(self.original, data, self.request.user, publish=publish)
        except ValidationError as error:
            return self.apply_errors(form, error)
        messages.success(
            self.request,
            "Rettelsen er publisert. Den opprinnelige versjonen er tatt vare på."
            if publish
            else "Rettelsen er lagret som utkast. Den opprinnelige versjonen er tatt vare på.",
        )
        return HttpResponseRedirect(self.get_success_url())


class EventActionView(View):
    """A button on a proposal's timeline that acts on one event (POST), then goes back to
    the timeline with what happened."""

    permission = ""
    done_message = ""
    refused_message = ""

    def act(self, event):
        """Do it; return whether anything was done."""
        return False

    def post(self, request, event_pk):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        event = get_object_or_404(OutcomeEvent, pk=event_pk)
        if self.act(event):
            messages.success(request, self.done_message)
        else:
            messages.error(request, self.refused_message)
        return HttpResponseRedirect(
            reverse("wagtailsnippets_advocacy_proposal:inspect", args=[event.proposal_id])
        )


class PublishEventView(EventActionView):
    permission = PUBLISH_EVENT
    done_message = "Hendelsen er publisert."
    refused_message = "Hendelsen var allerede publisert eller er erstattet av en rettelse."

    def act(self, event):
        try:
            return publish_events(OutcomeEvent.objects.filter(pk=event.pk), self.request.user)
        except ValidationError as error:
            self.refused_message = " ".join(error.messages)
            return False


class DiscardDraftView(EventActionView):
    permission = ADD_EVENT
    done_message = "Utkastet er forkastet."
    refused_message = (
        "Bare et utkast som aldri er publisert kan forkastes. En publisert hendelse "
        "rettes i stedet, så historikken blir tatt vare på."
    )

    def act(self, event):
        return discard_draft(event)


# --- bulk actions on the proposal list --------------------------------------------------


class ProposalBulkAction(SnippetBulkAction):
    models = [Proposal]
    permission = ADD_EVENT

    def check_perm(self, obj):
        return self.request.user.has_perm(self.permission)

    def object_context(self, snippet):
        return {
            "item": snippet,
            "edit_url": reverse("wagtailsnippets_advocacy_proposal:inspect", args=[snippet.pk]),
        }


class RecordEventBulkAction(PublishChoiceMixin, ProposalBulkAction):
    display_name = "Registrer hendelse"
    action_type = "record_outcome"
    aria_label = "Registrer samme hendelse for de valgte forslagene"
    template_name = "advocacy/admin/bulk_record_event.html"
    action_priority = 10
    form_class = OutcomeEventForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_publish"] = self.request.user.has_perm(PUBLISH_EVENT)
        return context

    def form_valid(self, form):
        objects, _no_access = self.get_actionable_objects()
        publish = self.wants_publish(self.request)
        if publish and not self.request.user.has_perm(PUBLISH_EVENT):
            raise PermissionDenied
        if not objects:
            form.add_error(None, "Velg minst ett forslag du har tilgang til.")
            return self.form_invalid(form)
        try:
            events = record_events(objects, form.cleaned_data, self.request.user, publish=publish)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Hendelsen er registrert for {len(events)} forslag"
            + (" og publisert." if publish else " som utkast."),
        )
        return HttpResponseRedirect(self.next_url)


class PublishDraftsBulkAction(ProposalBulkAction):
    display_name = "Publiser utkast"
    action_type = "publish_outcomes"
    aria_label = "Publiser de upubliserte hendelsene på de valgte forslagene"
    template_name = "advocacy/admin/bulk_publish_outcomes.html"
    action_priority = 20
    permission = PUBLISH_EVENT

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ids = [item["item"].pk for item in context["items"]]
        context["draft_count"] = OutcomeEvent.objects.filter(
            proposal_id__in=ids, published_at__isnull=True, superseded_at__isnull=True
        ).count()
        return context

    def prepare_action(self, objects, objects_without_access):
        drafts = OutcomeEvent.objects.filter(
            proposal__in=[p.pk for p in objects],
            published_at__isnull=True,
            superseded_at__isnull=True,
        )
        try:
            check_public_notes(drafts)
        except ValidationError as error:
            messages.error(
                self.request, "Ingen hendelser ble publisert. " + " ".join(error.messages)
            )
            return HttpResponseRedirect(self.next_url)
        return None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        count = publish_events(
            OutcomeEvent.objects.filter(proposal__in=[p.pk for p in objects]), user
        )
        return count, 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return "Det var ingen upubliserte hendelser på de valgte forslagene."
        return f"{num_parent_objects} hendelser er publisert."


# --- the viewset ------------------------------------------------------------------------


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


class OutcomeAdminUrls:
    """The views that are not part of the snippet viewset, under /admin/utfall/."""

    name = "advocacy_outcomes"

    @staticmethod
    def urlpatterns():
        return [
            path("forslag/<int:pk>/registrer/", RecordEventView.as_view(), name="record"),
            path("hendelse/<int:event_pk>/rett/", CorrectEventView.as_view(), name="correct"),
            path("hendelse/<int:event_pk>/publiser/", PublishEventView.as_view(), name="publish"),
            path("hendelse/<int:event_pk>/forkast/", DiscardDraftView.as_view(), name="discard"),
        ]


def proposal_list_url_for_page(page):
    return reverse("wagtailsnippets_advocacy_proposal:list") + f"?document={quote(page.pk)}"
