"""Panels on the admin home page: what is due."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from base.admin_urls import snippet_viewset

from .models import Consultation
from .status import DRAFT_STATUSES, OPEN_STATUSES, UNDECIDED_STATUSES

UPCOMING_DAYS = 30
PANEL_LIMIT = 10


class ConsultationDashboardPanel(Component):
    name = "consultation_deadlines"
    order = 50
    template_name = "consultations/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        base = Consultation.objects.select_related("authority", "responsible")
        upcoming = list(
            base.filter(
                status__in=OPEN_STATUSES,
                deadline__gte=today,
                deadline__lte=today + datetime.timedelta(days=UPCOMING_DAYS),
            ).order_by("deadline", "pk")[:PANEL_LIMIT]
        )
        overdue_drafts = list(
            base.filter(status__in=DRAFT_STATUSES, draft_deadline__lt=today).order_by(
                "draft_deadline", "pk"
            )[:PANEL_LIMIT]
        )
        undecided = list(
            base.filter(status__in=UNDECIDED_STATUSES).order_by("deadline", "pk")[:PANEL_LIMIT]
        )
        return {
            "sections": [
                (
                    "frister",
                    f"Høringsfrister de neste {UPCOMING_DAYS} dagene",
                    upcoming,
                    "Ingen høringsfrister de neste 30 dagene.",
                ),
                (
                    "forsinket",
                    "Utkast som har passert den interne fristen",
                    overdue_drafts,
                    "Ingen utkast er forsinket.",
                ),
                (
                    "beslutning",
                    "Venter på beslutning: skal LPP svare?",
                    undecided,
                    "Ingen høringer venter på beslutning.",
                ),
            ],
            "today": today,
            "list_url_name": snippet_viewset(Consultation).get_url_name("list"),
            "edit_url_name": snippet_viewset(Consultation).get_url_name("edit"),
        }
