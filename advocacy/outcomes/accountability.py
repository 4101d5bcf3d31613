"""The public accountability page, «Hva skjedde med forslagene våre?»: how many of LPP's
proposals the authorities adopted, partly adopted, rejected or left unmentioned — by
year, authority and theme — with the list behind every figure and each proposal's
timeline of published events. Every figure is one aggregate query, whatever the number
of proposals and events; nothing unpublished and no staff-only note is ever read."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from wagtail.models import Page

from base import cache as page_cache
from base.params import IdField, RangeIntegerField, parse_id

from ..models import Authority, OutcomeEvent, Proposal, ProposalTheme, Theme
from . import (
    CATEGORIES,
    CATEGORY_STATUSES,
    adoption_rate,
    category_counts,
    outcome_summary,
    status_event,
    summary_text,
)
from .charts import stacked_bars

CHART_CATEGORIES = [(key, label) for key, label, _statuses in CATEGORIES]
CATEGORY_KEYS = [key for key, _label in CHART_CATEGORIES]
NO_AUTHORITY = "ingen"


def public_events():
    """Published, current events of public proposals, reading only the fields the
    public may see (OutcomeEvent.objects.public())."""
    return OutcomeEvent.objects.public()


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
    """The list behind each figure: one encoded query per row, the outcome appended to
    it per cell (category keys are plain slugs), not one urlencode per cell."""
    base = reverse("advocacy:outcome_list")
    for row in rows:
        row["link"] = f"{base}?{urlencode(row['query'])}" if row["query"] else base
        joiner = "&" if row["query"] else "?"
        row["links"] = {key: f"{row['link']}{joiner}utfall={key}" for key in CATEGORY_KEYS}
    return rows


# The overview shows the top of each breakdown; the full lists are a page each.
TOP_ROWS = 10
FULL_LIST_PAGE_SIZE = 50
BREAKDOWNS = {
    # slug: (title, first column heading, rows)
    "ar": ("Etter år", "År", figures_by_year),
    "myndighet": ("Etter myndighet", "Myndighet", figures_by_authority),
    "tema": ("Etter tema", "Tema", figures_by_theme),
}
DOCUMENTS_TITLE = "Etter høringssvar og dokument"


def _section(key, rows, total_rows):
    title, heading, _figures = BREAKDOWNS[key]
    caption = f"LPPs forslag {title.lower()}, fordelt på utfall"
    return {
        "id": f"etter-{key}",
        "key": key,
        "title": title,
        "heading": heading,
        "caption": caption if total_rows <= len(rows) else f"{caption} (de {len(rows)} største)",
        "rows": rows,
        "total_rows": total_rows,
        "more_url": reverse("advocacy:outcome_breakdown", args=[key])
        if total_rows > len(rows)
        else "",
        "chart": stacked_bars(rows, CHART_CATEGORIES, f"figur-{key}"),
    }


def overview_figures(request):
    """Everything «Hva skjedde» shows, computed once per change of public content: the
    result is kept under the page cache's version (base.cache), which every publish,
    unpublish and saved outcome event bumps, so it is never older than the last change —
    and an uncached view (a logged-in visitor, a query string) does not recount."""
    return page_cache.remember(
        f"outcomes:overview:{request.get_host()}", lambda: _overview_figures(request)
    )


def _overview_figures(request):
    proposals = Proposal.objects.submitted()
    overall = _with_links([overall_figures(proposals)])[0]
    sections = []
    for key, (_title, _heading, figures) in BREAKDOWNS.items():
        rows = figures(proposals)
        sections.append(_section(key, _with_links(rows[:TOP_ROWS]), len(rows)))
    documents = figures_by_document(proposals, request)
    return {
        "overall": overall,
        "overall_chart": stacked_bars(
            [{**overall, "label": "Alle forslag"}], CHART_CATEGORIES, "figur-alle"
        ),
        "sections": sections,
        "documents": _with_links(documents[:TOP_ROWS]),
        "documents_total": len(documents),
        # Counted apart: what LPP holds in an adopted platform, not what it has sent.
        "demands": overall_figures(Proposal.objects.platform_demands()),
    }


@require_safe
def accountability(request):
    return render(
        request,
        "advocacy/outcomes/accountability.html",
        {
            **overview_figures(request),
            "categories": CHART_CATEGORIES,
            "documents_url": reverse("advocacy:outcome_breakdown", args=["dokument"]),
        },
    )


@require_safe
def outcome_breakdown(request, key):
    """The full list behind one breakdown of the overview, paged: every year, authority,
    theme or document with its figures."""
    if key != "dokument" and key not in BREAKDOWNS:
        raise Http404("Ukjent oversikt.")

    def rows():
        proposals = Proposal.objects.submitted()
        if key == "dokument":
            return figures_by_document(proposals, request)
        return BREAKDOWNS[key][2](proposals)

    all_rows = page_cache.remember(f"outcomes:breakdown:{key}:{request.get_host()}", rows)
    page = Paginator(all_rows, FULL_LIST_PAGE_SIZE).get_page(request.GET.get("side"))
    title, heading = (DOCUMENTS_TITLE, "Dokument") if key == "dokument" else BREAKDOWNS[key][:2]
    return render(
        request,
        "advocacy/outcomes/breakdown.html",
        {
            "key": key,
            "title": title,
            "heading": heading,
            "caption": f"LPPs forslag {title.lower()}, fordelt på utfall",
            "page_obj": page,
            "rows": _with_links(list(page.object_list)),
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
    ar = RangeIntegerField(
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
    # A proposal's document is a page: the id must fit Wagtail's page key.
    dokument = IdField(
        model=Page,
        label="Dokument",
        required=False,
        error_messages={"invalid": "Ukjent dokument. Viser alle dokumenter."},
    )
    tema = forms.SlugField(
        label="Tema",
        required=False,
        error_messages={"invalid": "Ukjent tema. Viser alle temaer."},
    )

    def clean_myndighet(self):
        value = self.cleaned_data["myndighet"].strip()
        if not value or value == NO_AUTHORITY:
            return value
        authority_id = parse_id(value, Authority)
        if authority_id is None:
            raise forms.ValidationError("Ukjent myndighet. Viser alle myndigheter.")
        return authority_id


@require_safe
def outcome_list(request):
    """The proposals behind a figure, each with the evidence of the event that set its
    status."""
    form = OutcomeListFilter(request.GET)
    form.is_valid()
    chosen = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    proposals = Proposal.objects.submitted()
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
            authority = Authority.objects.filter(pk=chosen["myndighet"]).first()
            proposals = proposals.filter(target_authority_id=chosen["myndighet"])
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
    for proposal in page.object_list:
        proposal.status_event = status_event(proposal.public_events)
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


@require_safe
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
    proposals = Proposal.objects.submitted().filter(themes=theme)
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
