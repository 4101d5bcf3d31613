"""The journeys a reader takes through the public site, in a real browser, against the
demo site (what it links to is read from its database, not assumed):

1. home → the political platform → a chapter → a quoted «LPP mener at» position;
2. the response archive, filtered by authority → a response → its proposals' status →
   the timeline with the authority's evidence link;
3. a theme page with positions, responses and proposals → a response and a position;
4. «Hva skjedde med forslagene våre?»: the chart's text alternative and figures, and the
   list of proposals behind a figure;
5. search → a facet → only that kind of result; a query without hits;
6. the Word download of a published response and of the platform; a draft's download
   is not found.

New states (the filtered archive, the filtered proposal list, search with a facet) are
checked with axe-core and photographed; the page types themselves are in
test_public_site.py.
"""

import io
import re
import zipfile

import pytest

from .conftest import DESKTOP, PHONE, check_accessibility, last_json, screenshot

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = pytest.mark.browser

DEMO = """
import json
from django.urls import reverse
from advocacy.models import OutcomeEvent, Theme
from consultations.models import ConsultationResponseIndexPage, ConsultationResponsePage
from political_platform.models import PlatformPage, Position
from consultations.docx import response_subject

responses = ConsultationResponsePage.objects.live().public()
event = (
    OutcomeEvent.objects.public()
    .exclude(evidence_url="")
    .exclude(evidence_title="")
    .filter(proposal__source_page__in=responses)
    .select_related("proposal")
    .order_by("-date", "pk")
    .first()
)
response = responses.get(pk=event.proposal.source_page_id)
authority = response.consultation.authority
unpublished = list(
    OutcomeEvent.objects.filter(proposal__source_page=response, published_at__isnull=True)
    .exclude(evidence_title="")
    .values_list("evidence_title", flat=True)
)
theme = next(
    t for t in response.themes
    if Position.objects.public().filter(themes=t).exists()
)
edition = PlatformPage.objects.live().public().order_by("-first_published_at").first()
print(json.dumps({
    "archive_title": ConsultationResponseIndexPage.objects.live().public().first().title,
    "response": {
        "title": response.title,
        "url": response.url,
        "consultation": response.consultation.title,
        "subject": response_subject(response.consultation.title),
        "authority": authority.name,
        "authority_id": str(authority.pk),
    },
    "proposal": {
        "text": event.proposal.text,
        "status": event.proposal.public_status_label,
        "timeline": reverse("advocacy:proposal_outcome", args=[event.proposal.pk]),
    },
    "evidence": {"url": event.evidence_url, "title": event.evidence_title},
    "unpublished_evidence": unpublished,
    "theme": {"name": theme.name, "url": theme.get_absolute_url()},
    "edition": {"title": edition.title, "url": edition.url},
    "outcomes_url": reverse("advocacy:outcomes"),
    "search_url": reverse("search:search"),
}))
"""

# A draft response for the download test: the demo's own draft while it is one (the
# admin journey publishes it), otherwise an unpublished copy of a published response.
DRAFT = """
import json
from django.urls import reverse
from consultations.models import ConsultationResponsePage

draft = ConsultationResponsePage.objects.filter(live=False).order_by("pk").first()
if draft is None:
    source = ConsultationResponsePage.objects.live().order_by("pk").first()
    draft = source.copy(
        update_attrs={"title": "Utkast som ikke er publisert", "slug": "e2e-upublisert-utkast"},
        keep_live=False,
    ).specific
print(json.dumps({
    "title": draft.title,
    "path": draft.get_url_parts()[2],
    "download": reverse("advocacy:docx_download", args=[draft.pk]),
}))
"""


@pytest.fixture(scope="module")
def demo(site_server):
    """What the demo site holds that the journeys follow (titles, addresses, texts)."""
    return last_json(site_server.python(DEMO))


def count_in(text):
    """The first number in a text such as «3 høringssvar» or «12 treff på …»."""
    return int(re.search(r"\d+", text).group())


def photograph(page, name):
    """Screenshots of the state the page is in, at desktop and at phone width; on the
    phone nothing may force sideways scrolling."""
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} er {overflow}px for bred på mobil"
    screenshot(page, f"{name}-mobil")
    page.set_viewport_size(DESKTOP)


def main_menu(page):
    return page.get_by_role("navigation", name="Hovedmeny")


def assert_lands_on_position(page, position_text):
    """The address names a position, and that position is where the reader lands."""
    assert "#standpunkt-" in page.url
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target).to_have_class(re.compile(r"\bposition\b"))
    expect(target).to_contain_text(position_text)
    expect(target).to_be_in_viewport()


