"""What every endpoint of the public JSON API shares (used by :mod:`lpp.api`):

* every integer parameter (``offset``, ``limit``, ``child_of`` …, a filter on an integer
  field) is range-checked by :mod:`base.params` before a query runs, and a NUL byte in any
  parameter is refused: a bad value is a 400, never a 500;
* every error is in Norwegian: Wagtail API v2 raises ``BadRequestError`` with English
  text from its filters, pagination and field parser, so those messages are translated
  here, in one table, and anything not in the table gets a general Norwegian message;
* ``?search=`` goes to the project's own Norwegian search (:mod:`search.engines`), which
  holds public documents only, instead of Wagtail's search backend.
"""

import logging
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.urls import path
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from base.params import INT32_MAX, column_max, parse_id, parse_int
from search import engines

logger = logging.getLogger("lpp.api")

# Beyond any real list; keeps OFFSET + LIMIT far inside a signed 64-bit integer.
MAX_OFFSET = INT32_MAX
# The search answers at most this many hits to one API request (ranked best first).
MAX_SEARCH_HITS = 500
MAX_SEARCH_CHARS = 200
# Wagtail's page filters that take a page id (or "root").
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


class NorwegianBadRequest(BadRequestError):
    """A 400 whose message is already Norwegian (raised by this module)."""


GENERAL_ERROR = "Ugyldig forespørsel. Se dokumentasjonen av API-et for gyldige parametere."

# Wagtail API v2's messages (wagtail/api/v2/{filters,pagination,utils,views}.py) and
# their Norwegian wording; groups are carried over.
TRANSLATIONS = [
    (r"offset must be a positive integer", "offset må være et heltall fra 0 og oppover."),
    (r"limit must be a positive integer", "limit må være et heltall fra 0 og oppover."),
    (r"limit cannot be higher than (\d+)", "limit kan ikke være høyere enn {0}."),
    (
        r"query parameter is not an operation or a recognised field: (.*)",
        "Ukjent parameter: {0}.",
    ),
    (r"unknown fields: (.*)", "Ukjente felt: {0}."),
    (r"'(.*)' does not support nested fields", "Feltet «{0}» har ingen underfelt."),
    (r"fields error: (.*)", "Feil i fields: {0}"),
    (r"unexpected char '(.*)' at position (\d+)", "uventet tegn «{0}» på plass {1}."),
    (r"unexpected whitespace at position (\d+)", "uventet mellomrom på plass {0}."),
    (r"'(.*)' must be in the first position", "«{0}» må stå først."),
    (r"'(.*)' cannot be negated", "«{0}» kan ikke utelates med minus."),
    (r"negated fields with '_' doesn't make sense", "minus-felt kan ikke brukes med «_»."),
    (
        r"additional fields with '\*' doesn't make sense",
        "flere felt etter «*» må ha underfelt eller minus.",
    ),
    (r"unexpected end of input.*", "mangler en avsluttende parentes."),
    (r"type doesn't exist", "Ukjent sidetype i type."),
    (
        r"field filter error\. '(.*)' is not a valid value for (\w+) .*",
        "«{0}» er ikke en gyldig verdi for {1}.",
    ),
    (
        r"field filter error\. null characters are not allowed for (\w+)",
        "Nulltegn er ikke tillatt i {0}.",
    ),
    (
        r"random ordering cannot be combined with other fields\.?",
        "order=random kan ikke kombineres med andre felt.",
    ),
    (
        r"random ordering with offset is not supported\.?",
        "order=random kan ikke brukes sammen med offset.",
    ),
    (r"cannot order by '(.*)' \(unknown field\)", "Kan ikke sortere etter «{0}» (ukjent felt)."),
    (r"cannot order by '(.*)' \(invalid field\)", "Kan ikke sortere etter «{0}»."),
    (
        r"cannot (?:filter|order) by '(.*)' while searching.*",
        "Feltet «{0}» kan ikke brukes sammen med search.",
    ),
    (
        r"filtering by tag with a search query is not supported",
        "Filtrering på temaer kan ikke kombineres med search.",
    ),
    (
        r"(\w+) must be a positive integer",
        "{0} må være et side-ID (et positivt heltall) eller «root».",
    ),
    (r"parent page doesn't exist", "Fant ikke siden i child_of."),
    (r"descendant page doesn't exist", "Fant ikke siden i ancestor_of."),
    (r"ancestor page doesn't exist", "Fant ikke siden i descendant_of."),
    (r"translation_of page doesn't exist", "Fant ikke siden i translation_of."),
    (
        r"filtering by descendant_of with child_of is not supported",
        "descendant_of kan ikke kombineres med child_of.",
    ),
    (
        r"rich_text_format must be one of (.*), got '(.*)'",
        "rich_text_format må være en av {0}, ikke «{1}».",
    ),
    (r"Rich text .*", "Ugyldig rik tekst."),
    (r"Invalid Markdown in rich text.*", "Ugyldig Markdown i rik tekst."),
    (r"search is disabled", "Søk er slått av."),
    (r"Your query returned multiple sites.*", "Flere nettsteder passer: oppgi også port i site."),
]
TRANSLATIONS = [(re.compile(pattern, re.DOTALL), text) for pattern, text in TRANSLATIONS]


def norwegian(message):
    """A Wagtail API error message in Norwegian."""
    for pattern, text in TRANSLATIONS:
        match = pattern.fullmatch(message)
        if match:
            groups = [norwegian_part(group) for group in match.groups()]
            return text.format(*groups)
    logger.warning("API-feilmelding uten norsk oversettelse: %s", message)
    return GENERAL_ERROR


