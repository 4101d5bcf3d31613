"""The filters of the admin's proposal list («Forslag og utfall»)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Page

from base.admin_lists import YesNoSelect

from ..models import Authority, OutcomeEvent, OutcomeKind, Proposal, Theme
from ..models.outcomes import NO_STATUS_LABEL
from . import Freshness

NO_STATUS = "none"


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
        choices=[(NO_STATUS, NO_STATUS_LABEL), *OutcomeKind.choices],
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
