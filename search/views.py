import math

from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from advocacy.models import Authority, Theme
from base import analysis
from base.params import IdField, RangeIntegerField

from . import engines, registry
from .snippets import highlight, snippet

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
PER_PAGE = 10
MAX_PAGE = 1000

FACET_TITLES = {
    "type": "Type innhold",
    "tema": "Tema",
    "ar": "År",
    "myndighet": "Myndighet",
    "status": "Status for forslag",
}


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    type = forms.CharField(required=False, max_length=100)
    tema = IdField(model=Theme, required=False)
    ar = RangeIntegerField(required=False, min_value=1900, max_value=2200)
    myndighet = IdField(model=Authority, required=False)
    status = forms.CharField(required=False, max_length=50)
    side = RangeIntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean_type(self):
        value = self.cleaned_data["type"]
        if value and value not in registry.kind_labels():
            raise forms.ValidationError("Ukjent type.")
        return value


def _parse(request):
    """(query text, filters, page, notices) from the request; bad filter values are
    dropped with a notice, never an error."""
    form = SearchForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    notices = []
    if form.errors:
        notices.append("Et ugyldig filter i adressen ble ignorert.")
    text = data.get("q") or ""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(
            f"Søket var svært langt, så vi søkte bare på de første {MAX_QUERY_CHARS} tegnene."
        )
    words = [w for w in analysis.words(text) if w not in analysis.OPERATOR_WORDS]
    if len(words) > MAX_TERMS:
        text = " ".join(words[:MAX_TERMS])
        notices.append(f"Vi søkte på de første {MAX_TERMS} ordene.")
    filters = {name: data.get(name) for name in engines.FACETS if data.get(name)}
    return text, filters, data.get("side") or 1, notices


def _url(params, **changes):
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def _facet_groups(outcome, params, filters):
    groups = []
    for name in engines.FACETS:
        options = outcome.facets.get(name) or []
        selected = str(filters.get(name) or "")
        if not options and not selected:
            continue
        items = []
        for value, label, count in options:
            is_selected = str(value) == selected
            items.append(
                {
                    "label": label,
                    "count": count,
                    "selected": is_selected,
                    "url": _url(params, **{name: None if is_selected else value, "side": None}),
                }
            )
        groups.append(
            {
                "name": name,
                "title": FACET_TITLES[name],
                "items": items,
                "clear_url": _url(params, **{name: None, "side": None}) if selected else None,
            }
        )
    return groups


@require_safe
def search(request):
    text, filters, page, notices = _parse(request)
    params = {"q": text, **{k: str(v) for k, v in filters.items()}}
    terms = analysis.query_terms(text)
    context = {
        "query": text,
        "notices": notices,
        "searched": bool(text.strip()),
        "has_terms": bool(terms),
        "themes": Theme.objects.all()[:20],
        "kind_labels": registry.kind_labels(),
    }
    if terms:
        outcome = engines.run_search(
            engines.SearchQuery(text=text, filters=filters, page=page, per_page=PER_PAGE)
        )
        num_pages = max(1, math.ceil(outcome.total / PER_PAGE))
        if page > num_pages and outcome.total:
            page = num_pages
            outcome = engines.run_search(
                engines.SearchQuery(text=text, filters=filters, page=page, per_page=PER_PAGE)
            )
        context.update(
            outcome=outcome,
            results=[
                {
                    "document": doc,
                    "title": highlight(doc.title, terms),
                    "snippet": snippet(doc.text, terms),
                }
                for doc in outcome.documents
            ],
            facet_groups=_facet_groups(outcome, params, filters),
            page_number=page,
            num_pages=num_pages,
            first_number=(page - 1) * PER_PAGE + 1,
            last_number=min(page * PER_PAGE, outcome.total),
            previous_url=_url(params, side=page - 1 if page > 2 else None) if page > 1 else None,
            next_url=_url(params, side=page + 1) if page < num_pages else None,
            any_filter=bool(filters),
            clear_filters_url=_url({"q": text}),
        )
    return render(request, "search/search.html", context)


@require_safe
def suggestions(request):
    """Autocomplete: up to eight titles whose words start with what was typed."""
    text = (request.GET.get("q") or "")[:MAX_QUERY_CHARS]
    found = engines.autocomplete(text)
    return JsonResponse({"suggestions": [{"title": t, "url": u, "type": k} for t, u, k in found]})
