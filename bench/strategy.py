"""Benchmark: the strategy follow-up at scale — the review screen, the board report (page,
spreadsheet and Word), the midterm grid and the public page «Slik følger vi opp
strategien», with a plan of 44 measures over 4 periods and then 440 measures over 20
periods.

Builds a throw-away database (in memory) and prints, per size, the median time and the
SQL query count of each view. Equal query counts at both sizes show that the views read
with a fixed number of queries, whatever the number of measures and periods.

    .venv/bin/python bench/strategy.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "lpp.settings.test"
os.environ.pop("DATABASE_URL", None)  # always a temporary in-memory database
os.environ["PAGE_CACHE"] = "off"

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 5
SIZES = [(44, 4), (440, 20)]  # (measures, periods)
AREAS = 6


def setup():
    from django.contrib.auth.models import Group, User

    from base import roles
    from home.demo import ensure_home_page

    call_command("migrate", verbosity=0)
    ensure_home_page()
    staff = User.objects.create_user("sekretariat", "s@example.org", "x")
    staff.groups.add(Group.objects.get(name=roles.STAFF))
    return staff


def build(measures, periods, number):
    from strategy import followup
    from strategy.models import FocusArea, Measure, Plan

    plan = Plan.objects.create(title=f"Plan {number}", start_year=2020, end_year=2035)
    areas = [
        FocusArea.objects.create(plan=plan, number=n, title=f"Område {n}") for n in range(AREAS)
    ]
    Measure.objects.bulk_create(
        Measure(
            focus_area=areas[n % AREAS],
            title=f"Tiltak {n}",
            timeframe=["Kontinuerlig", "2020–2030", "2025", "2021, 2023, 2025"][n % 4],
            by_secretariat=True,
            by_chapters=n % 3 == 0,
            metric="consultations.answered" if n % 10 == 0 else "",
        )
        for n in range(measures)
    )
    review = None
    for p in range(periods):
        year, half = 2020 + p // 2, 1 + p % 2
        review = followup.start_review(plan, year, half)
        review.statuses.update(public=True)
        if p < periods - 1:
            review.save_revision().publish()
    return plan, review


def measure(client, url):
    times = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def main():
    settings.DEBUG = False
    staff = setup()
    admin = Client()
    admin.force_login(staff)
    public = Client()
    print(f"{'visning':<34} {'tiltak':>7} {'perioder':>9} {'ms (median)':>12} {'spørringer':>11}")
    for number, (measures, periods) in enumerate(SIZES):
        plan, review = build(measures, periods, number)
        paths = [
            ("Admin: vurder tiltak", f"/admin/snippets/strategy/review/{review.pk}/vurder/", admin),
            (
                "Admin: strategirapport",
                f"/admin/snippets/strategy/review/rapport/?review={review.pk}",
                admin,
            ),
            (
                "Admin: rapport som regneark",
                f"/admin/snippets/strategy/review/rapport/?review={review.pk}&export=xlsx",
                admin,
            ),
            (
                "Admin: rapport som Word",
                f"/admin/snippets/strategy/review/{review.pk}/rapport/word/",
                admin,
            ),
            (
                "Admin: midtveisevaluering",
                f"/admin/snippets/strategy/review/midtveis/?plan={plan.pk}",
                admin,
            ),
            ("Offentlig: /strategi/", "/strategi/", public),
        ]
        for label, url, client in paths:
            client.get(url)  # warm up
            ms, queries = measure(client, url)
            print(f"{label:<34} {measures:>7} {periods:>9} {ms:>12.1f} {queries:>11}")


if __name__ == "__main__":
    main()
