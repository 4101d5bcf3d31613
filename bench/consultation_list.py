"""Benchmark: the staff's consultation list with 5,000 consultations.

Builds a throw-away database (in memory), fills it with 5,000 consultations over 20
authorities, 10 themes and 5 staff members, and prints the median time and the SQL
query count of the admin list view: plain, filtered, searched and sorted.

    .venv/bin/python bench/consultation_list.py
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "lpp.settings.test"
os.environ.pop("DATABASE_URL", None)  # always a temporary in-memory database

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

N = 5_000
RUNS = 15


def build():
    from django.contrib.auth.models import Group, User

    from advocacy.models import Authority, Theme
    from base import roles
    from consultations.models import Consultation, ConsultationTheme
    from consultations.status import Status

    rng = random.Random(2026)
    authorities = [
        Authority.objects.create(name=f"Myndighet {i}", kind=Authority.Kind.MINISTRY)
        for i in range(20)
    ]
    themes = [Theme.objects.create(name=f"Tema {i}", slug=f"tema-{i}") for i in range(10)]
    staff_group = Group.objects.get(name=roles.STAFF)
    staff = []
    for i in range(5):
        user = User.objects.create_user(
            f"ansatt{i}", f"ansatt{i}@example.org", "passord-123", first_name=f"Ansatt {i}"
        )
        user.groups.add(staff_group)
        staff.append(user)
    today = datetime.date(2026, 11, 24)
    statuses = list(Status.values)
    records = []
    for i in range(N):
        announced = today - datetime.timedelta(days=rng.randint(0, 900))
        records.append(
            Consultation(
                title=f"Høring nummer {i} om pårørendes rettigheter",
                authority=rng.choice(authorities),
                case_number=f"{i // 1000 + 20}/{i}",
                announced_on=announced,
                deadline=announced + datetime.timedelta(days=rng.randint(20, 120)),
                responsible=rng.choice(staff),
                status=rng.choice(statuses),
                notes="Interne notater " * 5,
            )
        )
    Consultation.objects.bulk_create(records, batch_size=1000)
    links = [
        ConsultationTheme(content_object=record, tag=theme)
        for record in Consultation.objects.all()
        for theme in rng.sample(themes, 2)
    ]
    ConsultationTheme.objects.bulk_create(links, batch_size=2000)
    return staff[0], authorities[3], themes[2]


def measure(client, url):
    client.get(url)  # warm
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings) * 1000, len(queries)


def main():
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    user, authority, theme = build()
    print(f"Bygget {N} høringer på {time.perf_counter() - started:.1f} s (SQLite i minnet)")
    client = Client()
    client.force_login(user)
    base = "/admin/snippets/consultations/consultation/"
    cases = [
        ("listen (side 1, 50 per side)", base),
        ("filtrert: status + frist 90 dager", f"{base}?status=skrives&frist=90"),
        ("filtrert: myndighet + tema", f"{base}?authority={authority.pk}&themes={theme.pk}"),
        ("søk «nummer 4999»", f"{base}?q=nummer+4999"),
        ("sortert etter status, side 40", f"{base}?ordering=status&p=40"),
    ]
    print(f"{'visning':40} {'median':>10} {'spørringer':>11}")
    for label, url in cases:
        median_ms, queries = measure(client, url)
        print(f"{label:40} {median_ms:8.1f} ms {queries:11d}")


if __name__ == "__main__":
    main()
