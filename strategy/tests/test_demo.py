"""The demo holds both plans with every measure from the seeds, counted against the seed
texts themselves, two approved review periods and one open."""

import re
from pathlib import Path

import pytest

from strategy.models import FocusArea, Measure, Plan, Review
from strategy.seed_plans import ACTION_PLAN, STRATEGIC_PLAN

SEEDS = Path("/work/shared/seeds")
# A time frame cell of the strategic plan's tables: every measure row has exactly one.
TIMEFRAME_CELL = re.compile(r"^\s*(Kontinuerlig|kontinuerlig|Årlig|\d{4}(–\d{4})?|2025, 2027,)\s*$")


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text()


def strategic_rows_per_area():
    text = seed("001")
    sections = re.split(r"Innsatsområde (\d): ", text.split("Oppfølging og evaluering s.")[1])
    counts = {}
    for number, body in zip(sections[1::2], sections[2::2], strict=True):
        table = body.split("Oppsummering")[0]
        counts[int(number)] = sum(1 for line in table.splitlines() if TIMEFRAME_CELL.match(line))
    return counts


def action_plan_bullets_per_heading():
    text = seed("000").split("Handlingsplan 2023 - 2025")[1]
    counts, heading = {}, None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("\uf0b7"):
            counts[heading] = counts.get(heading, 0) + 1
        elif (
            stripped
            and not stripped.startswith("o ")
            and line == line.lstrip()
            and (stripped[0].isupper() and len(stripped) < 60 and not stripped.endswith("."))
        ):
            heading = stripped
    return counts


@pytest.fixture
def demo(demo_site):
    return demo_site


def test_strategic_plan_has_every_measure_of_the_seed_tables(demo):
    expected = strategic_rows_per_area()
    assert sum(expected.values()) == 44
    plan = Plan.objects.get(title=STRATEGIC_PLAN["title"])
    actual = {area.number: area.measures.count() for area in FocusArea.objects.filter(plan=plan)}
    assert actual == expected


def test_action_plan_has_every_measure_of_the_seed(demo):
    expected = action_plan_bullets_per_heading()
    plan = Plan.objects.get(title=ACTION_PLAN["title"])
    actual = {area.title: area.measures.count() for area in FocusArea.objects.filter(plan=plan)}
    assert sum(expected.values()) == sum(actual.values()) == 24
    assert sorted(actual.values()) == sorted(expected.values())


def test_every_demo_time_frame_can_be_read(demo):
    frames = [measure.parsed_timeframe for measure in Measure.objects.all()]  # raises if not
    assert len(frames) == 68


def test_demo_has_two_approved_periods_and_one_open(demo):
    plan = Plan.objects.get(title=STRATEGIC_PLAN["title"])
    reviews = list(Review.objects.filter(plan=plan).order_by("year", "half"))
    assert [r.approved_at is not None for r in reviews] == [True, True, False]
    assert all(r.statuses.exists() for r in reviews)


def test_demo_loader_is_idempotent_and_keeps_editors_changes(demo):
    from django.core.management import call_command

    measure = Measure.objects.get(seed_key="strategisk-2025-2035:2:1")
    measure.title = "Utarbeide og vedta politisk plattform"
    measure.save()
    before = (Measure.objects.count(), Review.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (Measure.objects.count(), Review.objects.count()) == before
    measure.refresh_from_db()
    assert measure.title == "Utarbeide og vedta politisk plattform"
