"""Hostile visitor, second pass (issue 12): what the first leak walk and fuzz did not try.

* A live page below an unpublished or expired page: Wagtail's routing passes through the
  hidden parent and would serve the child, with the parent's title in its breadcrumbs and
  its address in the sitemap, search and API. The one rule (base.visibility) hides the
  whole section, on every way out.
* A stored link that is not a web address (``javascript:``), arrived past the forms'
  validation (an import, a watched source): the public pages and the API show no such
  link.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from advocacy.models import OutcomeEvent
from advocacy.tests.factories import OutcomeEventFactory, ProposalFactory
from base.templatetags.lpp_links import http_url
from base.visibility import is_public_page
from home.models import StandardPage

pytestmark = pytest.mark.django_db

MARK = "Qzyseksjon"


def _publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug, intro=f"Ingress {title}")
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def hidden_section(home_page):
    """A section (its title carries MARK) with a live child and grandchild."""
    section = _publish(home_page, f"Seksjon {MARK}", "seksjon")
    child = _publish(section, "Underside", "underside")
    grandchild = _publish(child, "Under undersiden", "under-undersiden")
    return section, child, grandchild


def _ways_out(client, pages):
    paths = ["/sitemap.xml", "/api/v2/pages/?limit=100", "/sok/?q=underside"]
    for page in pages:
        paths += [f"/api/v2/pages/{page.pk}/", f"/api/v2/pages/?child_of={page.pk}"]
    return {path: client.get(path) for path in paths}


@pytest.mark.parametrize("how", ["unpublished", "expired"])
def test_a_live_page_below_a_hidden_section_is_hidden_with_it(client, hidden_section, how):
    section, child, grandchild = hidden_section
    if how == "unpublished":
        section.unpublish()  # the page only: Wagtail leaves the children live
    else:
        Page.objects.filter(pk=section.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    assert Page.objects.get(pk=child.pk).live
    for page in (child, grandchild):
        assert not is_public_page(page)
        assert client.get(page.url).status_code == 404
    for path, response in _ways_out(client, (section, child, grandchild)).items():
        assert response.status_code < 500, path
        text = response.content.decode()
        assert MARK not in text and "/seksjon/" not in text, path


def test_a_live_page_below_a_live_section_is_public_with_its_breadcrumbs(client, hidden_section):
    _section, _child, grandchild = hidden_section
    response = client.get(grandchild.url)
    assert response.status_code == 200
    assert MARK in response.content.decode()  # the section's title in the breadcrumbs
    assert is_public_page(grandchild)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/relativ/sti/",
        "https:",
        "http://[",
    ],
)
def test_a_stored_link_that_is_not_a_web_address_is_not_a_link(url):
    assert http_url(url) == ""


@pytest.mark.parametrize("url", ["https://www.regjeringen.no/", "http://stortinget.no/a?b=c"])
def test_a_web_address_stays_a_link(url):
    assert http_url(url) == url


def test_a_javascript_evidence_link_reaches_no_public_page_and_no_api(client, home_page):
    proposal = ProposalFactory()
    event = OutcomeEventFactory(proposal=proposal, publish=True)
    # Past the form's validation, as an import or a watched source could write it.
    OutcomeEvent.objects.filter(pk=event.pk).update(
        evidence_url="javascript:alert(document.cookie)"
    )
    for path in (
        f"/hva-skjedde/forslag/{proposal.pk}/",
        "/hva-skjedde/forslag/",
        f"/api/v2/proposals/{proposal.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "javascript:" not in response.content.decode(), path
    assert (
        client.get(f"/hva-skjedde/forslag/{proposal.pk}/").content.decode().count("Kilde")
    )  # the event and its source are still shown, as text


def test_an_alias_of_a_password_protected_page_is_not_public(client, home_page):
    source = _publish(home_page, f"Kilde {MARK}", "kilde")
    elsewhere = _publish(home_page, "Et annet sted", "et-annet-sted")
    alias = source.create_alias(parent=elsewhere, update_slug="alias")
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert not is_public_page(alias)
    assert client.get(f"/api/v2/pages/{alias.pk}/").status_code == 404
    listing = client.get("/api/v2/pages/?limit=100").json()["items"]
    assert alias.pk not in {item["id"] for item in listing}
    assert MARK not in client.get("/sitemap.xml").content.decode()
    # The alias itself asks for the source's password, as Wagtail does.
    assert MARK not in client.get(alias.url).content.decode()


@pytest.mark.parametrize("how", ["password", "unpublished", "below a hidden section"])
def test_an_old_address_does_not_redirect_visitors_to_a_hidden_page(
    client, admin_user, hidden_section, how
):
    section, child, _grandchild = hidden_section
    Redirect.objects.create(old_path="/gammel-side", redirect_page=child)
    assert client.get("/gammel-side/").status_code == 301
    if how == "password":
        PageViewRestriction.objects.create(
            page=child, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    elif how == "unpublished":
        child.unpublish()
    else:
        section.unpublish()
    response = client.get("/gammel-side/")
    assert response.status_code == 404
    assert "underside" not in response.get("Location", "") + response.content.decode()
    assert client.get("/gammel-side/?kilde=nyhetsbrev").status_code == 404  # with a query too
    client.force_login(admin_user)
    assert client.get("/gammel-side/").status_code == 301  # staff still follow it
