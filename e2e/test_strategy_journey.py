"""One half-year of the strategy follow-up, in a real browser (only the set-up — the
accounts — and the checks of what was stored go through Django):

1. the secretariat starts the period under Strategi → Halvårsgjennomganger; every measure
   is pre-filled from the previous, approved period;
2. she assesses a measure (status and assessment) and submits the review to landsstyret;
3. a board member marks a measure public on the review screen and approves the review,
   which locks it;
4. the board report is downloaded as Word and as a spreadsheet;
5. the public page «Slik følger vi opp strategien» shows the new period with the measure
   the board marked public, and nothing internal or unmarked.
"""

import io
import re
import zipfile

import openpyxl
import pytest
from playwright.sync_api import expect

from .conftest import (
    ACCOUNTS,
    check_accessibility,
    footer_action,
    last_json,
    log_in,
    screenshot,
    success_message,
)

pytestmark = pytest.mark.browser

ASSESSMENT = "Intern vurdering fra nettlesertesten – skal aldri vises offentlig."
ASSESSED = "Skrive og levere høringssvar"
MARKED = "Styrke samarbeid med relevante organisasjoner"
UNMARKED = "Flere kontaktpunkter mellom sentralledd og lokallag"

SETUP = f"""{ACCOUNTS}
import json
from base import roles
from strategy.models import Measure, Plan, Review, Survey

user("strategi-sekretariat", roles.STAFF)
user("strategi-styre", roles.BOARD)
plan = Plan.objects.get(title="Strategisk handlingsplan 2025–2035")
# The demo's open period is removed, so the secretariat starts it from the admin.
open_review = Review.objects.get(plan=plan, approved_at__isnull=True)
Survey.objects.filter(review=open_review).delete()
period = [open_review.year, open_review.half, open_review.period_label]
open_review.delete()
last = Review.objects.filter(plan=plan).order_by("-year", "-half").first()
measures = {{m.title: m.pk for m in Measure.objects.filter(focus_area__plan=plan)}}
print(json.dumps({{"period": period, "previous": last.period_label, "measures": measures,
    "previous_status": last.statuses.get(measure_id=measures[{ASSESSED!r}]).get_status_display()}}))
"""

STATE = """
import json
from strategy.models import Review
review = Review.objects.order_by("-pk").first()
state = review.current_workflow_state
print(json.dumps({"id": review.pk, "approved": review.approved_at is not None,
    "approver": review.approved_by.username if review.approved_by else None,
    "workflow": state.status if state else None, "locked": review.locked}))
"""


def test_one_half_year_from_prefill_to_the_public_page(site_server, open_page):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    state = lambda: last_json(site_server.python(STATE))  # noqa: E731
    year, half, period = info["period"]
    assessed_row = f"#tiltak-{info['measures'][ASSESSED]}"
    marked_row = f"#tiltak-{info['measures'][MARKED]}"

    # 1. The secretariat starts the period, pre-filled from the last approved one.
    secretary = open_page()
    log_in(secretary, base, "strategi-sekretariat")
    secretary.get_by_role("button", name="Strategi", exact=True).click()
    secretary.get_by_role("link", name="Halvårsgjennomganger").click()
    secretary.get_by_role("link", name="Start ny periode").first.click()
    expect(secretary.get_by_label("År", exact=True)).to_have_value(str(year))
    with secretary.expect_navigation():
        secretary.get_by_role("button", name="Start og fyll ut fra forrige periode").click()
    assert f"fylt ut fra {info['previous']}" in success_message(secretary)
    row = secretary.locator(assessed_row)
    expect(row).to_contain_text(f"Forrige periode: {info['previous_status']}")
    selected = row.get_by_label("Status").locator("option:checked")
    expect(selected).to_have_text(info["previous_status"])
    expect(secretary.locator(marked_row).get_by_label("Vis offentlig")).to_be_disabled()

    # 2. She assesses a measure and submits the review to the board.
    row.get_by_label("Status").select_option(label="Forsinket")
    row.get_by_label("Vurdering").fill(ASSESSMENT)
    with secretary.expect_navigation():
        secretary.get_by_role("button", name="Lagre vurderingene").click()
    assert "Lagret: 1 tiltak vurdert" in success_message(secretary)
    screenshot(secretary, "admin-strategi-vurder-tiltak")
    secretary.get_by_role("link", name="Samlet vurdering og godkjenning").click()
    footer_action(secretary, re.compile(r"^Send inn til"))
    assert state()["workflow"] == "in_progress"

    # 3. The board marks a measure public and approves.
    board = open_page()
    log_in(board, base, "strategi-styre")
    review_id = state()["id"]
    board.goto(base + f"/admin/snippets/strategy/review/{review_id}/vurder/")
    board.locator(marked_row).get_by_label("Vis offentlig").check()
    with board.expect_navigation():
        board.get_by_role("button", name="Lagre vurderingene").click()
    assert "Lagret" in success_message(board)
    board.get_by_role("link", name="Samlet vurdering og godkjenning").click()
    board.locator("#id_summary").fill("Landsstyret godkjenner statusen for perioden.")
    footer_action(board, re.compile(r"^Godkjenn"))
    approved = state()
    assert approved["approved"] and approved["approver"] == "strategi-styre", approved
    assert approved["workflow"] is None and approved["locked"], approved
    board.goto(base + f"/admin/snippets/strategy/review/{review_id}/vurder/")
    expect(board.get_by_text("er godkjent av landsstyret og er låst")).to_be_visible()
    expect(board.get_by_role("button", name="Lagre vurderingene")).to_have_count(0)

    # 4. The board report, as Word and as a spreadsheet.
    board.goto(base + f"/admin/snippets/strategy/review/rapport/?review={review_id}")
    expect(board.get_by_role("heading", name=re.compile(period))).to_be_visible()
    screenshot(board, "admin-strategirapport")
    with board.expect_download() as download:
        board.get_by_role("link", name="Last ned som Word-fil").click()
    word = download.value
    assert word.suggested_filename == f"strategirapport-{year}-{half}.docx"
    with zipfile.ZipFile(io.BytesIO(open(word.path(), "rb").read())) as docx:
        body = docx.read("word/document.xml").decode()
    assert ASSESSED in body and "Forsinket" in body
    with board.expect_download() as download:
        board.locator("header").get_by_role("button", name="Handlinger").click()
        board.get_by_role("link", name="Last ned XLSX").click()
    sheet = download.value
    assert sheet.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(sheet.path().read_bytes()), read_only=True)
    strings = [str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert ASSESSED in strings and ASSESSMENT in strings

    # 5. The public page shows only what the board marked public.
    public = open_page()
    public.goto(base + "/strategi/")
    main = public.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Slik følger vi opp strategien")
    expect(main).to_contain_text(f"Status per {period}")
    expect(main.get_by_role("row", name=re.compile(MARKED))).to_be_visible()
    expect(main.get_by_role("row", name=re.compile(ASSESSED))).to_contain_text("Forsinket")
    expect(main).not_to_contain_text(UNMARKED)
    expect(main).not_to_contain_text(ASSESSMENT)
    check_accessibility(public)
    screenshot(public, "strategi-offentlig-desktop")
