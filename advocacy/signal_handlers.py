from django.dispatch import receiver
from wagtail.signals import page_published

from .tracking import ProposalSource, sync_proposals


@receiver(page_published)
def track_proposals_on_publish(sender, instance, revision=None, **kwargs):
    if isinstance(instance, ProposalSource):
        sync_proposals(instance, revision=revision)
