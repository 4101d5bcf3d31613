"""Staff reports, checked against hand-counted figures, and their spreadsheet exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from advocacy.outcomes import record_event
from advocacy.outcomes.queries import previous_half_year
from base import roles

from .factories import AuthorityFactory, DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


@pytest.fixture
def data(home_page):
    hod = AuthorityFactory(name="Helse- og omsorgsdepartementet", short_name="HOD")
    hdir = AuthorityFactory(name="Helsedirektoratet", short_name="Hdir")
    doc = DocumentFactory(parent=home_page, title="Høringssvar 2025")
    # HOD: adopted, rejected, none ; Hdir: adopted (then implemented), none
    a = ProposalFactory(
        source_page=doc, text="A", submitted_on=D(2025, 1, 10), target_authority=hod
    )
    record_event(a, event_data("adopted", D(2025, 3, 1), staff_note="INTERNT-A"), publish=True)
    b = ProposalFactory(
        source_page=doc, text="B", submitted_on=D(2025, 1, 10), target_authority=hod
    )
    record_event(b, event_data("rejected", D(2025, 8, 15)), publish=True)
    ProposalFactory(source_page=doc, text="C", submitted_on=D(2025, 1, 10), target_authority=hod)
    d = ProposalFactory(
        source_page=doc, text="D", submitted_on=D(2025, 9, 1), target_authority=hdir
    )
    record_event(d, event_data("adopted", D(2025, 10, 1)), publish=True)
    record_event(d, event_data("implemented", D(2025, 11, 20)), publish=True)
    ProposalFactory(source_page=doc, text="E", submitted_on=D(2024, 2, 1), target_authority=hdir)
    draft = ProposalFactory(
        source_page=doc, text="F", submitted_on=D(2025, 9, 1), target_authority=hdir
    )
    record_event(draft, event_data("rejected", D(2025, 9, 10)))  # a draft: not counted
    return {"hod": hod, "hdir": hdir}


def export_rows(client, url, params=None):
    response = client.get(url, {**(params or {}), "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_status_by_authority(staff_client, data):
    url = reverse("advocacy_reports:status_by_authority")
    assert staff_client.get(url).status_code == 200
    rows = {row["Myndighet"]: row for row in export_rows(staff_client, url)}
    hod, hdir = rows["Helse- og omsorgsdepartementet"], rows["Helsedirektoratet"]
    assert (hod["Tatt til følge"], hod["Ikke tatt til følge"], hod["Ikke vurdert ennå"]) == (
        "1",
        "1",
        "1",
    )
    assert hod["Totalt"] == "3"
    assert (hdir["Gjennomført"], hdir["Ikke vurdert ennå"], hdir["Totalt"]) == ("1", "2", "3")
    rows = {r["Myndighet"]: r for r in export_rows(staff_client, url, {"year": "2024"})}
    assert rows == {"Helsedirektoratet": rows["Helsedirektoratet"]}
    assert rows["Helsedirektoratet"]["Totalt"] == "1"


def test_stale_proposals(staff_client, data, settings):
    url = reverse("advocacy_reports:stale")
    texts = {row["Forslag"] for row in export_rows(staff_client, url)}
    # As of today (2026 or later), with the default six months: everything without a
    # final outcome and without news since is stale; B (rejected) and D (implemented)
    # are final.
    assert texts == {"A", "C", "E", "F"}
    html = staff_client.get(url).content.decode()
    assert "Forslag uten nytt" in html


def test_adoption_rate_by_year_authority_and_theme(staff_client, data):
    url = reverse("advocacy_reports:adoption")
    years = {row["Gruppe"]: row for row in export_rows(staff_client, url, {"group": "year"})}
    # 2025: A adopted, B rejected, C none, D implemented, F none (draft) → 2 of 3 decided.
    assert years["2025"]["Forslag"] == "5" and years["2025"]["Avgjort"] == "3"
    assert years["2025"]["Helt eller delvis tatt til følge"] == "2"
    assert years["2025"]["Gjennomslag (% av avgjorte)"] == "67"
    assert years["2024"]["Gjennomslag (% av avgjorte)"] == ""
    authorities = {r["Gruppe"]: r for r in export_rows(staff_client, url, {"group": "authority"})}
    assert authorities["Helse- og omsorgsdepartementet"]["Gjennomslag (% av avgjorte)"] == "50"
    assert authorities["Helsedirektoratet"]["Gjennomslag (% av avgjorte)"] == "100"


def test_half_year_report_for_a_chosen_period(staff_client, data):
    url = reverse("advocacy_reports:half_year")
    params = {"date_from": "2025-07-01", "date_to": "2025-12-31"}
    html = staff_client.get(url, params).content.decode()
    assert "Perioden 1. juli 2025 – 31. desember 2025" in html
    # Submitted in the period: D and F. Decided in the period: B (rejected) and D.
    assert "<strong>2 forslag</strong> i 1 dokumenter" in html
    assert "<strong>2 forslag</strong>, hvorav 1 helt eller delvis tatt til følge (50 %)" in html
    rows = export_rows(staff_client, url, params)
    assert [(r["Forslag"], r["Hva skjedde"]) for r in rows] == [
        ("B", "Ikke tatt til følge"),
        ("D", "Tatt til følge"),
        ("D", "Gjennomført"),
    ]
    assert "INTERNT-A" not in html
    # The same period as a Word document for the board.
    word_url = reverse("lpp_docx_half_year") + "?date_from=2025-07-01&amp;date_to=2025-12-31"
    assert word_url in html


def test_half_year_defaults_to_the_last_completed_half_year():
    assert previous_half_year(D(2026, 11, 24)) == (D(2026, 1, 1), D(2026, 6, 30))
    assert previous_half_year(D(2026, 3, 1)) == (D(2025, 7, 1), D(2025, 12, 31))


def test_reports_are_for_staff_and_board_only(client, make_user, data):
    url = reverse("advocacy_reports:adoption")
    client.force_login(make_user(roles.PLATFORM_GROUP))
    assert client.get(url).status_code in (302, 403)
    client.force_login(make_user(roles.BOARD))
    assert client.get(url).status_code == 200
