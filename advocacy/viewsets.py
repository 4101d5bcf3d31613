from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import ThemeForm
from .models import Authority, Theme
from .outcomes.admin import ProposalViewSet


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Temaer"
    menu_name = "themes"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]

    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
        base_form_class=ThemeForm,
    )


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "group"
    menu_label = "Myndigheter"
    menu_name = "authorities"
    list_display = ["name", "short_name", "kind", "website"]
    list_filter = ["kind"]
    list_export = ["name", "short_name", "kind", "website", "email"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


class AdvocacyViewSetGroup(ViewSetGroup):
    menu_label = "Påvirkning"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ThemeViewSet, AuthorityViewSet, ProposalViewSet)
