"""Staff reports on outcomes (Wagtail ReportView, with spreadsheet export): proposals by
status and authority, stale proposals, adoption rate by year/authority/theme, and the
board's half-year report. Every figure is aggregated in SQL."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from base.admin_lists import DayColumn
from base.admin_urls import snippet_url

from ..models import PUBLIC_EVENT_DETAILS, Authority, OutcomeEvent, OutcomeKind, Proposal, Theme
from ..models.outcomes import NO_STATUS_LABEL, status_label
from ..permissions import VIEW_PROPOSAL
from . import Freshness, today, with_freshness
from .accountability import figures_by_authority, figures_by_theme, figures_by_year
from .filters import year_choices
from .queries import HalfYear, HalfYearFilterSet

STATUS_COLUMNS = [("none", NO_STATUS_LABEL, "")] + [
    (value, label, value) for value, label in OutcomeKind.choices
]


class OutcomeReportView(ReportView):
    header_icon = "pick"
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PROPOSAL):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{today().isoformat()}"


class ProposalReportFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(
        label="År sendt inn", method="filter_year", choices=year_choices, empty_label="Alle"
    )
    theme = django_filters.ModelChoiceFilter(
        label="Tema", field_name="themes", queryset=Theme.objects.all(), empty_label="Alle"
    )
    kind = django_filters.ChoiceFilter(
        label="Type", choices=Proposal.Kind.choices, empty_label="Alle"
    )

    class Meta:
        model = Proposal
        fields = []

    def filter_year(self, queryset, name, value):
        return queryset.filter(submitted_on__year=int(value))


# --- 1. proposals by status and authority ------------------------------------------------


class StatusByAuthorityReport(OutcomeReportView):
    page_title = "Forslag etter status og myndighet"
    index_url_name = "advocacy_reports:status_by_authority"
    index_results_url_name = "advocacy_reports:status_by_authority_results"
    filterset_class = ProposalReportFilterSet
    export_filename = "forslag-etter-status-og-myndighet"
    list_export = ["authority", *[key for key, _label, _value in STATUS_COLUMNS], "total"]
    export_headings = {
        "authority": "Myndighet",
        "total": "Totalt",
        **{key: label for key, label, _value in STATUS_COLUMNS},
    }
    columns = [
        Column("authority", label="Myndighet"),
        *[Column(key, label=label) for key, label, _value in STATUS_COLUMNS],
        Column("total", label="Totalt"),
    ]

    def get_queryset(self):
        return Proposal.objects.submitted()

    def get_filtered_queryset(self):
        proposals = self.filter_queryset(self.get_queryset())
        rows = (
            proposals.values("target_authority__name")
            .order_by("target_authority__name")
            .annotate(
                total=Count("pk"),
                **{
                    key: Count("pk", filter=Q(outcome_status=value))
                    for key, _label, value in STATUS_COLUMNS
                },
            )
        )
        return [
            {**row, "authority": row["target_authority__name"] or "Ikke angitt"} for row in rows
        ]


# --- 2. stale proposals ----------------------------------------------------------------


class StaleFilterSet(ProposalReportFilterSet):
    authority = django_filters.ModelChoiceFilter(
        label="Myndighet",
        field_name="target_authority",
        queryset=Authority.objects.all(),
        empty_label="Alle",
    )


class StaleProposalsReport(OutcomeReportView):
    page_title = "Forslag uten nytt"
    index_url_name = "advocacy_reports:stale"
    index_results_url_name = "advocacy_reports:stale_results"
    filterset_class = StaleFilterSet
    export_filename = "forslag-uten-nytt"
    list_export = [
        "text",
        "document_title",
        "target_authority",
        "submitted_on",
        "outcome_status",
        "outcome_last_event_on",
    ]
    export_headings = {
        "text": "Forslag",
        "document_title": "Dokument",
        "target_authority": "Rettet mot",
        "submitted_on": "Sendt inn",
        "outcome_status": "Status",
        "outcome_last_event_on": "Siste hendelse",
    }
    custom_field_preprocess = {"outcome_status": {"csv": status_label, "xlsx": status_label}}

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "text",
                label="Forslag",
                get_url=lambda p: snippet_url(p, "inspect"),
            ),
            Column("document_title", label="Dokument"),
            Column("target_authority", label="Rettet mot"),
            Column("outcome_status", label="Status", accessor="get_outcome_status_display"),
            DayColumn("submitted_on", label="Sendt inn"),
            DayColumn("outcome_last_event_on", label="Siste hendelse"),
        ]

    def get_queryset(self):
        return (
            with_freshness(Proposal.objects.submitted().select_related("target_authority"))
            .filter(freshness=Freshness.STALE)
            .order_by("outcome_last_event_on", "submitted_on", "pk")
        )


# --- 3. adoption rate -------------------------------------------------------------------


class AdoptionFilterSet(ProposalReportFilterSet):
    group = django_filters.ChoiceFilter(
        label="Grupper etter",
        method="keep",
        empty_label=None,
        choices=[("year", "År"), ("authority", "Myndighet"), ("theme", "Tema")],
    )

    def keep(self, queryset, name, value):
        return queryset


class AdoptionRateReport(OutcomeReportView):
    page_title = "Gjennomslag"
    index_url_name = "advocacy_reports:adoption"
    index_results_url_name = "advocacy_reports:adoption_results"
    filterset_class = AdoptionFilterSet
    export_filename = "gjennomslag"
    list_export = [
        "label",
        "total",
        "decided",
        "adopted_total",
        "rejected",
        "not_addressed",
        "pending",
        "rate",
    ]
    export_headings = {
        "label": "Gruppe",
        "total": "Forslag",
        "decided": "Avgjort",
        "adopted_total": "Helt eller delvis tatt til følge",
        "rejected": "Ikke tatt til følge",
        "not_addressed": "Ikke omtalt",
        "pending": "Venter på svar",
        "rate": "Gjennomslag (% av avgjorte)",
    }
    columns = [Column(key, label=label) for key, label in export_headings.items()]
    GROUPS = {"year": figures_by_year, "authority": figures_by_authority, "theme": figures_by_theme}

    def get_queryset(self):
        return Proposal.objects.submitted()

    def get_filtered_queryset(self):
        proposals = self.filter_queryset(self.get_queryset())
        group = self.request.GET.get("group")
        return self.GROUPS.get(group, figures_by_year)(proposals)


# --- 4. the board's half-year report ------------------------------------------------------


class HalfYearReport(OutcomeReportView):
    """What LPP submitted in a period and what came of it, for the board's half-yearly
    status report. Published, current events only, without staff-only notes."""

    page_title = "Halvårsrapport til landsstyret"
    index_url_name = "advocacy_reports:half_year"
    index_results_url_name = "advocacy_reports:half_year_results"
    results_template_name = "advocacy/admin/half_year_results.html"
    filterset_class = HalfYearFilterSet
    export_filename = "halvarsrapport"
    # When, what, which proposal, then the rest of what the public may see of an event
    # (PUBLIC_EVENT_DETAILS): the board's report holds nothing staff-only.
    list_export = [
        "date",
        "kind",
        "proposal.text",
        "proposal.document_title",
        "proposal.target_authority",
        *(name for name in PUBLIC_EVENT_DETAILS if name not in ("date", "kind")),
    ]
    export_headings = {
        "date": "Dato",
        "kind": "Hva skjedde",
        "proposal.text": "Forslag",
        "proposal.document_title": "Dokument",
        "proposal.target_authority": "Rettet mot",
        "evidence_kind": "Kilde",
        "evidence_title": "Kildens tittel",
        "evidence_chapter": "Kapittel",
        "evidence_url": "Lenke",
        "lpp_named": "LPP nevnt",
        "public_note": "Merknad",
    }

    @cached_property
    def custom_field_preprocess(self):
        kinds = dict(OutcomeKind.choices)
        evidence = dict(OutcomeEvent._meta.get_field("evidence_kind").choices)
        yes_no = {True: "Ja", False: "Nei"}
        return {
            "kind": {"csv": kinds.get, "xlsx": kinds.get},
            "evidence_kind": {
                "csv": lambda v: evidence.get(v, ""),
                "xlsx": lambda v: evidence.get(v, ""),
            },
            "lpp_named": {"csv": yes_no.get, "xlsx": yes_no.get},
        }

    @cached_property
    def columns(self):
        return [
            DayColumn("date", label="Dato"),
            Column("kind", label="Hva skjedde", accessor="get_kind_display"),
            TitleColumn(
                "proposal",
                label="Forslag",
                accessor="proposal.text",
                get_url=lambda e: snippet_url(Proposal, "inspect", e.proposal_id),
            ),
            Column("document", label="Dokument", accessor="proposal.document_title"),
            Column("authority", label="Rettet mot", accessor="proposal.target_authority"),
            Column("evidence", label="Kilde", accessor="evidence_title"),
        ]

    @cached_property
    def half_year(self):
        """The period and authority the filters chose (advocacy.outcomes.queries)."""
        return HalfYear.chosen(self.filters)

    @property
    def period(self):
        return self.half_year.start, self.half_year.end

    def events_in_period(self):
        return self.half_year.events_in_period()

    def get_queryset(self):
        # Every authority's: the filters narrow it to the chosen one.
        return (
            self.events_in_period()
            .select_related("proposal__target_authority")
            .order_by("date", "pk")
        )

    def summary(self):
        return self.half_year.summary()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary()
        context["sections"] = self.sections()
        return context

    # -- what other apps add (consultations answered, declined, missed) -------------------

    def sections(self):
        """The sections registered apps add for the period (report_sections)."""
        return self.half_year.sections()

    def _section_rows(self, section, export_format):
        """A section as spreadsheet rows: a count per outcome, then its list."""
        rows = [[section.heading, ""]]
        rows += [[label, count] for label, count in section.counts]
        rows += [[], section.columns]
        rows += [list(row.cells) for row in section.rows] or [[section.empty]]
        return [
            [self.preprocess_field_value("section", cell, export_format) for cell in row]
            for row in rows
        ]

    def write_xlsx(self, queryset, output):
        # Each section on a sheet of its own beside the events (a CSV file holds one
        # table, the events, so the sections are in the XLSX workbook and the Word file).
        from openpyxl import load_workbook

        super().write_xlsx(queryset, output)
        sections = self.sections()
        if not sections:
            return
        output.seek(0)
        workbook = load_workbook(output)
        for section in sections:
            sheet = workbook.create_sheet(title=(section.sheet_title or section.key)[:31])
            for row in self._section_rows(section, self.FORMAT_XLSX):
                sheet.append(row)
        output.seek(0)
        output.truncate()
        workbook.save(output)


REPORTS = [
    ("status-og-myndighet/", "status_by_authority", StatusByAuthorityReport),
    ("uten-nytt/", "stale", StaleProposalsReport),
    ("gjennomslag/", "adoption", AdoptionRateReport),
    ("halvarsrapport/", "half_year", HalfYearReport),
]


def report_urlpatterns():
    patterns = []
    for route, name, view in REPORTS:
        patterns.append(path(route, view.as_view(), name=name))
        patterns.append(
            path(f"{route}resultater/", view.as_view(results_only=True), name=f"{name}_results")
        )
    return patterns
