"""The outcome figures the strategy follow-up shows beside «følge opp … hva som blir gjort
med våre forslag» (registered in advocacy/wagtail_hooks.py under
``register_strategy_metric``; plain data, so advocacy never imports strategy)."""

from django.db.models import Count, Q

from ..models import Proposal
from . import ADOPTED, DECISIVE


def outcome_figures(start, end):
    """Public proposals submitted in the period, and all public proposals decided and
    adopted so far: one query."""
    figures = Proposal.objects.public().aggregate(
        submitted=Count("pk", filter=Q(submitted_on__gte=start, submitted_on__lte=end)),
        total=Count("pk"),
        decided=Count("pk", filter=Q(outcome_status__in=DECISIVE)),
        adopted=Count("pk", filter=Q(outcome_status__in=ADOPTED)),
    )
    return [
        ("Forslag sendt inn i perioden", figures["submitted"]),
        ("Forslag i alt", figures["total"]),
        ("Avgjort av myndighetene", figures["decided"]),
        ("Helt eller delvis tatt til følge", figures["adopted"]),
    ]


def register():
    return {
        "key": "advocacy.outcomes",
        "label": "Forslagene våre og hva som ble gjort med dem",
        "compute": outcome_figures,
    }
