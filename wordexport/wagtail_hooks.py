"""«Eksporter til Word» in the page header menu and the page listing's "More" menu, for
users who may edit the page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import views
from .pages import has_guidance_choice, is_exportable


class ExportToWordItem(PageMenuItem):
    label = "Eksporter til Word"
    icon_name = "download"
    priority = 45

    def __init__(self, *args, include_guidance=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.include_guidance = include_guidance
        if has_guidance_choice(self.page):
            self.label = (
                "Eksporter til Word (med veiledning)"
                if include_guidance
                else "Eksporter til Word (uten veiledning)"
            )

    @property
    def url(self):
        url = reverse("lpp_docx_export", args=[self.page.pk])
        return url if self.include_guidance else f"{url}?veiledning=nei"

    def is_shown(self, user):
        return is_exportable(self.page) and self.page.permissions_for_user(user).can_edit()


def _items(page):
    if not is_exportable(page):
        return []
    items = [ExportToWordItem(page=page)]
    if has_guidance_choice(page):
        items.append(ExportToWordItem(page=page, include_guidance=False, priority=46))
    return items


@hooks.register("register_page_header_buttons")
def word_export_header_buttons(page, user, view_name, next_url=None):
    yield from _items(page)


@hooks.register("register_page_listing_more_buttons")
def word_export_listing_buttons(page, user, next_url=None):
    yield from _items(page)


@hooks.register("register_admin_urls")
def word_export_urls():
    return [
        path("word-eksport/<int:page_id>/", views.admin_export, name="lpp_docx_export"),
    ]