def test_a_reader_goes_from_the_home_page_to_a_position_in_the_platform(browser_site, demo, page):
    page.goto(browser_site + "/")
    main_menu(page).get_by_role("link", name="Politisk plattform").click()
    page.wait_for_url("**/politikk/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Politisk plattform")

    # The platform page quotes positions; remember the first quote and where it is from.
    quote = page.locator("figure.platform-quote").first
    quoted = quote.locator("blockquote").inner_text().strip()
    assert quoted.startswith("LPP mener at ")
    position_text = quoted.removeprefix("LPP mener at ").strip()
    source = quote.locator("figcaption a")
    chapter_title = re.search(r"«(.+)»", source.inner_text()).group(1)

    # The current edition → its table of contents → the chapter.
    page.get_by_role("link", name=demo["edition"]["title"], exact=True).click()
    page.wait_for_url("**" + demo["edition"]["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text(demo["edition"]["title"])
    page.get_by_role("navigation", name="Innhold").get_by_role(
        "link", name=chapter_title, exact=True
    ).click()
    section = page.locator("section.chapter:target")
    expect(section.get_by_role("heading", level=2)).to_contain_text(chapter_title)
    expect(section.locator("li.position", has_text=position_text)).to_have_count(1)
    section.get_by_role("link", name=re.compile(r"på egen side$")).click()
    page.wait_for_url(re.compile(r"/politikk/.+/.+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(chapter_title)
    positions = page.get_by_role("region", name="LPP mener at:")
    expect(positions.locator("li.position", has_text=position_text)).to_have_count(1)
    # The chapter says which edition it belongs to, and links back to it.
    expect(
        page.get_by_role("link", name=demo["edition"]["title"], exact=True).first
    ).to_be_visible()

    # Back to the platform through the breadcrumbs, and follow the quote to its source.
    page.get_by_role("navigation", name="Brødsmulesti").get_by_role(
        "link", name="Politisk plattform", exact=True
    ).click()
    page.wait_for_url("**/politikk/")
    page.locator("figure.platform-quote").first.locator("figcaption a").click()
    page.wait_for_url(re.compile(r"#standpunkt-"))
    expect(page.get_by_role("heading", level=1)).to_have_text(chapter_title)
    assert_lands_on_position(page, position_text)


def test_a_reader_filters_the_archive_and_finds_what_the_authority_did(browser_site, demo, page):
    response, proposal, evidence = demo["response"], demo["proposal"], demo["evidence"]
    page.goto(browser_site + "/")
    main_menu(page).get_by_role("link", name=demo["archive_title"], exact=True).click()
    results = page.locator("#results-heading")
    before = count_in(results.inner_text())

    authority = page.get_by_label("Myndighet")
    authority.select_option(label=response["authority"])
    with page.expect_navigation():
        page.get_by_role("button", name="Vis høringssvar").click()
    assert f"myndighet={response['authority_id']}" in page.url
    # The choice stays selected, the list narrows to that authority's responses.
    expect(authority).to_have_value(response["authority_id"])
    after = count_in(results.inner_text())
    assert 1 <= after < before
    items = page.locator(".response-list > li")
    expect(items).to_have_count(after)
    for index in range(after):
        expect(items.nth(index)).to_contain_text(f"Til {response['authority']}")
    expect(page.get_by_role("link", name="Nullstill")).to_be_visible()
    check_accessibility(page)
    photograph(page, "horingssvar-arkiv-filtrert")

    # The response → its proposal and the proposal's status.
    items.get_by_role("link", name=response["title"], exact=True).click()
    page.wait_for_url("**" + response["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text(response["title"])
    summary = page.get_by_role("region", name="LPPs forslag i dette høringssvaret")
    item = summary.locator("li", has_text=proposal["text"])
    expect(item.locator(".status")).to_contain_text(proposal["status"])

    # The proposal's timeline → the evidence the authority published.
    item.get_by_role("link", name=re.compile("^Tidslinje")).click()
    page.wait_for_url("**" + proposal["timeline"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva skjedde med forslaget?")
    expect(page.locator(".proposal__text")).to_have_text(proposal["text"])
    expect(page.locator(".outcome-facts .status")).to_have_text(proposal["status"])
    timeline = page.get_by_role("region", name="Tidslinje")
    link = timeline.get_by_role("link", name=evidence["title"], exact=True).first
    expect(link).to_have_attribute("href", evidence["url"])
    assert link.evaluate("el => el.tagName") == "A"
    # Events staff have not published yet stay out of the public timeline.
    for title in demo["unpublished_evidence"]:
        expect(timeline).not_to_contain_text(title)
    # And the way back: the proposal's own place in the response.
    page.get_by_role("link", name=response["title"], exact=True).click()
    page.wait_for_url(re.compile(r"#forslag-"))
    expect(page.locator(":target")).to_contain_text(proposal["text"])


def test_a_theme_page_gathers_positions_responses_and_proposals(browser_site, demo, page):
    theme, response = demo["theme"], demo["response"]
    # From a response's theme tag to the theme page.
    page.goto(browser_site + response["url"])
    page.get_by_role("region", name="Om høringen").get_by_role(
        "link", name=theme["name"], exact=True
    ).click()
    page.wait_for_url("**" + theme["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text(theme["name"])

    outcomes = page.get_by_role("region", name="Hva skjedde med forslagene?")
    expect(outcomes.locator(".outcome-list__item").first).to_be_visible()
    expect(outcomes.locator(".status").first).to_be_visible()
    # Each proposal reads as a sentence of its own («LPP vil …» for the platform's demands).
    for text in outcomes.locator(".outcome-list__text").all_inner_texts():
        assert text[:1].isupper(), text
    responses = page.get_by_role("region", name="Høringssvar", exact=True)
    expect(responses.get_by_role("link", name=response["title"], exact=True)).to_be_visible()
    positions = page.get_by_role("region", name=re.compile("^LPP mener"))
    first_position = positions.locator("li.position").first
    position_text = first_position.locator(".position__text").inner_text()
    assert position_text.startswith("LPP mener at ")

    # Follow a position to where it stands in the platform.
    first_position.get_by_role("link").click()
    page.wait_for_url(re.compile(r"#standpunkt-"))
    assert_lands_on_position(page, position_text.removeprefix("LPP mener at ").strip())

    # Back, and follow the response.
    page.go_back()
    page.wait_for_url("**" + theme["url"])
    page.get_by_role("region", name="Høringssvar", exact=True).get_by_role(
        "link", name=response["title"], exact=True
    ).click()
    page.wait_for_url("**" + response["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text(response["title"])


def table_counts(table):
    """{row heading: number} of a two-column figure table."""
    counts = {}
    for row in table.locator("tbody tr").all():
        counts[row.locator("th").inner_text().strip()] = int(row.locator("td").inner_text())
    return counts


def test_the_accountability_page_shows_figures_with_a_text_alternative(browser_site, demo, page):
    page.goto(browser_site + "/")
    main_menu(page).get_by_role("link", name="Resultater").click()
    page.wait_for_url("**" + demo["outcomes_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva skjedde med forslagene våre?")
    expect(main_menu(page).get_by_role("link", name="Resultater")).to_have_attribute(
        "aria-current", "page"
    )
    overview = page.get_by_role("region", name="Oversikt")

    # The chart is an image with a name and a description pointing to the table.
    chart = overview.get_by_role("img", name="Alle LPPs forslag etter utfall")
    expect(chart).to_have_count(1)
    description = chart.evaluate(
        "el => el.getAttribute('aria-labelledby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "tabellen" in description
    table = overview.get_by_role("table", name="Alle forslag etter utfall")
    counts = table_counts(table)
    total = counts.pop("Totalt")
    assert total == sum(counts.values()) > 0

    # The chart's bars say the same as the table, and so does the headline.
    bars = {}
    for title in chart.locator("rect > title").all_text_contents():
        label, number = title.rsplit(":", 1)
        bars[label.strip()] = int(number)
    assert bars == {label: number for label, number in counts.items() if number}
    headline = overview.locator(".outcome-headline").inner_text()
    assert f"av {total} forslag" in headline

    # A figure in the table → the proposals behind it, all with that status.
    status, number = next(
        (label, n) for label, n in counts.items() if n and label != "Venter på svar"
    )
    table.get_by_role("row", name=status).get_by_role("link").click()
    page.wait_for_url(re.compile(r"utfall="))
    expect(page.get_by_role("heading", level=1)).to_contain_text(status.lower())
    expect(page.locator("main")).to_contain_text(f"{number} forslag.")
    items = page.locator(".outcome-list__item")
    expect(items).to_have_count(number)
    for index in range(number):
        expect(items.nth(index).locator(".status")).to_contain_text(status)
    check_accessibility(page)
    photograph(page, "resultatliste-filtrert")

    # «Totalt» lists every proposal.
    page.get_by_role("link", name="Tilbake til tallene").click()
    page.wait_for_url("**" + demo["outcomes_url"])
    page.get_by_role("row", name="Totalt").get_by_role("link").click()
    page.wait_for_url(re.compile(r"/forslag/$"))
    expect(page.locator("main")).to_contain_text(f"{total} forslag.")


def search_for(page, words):
    field = page.get_by_label("Søk i LPPs politikk, høringssvar og forslag")
    field.fill(words)
    with page.expect_navigation():
        field.press("Enter")
    return page.locator("#sok-treff")


def test_a_reader_finds_how_the_strategy_is_followed_up_from_the_menu(browser_site, page):
    page.goto(browser_site + "/")
    main_menu(page).get_by_role("link", name="Strategien").click()
    page.wait_for_url("**/strategi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Slik følger vi opp strategien")
    expect(main_menu(page).get_by_role("link", name="Strategien")).to_have_attribute(
        "aria-current", "page"
    )
    check_accessibility(page)

    # The strategy itself points to its follow-up too.
    page.goto(browser_site + "/om-lpp/strategi-2025-2035/")
    page.get_by_role("link", name="Slik følger vi opp strategien").click()
    page.wait_for_url("**/strategi/")


def test_search_narrows_with_a_facet_and_says_when_nothing_matches(browser_site, demo, page):
    page.goto(browser_site + "/")
    main_menu(page).get_by_role("link", name="Søk").click()
    page.wait_for_url("**" + demo["search_url"])
    heading = search_for(page, "taushetsplikt")
    expect(heading).to_contain_text("treff på «taushetsplikt»")
    everything = count_in(heading.inner_text())
    kinds = set(page.locator(".search-result__meta .status").all_inner_texts())
    assert "Høringssvar" in kinds and len(kinds) > 1, kinds

    facets = page.get_by_role("navigation", name="Type innhold")
    facet = facets.get_by_role("link", name=re.compile(r"^Høringssvar \(\d+\)"))
    facet_count = count_in(facet.inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"type="))
    # Fewer results, every one a response, and the chosen facet is marked as chosen.
    narrowed = count_in(heading.inner_text())
    assert narrowed == facet_count < everything
    # The search box (a combobox once its suggestions script runs) keeps the query.
    expect(page.get_by_label("Søk i LPPs politikk, høringssvar og forslag")).to_have_value(
        "taushetsplikt"
    )
    results = page.locator(".search-result")
    expect(results).to_have_count(narrowed)
    for index in range(narrowed):
        expect(results.nth(index).locator(".search-result__meta .status")).to_have_text(
            "Høringssvar"
        )
    chosen = facets.locator("a[aria-current=true]")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("Høringssvar")
    expect(page.get_by_role("link", name="Fjern alle filtre")).to_be_visible()
    check_accessibility(page)
    photograph(page, "sok-med-fasett")

    # On a phone the filters come before the results: a link takes you past them.
    skip = page.get_by_role("link", name=f"Gå rett til treffene ({narrowed})")
    expect(skip).to_be_hidden()
    page.set_viewport_size(PHONE)
    skip.click()
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    page.set_viewport_size(DESKTOP)

    # The result opens the response.
    first = results.first.get_by_role("heading", level=3).get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Nothing matches: a Norwegian message and the way on, by theme.
    page.goto(browser_site + demo["search_url"])
    heading = search_for(page, "zqxvkjelgpf")
    expect(heading).to_have_text(re.compile(r"^\s*Ingen treff på «zqxvkjelgpf»\s*$"))
    expect(page.locator(".search-result")).to_have_count(0)
    expect(page.get_by_role("region", name="Se LPPs arbeid etter tema")).to_be_visible()


def download_word(page, link):
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.failure() is None
    data = open(download.path(), "rb").read()
    return download.suggested_filename, data


def word_text(data):
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_a_reader_downloads_published_documents_as_word_but_not_drafts(site_server, demo, page):
    response = demo["response"]
    page.goto(site_server.url + response["url"])
    proposals = page.locator(".proposal-summary a[href^='#forslag-']").all_inner_texts()
    assert proposals
    links = page.get_by_role("list", name=re.compile("^Last ned"))
    filename, data = download_word(page, links.get_by_role("link", name=re.compile("Word-fil")))
    assert filename.endswith(".docx")
    assert data[:2] == b"PK"
    text = word_text(data)
    # The letter as it was sent: to the consultation, with every proposal on the page.
    assert response["subject"] in text
    assert response["authority"] in text
    for proposal in proposals:
        assert proposal in text

    page.goto(site_server.url + demo["edition"]["url"])
    links = page.get_by_role("list", name=re.compile("^Last ned"))
    filename, data = download_word(page, links.get_by_role("link", name=re.compile("Word-fil")))
    assert filename.endswith(".docx")
    assert demo["edition"]["title"] in word_text(data)

    # A draft is neither a page nor a download for the public.
    draft = last_json(site_server.python(DRAFT))
    answer = page.goto(site_server.url + draft["path"])
    assert answer.status == 404
    answer = page.goto(site_server.url + draft["download"])
    assert answer.status == 404
    assert "wordprocessingml" not in answer.headers.get("content-type", "")
