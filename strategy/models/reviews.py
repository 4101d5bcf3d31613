"""The half-year review: one per plan and half-year, a status for every active measure.

The review is a Wagtail snippet with revisions, a workflow (secretariat prepares →
landsstyret approves), locking and draft state. Approval publishes it: ``approved_at``
is set and from then on the review and its statuses refuse every change."""

import datetime
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from .plans import Measure, Plan

LOCKED_MESSAGE = (
    "Halvårsgjennomgangen for {period} er godkjent av landsstyret og er låst. "
    "Endringer føres i neste periode."
)


class Half(models.IntegerChoices):
    FIRST = 1, "1. halvår"
    SECOND = 2, "2. halvår"


class StatusChoice(models.TextChoices):
    NOT_STARTED = "ikke_startet", "Ikke startet"
    ON_TRACK = "i_rute", "I rute"
    DELAYED = "forsinket", "Forsinket"
    DONE = "fullfort", "Fullført"
    STOPPED = "stoppet", "Stoppet"
    CONTINUOUS = "lopende", "Løpende (kontinuerlig)"


FINISHED = {StatusChoice.DONE, StatusChoice.STOPPED}


def period_bounds(year, half):
    if int(half) == Half.FIRST:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def period_label(year, half):
    return f"{Half(int(half)).label} {year}"


class ReviewQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(live=True, approved_at__isnull=False)


class Review(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name="Handlingsplan", on_delete=models.PROTECT, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField("År")
    half = models.PositiveSmallIntegerField("Halvår", choices=Half.choices)
    summary = models.TextField(
        "Samlet vurdering",
        blank=True,
        help_text="Landsstyrets samlede vurdering av perioden. Kun for landsstyret.",
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Forberedt av",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField("Godkjent", null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Godkjent av",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="strategy_review")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="strategy_review",
        for_concrete_model=False,
    )

    objects = ReviewQuerySet.as_manager()

    panels = [FieldPanel("summary")]
    create_panels = [FieldPanel("plan"), FieldRowPanel([FieldPanel("year"), FieldPanel("half")])]

    class Meta:
        verbose_name = "halvårsgjennomgang"
        verbose_name_plural = "halvårsgjennomganger"
        ordering = ["plan", "-year", "-half"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "half"],
                name="strategy_review_one_per_period",
                violation_error_message="Det finnes allerede en gjennomgang for denne perioden.",
            )
        ]

    def __str__(self):
        return f"{self.plan.title}: {self.period_label}"

    @property
    def period_label(self):
        return period_label(self.year, self.half)

    @property
    def bounds(self):
        return period_bounds(self.year, self.half)

    @property
    def sort_key(self):
        return self.year * 2 + self.half

    def clean(self):
        if self.pk and Review.objects.filter(pk=self.pk, approved_at__isnull=False).exists():
            raise ValidationError(LOCKED_MESSAGE.format(period=self.period_label))
        if self.plan_id and self.year:
            plan = self.plan
            if not plan.start_year <= self.year <= plan.end_year:
                raise ValidationError(
                    {"year": f"Året må ligge i planperioden {plan.start_year}–{plan.end_year}."}
                )

    def previous(self):
        return (
            Review.objects.filter(plan_id=self.plan_id)
            .filter(models.Q(year__lt=self.year) | models.Q(year=self.year, half__lt=self.half))
            .order_by("-year", "-half")
            .first()
        )


def _validate_links(value):
    check = URLValidator(schemes=["http", "https"])
    for line in (value or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            check(line)
        except ValidationError:
            raise ValidationError(
                f"«{line[:80]}» er ikke en lenke. Skriv én lenke per linje, som begynner med "
                "https://."
            ) from None


class MeasureStatus(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="statuses")
    measure = models.ForeignKey(
        Measure, verbose_name="Tiltak", on_delete=models.PROTECT, related_name="statuses"
    )
    status = models.CharField(
        "Status", max_length=20, choices=StatusChoice.choices, default=StatusChoice.NOT_STARTED
    )
    assessment = models.TextField("Vurdering", blank=True)
    next_step = models.TextField("Neste steg", blank=True)
    evidence = models.TextField(
        "Dokumentasjon (lenker)",
        blank=True,
        validators=[_validate_links],
        help_text="Én lenke per linje.",
    )
    public = models.BooleanField(
        "Vis offentlig",
        default=False,
        help_text="Landsstyret velger hvilke tiltak som vises på «Slik følger vi opp strategien».",
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Vurdert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessed_at = models.DateTimeField("Vurdert", null=True, blank=True)

    class Meta:
        verbose_name = "status for tiltak"
        verbose_name_plural = "status for tiltak"
        constraints = [
            models.UniqueConstraint(
                fields=["review", "measure"], name="strategy_status_one_per_measure"
            )
        ]

    def __str__(self):
        return f"{self.measure_id}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # The hard guard behind every form: an approved review's statuses never change.
        if (
            self.review_id
            and Review.objects.filter(pk=self.review_id, approved_at__isnull=False).exists()
        ):
            review = Review.objects.get(pk=self.review_id)
            raise ValidationError(LOCKED_MESSAGE.format(period=review.period_label))
        super().save(*args, **kwargs)

    @property
    def evidence_links(self):
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


def new_token():
    return secrets.token_urlsafe(24)


class LocalChapter(models.Model):
    """A local chapter (lokallag) that reports on its own measures through a secret link."""

    name = models.CharField(
        "Lokallag",
        max_length=120,
        unique=True,
        error_messages={"unique": "Det finnes allerede et lokallag med dette navnet."},
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    active = models.BooleanField("Lenken er aktiv", default=True)

    panels = [FieldPanel("name"), FieldPanel("active")]

    class Meta:
        verbose_name = "lokallag"
        verbose_name_plural = "lokallag"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def report_path(self):
        from django.urls import reverse

        return reverse("strategy:chapter", args=[self.token])

    def new_link(self):
        """A new secret link; the old one stops working at once."""
        self.token = new_token()
        self.save(update_fields=["token"])


class ChapterReport(models.Model):
    """What a chapter reports on a «Lokallag» measure in an open review. The chapter's
    name is all that identifies the sender; no person is stored."""

    chapter = models.ForeignKey(LocalChapter, on_delete=models.PROTECT, related_name="reports")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="chapter_reports")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="chapter_reports")
    status = models.CharField("Status", max_length=20, choices=StatusChoice.choices)
    comment = models.TextField("Hva har lokallaget gjort?", max_length=2000, blank=True)
    submitted_on = models.DateField("Sendt")

    class Meta:
        verbose_name = "rapport fra lokallag"
        verbose_name_plural = "rapporter fra lokallag"
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "review", "measure"], name="strategy_chapter_report_once"
            )
        ]

    def __str__(self):
        return f"{self.chapter}: {self.get_status_display()}"
