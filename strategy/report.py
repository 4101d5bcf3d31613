"""The board report of a half-year and the midterm grid, as data: the admin report views,
their spreadsheet export and the Word documents are all built from these functions, so
the three always agree. A fixed number of queries, whatever the number of measures."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch

from base.roles import user_label

from .followup import progress_by_focus_area, review_rows
from .metrics import figures_for_period, registered_metrics
from .models import (
    Indicator,
    IndicatorValue,
    StatusChoice,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
)

STATUS_LABELS = dict(StatusChoice.choices)
CHART_ROW, CHART_WIDTH = 28, 300
# The advocacy figures every board report carries, when their apps are installed.
ADVOCACY_METRICS = ["consultations.answered", "advocacy.outcomes"]


def indicator_rows(plan, on):
    """Each indicator with its latest value on or before ``on`` and the share of target."""
    indicators = Indicator.objects.filter(plan=plan).prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("date", "pk"))
    )
    rows = []
    for number, indicator in enumerate(indicators):
        values = [v for v in indicator.values.all() if v.date <= on]
        latest = values[-1] if values else None
        share = None
        if latest is not None and indicator.target:
            share = min(100, round(latest.value / indicator.target * 100))
        rows.append(
            {
                "indicator": indicator,
                "latest": latest,
                "values": values,
                "share": share,
                "target": _number(indicator.target),
                "value": _number(latest.value) if latest else "",
                # the admin's bar chart (the table beside it carries the same figures)
                "bar_y": number * CHART_ROW + 6,
                "text_y": number * CHART_ROW + 18,
                "bar_width": round((share or 0) * CHART_WIDTH / 100),
            }
        )
    return rows


def chart_height(rows):
    return len(rows) * CHART_ROW + 8


def _number(value):
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


def survey_summary(review):
    """Aggregate scores and the anonymous free texts of the period's member survey."""
    survey = Survey.objects.filter(review=review).first()
    if survey is None:
        return None
    questions = list(SurveyQuestion.objects.filter(survey=survey).order_by("sort_order", "pk"))
    scores = {
        row["question_id"]: row
        for row in SurveyAnswer.objects.filter(question__survey=survey, score__isnull=False)
        .values("question_id")
        .annotate(average=Avg("score"), answers=Count("pk"))
        .order_by()
    }
    texts = defaultdict(list)
    for question_id, text in (
        SurveyAnswer.objects.filter(question__survey=survey)
        .exclude(text="")
        .order_by("pk")
        .values_list("question_id", "text")
    ):
        texts[question_id].append(text)
    items = []
    for question in questions:
        score = scores.get(question.pk)
        items.append(
            {
                "question": question,
                "average": f"{score['average']:.1f}".replace(".", ",") if score else None,
                "answers": score["answers"] if score else len(texts[question.pk]),
                "texts": texts[question.pk],
            }
        )
    return {"survey": survey, "responses": survey.responses.count(), "items": items}


def board_report(review):
    rows = review_rows(review)
    start, end = review.bounds
    available = registered_metrics()
    advocacy = [
        (available[key].label, figures)
        for key, figures in figures_for_period(
            [k for k in ADVOCACY_METRICS if k in available], start, end
        ).items()
    ]
    advocacy.sort(key=lambda item: item[0])
    progress = []
    for area, counts, late, changed in progress_by_focus_area(rows):
        progress.append(
            {
                "area": area,
                "counts": [(label, counts.get(value, 0)) for value, label in StatusChoice.choices],
                "total": sum(counts.values()),
                "late": late,
                "changed": changed,
            }
        )
    return {
        "review": review,
        "rows": rows,
        "progress": progress,
        "indicators": (indicators := indicator_rows(review.plan, end)),
        "chart_height": chart_height(indicators),
        "advocacy": advocacy,
        "survey": survey_summary(review),
    }


def export_row(row):
    """One measure's line in the spreadsheet."""
    measure, status = row.measure, row.status
    return {
        "focus_area": str(measure.focus_area),
        "area": measure.area,
        "measure": measure.title,
        "timeframe": measure.timeframe,
        "responsible": measure.responsible_display,
        "status": STATUS_LABELS.get(status.status, status.status),
        "previous": STATUS_LABELS.get(row.previous.status, "") if row.previous else "",
        "overdue": "Ja" if row.overdue else "Nei",
        "changed": "Ja" if row.changed else "Nei",
        "assessment": status.assessment,
        "next_step": status.next_step,
        "evidence": "\n".join(status.evidence_links),
        "figures": "; ".join(f"{f.label}: {f.value}" for f in row.figures),
        "assessed_by": user_label(status.assessed_by),
        "public": "Ja" if status.public else "Nei",
    }
