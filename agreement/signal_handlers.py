from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from .models import AgreementPage, AgreementVersion


@receiver(page_published)
def record_agreement_version(sender, instance, revision=None, **kwargs):
    """The last published revision of each version number is that version's text."""
    if isinstance(instance, AgreementPage):
        AgreementVersion.objects.update_or_create(
            page=instance,
            number=instance.version,
            defaults={
                "status": instance.status,
                "adopted_at": instance.adopted_at,
                "revision": revision or instance.live_revision,
                "published_at": timezone.now(),
            },
        )
