"""Benchmark: outcome tracking at scale — 10,000 proposals and 40,000 outcome events.

Builds a throw-away database (in memory), first with 1,000 proposals and 4,000 events,
then grown to 10,000 and 40,000, and prints for each size the median render time and the
SQL query count of the public accountability page «Hva skjedde med forslagene våre?»,
the list behind one of its figures, and the staff's admin proposal list (plain and
filtered by status and freshness). Equal query counts at both sizes show that the pages
aggregate in SQL rather than loop over rows.

    .venv/bin/python bench/outcomes.py
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
os.environ["PAGE_CACHE"] = "off"  # measure rendering, not the page cache

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

RUNS = 11
DOCUMENTS_PER_STEP = 10
SIZES = [1_000, 10_000]
random.seed(2026)

PATHS = [
    ("Offentlig: /hva-skjedde/", "/hva-skjedde/", False),
    ("Offentlig: listen bak et tall", "/hva-skjedde/forslag/?utfall=adopted&ar=2024", False),
    ("Admin: forslagsliste", "/admin/snippets/advocacy/proposal/", True),
    (
        "Admin: filtrert (status + ferskhet)",
        "/admin/snippets/advocacy/proposal/?status=consideration&freshness=stale",
        True,
    ),
]

DECISIONS = [
    "adopted",
    "partly_adopted",
    "rejected",
    "not_addressed",
    "implemented",
    "consideration",
    "dialogue",
]


def setup_site():
    from advocacy import demo as advocacy_demo
    from base import roles
    from home.demo import ensure_home_page

    call_command("migrate", verbosity=0)
    advocacy_demo.load(open(os.devnull, "w"))
    home, _site = ensure_home_page()
    roles.grant_site_permissions(home)
    from django.contrib.auth.models import Group, User

    staff = User.objects.create_user("sekretariat", "s@example.org", "x")
    staff.groups.add(Group.objects.get(name=roles.STAFF))
    return home, staff


def add_proposals(home, count, start):
    """``count`` proposals in new live documents, each with four outcome events."""
    from advocacy.models import Authority, OutcomeEvent, Proposal, ProposalTheme, Theme
    from advocacy.outcomes import refresh_outcomes
    from home.models import StandardPage

    authorities = list(Authority.objects.all())
    themes = list(Theme.objects.all())
    per_document = count // DOCUMENTS_PER_STEP
    today = timezone.localdate()
    proposals = []
    for d in range(DOCUMENTS_PER_STEP):
        page = StandardPage(title=f"Høringssvar {start + d}", slug=f"svar-{start}-{d}")
        home.add_child(instance=page)
        page.save_revision().publish()
        authority = random.choice(authorities)
        for n in range(per_document):
            submitted = today - datetime.timedelta(days=random.randint(60, 2_500))
            moment = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(12)))
            proposals.append(
                Proposal(
                    source_page=page,
                    document_title=page.title,
                    block_id=f"b{n}",
                    position=n + 1,
                    text=f"Forslag {start + d}-{n}: pårørende skal få informasjon og medvirke.",
                    target_authority=authority if n % 7 else random.choice(authorities),
                    first_published_at=moment,
                    last_published_at=moment,
                    submitted_on=submitted,
                )
            )
    Proposal.objects.bulk_create(proposals, batch_size=2_000)
    links, events = [], []
    now = timezone.now()
    for proposal in proposals:
        for theme in random.sample(themes, random.choice([1, 1, 2])):
            links.append(ProposalTheme(content_object=proposal, tag=theme))
        days = sorted(random.sample(range(1, max(2, (today - proposal.submitted_on).days)), 3))
        kinds = ["submitted", "acknowledged", "dialogue", random.choice(DECISIONS)]
        dates = [proposal.submitted_on] + [
            proposal.submitted_on + datetime.timedelta(days=d) for d in days
        ]
        for kind, date in zip(kinds, dates, strict=True):
            events.append(
                OutcomeEvent(
                    proposal=proposal,
                    kind=kind,
                    date=date,
                    evidence_kind="bill",
                    evidence_title="Prop. 1 L (eksempel)",
                    evidence_url="https://www.regjeringen.no/",
                    public_note="Offentlig merknad.",
                    staff_note="Intern merknad.",
                    recorded_at=now,
                    published_at=None if random.random() < 0.05 else now,
                )
            )
    ProposalTheme.objects.bulk_create(links, batch_size=5_000)
    OutcomeEvent.objects.bulk_create(events, batch_size=5_000)
    started = time.perf_counter()
    refresh_outcomes([p.pk for p in proposals])
    return time.perf_counter() - started


def number(value):
    return f"{value:,}".replace(",", " ")


def measure(client, path):
    client.get(path)  # warm caches
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return statistics.median(timings), len(queries)


def main():
    from advocacy.models import OutcomeEvent, Proposal

    assert not settings.LPP_PAGE_CACHE_ENABLED
    home, staff = setup_site()
    public = Client()
    admin = Client()
    admin.force_login(staff)
    results = {}
    built = 0
    for size in SIZES:
        refresh_seconds = add_proposals(home, size - built, start=built)
        built = size
        proposals = Proposal.objects.count()
        events = OutcomeEvent.objects.count()
        print(
            f"\n{number(proposals)} forslag, {number(events)} hendelser "
            f"(statusfeltene oppdatert i SQL på {refresh_seconds:.2f} s)"
        )
        for label, path, staff_only in PATHS:
            median, queries = measure(admin if staff_only else public, path)
            results.setdefault(label, []).append(queries)
            print(f"  {label:<40} median {median:7.1f} ms   {queries:3d} spørringer")
    constant = all(len(set(counts)) == 1 for counts in results.values())
    print(
        "\nAntall spørringer er "
        + ("likt" if constant else "IKKE likt")
        + f" ved {number(SIZES[0])} og {number(SIZES[-1])} forslag."
    )
    return 0 if constant else 1


if __name__ == "__main__":
    sys.exit(main())
