"""Deadlines in the admin read as dates, in a real browser: the secretariat opens the
consultation list and sees a future internal deadline as «7. desember 2026 (om 6 dager)»,
never «0 minutter siden»; the dashboard says how far off the høringsfrist is; a
position's detail page and its list give the same time, in Oslo."""

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Sterkt-passord-2026!"

SETUP = f"""
import datetime, json
from django.contrib.auth.models import Group, User
from django.utils import timezone
from advocacy.models import Authority
from consultations.models import Consultation
from lpp import roles
from lpp.dates import long_date

account, _ = User.objects.get_or_create(username="dato-sekretariat", defaults={{"email": "dato@lpp.example", "first_name": "Dina", "last_name": "Dato"}})
account.set_password({PASSWORD!r})
account.save()
account.groups.add(Group.objects.get(name=roles.STAFF))
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


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


def test_the_consultation_list_shows_a_future_deadline_as_a_date(site_server, open_page):
    base = site_server.url
    info = json.loads(site_server.python(SETUP).strip().splitlines()[-1])
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
