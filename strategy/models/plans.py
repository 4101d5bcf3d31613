"""Plans, focus areas, measures and indicators.

A measure keeps its identity (its primary key) when the board rewords it, and every
wording is a revision; a measure that is dropped is retired with a date and a reason,
never deleted (on_delete=PROTECT from the statuses that refer to it)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from base.dates import long_date

from ..metrics import metric_choices, registered_metrics
from ..timeframes import FIRST_YEAR, LAST_YEAR, parse_timeframe


class Plan(ClusterableModel):
    title = models.CharField("Tittel", max_length=200)
    start_year = models.PositiveSmallIntegerField("Første år")
    end_year = models.PositiveSmallIntegerField("Siste år")
    vision = models.CharField("Visjon", max_length=300, blank=True)
    mission = models.CharField("Misjon", max_length=300, blank=True)
    values = models.TextField("Verdier", blank=True, help_text="Én verdi per linje.")
    main_goals = models.TextField("Hovedmål", blank=True, help_text="Ett mål per linje.")
    midterm_year = models.PositiveSmallIntegerField(
        "Midtveisevaluering", null=True, blank=True, help_text="For eksempel 2030."
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("vision"),
        FieldPanel("mission"),
        FieldPanel("values"),
        FieldPanel("main_goals"),
        FieldPanel("midterm_year"),
    ]

    class Meta:
        verbose_name = "handlingsplan"
        verbose_name_plural = "handlingsplaner"
        ordering = ["-start_year", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for name in ("start_year", "end_year"):
            year = getattr(self, name)
            if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
                errors[name] = f"Skriv et årstall mellom {FIRST_YEAR} og {LAST_YEAR}."
        if not errors and self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = "Siste år kan ikke være før første år."
        if errors:
            raise ValidationError(errors)

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"


class FocusArea(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name="Handlingsplan", on_delete=models.PROTECT, related_name="focus_areas"
    )
    number = models.PositiveSmallIntegerField("Nummer")
    title = models.CharField("Innsatsområde", max_length=200)
    main_goal = models.CharField("Hovedmål", max_length=300, blank=True)
    goal_text = models.TextField("Beskrivelse av målet", blank=True)
    summary = models.TextField("Oppsummering", blank=True)

    panels = [
        FieldPanel("plan"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("main_goal"),
        FieldPanel("goal_text"),
        FieldPanel("summary"),
    ]

    class Meta:
        verbose_name = "innsatsområde"
        verbose_name_plural = "innsatsområder"
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="strategy_focusarea_unique_number",
                violation_error_message="Planen har allerede et innsatsområde med dette nummeret.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Responsible(models.TextChoices):
    SECRETARIAT = "sekretariatet", "Sekretariatet"
    BOARD = "landsstyret", "Landsstyret"
    CHAPTERS = "lokallag", "Lokallag"
    DIRECTOR = "daglig_leder", "Daglig leder"
    EXTERNAL = "ekstern_partner", "Ekstern partner"


# One boolean column per role: portable filters on SQLite and PostgreSQL alike
# («every measure where Lokallag is responsible»).
RESPONSIBLE_FIELDS = {
    Responsible.SECRETARIAT: "by_secretariat",
    Responsible.BOARD: "by_board",
    Responsible.CHAPTERS: "by_chapters",
    Responsible.DIRECTOR: "by_director",
    Responsible.EXTERNAL: "by_external_partner",
}


class MeasureQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)

    def for_chapters(self):
        return self.active().filter(by_chapters=True)


class Measure(index.Indexed, RevisionMixin, models.Model):
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name="Innsatsområde",
        on_delete=models.PROTECT,
        related_name="measures",
    )
    sort_order = models.PositiveSmallIntegerField("Rekkefølge", default=0)
    area = models.CharField(
        "Område", max_length=120, blank=True, help_text="For eksempel «Organisasjonsutvikling»."
    )
    title = models.CharField("Tiltak", max_length=300)
    description = models.TextField("Beskrivelse", blank=True)
    timeframe = models.CharField(
        "Tidsramme",
        max_length=60,
        help_text="Som i planen: «2025–2032», «2027», «2025, 2027, 2029, 2031», «Kontinuerlig» "
        "eller «Årlig».",
    )
    by_secretariat = models.BooleanField("Sekretariatet", default=False)
    by_board = models.BooleanField("Landsstyret", default=False)
    by_chapters = models.BooleanField("Lokallag", default=False)
    by_director = models.BooleanField("Daglig leder", default=False)
    by_external_partner = models.BooleanField("Ekstern partner", default=False)
    working_group = models.CharField(
        "Arbeidsgruppe eller annen ansvarlig",
        max_length=200,
        blank=True,
        help_text="For eksempel «Egen arbeidsgruppe / Unge medlemmer».",
    )
    responsible_text = models.CharField(
        "Ansvarlig slik planen skriver det", max_length=200, blank=True
    )
    metric = models.CharField(
        "Måles i systemet",
        max_length=60,
        blank=True,
        help_text="Tall systemet selv kan hente for tiltaket, vist ved siden av vurderingen.",
    )
    retired_at = models.DateField("Utgått", null=True, blank=True, editable=False)
    retired_reason = models.TextField("Hvorfor tiltaket utgikk", blank=True, editable=False)
    seed_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    objects = MeasureQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("focus_area_id"),
    ]

    panels = [
        FieldPanel("focus_area"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("timeframe"),
        MultiFieldPanel(
            [
                FieldPanel("by_secretariat"),
                FieldPanel("by_board"),
                FieldPanel("by_chapters"),
                FieldPanel("by_director"),
                FieldPanel("by_external_partner"),
                FieldPanel("working_group"),
            ],
            heading="Ansvarlig",
        ),
        FieldPanel("metric", widget=forms.Select(choices=metric_choices)),
    ]

    class Meta:
        verbose_name = "tiltak"
        verbose_name_plural = "tiltak"
        ordering = ["focus_area__plan", "focus_area__number", "sort_order", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The hard guard behind every form: the review screen, the reports and the public
        # page read every measure's time frame, so an unreadable one is never stored.
        parse_timeframe(self.timeframe)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        try:
            self._check_timeframe()
        except ValidationError as error:
            errors["timeframe"] = error.messages
        if not self.responsible_labels():
            errors["working_group"] = (
                "Velg minst én ansvarlig, eller skriv navnet på arbeidsgruppen som har ansvaret."
            )
        if self.metric and self.metric not in registered_metrics():
            errors["metric"] = "Dette tallet finnes ikke (lenger) i systemet. Velg et annet."
        if errors:
            raise ValidationError(errors)

    def _check_timeframe(self):
        """The time frame can be read and lies within the plan's period."""
        frame = parse_timeframe(self.timeframe)
        plan = self.focus_area.plan if self.focus_area_id else None
        if (
            plan
            and frame.years
            and not (plan.start_year <= frame.years[0] and frame.years[-1] <= plan.end_year)
        ):
            raise ValidationError(
                f"Tidsrammen «{self.timeframe.strip()}» ligger utenfor planperioden "
                f"{plan.start_year}–{plan.end_year}."
            )

    @property
    def parsed_timeframe(self):
        return parse_timeframe(self.timeframe)

    @property
    def is_retired(self):
        return self.retired_at is not None

    def responsible_labels(self):
        labels = [
            Responsible(role).label
            for role, name in RESPONSIBLE_FIELDS.items()
            if getattr(self, name)
        ]
        if self.working_group:
            labels.append(self.working_group)
        return labels

    @property
    def responsible_display(self):
        return ", ".join(self.responsible_labels()) or "Ikke angitt i planen"

    def retire(self, reason, *, on=None):
        """Drop the measure from later reviews; its statuses and wording history stay."""
        if not (reason or "").strip():
            raise ValidationError("Skriv hvorfor tiltaket utgår.")
        self.retired_at = on or timezone.localdate()
        self.retired_reason = reason.strip()
        self.save(update_fields=["retired_at", "retired_reason"])


