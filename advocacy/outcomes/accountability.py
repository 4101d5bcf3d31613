"""The public accountability page, «Hva skjedde med forslagene våre?»: how many of LPP's
proposals the authorities adopted, partly adopted, rejected or left unmentioned — by
year, authority and theme — with the list behind every figure and each proposal's
timeline of published events. Every figure is one aggregate query, whatever the number
of proposals and events; nothing unpublished and no staff-only note is ever read."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from ..models import Authority, OutcomeEvent, Proposal, ProposalTheme, Theme
from . import (
    CATEGORIES,
    CATEGORY_STATUSES,
    adoption_rate,
    category_counts,
    outcome_summary,
    summary_text,
)
from .charts import stacked_bars

CHART_CATEGORIES = [(key, label) for key, label, _statuses in CATEGORIES]
NO_AUTHORITY = "ingen"
# Spelled out rather than derived from EVENT_FIELDS: a field added there later stays off
# the public pages until someone decides it belongs here (staff_note never does).
PUBLIC_EVENT_FIELDS = [
    "id",
    "proposal_id",
    "kind",
    "date",
    "evidence_kind",
    "evidence_title",
    "evidence_chapter",
    "evidence_url",
    "evidence_quote",
    "lpp_named",
    "public_note",
]


def public_events():
    """Published, current events, reading only the fields the public may see."""
    return OutcomeEvent.objects.current().published().only(*PUBLIC_EVENT_FIELDS)


def _counts(prefix=""):
    return category_counts(prefix)


def _row(label, figures, query):
    row = dict(figures)
    row["label"] = label
    row["rate"] = adoption_rate(figures["adopted_total"], figures["decided"])
    row["query"] = query
    return row


def figures_by_year(proposals):
    rows = (
        proposals.annotate(year=ExtractYear("submitted_on"))
        .values("year")
        .order_by("-year")
        .annotate(**_counts())
    )
    return [_row(str(r["year"]), r, {"ar": r["year"]}) for r in rows if r["year"]]


def figures_by_authority(proposals):
    rows = (
        proposals.values("target_authority_id", "target_authority__name")
        .order_by("target_authority__name")
        .annotate(**_counts())
    )
    result = [
        _row(
            r["target_authority__name"] or "Ikke angitt",
            r,
            {"myndighet": r["target_authority_id"] or NO_AUTHORITY},
        )
        for r in rows
    ]
    return sorted(result, key=lambda row: (-row["total"], row["label"]))


def figures_by_theme(proposals):
    rows = (
        ProposalTheme.objects.filter(content_object__in=proposals.values("pk"))
        .values("tag__name", "tag__slug")
        .order_by("tag__name")
        .annotate(**_counts("content_object__"))
    )
    result = [_row(r["tag__name"], r, {"tema": r["tag__slug"]}) for r in rows]
    return sorted(result, key=lambda row: (-row["total"], row["label"]))


def figures_by_document(proposals, request=None):
    """One row per document (consultation response, platform chapter) with its roll-up,
    e.g. «3 av 7 forslag helt eller delvis tatt til følge». Two queries."""
    from wagtail.models import Page

    rows = list(
        proposals.values("source_page_id", "document_title")
        .annotate(**_counts(), latest=Max("submitted_on"))
        .order_by("-latest", "document_title")
    )
    pages = Page.objects.in_bulk([row["source_page_id"] for row in rows])
    result = []
    for r in rows:
        row = _row(r["document_title"], r, {"dokument": r["source_page_id"]})
        page = pages.get(r["source_page_id"])
        row["url"] = page.get_url(request) if page else ""
        row["summary"] = summary_text(r["adopted_total"], r["total"])
        result.append(row)
    return result


def overall_figures(proposals):
    figures = proposals.aggregate(**_counts())
    return _row("Alle forslag", figures, {})


def _with_links(rows):
    base = reverse("advocacy:outcome_list")
    for row in rows:
        row["links"] = {
            key: f"{base}?{urlencode({**row['query'], 'utfall': key})}"
            for key, _label in CHART_CATEGORIES
        }
        row["link"] = f"{base}?{urlencode(row['query'])}" if row["query"] else base
    return rows


def accountability(request):
    proposals = Proposal.objects.public()
    overall = _with_links([overall_figures(proposals)])[0]
    sections = []
    for key, title, heading, rows in (
        ("ar", "Etter år", "År", figures_by_year(proposals)),
        ("myndighet", "Etter myndighet", "Myndighet", figures_by_authority(proposals)),
        ("tema", "Etter tema", "Tema", figures_by_theme(proposals)),
    ):
        rows = _with_links(rows)
        sections.append(
            {
                "id": f"etter-{key}",
                "title": title,
                "heading": heading,
                "caption": f"LPPs forslag {title.lower()}, fordelt på utfall",
                "rows": rows,
                "chart": stacked_bars(rows, CHART_CATEGORIES, f"figur-{key}"),
            }
        )
    documents = _with_links(figures_by_document(proposals, request))
    overall_chart = stacked_bars(
        [{**overall, "label": "Alle forslag"}], CHART_CATEGORIES, "figur-alle"
    )
    return render(
        request,
        "advocacy/outcomes/accountability.html",
        {
            "overall": overall,
            "overall_chart": overall_chart,
            "sections": sections,
            "documents": documents,
            "categories": CHART_CATEGORIES,
        },
    )


class OutcomeListFilter(forms.Form):
    utfall = forms.ChoiceField(
        label="Utfall",
        required=False,
        choices=[("", "Alle utfall"), *CHART_CATEGORIES],
        error_messages={"invalid_choice": "Ukjent utfall: «%(value)s». Viser alle utfall."},
    )
    ar = forms.IntegerField(
        label="År",
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Året må være et tall, for eksempel 2025. Viser alle år.",
            "min_value": "Ukjent år. Viser alle år.",
            "max_value": "Ukjent år. Viser alle år.",
        },
    )
    myndighet = forms.CharField(label="Myndighet", required=False, max_length=20)
    dokument = forms.IntegerField(
        label="Dokument",
        required=False,
        min_value=1,
        error_messages={
            "invalid": "Ukjent dokument. Viser alle dokumenter.",
            "min_value": "Ukjent dokument. Viser alle dokumenter.",
        },
    )
    tema = forms.SlugField(
        label="Tema",
        required=False,
        error_messages={"invalid": "Ukjent tema. Viser alle temaer."},
    )

    def clean_myndighet(self):
        value = self.cleaned_data["myndighet"].strip()
        if value and value != NO_AUTHORITY and not value.isdigit():
            raise forms.ValidationError("Ukjent myndighet. Viser alle myndigheter.")
        return value


def outcome_list(request):
    """The proposals behind a figure, with each one's latest public evidence."""
    form = OutcomeListFilter(request.GET)
    form.is_valid()
    chosen = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    proposals = Proposal.objects.public()
    description = []
    if "utfall" in chosen:
        proposals = proposals.filter(outcome_status__in=CATEGORY_STATUSES[chosen["utfall"]])
        description.append(dict(CHART_CATEGORIES)[chosen["utfall"]].lower())
    if "ar" in chosen:
        proposals = proposals.filter(submitted_on__year=chosen["ar"])
        description.append(f"sendt inn i {chosen['ar']}")
    if "myndighet" in chosen:
        if chosen["myndighet"] == NO_AUTHORITY:
            proposals = proposals.filter(target_authority__isnull=True)
            description.append("uten angitt myndighet")
        else:
            authority = Authority.objects.filter(pk=int(chosen["myndighet"])).first()
            proposals = proposals.filter(target_authority_id=int(chosen["myndighet"]))
            description.append(f"rettet mot {authority.name if authority else 'ukjent myndighet'}")
    if "tema" in chosen:
        theme = Theme.objects.filter(slug=chosen["tema"]).first()
        proposals = proposals.filter(themes__slug=chosen["tema"])
        description.append(f"om {theme.name if theme else 'ukjent tema'}")
    if "dokument" in chosen:
        proposals = proposals.filter(source_page_id=chosen["dokument"])
        title = proposals.values_list("document_title", flat=True).first()
        description.append(f"i «{title}»" if title else "i et ukjent dokument")
    proposals = (
        proposals.select_related("source_page", "target_authority")
        .prefetch_related(
            Prefetch(
                "outcome_events",
                queryset=public_events().order_by("-date", "-recorded_at", "-pk"),
                to_attr="public_events",
            )
        )
        .order_by("-submitted_on", "document_title", "position")
    )
    page = Paginator(proposals, 50).get_page(request.GET.get("side"))
    query = {k: v for k, v in request.GET.items() if k != "side"}
    return render(
        request,
        "advocacy/outcomes/outcome_list.html",
        {
            "page_obj": page,
            "proposals": page.object_list,
            "form": form,
            "description": ", ".join(description),
            "page_query": urlencode(query),
        },
    )


def proposal_outcome(request, pk):
    """One proposal's public timeline."""
    proposal = get_object_or_404(
        Proposal.objects.public().select_related("source_page", "target_authority"), pk=pk
    )
    events = public_events().filter(proposal=proposal).order_by("date", "recorded_at", "pk")
    return render(
        request,
        "advocacy/outcomes/proposal_outcome.html",
        {
            "proposal": proposal,
            "events": events,
            "document_url": proposal.source_page.get_url(request) if proposal.source_page else "",
        },
    )


def theme_section(theme, request):
    """The ``lpp_theme_sections`` hook: the outcomes of LPP's proposals on a theme."""
    proposals = Proposal.objects.public().filter(themes=theme)
    summary = outcome_summary(proposals)
    if not summary["total"]:
        return None
    items = list(
        proposals.select_related("source_page", "target_authority").order_by(
            "-submitted_on", "position"
        )[:20]
    )
    return {
        "title": "Hva skjedde med forslagene?",
        "items": items,
        "summary": summary,
        "more_url": f"{reverse('advocacy:outcome_list')}?{urlencode({'tema': theme.slug})}",
        "template": "advocacy/outcomes/theme_section.html",
    }
