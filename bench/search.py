"""Public search at 20,000 documents: ours against stock Wagtail, on the same data.

Builds 20,000 published pages of realistic Norwegian text (about 200 words each, drawn
from the sentences in bench/search_corpus.txt), indexes them both in the project's
Norwegian index (search/) and in stock Wagtail's database backend, then runs 200 one-
to-three-word queries and prints median and 95th percentile (ms) for search (top 10),
count and autocomplete.

* SQLite (default): a throw-away database file in a temporary directory.
* PostgreSQL: when DATABASE_URL points at a PostgreSQL server, a throw-away test
  database is created on it (test_<name>) and dropped afterwards.

A stock query is stopped after STOCK_LIMIT_MS and counted as that long (marked "≥").

    .venv/bin/python bench/search.py [--documents 20000] [--queries 200]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "lpp.settings.test"
_TMP = tempfile.TemporaryDirectory(prefix="lpp-bench-search-")
POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
if not POSTGRES:
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP.name}/bench.sqlite3"

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

CORPUS = ROOT / "bench" / "search_corpus.txt"
STOCK_LIMIT_MS = 2000
WORDS_PER_DOCUMENT = 200


def sentences():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def make_text(rng, pool, words=WORDS_PER_DOCUMENT):
    out, count = [], 0
    while count < words:
        sentence = rng.choice(pool)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def make_queries(rng, pool, n):
    from base import analysis

    vocabulary = [
        w
        for s in pool
        for w in analysis.words(s)
        if len(w) >= 4 and not w.isdigit() and analysis.fold(w) not in analysis.STOP_WORDS
    ]
    queries = []
    for _ in range(n):
        size = rng.choices([1, 2, 3], weights=[4, 4, 2])[0]
        queries.append(" ".join(rng.choice(vocabulary).lower() for _ in range(size)))
    return queries


def setup_database():
    if POSTGRES:
        from django.test.utils import setup_databases

        return setup_databases(verbosity=0, interactive=False)
    call_command("migrate", verbosity=0)
    return None


def teardown_database(old_config):
    if old_config is not None:
        from django.test.utils import teardown_databases

        connection.close()
        teardown_databases(old_config, verbosity=0)


def build_pages(n, rng, pool):
    """n published StandardPages under the home page, inserted in bulk (treebeard paths
    computed here; Wagtail's add_child would take minutes)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from home.demo import ensure_home_page
    from home.models import StandardPage

    home, _site = ensure_home_page()
    content_type = ContentType.objects.get_for_model(StandardPage)
    locale = Locale.get_default()
    now = timezone.now()
    start = home.numchild
    pages = []
    for i in range(n):
        text = make_text(rng, pool)
        title = " ".join(text.split()[rng.randint(0, 20) :][: rng.randint(3, 8)]).strip(" .,:;")
        slug = f"bench-{i}"
        pages.append(
            (
                Page(
                    title=title or f"Side {i}",
                    draft_title=title or f"Side {i}",
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    path=Page._get_path(home.path, home.depth + 1, start + i + 1),
                    depth=home.depth + 1,
                    numchild=0,
                    url_path=f"{home.url_path}{slug}/",
                    locale=locale,
                    first_published_at=now,
                    last_published_at=now,
                ),
                text,
            )
        )
    with transaction.atomic():
        for chunk in range(0, n, 1000):
            batch = pages[chunk : chunk + 1000]
            created = Page.objects.bulk_create([page for page, _text in batch])
            if any(page.pk is None for page in created):
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in created]).values_list(
                        "path", "pk"
                    )
                )
                for page in created:
                    page.pk = ids[page.path]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO home_standardpage (page_ptr_id, intro, body) VALUES (%s, %s, %s)",
                    [
                        (page.pk, text, "[]")
                        for page, text in zip(created, [t for _p, t in batch], strict=True)
                    ],
                )
        Page.objects.filter(pk=home.pk).update(numchild=start + n)
    return StandardPage


def timed(function, limit_ms=None):
    started = time.perf_counter()
    capped = False
    if limit_ms and connection.vendor == "sqlite":
        deadline = started + limit_ms / 1000
        connection.ensure_connection()
        connection.connection.set_progress_handler(
            lambda: 1 if time.perf_counter() > deadline else 0, 10_000
        )
    try:
        function()
    except Exception as error:  # noqa: BLE001 - a stopped stock query is counted as the limit
        if limit_ms and ("interrupted" in str(error) or "statement timeout" in str(error)):
            capped = True
            if connection.vendor == "postgresql":
                connection.rollback() if not connection.get_autocommit() else None
        else:
            raise
    finally:
        if limit_ms and connection.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
    elapsed = (time.perf_counter() - started) * 1000
    return (limit_ms if capped else elapsed), capped


