"""Governance and lost-edit journeys in a real browser (issue 13 items 4, 6 and 7):

* an autosave request that was in flight when the editor pressed «Lagre kladd», and is
  handled side by side with it, must not put the older text back;
* a consultation's «Skriv høringssvar» creates the response already linked to it;
* the date picker on «Registrer innsending» closes when a day is picked, so «Kanal»
  can be chosen.
"""

import re
import sqlite3
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from .conftest import ACCOUNTS, last_json, log_in

pytestmark = pytest.mark.browser

CONSULTATION = "Høring – avlastning for pårørende (nettlesertest, knapp)"
APPROVED = "Høring – bolig og meningsfull hverdag (nettlesertest, innsending)"

SETUP = f"""{ACCOUNTS}
import datetime, json
from django.utils import timezone
from advocacy.models import Authority
from consultations import lifecycle
from consultations.models import Consultation
from consultations.responses import start_response
from consultations.status import Status
from home.models import HomePage, StandardPage
from base import roles

writer = user("skribent", roles.RESPONSES_GROUP, "Kari", "Nordmann")
staff = user("sekretar", roles.STAFF, "Siri", "Sekretær")
today = timezone.localdate()

def consultation(title):
    record = Consultation(
        title=title,
        authority=Authority.objects.get(name="Helse- og omsorgsdepartementet"),
        announced_on=today - datetime.timedelta(days=5),
        deadline=today + datetime.timedelta(days=40),
    )
    record.full_clean()
    record.save()
    return record

open_one = consultation({CONSULTATION!r})
approved = consultation({APPROVED!r})
page, _ = start_response(approved, writer)
page.summary = "Kort sammendrag."
page.save_revision(user=writer)
approved.refresh_from_db()
lifecycle.follow(approved, Status.IN_REVIEW, via=lifecycle.WORKFLOW)
lifecycle.follow(approved, Status.APPROVED, via=lifecycle.WORKFLOW)
approved.approved_revision = page.get_latest_revision()
approved.save(update_fields=["approved_revision"])

home = HomePage.objects.get()
draft = StandardPage(title="Autolagringstest", slug="autolagringstest", live=False)
home.add_child(instance=draft)
draft.save_revision(user=staff)
print(json.dumps({{"open": open_one.pk, "approved": approved.pk, "draft": draft.pk}}))
"""

INTRO_OF_LATEST = """
import json
from home.models import StandardPage
page = StandardPage.objects.get(slug="autolagringstest")
print(json.dumps({"intro": page.get_latest_revision_as_object().intro}))
"""

RESPONSE_OF = """
import json
from consultations.models import Consultation
record = Consultation.objects.get(pk={pk})
page = record.get_response()
print(json.dumps({{"page": page.pk if page else None, "owner": page.owner.username if page else None}}))
"""


@pytest.fixture(scope="module")
def records(site_server):
    return last_json(site_server.python(SETUP))


def is_autosave(request, page_id):
    return (
        request.method == "POST"
        and request.url.endswith(f"/admin/pages/{page_id}/edit/")
        and "application/json" in (request.headers.get("accept") or "")
    )


