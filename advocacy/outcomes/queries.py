"""The queries an outcome report shares with its Word file: the report view
(advocacy.outcomes.reports) and the Word export ask here, never each other.

The board's half-year report: :class:`HalfYear` is the period and authority the report's
filters chose (the last completed half-year by default), and answers what happened in it.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django.db.models import Count, Q
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from base.dates import long_date

from ..models import Authority, OutcomeEvent, OutcomeKind, Proposal
from . import ADOPTED, DECISIVE, adoption_rate, today
from .report_sections import half_year_sections


def previous_half_year(on=None):
    """The last completed half-year before ``on``: 1 January–30 June or 1 July–31 December."""
    on = on or today()
    if on.month <= 6:
        return datetime.date(on.year - 1, 7, 1), datetime.date(on.year - 1, 12, 31)
    return datetime.date(on.year, 1, 1), datetime.date(on.year, 6, 30)


class HalfYearFilterSet(WagtailFilterSet):
    # The period is applied by HalfYear (which also sets the default half-year).
    date = django_filters.DateFromToRangeFilter(
        label="Periode", widget=DateRangePickerWidget, method="keep"
    )
    authority = django_filters.ModelChoiceFilter(
        label="Myndighet",
        field_name="proposal__target_authority",
        queryset=Authority.objects.all(),
        empty_label="Alle",
    )

    class Meta:
        model = OutcomeEvent
        fields = []

    def keep(self, queryset, name, value):
        return queryset


@dataclass(frozen=True)
class HalfYear:
    """A period of the half-year report (both days included), for one authority or all."""

    start: datetime.date
    end: datetime.date
    authority: Authority | None = None

    @classmethod
    def chosen(cls, filters=None):
        """The period and authority of a :class:`HalfYearFilterSet`; what it leaves out (or
        gets wrong: the filter form shows the error) is the previous half-year, all
        authorities."""
        start, end = previous_half_year()
        authority = None
        if filters is not None and filters.is_valid():
            data = filters.form.cleaned_data
            chosen = data.get("date")
            if chosen and chosen.start:
                start = chosen.start.date()
            if chosen and chosen.stop:
                end = chosen.stop.date()
            authority = data.get("authority")
        return cls(start, end, authority)

    @classmethod
    def from_query(cls, data):
        """The half-year the report's query string (``request.GET``) chose."""
        return cls.chosen(HalfYearFilterSet(data, queryset=OutcomeEvent.objects.none()))

    def events_in_period(self):
        """The public events of the period: published, current, of public proposals
        (reading only their public fields), for every authority."""
        return OutcomeEvent.objects.public().filter(date__gte=self.start, date__lte=self.end)

    def events(self):
        """The period's public events about the chosen authority's proposals, as the
        report lists them."""
        events = self.events_in_period()
        if self.authority:
            events = events.filter(proposal__target_authority=self.authority)
        return events.select_related("proposal__target_authority").order_by("date", "pk")

    def summary(self):
        """The period's figures: proposals submitted, decided and adopted, and the public
        events by kind."""
        proposals = Proposal.objects.submitted()
        events = self.events_in_period()
        if self.authority:
            proposals = proposals.filter(target_authority=self.authority)
            events = events.filter(proposal__target_authority=self.authority)
        submitted = proposals.filter(
            submitted_on__gte=self.start, submitted_on__lte=self.end
        ).aggregate(proposals=Count("pk"), documents=Count("source_page", distinct=True))
        # Decisions in the period: each proposal counted once, by its latest decisive
        # event dated inside the period.
        decided = events.filter(kind__in=DECISIVE).values("proposal").distinct()
        decisions = proposals.filter(pk__in=decided).aggregate(
            decided=Count("pk"),
            adopted=Count("pk", filter=Q(outcome_status__in=ADOPTED)),
        )
        by_kind = dict(events.values_list("kind").annotate(n=Count("pk")).order_by())
        return {
            "start": long_date(self.start),
            "end": long_date(self.end),
            "submitted": submitted["proposals"],
            "documents": submitted["documents"],
            "decided": decisions["decided"],
            "adopted": decisions["adopted"],
            "rate": adoption_rate(decisions["adopted"], decisions["decided"]),
            "by_kind": [(label, by_kind.get(value, 0)) for value, label in OutcomeKind.choices],
        }

    def sections(self):
        """What other apps add for the period (consultations answered, declined, missed:
        report_sections)."""
        return half_year_sections(self.start, self.end, self.authority)
