"""The admin of the platform's position records («Standpunkter»): a list, an inspect view
that says where a position is quoted, and the chooser a response quotes from."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, UsageView

from advocacy.models import Theme
from base.admin_lists import YesNoSelect
from base.dates import long_date

from .models import PlatformPage, Position


class PositionFilterForm(SearchFilterMixin, BaseFilterForm):
    theme = forms.ModelChoiceField(
        label="Tema",
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label="Alle temaer",
    )

    def filter(self, objects):
        theme = self.cleaned_data.get("theme")
        if theme:
            objects = objects.filter(
                pk__in=list(Position.objects.filter(themes=theme).values_list("pk", flat=True))
            )
        return super().filter(objects)


class PositionChooseMixin:
    filter_form_class = PositionFilterForm

    def get_object_list(self):
        # Only what a response may quote: positions the public can follow to their chapter.
        return Position.objects.public().select_related("chapter")


class PositionChooseView(PositionChooseMixin, ChooseView):
    pass


class PositionChooseResultsView(PositionChooseMixin, ChooseResultsView):
    pass


class PositionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PositionChooseView
    choose_results_view_class = PositionChooseResultsView


class PositionUsageView(UsageView):
    # Seeing where a position is quoted needs no right to change it.
    permission_required = "view"


class PositionInspectView(InspectView):
    def get_usage_display_value(self):
        groups = list(ReferenceIndex.get_grouped_references_to(self.object))
        if not groups:
            return "Ikke sitert i andre dokumenter ennå."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (
                        reverse("wagtailadmin_pages:edit", args=[obj.pk])
                        if isinstance(obj, Page)
                        else "#",
                        str(obj),
                    )
                    for obj, _refs in groups
                ),
            ),
        )

    def get_field_label(self, field_name, field):
        if field_name == "usage":
            return "Sitert i"
        if field_name == "public_url":
            return "På nettstedet"
        return super().get_field_label(field_name, field)

    def get_retired_at_display_value(self):
        if self.object.retired_at is None:
            return "Nei, standpunktet er med i plattformen"
        return long_date(self.object.retired_at)

    def get_public_url_display_value(self):
        url = self.object.get_url()
        if not url:
            return "Ikke publisert"
        return format_html('<a href="{}">{}</a>', url, url)


def edition_queryset(request):
    return PlatformPage.objects.order_by("-first_published_at")


class PositionFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        label="Utgave", field_name="edition", queryset=edition_queryset, empty_label="Alle"
    )
    theme = django_filters.ModelChoiceFilter(
        label="Tema",
        field_name="themes",
        queryset=Theme.objects.all(),
        empty_label="Alle",
        distinct=True,
    )
    retired = django_filters.BooleanFilter(
        label="Tatt ut av plattformen",
        field_name="retired_at",
        lookup_expr="isnull",
        exclude=True,
        widget=YesNoSelect,
    )

    class Meta:
        model = Position
        fields = []


class PositionViewSet(SnippetViewSet):
    model = Position
    icon = "openquote"
    menu_label = "Standpunkter"
    menu_name = "positions"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = PositionInspectView
    inspect_view_fields = [
        "text",
        "source_label",
        "themes",
        "first_published_at",
        "text_changed_at",
        "retired_at",
        "public_url",
        "usage",
    ]
    usage_view_class = PositionUsageView
    chooser_viewset_class = PositionChooserViewSet
    list_display = ["__str__", "source_label", "text_changed_at", "retired_at"]
    filterset_class = PositionFilterSet
    list_export = ["text", "source_label", "first_published_at", "text_changed_at", "retired_at"]
    export_filename = "standpunkter"
    search_fields = ["text", "source_label"]
    ordering = ["edition_id", "chapter_id", "order"]

    def get_queryset(self, request):
        return Position.objects.select_related("chapter")
