"""The public archive and response pages: what the public sees, and what it never sees."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.models import Proposal
from advocacy.tests.factories import AuthorityFactory, ThemeFactory
from consultations import lifecycle
from consultations.models import ConsultationResponsePage
from consultations.status import Status

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return factories.ResponseIndexPageFactory(parent=home_page)


def proposals(n, themes=()):
    return [
        factories.proposal_block(f"Forslag nummer {i}", "<p>Fordi.</p>", themes) for i in range(n)
    ]


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_response_page_shows_consultation_letter_and_proposals_with_status(client, index):
    tvang = ThemeFactory(name="Tvang")
    record, page = factories.published_response(
        index,
        body=[factories.paragraph("Innledning til brevet."), *proposals(2, [tvang])],
        title="Høring om tvang",
        case_number="26/4410",
        url="https://www.regjeringen.no/h",
        themes=[tvang],
        notes="HEMMELIG NOTAT",
        our_reference="LPP 26/1",
    )
    html = get(client, page.url)
    assert "Høring om tvang" in html
    assert "Helse- og omsorgsdepartementet" in html
    assert "26/4410" in html and 'href="https://www.regjeringen.no/h"' in html
    assert record.deadline.strftime("%Y") in html
    assert "Innledning til brevet." in html
    for proposal in Proposal.objects.filter(source_page=page):
        assert f'id="forslag-{proposal.block_id}"' in html
        assert f'href="#forslag-{proposal.block_id}"' in html
    assert html.count("Ikke vurdert ennå") == 4  # inline and in the summary list
    assert "HEMMELIG NOTAT" not in html
    assert html.count("<h1") == 1


def test_dates_are_written_the_norwegian_way(client, index):
    import datetime

    _record, page = factories.published_response(
        index, deadline=datetime.date(2099, 11, 24), announced_on=datetime.date(2099, 10, 1)
    )
    assert "24. november 2099" in get(client, page.url)


def test_drafts_and_unsent_responses_never_reach_the_public(client, index):
    _sent, published = factories.published_response(index, title="Sendt høring")
    draft_record = factories.ConsultationFactory(title="Utkast-høringen")
    draft = factories.ResponsePageFactory(
        parent=index, consultation=draft_record, title="Hemmelig utkast", slug="utkast"
    )
    review_record = factories.ConsultationFactory(title="Til godkjenning")
    in_review = factories.ResponsePageFactory(
        parent=index, consultation=review_record, title="Svar til godkjenning", slug="gj"
    )
    factories.approve(review_record, in_review)
    factories.ConsultationFactory(
        title="Avslått høring", status=Status.DECLINED, decline_reason="Nei"
    )

    archive = get(client, index.url)
    assert published.title in archive
    for text in ["Hemmelig utkast", "Svar til godkjenning", "Avslått høring", "Utkast-høringen"]:
        assert text not in archive
    assert client.get(draft.url).status_code == 404
    assert client.get(in_review.url).status_code == 404
    assert client.get("/horingssvar/utkast/").status_code == 404


def test_the_archive_filters_by_year_theme_and_authority(client, index):
    import datetime

    tvang, barn = ThemeFactory(name="Tvang"), ThemeFactory(name="Barn som pårørende")
    hdir = AuthorityFactory(name="Helsedirektoratet", kind="direktorat")
    _a, a = factories.published_response(index, title="A-høringen", themes=[tvang])
    a.letter_date = datetime.date(2024, 3, 1)
    a.save_revision().publish()
    _b, b = factories.published_response(index, title="B-høringen", themes=[barn], authority=hdir)
    b.letter_date = datetime.date(2025, 3, 1)
    b.save_revision().publish()

    def titles(**params):
        html = get(client, index.url, **params)
        return [t for t in ["Høringssvar: A-høringen", "Høringssvar: B-høringen"] if t in html]

    assert titles() == ["Høringssvar: A-høringen", "Høringssvar: B-høringen"]
    assert titles(ar=2024) == ["Høringssvar: A-høringen"]
    assert titles(tema=barn.slug) == ["Høringssvar: B-høringen"]
    assert titles(myndighet=hdir.pk) == ["Høringssvar: B-høringen"]
    assert titles(ar=2024, tema=barn.slug) == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"ar": "tjuetjue"}, "Det finnes ingen høringssvar fra dette året"),
        ({"tema": "finnes-ikke"}, "Fant ikke dette temaet"),
        ({"myndighet": "abc"}, "Fant ikke denne myndigheten"),
    ],
)
def test_bad_filters_get_a_norwegian_message_not_an_error(client, index, params, message):
    factories.published_response(index, title="Den eneste")
    html = get(client, index.url, **params)
    assert message in html
    assert "Høringssvar: Den eneste" in html


def test_the_archive_is_paginated_and_bad_page_numbers_are_harmless(client, index):
    from consultations.models.pages import ARCHIVE_PAGE_SIZE

    for _ in range(ARCHIVE_PAGE_SIZE + 1):
        factories.published_response(index)
    first = get(client, index.url)
    assert "Side 1 av 2" in first and 'rel="next"' in first
    assert "Side 2 av 2" in get(client, index.url, side=2)
    assert "Side 2 av 2" in get(client, index.url, side=99)
    assert "Side 1 av 2" in get(client, index.url, side="x")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_response_page_renders_in_constant_queries_with_5_or_50_proposals(client, index):
    themes = [ThemeFactory(name=f"Tema {i}") for i in range(4)]
    _r5, five = factories.published_response(
        index, body=proposals(5, themes[:1]), themes=themes[:1]
    )
    _r50, fifty = factories.published_response(index, body=proposals(50, themes), themes=themes)
    assert Proposal.objects.filter(source_page=fifty).count() == 50
    count_queries(client, five.url)  # warm site-wide caches
    assert count_queries(client, five.url) == count_queries(client, fifty.url)


def test_the_archive_renders_in_constant_queries(client, index):
    themes = [ThemeFactory(name=f"Tema {i}") for i in range(4)]
    factories.published_response(index, body=proposals(2), themes=themes[:1])
    count_queries(client, index.url)
    few = count_queries(client, index.url)
    for _ in range(12):
        factories.published_response(index, body=proposals(3), themes=themes)
    assert count_queries(client, index.url) == few


def test_theme_page_lists_published_responses_on_the_theme(client, index):
    tvang = ThemeFactory(name="Tvang")
    factories.published_response(index, title="Sendt om tvang", themes=[tvang])
    draft = factories.ConsultationFactory(title="Utkast om tvang", themes=[tvang])
    factories.ResponsePageFactory(
        parent=index, consultation=draft, title="Høringssvar: Utkast om tvang", slug="utkast-tvang"
    )
    html = get(client, tvang.get_absolute_url())
    assert "Høringssvar: Sendt om tvang" in html
    assert "Utkast om tvang" not in html


def test_published_responses_create_proposals_targeting_the_consultations_authority(index):
    hdir = AuthorityFactory(name="Helsedirektoratet", kind="direktorat")
    bfd = AuthorityFactory(name="Barne- og familiedepartementet")
    _record, page = factories.published_response(
        index,
        authority=hdir,
        body=[
            factories.proposal_block("Til mottakeren"),
            factories.proposal_block("Til BFD", target_authority=bfd),
        ],
    )
    records = list(Proposal.objects.filter(source_page=page).order_by("position"))
    assert [(p.text, p.target_authority) for p in records] == [
        ("Til mottakeren", hdir),
        ("Til BFD", bfd),
    ]
    assert ConsultationResponsePage.objects.get(pk=page.pk).default_target_authority() == hdir


def test_a_later_edit_never_changes_what_was_sent(index):
    record, page = factories.published_response(index, body=[factories.paragraph("Første versjon")])
    submission = record.submission
    original = submission.read_bytes()
    page.body = [factories.paragraph("Andre versjon")]
    page.save_revision().publish()
    submission.refresh_from_db()
    assert submission.read_bytes() == original
    assert submission.is_intact()
    lifecycle.transition(record, Status.AWAITING_OUTCOME)


def test_a_response_published_by_another_route_before_it_was_sent_is_withdrawn(client, index):
    record = factories.ConsultationFactory(title="Ikke sendt ennå")
    page = factories.ResponsePageFactory(
        parent=index, consultation=record, title="For tidlig publisert", slug="for-tidlig"
    )
    page.save_revision().publish()  # as a bulk action or scheduled publishing would
    page.refresh_from_db()
    assert not page.live
    assert client.get("/horingssvar/for-tidlig/").status_code == 404
    assert "For tidlig publisert" not in get(client, index.url)
    assert not Proposal.objects.public().filter(source_page=page).exists()
