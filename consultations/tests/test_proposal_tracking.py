"""The proposal identity / retire / version rules of advocacy.tracking, exercised through
consultation response pages across revisions, as editors produce them."""

import pytest
from wagtail.models import Page

from advocacy.models import Proposal, ProposalVersion
from advocacy.tests.factories import AuthorityFactory, ThemeFactory
from consultations.models import ConsultationResponsePage

from . import factories

pytestmark = pytest.mark.django_db

A, B, C = (
    "aaaaaaaa-0000-0000-0000-000000000001",
    "bbbbbbbb-0000-0000-0000-000000000002",
    ("cccccccc-0000-0000-0000-000000000003"),
)


@pytest.fixture
def index(home_page):
    return factories.ResponseIndexPageFactory(parent=home_page)


def block(block_id, text, **kwargs):
    return factories.proposal_block(text, block_id=block_id, **kwargs)


def publish(page, *blocks):
    page = ConsultationResponsePage.objects.get(pk=page.pk)
    page.body = list(blocks)
    revision = page.save_revision()
    revision.publish()
    return revision


def records(page):
    return {p.block_id: p for p in Proposal.objects.filter(source_page=page)}


@pytest.fixture
def page(index):
    _record, page = factories.published_response(
        index, body=[block(A, "Første forslag"), factories.paragraph("Tekst"), block(B, "Andre")]
    )
    return page


def test_publishing_creates_one_record_per_proposal_in_document_order(page):
    found = records(page)
    assert set(found) == {A, B}
    assert (found[A].position, found[B].position) == (1, 2)
    assert found[A].text == "Første forslag" and found[A].kind == "forslag"
    assert found[A].document_title == page.title
    assert found[A].target_authority.name == "Helse- og omsorgsdepartementet"
    assert found[A].anchor == f"forslag-{A}"
    assert ProposalVersion.objects.filter(proposal=found[A]).count() == 1


def test_a_draft_changes_no_record(page):
    draft = ConsultationResponsePage.objects.get(pk=page.pk)
    draft.body = [block(A, "Endret i utkast")]
    draft.save_revision()
    assert records(page)[A].text == "Første forslag"
    assert records(page)[B].retired_at is None


def test_editing_the_wording_keeps_the_identity_and_the_history(page):
    before = records(page)[A]
    revision = publish(page, block(A, "Første forslag, skjerpet"), block(B, "Andre"))
    after = records(page)[A]
    assert after.pk == before.pk
    assert after.text == "Første forslag, skjerpet"
    versions = list(after.versions.order_by("published_at", "pk"))
    assert [v.text for v in versions] == ["Første forslag", "Første forslag, skjerpet"]
    assert versions[-1].revision_id == revision.pk
    assert after.first_published_at == before.first_published_at


def test_republishing_the_same_wording_adds_no_version(page):
    publish(page, block(A, "Første forslag"), block(B, "Andre"))
    assert ProposalVersion.objects.filter(proposal__source_page=page).count() == 2


def test_a_changed_rationale_is_a_new_version(page):
    publish(page, block(A, "Første forslag", rationale="<p>Ny begrunnelse</p>"), block(B, "Andre"))
    assert records(page)[A].versions.count() == 2


def test_removing_a_proposal_retires_it_and_keeps_everything(page):
    removed = records(page)[B]
    publish(page, block(A, "Første forslag"))
    retired = Proposal.objects.get(pk=removed.pk)
    assert retired.retired_at is not None and retired.is_retired
    assert retired.versions.count() == 1
    assert list(Proposal.objects.public().filter(source_page=page)) == [records(page)[A]]


def test_a_proposal_that_comes_back_is_reinstated_with_its_identity(page):
    original = records(page)[B]
    publish(page, block(A, "Første forslag"))
    publish(page, block(A, "Første forslag"), block(B, "Andre"))
    back = records(page)[B]
    assert back.pk == original.pk and back.retired_at is None
    assert back.versions.count() == 1  # same wording: nothing new to keep


def test_reverting_to_an_old_revision_reinstates_its_proposals(page):
    first_revision = page.get_latest_revision()
    publish(page, block(C, "Helt nytt forslag"))
    assert records(page)[A].is_retired and records(page)[B].is_retired
    first_revision.publish()
    found = records(page)
    assert not found[A].is_retired and not found[B].is_retired
    assert found[C].is_retired


def test_moving_a_proposal_changes_its_position_not_its_identity(page):
    before = records(page)
    publish(page, block(B, "Andre"), block(A, "Første forslag"))
    after = records(page)
    assert after[A].pk == before[A].pk and after[A].position == 2 and after[B].position == 1


def test_duplicated_blocks_keep_the_first_ones_identity(page):
    publish(page, block(A, "Første forslag"), block(A, "Kopi"), block(B, "Andre"))
    assert Proposal.objects.filter(source_page=page, block_id=A).count() == 1
    assert records(page)[A].text == "Første forslag"
    assert records(page)[B].position == 2  # numbered without gaps


def test_an_empty_proposal_is_not_a_record(page):
    publish(page, block(A, "Første forslag"), block(B, "Andre"), block(C, "   "))
    assert C not in records(page)


def test_themes_and_target_authority_follow_the_latest_published_wording(page):
    tvang = ThemeFactory(name="Tvang")
    hdir = AuthorityFactory(name="Helsedirektoratet", kind="direktorat")
    publish(
        page, block(A, "Første forslag", themes=[tvang], target_authority=hdir), block(B, "Andre")
    )
    found = records(page)
    assert list(found[A].themes.all()) == [tvang] and found[A].target_authority == hdir
    publish(page, block(A, "Første forslag"), block(B, "Andre"))
    found = records(page)
    assert list(found[A].themes.all()) == []
    assert found[A].target_authority.name == "Helse- og omsorgsdepartementet"


def test_unpublishing_hides_the_proposals_but_keeps_them(page):
    Page.objects.get(pk=page.pk).specific.unpublish()
    assert Proposal.objects.filter(source_page=page).count() == 2
    assert not Proposal.objects.public().filter(source_page=page).exists()


def test_deleting_the_page_keeps_the_records_and_where_they_came_from(page):
    title = page.title
    ids = set(records(page))
    Page.objects.get(pk=page.pk).delete()
    kept = Proposal.objects.filter(block_id__in=ids)
    assert kept.count() == 2
    assert {p.document_title for p in kept} == {title}
    assert all(p.source_page_id is None for p in kept)
