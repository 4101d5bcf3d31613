import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from advocacy.models import Authority, Theme
from home.models import HomePage, OrganisationSettings, StandardPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        "authorities": Authority.objects.count(),
    }


def test_demo_loader_is_idempotent(demo_site):
    before = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert counts() == before
    assert before["themes"] >= 10 and before["authorities"] >= 8


def test_demo_loader_keeps_editors_changes(demo_site):
    about = StandardPage.objects.get(slug="om-lpp")
    about.title = "Om oss"
    about.save_revision().publish()
    theme = Theme.objects.get(slug="tvang")
    theme.description = "Redigert av sekretariatet"
    theme.save()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert StandardPage.objects.get(slug="om-lpp").title == "Om oss"
    assert Theme.objects.get(slug="tvang").description == "Redigert av sekretariatet"


def test_demo_site_is_served_from_lpps_own_texts(client, demo_site):
    assert demo_site.root_page.specific_class is HomePage
    home = client.get("/")
    assert "Pårørende skal bli spurt og oppleve å bli hørt" in home.content.decode()
    about = client.get("/om-lpp/").content.decode()
    for text in ["Formål", "Visjon", "Misjon", "Verdighet", "Pårørende skal leve gode liv"]:
        assert text in about
    strategy = client.get("/om-lpp/strategi-2025-2035/").content.decode()
    assert "Innsatsområde 2: Politikk og påvirkning" in strategy
    assert "Pårørende MØTEPLASS er gratis" in client.get("/parorende-moteplass/").content.decode()


def test_demo_content_never_presents_mental_helse_as_lpp(client, demo_site):
    for page in Page.objects.live().specific():
        if page.url:
            assert "Mental Helse mener" not in client.get(page.url).content.decode()


def test_every_public_url_of_the_demo_site_answers(client, demo_site):
    urls = [page.url for page in Page.objects.live().public().specific() if page.url]
    urls += ["/tema/"] + [theme.get_absolute_url() for theme in Theme.objects.all()]
    assert len(urls) > 15
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="nb">' in html
        assert 'href="#innhold"' in html and 'id="innhold"' in html
        assert html.count("<h1") == 1, url


@pytest.mark.parametrize("url", ["/tema/finnes-ikke/", "/finnes-ikke/", "/om-lpp/nei/"])
def test_wrong_urls_get_a_norwegian_not_found_page(client, demo_site, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_draft_pages_are_not_public(client, demo_site):
    home = HomePage.objects.get()
    draft = StandardPage(title="Hemmelig utkast", slug="utkast")
    home.add_child(instance=draft)
    draft.save_revision()
    draft.unpublish()
    assert client.get("/utkast/").status_code == 404
    assert "Hemmelig utkast" not in client.get("/").content.decode()


def test_menu_marks_the_current_section(client, demo_site):
    html = client.get("/om-lpp/strategi-2025-2035/").content.decode()
    assert '<a href="/om-lpp/" aria-current="page">Om LPP</a>' in html


def test_menu_links_to_the_strategy_follow_up_on_every_page(client, demo_site):
    for path in ("/", "/om-lpp/", "/tema/"):
        html = client.get(path).content.decode()
        assert '<li><a href="/strategi/">Strategien</a></li>' in html


def test_menu_marks_the_strategy_follow_up_as_current_there(client, demo_site):
    html = client.get("/strategi/").content.decode()
    assert '<a href="/strategi/" aria-current="page">Strategien</a>' in html


def test_the_demo_strategy_page_links_to_its_follow_up(client, demo_site):
    html = client.get("/om-lpp/strategi-2025-2035/").content.decode()
    assert '<a href="/strategi/">Slik følger vi opp strategien</a>' in html


def test_footer_shows_the_organisation_settings(client, demo_site):
    org = OrganisationSettings.for_site(demo_site)
    org.phone = "22 00 00 00"
    org.save()
    assert "Telefon 22 00 00 00" in client.get("/").content.decode()


@pytest.mark.parametrize(
    "value, valid",
    [("983 544 622", True), ("983544622", True), ("983544623", False), ("12345", False)],
)
def test_organisation_number_is_checked(value, valid):
    from django.core.exceptions import ValidationError

    from home.models.settings import validate_org_number

    if valid:
        validate_org_number(value)
    else:
        with pytest.raises(ValidationError):
            validate_org_number(value)
