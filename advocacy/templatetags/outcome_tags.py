from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``row|get_item:key``: a dict lookup with a variable key."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def outcome_summary_for(page, pairs=None):
    """``{% outcome_summary_for page as summary %}`` → {"text": "3 av 7 forslag helt eller
    delvis tatt til følge", "adopted", "decided", "total"} for the page's public proposals
    (one query). With ``pairs`` — the (block, record) pairs the page's context already
    loaded (its active proposals) — counted from those, without a query."""
    from advocacy.models import Proposal
    from advocacy.outcomes import ADOPTED, DECISIVE, outcome_summary, summary_text

    if pairs is None:
        return outcome_summary(Proposal.objects.public().filter(source_page_id=page.pk))
    statuses = [record.outcome_status for _block, record in pairs if record is not None]
    adopted = sum(status in ADOPTED for status in statuses)
    return {
        "total": len(statuses),
        "adopted": adopted,
        "decided": sum(status in DECISIVE for status in statuses),
        "text": summary_text(adopted, len(statuses)),
    }


@register.inclusion_tag("advocacy/outcomes/chart_patterns.html")
def outcome_chart_patterns():
    """The charts' fill patterns, defined once per page (advocacy.outcomes.charts)."""
    from advocacy.outcomes.charts import patterns

    return {"patterns": patterns()}
