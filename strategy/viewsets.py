"""The strategy admin: plans, focus areas, measures, indicators, half-year reviews, local
chapters and member surveys as snippets under one «Strategi» menu. The extra views (start
a period, the review screen, reports, Word) are part of their viewsets' URLs."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    ButtonsColumnMixin,
    Column,
    TitleColumn,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views
from .models import (
    LOCKED_MESSAGE,
    FocusArea,
    Indicator,
    LocalChapter,
    Measure,
    Plan,
    Review,
    Survey,
)


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "doc-full"
    menu_label = "Handlingsplaner"
    menu_name = "strategy_plans"
    list_display = ["title", Column("period", label="Periode")]
    copy_view_enabled = False


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "folder-open-inverse"
    menu_label = "Innsatsområder"
    menu_name = "strategy_focus_areas"
    list_display = ["title", Column("number", label="Nr."), Column("plan", label="Plan")]
    list_filter = ["plan"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return FocusArea.objects.select_related("plan")


class FirstActionIndexView(IndexView):
    """A list whose rows lead with one action: ``first_action`` = (label, URL name, icon),
    given by the viewset (FirstActionViewSet)."""

    first_action = None

    @cached_property
    def columns(self):
        columns = list(super().columns)
        if not any(isinstance(column, ButtonsColumnMixin) for column in columns):
            # Wagtail takes a Column spelled out first in list_display as it is, without
            # the row's buttons: the list would have no actions at all.
            at = next(
                i for i, c in enumerate(columns) if not isinstance(c, BulkActionsCheckboxColumn)
            )
            first = columns[at]
            columns[at] = self._get_title_column_class(TitleColumn)(
                first.name,
                label=first.label,
                accessor=first.accessor,
                get_url=lambda instance: (
                    self.get_edit_url(instance) or self.get_inspect_url(instance)
                ),
            )
        return columns

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        label, url_name, icon = self.first_action
        action = Button(
            label, url=reverse(url_name, args=[instance.pk]), icon_name=icon, priority=1
        )
        return [action, *buttons]


class FirstActionViewSet(SnippetViewSet):
    """A snippet viewset whose list rows lead with one of its own views: ``first_action`` =
    (label, view name in this viewset, icon)."""

    index_view_class = FirstActionIndexView
    first_action = None

    def get_index_view_kwargs(self, **kwargs):
        label, view_name, icon = self.first_action
        return super().get_index_view_kwargs(
            first_action=(label, self.get_url_name(view_name), icon), **kwargs
        )


class MeasureViewSet(FirstActionViewSet):
    model = Measure
    icon = "tasks"
    menu_label = "Tiltak"
    menu_name = "strategy_measures"
    first_action = ("Tidslinje", "inspect", "history")
    inspect_view_enabled = True
    inspect_view_class = admin_views.MeasureTimelineView
    copy_view_enabled = False
    list_per_page = 100
    list_display = [
        "title",
        Column("focus_area", label="Innsatsområde"),
        Column("timeframe", label="Tidsramme"),
        Column("responsible_display", label="Ansvarlig"),
        Column("retired_at", label="Utgått"),
    ]
    list_filter = {
        "focus_area__plan": ["exact"],
        "focus_area": ["exact"],
        "by_chapters": ["exact"],
    }
    list_export = [
        "pk",
        "focus_area",
        "area",
        "title",
        "description",
        "timeframe",
        "responsible_display",
        "retired_at",
    ]
    export_headings = {
        "pk": "ID",
        "focus_area": "Innsatsområde",
        "area": "Område",
        "title": "Tiltak",
        "description": "Beskrivelse",
        "timeframe": "Tidsramme",
        "responsible_display": "Ansvarlig",
        "retired_at": "Utgått",
    }
    export_filename = "tiltak"
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        return Measure.objects.select_related("focus_area__plan")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("retire/<int:pk>/", admin_views.RetireMeasureView.as_view(), name="retire"),
        ]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "order"
    menu_label = "Indikatorer"
    menu_name = "strategy_indicators"
    list_display = [
        "title",
        Column("target", label="Mål"),
        Column("unit", label="Enhet"),
        Column("deadline", label="Innen"),
    ]
    copy_view_enabled = False


class ReviewIndexView(FirstActionIndexView):
    add_item_label = "Start ny periode"
    report_url_name = None
    midterm_url_name = None

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons += [
            Button("Strategirapport", url=reverse(self.report_url_name), icon_name="doc-full"),
            Button("Midtveisevaluering", url=reverse(self.midterm_url_name), icon_name="table"),
        ]
        return buttons


class ApprovedReviewLockMixin:
    """Wagtail's object views check the model permission only; an approved review is
    locked per instance, for administrators too. ``read_only_get``: the view may still
    show (GET) an approved review, it only refuses to act on it."""

    read_only_get = False

    def dispatch(self, request, *args, **kwargs):
        review = self.object
        reading = self.read_only_get and request.method in ("GET", "HEAD")
        if review.approved_at is not None and not reading:
            messages.error(request, LOCKED_MESSAGE.format(period=review.period_label))
            return redirect(admin_views.review_url("assess", review.pk))
        return super().dispatch(request, *args, **kwargs)


def _locked(view_class, *, read_only_get=False):
    return type(
        f"Approved{view_class.__name__}",
        (ApprovedReviewLockMixin, view_class),
        {"read_only_get": read_only_get},
    )


class ReviewViewSet(FirstActionViewSet):
    model = Review
    icon = "list-ol"
    menu_label = "Halvårsgjennomganger"
    menu_name = "strategy_reviews"
    index_view_class = ReviewIndexView
    first_action = ("Vurder tiltak", "assess", "tasks")
    copy_view_enabled = False
    # Every path that changes a review (the editor and its revert, delete, unpublish,
    # unschedule, lock, unlock) refuses an approved one.
    edit_view_class = _locked(snippet_views.EditView, read_only_get=True)
    delete_view_class = _locked(snippet_views.DeleteView)
    unpublish_view_class = _locked(snippet_views.UnpublishView)
    revisions_unschedule_view_class = _locked(snippet_views.RevisionsUnscheduleView)
    lock_view_class = _locked(snippet_views.LockView)
    unlock_view_class = _locked(snippet_views.UnlockView)
    list_display = [
        Column("period_label", label="Periode", accessor="period_label"),
        Column("plan", label="Plan"),
        Column("approved_at", label="Godkjent"),
    ]
    list_filter = ["plan"]

    def get_queryset(self, request):
        return Review.objects.select_related("plan")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            report_url_name=self.get_url_name("report"),
            midterm_url_name=self.get_url_name("midterm"),
            **kwargs,
        )

    def report_view(self, view_class, name, **kwargs):
        """A report view (ReportView) whose list and results URLs are this viewset's."""
        # as_view, not construct_view: the snippet's common kwargs (model, icon) are not
        # the report's.
        return view_class.as_view(
            index_url_name=self.get_url_name(name),
            index_results_url_name=self.get_url_name(f"{name}_results"),
            **kwargs,
        )

    def get_urlpatterns(self):
        patterns = [p for p in super().get_urlpatterns() if p.name != "add"]
        return patterns + [
            # New reviews are started pre-filled from the previous period, never empty.
            path("add/", admin_views.StartReviewView.as_view(), name="add"),
            path("<int:pk>/vurder/", admin_views.AssessView.as_view(), name="assess"),
            path(
                "rapport/", self.report_view(admin_views.BoardReportView, "report"), name="report"
            ),
            path(
                "rapport/resultater/",
                self.report_view(admin_views.BoardReportView, "report", results_only=True),
                name="report_results",
            ),
            path("<int:pk>/rapport/word/", admin_views.board_report_word, name="report_word"),
            path(
                "midtveis/",
                self.report_view(admin_views.MidtermReportView, "midterm"),
                name="midterm",
            ),
            path(
                "midtveis/resultater/",
                self.report_view(admin_views.MidtermReportView, "midterm", results_only=True),
                name="midterm_results",
            ),
            path("midtveis/<int:plan_pk>/word/", admin_views.midterm_word, name="midterm_word"),
        ]


class LocalChapterViewSet(SnippetViewSet):
    model = LocalChapter
    icon = "group"
    menu_label = "Lokallag"
    menu_name = "strategy_chapters"
    copy_view_enabled = False
    list_display = [
        "name",
        Column("active", label="Lenken er aktiv"),
        Column("link", label="Lenke til rapportering", accessor="report_path"),
    ]


class SurveyViewSet(FirstActionViewSet):
    model = Survey
    icon = "form"
    menu_label = "Medlemsundersøkelser"
    menu_name = "strategy_surveys"
    first_action = ("Se svarene", "results", "view")
    copy_view_enabled = False
    list_display = ["title", Column("review", label="Periode"), Column("is_open", label="Åpen")]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/svar/", admin_views.SurveyResultsView.as_view(), name="results"),
        ]


class StrategyViewSetGroup(ViewSetGroup):
    menu_label = "Strategi"
    menu_icon = "list-ol"
    menu_name = "strategy"
    items = (
        ReviewViewSet,
        PlanViewSet,
        FocusAreaViewSet,
        MeasureViewSet,
        IndicatorViewSet,
        LocalChapterViewSet,
        SurveyViewSet,
    )
