from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PlatformChapterPage
from .tracking import sync_positions


@receiver(page_published)
def track_positions_on_publish(sender, instance, **kwargs):
    if isinstance(instance, PlatformChapterPage):
        sync_positions(instance)
