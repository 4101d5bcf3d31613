"""The board's half-year report lists the consultations answered, declined and missed in
the period (consultations' section through advocacy's ``lpp_half_year_sections`` hook), on
the screen, in the XLSX workbook and in the Word file."""

import datetime
import io
import re

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from advocacy.tests.factories import AuthorityFactory
from base import roles
from consultations.half_year import consultations_in_period
from consultations.models import Consultation, Submission
from consultations.status import Status

from . import factories

pytestmark = pytest.mark.django_db
D = datetime.date
PERIOD = {"date_from": "2025-07-01", "date_to": "2025-12-31"}


def at_noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def registered(title, deadline, **fields):
    fields.setdefault("announced_on", deadline - datetime.timedelta(days=60))
    return factories.ConsultationFactory(title=title, deadline=deadline, **fields)


def answered(index, title, deadline, sent_on):
    record, _page = factories.published_response(
        index, title=title, deadline=deadline, announced_on=deadline - datetime.timedelta(days=60)
    )
    Submission.objects.filter(consultation=record).update(submitted_on=sent_on)
    return record


def declined(title, deadline, decided_on, reason="Utenfor LPPs område."):
    record = registered(title, deadline)
    Consultation.objects.filter(pk=record.pk).update(
        status=Status.DECLINED, decline_reason=reason, status_changed_at=at_noon(decided_on)
    )
    return record


@pytest.fixture
def period_data(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    answered(index, "Høring besvart i perioden", D(2025, 9, 15), D(2025, 9, 12))
    answered(index, "Høring besvart før perioden", D(2025, 6, 20), D(2025, 6, 18))
    declined("Høring avstått i perioden", D(2025, 10, 1), D(2025, 8, 20))
    declined("Høring avstått før perioden", D(2025, 7, 10), D(2025, 5, 2))
    registered("Høring som gikk ut i perioden", D(2025, 11, 3), status=Status.ASSESSING)
    registered("Høring med frist etter perioden", D(2026, 1, 15))


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.STAFF))
    return client


def test_answered_declined_and_missed_are_counted_by_the_period(period_data):
    rows = consultations_in_period(D(2025, 7, 1), D(2025, 12, 31))
    assert [(outcome, c.title) for outcome, c in rows] == [
        ("Besvart", "Høring besvart i perioden"),
        ("Avstått", "Høring avstått i perioden"),
        ("Ikke besvart innen fristen", "Høring som gikk ut i perioden"),
    ]


def test_a_declined_consultation_whose_deadline_passed_is_not_missed(period_data):
    # «Høring avstått før perioden» had its deadline in July: declined, so not missed.
    titles = [c.title for _o, c in consultations_in_period(D(2025, 7, 1), D(2025, 12, 31))]
    assert "Høring avstått før perioden" not in titles


def test_a_deadline_still_to_come_is_not_missed(home_page):
    today = timezone.localdate()
    registered("Høring med frist i morgen", today + datetime.timedelta(days=1))
    start = today - datetime.timedelta(days=30)
    rows = consultations_in_period(start, today + datetime.timedelta(days=30))
    assert rows == []


def test_the_report_screen_shows_the_consultations_with_counts(staff_client, period_data):
    html = staff_client.get(reverse("advocacy_reports:half_year"), PERIOD).content.decode()
    section = html.split('id="half-year-horinger"', 1)[1].split("</section>", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    assert "Besvart: 1" in text and "Avstått: 1" in text and "Ikke besvart innen fristen: 1" in text
    assert "Høring besvart i perioden" in text and "Sendt 12. september 2025" in text
    assert "Avstått 20. august 2025: Utenfor LPPs område." in text
    assert "Høring som gikk ut i perioden" in text and "3. november 2025" in text
    assert "før perioden" not in text and "etter perioden" not in text


def test_the_xlsx_export_has_a_sheet_of_consultations(staff_client, period_data):
    response = staff_client.get(reverse("advocacy_reports:half_year"), {**PERIOD, "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames[-1] == "Høringer"
    rows = [[c for c in row if c not in (None, "")] for row in workbook["Høringer"].values]
    assert ["Besvart", 1] in rows and ["Avstått", 1] in rows
    assert ["Ikke besvart innen fristen", 1] in rows
    titles = [row[0] for row in rows if row]
    assert "Høring som gikk ut i perioden" in titles and "Høring besvart før perioden" not in titles


def test_the_word_report_has_the_consultations(staff_client, period_data):
    response = staff_client.get(reverse("lpp_docx_half_year"), PERIOD)
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "Høringer i perioden" in texts
    assert "Besvart: 1" in texts and "Ikke besvart innen fristen: 1" in texts
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Høring avstått i perioden" in cells and "Høring avstått før perioden" not in cells


def test_the_authority_filter_applies_to_the_consultations(staff_client, period_data):
    other = AuthorityFactory(name="Helsedirektoratet")
    registered("Hdir-høring som gikk ut", D(2025, 12, 1), authority=other)
    rows = consultations_in_period(D(2025, 7, 1), D(2025, 12, 31), authority=other)
    assert [c.title for _o, c in rows] == ["Hdir-høring som gikk ut"]
