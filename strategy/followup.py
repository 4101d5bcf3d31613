"""The rules of the follow-up, in one place: which measures a review covers, how a new
period is pre-filled, what is overdue, what changed since the last period, each measure's
history, and what the public may see.

Every function here reads with a fixed number of queries, whatever the number of
measures and periods: the review screen, the board report and the public page are built
on them (tests count the queries)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .metrics import figures_for_period
from .models import (
    FINISHED,
    ChapterReport,
    Measure,
    MeasureStatus,
    Plan,
    Review,
    StatusChoice,
    period_label,
)
from .timeframes import ANNUAL, CONTINUOUS


def measures_for(plan, year):
    """The measures a review of ``plan`` in ``year`` covers: not retired, and begun."""
    measures = (
        Measure.objects.active()
        .filter(focus_area__plan=plan)
        .select_related("focus_area")
        .order_by("focus_area__number", "sort_order", "pk")
    )
    return [m for m in measures if m.parsed_timeframe.has_started_by(year)]


def _default_status(measure):
    kind = measure.parsed_timeframe.kind
    return StatusChoice.CONTINUOUS if kind in (CONTINUOUS, ANNUAL) else StatusChoice.NOT_STARTED


@transaction.atomic
def start_review(plan, year, half, user=None):
    """A new review of ``plan`` for the half-year, pre-filled from the latest earlier
    review: each measure starts from its last status, assessment, next step, evidence and
    public choice. Refused (ValidationError) when the period exists or lies outside the
    plan. Its first revision is saved as a draft, ready for the workflow."""
    year, half = int(year), int(half)
    if half not in (1, 2):
        raise ValidationError("Velg 1. eller 2. halvår.")
    if not plan.start_year <= year <= plan.end_year:
        raise ValidationError(f"Året må ligge i planperioden {plan.start_year}–{plan.end_year}.")
    exists = ValidationError(
        f"Det finnes allerede en gjennomgang for {period_label(year, half)} av denne planen."
    )
    if Review.objects.filter(plan=plan, year=year, half=half).exists():
        raise exists
    review = Review(plan=plan, year=year, half=half, prepared_by=user, live=False)
    previous = review.previous()
    earlier = {}
    if previous is not None:
        earlier = {s.measure_id: s for s in previous.statuses.all()}
    try:
        # A double submit can pass the check above in two requests at once: the unique
        # constraint decides, and the second one gets the same message.
        with transaction.atomic():
            review.save()
    except IntegrityError:
        raise exists from None
    statuses = []
    for measure in measures_for(plan, year):
        before = earlier.get(measure.pk)
        if before is not None:
            statuses.append(
                MeasureStatus(
                    review=review,
                    measure=measure,
                    status=before.status,
                    assessment=before.assessment,
                    next_step=before.next_step,
                    evidence=before.evidence,
                    public=before.public,
                )
            )
        else:
            statuses.append(
                MeasureStatus(review=review, measure=measure, status=_default_status(measure))
            )
    MeasureStatus.objects.bulk_create(statuses)
    review.save_revision(user=user, log_action=True)
    return review


@dataclass
class Row:
    status: MeasureStatus
    measure: Measure
    previous: MeasureStatus | None
    overdue: bool
    due: bool
    changed: bool
    figures: list = field(default_factory=list)
    chapter_reports: list = field(default_factory=list)


def review_rows(review, *, with_figures=True, with_chapters=True):
    """One row per status of ``review``: the measure, its previous status, whether it is
    due or overdue, whether it changed, its metric figures and the chapters' reports."""
    statuses = list(
        review.statuses.select_related("measure__focus_area", "assessed_by").order_by(
            "measure__focus_area__number", "measure__sort_order", "measure_id"
        )
    )
    previous = review.previous()
    before = {}
    if previous is not None:
        before = {s.measure_id: s for s in previous.statuses.all()}
    figures = {}
    if with_figures:
        start, end = review.bounds
        figures = figures_for_period(
            [s.measure.metric for s in statuses if s.measure.metric], start, end
        )
    reports = defaultdict(list)
    if with_chapters:
        for report in ChapterReport.objects.filter(review=review).select_related("chapter"):
            reports[report.measure_id].append(report)
    rows = []
    for status in statuses:
        measure = status.measure
        frame = measure.parsed_timeframe
        earlier = before.get(measure.pk)
        rows.append(
            Row(
                status=status,
                measure=measure,
                previous=earlier,
                overdue=frame.is_overdue_in(review.year) and status.status not in FINISHED,
                due=frame.is_due_in(review.year),
                changed=earlier is not None and earlier.status != status.status,
                figures=figures.get(measure.metric, []),
                chapter_reports=reports.get(measure.pk, []),
            )
        )
    return rows


