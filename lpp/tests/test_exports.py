"""Formula payloads through every spreadsheet export of the admin (base/exports.py): no
cell may start a formula, CSV opens in Excel as UTF-8, and no export is left out."""

import csv
import datetime
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from advocacy.tests.factories import (
    AuthorityFactory,
    OutcomeEventFactory,
    ProposalFactory,
    ThemeFactory,
)
from base.exports import FORMULA_PREFIXES
from consultations.tests.factories import ConsultationFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://angriper.example","Klikk")', "+1+1", "-2+3", "@SUM(1+1)"]
AUTHORITY = PAYLOADS[0]
PAGE_TITLE = "=1+2 Pårørende"
PROPOSAL = "-2+3 pårørende skal høres"
CONSULTATION = "@SUM(1+1) høring"
POSITION = "+1+1 pårørende har rett"

# Every admin URL (without arguments) that answers ?export=, and the payload its rows show.
EXPORTS = {
    "wagtailsnippets_consultations_consultation:list": CONSULTATION,
    "wagtailsnippets_consultations_consultation:list_results": CONSULTATION,
    "wagtailsnippets_advocacy_authority:list": AUTHORITY,
    "wagtailsnippets_advocacy_authority:list_results": AUTHORITY,
    "wagtailsnippets_advocacy_proposal:list": PROPOSAL,
    "wagtailsnippets_advocacy_proposal:list_results": PROPOSAL,
    "wagtailsnippets_political_platform_position:list": POSITION,
    "wagtailsnippets_political_platform_position:list_results": POSITION,
    "advocacy_reports:status_by_authority": AUTHORITY,
    "advocacy_reports:status_by_authority_results": AUTHORITY,
    "advocacy_reports:stale": PROPOSAL,
    "advocacy_reports:stale_results": PROPOSAL,
    "advocacy_reports:adoption": AUTHORITY,
    "advocacy_reports:adoption_results": AUTHORITY,
    "advocacy_reports:half_year": PROPOSAL,
    "advocacy_reports:half_year_results": PROPOSAL,
    "wagtailadmin_reports:locked_pages": PAGE_TITLE,
    "wagtailadmin_reports:locked_pages_results": PAGE_TITLE,
    "wagtailadmin_reports:aging_pages": PAGE_TITLE,
    "wagtailadmin_reports:aging_pages_results": PAGE_TITLE,
    "wagtailadmin_reports:site_history": PAGE_TITLE,
    "wagtailadmin_reports:site_history_results": PAGE_TITLE,
    "wagtailadmin_reports:workflow": PAGE_TITLE,
    "wagtailadmin_reports:workflow_results": PAGE_TITLE,
    "wagtailadmin_reports:workflow_tasks": PAGE_TITLE,
    "wagtailadmin_reports:workflow_tasks_results": PAGE_TITLE,
    "wagtailredirects:index": PAYLOADS[1],
    "wagtailredirects:index_results": PAYLOADS[1],
}
ADOPTION_PARAMS = {"group": "authority"}


@pytest.fixture
def hostile(home_page, make_user):
    """Formula payloads in every kind of text an export shows."""
    user = make_user(superuser=True)
    authority = AuthorityFactory(name=AUTHORITY, short_name="+A")
    theme = ThemeFactory(name="@Tema", slug="tema")
    ConsultationFactory(
        title=CONSULTATION,
        authority=authority,
        case_number="=1",
        deadline=timezone.localdate() + datetime.timedelta(days=20),
        notes="-notat",
    )
    page = StandardPage(title=PAGE_TITLE, slug="formel")
    home_page.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    StandardPage.objects.filter(pk=page.pk).update(
        locked=True, locked_by=user, locked_at=timezone.now()
    )
    workflow = Workflow.objects.create(name="Formelflyt")
    task = GroupApprovalTask.objects.create(name="Formelsjekk")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    in_review = StandardPage(title=PAGE_TITLE, slug="formel-til-godkjenning")
    home_page.add_child(instance=in_review)
    in_review.save_revision(user=user)
    workflow.start(in_review, user)
    proposal = ProposalFactory(
        source_page=page,
        block_id="formel-1",
        position=1,
        text=PROPOSAL,
        target_authority=authority,
        submitted_on=timezone.localdate() - datetime.timedelta(days=400),
        themes=[theme],
    )
    OutcomeEventFactory(
        proposal=proposal,
        kind="consideration",
        date=_in_previous_half_year(),
        evidence_kind="letter",
        evidence_title="=Brev",
        evidence_chapter="+kap",
        evidence_url="https://example.org/brev",
        evidence_quote="@sitat",
        public_note="-merknad",
        publish=True,
    )
    _position(page)
    Redirect.objects.create(old_path="/formel", redirect_link=PAYLOADS[1])
    return user


def _in_previous_half_year():
    from advocacy.outcomes.queries import previous_half_year

    start, _end = previous_half_year()
    return start + datetime.timedelta(days=10)


def _position(page):
    from political_platform.models import Position

    Position.objects.create(block_id="formel-pos", source_label=PAGE_TITLE, text=POSITION)


def _cells(response, export_format):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        assert content.startswith(b"\xef\xbb\xbf")
        return [
            cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row
        ]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _get(client, name, export_format):
    params = {"export": export_format}
    if name.startswith("advocacy_reports:adoption"):
        params.update(ADOPTION_PARAMS)
    return client.get(reverse(name), params)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_no_exported_cell_starts_a_formula(client, hostile, name, export_format):
    client.force_login(hostile)
    response = _get(client, name, export_format)
    assert response.status_code == 200
    cells = [str(cell) for cell in _cells(response, export_format)]
    assert "'" + EXPORTS[name] in cells or any(
        cell.startswith("'" + EXPORTS[name]) for cell in cells
    ), f"the payload did not reach {name}: {cells}"
    assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]


def test_csv_is_utf8_for_excel(client, hostile):
    client.force_login(hostile)
    response = _get(client, "wagtailsnippets_consultations_consultation:list", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Høringsfrist" in text


def _export_urls(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _export_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.regex.groups:
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, SpreadsheetExportMixin):
                yield namespace + pattern.name


def test_every_admin_export_goes_through_the_one_path(client, hostile):
    """Every list or report in the admin that exports columns (Wagtail's own, LPP's and
    any added later) writes UTF-8 CSV with a BOM, i.e. through base/exports.py, and the
    ones whose rows carry user-written text are in EXPORTS above."""
    client.force_login(hostile)
    exporting = set()
    for name in _export_urls(get_resolver().url_patterns):
        response = _get(client, name, "csv")
        if response.status_code != 200 or not response["Content-Type"].startswith("text/csv"):
            continue
        content = b"".join(response.streaming_content)
        header = content.decode("utf-8-sig").splitlines()[0] if content.strip() else ""
        if header.strip(","):
            assert response["Content-Type"] == "text/csv; charset=utf-8", name
            assert content.startswith(b"\xef\xbb\xbf"), name
            exporting.add(name)
    assert set(EXPORTS) <= exporting
