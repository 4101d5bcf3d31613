"""The platform edition and its chapters read the same queries whatever the number of
chapters, positions, demands and themes (issue 19), measured at two sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.tests.factories import ThemeFactory

from .factories import PlatformChapterPageFactory, PlatformPageFactory, demand, position

pytestmark = pytest.mark.django_db
# Issue 19 asks for ≤ 12. Routing costs the same at any depth (base.routing): the site,
# the home page, the chain and the page, one for their view restrictions; then the page's
# own content (the menu and the organisation's details are kept between requests).
MAX_EDITION_QUERIES = 11
MAX_CHAPTER_QUERIES = 9


def edition_with(home_page, size, name):
    """An adopted edition with ``size`` chapters of ``size`` positions and demands, each
    on ``size`` themes."""
    themes = [ThemeFactory(slug=f"tema-{size}-{n}") for n in range(size)]
    edition = PlatformPageFactory(edition=name, status="vedtatt")
    chapters = [
        PlatformChapterPageFactory(
            parent=edition,
            title=f"Kapittel {size} {c}",
            positions=[position(f"standpunkt {c}-{n}.", *themes) for n in range(size)],
            demands=[demand(f"Krav {c}-{n}.", *themes) for n in range(size)],
        )
        for c in range(size)
    ]
    return edition, chapters[0]


def queries(client, url):
    assert client.get(url).status_code == 200  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def small_and_large(home_page, settings):
    settings.LPP_FIGURES_CACHE_ENABLED = True  # as in production: the menu is kept
    return edition_with(home_page, 1, "2023–2027"), edition_with(home_page, 6, "2027–2031")


def test_an_edition_uses_few_queries_whatever_its_size(client, small_and_large):
    (small, _), (large, _) = small_and_large
    assert queries(client, small.url) == queries(client, large.url) <= MAX_EDITION_QUERIES


def test_a_chapter_uses_few_queries_whatever_its_size(client, small_and_large):
    (_, small), (_, large) = small_and_large
    assert queries(client, small.url) == queries(client, large.url) <= MAX_CHAPTER_QUERIES
