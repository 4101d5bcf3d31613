"""The one rule for what the public may see (base.visibility), and that the records
which belong to a page follow it."""

import datetime

import factory
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from advocacy.models import OutcomeEvent, Proposal
from advocacy.outcomes import record_event
from base.visibility import is_public_page, public_pages, restrict_to_public
from home.models import StandardPage

from .factories import DocumentFactory, ProposalFactory, event_data

pytestmark = pytest.mark.django_db


def restrict(page, kind=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def standard_page(**fields):
    # A page of a specific type, so a specific queryset can be narrowed too.
    return factory.create(StandardPage, FACTORY_CLASS=DocumentFactory, **fields)


@pytest.fixture
def tree(home_page):
    section = standard_page(parent=home_page, title="Seksjon", slug="seksjon")
    child = standard_page(parent=section, title="Underside", slug="underside")
    other = standard_page(parent=home_page, title="Annen side", slug="annen")
    return {"home": home_page, "section": section, "child": child, "other": other}


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]
)
def test_a_restriction_hides_the_page_and_every_page_below_it(tree, kind):
    restriction = restrict(tree["section"], kind, password="hemmelig")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Noen")])
    ids = set(public_pages().values_list("pk", flat=True))
    assert tree["section"].pk not in ids and tree["child"].pk not in ids
    assert {tree["home"].pk, tree["other"].pk} <= ids


def test_the_rule_agrees_with_wagtails_live_and_public(tree):
    restrict(tree["section"])
    tree["other"].unpublish()
    assert set(public_pages().values_list("pk", flat=True)) == set(
        Page.objects.live().public().values_list("pk", flat=True)
    )


def test_a_page_past_its_expiry_is_not_public_before_wagtail_unpublishes_it(tree):
    Page.objects.filter(pk=tree["other"].pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert Page.objects.get(pk=tree["other"].pk).live
    assert not is_public_page(tree["other"])
    assert is_public_page(tree["child"].pk)


def test_the_rule_narrows_a_specific_page_queryset_without_a_query_of_its_own(
    tree, django_assert_num_queries
):
    restrict(tree["section"])
    with django_assert_num_queries(1):
        titles = set(restrict_to_public(StandardPage.objects.all()).values_list("title", flat=True))
    assert titles == {"Annen side"}


def test_proposals_and_events_of_a_page_under_a_restricted_section_are_not_public(tree):
    proposal = ProposalFactory(source_page=tree["child"], text="Forslag på en underside")
    record_event(proposal, event_data("adopted"), publish=True)
    assert Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert OutcomeEvent.objects.public().filter(proposal=proposal).exists()
    restrict(tree["section"])
    assert not Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert not OutcomeEvent.objects.public().filter(proposal=proposal).exists()


def test_public_events_never_load_the_staff_note(tree):
    proposal = ProposalFactory(source_page=tree["other"])
    record_event(proposal, event_data("adopted", staff_note="Intern: ring"), publish=True)
    event = OutcomeEvent.objects.public().get(proposal=proposal)
    assert "staff_note" in event.get_deferred_fields()
