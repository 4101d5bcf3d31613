"""Staff's side of outcome tracking: the proposal list, each proposal's timeline, the
one-form «Registrer hendelse» view, corrections and publishing. All of them are views of
the proposal viewset (advocacy/viewsets.py), which gives each its URL names."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, InspectView

from ..models import OutcomeEvent, Proposal
from ..models.outcomes import STAFF_ONLY_EVENT_FIELDS, can_see_staff_notes, status_label
from ..permissions import ADD_EVENT, PUBLISH_EVENT
from . import (
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


class EventUrlsMixin:
    """The URL names of the event views, given by the viewset (get_common_view_kwargs)."""

    record_url_name = None
    correct_url_name = None
    publish_url_name = None
    discard_url_name = None

    def event_urls(self):
        return {
            "record_url_name": self.record_url_name,
            "correct_url_name": self.correct_url_name,
            "publish_url_name": self.publish_url_name,
            "discard_url_name": self.discard_url_name,
        }


def proposal_list_queryset(request=None):
    return with_freshness(
        Proposal.objects.select_related("target_authority", "source_page")
    ).order_by("-submitted_on", "source_page_id", "position")


class ProposalIndexView(EventUrlsMixin, IndexView):
    custom_field_preprocess = {
        "outcome_status": {"csv": status_label, "xlsx": status_label},
        "freshness": {"csv": freshness_label, "xlsx": freshness_label},
    }

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(ADD_EVENT):
            buttons.insert(
                0,
                Button(
                    "Registrer hendelse",
                    url=reverse(self.record_url_name, args=[instance.pk]),
                    icon_name="plus",
                    priority=1,
                ),
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stale_after_months"] = stale_after_months()
        return context


class ProposalTimelineView(EventUrlsMixin, InspectView):
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
                    url=reverse(self.record_url_name, args=[self.object.pk]),
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
        source_page_id = self.object.source_page_id
        context.update(
            self.event_urls(),
            show_staff_notes=can_see_staff_notes(user),
            proposal=self.object,
            current_events=[e for e in events if e.is_current],
            earlier_versions=[e for e in events if not e.is_current],
            freshness=freshness_label(self.object.freshness),
            document_summary=outcome_summary(
                Proposal.objects.filter(source_page_id=source_page_id, retired_at__isnull=True)
            )
            if source_page_id
            else None,
            document_list_url=(
                f"{reverse(self.index_url_name)}?document={source_page_id}"
                if source_page_id
                else ""
            ),
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
    index_url_name = None
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_EVENT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def timeline_url(self):
        return reverse(self.inspect_url_name, args=[self.proposal.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": "Forslag og utfall"},
            {"url": self.timeline_url(), "label": str(self.proposal)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            proposal=self.proposal,
            proposals=[self.proposal],
            can_publish=self.request.user.has_perm(PUBLISH_EVENT),
            cancel_url=self.timeline_url(),
        )
        return context

    def publish_requested(self):
        if self.wants_publish(self.request):
            if not self.request.user.has_perm(PUBLISH_EVENT):
                raise PermissionDenied
            return True
        return False

    def get_success_url(self):
        return self.timeline_url()

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
    inspect_url_name = None

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
        return HttpResponseRedirect(reverse(self.inspect_url_name, args=[event.proposal_id]))


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
