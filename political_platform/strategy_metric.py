"""The platform edition's state, for the strategy measure «Utarbeide politisk plattform»
(registered in political_platform/wagtail_hooks.py under ``register_strategy_metric``;
plain data, so the platform never imports strategy)."""

from django.db.models import F
from django.utils.formats import date_format

from .models import PlatformPage


def edition_figures(start, end):
    edition = (
        PlatformPage.objects.only("edition", "status", "adopted_at", "live")
        .order_by(F("adopted_at").desc(nulls_last=True), "-pk")
        .first()
    )
    if edition is None:
        return [("Plattform", "Ingen utgave påbegynt")]
    figures = [
        ("Utgave", edition.edition),
        ("Status", edition.get_status_display()),
        ("Publisert", "Ja" if edition.live else "Nei"),
    ]
    if edition.adopted_at:
        figures.append(("Vedtatt", date_format(edition.adopted_at, "j. F Y")))
    return figures


def register():
    return {
        "key": "political_platform.edition",
        "label": "Den politiske plattformen: utgave og status",
        "compute": edition_figures,
    }