def progress_by_focus_area(rows):
    """[(focus area, Counter of status values, overdue rows, changed rows)] in plan order."""
    areas = {}
    for row in rows:
        area = row.measure.focus_area
        entry = areas.setdefault(area.pk, [area, Counter(), [], []])
        entry[1][row.status.status] += 1
        if row.overdue or row.status.status == StatusChoice.DELAYED:
            entry[2].append(row)
        if row.changed:
            entry[3].append(row)
    return [tuple(entry) for _pk, entry in sorted(areas.items(), key=lambda i: i[1][0].number)]


def history(measure):
    """The measure's statuses in every review, oldest first: its timeline."""
    return list(
        MeasureStatus.objects.filter(measure=measure)
        .select_related("review", "assessed_by")
        .order_by("review__year", "review__half")
    )


def midterm_grid(plan):
    """(reviews, rows) for the status grid over time: every measure of the plan (retired
    ones too, they are part of the history) with its status in each review."""
    reviews = list(Review.objects.filter(plan=plan).order_by("year", "half"))
    measures = list(
        Measure.objects.filter(focus_area__plan=plan)
        .select_related("focus_area")
        .order_by("focus_area__number", "sort_order", "pk")
    )
    cells = {
        (s.measure_id, s.review_id): s
        for s in MeasureStatus.objects.filter(review__plan=plan).only(
            "measure_id", "review_id", "status"
        )
    }
    rows = [(m, [cells.get((m.pk, r.pk)) for r in reviews]) for m in measures]
    return reviews, rows


# --- the public -------------------------------------------------------------------------


def public_statuses():
    """The one rule for the public page: statuses the board marked public, in a review the
    board has approved (published and not since unpublished), of measures not retired.
    Reads only the fields the public may see — never the assessment or the next step."""
    return (
        MeasureStatus.objects.filter(
            public=True,
            review__live=True,
            review__approved_at__isnull=False,
            measure__retired_at__isnull=True,
        )
        .select_related("measure__focus_area", "review")
        .only(
            "status",
            "measure__title",
            "measure__timeframe",
            "measure__sort_order",
            "measure__focus_area__number",
            "measure__focus_area__title",
            "measure__focus_area__main_goal",
            "measure__focus_area__plan_id",
            "review__year",
            "review__half",
            "review__approved_at",
            "review__plan_id",
        )
    )


def public_overview():
    """[(plan, review, [(focus area title, [status, …]), …])]: for each plan, its latest
    approved review with anything marked public."""
    latest = {}
    for review in Review.objects.approved().order_by("plan_id", "-year", "-half"):
        latest.setdefault(review.plan_id, review)
    if not latest:
        return []
    statuses = (
        public_statuses()
        .filter(review__in=latest.values())
        .order_by("measure__focus_area__number", "measure__sort_order", "measure_id")
    )
    by_plan = defaultdict(dict)
    for status in statuses:
        area = status.measure.focus_area
        by_plan[status.review.plan_id].setdefault(area.pk, (area, []))[1].append(status)
    plans = Plan.objects.in_bulk(list(by_plan))
    result = []
    for plan_id, areas in by_plan.items():
        result.append((plans[plan_id], latest[plan_id], list(areas.values())))
    result.sort(key=lambda item: -item[0].start_year)
    return result