def measure(label, queries, operation, limit_ms=None):
    times, capped = [], 0
    for query in queries[:10]:  # warm up caches
        timed(lambda q=query: operation(q), limit_ms)
    for query in queries:
        elapsed, was_capped = timed(lambda q=query: operation(q), limit_ms)
        times.append(elapsed)
        capped += was_capped
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    return label, statistics.median(times), p95, capped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    rng = random.Random(2026)
    pool = sentences()
    old_config = setup_database()
    try:
        run(args, rng, pool)
    finally:
        teardown_database(old_config)
        _TMP.cleanup()


def run(args, rng, pool):
    from modelsearch.backends import get_search_backend

    from base import analysis, engines, indexer

    vendor = connection.vendor
    print(
        f"Database: {vendor}; {args.documents} dokumenter à ~{WORDS_PER_DOCUMENT} ord; "
        f"{args.queries} spørringer"
    )

    started = time.perf_counter()
    model = build_pages(args.documents, rng, pool)
    print(f"Sider lagt inn: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    count = indexer.rebuild()
    print(f"Vår indeks bygget: {count} dokumenter, {time.perf_counter() - started:.1f} s")

    stock = get_search_backend("wagtail.search.backends.database")
    started = time.perf_counter()
    objects = list(model.objects.all())
    for chunk in range(0, len(objects), 1000):
        with transaction.atomic():
            stock.add_bulk(model, objects[chunk : chunk + 1000])
    del objects
    print(f"Wagtails indeks bygget: {time.perf_counter() - started:.1f} s")

    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute(f"SET statement_timeout = {STOCK_LIMIT_MS}")

    queries = make_queries(rng, pool, args.queries)
    index = engines.DatabaseIndex()
    live = model.objects.live()

    def ours_search(q):
        engines.load_documents(index.ranked_ids(analysis.query_words(q), {}, 0, 10))

    def ours_count(q):
        index.count(analysis.query_words(q), {})

    def ours_autocomplete(q):
        prefixes = analysis.query_prefixes(q)
        prefixes[-1] = prefixes[-1][:4]
        index.autocomplete(prefixes)

    def stock_search(q):
        list(stock.search(q, live)[:10])

    def stock_count(q):
        stock.search(q, live).count()

    def stock_autocomplete(q):
        words = q.split()
        words[-1] = words[-1][:4]
        list(stock.autocomplete(" ".join(words), live)[:8])

    rows = []
    for label, operation, limit in [
        ("vår: søk (topp 10)", ours_search, None),
        ("vår: antall", ours_count, None),
        ("vår: autofullfør", ours_autocomplete, None),
        ("Wagtail: søk (topp 10)", stock_search, STOCK_LIMIT_MS),
        ("Wagtail: antall", stock_count, STOCK_LIMIT_MS),
        ("Wagtail: autofullfør", stock_autocomplete, STOCK_LIMIT_MS),
    ]:
        rows.append(measure(label, queries, operation, limit))
        print(f"  målt: {label}: median {rows[-1][1]:.1f} ms, p95 {rows[-1][2]:.1f} ms", flush=True)
    targets = {"sqlite": (20, 100), "postgresql": (30, 100)}[vendor]
    print()
    print(
        f"| {vendor} – {args.documents} dokumenter | median ms | p95 ms | stoppet ved "
        f"{STOCK_LIMIT_MS} ms |"
    )
    print("|---|---:|---:|---:|")
    for label, median, p95, capped in rows:
        mark = "≥" if capped and p95 >= STOCK_LIMIT_MS else ""
        print(f"| {label} | {median:.1f} | {mark}{p95:.1f} | {capped} |")
    ours = rows[:3]
    ok = all(median < targets[0] and p95 < targets[1] for _l, median, p95, _c in ours)
    print()
    print(
        f"Mål for vår ({vendor}): median < {targets[0]} ms, p95 < {targets[1]} ms: "
        f"{'nådd' if ok else 'IKKE nådd'}."
    )
    print(f"Eksempler på spørringer: {', '.join(repr(q) for q in queries[:8])}")


if __name__ == "__main__":
    main()
