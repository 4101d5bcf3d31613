"""Query-syntax payloads (issue 12 item 2) through every public way to search: the search
page, its suggestions, the API's ``?search=`` on pages, proposals and themes, and the
search page with a type filter. Never a server error, never the text of a restricted page
among the results, and a query that matches something public still finds it. Runs on
PostgreSQL too when ``DATABASE_URL`` points there (its full-text parser is stricter)."""

from urllib.parse import quote

import pytest
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from search import indexer
from search.tests.factories import HOSTILE_QUERIES, RAW_QUERY_STRINGS

pytestmark = pytest.mark.django_db

# Every payload through the search page, its suggestions and the pages API; the other
# API endpoints share the pages endpoint's search filter (lpp/api_support.py), so every
# third payload is enough there (the proposals endpoint is the slowest to build).
WAYS = ["/sok/?q=", "/sok/forslag/?q=", "/api/v2/pages/?search="]
SHARED_WAYS = [
    "/sok/?type=home.standardpage&q=",
    "/api/v2/proposals/?search=",
    "/api/v2/themes/?search=",
]
SECRET = "Qzyhemmelig"


@pytest.fixture
def searchable(home_page):
    public = StandardPage(title="Pårørende og tvang", slug="offentlig", intro="Pårørende")
    hidden = StandardPage(title=f"Pårørende {SECRET}", slug="skjult", intro=f"Pårørende {SECRET}")
    for page in (public, hidden):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    indexer.rebuild()
    return public


def _encoded(query):
    return quote(query, safe="", errors="surrogatepass")


def test_no_query_payload_gives_an_error_or_a_restricted_page(client, searchable):
    client.raise_request_exception = False
    sent, errors, leaks = 0, [], []
    queries = [_encoded(q) for q in HOSTILE_QUERIES] + RAW_QUERY_STRINGS
    for number, query in enumerate(queries):
        for way in WAYS + (SHARED_WAYS if number % 3 == 0 else []):
            response = client.get(way + query)
            sent += 1
            if response.status_code >= 500:
                errors.append(f"{way}{query[:40]}: {response.status_code}")
            elif SECRET in response.content.decode("utf-8", "replace"):
                leaks.append(f"{way}{query[:40]}")
    assert not errors, "\n".join(errors)
    assert not leaks, "\n".join(leaks)
    assert sent >= 50 * len(WAYS)
    print(f"\nSøkesyntaks: {len(queries)} uttrykk, {sent} forespørsler, 0 serverfeil, 0 lekkasjer.")


@pytest.mark.parametrize("query", ['"pårørende', "pårørende AND", "pårørende~2", "+pårørende"])
def test_a_payload_around_a_real_word_still_finds_the_public_page(client, searchable, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    assert searchable.title in [doc.title for doc in response.context["outcome"].documents]
