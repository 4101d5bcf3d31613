"""The admin of the watched sources: «Nye høringer» (the radar), Stortinget cases,
documents read for evidence, proposed outcome events, source health and the themes'
signal words. Registered in wagtail_hooks.py as one menu group."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from advocacy.models import OutcomeEvent
from advocacy.outcomes import discard_draft, publish_events
from base.admin_urls import snippet_url

from . import conf, evidence, followup, health, permissions, radar, watch
from .forms import (
    AcceptForm,
    AcceptPassageForm,
    CaseLinkForm,
    DismissForm,
    EvidenceForm,
    SnoozeForm,
)
from .http import SourceError
from .models import (
    Candidate,
    CaseLink,
    EvidenceDocument,
    EvidencePassage,
    ThemeSignal,
)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PermissionMixin:
    permission = permissions.USE_RADAR
    viewset = None
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def form_errors(form, error):
    for message in error.messages:
        form.add_error(None, message)


# --- the radar -------------------------------------------------------------------------


class RadarIndexView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sources/radar_index.html"
    page_title = "Nye høringer"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidates = list(
            radar.open_candidates()
            .select_related("authority")
            .prefetch_related(
                Prefetch(
                    "duplicates", queryset=Candidate.objects.only("pk", "source", "duplicate_of")
                )
            )
            .order_by("-score", "deadline", "pk")
        )
        limit = radar.threshold()
        context.update(
            above=[c for c in candidates if c.score >= limit],
            below=[c for c in candidates if c.score < limit],
            threshold=limit,
            sources=health.rows(),
            decided=Candidate.objects.exclude(status=Candidate.Status.NEW)
            .filter(decided_at__isnull=False)
            .select_related("consultation")
            .order_by("-decided_at")[:15],
            viewset=self.viewset,
        )
        return context


class RunNowView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    def post(self, request):
        for status in watch.run_all():
            if status.state in health.BAD_STATES:
                messages.error(
                    request,
                    f"{conf.label(status.name)}: {status.get_state_display()}. {status.last_error}",
                )
            elif status.state == status.State.OK:
                messages.success(
                    request, f"{conf.label(status.name)}: {status.items_new} nye høringer."
                )
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class CandidateFormView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "sources/candidate_form.html"
    action_label = ""

    def dispatch(self, request, pk, *args, **kwargs):
        self.candidate = get_object_or_404(Candidate, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.page_title}: {self.candidate.title}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            candidate=self.candidate,
            action_label=self.action_label,
            cancel_url=reverse(self.viewset.get_url_name("index")),
            **kwargs,
        )

    def success(self, message):
        messages.success(self.request, message)
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class AcceptView(CandidateFormView):
    form_class = AcceptForm
    page_title = "Ta inn høringen"
    action_label = "Ta inn som høring"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "candidate": self.candidate}

    def form_valid(self, form):
        try:
            consultation = radar.accept(
                self.candidate,
                user=self.request.user,
                authority=form.cleaned_data["authority"],
                new_authority_kind=form.cleaned_data["new_authority_kind"] or None,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"«{consultation.title}» er registrert som høring med frist og lenke.",
            buttons=[
                messages.button(
                    snippet_url(consultation, "edit"),
                    "Åpne høringen",
                )
            ],
        )
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class DismissView(CandidateFormView):
    form_class = DismissForm
    page_title = "Avvis høringen"
    action_label = "Avvis"

    def form_valid(self, form):
        try:
            radar.dismiss(self.candidate, form.cleaned_data["reason"], user=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        return self.success(f"«{self.candidate.title}» er avvist og kommer ikke tilbake.")


class SnoozeView(CandidateFormView):
    form_class = SnoozeForm
    page_title = "Utsett høringen"
    action_label = "Utsett"

    def form_valid(self, form):
        try:
            radar.snooze(self.candidate, form.cleaned_data["until"], user=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        return self.success(f"«{self.candidate.title}» er utsatt.")


class RadarViewSet(ViewSet):
    name = "sources_radar"
    url_prefix = "kilder/nye-horinger"
    icon = "view"
    menu_label = "Nye høringer"
    permission = permissions.USE_RADAR

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.icon,
            order=order or 100,
            permission=self.permission,
        )

    def get_urlpatterns(self):
        kw = {"viewset": self}
        return [
            path("", RadarIndexView.as_view(**kw), name="index"),
            path("hent/", RunNowView.as_view(**kw), name="run"),
            path("<int:pk>/ta-inn/", AcceptView.as_view(**kw), name="accept"),
            path("<int:pk>/avvis/", DismissView.as_view(**kw), name="dismiss"),
            path("<int:pk>/utsett/", SnoozeView.as_view(**kw), name="snooze"),
        ]


# --- Stortinget cases ------------------------------------------------------------------------


class CaseIndexView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission = permissions.LINK_CASES
    template_name = "sources/case_index.html"
    page_title = "Stortingssaker"
    form_class = CaseLinkForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            links=CaseLink.objects.select_related("consultation", "proposal").prefetch_related(
                "steps"
            ),
            viewset=self.viewset,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            case_id = followup.parse_case_id(form.cleaned_data["case"])
        except ValidationError as error:
            form.add_error("case", error)
            return self.form_invalid(form)
        link, created = CaseLink.objects.get_or_create(
            case_id=case_id,
            consultation=form.cleaned_data["consultation"],
            proposal=form.cleaned_data["proposal"],
            defaults={"created_by": self.request.user},
        )
        try:
            count = followup.check_link(link, user=self.request.user)
        except followup.CaseNotFound as error:
            # Stortinget has no such case: a typo, not a link to keep.
            if created:
                link.delete()
            form.add_error("case", str(error))
            return self.form_invalid(form)
        except SourceError as error:
            messages.warning(self.request, f"Saken er koblet, men kunne ikke leses nå: {error}")
        else:
            messages.success(
                self.request,
                f"Sak {case_id} er koblet. {count} utkast til hendelser venter på bekreftelse.",
            )
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class CheckCasesView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.LINK_CASES

    def post(self, request):
        count = followup.check_case_links()
        messages.success(request, f"Sakene er sjekket. {count} nye utkast til hendelser.")
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class CaseLinkViewSet(RadarViewSet):
    name = "sources_cases"
    url_prefix = "kilder/stortingssaker"
    icon = "list-ul"
    menu_label = "Stortingssaker"
    permission = permissions.LINK_CASES

    def get_urlpatterns(self):
        kw = {"viewset": self}
        return [
            path("", CaseIndexView.as_view(**kw), name="index"),
            path("sjekk/", CheckCasesView.as_view(**kw), name="check"),
        ]


# --- the evidence finder ------------------------------------------------------------------


class EvidenceIndexView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission = permissions.READ_DOCUMENTS
    template_name = "sources/evidence_index.html"
    page_title = "Finn svar i dokumenter"
    form_class = EvidenceForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            documents=EvidenceDocument.objects.select_related("consultation")[:50],
            viewset=self.viewset,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            document = evidence.find_evidence(
                form.cleaned_data["consultation"],
                url=form.cleaned_data["url"] or "",
                upload=form.cleaned_data["file"],
                user=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        count = document.passages.count()
        messages.success(self.request, f"Dokumentet er lest: {count} avsnitt funnet.")
        return HttpResponseRedirect(
            reverse(self.viewset.get_url_name("document"), args=[document.pk])
        )


class EvidenceDocumentView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.READ_DOCUMENTS
    template_name = "sources/evidence_document.html"

    def dispatch(self, request, pk, *args, **kwargs):
        self.document = get_object_or_404(
            EvidenceDocument.objects.select_related("consultation"), pk=pk
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.document)

    def get_context_data(self, **kwargs):
        passages = list(
            self.document.passages.select_related("proposal").order_by(
                "-lpp_named", "-closeness", "position"
            )
        )
        rows = [
            (
                p,
                AcceptPassageForm(passage=p, prefix=f"p{p.pk}")
                if p.status == p.Status.NEW
                else None,
            )
            for p in passages
        ]
        return super().get_context_data(
            document=self.document, rows=rows, viewset=self.viewset, **kwargs
        )


class PassageActionView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.ADD_EVENT

    def post(self, request, pk, action):
        if action not in ("ta-inn", "avvis"):
            raise Http404
        passage = get_object_or_404(EvidencePassage.objects.select_related("document"), pk=pk)
        back = reverse(self.viewset.get_url_name("document"), args=[passage.document_id])
        try:
            if action == "avvis":
                evidence.dismiss_passage(passage)
                messages.success(request, "Avsnittet er avvist.")
            else:
                form = AcceptPassageForm(request.POST, passage=passage, prefix=f"p{passage.pk}")
                if not form.is_valid():
                    for errors in form.errors.values():
                        for message in errors:
                            messages.error(request, message)
                    return HttpResponseRedirect(back)
                evidence.accept_passage(
                    passage,
                    proposal=form.cleaned_data["proposal"],
                    kind=form.cleaned_data["kind"],
                    user=request.user,
                )
                messages.success(
                    request,
                    "Et utkast til hendelse er laget. Bekreft det under «Foreslåtte hendelser».",
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return HttpResponseRedirect(back)


class EvidenceViewSet(RadarViewSet):
    name = "sources_evidence"
    url_prefix = "kilder/dokumenter"
    icon = "doc-full"
    menu_label = "Finn svar i dokumenter"
    permission = permissions.READ_DOCUMENTS

    def get_urlpatterns(self):
        kw = {"viewset": self}
        return [
            path("", EvidenceIndexView.as_view(**kw), name="index"),
            path("<int:pk>/", EvidenceDocumentView.as_view(**kw), name="document"),
            path(
                "avsnitt/<int:pk>/<str:action>/",
                PassageActionView.as_view(**kw),
                name="passage",
            ),
        ]


# --- proposed outcome events ------------------------------------------------------------


class ProposedEventsView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.ADD_EVENT
    template_name = "sources/proposed_events.html"
    page_title = "Foreslåtte hendelser"

    def get_context_data(self, **kwargs):
        events = (
            OutcomeEvent.objects.filter(
                source_origin__isnull=False, published_at__isnull=True, superseded_at__isnull=True
            )
            .select_related("proposal", "source_origin")
            .order_by("-recorded_at", "pk")
        )
        return super().get_context_data(
            events=events,
            can_publish=self.request.user.has_perm(permissions.PUBLISH_EVENT),
            viewset=self.viewset,
            **kwargs,
        )


class ProposedEventActionView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.ADD_EVENT

    def post(self, request, pk, action):
        # Only the two buttons' actions: any other address must not discard a draft.
        if action not in ("bekreft", "forkast"):
            raise Http404
        event = get_object_or_404(OutcomeEvent, pk=pk, source_origin__isnull=False)
        if action == "bekreft":
            if not request.user.has_perm(permissions.PUBLISH_EVENT):
                raise PermissionDenied
            if publish_events(OutcomeEvent.objects.filter(pk=event.pk), request.user):
                messages.success(request, "Hendelsen er bekreftet og publisert.")
            else:
                messages.error(request, "Hendelsen var allerede publisert eller forkastet.")
        elif discard_draft(event):
            messages.success(request, "Utkastet er forkastet. Det blir ikke foreslått igjen.")
        else:
            messages.error(request, "Bare et utkast som aldri er publisert kan forkastes.")
        return HttpResponseRedirect(reverse(self.viewset.get_url_name("index")))


class ProposedEventsViewSet(RadarViewSet):
    name = "sources_events"
    url_prefix = "kilder/foreslatte-hendelser"
    icon = "pick"
    menu_label = "Foreslåtte hendelser"
    permission = permissions.ADD_EVENT

    def get_urlpatterns(self):
        kw = {"viewset": self}
        return [
            path("", ProposedEventsView.as_view(**kw), name="index"),
            path("<int:pk>/<str:action>/", ProposedEventActionView.as_view(**kw), name="action"),
        ]


# --- health and signal words ---------------------------------------------------------------


class HealthView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = permissions.VIEW_HEALTH
    template_name = "sources/health.html"
    page_title = "Kildehelse"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sources=health.rows(), now=timezone.now(), **kwargs)


class HealthViewSet(RadarViewSet):
    name = "sources_health"
    url_prefix = "kilder/helse"
    icon = "warning"
    menu_label = "Kildehelse"
    permission = permissions.VIEW_HEALTH

    def get_urlpatterns(self):
        return [path("", HealthView.as_view(viewset=self), name="index")]


class ThemeSignalViewSet(ModelViewSet):
    model = ThemeSignal
    name = "sources_signals"
    url_prefix = "kilder/signalord"
    icon = "tag"
    menu_label = "Signalord for temaer"
    form_fields = ["theme", "phrase", "weight"]
    list_display = ["phrase", "theme", "weight"]
    list_filter = ["theme"]
    search_fields = ["phrase"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False


class SourcesViewSetGroup(ViewSetGroup):
    menu_label = "Kildeovervåking"
    menu_icon = "view"
    menu_name = "kilder"
    menu_order = 160
    items = (
        RadarViewSet,
        ProposedEventsViewSet,
        CaseLinkViewSet,
        EvidenceViewSet,
        HealthViewSet,
        ThemeSignalViewSet,
    )
