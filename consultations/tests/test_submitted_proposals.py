"""A response's proposals count as «sendt inn» in the public figures once its submission
is recorded — publishing the page is not sending it (issue 13, item 2)."""

import pytest
from wagtail.models import Page

from advocacy.models import Proposal
from consultations.models import Submission

from .factories import ResponseIndexPageFactory, proposal_block, published_response

pytestmark = pytest.mark.django_db


def test_a_responses_proposals_count_from_its_submission_not_its_publication(home_page):
    _record, page = published_response(
        ResponseIndexPageFactory(parent=home_page),
        body=[proposal_block("Pårørende skal få en kontaktperson.")],
    )
    proposal = Proposal.objects.get(source_page=page)
    assert Proposal.objects.submitted().filter(pk=proposal.pk).exists()
    # The same live page without a recorded submission (e.g. published by hand) is not
    # something LPP sent.
    Submission.objects.filter(consultation__response=page).delete()
    assert Page.objects.get(pk=page.pk).live
    assert Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert not Proposal.objects.submitted().filter(pk=proposal.pk).exists()
