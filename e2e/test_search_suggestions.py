"""Suggestions under the search box: typed without æøå, chosen with the keyboard, read
out to a screen reader, and never an unpublished title."""

import pytest

from .conftest import check_accessibility, last_json, screenshot

pytestmark = pytest.mark.browser

DRAFT_TITLE = """
import json
from consultations.models import ConsultationResponsePage
draft = ConsultationResponsePage.objects.filter(live=False).order_by("pk").first()
print(json.dumps(draft.title))
"""


def test_a_keyboard_user_picks_a_suggestion_and_lands_on_it(site_server, page):
    page.goto(site_server.url + "/sok/")
    box = page.get_by_role("combobox", name="Søk i LPPs politikk, høringssvar og forslag")
    box.press_sequentially("parorende mot", delay=20)  # no æøå on this keyboard
    options = page.get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    titles = options.all_inner_texts()
    assert any("Pårørende MØTEPLASS" in title for title in titles), titles
    assert "forslag" in page.get_by_role("status").first.inner_text()
    check_accessibility(page)
    screenshot(page, "sok-forslag-desktop")

    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    chosen = first.inner_text()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").is_hidden()

    # Typing on brings the list back; Enter on a chosen suggestion opens it.
    box.press_sequentially("e", delay=20)
    options.first.wait_for()
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text().strip() in chosen


def test_an_unpublished_title_is_never_suggested(site_server, page):

    draft_title = last_json(site_server.python(DRAFT_TITLE))
    first_word = next(word for word in draft_title.split() if len(word) > 4 and word[0].isupper())
    page.goto(site_server.url + "/sok/")
    answer = page.request.get(site_server.url + "/sok/forslag/?q=" + draft_title[:30])
    assert answer.ok
    assert draft_title not in [s["title"] for s in answer.json()["suggestions"]]
    box = page.get_by_role("combobox")
    box.press_sequentially(first_word[:6], delay=20)
    page.wait_for_load_state("networkidle")
    assert draft_title not in page.locator("main").inner_text()
