"""The half-year review: pre-filled from the last period, through the workflow to the
board's approval, and locked once approved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import TaskState

from base import roles
from strategy import followup
from strategy.models import LocalChapter, Measure, MeasureStatus, Review, StatusChoice, Survey
from strategy.workflows import ensure_workflow

from .factories import MeasureFactory, approve, make_plan

pytestmark = pytest.mark.django_db


def test_a_new_period_is_prefilled_from_the_last_one():
    plan = make_plan(measures=2)
    first = followup.start_review(plan, 2026, 1)
    status = first.statuses.first()
    status.status = StatusChoice.DELAYED
    status.assessment = "Mangler folk."
    status.evidence = "https://lpp.no/referat"
    status.save()
    second = followup.start_review(plan, 2026, 2)
    copied = second.statuses.get(measure=status.measure)
    assert (copied.status, copied.assessment, copied.evidence) == (
        StatusChoice.DELAYED,
        "Mangler folk.",
        "https://lpp.no/referat",
    )


def test_a_new_period_covers_active_begun_measures_only():
    plan = make_plan(measures=1)
    area = plan.focus_areas.first()
    later = MeasureFactory(focus_area=area, timeframe="2027–2030")
    retired = MeasureFactory(focus_area=area)
    retired.retire("Slått sammen med et annet tiltak.")
    review = followup.start_review(plan, 2026, 1)
    covered = set(review.statuses.values_list("measure_id", flat=True))
    assert later.pk not in covered and retired.pk not in covered
    assert len(covered) == 1


def test_the_same_period_cannot_be_started_twice():
    plan = make_plan()
    followup.start_review(plan, 2026, 1)
    with pytest.raises(ValidationError, match="finnes allerede"):
        followup.start_review(plan, 2026, 1)


def test_a_period_outside_the_plan_is_refused():
    plan = make_plan()
    with pytest.raises(ValidationError, match="planperioden"):
        followup.start_review(plan, 2040, 1)


def test_the_boards_workflow_approval_locks_the_review(make_user):
    ensure_workflow()
    secretary = make_user(roles.STAFF)
    board_member = make_user(roles.BOARD)
    plan = make_plan()
    review = followup.start_review(plan, 2026, 1, user=secretary)
    workflow = review.get_workflow()
    assert workflow is not None
    workflow.start(review, secretary)
    review.refresh_from_db()
    task_state = review.current_workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(review, board_member)
    assert not task_state.task.specific.get_actions(review, secretary)
    task_state.specific.approve(user=board_member)
    review.refresh_from_db()
    assert review.live and review.approved_at is not None
    assert review.approved_by == board_member
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()


def test_an_approved_review_refuses_changes_to_its_statuses():
    plan = make_plan()
    review = approve(followup.start_review(plan, 2026, 1))
    status = review.statuses.first()
    status.assessment = "Endret i ettertid"
    with pytest.raises(ValidationError, match="godkjent av landsstyret og er låst"):
        status.save()
    assert MeasureStatus.objects.get(pk=status.pk).assessment == ""


def test_an_approved_review_refuses_changes_to_itself():
    plan = make_plan()
    review = approve(followup.start_review(plan, 2026, 1))
    review.summary = "Ny vurdering"
    with pytest.raises(ValidationError, match="låst"):
        review.full_clean()


def test_a_retired_measure_keeps_its_history():
    plan = make_plan(measures=1)
    review = approve(followup.start_review(plan, 2026, 1))
    measure = review.statuses.get().measure
    measure.retire("Styret har prioritert annerledes.")
    assert Measure.objects.filter(pk=measure.pk).exists()
    assert [s.review for s in followup.history(measure)] == [review]


def test_retiring_needs_a_reason():
    plan = make_plan(measures=1)
    measure = Measure.objects.get(focus_area__plan=plan)
    with pytest.raises(ValidationError, match="hvorfor"):
        measure.retire("  ")
    measure.refresh_from_db()
    assert measure.retired_at is None


def test_a_measure_keeps_its_identity_when_reworded():
    plan = make_plan(measures=1)
    measure = Measure.objects.get(focus_area__plan=plan)
    first = approve(followup.start_review(plan, 2026, 1))
    measure.title = "Ny ordlyd"
    measure.save()
    measure.save_revision()
    second = followup.start_review(plan, 2026, 2)
    assert second.statuses.get().measure_id == first.statuses.get().measure_id == measure.pk
    assert measure.revisions.count() == 1


def test_an_overdue_measure_is_flagged_unless_done():
    plan = make_plan(measures=0)
    area = plan.focus_areas.first()
    late = MeasureFactory(focus_area=area, timeframe="2025")
    done = MeasureFactory(focus_area=area, timeframe="2025")
    review = followup.start_review(plan, 2026, 1)
    review.statuses.filter(measure=done).update(status=StatusChoice.DONE)
    rows = {row.measure.pk: row for row in followup.review_rows(review)}
    assert rows[late.pk].overdue and not rows[done.pk].overdue


def test_an_unreadable_time_frame_is_refused_on_the_measure():
    plan = make_plan(measures=0)
    measure = Measure(focus_area=plan.focus_areas.first(), title="X", timeframe="til våren")
    measure.by_board = True
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "kan ikke leses" in error.value.message_dict["timeframe"][0]


def test_a_measure_needs_someone_responsible():
    plan = make_plan(measures=0)
    measure = Measure(focus_area=plan.focus_areas.first(), title="X", timeframe="2027")
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "ansvarlig" in error.value.message_dict["working_group"][0]


def test_an_indicator_value_needs_a_date():
    from strategy.models import Indicator, IndicatorValue

    plan = make_plan()
    indicator = Indicator.objects.create(
        plan=plan, title="Medlemmer", unit="medlemmer", target=10000, deadline="2035-12-31"
    )
    value = IndicatorValue(indicator=indicator, value=1500)
    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert error.value.message_dict["date"] == ["Skriv inn datoen verdien gjelder."]


def test_review_is_not_assigned_to_wagtails_default_workflow():
    workflow = ensure_workflow()
    review = Review(plan=make_plan(), year=2026, half=1)
    assert review.get_workflow() == workflow


def test_every_site_has_the_review_workflow_after_migrate():
    from wagtail.models import Workflow

    from strategy.workflows import WORKFLOW_NAME

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert Review(plan=make_plan(), year=2026, half=1).get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.BOARD]


def test_a_time_frame_outside_the_plan_is_refused_on_the_measure():
    plan = make_plan(measures=0)  # 2025–2035
    measure = Measure(focus_area=plan.focus_areas.first(), title="X", timeframe="2030–2040")
    measure.by_board = True
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "utenfor planperioden 2025–2035" in error.value.message_dict["timeframe"][0]


def test_an_unreadable_time_frame_is_never_stored():
    plan = make_plan(measures=0)
    with pytest.raises(ValidationError):
        Measure.objects.create(
            focus_area=plan.focus_areas.first(), title="X", timeframe="snart", by_board=True
        )
    assert not Measure.objects.exists()


def _indicator(unit="medlemmer"):
    from strategy.models import Indicator

    return Indicator.objects.create(
        plan=make_plan(),
        title="Medlemmer",
        unit=unit,
        target=10000,
        deadline=datetime.date(2035, 12, 31),
    )


@pytest.mark.parametrize(
    "unit, date, value, field, message",
    [
        ("medlemmer", "2026-01-01", -5, "value", "Verdien kan ikke være negativ."),
        ("%", "2026-01-01", 120, "value", "En andel kan ikke være over 100 %."),
        ("medlemmer", "2019-12-31", 1500, "date", "Datoen må være 1. januar 2024 eller senere"),
    ],
)
def test_an_impossible_indicator_value_is_refused_in_norwegian(unit, date, value, field, message):
    from strategy.models import IndicatorValue

    indicator_value = IndicatorValue(indicator=_indicator(unit), date=date, value=value)
    with pytest.raises(ValidationError) as error:
        indicator_value.full_clean()
    assert error.value.message_dict[field][0].startswith(message)


def test_an_indicator_needs_a_positive_target_within_the_plan():
    from strategy.models import Indicator

    indicator = Indicator(
        plan=make_plan(), title="Medlemmer", unit="medlemmer", target=-1, deadline="2040-12-31"
    )
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert set(error.value.message_dict) == {"target", "deadline"}


def test_a_period_started_twice_at_once_is_refused_in_norwegian(monkeypatch):
    from django.db.models import QuerySet

    plan = make_plan()
    followup.start_review(plan, 2026, 1)
    # The second request's check ran before the first one saved: the constraint decides.
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    with pytest.raises(ValidationError) as error:
        followup.start_review(plan, 2026, 1)
    monkeypatch.undo()
    assert "Det finnes allerede en gjennomgang" in error.value.messages[0]
    assert Review.objects.filter(plan=plan).count() == 1


def test_a_plan_period_outside_the_years_a_time_frame_can_name_is_refused():
    from strategy.models import Plan

    plan = Plan(title="Plan", start_year=25, end_year=2035)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert error.value.message_dict["start_year"] == ["Skriv et årstall mellom 2000 og 2100."]


def test_a_second_chapter_with_the_same_name_is_refused_in_plain_words():
    LocalChapter.objects.create(name="LPP Bergen")
    with pytest.raises(ValidationError) as error:
        LocalChapter(name="LPP Bergen").full_clean()
    assert error.value.messages == ["Det finnes allerede et lokallag med dette navnet."]


def test_a_second_survey_for_the_same_review_is_refused_in_plain_words():
    review = followup.start_review(make_plan(), 2026, 1)
    Survey.objects.create(review=review)
    with pytest.raises(ValidationError) as error:
        Survey(review=review).full_clean()
    assert error.value.messages == [
        "Denne halvårsgjennomgangen har allerede en medlemsundersøkelse."
    ]
