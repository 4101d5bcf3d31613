"""«Hva skjedde» stays small as the archive grows (issue 19): the overview shows the top
of each breakdown with the full lists paged behind a link, and its figures are computed
once per change of public content, not on every uncached view."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.outcomes import record_event
from advocacy.outcomes.accountability import FULL_LIST_PAGE_SIZE, TOP_ROWS

from .factories import AuthorityFactory, DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def many_authorities(home_page):
    """One proposal to each of TOP_ROWS + 2 authorities, in as many documents."""
    for n in range(TOP_ROWS + 2):
        document = DocumentFactory(parent=home_page, title=f"Høringssvar {n:02d}", slug=f"svar-{n}")
        ProposalFactory(
            source_page=document,
            text=f"Forslag {n}",
            submitted_on=D(2025, 1, 1),
            target_authority=AuthorityFactory(name=f"Myndighet {n:02d}"),
        )


def test_the_overview_shows_the_top_of_a_breakdown_and_links_the_full_list(
    client, many_authorities
):
    html = client.get("/hva-skjedde/").content.decode()
    shown = [n for n in range(TOP_ROWS + 2) if f"Myndighet {n:02d}" in html]
    assert len(shown) == TOP_ROWS
    assert 'href="/hva-skjedde/etter/myndighet/"' in html
    assert f"Se alle {TOP_ROWS + 2}" in html


def test_the_overview_shows_the_newest_documents_and_links_all_of_them(client, many_authorities):
    html = client.get("/hva-skjedde/").content.decode()
    assert 'href="/hva-skjedde/etter/dokument/"' in html
    assert f"Se alle {TOP_ROWS + 2} dokumenter" in html
    full = client.get("/hva-skjedde/etter/dokument/").content.decode()
    assert all(f"Høringssvar {n:02d}" in full for n in range(TOP_ROWS + 2))


def test_the_full_list_has_every_row_with_its_links(client, many_authorities):
    html = client.get("/hva-skjedde/etter/myndighet/").content.decode()
    assert all(f"Myndighet {n:02d}" in html for n in range(TOP_ROWS + 2))
    assert "/hva-skjedde/forslag/?myndighet=" in html
    assert "&amp;utfall=pending" in html


def test_the_full_list_is_paged(client, home_page):
    hod = AuthorityFactory()
    document = DocumentFactory(parent=home_page, title="Et stort høringssvar")
    for year in range(2000, 2000 + FULL_LIST_PAGE_SIZE + 1):
        ProposalFactory(
            source_page=document,
            text=f"Forslag fra {year}",
            submitted_on=D(year, 1, 1),
            target_authority=hod,
        )
    first = client.get("/hva-skjedde/etter/ar/").content.decode()
    second = client.get("/hva-skjedde/etter/ar/", {"side": 2}).content.decode()
    assert "Side 1 av 2" in first and ">2000<" not in first
    assert ">2000<" in second


def test_an_unknown_breakdown_is_not_found(client, many_authorities):
    assert client.get("/hva-skjedde/etter/hemmelig/").status_code == 404


def test_a_bad_page_number_shows_the_first_page(client, many_authorities):
    response = client.get("/hva-skjedde/etter/myndighet/", {"side": "tre'"})
    assert response.status_code == 200
    assert "Myndighet 00" in response.content.decode()


def test_the_figures_are_computed_once_until_content_changes(client, settings, home_page):
    settings.LPP_FIGURES_CACHE_ENABLED = True
    settings.LPP_PAGE_CACHE_ENABLED = False  # an uncached view: only the figures are kept
    document = DocumentFactory(parent=home_page, title="Høringssvar om tvang")
    proposal = ProposalFactory(
        source_page=document,
        text="Forslag om tvang",
        submitted_on=D(2025, 1, 1),
        target_authority=AuthorityFactory(),
    )
    client.get("/hva-skjedde/")  # creates the site's settings row: a content change
    client.get("/hva-skjedde/")
    with CaptureQueriesContext(connection) as first:
        assert "0 av 1 forslag" in client.get("/hva-skjedde/").content.decode()
    record_event(proposal, event_data("adopted", D(2025, 6, 1)), publish=True)
    with CaptureQueriesContext(connection) as after_change:
        html = client.get("/hva-skjedde/").content.decode()
    assert "1 av 1 forslag" in html
    # A view with the figures kept reads none of the proposal tables.
    assert not any("advocacy_proposal" in q["sql"] for q in first.captured_queries)
    assert any("advocacy_proposal" in q["sql"] for q in after_change.captured_queries)


def test_the_overview_does_not_grow_with_the_number_of_authorities(client, many_authorities):
    def size():
        return len(client.get("/hva-skjedde/").content)

    before = size()
    for n in range(TOP_ROWS + 2, 3 * TOP_ROWS):
        document = DocumentFactory(title=f"Høringssvar {n:02d}", slug=f"svar-{n}")
        ProposalFactory(
            source_page=document,
            text=f"Forslag {n}",
            submitted_on=D(2025, 1, 1),
            target_authority=AuthorityFactory(name=f"Myndighet {n:02d}"),
        )
    # Only figures change ("Se alle 30" instead of "Se alle 12", larger totals).
    assert size() <= before * 1.02
