from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``row|get_item:key``: a dict lookup with a variable key."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def outcome_summary_for(page):
    """``{% outcome_summary_for page as summary %}`` → {"text": "3 av 7 forslag helt eller
    delvis tatt til følge", "adopted", "decided", "total"} for the page's public proposals
    (one query)."""
    from advocacy.models import Proposal
    from advocacy.outcomes import outcome_summary

    return outcome_summary(Proposal.objects.public().filter(source_page_id=page.pk))
