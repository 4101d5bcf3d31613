import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, UsageView

from advocacy.models import Proposal, Theme
from advocacy.visibility import restrict_to_public
from lpp import params  # noqa: F401 - registers the <page_id:…> converter
from lpp.admin_lists import YesNoSelect
from lpp.dates import long_date

from .blocks import PlatformPositionBlock
from .models import PlatformChapterPage, PlatformPage, Position
from .views import new_edition


class SyncedRecordPolicy(ModelPermissionPolicy):
    """Positions are written by publishing a chapter, never by hand: nobody adds or
    edits them in the admin (not even administrators); viewing follows the model's
    view permission."""

    blocked = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        return action not in self.blocked and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Position, SyncedRecordPolicy(Position))


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


register_snippet(PositionViewSet)


@hooks.register("register_admin_urls")
def platform_admin_urls():
    return [
        path(
            # <page_id:…> (lpp.params): an id too large for the page table is a 404.
            "plattform/<page_id:page_id>/ny-utgave/",
            new_edition,
            name="political_platform_new_edition",
        ),
    ]


@hooks.register("register_page_header_buttons")
def new_edition_button(page, user, view_name, next_url=None):
    if page.specific_class is PlatformPage and (
        page.get_parent().permissions_for_user(user).can_add_subpage()
    ):
        yield HeaderButton(
            "Start ny utgave",
            url=reverse("political_platform_new_edition", args=[page.pk]),
            icon_name="copy",
            priority=50,
        )


@hooks.register("before_copy_page")
def copy_editions_through_new_edition(request, page):
    """A plain copy would duplicate the edition label: start a new edition instead."""
    if page.specific_class is PlatformPage:
        return redirect("political_platform_new_edition", page.pk)
    return None


def stale_platform_quotes(page):
    """(state, quote value) for each platform quote in the page's latest draft whose
    source has changed, been removed from the platform or is gone."""
    found = []
    for field in page._meta.get_fields():
        stream_block = getattr(field, "stream_block", None)
        if stream_block is None or not _can_hold_quotes(stream_block):
            continue
        for _block, value in _walk(stream_block, getattr(page, field.name)):
            state = PlatformPositionBlock.source_state(value)
            if state != "current":
                found.append((state, value))
    return found


def _can_hold_quotes(block):
    """Whether a block definition can contain a PlatformPositionBlock (so pages without
    one are not walked at all)."""
    from wagtail.blocks import ListBlock

    if isinstance(block, PlatformPositionBlock):
        return True
    if isinstance(block, ListBlock):
        return _can_hold_quotes(block.child_block)
    children = getattr(block, "child_blocks", None) or {}
    return any(_can_hold_quotes(child) for child in children.values())


def _walk(block, value):
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock

    if isinstance(block, PlatformPositionBlock):
        yield block, value
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _walk(child.block, child.value)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _walk(child_block, value.get(name))
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _walk(block.child_block, item)


STATE_NOTICES = {
    "changed": "Standpunktet «{quote}» er endret i plattformen siden det ble sitert. "
    "Tøm feltet «Sitert ordlyd» og lagre for å bruke den nye ordlyden.",
    "retired": "Standpunktet «{quote}» er tatt ut av plattformen siden det ble sitert.",
    "gone": "Standpunktet «{quote}» finnes ikke lenger i plattformen. Siden viser den "
    "siterte kopien og sier at kilden er borte.",
}


@hooks.register("before_edit_page")
def warn_about_changed_platform_quotes(request, page):
    """Tell the editor, when a page is opened for editing, which platform positions it
    quotes have changed (or gone) since they were quoted."""
    if request.method != "GET":
        return None
    draft = page.get_latest_revision_as_object()
    for state, value in stale_platform_quotes(draft):
        quote = (value.get("quoted_text") or "")[:80]
        messages.warning(request, STATE_NOTICES[state].format(quote=quote))
    return None


def _current_edition(request):
    """The current edition, looked up once per request."""
    if not hasattr(request, "_lpp_current_edition"):
        request._lpp_current_edition = PlatformPage.current()
    return request._lpp_current_edition


def _platform_chapter_ids(edition):
    return restrict_to_public(PlatformChapterPage.objects.child_of(edition)).values_list(
        "pk", flat=True
    )


@hooks.register("lpp_theme_sections")
def platform_positions_section(theme, request):
    """The current platform edition's positions on the theme."""
    edition = _current_edition(request)
    if edition is None:
        return None
    positions = list(
        Position.objects.public()
        .filter(chapter_id__in=_platform_chapter_ids(edition), themes=theme)
        .select_related("chapter")
        .order_by("chapter__path", "order")
    )
    return {
        "title": f"LPP mener – {edition.title}",
        "items": positions,
        "edition": edition,
        "template": "political_platform/includes/theme_positions.html",
    }


@hooks.register("lpp_unsent_proposal_pages")
def platform_chapter_pages():
    """advocacy's «sendt inn»: a platform's demands are positions LPP holds; publishing
    the chapter sends nothing (a demand counts once it is sent with evidence)."""
    return PlatformChapterPage.objects.values("pk")


@hooks.register("lpp_platform_demand_pages")
def adopted_chapter_pages():
    """advocacy's «LPP krever»: the chapters of a public, adopted edition."""
    steplen = PlatformChapterPage.steplen
    adopted_parent = restrict_to_public(
        PlatformPage.objects.filter(
            status=PlatformPage.Status.ADOPTED,
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steplen),
        )
    )
    return PlatformChapterPage.objects.filter(Exists(adopted_parent)).values("pk")


@hooks.register("lpp_theme_sections")
def platform_demands_section(theme, request):
    """The current platform edition's demands on the theme, with their status."""
    edition = _current_edition(request)
    if edition is None:
        return None
    demands = list(
        Proposal.objects.filter(
            source_page_id__in=_platform_chapter_ids(edition),
            source_page__content_type=ContentType.objects.get_for_model(PlatformChapterPage),
            retired_at__isnull=True,
            themes=theme,
        )
        .select_related("source_page")
        .order_by("source_page__path", "position")
    )
    return {
        "title": f"LPP vil – krav i {edition.title}",
        "items": demands,
        "edition": edition,
        "template": "political_platform/includes/theme_demands.html",
    }


# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
from . import strategy_metric  # noqa: E402

hooks.register("register_strategy_metric", strategy_metric.register)
