"""Benchmark: every public page type at demo size and at scale (issue 19).

Builds a throw-away in-memory SQLite database with the demo content, measures one page
of every public page type, then grows it to about ten years of LPP at three times its
pace — 300 more consultation responses with 10 proposals each, sent through the
project's own rules (consultation, approval, archived submission, publication, proposal
extraction), 40 themes and 20,000 outcome events in all — and measures again. Events are
bulk-created (an event has no rule beyond its fields) and the proposals' statuses
refreshed with the project's own SQL roll-up.

Prints per page: median and 95th percentile render time (in-process, uncached: the page
cache is off), SQL queries, HTML size, and the growth factor (median at scale / median
at demo size), with the goals of issue 19 marked met or not:

    ≤ 10 ms median at demo size, ≤ 15 ms at scale, ≤ 12 queries and the same at both
    sizes, ≤ 100 KB of HTML at scale, growth ≤ 1.5.

Times are reported, never asserted. SCALE_RESPONSES and SCALE_RUNS change the size.

    .venv/bin/python bench/scale.py
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

warnings.filterwarnings("ignore")

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

RUNS = int(os.environ.get("SCALE_RUNS", "15"))
RESPONSES = int(os.environ.get("SCALE_RESPONSES", "300"))
PROPOSALS_PER_RESPONSE = 10
THEMES = 40
EVENTS = 20_000
random.seed(2026)

GOAL_DEMO_MS = 10
GOAL_SCALE_MS = 15
GOAL_QUERIES = 12
GOAL_KB = 100
GOAL_GROWTH = 1.5

DECISIONS = ["adopted", "partly_adopted", "rejected", "not_addressed", "implemented"]


def pages():
    """(label, path) for one page of every public page type. Chosen once, at demo size,
    so both sizes measure the same page."""
    from advocacy.models import Proposal, Theme
    from agreement.models import AgreementPage
    from consultations.models import ConsultationResponseIndexPage, ConsultationResponsePage
    from home.models import StandardPage
    from political_platform.models import PlatformChapterPage, PlatformIndexPage, PlatformPage

    def first_url(model):
        page = model.objects.live().public().order_by("path").first()
        return page.url if page else None

    theme = Theme.objects.filter(slug="parorendes-rettigheter").first() or Theme.objects.first()
    proposal = Proposal.objects.submitted().order_by("pk").first()
    archive = first_url(ConsultationResponseIndexPage)
    result = [
        ("Forside", "/"),
        ("Temaoversikt", "/tema/"),
        ("Temaside", theme.get_absolute_url()),
        ("Høringssvararkiv", archive),
        ("Arkiv filtrert på år", f"{archive}?ar=2024"),
        ("Høringssvar", first_url(ConsultationResponsePage)),
        ("Plattformoversikt", first_url(PlatformIndexPage)),
        ("Plattformutgave", first_url(PlatformPage)),
        ("Plattformkapittel", first_url(PlatformChapterPage)),
        ("Samarbeidsavtale", first_url(AgreementPage)),
        ("Standardside", first_url(StandardPage)),
        ("Hva skjedde", "/hva-skjedde/"),
        ("Forslag fra 2024", "/hva-skjedde/forslag/?ar=2024"),
        ("Ett forslags tidslinje", f"/hva-skjedde/forslag/{proposal.pk}/"),
        ("Søk", "/sok/?q=p%C3%A5r%C3%B8rende"),
        ("Nyhetsstrøm høringssvar", "/feed/horingssvar/"),
        ("Nyhetsstrøm utfall", "/feed/utfall/"),
        ("Nettstedskart", "/sitemap.xml"),
    ]
    return [(label, path) for label, path in result if path]


def measure(client, path):
    response = client.get(path)  # warm up (templates, Wagtail's site root cache)
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return {
        "median": statistics.median(timings),
        "p95": p95,
        "queries": len(queries),
        "kb": len(response.content) / 1024,
    }


def add_themes():
    from advocacy.models import Theme

    existing = Theme.objects.count()
    Theme.objects.bulk_create(
        Theme(name=f"Skalatema {n}", slug=f"skalatema-{n}", description="Et tema for målingen.")
        for n in range(max(0, THEMES - existing))
    )


def add_responses(count):
    """``count`` consultation responses, each through LPP's rules: a consultation, its
    response page, the board's approval and the archived submission, which publishes
    the page and extracts its proposals."""
    from advocacy.models import Authority, Theme
    from consultations import demo
    from consultations.models import ConsultationResponseIndexPage

    index = ConsultationResponseIndexPage.objects.first()
    authorities = list(Authority.objects.all())
    themes = list(Theme.objects.values_list("slug", flat=True))
    today = timezone.localdate()
    for n in range(count):
        submitted = today - datetime.timedelta(days=60 + (n * 3650) // count)
        authority = authorities[n % len(authorities)]
        consultation, _ = demo.ensure_consultation(
            authority,
            f"skala/{n}",
            title=f"Høring nummer {n} om pårørendes rettigheter",
            announced_on=submitted - datetime.timedelta(days=90),
            deadline=submitted + datetime.timedelta(days=1),
            themes=random.sample(themes, 2),
        )
        body = [
            demo.proposal(
                f"Forslag {n}-{k}: pårørende skal få informasjon, avlastning og medvirke.",
                "Pårørende er en ressurs og må bli sett og hørt.",
                *random.sample(themes, random.choice([1, 1, 2])),
                authority=authority,
            )
            for k in range(PROPOSALS_PER_RESPONSE)
        ]
        page, _ = demo.ensure_response(
            index,
            consultation,
            f"skala-{n}",
            title=f"Høringssvar nummer {n} om pårørendes rettigheter",
            summary="LPP ber om at pårørende blir sett og hørt.",
            letter_date=submitted,
            signatory="Navn Navnesen, styreleder",
            body=body,
        )
        demo.send(
            consultation,
            page,
            submitted,
            "epost",
            "postmottak@example.org",
            then=[demo.Status.AWAITING_OUTCOME],
        )


def add_events(total):
    """Outcome events up to ``total``: acknowledgements, dialogue and a decision per
    proposal, in date order after its submission, then the statuses rolled up in SQL."""
    from advocacy.models import OutcomeEvent, Proposal
    from advocacy.outcomes import refresh_outcomes

    missing = total - OutcomeEvent.objects.count()
    proposals = list(Proposal.objects.submitted().values_list("pk", "submitted_on"))
    now = timezone.now()
    today = timezone.localdate()
    events = []
    while len(events) < missing:
        for pk, submitted_on in proposals:
            if len(events) >= missing:
                break
            submitted_on = submitted_on or today - datetime.timedelta(days=400)
            span = max(2, (today - submitted_on).days)
            kind = random.choice(["acknowledged", "dialogue", *DECISIONS])
            events.append(
                OutcomeEvent(
                    proposal_id=pk,
                    kind=kind,
                    date=submitted_on + datetime.timedelta(days=random.randint(1, span - 1)),
                    evidence_kind="bill",
                    evidence_title="Prop. 1 L (eksempel)",
                    evidence_url="https://www.regjeringen.no/",
                    public_note="Offentlig merknad.",
                    staff_note="Intern merknad.",
                    recorded_at=now,
                    published_at=now,
                )
            )
    OutcomeEvent.objects.bulk_create(events, batch_size=2_000)
    refresh_outcomes([pk for pk, _ in proposals])


def goal(ok):
    return "ja" if ok else "NEI"


def report(paths, demo, scale):
    header = (
        f"{'Side':<26} {'demo ms':>8} {'p95':>6} {'skala ms':>9} {'p95':>6} "
        f"{'spørr. d/s':>11} {'KB d/s':>13} {'vekst':>6}  mål: ms  spørr.  KB  vekst"
    )
    print(header)
    print("-" * len(header))
    all_met = True
    for label, _path in paths:
        d, s = demo[label], scale[label]
        growth = s["median"] / d["median"] if d["median"] else float("inf")
        met = {
            "ms": d["median"] <= GOAL_DEMO_MS and s["median"] <= GOAL_SCALE_MS,
            "queries": s["queries"] <= GOAL_QUERIES and d["queries"] == s["queries"],
            "kb": s["kb"] <= GOAL_KB,
            "growth": growth <= GOAL_GROWTH,
        }
        all_met &= all(met.values())
        print(
            f"{label:<26} {d['median']:8.1f} {d['p95']:6.1f} {s['median']:9.1f} {s['p95']:6.1f} "
            f"{d['queries']:>5}/{s['queries']:<5} {d['kb']:6.1f}/{s['kb']:<6.1f} {growth:6.2f}"
            f"  {goal(met['ms']):>7} {goal(met['queries']):>6} {goal(met['kb']):>3} "
            f"{goal(met['growth']):>6}"
        )
    print(
        f"\nMål: median ≤ {GOAL_DEMO_MS} ms (demo) og ≤ {GOAL_SCALE_MS} ms (skala), "
        f"≤ {GOAL_QUERIES} spørringer og like mange ved begge størrelser, ≤ {GOAL_KB} KB HTML, "
        f"vekst ≤ {GOAL_GROWTH}. Tidene måles i prosessen, uten sidebuffer; last og maskin "
        "påvirker dem."
    )
    print("Alle mål nådd." if all_met else "Ikke alle mål er nådd.")


def sizes():
    from advocacy.models import OutcomeEvent, Proposal, Theme
    from consultations.models import ConsultationResponsePage

    return (
        f"{ConsultationResponsePage.objects.live().count()} høringssvar, "
        f"{Proposal.objects.count()} forslag, {Theme.objects.count()} temaer, "
        f"{OutcomeEvent.objects.count()} utfallshendelser"
    )


def main():
    from django.conf import settings

    # As in production: figures that change only on publish are kept (base.cache.remember);
    # the test settings this script borrows turn that off.
    settings.LPP_FIGURES_CACHE_ENABLED = True
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    client = Client()
    paths = pages()
    print(f"Demostørrelse: {sizes()}", flush=True)
    demo = {label: measure(client, path) for label, path in paths}
    started = time.perf_counter()
    add_themes()
    add_responses(RESPONSES)
    add_events(EVENTS)
    print(f"Skala: {sizes()} (bygget på {time.perf_counter() - started:.0f} s)\n", flush=True)
    scale = {label: measure(client, path) for label, path in paths}
    if os.environ.get("SCALE_DUMP"):  # the HTML at scale, to see what makes a page large
        folder = Path(os.environ["SCALE_DUMP"])
        folder.mkdir(parents=True, exist_ok=True)
        for n, (_label, path) in enumerate(paths):
            (folder / f"{n:02d}.html").write_bytes(client.get(path).content)
    report(paths, demo, scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