def norwegian_part(text):
    """A group that is itself a message (the field parser's inside «fields error: …»)."""
    for pattern, translated in TRANSLATIONS:
        match = pattern.fullmatch(text)
        if match:
            return translated.format(*match.groups())
    return text


class Pagination(WagtailPagination):
    """Wagtail's offset/limit pagination, with both checked before the query."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX or 20
        offset = parse_int(request.GET.get("offset", "0"), minimum=0, maximum=MAX_OFFSET)
        if offset is None:
            raise NorwegianBadRequest(f"offset må være et heltall fra 0 til {MAX_OFFSET}.")
        limit = parse_int(request.GET.get("limit", str(min(20, limit_max))), minimum=0)
        if limit is None:
            raise NorwegianBadRequest(f"limit må være et heltall fra 0 til {limit_max}.")
        if limit > limit_max:
            raise NorwegianBadRequest(f"limit kan ikke være høyere enn {limit_max}.")
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


def _filter_field(model, name):
    """The concrete model field a filter parameter names (a foreign key's target), or
    None for a parameter that is not a field filter or a tag filter."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, models.ForeignKey):
        return field.target_field
    return field if getattr(field, "concrete", False) else None


def _is_integer(field):
    return isinstance(field, (models.IntegerField, models.AutoField)) and not isinstance(
        field, models.BooleanField
    )


class NorwegianAPIMixin:
    """Mixed into every endpoint: parameters checked before any query, errors in
    Norwegian, pagination with range checks, search through the project's search."""

    pagination_class = Pagination
    # The converter of the detail view's id (base.params): an id too large for the
    # column does not match the URL, so it is a 404 before any query.
    id_converter = "id"

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path(f"<{cls.id_converter}:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Before the queryset is built: Wagtail reads ?site= while building it.
        self._refuse_nul_bytes()
        self._check_site()

    def filter_queryset(self, queryset):
        # The listing and the detail view both filter (Wagtail applies ?alias_of= … to
        # a detail view too): every value is checked before the first filter runs.
        self._check_values(queryset.model)
        return super().filter_queryset(queryset)

    def find_view(self, request):
        # Wagtail's find view (?id=, ?html_path=) does not filter; check here.
        self._check_values(self.get_queryset().model)
        return super().find_view(request)

    def _refuse_nul_bytes(self):
        for name, values in self.request.GET.lists():
            if any("\x00" in value for value in values):
                raise NorwegianBadRequest(f"Nulltegn er ikke tillatt i {name}.")

    def _check_site(self):
        for value in self.request.GET.getlist("site"):
            _host, _colon, port = value.partition(":")
            if port and parse_int(port, maximum=65535) is None:
                raise NorwegianBadRequest(
                    "site må være et vertsnavn, eventuelt med port: www.lpp.no:443."
                )

    def _check_values(self, model):
        filters = set(self.get_available_fields(model, db_fields_only=True))
        for name, values in self.request.GET.lists():
            for value in values:
                if name in PAGE_ID_PARAMETERS:
                    if value != "root" and parse_id(value, Page) is None:
                        raise NorwegianBadRequest(
                            f"{name} må være et side-ID (et positivt heltall) eller «root»."
                        )
                elif name in filters:
                    self._check_filter_value(model, name, value)

    def _check_filter_value(self, model, name, value):
        """A value for a field filter (?id=, ?first_published_at=) is converted the way
        the field would convert it, so a bad one is a 400 here and not an error in the
        query (an integer out of range, a date that is no date)."""
        field = _filter_field(model, name)
        if field is None:
            return
        if _is_integer(field):
            maximum = column_max(field)
            minimum = -maximum
            if field.primary_key or field.get_internal_type().startswith("Positive"):
                minimum = 0
            if parse_int(value, minimum=minimum, maximum=maximum) is None:
                raise NorwegianBadRequest(f"{name} må være et heltall fra {minimum} til {maximum}.")
            return
        if isinstance(field, models.BooleanField):
            return  # Wagtail's own check: only "true" and "false"
        try:
            field.get_prep_value(field.to_python(value))
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise NorwegianBadRequest(f"«{shown}» er ikke en gyldig verdi for {name}.") from error

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response(
                {"message": "Fant ikke det du ba om."}, status=status.HTTP_404_NOT_FOUND
            )
        if isinstance(exc, BadRequestError):
            message = str(exc) if isinstance(exc, NorwegianBadRequest) else norwegian(str(exc))
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, APIException):
            # DRF's own (method not allowed, not acceptable …) come translated by
            # LANGUAGE_CODE; the body is kept in the API's one shape: {"message": …}.
            response = super().handle_exception(exc)
            detail = response.data.get("detail") if isinstance(response.data, dict) else None
            if detail is not None:
                response.data = {"message": str(detail)}
            return response
        return super().handle_exception(exc)


class PublicSearchFilter(BaseFilterBackend):
    """``?search=``: the project's Norwegian search over public documents, narrowed to
    this endpoint's model and kept in rank order (unless ``?order=`` is given). Must be
    the last filter: it needs the queryset after every other filter."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = request.GET["search"][:MAX_SEARCH_CHARS]
        outcome = engines.run_search(
            engines.SearchQuery(text=text, page=1, per_page=MAX_SEARCH_HITS), with_facets=False
        )
        model = queryset.model
        ids = []
        for document in outcome.documents:
            found = ContentType.objects.get_for_id(document.content_type_id).model_class()
            if found is not None and issubclass(found, model):
                pk = parse_int(document.source_id, maximum=column_max(found))
                if pk is not None:
                    ids.append(pk)
        queryset = queryset.filter(pk__in=ids)
        if "order" not in request.GET and ids:
            rank = Case(
                *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)],
                output_field=IntegerField(),
            )
            queryset = queryset.annotate(search_rank=rank).order_by("search_rank")
        return queryset
