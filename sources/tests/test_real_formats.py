"""The sources as they really answer, not only as the recorded samples do: served by the
local server with their own status, headers and encodings. Each case is a variant the
real services (or the proxies in front of them) are known to send: gzip to a client that
asked for none, another charset, a byte-order mark, 429 with Retry-After, an answer cut
off mid-body, an HTML error page with 200, HTML and double-escaped entities in RSS, time
zones the e-mail date parser does not know, Stortinget's «no date» (year 1), a
definition list or a <br>-separated list on the consultation page, unclosed list items,
and a consultation list whose links wrap the headings. A broken item is reported, the
rest are read, and nothing is stored in part."""

import datetime
import gzip

import pytest

from sources import http
from sources.connectors import CONNECTORS
from sources.connectors.base import Item, Rejected
from sources.connectors.regjeringen import consulted_bodies, published_on
from sources.models import Candidate, SourceStatus
from sources.text import html_blocks, parse_date
from sources.watch import run_source

pytestmark = pytest.mark.django_db

FEED = "regjeringen/no/dokument/hoyringar/id1763/?show=rss"
PAGE = "regjeringen/no/dokumenter/horing-endringer-i-psykisk-helsevernloven-parorendes-rettigheter/id3100001/"
HEARINGS = "stortinget/eksport/horinger?sesjonid=2026-2027"


def sample(path):
    from sources.conf import SAMPLES_DIR
    from sources.http import sample_path

    name, _, rest = path.partition("/")
    rest, _, query = rest.partition("?")
    return (SAMPLES_DIR / name / sample_path(rest, query)).read_bytes()


# --- HTTP ---------------------------------------------------------------------------


def test_gzip_answer_is_unpacked_even_without_being_asked_for(sample_server):
    sample_server.scripted[FEED] = [
        (200, {"Content-Encoding": "gzip"}, gzip.compress(sample(FEED)))
    ]
    response = http.fetch(sample_server.url() + FEED)
    assert response.body.startswith(b"<?xml")


def test_page_in_windows_1252_is_read_by_its_charset(sample_server):
    html = sample(PAGE).decode("utf-8").replace('charset="utf-8"', "")
    sample_server.scripted[PAGE] = [
        (200, {"Content-Type": "text/html; charset=windows-1252"}, html.encode("cp1252"))
    ]
    [first, *_] = CONNECTORS["regjeringen"]().fetch(known_ids={"3100002", "3100003"})
    assert first.deadline == datetime.date(2027, 2, 15)
    assert "Landsforeningen for Pårørende innen Psykisk helse (LPP)" in first.consulted_bodies


def test_page_in_latin_1_without_a_declared_charset_is_still_read():
    response = http.Response(
        url="x", status=200, body="Høringsfrist: 1. mars 2027".encode("latin-1")
    )
    assert response.text() == "Høringsfrist: 1. mars 2027"


def test_byte_order_mark_is_not_part_of_the_text():
    body = "\ufeffHøringsfrist".encode()
    assert http.Response(url="x", status=200, body=body).text() == "Høringsfrist"


def test_feed_with_a_byte_order_mark_is_read(sample_server):
    sample_server.scripted[FEED] = [(200, {}, b"\xef\xbb\xbf" + sample(FEED))]
    items = CONNECTORS["regjeringen"]().fetch()
    assert len([i for i in items if isinstance(i, Item)]) == 3


def test_too_many_requests_is_retried_after_the_pause_the_source_asks_for(sample_server, settings):
    settings.LPP_SOURCES_FETCH = {
        "timeout": 2,
        "retries": 2,
        "backoff": 0,
        "min_interval": 0,
        "max_retry_after": 0.05,
    }
    sample_server.scripted[FEED] = [(429, {"Retry-After": "3600"}, b"")]
    assert http.fetch(sample_server.url() + FEED).status == 200
    assert len(sample_server.requests) == 2


def test_retry_after_is_read_as_seconds_or_a_date_and_capped():
    assert http.retry_after("30", 120) == 30
    assert http.retry_after("86400", 120) == 120
    assert http.retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 120) == 0
    assert http.retry_after("snart", 120) is None


