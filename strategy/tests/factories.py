"""Factories for the strategy app's tests (no other app's helpers)."""

import factory

from strategy.models import FocusArea, Measure, MeasureStatus, Plan, Review


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Handlingsplan {n}")
    start_year = 2025
    end_year = 2035


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Innsatsområde {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    focus_area = factory.SubFactory(FocusAreaFactory)
    title = factory.Sequence(lambda n: f"Tiltak {n}")
    timeframe = "Kontinuerlig"
    by_secretariat = True


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    plan = factory.SubFactory(PlanFactory)
    year = 2026
    half = 1
    live = False


class MeasureStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureStatus

    review = factory.SubFactory(ReviewFactory)
    measure = factory.SubFactory(MeasureFactory)


def make_plan(measures=3, areas=1, timeframe="Kontinuerlig", **measure_fields):
    """A plan with ``areas`` focus areas of ``measures`` measures each."""
    plan = PlanFactory()
    for number in range(1, areas + 1):
        area = FocusAreaFactory(plan=plan, number=number)
        for _ in range(measures):
            MeasureFactory(focus_area=area, timeframe=timeframe, **measure_fields)
    return plan


def approve(review, user=None):
    """Approve through Wagtail's publish path, as the board's workflow approval does."""
    review.save_revision(user=user).publish(user=user)
    review.refresh_from_db()
    return review
