"""The public site in a real browser: every page type renders without errors or CSP
violations, passes axe-core's WCAG 2.1 A/AA rules, and is photographed at phone and
desktop width (artifacts/screenshots/)."""

import pytest

from .conftest import CSP_LISTENER, DESKTOP, PHONE, check_accessibility, last_json, screenshot

pytestmark = pytest.mark.browser


PAGE_TYPES = """
import json
from django.urls import reverse
from wagtail.models import Page
from advocacy.models import Theme
from agreement.models import AgreementPage
from consultations.models import ConsultationResponseIndexPage, ConsultationResponsePage
from political_platform.models import PlatformChapterPage, PlatformPage

paths = [
    ("forside", "/"),
    ("standardside", "/om-lpp/"),
    ("temaoversikt", reverse("advocacy:theme_index")),
    ("temaside", Theme.objects.order_by("name").first().get_absolute_url()),
]
# Every page type is in the demo content: one missing fails the set-up, not skipped.
for label, model in [
    ("plattform", PlatformPage),
    ("plattformkapittel", PlatformChapterPage),
    ("horingssvar-arkiv", ConsultationResponseIndexPage),
    ("horingssvar", ConsultationResponsePage),
    ("parorendeavtale", AgreementPage),
]:
    paths.append((label, Page.objects.type(model).live().public().order_by("path").first().url))
for label, name, query in [
    ("resultater", "advocacy:outcomes", ""),
    ("resultatliste", "advocacy:outcome_list", ""),
    ("strategi", "strategy:follow_up", ""),
    ("sok", "search:search", "?q=p%C3%A5r%C3%B8rende"),
]:
    paths.append((label, reverse(name) + query))
print(json.dumps(paths))
"""


def public_page_types(site_server):
    """(name, path) for each public page type in the demo site, and a missing page."""
    paths = last_json(site_server.python(PAGE_TYPES))
    return [*paths, ("ikke-funnet", "/finnes-ikke/")]


def test_every_public_page_type_is_accessible_and_photographed(site_server, open_page):
    browser_site = site_server.url
    for name, path in public_page_types(site_server):
        for width_name, viewport in (("mobil", PHONE), ("desktop", DESKTOP)):
            page = open_page(viewport)
            response = page.goto(browser_site + path)
            expected = 404 if name == "ikke-funnet" else 200
            assert response.status == expected, f"{path}: {response.status}"
            assert page.locator("html").get_attribute("lang") == "nb"
            assert page.locator("h1").count() == 1, f"{path} skal ha nøyaktig én h1"
            assert page.locator("main#innhold").count() == 1
            check_accessibility(page)
            image = screenshot(page, f"{name}-{width_name}")
            assert image.stat().st_size > 5_000
            if width_name == "mobil":
                # Nothing may force sideways scrolling on a phone.
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{path} er {overflow}px for bred på mobil"
            page.context.close()


def test_a_visitor_finds_a_theme_from_the_home_page(browser_site, page):
    page.goto(browser_site + "/")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Temaer").click()
    page.wait_for_url("**/tema/")
    assert page.get_by_role("heading", level=1).inner_text().strip()
    first_theme = page.locator("main a[href^='/tema/']").first
    theme_name = first_theme.inner_text().strip()
    first_theme.click()
    page.wait_for_url("**/tema/*/")
    assert theme_name in page.get_by_role("heading", level=1).inner_text()


def test_the_public_pages_carry_canonical_and_open_graph_tags(browser_site, page):
    page.goto(browser_site + "/om-lpp/?utm_source=nyhetsbrev")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/om-lpp/") and "?" not in canonical
    assert page.locator("meta[property='og:title']").get_attribute("content") == "Om LPP"
    assert page.locator("meta[property='og:url']").get_attribute("content") == canonical
    assert page.locator("meta[property='og:locale']").get_attribute("content") == "nb_NO"


def test_the_public_site_is_served_under_a_strict_content_security_policy(browser_site, browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        violations = []
        page.on("console", lambda message: violations.append(message.text))
        context.add_init_script(CSP_LISTENER)
        response = page.goto(browser_site + "/")
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        # The policy is live: an injected inline script is refused by the browser.
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.__inline = 1'; document.head.appendChild(s); }"
        )
        assert page.evaluate("window.__inline") is None
        assert any("CSP-VIOLATION script-src" in text for text in violations)
    finally:
        context.close()
