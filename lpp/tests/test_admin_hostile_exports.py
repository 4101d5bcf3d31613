"""Spreadsheet exports under hostile text (issue 12, base/exports.py): a control character
pasted into a name does not break the XLSX file (openpyxl refused the whole export with a
server error), and a formula hidden behind leading spaces is escaped like any other."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from advocacy.tests.factories import AuthorityFactory, ProposalFactory
from base import roles

pytestmark = pytest.mark.django_db

AUTHORITY_LIST = "wagtailsnippets_advocacy_authority:list"
PROPOSAL_LIST = "wagtailsnippets_advocacy_proposal:list"


@pytest.fixture
def staff(client, make_user, home_page):
    client.raise_request_exception = False
    client.force_login(make_user(roles.STAFF))
    return client


def cells(response, export_format):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        text = content.decode("utf-8-sig")
        return [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    sheet = load_workbook(io.BytesIO(content)).active
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_control_characters_in_a_name_do_not_break_the_export(staff, export_format):
    AuthorityFactory(name="Helse\x1fdirektoratet\x0b", short_name="Hdir\x07")
    response = staff.get(reverse(AUTHORITY_LIST), {"export": export_format})
    assert response.status_code == 200
    exported = cells(response, export_format)
    assert "Helsedirektoratet" in exported
    assert "Hdir" in exported


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_control_characters_in_a_proposal_do_not_break_the_export(staff, export_format):
    ProposalFactory(text="Pårørende\x1f skal høres\x08.")
    response = staff.get(reverse(PROPOSAL_LIST), {"export": export_format})
    assert response.status_code == 200
    assert "Pårørende skal høres." in cells(response, export_format)


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_a_formula_after_leading_spaces_is_escaped(staff, export_format):
    AuthorityFactory(name='   =HYPERLINK("http://angriper.example")', short_name=" +1+1")
    response = staff.get(reverse(AUTHORITY_LIST), {"export": export_format})
    exported = cells(response, export_format)
    assert '\'   =HYPERLINK("http://angriper.example")' in exported
    assert "' +1+1" in exported
    assert not [cell for cell in exported if cell.lstrip(" ").startswith(("=", "+", "-", "@"))]
