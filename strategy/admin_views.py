"""The follow-up's own admin views, served by the viewsets in viewsets.py: start a period
(pre-filled), the review screen where measures are assessed, a measure's timeline and
retirement, the board report and the midterm grid (with spreadsheet and Word export), and
the survey's results."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.views.snippets import InspectView

from base.admin_urls import snippet_url
from wordexport.views import docx_response

from . import followup
from .docx import write_board_report, write_midterm
from .forms import RetireForm, StartReviewForm, StatusFormSet
from .models import LOCKED_MESSAGE, Measure, Plan, Review, Survey
from .report import STATUS_LABELS, board_report, export_row, survey_summary

VIEW_REVIEW = "strategy.view_review"
CHANGE_REVIEW = "strategy.change_review"
ADD_REVIEW = "strategy.add_review"
APPROVE_REVIEW = "strategy.publish_review"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def review_url(name, *args):
    return snippet_url(Review, name, *args)


class StartReviewView(WagtailAdminTemplateMixin, FormView):
    """«Start ny periode»: a new review pre-filled from the previous one."""

    form_class = StartReviewForm
    template_name = "strategy/admin/start_review.html"
    page_title = "Start ny halvårsgjennomgang"
    header_icon = "list-ol"

    def dispatch(self, request, *args, **kwargs):
        _require(request, ADD_REVIEW)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        today = timezone.localdate()
        plan = Plan.objects.filter(start_year__lte=today.year, end_year__gte=today.year).first()
        return {"plan": plan, "year": today.year, "half": 1 if today.month <= 6 else 2}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            review = followup.start_review(
                data["plan"], data["year"], data["half"], user=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        previous = review.previous()
        if previous:
            messages.success(
                self.request,
                f"Gjennomgangen for {review.period_label} er startet, fylt ut fra "
                f"{previous.period_label}.",
            )
        else:
            messages.success(self.request, f"Gjennomgangen for {review.period_label} er startet.")
        return redirect(review_url("assess", review.pk))


class AssessView(WagtailAdminTemplateMixin, TemplateView):
    """The review screen: every measure with its time frame, previous status, the figures
    the product measures itself and the chapters' reports, beside the status and
    assessment the secretariat writes and the board approves."""

    template_name = "strategy/admin/assess.html"
    header_icon = "list-ol"

    def dispatch(self, request, pk):
        _require(request, VIEW_REVIEW)
        self.review = get_object_or_404(Review.objects.select_related("plan"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return f"Halvårsgjennomgang {self.review.period_label}"

    def get_page_subtitle(self):
        return self.review.plan.title

    @cached_property
    def can_approve(self):
        return self.request.user.has_perm(APPROVE_REVIEW)

    def refusal(self):
        """Why this user may not change the review now, or None."""
        review = self.review
        if review.approved_at is not None:
            return LOCKED_MESSAGE.format(period=review.period_label)
        if not self.request.user.has_perm(CHANGE_REVIEW):
            return "Du har ikke tilgang til å endre halvårsgjennomgangen."
        if review.workflow_in_progress and not self.can_approve:
            return (
                "Gjennomgangen ligger hos landsstyret til godkjenning. Den kan endres igjen "
                "hvis landsstyret ber om endringer."
            )
        return None

    def formset(self, data=None):
        queryset = self.review.statuses.select_related("measure__focus_area").order_by(
            "measure__focus_area__number", "measure__sort_order", "measure_id"
        )
        return StatusFormSet(data, queryset=queryset, can_mark_public=self.can_approve)

    def get_context_data(self, formset=None, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = followup.review_rows(self.review)
        formset = formset or self.formset()
        forms = {form.instance.pk: form for form in formset.forms}
        refusal = self.refusal()
        context.update(
            review=self.review,
            rows=[(row, forms.get(row.status.pk)) for row in rows],
            formset=formset,
            refusal=refusal,
            editable=refusal is None,
            edit_url=review_url("edit", self.review.pk),
            report_url=review_url("report") + f"?review={self.review.pk}",
            status_labels=STATUS_LABELS,
        )
        return context

    def post(self, request, pk):
        refusal = self.refusal()
        if refusal:
            messages.error(request, refusal)
            return redirect(review_url("assess", self.review.pk))
        formset = self.formset(request.POST)
        if not formset.is_valid():
            messages.error(request, "Vurderingene ble ikke lagret. Rett feilene som er merket.")
            return self.render_to_response(self.get_context_data(formset=formset))
        now = timezone.now()
        try:
            with transaction.atomic():
                changed = 0
                for form in formset.forms:
                    if form.has_changed():
                        status = form.save(commit=False)
                        status.assessed_by = request.user
                        status.assessed_at = now
                        status.save()
                        changed += 1
                if changed:
                    self.review.save_revision(user=request.user, log_action=True)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(review_url("assess", self.review.pk))
        messages.success(request, f"Lagret: {changed} tiltak vurdert.")
        return redirect(review_url("assess", self.review.pk))


class MeasureTimelineView(InspectView):
    """A measure: its wording, its time frame and its status in every period."""

    template_name = "strategy/admin/measure_timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measure = self.object
        context.update(
            measure=measure,
            history=followup.history(measure),
            wordings=measure.revisions.order_by("-created_at").select_related("user")[:20],
            status_labels=STATUS_LABELS,
            retire_url=snippet_url(measure, "retire"),
            can_retire=self.request.user.has_perm("strategy.change_measure")
            and not measure.is_retired,
        )
        return context


class RetireMeasureView(WagtailAdminTemplateMixin, FormView):
    form_class = RetireForm
    template_name = "strategy/admin/retire_measure.html"
    page_title = "La tiltaket utgå"
    header_icon = "list-ol"

    def dispatch(self, request, pk):
        _require(request, "strategy.change_measure")
        self.measure = get_object_or_404(Measure, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "measure": self.measure}

    def form_valid(self, form):
        if self.measure.is_retired:
            messages.error(self.request, "Tiltaket har allerede utgått.")
        else:
            self.measure.retire(form.cleaned_data["reason"])
            messages.success(
                self.request,
                "Tiltaket er tatt ut av senere gjennomganger. Historikken er tatt vare på.",
            )
        return redirect(snippet_url(self.measure, "inspect"))


# --- reports ------------------------------------------------------------------------------


class ReviewChoiceFilterSet(WagtailFilterSet):
    review = django_filters.ModelChoiceFilter(
        label="Periode",
        queryset=Review.objects.select_related("plan").order_by("-year", "-half", "plan"),
        method="keep",
        empty_label=None,
    )

    class Meta:
        model = Review
        fields = []

    def keep(self, queryset, name, value):
        return queryset


EXPORT_HEADINGS = {
    "focus_area": "Innsatsområde",
    "area": "Område",
    "measure": "Tiltak",
    "timeframe": "Tidsramme",
    "responsible": "Ansvarlig",
    "status": "Status",
    "previous": "Forrige periode",
    "overdue": "Over tidsrammen",
    "changed": "Endret",
    "assessment": "Vurdering",
    "next_step": "Neste steg",
    "evidence": "Dokumentasjon",
    "figures": "Tall fra systemet",
    "assessed_by": "Vurdert av",
    "public": "Vises offentlig",
}


class StrategyReportMixin:
    header_icon = "list-ol"
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        _require(request, VIEW_REVIEW)
        return super().dispatch(request, *args, **kwargs)


class BoardReportView(StrategyReportMixin, ReportView):
    """One board report per half-year: progress per focus area, indicators against their
    targets, the advocacy figures and the survey, then every measure (the rows, which the
    spreadsheet export writes)."""

    page_title = "Strategirapport til landsstyret"
    results_template_name = "strategy/admin/board_report_results.html"
    filterset_class = ReviewChoiceFilterSet
    export_filename = "strategirapport"
    list_export = list(EXPORT_HEADINGS)
    export_headings = EXPORT_HEADINGS
    columns = [
        Column("focus_area", label="Innsatsområde"),
        Column("measure", label="Tiltak"),
        Column("timeframe", label="Tidsramme"),
        Column("status", label="Status"),
        Column("previous", label="Forrige periode"),
        Column("overdue", label="Over tidsrammen"),
    ]

    @cached_property
    def review(self):
        chosen = None
        if self.filters is not None and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("review")
        if chosen is None:
            chosen = Review.objects.select_related("plan").order_by("-year", "-half", "-pk").first()
        return chosen

    @cached_property
    def data(self):
        return board_report(self.review) if self.review else None

    def get_queryset(self):
        return Review.objects.none()

    def get_filtered_queryset(self):
        if self.data is None:
            return []
        return [export_row(row) for row in self.data["rows"]]

    def get_filename(self):
        review = self.review
        return (
            f"{self.export_filename}-{review.year}-{review.half}" if review else "strategirapport"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.data
        if self.review:
            context["word_url"] = review_url("report_word", self.review.pk)
            context["assess_url"] = review_url("assess", self.review.pk)
        return context


@require_safe
def board_report_word(request, pk):
    _require(request, VIEW_REVIEW)
    review = get_object_or_404(Review.objects.select_related("plan"), pk=pk)
    data = write_board_report(board_report(review), organisation=_organisation(request))
    return docx_response(data, f"strategirapport-{review.year}-{review.half}.docx", private=True)


class PlanChoiceFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label="Handlingsplan", queryset=Plan.objects.all(), method="keep", empty_label=None
    )

    class Meta:
        model = Plan
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class MidtermReportView(StrategyReportMixin, ReportView):
    """The midterm evaluation (2030): every measure across all periods, a status grid."""

    page_title = "Midtveisevaluering: status over tid"
    results_template_name = "strategy/admin/midterm_results.html"
    filterset_class = PlanChoiceFilterSet
    export_filename = "midtveisevaluering"

    @cached_property
    def plan(self):
        if self.filters is not None and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("plan")
            if chosen:
                return chosen
        return Plan.objects.order_by("-start_year").first()

    @cached_property
    def grid(self):
        if self.plan is None:
            return [], []
        return followup.midterm_grid(self.plan)

    @cached_property
    def list_export(self):
        reviews, _rows = self.grid
        return ["focus_area", "measure", "timeframe", "retired"] + [f"p{r.pk}" for r in reviews]

    @cached_property
    def export_headings(self):
        reviews, _rows = self.grid
        return {
            "focus_area": "Innsatsområde",
            "measure": "Tiltak",
            "timeframe": "Tidsramme",
            "retired": "Utgått",
            **{f"p{r.pk}": r.period_label for r in reviews},
        }

    @cached_property
    def columns(self):
        return [Column(key, label=label) for key, label in self.export_headings.items()]

    def get_queryset(self):
        return Plan.objects.none()

    def get_filtered_queryset(self):
        reviews, rows = self.grid
        result = []
        for measure, cells in rows:
            row = {
                "focus_area": str(measure.focus_area),
                "measure": measure.title,
                "timeframe": measure.timeframe,
                "retired": "Ja" if measure.retired_at else "",
            }
            for review, cell in zip(reviews, cells, strict=True):
                row[f"p{review.pk}"] = STATUS_LABELS.get(cell.status, "") if cell else "–"
            result.append(row)
        return result

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reviews, rows = self.grid
        context.update(plan=self.plan, grid_reviews=reviews, grid_rows=rows)
        if self.plan:
            context["word_url"] = review_url("midterm_word", self.plan.pk)
        return context


@require_safe
def midterm_word(request, plan_pk):
    _require(request, VIEW_REVIEW)
    plan = get_object_or_404(Plan, pk=plan_pk)
    reviews, rows = followup.midterm_grid(plan)
    data = write_midterm(plan, reviews, rows, organisation=_organisation(request))
    return docx_response(data, f"midtveisevaluering-{plan.start_year}.docx", private=True)


def _organisation(request):
    from home.models import OrganisationSettings

    return OrganisationSettings.for_request(request).name


class SurveyResultsView(WagtailAdminTemplateMixin, TemplateView):
    """The board's view of a member survey: averages and the anonymous texts."""

    template_name = "strategy/admin/survey_results.html"
    page_title = "Svar på medlemsundersøkelsen"
    header_icon = "list-ol"

    def dispatch(self, request, pk):
        _require(request, "strategy.view_survey")
        self.survey = get_object_or_404(Survey.objects.select_related("review__plan"), pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = survey_summary(self.survey.review)
        context["public_url"] = self.request.build_absolute_uri(
            reverse("strategy:survey", args=[self.survey.token])
        )
        return context
