"""Keyboard only: the skip link comes first and works, every focused element shows a
visible focus indicator, the menu is reachable, and the response archive's filters can
be filled in and submitted without a mouse."""

import pytest

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName, text: (el.innerText || el.value || el.name || '').trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
    visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0,
  };
}"""


def test_a_keyboard_user_skips_to_the_content_and_reaches_the_menu(browser_site, page):
    page.goto(browser_site + "/")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STYLE)
    assert first["text"] == "Hopp til hovedinnholdet"
    assert first["visible"] and (first["outline"] or first["shadow"])
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innhold"

    page.goto(browser_site + "/")
    menu_texts = []
    for _step in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["visible"], f"{focused['text']} er fokusert men ikke synlig"
        assert focused["outline"] or focused["shadow"], f"{focused['text']} har ikke synlig fokus"
        in_menu = page.evaluate("!!document.activeElement.closest('nav.main-nav')")
        if in_menu:
            menu_texts.append(focused["text"])
    assert "Temaer" in menu_texts
    # Enter on a focused menu link follows it.
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Temaer").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/tema/")


def test_the_response_archive_filters_work_from_the_keyboard(site_server, page):
    archive = (
        site_server.python(
            "from consultations.models import ConsultationResponseIndexPage\n"
            "print(ConsultationResponseIndexPage.objects.live().first().url)\n"
        )
        .strip()
        .splitlines()[-1]
    )
    page.goto(site_server.url + archive)
    form = page.locator("form.filters")
    controls = form.locator("select, input:not([type=hidden]), button")
    assert controls.count() >= 2
    # Tab into the form: every control is reached in order and shows focus.
    controls.first.focus()
    reached = []
    for _index in range(controls.count()):
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["outline"] or focused["shadow"], f"{focused['text']} har ikke synlig fokus"
        reached.append(page.evaluate("document.activeElement.name || document.activeElement.type"))
        page.keyboard.press("Tab")
    assert "submit" in reached
    # Choose the second option of the first select with the arrow keys, submit with Enter.
    select = form.locator("select").first
    name = select.get_attribute("name")
    select.focus()
    page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    assert chosen, "piltasten skal velge et alternativ"
    form.locator("button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"{name}={chosen}" in page.url
    assert page.get_by_role("heading", level=1).count() == 1
