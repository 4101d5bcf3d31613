"""Bulk actions on the admin's proposal list: one event for many proposals, and publishing
their drafts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from base.admin_urls import snippet_url

from ..models import OutcomeEvent, Proposal
from ..permissions import ADD_EVENT, PUBLISH_EVENT
from . import check_public_notes, publish_events, record_events
from .forms import OutcomeEventForm, PublishChoiceMixin


class ProposalBulkAction(SnippetBulkAction):
    models = [Proposal]
    permission = ADD_EVENT

    def check_perm(self, obj):
        return self.request.user.has_perm(self.permission)

    def object_context(self, snippet):
        return {
            "item": snippet,
            "edit_url": snippet_url(snippet, "inspect"),
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
