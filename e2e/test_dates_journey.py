"""Deadlines in the admin read as dates, in a real browser: the secretariat opens the
consultation list and sees a future internal deadline as «7. desember 2026 (om 6 dager)»,
never «0 minutter siden»; the dashboard says how far off the høringsfrist is; a
position's detail page and its list give the same time, in Oslo."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS, last_json, log_in, screenshot

pytestmark = pytest.mark.browser


SETUP = f"""{ACCOUNTS}
import datetime, json
from django.utils import timezone
from advocacy.models import Authority
from consultations.models import Consultation
from base import roles
from base.dates import long_date

account = user("dato-sekretariat", roles.STAFF, "Dina", "Dato")
today = timezone.localdate()
record, _ = Consultation.objects.update_or_create(
    title="Nettlesertest: høring med intern frist",
    defaults=dict(
        authority=Authority.objects.order_by("pk").first(),
        announced_on=today - datetime.timedelta(days=3),
        draft_deadline=today + datetime.timedelta(days=6),
        deadline=today + datetime.timedelta(days=20),
        status="vurderes",
        responsible=account,
    ),
)
print(json.dumps({{
    "draft": long_date(record.draft_deadline),
    "deadline": long_date(record.deadline),
}}))
"""


def test_the_consultation_list_shows_a_future_deadline_as_a_date(site_server, open_page):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    page = open_page()
    log_in(page, base, "dato-sekretariat")

    page.goto(base + "/admin/snippets/consultations/consultation/")
    row = page.get_by_role("row").filter(has_text="Nettlesertest: høring med intern frist")
    expect(row).to_contain_text(f"{info['draft']} (om 6 dager)")
    expect(row).to_contain_text(info["deadline"])
    expect(row).to_contain_text("om 20 dager")
    expect(row).not_to_contain_text(re.compile("siden|akkurat nå", re.IGNORECASE))
    # The column is read as a date by assistive technology too.
    assert row.locator("time").first.get_attribute("datetime")
    screenshot(page, "dates-consultation-list")

    page.goto(base + "/admin/")
    body = page.locator("main")
    expect(body).not_to_contain_text("minutter siden")
