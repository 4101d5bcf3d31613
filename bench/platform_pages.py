"""Render times and SQL query counts of the platform's public pages.

Builds, in a throw-away in-memory SQLite database: a platform edition with 12 chapters
and 150 positions (plus 24 demands), the agreement with 10 clauses, and then renders the
edition page, a chapter page, a theme page and the agreement page. Prints each page's
median render time and its query count — and the count for a small platform (2 chapters)
to show it does not grow with the content.

    .venv/bin/python bench/platform_pages.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "lpp.settings.test"
os.environ.pop("DATABASE_URL", None)

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

RUNS = 25


def build_platform(home, edition_label, chapters, positions_per_chapter, themes):
    from political_platform.models import PlatformChapterPage, PlatformIndexPage, PlatformPage

    index = PlatformIndexPage.objects.first()
    if index is None:
        index = PlatformIndexPage(title="Politisk plattform", slug="politikk")
        home.add_child(instance=index)
        index.save_revision().publish()
    edition = PlatformPage(
        title=f"Politisk plattform {edition_label}",
        slug=edition_label.replace("–", "-"),
        edition=edition_label,
    )
    index.add_child(instance=edition)
    edition.save_revision().publish()
    made = 0
    for n in range(chapters):
        count = (
            positions_per_chapter[n]
            if isinstance(positions_per_chapter, list)
            else (positions_per_chapter)
        )
        chapter = PlatformChapterPage(
            title=f"Kapittel {n + 1}",
            slug=f"kapittel-{n + 1}",
            intro="Et kort sammendrag av kapitlet.",
            body=[
                ("heading", {"text": "Bakgrunn", "level": "h3"}),
                ("paragraph", RichText("<p>" + "Pårørende er en ressurs. " * 40 + "</p>")),
            ],
            positions=[
                (
                    "position",
                    {
                        "text": f"standpunkt {n + 1}.{i + 1} skal gjelde.",
                        "themes": [themes[(n + i) % len(themes)]],
                    },
                )
                for i in range(count)
            ],
            demands=[
                (
                    "demand",
                    {
                        "text": f"krav {n + 1}.{i + 1}.",
                        "rationale": RichText(""),
                        "themes": [themes[n % len(themes)]],
                        "target_authority": None,
                    },
                )
                for i in range(2)
            ],
        )
        edition.add_child(instance=chapter)
        chapter.save_revision().publish()
        made += count
    return edition, made


def build_agreement(home, themes):
    from agreement.demo import CLAUSES, clause_value
    from agreement.models import AgreementPage

    page = AgreementPage(
        title="Pårørendeavtale",
        slug="parorendeavtale",
        version="0.1",
        clauses=[("clause", clause_value({t.slug: t for t in themes}, *c)) for c in CLAUSES],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def measure(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(ctx.captured_queries)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), queries, len(response.content)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    from advocacy import demo as advocacy_demo
    from advocacy.models import Theme
    from home.demo import ensure_home_page
    from political_platform.models import Position

    advocacy_demo.load(open(os.devnull, "w"))
    home, _site = ensure_home_page()
    themes = list(Theme.objects.order_by("slug"))
    client = Client()

    small, _ = build_platform(home, "2023–2027", 2, 3, themes)
    small_url = small.url
    client.get(small_url)
    _, small_queries, _ = measure(client, small_url)

    per_chapter = [13] * 6 + [12] * 6  # 150 positions
    large, made = build_platform(home, "2027–2031", 12, per_chapter, themes)
    agreement = build_agreement(home, themes)
    assert made == 150 and Position.objects.filter(edition=large).count() == 150

    theme = Theme.objects.get(slug="tvang")
    pages = [
        ("Plattformutgave (12 kapitler, 150 standpunkter, 24 krav)", large.url),
        ("Plattformkapittel (13 standpunkter)", large.get_children().first().url),
        ("Temaside /tema/tvang/", theme.get_absolute_url()),
        ("Pårørendeavtalen (10 punkter)", agreement.url),
    ]
    print(f"Median av {RUNS} visninger, SQLite i minnet, Django-testklient\n")
    print(f"{'side':<58} {'median ms':>10} {'spørringer':>11} {'kB':>6}")
    for label, url in pages:
        median, queries, size = measure(client, url)
        print(f"{label:<58} {median:>10.1f} {queries:>11} {size / 1024:>6.0f}")
    _, large_queries, _ = measure(client, large.url)
    print(
        f"\nSpørringer, plattformutgave: 2 kapitler/6 standpunkter = {small_queries}, "
        f"12 kapitler/150 standpunkter = {large_queries} "
        f"({'konstant' if small_queries == large_queries else 'VOKSER'})"
    )


if __name__ == "__main__":
    main()
