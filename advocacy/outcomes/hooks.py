"""Wagtail hooks for outcome tracking, registered from advocacy/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from .accountability import theme_section
from .admin import (
    OutcomeAdminUrls,
    PublishDraftsBulkAction,
    RecordEventBulkAction,
    proposal_list_url_for_page,
)
from .reports import report_urlpatterns


@hooks.register("register_admin_urls")
def register_outcome_urls():
    return [
        path(
            "utfall/",
            include(
                (OutcomeAdminUrls.urlpatterns(), OutcomeAdminUrls.name),
                namespace=OutcomeAdminUrls.name,
            ),
        ),
        path(
            "utfall/rapporter/",
            include((report_urlpatterns(), "advocacy_reports"), namespace="advocacy_reports"),
        ),
    ]


class OutcomeReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("advocacy.view_proposal")


def _report_item(label, name, icon, order):
    return OutcomeReportMenuItem(
        label,
        reverse(f"advocacy_reports:{name}"),
        name=f"outcomes-{name}",
        icon_name=icon,
        order=order,
    )


@hooks.register("register_reports_menu_item")
def status_by_authority_menu_item():
    return _report_item("Forslag etter status og myndighet", "status_by_authority", "pick", 1000)


@hooks.register("register_reports_menu_item")
def stale_menu_item():
    return _report_item("Forslag uten nytt", "stale", "time", 1010)


@hooks.register("register_reports_menu_item")
def adoption_menu_item():
    return _report_item("Gjennomslag", "adoption", "pick", 1020)


@hooks.register("register_reports_menu_item")
def half_year_menu_item():
    return _report_item("Halvårsrapport til landsstyret", "half_year", "doc-full", 1030)


hooks.register("lpp_theme_sections", theme_section)
hooks.register("register_bulk_action", RecordEventBulkAction)
hooks.register("register_bulk_action", PublishDraftsBulkAction)


@hooks.register("register_page_header_buttons")
def proposals_button_for_documents(page, user, view_name=None, next_url=None):
    """«Forslag og utfall» on the admin of every document with tracked proposals
    (consultation responses, platform chapters): straight to its proposals."""
    if not user.has_perm("advocacy.view_proposal") or not page.proposals.exists():
        return []
    return [
        Button(
            "Forslag og utfall",
            url=proposal_list_url_for_page(page),
            icon_name="pick",
            priority=60,
        )
    ]


@hooks.register("construct_homepage_panels")
def add_follow_up_panel(request, panels):
    from .follow_up import FollowUpPanel

    if request.user.has_perm("advocacy.add_outcomeevent"):
        panels.append(FollowUpPanel(request))
