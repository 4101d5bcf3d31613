"""What the agreement contributes to advocacy: its clauses on a theme's public page (the
``lpp_theme_sections`` hook)."""

from base.visibility import restrict_to_public

from .models import AgreementPage


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
