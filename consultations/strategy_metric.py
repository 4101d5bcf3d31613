"""Consultations answered, declined and missed in a period, for the strategy measure
«Skrive og levere høringssvar» (registered in consultations/wagtail_hooks.py under
``register_strategy_metric``; plain data, so consultations never imports strategy)."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import Consultation
from .status import OPEN_STATUSES, SENT_STATUSES, Status


def consultation_figures(start, end):
    """By deadline in the period: answered (sent), declined with a reason, and missed
    (deadline passed while still open). One query."""
    today = timezone.localdate()
    figures = Consultation.objects.filter(deadline__gte=start, deadline__lte=end).aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(status__in=SENT_STATUSES)),
        declined=Count("pk", filter=Q(status=Status.DECLINED)),
        missed=Count("pk", filter=Q(status__in=OPEN_STATUSES, deadline__lt=today)),
    )
    return [
        ("Høringer med frist i perioden", figures["total"]),
        ("Besvart", figures["answered"]),
        ("Avstått med begrunnelse", figures["declined"]),
        ("Fristen gikk ut uten svar", figures["missed"]),
    ]


def register():
    return {
        "key": "consultations.answered",
        "label": "Høringer besvart, avstått og ikke besvart",
        "compute": consultation_figures,
    }
