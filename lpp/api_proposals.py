"""Which proposals the public API shows and how a proposal's status reads, shared by the
proposals endpoint (:mod:`lpp.api`) and the proposals listed on each page
(:mod:`lpp.api_pages`), so both read one rule.
"""

from django.conf import settings
from django.db.models import Prefetch
from rest_framework.fields import Field

from advocacy.models import OutcomeEvent, Proposal, ProposalTheme


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def public_proposals():
    """The submitted proposals and the adopted platform's demands, each saying which it
    is (``is_submitted``): a demand of a draft platform was never sent and is no one's
    outcome yet. Each carries its themes and its published outcome events
    (``public_events``, with only their public fields: OutcomeEvent.objects.public())."""
    return (
        Proposal.objects.followed()
        .with_submitted()
        .select_related("target_authority", "source_page")
        .prefetch_related(
            Prefetch(
                "theme_items",
                queryset=ProposalTheme.objects.select_related("tag").order_by("tag__name"),
            ),
            Prefetch(
                "outcome_events",
                queryset=OutcomeEvent.objects.public().order_by("date", "pk"),
                to_attr="public_events",
            ),
        )
        .order_by("pk")
    )


class StatusField(Field):
    """A proposal's public status: its code, its Norwegian label («Ikke vurdert ennå»
    while it has none) and since when."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, proposal):
        return {
            "code": proposal.outcome_status or None,
            "label": proposal.public_status_label,
            "since": proposal.outcome_date,
        }
