from wagtail import hooks

from advocacy.visibility import restrict_to_public

from .models import AgreementPage


@hooks.register("lpp_theme_sections")
def agreement_clauses_section(theme, request):
    """The published agreement's clauses on the theme. Reads the clauses' stored theme
    ids, so the section costs one query whatever the number of clauses."""
    agreement = restrict_to_public(AgreementPage.objects.all()).first()
    if agreement is None:
        return None
    items = []
    for number, item in enumerate(agreement.clauses.raw_data, start=1):
        value = item.get("value") or {}
        if theme.pk in [int(pk) for pk in value.get("themes") or []]:
            items.append(
                {
                    "number": number,
                    "title": value.get("title") or "",
                    "anchor": f"paragraf-{number}",
                }
            )
    return {
        "title": f"{agreement.title} (versjon {agreement.version})",
        "items": items,
        "agreement": agreement,
        "template": "agreement/includes/theme_clauses.html",
    }


# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
from . import strategy_metric  # noqa: E402

hooks.register("register_strategy_metric", strategy_metric.register)
