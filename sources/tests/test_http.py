"""The polite, resilient client against a local server: User-Agent, conditional
requests, retries with back-off, timeouts and the per-host rate limit."""

import pytest

from sources import http
from sources.models import HttpCacheEntry

pytestmark = pytest.mark.django_db

FEED = "regjeringen/no/dokument/hoyringar/id1763/?show=rss"


def test_every_request_names_lpp_in_its_user_agent(sample_server):
    http.fetch(sample_server.url() + FEED)
    headers = sample_server.requests[0][1]
    assert headers["User-Agent"].startswith("LPP-kildeovervaking/")
    assert "lpp.no" in headers["User-Agent"]


def test_second_request_is_conditional_and_gets_not_modified(sample_server):
    first = http.fetch(sample_server.url() + FEED)
    second = http.fetch(sample_server.url() + FEED)
    assert first.status == 200 and second.not_modified
    assert sample_server.requests[1][1]["If-None-Match"] == HttpCacheEntry.objects.get().etag
    assert sample_server.requests[1][1]["If-Modified-Since"] == "Mon, 16 Nov 2026 09:00:00 GMT"


def test_server_error_is_retried_until_it_answers(sample_server):
    sample_server.mode, sample_server.fail_first = "flaky", 2
    response = http.fetch(sample_server.url() + FEED)
    assert response.status == 200
    assert len(sample_server.requests) == 3


def test_broken_source_gives_up_after_the_retries_with_a_norwegian_message(sample_server):
    sample_server.mode = "broken"
    with pytest.raises(http.SourceUnavailable, match="svarte 500"):
        http.fetch(sample_server.url() + FEED)
    assert len(sample_server.requests) == 3


def test_missing_page_is_not_retried(sample_server):
    with pytest.raises(http.SourceUnavailable, match="404"):
        http.fetch(sample_server.url() + "regjeringen/finnes-ikke/")
    assert len(sample_server.requests) == 1


def test_slow_source_times_out(sample_server, settings):
    sample_server.mode, sample_server.delay = "slow", 0.5
    settings.LPP_SOURCES_FETCH = {"timeout": 0.1, "retries": 2, "backoff": 0.01, "min_interval": 0}
    with pytest.raises(http.SourceUnavailable, match="svarte ikke i tide"):
        http.fetch(sample_server.url() + FEED)


def test_requests_to_one_host_are_spaced_by_the_rate_limit(sample_server, settings):
    settings.LPP_SOURCES_FETCH = {"timeout": 2, "retries": 1, "backoff": 0, "min_interval": 0.2}
    for _ in range(3):
        http.fetch(sample_server.url() + FEED, conditional=False)
    times = [t for _p, _h, t in sample_server.requests]
    assert times[1] - times[0] >= 0.18 and times[2] - times[1] >= 0.18


def test_only_web_addresses_are_fetched():
    with pytest.raises(http.SourceUnavailable, match="Ugyldig adresse"):
        http.fetch("ftp://example.org/")
