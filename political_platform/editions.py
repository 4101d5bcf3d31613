"""Starting a new platform edition from the admin: the page header's «Start ny utgave»
and a plain page copy of an edition turned into a new edition."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.widgets.button import HeaderButton

from .models import PlatformPage

NEW_EDITION_URL_NAME = "political_platform_new_edition"


def new_edition_button(page, user, view_name, next_url=None):
    if page.specific_class is PlatformPage and (
        page.get_parent().permissions_for_user(user).can_add_subpage()
    ):
        yield HeaderButton(
            "Start ny utgave",
            url=reverse(NEW_EDITION_URL_NAME, args=[page.pk]),
            icon_name="copy",
            priority=50,
        )


def copy_editions_through_new_edition(request, page):
    """A plain copy would duplicate the edition label: start a new edition instead."""
    if page.specific_class is PlatformPage:
        return redirect(NEW_EDITION_URL_NAME, page.pk)
    return None