def test_answer_cut_off_mid_body_is_a_source_that_does_not_answer(sample_server, settings):
    settings.LPP_SOURCES_FETCH = {"timeout": 2, "retries": 1, "backoff": 0, "min_interval": 0}
    sample_server.scripted[FEED] = [(200, {"Content-Length": "100000"}, b"<?xml version=")]
    with pytest.raises(http.SourceUnavailable, match="ufullstendig"):
        http.fetch(sample_server.url() + FEED)


def test_broken_gzip_is_a_format_change_not_a_crash(sample_server):
    sample_server.scripted[FEED] = [(200, {"Content-Encoding": "gzip"}, b"\x1f\x8bnot gzip")]
    with pytest.raises(http.FormatChanged):
        http.fetch(sample_server.url() + FEED)


# --- regjeringen.no ---------------------------------------------------------------------


def test_error_page_with_200_instead_of_the_feed_is_reported_in_health(sample_server, signals):
    sample_server.scripted[FEED] = [
        (200, {"Content-Type": "text/html"}, b"<html><h1>Beklager, en feil oppstod</h1></html>")
    ]
    status = run_source("regjeringen")
    assert status.state == SourceStatus.State.FORMAT_CHANGED
    assert not Candidate.objects.exists()


def test_truncated_feed_stores_nothing(sample_server, signals):
    sample_server.scripted[FEED] = [(200, {}, sample(FEED)[:900])]
    status = run_source("regjeringen")
    assert status.state == SourceStatus.State.FORMAT_CHANGED
    assert not Candidate.objects.exists()


def test_empty_feed_is_healthy_and_stores_nothing(sample_server, signals):
    empty = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        b"<title>H\xc3\xb8ringer</title></channel></rss>"
    )
    sample_server.scripted[FEED] = [(200, {}, empty)]
    status = run_source("regjeringen")
    assert status.state == SourceStatus.State.OK and status.items_read == 0


def test_consultation_page_that_is_gone_is_reported_and_the_rest_are_read(sample_server):
    sample_server.scripted[PAGE] = [(404, {}, b"<html><h1>Finner ikke siden</h1></html>")]
    items = CONNECTORS["regjeringen"]().fetch()
    assert [type(i) for i in items] == [Rejected, Item, Item]


def test_feed_fields_with_html_entities_and_cdata_become_plain_text(sample_server):
    feed = sample(FEED).decode()
    feed = feed.replace(
        "<description>Helse- og omsorgsdepartementet sender",
        "<description><![CDATA[<p>Helse- og omsorgsdepartementet &amp; Helsedirektoratet sender",
        1,
    ).replace(
        "begrensning av tvang.</description>", "begrensning av tvang.</p>]]></description>", 1
    )
    sample_server.scripted[FEED] = [(200, {}, feed.encode())]
    [first, *_] = CONNECTORS["regjeringen"]().fetch()
    assert first.summary.startswith("Helse- og omsorgsdepartementet & Helsedirektoratet sender")
    assert "<p>" not in first.summary


def test_sender_falls_back_to_the_feed_author_when_the_page_does_not_name_it(sample_server):
    page = (
        sample(PAGE)
        .decode()
        .replace("Høring | Dato: 13.11.2026 | Helse- og omsorgsdepartementet", "Dato: 13.11.2026")
    )
    sample_server.overrides[PAGE] = page.encode()
    [first, *_] = CONNECTORS["regjeringen"]().fetch()
    assert first.authority_name == "Helse- og omsorgsdepartementet"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Fri, 13 Nov 2026 10:00:00 GMT", datetime.date(2026, 11, 13)),
        ("Fri, 13 Nov 2026 23:30:00 +0000", datetime.date(2026, 11, 14)),  # Oslo is ahead
        ("Fri, 13 Nov 2026 10:00:00 +0100", datetime.date(2026, 11, 13)),
        ("Fri, 13 Nov 2026 10:00:00 CET", datetime.date(2026, 11, 13)),
        ("13.11.2026", datetime.date(2026, 11, 13)),
        ("i går", None),
    ],
)
def test_publication_date_in_the_zones_feeds_use(value, expected):
    assert published_on(value) == expected


def test_deadline_and_reference_in_a_definition_list_are_read(sample_server):
    page = sample(PAGE).decode()
    page = page.replace(
        "<p>Høringsfrist: 15.02.2027</p>", "<dl><dt>Høringsfrist</dt><dd>15. februar 2027</dd>"
    ).replace("<p>Vår ref.: 26/4411</p>", "<dt>Vår referanse</dt><dd>26/4411</dd></dl>")
    sample_server.overrides[PAGE] = page.encode()
    [first, *_] = CONNECTORS["regjeringen"]().fetch()
    assert first.deadline == datetime.date(2027, 2, 15) and first.case_number == "26/4411"


