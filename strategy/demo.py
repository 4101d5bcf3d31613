"""Demo content of the follow-up: both action plans transcribed from the seeds
(seed_plans.py), indicators, local chapters, two approved half-year reviews and the open
one, and a member survey. Idempotent: what exists is left as the editors left it — a plan,
measure or review that is already there is never overwritten."""

import datetime
from decimal import Decimal

from django.utils import timezone

from . import followup
from .models import (
    FocusArea,
    Indicator,
    IndicatorValue,
    LocalChapter,
    Measure,
    Plan,
    Review,
    StatusChoice,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from .seed_plans import ACTION_PLAN, PLANS, STRATEGIC_PLAN
from .workflows import ensure_workflow

ROLE_FIELDS = {
    "S": "by_secretariat",
    "L": "by_board",
    "K": "by_chapters",
    "D": "by_director",
    "E": "by_external_partner",
}
CHAPTERS = ["LPP Oslo", "LPP Bergen", "LPP Trøndelag", "LPP Agder"]
DEMO_NOTE = "Eksempel i demoinnholdet: "
# Demo figures, clearly examples (the note says so): not LPP's real membership numbers.
INDICATOR_VALUES = {
    "Medlemmer": [("2025-01-01", 1450), ("2025-07-01", 1530), ("2026-01-01", 1610)],
    "Andel medlemmer under 35 år": [("2025-01-01", 8), ("2026-01-01", 9.5)],
    "Lokallag": [("2025-01-01", 12), ("2026-01-01", 13)],
    "Andel relevante høringer besvart": [("2025-12-31", 70)],
}
SURVEY_QUESTIONS = [
    ("Hvor godt synes du LPP får frem pårørendes stemme?", SurveyQuestion.Kind.SCALE),
    ("Hvor fornøyd er du med tilbudet i lokallaget ditt?", SurveyQuestion.Kind.SCALE),
    ("Hva bør LPP gjøre mer av?", SurveyQuestion.Kind.TEXT),
]


def measure_rows(plan_data):
    """(focus area data, measure fields) for every measure of a plan in the seed module."""
    for area in plan_data["focus_areas"]:
        for index, row in enumerate(area["measures"], start=1):
            key = f"{plan_data['key']}:{area['number']}:{index}"
            if plan_data is ACTION_PLAN:
                text, metric = row if isinstance(row, tuple) else (row, "")
                fields = {
                    "title": text,
                    "timeframe": f"{plan_data['start_year']}–{plan_data['end_year']}",
                    "metric": metric,
                    "responsible_text": "",
                }
            else:
                area_name, title, description, timeframe, roles, group, text, metric = row
                fields = {
                    "area": area_name,
                    "title": title,
                    "description": description,
                    "timeframe": timeframe,
                    "working_group": group,
                    "responsible_text": text,
                    "metric": metric,
                    **{ROLE_FIELDS[r]: True for r in roles},
                }
            yield area, key, index, fields


def ensure_plan(plan_data):
    plan = Plan.objects.filter(title=plan_data["title"]).first()
    if plan is None:
        plan = Plan.objects.create(
            title=plan_data["title"],
            start_year=plan_data["start_year"],
            end_year=plan_data["end_year"],
            midterm_year=plan_data["midterm_year"],
            vision=plan_data["vision"],
            mission=plan_data["mission"],
            values=plan_data["values"],
            main_goals=plan_data["main_goals"],
        )
    areas = {}
    for area in plan_data["focus_areas"]:
        areas[area["number"]], _ = FocusArea.objects.get_or_create(
            plan=plan,
            number=area["number"],
            defaults={
                "title": area["title"],
                "main_goal": area.get("main_goal", ""),
                "goal_text": area.get("goal_text", ""),
                "summary": area.get("summary", ""),
            },
        )
    existing = set(
        Measure.objects.filter(seed_key__startswith=plan_data["key"] + ":").values_list(
            "seed_key", flat=True
        )
    )
    for area, key, index, fields in measure_rows(plan_data):
        if key not in existing:
            Measure.objects.create(
                focus_area=areas[area["number"]], sort_order=index, seed_key=key, **fields
            )
    for order, (title, unit, target, deadline) in enumerate(plan_data["indicators"]):
        indicator, created = Indicator.objects.get_or_create(
            plan=plan,
            title=title,
            defaults={
                "unit": unit,
                "target": Decimal(target),
                "deadline": datetime.date.fromisoformat(deadline),
                "sort_order": order,
            },
        )
        if created:
            for day, value in INDICATOR_VALUES.get(title, []):
                IndicatorValue.objects.create(
                    indicator=indicator,
                    date=datetime.date.fromisoformat(day),
                    value=Decimal(str(value)),
                    note="Eksempeltall i demoinnholdet",
                )
    return plan


def half_year(on):
    return on.year, 1 if on.month <= 6 else 2


def previous_period(year, half):
    return (year - 1, 2) if half == 1 else (year, 1)


def demo_status(measure, year, step):
    """A plausible status for the demo: continuous work ongoing, work under way on track,
    a few delayed or done, so the report has something to show."""
    frame = measure.parsed_timeframe
    if measure.metric == "political_platform.edition":
        return StatusChoice.ON_TRACK
    if frame.deadline_year is not None and frame.deadline_year < year:
        return StatusChoice.DONE if measure.pk % 2 else StatusChoice.DELAYED
    if frame.kind in ("kontinuerlig", "arlig"):
        return StatusChoice.CONTINUOUS
    if measure.pk % 7 == step:
        return StatusChoice.DELAYED
    return StatusChoice.ON_TRACK


def ensure_reviews(plan):
    """Two approved half-years before the current one, and the current one open."""
    if Review.objects.filter(plan=plan).exists():
        return
    current = half_year(timezone.localdate())
    second = previous_period(*current)
    first = previous_period(*second)
    for step, (year, half) in enumerate([first, second], start=1):
        if year < plan.start_year:
            continue
        review = followup.start_review(plan, year, half)
        for status in review.statuses.select_related("measure"):
            status.status = demo_status(status.measure, year, step)
            status.assessment = DEMO_NOTE + "arbeidet er fulgt opp i perioden."
            status.next_step = "Fortsette arbeidet og rapportere til landsstyret."
            status.public = status.measure.focus_area.number in (2, 3)
            status.save()
        review.summary = DEMO_NOTE + "landsstyret er i hovedsak fornøyd med fremdriften."
        review.save()
        review.save_revision().publish()
    open_review = followup.start_review(plan, *current)
    survey = Survey.objects.create(review=open_review)
    for order, (text, kind) in enumerate(SURVEY_QUESTIONS):
        SurveyQuestion.objects.create(survey=survey, text=text, kind=kind, sort_order=order)
    questions = list(survey.questions.order_by("sort_order"))
    for scores, text in [((4, 3), "Flere temakvelder på nett."), ((5, 4), ""), ((3, 2), "")]:
        response = SurveyResponse.objects.create(survey=survey, submitted_on=timezone.localdate())
        SurveyAnswer.objects.create(response=response, question=questions[0], score=scores[0])
        SurveyAnswer.objects.create(response=response, question=questions[1], score=scores[1])
        if text:
            SurveyAnswer.objects.create(response=response, question=questions[2], text=text)


def load(stdout):
    ensure_workflow()
    plans = [ensure_plan(data) for data in PLANS]
    for name in CHAPTERS:
        LocalChapter.objects.get_or_create(name=name)
    strategic = plans[PLANS.index(STRATEGIC_PLAN)]
    ensure_reviews(strategic)
    stdout.write(
        f"  strategi: {Measure.objects.count()} tiltak i {len(plans)} planer, "
        f"{Review.objects.count()} halvårsgjennomganger"
    )
