"""The watched sources in a real browser, on the demo site whose sources are the recorded
samples (sources/samples/): a secretariat member opens «Nye høringer», takes a candidate in
as a consultation, then confirms an outcome event proposed from Stortinget's progress on
a linked case. The checks of what was stored go through Django."""

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS, check_accessibility, last_json, log_in, screenshot

pytestmark = pytest.mark.browser

CANDIDATE = "Høring – nasjonal faglig retningslinje for forebygging av selvmord og selvskading"

SETUP = f"""{ACCOUNTS}
from base import roles
user("kilder", roles.STAFF)
"""

STATE = f"""
import json
from consultations.models import Consultation
from sources.models import SourcedEvent
consultation = Consultation.objects.filter(title={CANDIDATE!r}).first()
print(json.dumps({{
    "deadline": consultation.deadline.isoformat() if consultation else None,
    "url": consultation.url if consultation else None,
    "confirmed": SourcedEvent.objects.filter(event__published_at__isnull=False).count(),
    "drafts": SourcedEvent.objects.filter(event__published_at__isnull=True).count(),
}}))
"""


def state(site_server):
    return last_json(site_server.python(STATE))


def test_staff_accept_a_candidate_and_confirm_a_proposed_outcome(site_server, page):
    base = site_server.url
    site_server.python(SETUP)
    before = state(site_server)

    log_in(page, base, "kilder")

    page.get_by_role("button", name="Kildeovervåking").click()
    page.get_by_role("link", name="Nye høringer").click()
    row = page.locator("tr", has_text=CANDIDATE)
    expect(row).to_contain_text("selvmord")
    screenshot(page, "kilder-nye-horinger")
    check_accessibility(page, context="main")
    row.get_by_role("link", name="Ta inn").click()
    # The sender was matched to a known authority, so it is chosen already.
    assert page.get_by_label("Myndighet (avsender)").input_value() != ""
    page.get_by_role("button", name="Ta inn som høring").click()
    expect(page.locator(".messages .success").first).to_contain_text("er registrert som høring")

    after_accept = state(site_server)
    assert after_accept["deadline"] == "2027-03-01"
    assert after_accept["url"].startswith("https://www.regjeringen.no/no/dokumenter/")

    page.get_by_role("button", name="Kildeovervåking").click()
    page.get_by_role("link", name="Foreslåtte hendelser").click()
    first = page.locator("tbody tr").first
    expect(first).to_contain_text("Stortingets saksgang")
    first.get_by_role("button", name="Bekreft").click()
    expect(page.locator(".messages .success").first).to_contain_text("bekreftet og publisert")

    after = state(site_server)
    assert after["confirmed"] == before["confirmed"] + 1
    assert after["drafts"] == before["drafts"] - 1
