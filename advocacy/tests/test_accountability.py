"""The public page «Hva skjedde med forslagene våre?»: figures checked against hand-counted
numbers, the lists behind them, timelines, and that nothing unpublished or staff-only leaks."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from advocacy.models import Proposal
from advocacy.outcomes import record_event
from advocacy.outcomes.accountability import (
    figures_by_authority,
    figures_by_theme,
    figures_by_year,
    overall_figures,
)

from .factories import (
    AuthorityFactory,
    DocumentFactory,
    OutcomeEventFactory,
    ProposalFactory,
    ThemeFactory,
    event_data,
)

pytestmark = pytest.mark.django_db
D = datetime.date
SECRET = "HEMMELIG-INTERN-MERKNAD"
DRAFT_NOTE = "UTKAST-SOM-IKKE-ER-PUBLISERT"


def outcome(proposal, kind, date=None, publish=True, **extra):
    return OutcomeEventFactory(
        proposal=proposal,
        kind=kind,
        date=date or D(2025, 12, 1),
        staff_note=SECRET,
        public_note=f"Offentlig om {kind}",
        publish=publish,
        **extra,
    )


@pytest.fixture
def figures(home_page):
    """Seven public proposals with hand-counted outcomes, and three that must not count."""
    hod = AuthorityFactory(name="Helse- og omsorgsdepartementet", short_name="HOD")
    hdir = AuthorityFactory(name="Helsedirektoratet", short_name="Hdir")
    tvang = ThemeFactory(name="Tvang")
    barn = ThemeFactory(name="Barn som pårørende")
    doc = DocumentFactory(parent=home_page, title="Høringssvar om tvang", slug="svar-tvang")
    outcome(
        ProposalFactory(
            source_page=doc,
            text="P1 vedtatt",
            submitted_on=D(2024, 5, 1),
            target_authority=hod,
            themes=[tvang],
        ),
        "adopted",
    )
    outcome(
        ProposalFactory(
            source_page=doc,
            text="P2 avvist",
            submitted_on=D(2024, 6, 1),
            target_authority=hod,
            themes=[tvang, barn],
        ),
        "rejected",
    )
    outcome(
        ProposalFactory(
            source_page=doc,
            text="P3 delvis",
            submitted_on=D(2025, 2, 1),
            target_authority=hdir,
            themes=[barn],
        ),
        "partly_adopted",
    )
    outcome(
        ProposalFactory(
            source_page=doc,
            text="P4 gjennomført",
            submitted_on=D(2025, 2, 1),
            target_authority=hdir,
        ),
        "implemented",
    )
    ProposalFactory(
        source_page=doc,
        text="P5 venter",
        submitted_on=D(2025, 3, 1),
        target_authority=hod,
        themes=[barn],
    )
    outcome(
        ProposalFactory(
            source_page=doc,
            text="P6 ikke omtalt",
            submitted_on=D(2025, 3, 1),
            target_authority=None,
            themes=[tvang],
        ),
        "not_addressed",
    )
    draft_only = ProposalFactory(
        source_page=doc, text="P7 bare utkast", submitted_on=D(2025, 4, 1), target_authority=hod
    )
    record_event(draft_only, event_data("adopted", D(2025, 12, 1), public_note=DRAFT_NOTE))
    retired = ProposalFactory(
        source_page=doc,
        text="X trukket tilbake",
        submitted_on=D(2025, 1, 1),
        target_authority=hod,
        themes=[tvang],
    )
    outcome(retired, "adopted")
    Proposal.objects.filter(pk=retired.pk).update(retired_at=timezone.now())
    unpublished = DocumentFactory(
        parent=home_page, title="Utkast til høringssvar", slug="utkast", live=False
    )
    outcome(
        ProposalFactory(
            source_page=unpublished,
            text="X upublisert dokument",
            submitted_on=D(2025, 1, 1),
            target_authority=hod,
            themes=[tvang],
        ),
        "adopted",
    )
    return {"hod": hod, "hdir": hdir, "tvang": tvang, "barn": barn, "doc": doc}


def by_label(rows):
    return {row["label"]: row for row in rows}


def test_overall_figures_match_a_hand_count(figures):
    overall = overall_figures(Proposal.objects.public())
    assert overall["total"] == 7
    assert (overall["adopted"], overall["partly_adopted"], overall["implemented"]) == (1, 1, 1)
    assert (overall["rejected"], overall["not_addressed"], overall["pending"]) == (1, 1, 2)
    assert overall["adopted_total"] == 3 and overall["decided"] == 5 and overall["rate"] == 60


def test_figures_by_year_authority_and_theme_match_a_hand_count(figures):
    public = Proposal.objects.public()
    years = by_label(figures_by_year(public))
    assert years["2024"]["total"] == 2 and years["2024"]["rate"] == 50
    assert years["2025"]["total"] == 5 and years["2025"]["pending"] == 2
    assert years["2025"]["decided"] == 3 and years["2025"]["rate"] == 67
    authorities = by_label(figures_by_authority(public))
    assert authorities["Helse- og omsorgsdepartementet"]["total"] == 4
    assert authorities["Helse- og omsorgsdepartementet"]["rate"] == 50
    assert authorities["Helsedirektoratet"]["rate"] == 100
    assert authorities["Ikke angitt"]["total"] == 1 and authorities["Ikke angitt"]["rate"] == 0
    themes = by_label(figures_by_theme(public))
    assert themes["Tvang"]["total"] == 3 and themes["Tvang"]["rate"] == 33
    assert themes["Barn som pårørende"]["total"] == 3
    assert (
        themes["Barn som pårørende"]["pending"] == 1 and themes["Barn som pårørende"]["rate"] == 50
    )


def test_the_page_shows_figures_charts_and_tables(client, figures):
    response = client.get("/hva-skjedde/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Hva skjedde med forslagene våre?</h1>" in html
    assert "3 av 7 forslag" in html and "60 %" in html
    # Four charts, each drawn once for every screen width, on one set of fill patterns.
    assert html.count('<svg class="outcome-chart"') == 4
    assert html.count('<pattern id="utfall-') == 6
    assert 'role="img"' in html and "<table" in html and "<caption>" in html
    assert "Helse- og omsorgsdepartementet" in html and "Barn som pårørende" in html
    assert "<script" not in html.split("<main")[1]
    # Each figure links to the list behind it.
    assert "/hva-skjedde/forslag/?ar=2024&amp;utfall=rejected" in html


def test_the_list_behind_a_figure(client, figures):
    html = client.get("/hva-skjedde/forslag/", {"ar": 2025, "utfall": "pending"}).content.decode()
    assert "P5 venter" in html and "P7 bare utkast" in html
    assert "P1 vedtatt" not in html and "P3 delvis" not in html
    html = client.get("/hva-skjedde/forslag/", {"tema": "tvang"}).content.decode()
    assert "P1 vedtatt" in html and "P6 ikke omtalt" in html and "P3 delvis" not in html
    html = client.get("/hva-skjedde/forslag/", {"myndighet": "ingen"}).content.decode()
    assert "P6 ikke omtalt" in html and "P1 vedtatt" not in html
    # Each proposal links to its evidence.
    html = client.get("/hva-skjedde/forslag/", {"utfall": "adopted"}).content.decode()
    assert "https://www.regjeringen.no/no/dokumenter/prop.-85-l-20242025/id1" in html


def test_bad_filters_get_a_norwegian_message_not_an_error(client, figures):
    response = client.get("/hva-skjedde/forslag/", {"ar": "tjue", "utfall": "kanskje", "side": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Året må være et tall" in html and "Ukjent utfall" in html
    assert "P1 vedtatt" in html


def test_a_proposal_timeline_shows_only_published_events_and_public_notes(client, figures):
    proposal = Proposal.objects.get(text="P1 vedtatt")
    record_event(proposal, event_data("implemented", D(2025, 12, 2), public_note=DRAFT_NOTE))
    html = client.get(reverse("advocacy:proposal_outcome", args=[proposal.pk])).content.decode()
    assert "Tatt til følge" in html and "Offentlig om adopted" in html
    assert "Prop. 85 L (2024–2025)" in html and "kap. 6.4" in html
    assert DRAFT_NOTE not in html and "Gjennomført" not in html


def test_retired_and_unpublished_proposals_have_no_public_timeline(client, figures):
    for text in ("X trukket tilbake", "X upublisert dokument"):
        proposal = Proposal.objects.get(text=text)
        assert (
            client.get(reverse("advocacy:proposal_outcome", args=[proposal.pk])).status_code == 404
        )


def test_staff_notes_and_drafts_never_reach_public_pages(client, figures):
    urls = [
        "/hva-skjedde/",
        "/hva-skjedde/forslag/",
        "/hva-skjedde/forslag/?utfall=pending",
        "/tema/tvang/",
        "/tema/barn-som-parorende/",
    ]
    urls += [reverse("advocacy:proposal_outcome", args=[p.pk]) for p in Proposal.objects.public()]
    for url in urls:
        html = client.get(url).content.decode()
        assert SECRET not in html, url
        assert DRAFT_NOTE not in html, url
        assert "X upublisert dokument" not in html and "X trukket tilbake" not in html, url


def test_the_theme_page_shows_the_outcomes_on_the_theme(client, figures):
    html = client.get("/tema/tvang/").content.decode()
    assert "Hva skjedde med forslagene?" in html
    assert "1 av 3 forslag helt eller delvis tatt til følge" in html
    assert "P6 ikke omtalt" in html and "Ikke omtalt" in html


def test_the_status_include_shows_status_and_timeline_link_without_queries(figures):
    proposal = Proposal.objects.get(text="P3 delvis")
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("advocacy/includes/proposal_status.html", {"proposal": proposal})
    assert len(queries) == 0
    assert "Delvis tatt til følge" in html and "1. desember 2025" in html
    assert reverse("advocacy:proposal_outcome", args=[proposal.pk]) in html
    pending = Proposal.objects.get(text="P7 bare utkast")
    html = render_to_string("advocacy/includes/proposal_status.html", {"proposal": pending})
    assert "Ikke vurdert ennå" in html


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/hva-skjedde/", "/hva-skjedde/forslag/", "/tema/tvang/"])
def test_public_pages_use_a_constant_number_of_queries(client, figures, settings, url):
    settings.LPP_PAGE_CACHE_ENABLED = False
    before = count_queries(client, url)
    year = 2023
    for number in range(15):
        year = 2019 + number % 6
        proposal = ProposalFactory(
            source_page=figures["doc"],
            text=f"Ekstra {number}",
            submitted_on=D(year, 1, 1),
            target_authority=figures["hod"] if number % 2 else figures["hdir"],
            themes=[figures["tvang"]],
        )
        outcome(
            proposal,
            ["adopted", "rejected", "consideration", "implemented"][number % 4],
            D(2025, 6, 1),
        )
        outcome(proposal, "dialogue", D(2025, 7, 1))
    assert count_queries(client, url) == before
    assert before <= 20


def test_chart_coordinates_are_not_written_with_norwegian_decimal_commas(client, figures):
    import re

    html = client.get("/hva-skjedde/").content.decode()
    assert re.search(r'<rect x="[0-9.]+%" y="[0-9.]+" width="[0-9.]+%"', html)
    assert not re.search(r'(?:x|y|width)="[0-9]+,[0-9]', html)


def test_each_document_shows_its_outcome_summary(client, figures):
    html = client.get("/hva-skjedde/").content.decode()
    assert "Etter høringssvar og dokument" in html
    assert "3 av 7 forslag helt eller delvis tatt til følge" in html
    assert "Utkast til høringssvar" not in html
    doc = figures["doc"]
    listing = client.get("/hva-skjedde/forslag/", {"dokument": doc.pk}).content.decode()
    assert "7 forslag." in listing and "«Høringssvar om tvang»" in listing
