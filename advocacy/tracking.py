"""Proposal tracking: the rules that turn proposal blocks in published documents into
records with a stable identity.

* A proposal's identity is its block: (page, block id). Wagtail keeps a block's id
  across revisions, so editing the wording updates the same record.
* Each new published wording is kept as a :class:`ProposalVersion`.
* A block that disappears from a later published version retires its record
  (``retired_at``); nothing attached to it is deleted. A block that comes back is
  reinstated.
* A proposal was submitted when its document was first published, unless the document
  says it was sent on another day (:meth:`ProposalSource.proposals_sent_on`, e.g. a
  consultation response: the day its submission was recorded) or staff record a «Sendt
  inn» event of its own. :func:`apply_submission_dates` is the one path of that date.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.blocks import ListBlock, StreamBlock, StructBlock

from .blocks import ProposalBlock
from .models import OutcomeEvent, OutcomeKind, Proposal, ProposalVersion


@dataclass
class FoundProposal:
    block_id: str
    kind: str
    text: str
    rationale: str
    themes: list = field(default_factory=list)
    target_authority: object = None


class ProposalSource:
    """Mixin for page types whose StreamFields hold proposal blocks.

    ``proposal_stream_fields`` names the StreamFields to walk, in document order.
    ``default_target_authority()`` supplies the authority for blocks that leave it empty.
    ``proposals_sent_on()`` answers when the proposals were sent, for documents that are
    sent apart from being published.
    """

    proposal_stream_fields = ("body",)

    def default_target_authority(self):
        return None

    def proposals_sent_on(self):
        """The day this document's proposals were sent to the authority, or None while
        that is not known apart from its publication (its proposals then count as sent
        when it was first published)."""
        return None

    def find_proposals(self):
        found = []
        for name in self.proposal_stream_fields:
            found.extend(_walk(getattr(self, name)))
        return found


def _walk(stream_value):
    for bound in stream_value:
        yield from _walk_block(bound.block, bound.value, getattr(bound, "id", None))


def _walk_block(block, value, block_id):
    if isinstance(block, ProposalBlock):
        yield FoundProposal(
            block_id=str(block_id),
            kind=block.meta.proposal_kind,
            text=(value.get("text") or "").strip(),
            rationale=str(value.get("rationale") or ""),
            themes=list(value.get("themes") or []),
            target_authority=value.get("target_authority"),
        )
    elif isinstance(block, StreamBlock):
        yield from _walk(value)
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            yield from _walk_block(child, value.get(name), None)
    elif isinstance(block, ListBlock):
        for item in value.bound_blocks if hasattr(value, "bound_blocks") else []:
            yield from _walk_block(block.child_block, item.value, item.id)


@transaction.atomic
def sync_proposals(page, revision=None):
    """Bring the page's proposal records in line with its published content.

    Returns the page's active proposals in document order."""
    now = timezone.now()
    specific = page.specific
    found = [p for p in specific.find_proposals() if p.text]
    default_authority = specific.default_target_authority()
    existing = {p.block_id: p for p in Proposal.objects.filter(source_page=page)}
    seen = set()
    result = []
    position = 0
    for item in found:
        if item.block_id in seen:  # a duplicated block keeps the first one's identity
            continue
        seen.add(item.block_id)
        position += 1  # numbered 1, 2, 3 … among the recorded proposals, without gaps
        proposal = existing.get(item.block_id)
        wording_changed = proposal is None or (
            proposal.text != item.text or proposal.rationale != item.rationale
        )
        if proposal is None:
            proposal = Proposal(source_page=page, block_id=item.block_id, first_published_at=now)
        proposal.document_title = page.title
        proposal.kind = item.kind
        proposal.position = position
        proposal.text = item.text
        proposal.rationale = item.rationale
        proposal.target_authority = item.target_authority or default_authority
        proposal.last_published_at = now
        proposal.retired_at = None
        proposal.save()
        proposal.themes.set(item.themes)
        if wording_changed:
            ProposalVersion.objects.create(
                proposal=proposal,
                text=item.text,
                rationale=item.rationale,
                revision=revision,
                published_at=now,
            )
        result.append(proposal)
    for block_id, proposal in existing.items():
        if block_id not in seen and proposal.retired_at is None:
            proposal.retired_at = now
            proposal.save(update_fields=["retired_at"])
    if apply_submission_dates(specific) and result:
        # The returned records as the UPDATE left them.
        dates = dict(
            Proposal.objects.filter(pk__in=[p.pk for p in result]).values_list("pk", "submitted_on")
        )
        for proposal in result:
            proposal.submitted_on = dates[proposal.pk]
    return result


def apply_submission_dates(page):
    """Give the proposals of ``page`` the day their document says it was sent
    (:meth:`ProposalSource.proposals_sent_on`), except those with a current «Sendt inn»
    event of their own; returns that day, or None when the document does not say.

    The one path of a document's sending date, run each time the document is published
    (:func:`sync_proposals`). Recording a sending publishes the document (a consultation's
    submission publishes its response), and the date is read from the document then, so
    proposals recorded by an earlier publication get it too, whatever the order of the
    ``page_published`` receivers."""
    specific = getattr(page, "specific", page)
    if not isinstance(specific, ProposalSource):
        return None
    sent_on = specific.proposals_sent_on()
    if sent_on is None:
        return None
    own_event = OutcomeEvent.objects.filter(
        proposal=OuterRef("pk"), kind=OutcomeKind.SUBMITTED, superseded_at__isnull=True
    )
    Proposal.objects.filter(source_page_id=specific.pk).filter(~Exists(own_event)).exclude(
        submitted_on=sent_on
    ).update(submitted_on=sent_on)
    return sent_on