def test_consulted_bodies_as_lines_of_one_paragraph():
    blocks = html_blocks(
        "<h2>Høringsinstanser</h2><p>Barneombudet<br>Landsforeningen for pårørende innen "
        "psykisk helse<br />Mental Helse</p><h2>Høringssvar</h2><p>Ingen ennå</p>"
    )
    assert consulted_bodies(blocks) == [
        "Barneombudet",
        "Landsforeningen for pårørende innen psykisk helse",
        "Mental Helse",
    ]


def test_consulted_bodies_in_list_items_left_open():
    blocks = html_blocks("<h2>Høringsinstanser</h2><ul><li>Barneombudet<li>LPP</ul><h2>Mer</h2>")
    assert consulted_bodies(blocks) == ["Barneombudet", "LPP"]


# --- Stortinget and Helsedirektoratet ---------------------------------------------------


def test_stortinget_no_date_is_no_deadline():
    assert parse_date("0001-01-01T00:00:00") is None
    assert parse_date("2026-11-24T00:00:00") == datetime.date(2026, 11, 24)
    assert parse_date("/Date(1795820400000+0100)/") == datetime.date(2026, 11, 28)


def test_hearing_without_a_real_deadline_is_rejected_not_stored_with_year_one(sample_server):
    xml = sample(HEARINGS).decode()
    first_deadline = xml.index("<innspillsfrist>")
    end = xml.index("</innspillsfrist>", first_deadline)
    xml = xml[:first_deadline] + "<innspillsfrist>0001-01-01T00:00:00" + xml[end:]
    sample_server.overrides[HEARINGS] = xml.encode()
    items = CONNECTORS["stortinget"]().fetch()
    assert isinstance(items[0], Rejected)
    assert all(i.deadline.year > 2000 for i in items if isinstance(i, Item))


def test_helsedirektoratet_cards_whose_link_wraps_the_heading(sample_server):
    page = (
        "<html><body><h1>Høringer</h1><h2>Åpne høringer</h2>"
        '<a href="/horinger/veileder-om-parorende"><h3>Høring: veileder om pårørende</h3></a>'
        "<div>Høringsfrist 23. oktober 2027</div><p>Innspill til veilederen.</p>"
        '<a href="/horinger/diabetes"><h3>Høring: diabetes</h3></a><p>Frist: 1. mars 2027</p>'
        "</body></html>"
    )
    sample_server.overrides["helsedirektoratet/horinger/"] = page.encode()
    items = CONNECTORS["helsedirektoratet"]().fetch()
    assert [(i.external_id, i.deadline) for i in items] == [
        ("veileder-om-parorende", datetime.date(2027, 10, 23)),
        ("diabetes", datetime.date(2027, 3, 1)),
    ]


def test_in_production_a_feed_link_off_the_site_is_not_followed(settings):
    from sources import conf

    settings.LPP_SOURCES = {
        "regjeringen": {"enabled": True, "base_url": conf.SOURCES["regjeringen"][1]}
    }
    connector = CONNECTORS["regjeringen"]()
    assert connector.url_for("https://www.regjeringen.no/no/x/id1/") == (
        "https://www.regjeringen.no/no/x/id1/"
    )
    for link in ("http://169.254.169.254/latest/", "https://regjeringen.no.evil.example/x"):
        with pytest.raises(http.SourceUnavailable):
            connector.url_for(link)


def test_a_format_the_parser_did_not_foresee_is_reported_not_raised(
    sample_server, signals, monkeypatch
):
    def surprise(self, known_ids=frozenset()):
        raise ValueError("uventet")

    monkeypatch.setattr(CONNECTORS["helsedirektoratet"], "fetch", surprise)
    status = run_source("helsedirektoratet")
    assert status.state == SourceStatus.State.FORMAT_CHANGED and "tolkes" in status.last_error


def test_page_that_declares_latin_1_but_is_utf_8_is_read_as_utf_8():
    body = '<meta charset="iso-8859-1"><p>Høringsfrist: 1. mars 2027</p>'.encode()
    assert "Høringsfrist" in http.Response(url="x", status=200, body=body).text()