class Indicator(ClusterableModel):
    """A goal with a number: a target, a unit, a deadline and dated values."""

    plan = models.ForeignKey(
        Plan, verbose_name="Handlingsplan", on_delete=models.PROTECT, related_name="indicators"
    )
    title = models.CharField("Indikator", max_length=200)
    unit = models.CharField("Enhet", max_length=40, help_text="For eksempel «medlemmer» eller «%».")
    target = models.DecimalField("Mål", max_digits=12, decimal_places=2)
    deadline = models.DateField("Innen")
    sort_order = models.PositiveSmallIntegerField("Rekkefølge", default=0)

    panels = [
        FieldPanel("plan"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("target"), FieldPanel("unit"), FieldPanel("deadline")]),
        FieldPanel("sort_order"),
        InlinePanel("values", heading="Målte verdier", label="verdi"),
    ]

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikatorer"
        ordering = ["plan", "sort_order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.target is not None and self.target <= 0:
            errors["target"] = "Målet må være større enn null."
        if self.deadline and self.plan_id:
            plan = self.plan
            if not plan.start_year <= self.deadline.year <= plan.end_year:
                errors["deadline"] = f"Fristen må ligge i planperioden {plan.period}."
        if errors:
            raise ValidationError(errors)


class IndicatorValue(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    date = models.DateField(
        "Dato",
        error_messages={
            "required": "Skriv inn datoen verdien gjelder.",
            "null": "Skriv inn datoen verdien gjelder.",
            "blank": "Skriv inn datoen verdien gjelder.",
            "invalid": "Skriv datoen som ÅÅÅÅ-MM-DD.",
        },
    )
    value = models.DecimalField(
        "Verdi",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Skriv inn verdien.",
            "null": "Skriv inn verdien.",
            "invalid": "Verdien må være et tall.",
        },
    )
    note = models.CharField("Kilde eller merknad", max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("value"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        verbose_name = "målt verdi"
        verbose_name_plural = "målte verdier"

    def clean(self):
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = "Verdien kan ikke være negativ."
        indicator = self._indicator()
        if indicator is not None and self.value is not None:
            if indicator.unit.strip() == "%" and self.value > 100:
                errors["value"] = "En andel kan ikke være over 100 %."
        if self.date is not None:
            errors.update(self._date_errors(indicator))
        if errors:
            raise ValidationError(errors)

    def _indicator(self):
        try:
            return self.indicator
        except Indicator.DoesNotExist:
            return None

    def _date_errors(self, indicator):
        """A value is measured today or earlier, within the plan (the year before it starts
        gives the baseline) and no later than the indicator's deadline."""
        if self.date > timezone.localdate() + datetime.timedelta(days=1):
            return {"date": "En målt verdi kan ikke være fra fremtiden."}
        if indicator is None or not indicator.plan_id:
            return {}
        first = datetime.date(indicator.plan.start_year - 1, 1, 1)
        if self.date < first:
            return {
                "date": f"Datoen må være {long_date(first)} eller senere: planen gjelder "
                f"{indicator.plan.period}."
            }
        if indicator.deadline and self.date > indicator.deadline:
            return {"date": f"Datoen er etter indikatorens frist {long_date(indicator.deadline)}."}
        return {}