def test_a_late_autosave_does_not_put_older_text_back(site_server, records, open_page):
    base, page_id = site_server.url, records["draft"]
    editor = open_page()
    log_in(editor, base, "sekretar")
    editor.goto(base + f"/admin/pages/{page_id}/edit/")
    intro = editor.locator("#id_intro")
    editor.wait_for_timeout(1000)  # the unsaved-changes watcher reads the form first

    # The first autosave makes the revision that autosave overwrites from now on.
    intro.click()
    # Wagtail's unsaved-changes watcher takes the form as it is at the first keystroke
    # as its starting point; the change after it is what autosave sends.
    editor.keyboard.type("Gammel")
    editor.wait_for_timeout(700)
    # On a busy machine the watcher may start after the first keystrokes: type on until an
    # autosave goes out (the text is replaced below anyway).
    deadline = time.monotonic() + 45
    while True:
        try:
            with editor.expect_response(lambda r: is_autosave(r.request, page_id), timeout=5000):
                editor.keyboard.type(" tekst.")
            break
        except PlaywrightTimeoutError:
            assert time.monotonic() < deadline, "den første autolagringen ble aldri sendt"

    # The next autosave is caught on its way to the server …
    held = []
    editor.route(
        re.compile(rf".*/admin/pages/{page_id}/edit/$"),
        lambda route: (
            held.append(route) if is_autosave(route.request, page_id) else route.continue_()
        ),
    )
    editor.keyboard.type(" Litt endret.")
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        editor.wait_for_timeout(50)
    assert held, "autolagringen ble ikke sendt"
    editor.keyboard.press("Control+A")
    editor.keyboard.type("Ny tekst som skal stå.")

    # … and handled side by side with «Lagre kladd»: both requests wait for the database
    # (held by the test), the autosave having checked that its revision was the latest.
    lock = sqlite3.connect(site_server.workdir / "db.sqlite3", timeout=20)
    lock.execute("BEGIN IMMEDIATE")
    try:
        held[0].continue_()
        editor.wait_for_timeout(1000)
        editor.get_by_role("button", name="Lagre kladd").click(no_wait_after=True)
        editor.wait_for_timeout(150)
    finally:
        lock.rollback()
        lock.close()
    editor.wait_for_url(re.compile(rf"/admin/pages/{page_id}/edit/"))
    expect(editor.locator(".messages .success").first).to_be_visible()
    editor.wait_for_timeout(1500)  # the late autosave has been answered by now

    stored = last_json(site_server.python(INTRO_OF_LATEST))
    assert stored["intro"] == "Ny tekst som skal stå.", stored


def test_skriv_horingssvar_creates_the_response_linked_to_the_consultation(
    site_server, records, open_page
):
    base, pk = site_server.url, records["open"]
    page = open_page()
    log_in(page, base, "skribent")
    page.goto(base + f"/admin/snippets/consultations/consultation/inspect/{pk}/")
    page.get_by_role("link", name="Skriv høringssvar").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Skriv høringssvar")
    with page.expect_navigation():
        page.get_by_role("button", name="Opprett høringssvaret").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("[data-contentpath='consultation']")).to_contain_text(CONSULTATION)
    created = last_json(site_server.python(RESPONSE_OF.format(pk=pk)))
    assert created["owner"] == "skribent" and page.url.endswith(f"/{created['page']}/edit/")

    # The button now opens that response instead of making a second one.
    page.goto(base + f"/admin/snippets/consultations/consultation/inspect/{pk}/")
    page.get_by_role("link", name="Åpne høringssvaret").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{created['page']}/edit/"))


def test_the_date_picker_closes_so_kanal_can_be_chosen(site_server, records, open_page):
    base, pk = site_server.url, records["approved"]
    page = open_page()
    log_in(page, base, "sekretar")
    page.goto(base + f"/admin/horinger/{pk}/innsending/")
    date_input = page.locator("#id_submitted_on")
    picker = page.locator(".xdsoft_datetimepicker").filter(has=page.locator(".xdsoft_today"))

    # Picking a day closes the calendar.
    date_input.click()
    expect(picker.first).to_be_visible()
    picker.first.locator(".xdsoft_date.xdsoft_today").click()
    expect(picker.first).to_be_hidden()
    expect(date_input).not_to_have_value("")

    # Typing the date closes it too, and the mouse reaches «Kanal» right below.
    date_input.click()
    expect(picker.first).to_be_visible()
    date_input.fill("")
    page.keyboard.type("2026-12-01")
    expect(picker.first).to_be_hidden()
    channel = page.get_by_role("radio").first
    channel.click(timeout=3000)
    expect(channel).to_be_checked()
