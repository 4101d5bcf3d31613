"""The connectors against the recorded samples, served over HTTP by a local server."""

import datetime

import pytest

from sources.connectors import CONNECTORS
from sources.connectors.base import Item, Rejected

pytestmark = pytest.mark.django_db


def test_regjeringen_reads_feed_and_consultation_pages(sample_server):
    items = CONNECTORS["regjeringen"]().fetch()
    assert [i.external_id for i in items] == ["3100001", "3100002", "3100003"]
    first = items[0]
    assert first.authority_name == "Helse- og omsorgsdepartementet"
    assert first.case_number == "26/4411"
    assert first.deadline == datetime.date(2027, 2, 15)
    assert first.published_on == datetime.date(2026, 11, 13)
    assert "Landsforeningen for Pårørende innen Psykisk helse (LPP)" in first.consulted_bodies
    assert first.documents[0]["url"].startswith("https://www.regjeringen.no/contentassets/")


def test_regjeringen_skips_pages_of_known_items(sample_server):
    CONNECTORS["regjeringen"]().fetch(known_ids={"3100001", "3100002"})
    pages = [path for path, _h, _t in sample_server.requests if "/dokumenter/" in path]
    assert pages == [
        "/regjeringen/no/dokumenter/horing-nasjonal-faglig-retningslinje-selvmordsforebygging/id3100003/"
    ]


def test_stortinget_reads_hearings_of_the_current_session(sample_server):
    items = CONNECTORS["stortinget"]().fetch()
    assert [i.external_id for i in items] == ["10004501", "10004502", "10004503"]
    assert items[0].authority_name == "Helse- og omsorgskomiteen"
    assert items[0].deadline == datetime.date(2027, 1, 8)
    assert items[0].stortinget_case_id == "104567"
    assert any("sesjonid=2026-2027" in path for path, _h, _t in sample_server.requests)


def test_stortinget_case_progress_in_order(sample_server):
    case = CONNECTORS["stortinget"]().read_case("104567")
    keys = [step[0] for step in case["steps"]]
    assert keys == [
        "komite",
        "innst:inns-202627-210l",
        "debatt:s270310",
        "lovvedtak:vedtak-202627-060",
        "vedtak",
    ]
    assert case["status"] == "behandlet"


def test_helsedirektoratet_reads_the_list_page(sample_server):
    items = CONNECTORS["helsedirektoratet"]().fetch()
    assert len(items) == 3
    assert all(isinstance(i, Item) for i in items)
    assert items[0].deadline == datetime.date(2027, 1, 20)
    assert (
        items[0].url
        == "https://www.helsedirektoratet.no/horinger/revidert-veileder-for-parorende-i-helse-og-omsorgstjenesten"
    )


def test_page_without_deadline_is_rejected_not_half_read(sample_server):
    path = "regjeringen/no/dokumenter/horing-forskrift-om-fiskekvoter-2027/id3100002/"
    sample_server.overrides[path] = (
        "<html><body><h1>Høring</h1><p>Ny mal uten frist</p></body></html>".encode()
    )
    items = CONNECTORS["regjeringen"]().fetch()
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [r.external_id for r in rejected] == ["3100002"]
    assert "høringsfristen" in rejected[0].reason


def test_recorded_samples_also_read_from_files(settings):
    from sources.conf import sources_from_env

    settings.LPP_SOURCES = sources_from_env({})
    items = CONNECTORS["stortinget"]().fetch()
    assert len(items) == 3
