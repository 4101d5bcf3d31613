"""The agreement's version and state, for the strategy measure «Pårørendeavtale»
(registered in agreement/wagtail_hooks.py under ``register_strategy_metric``; plain data,
so the agreement never imports strategy)."""

from django.utils.formats import date_format

from .models import AgreementPage


def agreement_figures(start, end):
    agreement = (
        AgreementPage.objects.only("version", "status", "adopted_at", "live").order_by("pk").first()
    )
    if agreement is None:
        return [("Pårørendeavtalen", "Ikke påbegynt")]
    figures = [
        ("Versjon", agreement.version),
        ("Status", agreement.get_status_display()),
        ("Publisert", "Ja" if agreement.live else "Nei"),
    ]
    if agreement.adopted_at:
        figures.append(("Vedtatt", date_format(agreement.adopted_at, "j. F Y")))
    return figures


def register():
    return {
        "key": "agreement.version",
        "label": "Pårørendeavtalen: versjon og status",
        "compute": agreement_figures,
    }
