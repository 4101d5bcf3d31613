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


# A time frame cell, the list «2025, 2027, 2029, 2031» broken over two lines included.
TIMEFRAME_CELL_IN_TABLE = re.compile(
    r"^[ \t]*(Kontinuerlig|kontinuerlig|Årlig|\d{4}(?:–\d{4})?"
    r"|\d{4}, \d{4},[ \t]*\n[ \t]*\d{4}, \d{4})[ \t]*$",
    re.M,
)
ROLE_WORDS = {
    "by_secretariat": "sekretariat",
    "by_board": "landsstyre",
    "by_chapters": "lokallag",
    "by_director": "dagligleder",
    "by_external_partner": ("ekstern", "aktører"),
}


def letters(text):
    """Letters and digits only, lower case: PDF line breaks, hyphenation and columns
    split and join words differently, but never change the letters or their order."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def strategic_table_rows():
    """{focus area number: [(time frame, text before the cell, text after the cell)]}:
    a row's area, measure and description come before its time frame cell, its
    «Ansvarlig» after it (followed by the next row's first cells)."""
    text = seed("001")
    sections = re.split(r"Innsatsområde (\d): ", text.split("Oppfølging og evaluering s.")[1])
    tables = {}
    for number, body in zip(sections[1::2], sections[2::2], strict=True):
        table = body.split("Tidsramme Ansvarlig")[1].split("Oppsummering")[0]
        cells = list(TIMEFRAME_CELL_IN_TABLE.finditer(table))
        rows = []
        for i, cell in enumerate(cells):
            start = cells[i - 1].end() if i else 0
            end = cells[i + 1].start() if i + 1 < len(cells) else len(table)
            rows.append(
                (
                    " ".join(cell[1].split()),
                    letters(table[start : cell.start()]),
                    letters(table[cell.end() : end]),
                )
            )
        tables[int(number)] = rows
    return tables


def strategic_measures():
    plan = Plan.objects.get(title=STRATEGIC_PLAN["title"])
    return {
        area.number: list(area.measures.order_by("sort_order", "pk"))
        for area in FocusArea.objects.filter(plan=plan)
    }


@pytest.fixture
def demo(demo_site):
    return demo_site


def test_strategic_plan_has_every_measure_of_the_seed_tables(demo):
    expected = strategic_rows_per_area()
    assert sum(expected.values()) == 44
    plan = Plan.objects.get(title=STRATEGIC_PLAN["title"])
    actual = {area.number: area.measures.count() for area in FocusArea.objects.filter(plan=plan)}
    assert actual == expected


def test_each_strategic_measure_is_its_seed_row(demo):
    """Same time frame, every letter of measure and description in the row's cells (the
    seed's own spelling), «Ansvarlig» as the cell says, and a role only where it is named."""
    measures = strategic_measures()
    for number, rows in strategic_table_rows().items():
        assert len(measures[number]) == len(rows)
        for measure, (frame, before, after) in zip(measures[number], rows, strict=True):
            assert measure.timeframe.lower() == frame.lower(), measure.title
            assert letters(measure.title) in before, measure.title
            assert letters(measure.description) in before, measure.description
            written = letters(measure.responsible_text)
            assert written and after.startswith(written), measure.title
            for field, words in ROLE_WORDS.items():
                words = (words,) if isinstance(words, str) else words
                if getattr(measure, field):
                    assert any(word in written for word in words), (measure.title, field)


def test_the_strategic_plan_keeps_its_main_goal_vision_and_indicators(demo):
    plan = Plan.objects.get(title=STRATEGIC_PLAN["title"])
    text = " ".join(seed("001").split())
    assert "10 000 medlemmer innen 2035, med en økning på andel yngre pårørende" in plan.main_goals
    for value in (plan.vision, plan.mission, *plan.values.splitlines()):
        assert value in text
    members = plan.indicators.get(title="Medlemmer")
    assert (members.target, members.deadline.year) == (10000, 2035)


def test_each_action_plan_measure_is_the_seeds_wording(demo):
    section = seed("000").split("Handlingsplan 2023 - 2025")[1]
    # Sub-bullets («o likepersonsarbeid») are joined into their measure: drop the marker.
    section = letters(re.sub(r"^\s*o ", "", section, flags=re.M))
    plan = Plan.objects.get(title=ACTION_PLAN["title"])
    position = 0
    for measure in Measure.objects.filter(focus_area__plan=plan).order_by(
        "focus_area__number", "sort_order"
    ):
        found = section.find(letters(measure.title), position)
        assert found >= 0, measure.title
        position = found
        assert measure.timeframe == "2023–2025"


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
