from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from base.admin_urls import moved_to
from base.visibility import refuse_expired_page

from . import docx
from .models import Proposal
from .outcomes import strategy_metric
from .outcomes.accountability import theme_section
from .outcomes.admin_menu import REPORTS, proposals_button_for_documents, report_menu_item
from .outcomes.bulk_actions import PublishDraftsBulkAction, RecordEventBulkAction
from .outcomes.reports import report_urlpatterns
from .permissions import proposal_policy
from .viewsets import AdvocacyViewSetGroup

register_permission_policy(Proposal, proposal_policy, exact_class=True)
register_snippet(AdvocacyViewSetGroup)


@hooks.register("register_admin_urls")
def register_outcome_urls():
    moved = [
        path("forslag/<int:pk>/registrer/", moved_to(Proposal, "record")),
        path("hendelse/<int:event_pk>/rett/", moved_to(Proposal, "correct")),
        path("hendelse/<int:event_pk>/publiser/", moved_to(Proposal, "publish")),
        path("hendelse/<int:event_pk>/forkast/", moved_to(Proposal, "discard")),
    ]
    return [
        path(
            "utfall/rapporter/",
            include((report_urlpatterns(), "advocacy_reports"), namespace="advocacy_reports"),
        ),
        path("utfall/", include(moved)),
    ]


for _index in range(len(REPORTS)):
    hooks.register("register_reports_menu_item", lambda i=_index: report_menu_item(i))

hooks.register("register_bulk_action", RecordEventBulkAction)
hooks.register("register_bulk_action", PublishDraftsBulkAction)
hooks.register("register_page_header_buttons", proposals_button_for_documents)
hooks.register("lpp_theme_sections", theme_section)
# The strategy follow-up reads the outcome figures through its hook (strategy/metrics.py).
hooks.register("register_strategy_metric", strategy_metric.register)
# The one public rule (base.visibility) also for serving: an expired page is gone.
hooks.register("before_serve_page", refuse_expired_page)
# Word export (advocacy/docx.py): proposal and demand blocks, the half-year report as Word.
hooks.register("register_docx_block_writers", docx.block_writers)
hooks.register("register_admin_urls", docx.admin_urls)
