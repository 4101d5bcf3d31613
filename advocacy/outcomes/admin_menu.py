"""Where outcome tracking shows up in the admin outside its own viewset: the reports menu,
and a «Forslag og utfall» button on every document with tracked proposals. Registered in
advocacy/wagtail_hooks.py."""

from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from base.admin_urls import snippet_url

from ..models import Proposal
from ..permissions import VIEW_PROPOSAL

REPORTS_NAMESPACE = "advocacy_reports"  # registered in advocacy/wagtail_hooks.py

# (label, report URL name, icon), in menu order.
REPORTS = [
    ("Forslag etter status og myndighet", "status_by_authority", "pick"),
    ("Forslag uten nytt", "stale", "time"),
    ("Gjennomslag", "adoption", "pick"),
    ("Halvårsrapport til landsstyret", "half_year", "doc-full"),
]


class OutcomeReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PROPOSAL)


def report_menu_item(index):
    label, name, icon = REPORTS[index]
    return OutcomeReportMenuItem(
        label,
        reverse(f"{REPORTS_NAMESPACE}:{name}"),
        name=f"outcomes-{name}",
        icon_name=icon,
        order=1000 + 10 * index,
    )


def proposal_list_url_for_page(page):
    return f"{snippet_url(Proposal, 'list')}?document={page.pk}"


def proposals_button_for_documents(page, user, view_name=None, next_url=None):
    """«Forslag og utfall» on the admin of every document with tracked proposals
    (consultation responses, platform chapters): straight to its proposals."""
    if not user.has_perm(VIEW_PROPOSAL) or not page.proposals.exists():
        return []
    return [
        Button(
            "Forslag og utfall",
            url=proposal_list_url_for_page(page),
            icon_name="pick",
            priority=60,
        )
    ]
