"""Figures the public can trust (issue 13, item 2): a proposal counts as «sendt inn» only
when it was sent — a consultation response with its submission recorded, or a demand
sent to a named authority with a date and evidence. A platform's demands are positions
LPP holds: counted apart («LPP krever»), and only from an adopted edition. Checked on
the demo site, whose 2027–2031 platform is an unadopted draft."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from advocacy.models import Proposal, Theme
from advocacy.outcomes import record_event
from advocacy.outcomes.accountability import theme_section
from base import roles

pytestmark = pytest.mark.django_db


def platform_demands():
    from wagtail.models import Page

    chapters = Page.objects.filter(content_type__model="platformchapterpage").values("pk")
    return Proposal.objects.public().filter(source_page__in=chapters, kind="krav")


def adopt_the_platform():
    from wagtail.models import Page

    edition = Page.objects.get(content_type__model="platformpage").specific
    edition.status = "vedtatt"
    edition.adopted_at = datetime.date(2027, 6, 12)
    edition.adopted_by = "Landsmøtet"
    edition.save_revision().publish()
    return edition


def shown_count(html):
    return int(re.search(r"<p>(\d+) forslag\.", html).group(1))


def test_the_demo_draft_platforms_demands_are_not_counted_as_submitted_anywhere(
    demo_site, client, make_user
):
    demands = platform_demands()
    submitted = Proposal.objects.submitted()
    assert demands.exists(), "demoplattformen skal ha krav"
    assert submitted.exists(), "demoen skal ha innsendte høringssvar med forslag"
    assert not submitted.filter(pk__in=demands.values("pk")).exists()
    assert not Proposal.objects.platform_demands().exists()  # the edition is a draft

    figures = client.get(reverse("advocacy:outcomes"))
    assert figures.context["overall"]["total"] == submitted.count()
    assert 'id="lpp-krever"' not in figures.content.decode()
    listing = client.get(reverse("advocacy:outcome_list"))
    assert shown_count(listing.content.decode()) == submitted.count()
    for demand in demands:
        assert demand.text not in listing.content.decode()

    api = client.get("/api/v2/proposals/?limit=100").json()
    assert {item["id"] for item in api["items"]} == set(submitted.values_list("pk", flat=True))
    assert all(item["submitted"] for item in api["items"])

    for theme in Theme.objects.all():
        section = theme_section(theme, None)
        total = section["summary"]["total"] if section else 0
        assert total == submitted.filter(themes=theme).count(), theme.slug

    client.force_login(make_user(roles.STAFF))
    report = client.get(
        reverse("advocacy_reports:half_year") + "?date_from=2000-01-01&date_to=2100-12-31"
    )
    assert report.context["summary"]["submitted"] == submitted.count()
    assert report.context["summary"]["documents"] == (
        submitted.values("source_page").distinct().count()
    )


def test_an_adopted_platforms_demands_are_counted_apart_as_lpp_krever(demo_site, client):
    before = Proposal.objects.submitted().count()
    adopt_the_platform()
    demands = platform_demands()
    assert set(Proposal.objects.platform_demands()) == set(demands)
    assert Proposal.objects.submitted().count() == before
    figures = client.get(reverse("advocacy:outcomes"))
    assert figures.context["overall"]["total"] == before
    assert figures.context["demands"]["total"] == demands.count()
    assert 'id="lpp-krever"' in figures.content.decode()
    api = client.get("/api/v2/proposals/?limit=100").json()
    flagged = {item["id"]: item["submitted"] for item in api["items"]}
    assert all(flagged[pk] is False for pk in demands.values_list("pk", flat=True))


def test_a_demand_counts_as_submitted_once_sent_to_a_named_authority_with_evidence(demo_site):
    from advocacy.models import Authority

    demand = platform_demands().first()
    sent = {
        "kind": "submitted",
        "date": timezone.localdate(),
        "evidence_kind": "letter",
        "evidence_title": "Brev til Helse- og omsorgsdepartementet",
    }
    record_event(demand, {**sent, "evidence_kind": "", "evidence_title": ""}, publish=True)
    assert not Proposal.objects.submitted().filter(pk=demand.pk).exists()  # no evidence
    record_event(demand, sent, publish=False)
    assert not Proposal.objects.submitted().filter(pk=demand.pk).exists()  # a draft
    record_event(demand, sent, publish=True)
    assert not Proposal.objects.submitted().filter(pk=demand.pk).exists()  # no authority
    Proposal.objects.filter(pk=demand.pk).update(target_authority=Authority.objects.first())
    assert Proposal.objects.submitted().filter(pk=demand.pk).exists()
